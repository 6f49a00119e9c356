//! YAML output exactly as kubectl writes it for unstructured objects (sigs.k8s.io/yaml on top of
//! go-yaml v2): keys in go-yaml's natural order, sequences not indented under their key, strings
//! quoted only when a YAML 1.1 reader would take them for something else, long lines folded.

use serde_json::{Map, Value};

use super::yaml_scalar::resolves_to_string;
pub use super::yaml_scalar::{go_format_g, go_number};
use std::cmp::Ordering;

/// go-yaml's preferred line width: plain and quoted scalars fold at the first space past it.
const BEST_WIDTH: usize = 80;

/// The YAML document for `value`, ending in a newline.
pub fn to_yaml(value: &Value) -> String {
    let mut out = Emitter::default();
    match value {
        Value::Object(m) if !m.is_empty() => out.mapping(m, 0, false),
        Value::Array(a) if !a.is_empty() => out.sequence(a, 0, false),
        other => {
            out.inline_value(other, 0);
            out.end_line();
        }
    }
    out.text
}

/// go-yaml v2's key order: letters after non-letters, digit runs compared as numbers.
pub fn key_order(a: &str, b: &str) -> Ordering {
    let ar: Vec<char> = a.chars().collect();
    let br: Vec<char> = b.chars().collect();
    let mut i = 0;
    while i < ar.len() && i < br.len() {
        if ar[i] == br[i] {
            i += 1;
            continue;
        }
        let al = ar[i].is_alphabetic();
        let bl = br[i].is_alphabetic();
        if al && bl {
            return ar[i].cmp(&br[i]);
        }
        if al || bl {
            return if bl {
                Ordering::Less
            } else {
                Ordering::Greater
            };
        }
        let (mut an, mut bn) = (0i64, 0i64);
        if ar[i] == '0' || br[i] == '0' {
            let mut j = i;
            while j > 0 && ar[j - 1].is_ascii_digit() {
                j -= 1;
                if ar[j] != '0' {
                    an = 1;
                    bn = 1;
                    break;
                }
            }
        }
        let mut ai = i;
        while ai < ar.len() && ar[ai].is_ascii_digit() {
            an = an
                .saturating_mul(10)
                .saturating_add(ar[ai] as i64 - '0' as i64);
            ai += 1;
        }
        let mut bi = i;
        while bi < br.len() && br[bi].is_ascii_digit() {
            bn = bn
                .saturating_mul(10)
                .saturating_add(br[bi] as i64 - '0' as i64);
            bi += 1;
        }
        if an != bn {
            return an.cmp(&bn);
        }
        if ai != bi {
            return ai.cmp(&bi);
        }
        return ar[i].cmp(&br[i]);
    }
    ar.len().cmp(&br.len())
}

pub(crate) fn sorted_entries(m: &Map<String, Value>) -> Vec<(&String, &Value)> {
    let mut entries: Vec<_> = m.iter().collect();
    entries.sort_by(|a, b| key_order(a.0, b.0));
    entries
}

#[derive(Default)]
struct Emitter {
    text: String,
}

#[derive(Clone, Copy, PartialEq)]
enum Style {
    Plain,
    Single,
    Double,
    Literal,
}

impl Emitter {
    fn column(&self) -> usize {
        let start = self.text.rfind('\n').map_or(0, |i| i + 1);
        self.text[start..].chars().count()
    }

    fn newline(&mut self) {
        self.text.push('\n');
    }

    fn indent(&mut self, n: usize) {
        for _ in 0..n {
            self.text.push(' ');
        }
    }

    /// A non-empty mapping whose entries sit at `indent`; `inline` when the first key follows a `- `.
    fn mapping(&mut self, m: &Map<String, Value>, indent: usize, inline: bool) {
        for (i, (key, value)) in sorted_entries(m).into_iter().enumerate() {
            if i > 0 || !inline {
                self.indent(indent);
            }
            self.scalar(key, indent, true);
            self.text.push(':');
            match value {
                Value::Object(child) if !child.is_empty() => {
                    self.newline();
                    self.mapping(child, indent + 2, false);
                }
                Value::Array(items) if !items.is_empty() => {
                    self.newline();
                    self.sequence(items, indent, false);
                }
                other => {
                    self.text.push(' ');
                    self.inline_value(other, indent);
                    self.end_line();
                }
            }
        }
    }

    /// A non-empty sequence whose `- ` markers sit at `indent`.
    fn sequence(&mut self, items: &[Value], indent: usize, inline: bool) {
        for (i, item) in items.iter().enumerate() {
            if i > 0 || !inline {
                self.indent(indent);
            }
            self.text.push_str("- ");
            match item {
                Value::Object(child) if !child.is_empty() => self.mapping(child, indent + 2, true),
                Value::Array(inner) if !inner.is_empty() => self.sequence(inner, indent + 2, true),
                other => {
                    self.inline_value(other, indent);
                    self.end_line();
                }
            }
        }
    }

    /// A scalar or empty collection on the current line; `indent` is its container's.
    fn inline_value(&mut self, value: &Value, indent: usize) {
        match value {
            Value::Null => self.text.push_str("null"),
            Value::Bool(b) => self.text.push_str(if *b { "true" } else { "false" }),
            Value::Number(n) => self.text.push_str(&go_number(n)),
            Value::String(s) => self.scalar(s, indent, false),
            Value::Object(_) => self.text.push_str("{}"),
            Value::Array(_) => self.text.push_str("[]"),
        }
    }

    fn scalar(&mut self, s: &str, indent: usize, simple_key: bool) {
        let style = select_style(s, simple_key);
        let content_indent = indent + 2;
        match style {
            Style::Plain => self.write_plain(s, content_indent, !simple_key),
            Style::Single => self.write_single(s, content_indent, !simple_key),
            Style::Double => self.write_double(s, content_indent, !simple_key),
            Style::Literal => self.write_literal(s, content_indent),
        }
    }

    fn break_line(&mut self, indent: usize) {
        self.newline();
        self.indent(indent);
    }

    fn write_plain(&mut self, s: &str, indent: usize, allow_breaks: bool) {
        let chars: Vec<char> = s.chars().collect();
        let mut spaces = false;
        let mut column = self.column();
        for (i, &c) in chars.iter().enumerate() {
            if c == ' ' {
                let next_space = chars.get(i + 1) == Some(&' ');
                if allow_breaks && !spaces && column > BEST_WIDTH && !next_space {
                    self.break_line(indent);
                    column = indent;
                } else {
                    self.text.push(c);
                    column += 1;
                }
                spaces = true;
            } else {
                self.text.push(c);
                column += 1;
                spaces = false;
            }
        }
    }

    fn write_single(&mut self, s: &str, indent: usize, allow_breaks: bool) {
        let chars: Vec<char> = s.chars().collect();
        self.text.push('\'');
        let mut column = self.column();
        let mut spaces = false;
        for (i, &c) in chars.iter().enumerate() {
            if c == ' ' {
                let next_space = chars.get(i + 1) == Some(&' ');
                if allow_breaks
                    && !spaces
                    && column > BEST_WIDTH
                    && i > 0
                    && i < chars.len() - 1
                    && !next_space
                {
                    self.break_line(indent);
                    column = indent;
                } else {
                    self.text.push(c);
                    column += 1;
                }
                spaces = true;
            } else {
                if c == '\'' {
                    self.text.push('\'');
                    column += 1;
                }
                self.text.push(c);
                column += 1;
                spaces = false;
            }
        }
        self.text.push('\'');
    }

    fn write_double(&mut self, s: &str, indent: usize, allow_breaks: bool) {
        let chars: Vec<char> = s.chars().collect();
        self.text.push('"');
        let mut column = self.column();
        let mut spaces = false;
        for (i, &c) in chars.iter().enumerate() {
            // Line breaks are escaped as go-yaml does: a raw one would be folded to a space.
            let line_break = matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}');
            if !is_printable(c) || line_break || c == '\u{feff}' || c == '"' || c == '\\' {
                let escaped = match c {
                    '\0' => "\\0".to_string(),
                    '\u{7}' => "\\a".into(),
                    '\u{8}' => "\\b".into(),
                    '\t' => "\\t".into(),
                    '\n' => "\\n".into(),
                    '\u{b}' => "\\v".into(),
                    '\u{c}' => "\\f".into(),
                    '\r' => "\\r".into(),
                    '\u{1b}' => "\\e".into(),
                    '"' => "\\\"".into(),
                    '\\' => "\\\\".into(),
                    '\u{85}' => "\\N".into(),
                    '\u{a0}' => "\\_".into(),
                    '\u{2028}' => "\\L".into(),
                    '\u{2029}' => "\\P".into(),
                    c if (c as u32) <= 0xff => format!("\\x{:02X}", c as u32),
                    c if (c as u32) <= 0xffff => format!("\\u{:04X}", c as u32),
                    c => format!("\\U{:08X}", c as u32),
                };
                column += escaped.len();
                self.text.push_str(&escaped);
                spaces = false;
            } else if c == ' ' {
                if allow_breaks && !spaces && column > BEST_WIDTH && i > 0 && i < chars.len() - 1 {
                    self.break_line(indent);
                    column = indent;
                    if chars.get(i + 1) == Some(&' ') {
                        self.text.push('\\');
                        column += 1;
                    }
                } else {
                    self.text.push(c);
                    column += 1;
                }
                spaces = true;
            } else {
                self.text.push(c);
                column += 1;
                spaces = false;
            }
        }
        self.text.push('"');
    }

    fn write_literal(&mut self, s: &str, indent: usize) {
        self.text.push('|');
        if s.starts_with(' ') || s.starts_with('\n') {
            self.text.push('2');
        }
        let trailing = s.len() - s.trim_end_matches('\n').len();
        match trailing {
            0 => self.text.push('-'),
            1 if s.len() > 1 => {}
            _ => self.text.push('+'),
        }
        self.newline();
        let mut at_line_start = true;
        for c in s.chars() {
            if c == '\n' {
                self.text.push('\n');
                at_line_start = true;
            } else {
                if at_line_start {
                    self.indent(indent);
                    at_line_start = false;
                }
                self.text.push(c);
            }
        }
    }

    /// Ends the current line unless a literal block already did.
    fn end_line(&mut self) {
        if !self.text.ends_with('\n') {
            self.text.push('\n');
        }
    }
}

/// YAML's printable set (go-yaml `is_printable`); tabs and control characters are not.
fn is_printable(c: char) -> bool {
    matches!(c, '\n' | ' '..='~' | '\u{85}' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..='\u{10ffff}')
        && c != '\u{feff}'
}

fn select_style(s: &str, simple_key: bool) -> Style {
    // A key cannot be a block scalar, and a quoted one would need its breaks doubled and
    // indented: escaping them keeps the key one line and the same text when read back.
    if s.contains('\n') && simple_key {
        return Style::Double;
    }
    if s.contains('\n') {
        let scan = analyze(s);
        return if scan.block_allowed {
            Style::Literal
        } else {
            Style::Double
        };
    }
    if !resolves_to_string(s) {
        return Style::Double;
    }
    let scan = analyze(s);
    if scan.block_plain_allowed {
        Style::Plain
    } else if scan.single_quoted_allowed {
        Style::Single
    } else {
        Style::Double
    }
}

struct Scan {
    block_plain_allowed: bool,
    single_quoted_allowed: bool,
    block_allowed: bool,
}

/// go-yaml's `yaml_emitter_analyze_scalar`, for block context.
fn analyze(s: &str) -> Scan {
    let mut scan = Scan {
        block_plain_allowed: true,
        single_quoted_allowed: true,
        block_allowed: true,
    };
    if s.is_empty() {
        scan.block_plain_allowed = false;
        scan.block_allowed = false;
        return scan;
    }
    if s.starts_with("---") || s.starts_with("...") {
        scan.block_plain_allowed = false;
    }
    let chars: Vec<char> = s.chars().collect();
    let is_blank = |c: Option<&char>| matches!(c, None | Some(' ' | '\t' | '\n' | '\r'));
    let is_break = |c: char| matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}');
    let mut block_indicators = false;
    let mut special = false;
    let mut line_breaks = false;
    let (mut leading_space, mut leading_break, mut trailing_space, mut trailing_break) =
        (false, false, false, false);
    let (mut break_space, mut space_break) = (false, false);
    let (mut previous_space, mut previous_break) = (false, false);
    let mut preceded_by_whitespace = true;
    for (i, &c) in chars.iter().enumerate() {
        let followed_by_whitespace = is_blank(chars.get(i + 1));
        if i == 0 {
            match c {
                '#' | ',' | '[' | ']' | '{' | '}' | '&' | '*' | '!' | '|' | '>' | '\'' | '"'
                | '%' | '@' | '`' => block_indicators = true,
                '?' | ':' | '-' if followed_by_whitespace => block_indicators = true,
                _ => {}
            }
        } else {
            match c {
                ':' if followed_by_whitespace => block_indicators = true,
                '#' if preceded_by_whitespace => block_indicators = true,
                _ => {}
            }
        }
        if !is_printable(c) || c == '\u{feff}' {
            special = true;
        }
        if is_break(c) {
            line_breaks = true;
        }
        if c == ' ' {
            if i == 0 {
                leading_space = true;
            }
            if i == chars.len() - 1 {
                trailing_space = true;
            }
            if previous_break {
                break_space = true;
            }
            previous_space = true;
            previous_break = false;
        } else if is_break(c) {
            if i == 0 {
                leading_break = true;
            }
            if i == chars.len() - 1 {
                trailing_break = true;
            }
            if previous_space {
                space_break = true;
            }
            previous_space = false;
            previous_break = true;
        } else {
            previous_space = false;
            previous_break = false;
        }
        preceded_by_whitespace = matches!(c, ' ' | '\t' | '\n' | '\r');
    }
    if leading_space || leading_break || trailing_space || trailing_break {
        scan.block_plain_allowed = false;
    }
    if trailing_space {
        scan.block_allowed = false;
    }
    if break_space {
        scan.block_plain_allowed = false;
        scan.single_quoted_allowed = false;
    }
    if space_break || special {
        scan.block_plain_allowed = false;
        scan.single_quoted_allowed = false;
        scan.block_allowed = false;
    }
    if line_breaks {
        scan.block_plain_allowed = false;
    }
    if block_indicators {
        scan.block_plain_allowed = false;
    }
    scan
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn sorts_keys_and_keeps_sequences_at_the_key_indent() {
        let v = json!({"spec": {"targetRefs": [{"name": "eg", "kind": "Gateway"}], "retry": {"numRetries": 3}},
                       "apiVersion": "v1", "kind": "X"});
        assert_eq!(
            to_yaml(&v),
            "apiVersion: v1\nkind: X\nspec:\n  retry:\n    numRetries: 3\n  targetRefs:\n  - kind: Gateway\n    name: eg\n"
        );
    }

    #[test]
    fn quotes_strings_a_yaml_reader_would_misread() {
        let v = json!({"a": "yes", "b": "1", "c": "", "d": "a: b", "e": "x:", "f": "2026-11-27T20:14:31Z",
                       "g": "0x1F", "h": "1.5", "i": "-", "j": "- x", "k": "#c", "l": "a #b", "m": "it's",
                       "nn": "tab\there", "o": "http://x:80/y", "p": "~", "q": "1:20", "r": "1e3", "s": " lead",
                       "t": "*", "u": "null", "v": "09", "n": "x"});
        let out = to_yaml(&v);
        let expect = [
            "a: \"yes\"",
            "b: \"1\"",
            "c: \"\"",
            "d: 'a: b'",
            "e: 'x:'",
            "f: \"2026-11-27T20:14:31Z\"",
            "g: \"0x1F\"",
            "h: \"1.5\"",
            "i: '-'",
            "j: '- x'",
            "k: '#c'",
            "l: 'a #b'",
            "m: it's",
            "nn: \"tab\\there\"",
            "\"n\": x",
            "o: http://x:80/y",
            "p: \"~\"",
            "q: \"1:20\"",
            "r: \"1e3\"",
            "s: ' lead'",
            "t: '*'",
            "u: \"null\"",
            "v: \"09\"",
        ];
        for line in expect {
            assert!(out.lines().any(|l| l == line), "missing {line:?} in\n{out}");
        }
    }

    #[test]
    fn line_breaks_in_keys_and_double_quoted_values_are_escaped() {
        let v = json!({"multi\nline": "a \nb"});
        assert_eq!(to_yaml(&v), "\"multi\\nline\": \"a \\nb\"\n");
    }

    #[test]
    fn i_is_a_single_dash_quoted() {
        // A lone "-" is followed by the end of the string, which counts as whitespace.
        assert_eq!(to_yaml(&json!({"i": "-"})), "i: '-'\n");
    }

    #[test]
    fn multi_line_strings_use_literal_blocks_with_chomping() {
        let v = json!({"m": {"a": "{\"k\":1}\n", "b": "x\ny", "c": "x\n\n"}});
        assert_eq!(
            to_yaml(&v),
            "m:\n  a: |\n    {\"k\":1}\n  b: |-\n    x\n    y\n  c: |+\n    x\n\n"
        );
    }

    #[test]
    fn long_plain_strings_fold_past_eighty_columns() {
        let long = "word ".repeat(30);
        let long = long.trim_end();
        let out = to_yaml(&json!({ "message": long }));
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines.len() > 1, "{out}");
        assert!(lines[1].starts_with("  word"), "{out}");
        assert!(lines[0].len() <= 86, "{out}");
    }

    #[test]
    fn empty_collections_and_nested_sequences() {
        let v = json!({"a": {}, "b": [], "c": [[1, 2], []], "d": null, "e": 1.5, "f": true});
        assert_eq!(
            to_yaml(&v),
            "a: {}\nb: []\nc:\n- - 1\n  - 2\n- []\nd: null\ne: 1.5\nf: true\n"
        );
    }

    #[test]
    fn natural_key_order_like_go_yaml() {
        let mut keys = vec!["a10", "a9", "b", "A", "_x", "a-b", "ab"];
        keys.sort_by(|a, b| key_order(a, b));
        assert_eq!(keys, vec!["_x", "A", "a-b", "a9", "a10", "ab", "b"]);
    }

    #[test]
    fn go_float_format() {
        assert_eq!(go_format_g(1.5), "1.5");
        assert_eq!(go_format_g(0.00001), "1e-05");
        assert_eq!(go_format_g(1e22), "1e+22");
    }
}
