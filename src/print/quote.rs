//! Go's `strconv.Quote` (the `%q` verb): Kubernetes messages quote values with it and Go
//! templates' `printf "%q"` prints with it, so both sides ask this one function.

/// `s` quoted as Go's `strconv.Quote` quotes it: printable characters as they are, `\n`-style escapes, `\x00` for other control bytes.
pub fn go_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{b}' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::go_quote;

    #[test]
    fn quotes_as_strconv_quote() {
        assert_eq!(go_quote("x-eg\0"), "\"x-eg\\x00\"");
        assert_eq!(go_quote("a\"b\\c\r\n\t"), "\"a\\\"b\\\\c\\r\\n\\t\"");
        assert_eq!(go_quote("café \u{1b}"), "\"café \\x1b\"");
        assert_eq!(go_quote("\u{85}"), "\"\\u0085\"");
        assert_eq!(go_quote("\u{7}\u{7f}"), "\"\\a\\x7f\"");
    }
}
