//! YAML output exactly as kubectl writes it for unstructured objects (sigs.k8s.io/yaml on top of
//! go-yaml v2): keys in go-yaml's natural order, sequences not indented under their key, strings
//! quoted only when a YAML 1.1 reader would take them for something else, long lines folded.

use serde_json::{Map, Number, Value};
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
            if !is_printable(c) || c == '\u{feff}' || c == '"' || c == '\\' {
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
    if s.contains('\n') && !simple_key {
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

/// Whether go-yaml v2 would read `s` back as a string when written plain (`resolve`).
fn resolves_to_string(s: &str) -> bool {
    const SPECIAL: [&str; 37] = [
        "", "~", "null", "Null", "NULL", "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "n", "N",
        "no", "No", "NO", "off", "Off", "OFF", "true", "True", "TRUE", "false", "False", "FALSE",
        ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf",
    ];
    if SPECIAL.contains(&s) || s == "-.Inf" || s == "-.INF" {
        return false;
    }
    let first = s.chars().next().unwrap_or(' ');
    if first == '.' {
        return !is_yaml_float(s);
    }
    if !(first.is_ascii_digit() || first == '+' || first == '-') {
        return true;
    }
    if first.is_ascii_digit() && is_timestamp(s) {
        return false;
    }
    let plain = s.replace('_', "");
    if parses_as_go_int(&plain) || is_yaml_float(&plain) || is_base60_float(s) {
        return false;
    }
    let bin = plain
        .strip_prefix("0b")
        .or_else(|| plain.strip_prefix("-0b"));
    if let Some(digits) = bin
        && !digits.is_empty()
        && digits.chars().all(|c| c == '0' || c == '1')
    {
        return false;
    }
    true
}

/// Go's `strconv.ParseInt(s, 0, 64)` / `ParseUint`: sign, then 0x / 0o / 0b / leading-0 octal.
fn parses_as_go_int(s: &str) -> bool {
    let body = s
        .strip_prefix('-')
        .or_else(|| s.strip_prefix('+'))
        .unwrap_or(s);
    if body.is_empty() {
        return false;
    }
    let (digits, radix) = if let Some(h) = body.strip_prefix("0x").or(body.strip_prefix("0X")) {
        (h, 16)
    } else if let Some(o) = body.strip_prefix("0o").or(body.strip_prefix("0O")) {
        (o, 8)
    } else if let Some(b) = body.strip_prefix("0b").or(body.strip_prefix("0B")) {
        (b, 2)
    } else if body.len() > 1 && body.starts_with('0') {
        (&body[1..], 8)
    } else {
        (body, 10)
    };
    !digits.is_empty() && u128::from_str_radix(digits, radix).is_ok_and(|v| v <= u64::MAX as u128)
}

/// go-yaml's float syntax: `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$` (plus .inf/.nan).
fn is_yaml_float(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    if unsigned == ".inf" || lower == ".nan" {
        return true;
    }
    let b = s.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    let start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let int_digits = i - start;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        let frac_start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if int_digits == 0 && i == frac_start {
            return false;
        }
    } else if int_digits == 0 {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        let exp_start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == exp_start {
            return false;
        }
    }
    i == b.len()
}

/// YAML 1.1 sexagesimal numbers (`1:20`), which go-yaml v2 quotes.
fn is_base60_float(s: &str) -> bool {
    let body = s.trim_start_matches(['+', '-']);
    let (main, frac) = match body.split_once('.') {
        Some((m, f)) => (m, Some(f)),
        None => (body, None),
    };
    if frac.is_some_and(|f| !f.chars().all(|c| c.is_ascii_digit() || c == '_')) {
        return false;
    }
    let mut parts = main.split(':');
    let Some(head) = parts.next() else {
        return false;
    };
    if head.is_empty()
        || !head.starts_with(|c: char| c.is_ascii_digit())
        || !head.chars().all(|c| c.is_ascii_digit() || c == '_')
    {
        return false;
    }
    let mut any = false;
    for p in parts {
        any = true;
        let ok = match p.as_bytes() {
            [d] => d.is_ascii_digit(),
            [a, b] => (b'0'..=b'5').contains(a) && b.is_ascii_digit(),
            _ => false,
        };
        if !ok {
            return false;
        }
    }
    any
}

/// The timestamp forms go-yaml v2 recognises: `2006-1-2`, `2006-1-2T15:4:5[.frac](Z|±hh:mm)`
/// (also with `t` or a space, the space form without a zone).
fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 5 || !b[..4].iter().all(u8::is_ascii_digit) || b[4] != b'-' {
        return false;
    }
    let re = regex_timestamp();
    re.is_match(s)
}

fn regex_timestamp() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(
            r"^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))|(?: \d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?))?$",
        )
        .expect("static regex")
    })
}

/// Numbers as Go prints them after a JSON round trip: integers plainly, other floats with
/// `strconv.FormatFloat(f, 'g', -1, 64)`.
pub fn go_number(n: &Number) -> String {
    if n.is_i64() || n.is_u64() {
        return n.to_string();
    }
    let f = n.as_f64().unwrap_or(0.0);
    if f.fract() == 0.0 && f.abs() < 1e21 {
        return format!("{}", f as i128);
    }
    go_format_g(f)
}

/// Go's `strconv.FormatFloat(f, 'g', -1, 64)` (also `%v`): exponent form below 1e-4 or from 1e6 on.
pub fn go_format_g(f: f64) -> String {
    if f.is_nan() {
        return ".nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 {
            ".inf".into()
        } else {
            "-.inf".into()
        };
    }
    let sci = format!("{f:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if !(-4..6).contains(&exp) {
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{mantissa}e{sign}{:02}", exp.abs())
    } else {
        format!("{f}")
    }
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
