//! Text layout helpers with kubectl's exact rules: go-wordwrap's word wrap and the template
//! `indent` function, so descriptions break on the same words as in kubectl's output.

/// Prefixes every line of `text` with `amount` spaces, as kubectl's `indent` does (an empty
/// line gets the spaces too).
pub(super) fn indent(amount: usize, text: &str) -> String {
    let pad = " ".repeat(amount);
    let mut out = String::with_capacity(text.len() + amount * 4);
    out.push_str(&pad);
    for c in text.chars() {
        out.push(c);
        if c == '\n' {
            out.push_str(&pad);
        }
    }
    out
}

/// Word wrap with the rules of go-wordwrap, which kubectl uses: existing line breaks stay, a
/// line breaks at the last space before it would pass `limit` characters, and a word longer
/// than the limit is never split.
pub(super) fn wrap(limit: usize, text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut current = 0usize;
    let mut word = String::new();
    let mut word_len = 0usize;
    let mut space = String::new();
    let mut space_len = 0usize;

    for c in text.chars() {
        if c == '\n' {
            end_line(&mut out, &space, &word, current + space_len <= limit);
            word.clear();
            word_len = 0;
            space.clear();
            space_len = 0;
            out.push('\n');
            current = 0;
        } else if c.is_whitespace() && c != '\u{a0}' {
            if space.is_empty() || !word.is_empty() {
                current += space_len + word_len;
                out.push_str(&space);
                out.push_str(&word);
                space.clear();
                space_len = 0;
                word.clear();
                word_len = 0;
            }
            space.push(c);
            space_len += 1;
        } else {
            word.push(c);
            word_len += 1;
            if current + space_len + word_len > limit && word_len < limit {
                out.push('\n');
                current = 0;
                space.clear();
                space_len = 0;
            }
        }
    }
    end_line(&mut out, &space, &word, current + space_len <= limit);
    out
}

/// Writes what is pending at the end of a line: the word with the spaces before it, or the
/// trailing spaces alone when they still fit (`spaces_fit`).
fn end_line(out: &mut String, space: &str, word: &str, spaces_fit: bool) {
    if !word.is_empty() || spaces_fit {
        out.push_str(space);
        out.push_str(word);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_like_kubectl_keeping_line_breaks() {
        // The first line passes 76 characters and breaks before "backends"; the source
        // line break after it stays.
        let text = "A policy attaches to Gateways or routes and tunes the traffic they send to backends\nbehind them.\n";
        assert_eq!(
            wrap(76, text),
            "A policy attaches to Gateways or routes and tunes the traffic they send to\nbackends\nbehind them.\n"
        );
        // A word longer than the limit stays whole on its own line.
        let long = format!("More info: {}", "x".repeat(90));
        assert_eq!(wrap(76, &long), format!("More info:\n{}", "x".repeat(90)));
    }

    #[test]
    fn indents_every_line_including_empty_ones() {
        assert_eq!(indent(4, "a\n\nb\n"), "    a\n    \n    b\n    ");
    }
}
