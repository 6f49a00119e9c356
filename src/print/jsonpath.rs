//! kubectl's JSONPath templates (`-o jsonpath=…`, custom columns): text with `{…}` actions,
//! fields, `[*]`, indexes, slices, filters, `..` descent, unions, `{range}`/`{end}`, quoted
//! literals. Missing keys print nothing, as `kubectl get` allows them.

use super::json::to_json_compact;
use super::yaml::go_format_g;
use serde_json::Value;
use thiserror::Error;

#[derive(Debug, Error, PartialEq)]
pub enum JsonPathError {
    #[error("error parsing jsonpath {template}, {reason}")]
    Parse { template: String, reason: String },
}

#[derive(Debug, Clone, PartialEq)]
enum Step {
    Field(String),
    Descend(String),
    Wildcard,
    Index(Vec<i64>),
    Names(Vec<String>),
    Slice(Option<i64>, Option<i64>, Option<i64>),
    Filter(Box<Filter>),
}

#[derive(Debug, Clone, PartialEq)]
enum Operand {
    Path(Vec<Step>),
    Literal(Value),
}

#[derive(Debug, Clone, PartialEq)]
struct Filter {
    left: Operand,
    op: Option<(String, Operand)>,
}

#[derive(Debug, Clone, PartialEq)]
enum Node {
    Text(String),
    Path(Vec<Step>),
    Range(Vec<Step>, Vec<Node>),
}

/// A parsed template, ready to run against objects.
#[derive(Debug, Clone)]
pub struct JsonPath {
    nodes: Vec<Node>,
}

impl JsonPath {
    pub fn parse(template: &str) -> Result<JsonPath, JsonPathError> {
        let err = |reason: &str| JsonPathError::Parse {
            template: template.to_string(),
            reason: reason.to_string(),
        };
        // Flat list of (node, is_range_start, is_end) first, then nest ranges.
        enum Flat {
            Node(Node),
            RangeStart(Vec<Step>),
            End,
        }
        let mut flat = Vec::new();
        let mut rest = template;
        while !rest.is_empty() {
            match rest.find('{') {
                None => {
                    flat.push(Flat::Node(Node::Text(rest.to_string())));
                    break;
                }
                Some(i) => {
                    if i > 0 {
                        flat.push(Flat::Node(Node::Text(rest[..i].to_string())));
                    }
                    let after = &rest[i + 1..];
                    let close = find_close(after).ok_or_else(|| err("unclosed action"))?;
                    let action = after[..close].trim();
                    rest = &after[close + 1..];
                    if action == "end" {
                        flat.push(Flat::End);
                    } else if let Some(path) = action.strip_prefix("range").filter(|p| {
                        // `{range .items[*]}` and kubectl's spaceless `{range.items[*]}`.
                        p.starts_with(|c: char| c.is_whitespace() || matches!(c, '.' | '@' | '$'))
                    }) {
                        flat.push(Flat::RangeStart(
                            parse_path(path.trim()).map_err(|r| err(&r))?,
                        ));
                    } else if let Some(lit) = parse_literal(action) {
                        flat.push(Flat::Node(Node::Text(lit)));
                    } else {
                        flat.push(Flat::Node(Node::Path(
                            parse_path(action).map_err(|r| err(&r))?,
                        )));
                    }
                }
            }
        }
        let mut stack: Vec<(Option<Vec<Step>>, Vec<Node>)> = vec![(None, Vec::new())];
        for item in flat {
            match item {
                Flat::Node(n) => stack.last_mut().expect("root").1.push(n),
                Flat::RangeStart(p) => stack.push((Some(p), Vec::new())),
                Flat::End => {
                    if stack.len() < 2 {
                        return Err(err("not in range, nothing to end"));
                    }
                    let (path, body) = stack.pop().expect("checked");
                    let node = Node::Range(path.expect("range path"), body);
                    stack.last_mut().expect("root").1.push(node);
                }
            }
        }
        if stack.len() != 1 {
            return Err(err("unclosed range"));
        }
        Ok(JsonPath {
            nodes: stack.pop().expect("root").1,
        })
    }

    /// Runs the template against `root`, as kubectl prints it (no newline added).
    pub fn render(&self, root: &Value) -> String {
        let mut out = String::new();
        run(&self.nodes, root, root, &mut out);
        out
    }

    /// `-o jsonpath-as-json`: each text and each path of the template printed as one indented
    /// JSON array of what it yields (inside a range, once per item), as kubectl's JSON mode.
    pub fn render_json(&self, root: &Value) -> String {
        let mut out = String::new();
        run_json(&self.nodes, root, root, &mut out);
        out
    }

    /// The values each path node of the template selects (custom columns use the first).
    pub fn values(&self, root: &Value) -> Vec<Value> {
        let mut found = Vec::new();
        for node in &self.nodes {
            if let Node::Path(steps) = node {
                found.extend(eval(steps, root, root).into_iter().cloned());
            }
        }
        found
    }
}

/// The closing brace of an action, skipping braces inside quoted literals.
fn find_close(s: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
        } else if c == '"' || c == '\'' {
            quote = Some(c);
        } else if c == '}' {
            return Some(i);
        }
    }
    None
}

fn parse_literal(action: &str) -> Option<String> {
    let q = action.chars().next()?;
    if (q != '"' && q != '\'') || action.len() < 2 || !action.ends_with(q) {
        return None;
    }
    let body = &action[1..action.len() - 1];
    let mut out = String::new();
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('r') => out.push('\r'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

fn parse_path(text: &str) -> Result<Vec<Step>, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    let mut steps = Vec::new();
    if matches!(chars.first(), Some('$' | '@')) {
        i = 1;
    }
    while i < chars.len() {
        match chars[i] {
            '.' => {
                let descend = chars.get(i + 1) == Some(&'.');
                i += if descend { 2 } else { 1 };
                let (name, next) = read_name(&chars, i);
                i = next;
                if name == "*" {
                    steps.push(Step::Wildcard);
                } else if descend {
                    steps.push(Step::Descend(name));
                } else if !name.is_empty() {
                    steps.push(Step::Field(name));
                }
            }
            '[' => {
                let close = matching_bracket(&chars, i).ok_or("unterminated array")?;
                let inner: String = chars[i + 1..close].iter().collect();
                steps.push(parse_bracket(inner.trim())?);
                i = close + 1;
            }
            ' ' => i += 1,
            c => {
                // A bare name at the start (`metadata.name`) reads as a field.
                if steps.is_empty() && (c.is_alphanumeric() || c == '_') {
                    let (name, next) = read_name(&chars, i);
                    steps.push(Step::Field(name));
                    i = next;
                } else {
                    return Err(format!("unrecognized character in action: {c:?}"));
                }
            }
        }
    }
    Ok(steps)
}

fn read_name(chars: &[char], mut i: usize) -> (String, usize) {
    let mut name = String::new();
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && i + 1 < chars.len() {
            name.push(chars[i + 1]);
            i += 2;
            continue;
        }
        if c == '.' || c == '[' || c == ' ' {
            break;
        }
        name.push(c);
        i += 1;
    }
    (name, i)
}

fn matching_bracket(chars: &[char], open: usize) -> Option<usize> {
    let mut depth = 0;
    let mut quote: Option<char> = None;
    for (j, &c) in chars.iter().enumerate().skip(open) {
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' => quote = Some(c),
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(j);
                }
            }
            _ => {}
        }
    }
    None
}

fn parse_bracket(inner: &str) -> Result<Step, String> {
    if inner == "*" {
        return Ok(Step::Wildcard);
    }
    if let Some(f) = inner.strip_prefix("?(").and_then(|f| f.strip_suffix(')')) {
        return Ok(Step::Filter(Box::new(parse_filter(f.trim())?)));
    }
    if inner.contains(':') {
        let parts: Vec<&str> = inner.split(':').collect();
        let num = |s: &str| -> Result<Option<i64>, String> {
            let s = s.trim();
            if s.is_empty() {
                Ok(None)
            } else {
                s.parse()
                    .map(Some)
                    .map_err(|_| format!("invalid slice {inner:?}"))
            }
        };
        return Ok(Step::Slice(
            num(parts[0])?,
            num(parts.get(1).copied().unwrap_or(""))?,
            num(parts.get(2).copied().unwrap_or(""))?,
        ));
    }
    let parts: Vec<&str> = inner.split(',').map(str::trim).collect();
    if parts.iter().all(|p| p.parse::<i64>().is_ok()) {
        return Ok(Step::Index(
            parts.iter().filter_map(|p| p.parse().ok()).collect(),
        ));
    }
    let names = parts
        .iter()
        .map(|p| parse_literal(p).unwrap_or_else(|| p.to_string()))
        .collect();
    Ok(Step::Names(names))
}

fn parse_filter(f: &str) -> Result<Filter, String> {
    for op in ["==", "!=", "<=", ">=", "<", ">"] {
        if let Some((l, r)) = split_outside_quotes(f, op) {
            return Ok(Filter {
                left: parse_operand(l.trim())?,
                op: Some((op.to_string(), parse_operand(r.trim())?)),
            });
        }
    }
    Ok(Filter {
        left: parse_operand(f)?,
        op: None,
    })
}

fn split_outside_quotes<'a>(s: &'a str, op: &str) -> Option<(&'a str, &'a str)> {
    let mut quote: Option<char> = None;
    for (i, c) in s.char_indices() {
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
        } else if c == '"' || c == '\'' {
            quote = Some(c);
        } else if s[i..].starts_with(op) {
            return Some((&s[..i], &s[i + op.len()..]));
        }
    }
    None
}

fn parse_operand(s: &str) -> Result<Operand, String> {
    if s.starts_with('@') || s.starts_with('$') || s.starts_with('.') {
        return Ok(Operand::Path(parse_path(s)?));
    }
    if let Some(lit) = parse_literal(s) {
        return Ok(Operand::Literal(Value::String(lit)));
    }
    match serde_json::from_str::<Value>(s) {
        Ok(v) => Ok(Operand::Literal(v)),
        Err(_) => Err(format!("unrecognized filter operand {s:?}")),
    }
}

fn run(nodes: &[Node], root: &Value, current: &Value, out: &mut String) {
    for node in nodes {
        match node {
            Node::Text(t) => out.push_str(t),
            Node::Path(steps) => {
                let values = eval(steps, root, current);
                let texts: Vec<String> = values.iter().map(|v| text_of(v)).collect();
                out.push_str(&texts.join(" "));
            }
            Node::Range(steps, body) => {
                for value in eval(steps, root, current) {
                    match value {
                        // `{range .items}` walks the array itself.
                        Value::Array(items) if is_whole_array(steps) => {
                            for item in items {
                                run(body, root, item, out);
                            }
                        }
                        other => run(body, root, other, out),
                    }
                }
            }
        }
    }
}

fn run_json(nodes: &[Node], root: &Value, current: &Value, out: &mut String) {
    for node in nodes {
        match node {
            Node::Text(t) => {
                out.push_str(&super::json::to_json_pretty(&Value::Array(vec![
                    Value::String(t.clone()),
                ])));
            }
            Node::Path(steps) => {
                let values = eval(steps, root, current).into_iter().cloned().collect();
                out.push_str(&super::json::to_json_pretty(&Value::Array(values)));
            }
            Node::Range(steps, body) => {
                for value in eval(steps, root, current) {
                    match value {
                        Value::Array(items) if is_whole_array(steps) => {
                            for item in items {
                                run_json(body, root, item, out);
                            }
                        }
                        other => run_json(body, root, other, out),
                    }
                }
            }
        }
    }
}

fn is_whole_array(steps: &[Step]) -> bool {
    !matches!(
        steps.last(),
        Some(Step::Wildcard | Step::Slice(..) | Step::Filter(_))
    )
}

/// How kubectl prints one selected value: strings bare, collections as compact JSON.
pub fn text_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Array(_) | Value::Object(_) => to_json_compact(v),
        Value::Null => "<nil>".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) if n.is_f64() => go_format_g(n.as_f64().unwrap_or(0.0)),
        Value::Number(n) => n.to_string(),
    }
}

fn eval<'a>(steps: &[Step], root: &'a Value, current: &'a Value) -> Vec<&'a Value> {
    let mut values = vec![current];
    for step in steps {
        let mut next = Vec::new();
        for v in values {
            apply_step(step, root, v, &mut next);
        }
        values = next;
    }
    values
}

fn apply_step<'a>(step: &Step, root: &'a Value, v: &'a Value, next: &mut Vec<&'a Value>) {
    match step {
        Step::Field(name) => {
            if let Some(child) = v.as_object().and_then(|m| m.get(name)) {
                next.push(child);
            }
        }
        Step::Names(names) => {
            if let Some(m) = v.as_object() {
                next.extend(names.iter().filter_map(|n| m.get(n)));
            }
        }
        Step::Wildcard => match v {
            Value::Array(items) => next.extend(items.iter()),
            Value::Object(m) => {
                let mut keys: Vec<&String> = m.keys().collect();
                keys.sort();
                next.extend(keys.into_iter().map(|k| &m[k]));
            }
            _ => {}
        },
        Step::Index(indexes) => {
            if let Some(items) = v.as_array() {
                for &i in indexes {
                    let i = if i < 0 { items.len() as i64 + i } else { i };
                    if let Some(item) = usize::try_from(i).ok().and_then(|i| items.get(i)) {
                        next.push(item);
                    }
                }
            }
        }
        Step::Slice(start, end, stride) => {
            if let Some(items) = v.as_array() {
                let len = items.len() as i64;
                let clamp = |x: i64| if x < 0 { (len + x).max(0) } else { x.min(len) };
                let s = clamp(start.unwrap_or(0));
                let e = clamp(end.unwrap_or(len));
                let step = stride.unwrap_or(1).max(1) as usize;
                if s < e {
                    next.extend(items[s as usize..e as usize].iter().step_by(step));
                }
            }
        }
        Step::Descend(name) => descend(name, v, next),
        Step::Filter(filter) => {
            let candidates: Vec<&Value> = match v {
                Value::Array(items) => items.iter().collect(),
                other => vec![other],
            };
            for c in candidates {
                if filter_matches(filter, root, c) {
                    next.push(c);
                }
            }
        }
    }
}

fn descend<'a>(name: &str, v: &'a Value, next: &mut Vec<&'a Value>) {
    match v {
        Value::Object(m) => {
            if let Some(child) = m.get(name) {
                next.push(child);
            }
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            for k in keys {
                descend(name, &m[k], next);
            }
        }
        Value::Array(items) => {
            for item in items {
                descend(name, item, next);
            }
        }
        _ => {}
    }
}

fn filter_matches(filter: &Filter, root: &Value, item: &Value) -> bool {
    let resolve = |o: &Operand| -> Option<Value> {
        match o {
            Operand::Literal(v) => Some(v.clone()),
            Operand::Path(steps) => eval(steps, root, item).first().map(|v| (*v).clone()),
        }
    };
    let Some(left) = resolve(&filter.left) else {
        return false;
    };
    let Some((op, right)) = &filter.op else {
        return true;
    };
    let Some(right) = resolve(right) else {
        return false;
    };
    let ordering = match (&left, &right) {
        (Value::Number(a), Value::Number(b)) => a
            .as_f64()
            .zip(b.as_f64())
            .and_then(|(a, b)| a.partial_cmp(&b)),
        (Value::String(a), Value::String(b)) => Some(a.cmp(b)),
        _ => None,
    };
    match op.as_str() {
        "==" => left == right || ordering == Some(std::cmp::Ordering::Equal),
        "!=" => !(left == right || ordering == Some(std::cmp::Ordering::Equal)),
        "<" => ordering == Some(std::cmp::Ordering::Less),
        ">" => ordering == Some(std::cmp::Ordering::Greater),
        "<=" => matches!(ordering, Some(o) if o != std::cmp::Ordering::Greater),
        ">=" => matches!(ordering, Some(o) if o != std::cmp::Ordering::Less),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn list() -> Value {
        json!({"kind": "List", "items": [
            {"metadata": {"name": "a", "labels": {"app": "web"}}, "spec": {"retry": {"numRetries": 3}},
             "status": {"ancestors": [{"conditions": [{"type": "Accepted", "status": "True"}]}]}},
            {"metadata": {"name": "b"}, "spec": {}}
        ]})
    }

    fn render(t: &str, v: &Value) -> String {
        JsonPath::parse(t).expect("parses").render(v)
    }

    #[test]
    fn wildcard_joins_with_spaces() {
        assert_eq!(render("{.items[*].metadata.name}", &list()), "a b");
    }

    #[test]
    fn range_and_literals() {
        assert_eq!(
            render(
                "{range .items[*]}{.metadata.name}{\"\\t\"}{.spec.retry.numRetries}{\"\\n\"}{end}",
                &list()
            ),
            "a\t3\nb\t\n"
        );
        assert_eq!(
            render("{range.items[*]}{.metadata.name};{end}", &list()),
            "a;b;"
        );
    }

    #[test]
    fn json_mode_prints_one_array_per_action() {
        let path = JsonPath::parse("x{range .items[*]}{.metadata.name}{end}").expect("parses");
        assert_eq!(
            path.render_json(&list()),
            "[\n    \"x\"\n]\n[\n    \"a\"\n]\n[\n    \"b\"\n]\n"
        );
        let none = JsonPath::parse("{.nothing}").expect("parses");
        assert_eq!(none.render_json(&list()), "[]\n");
    }

    #[test]
    fn indexes_slices_and_filters() {
        let l = list();
        assert_eq!(render("{.items[0].metadata.name}", &l), "a");
        assert_eq!(render("{.items[-1].metadata.name}", &l), "b");
        assert_eq!(render("{.items[0:1].metadata.name}", &l), "a");
        assert_eq!(
            render("{.items[?(@.metadata.name==\"b\")].metadata.name}", &l),
            "b"
        );
        assert_eq!(
            render(
                "{.items[0].status.ancestors[0].conditions[?(@.type=='Accepted')].status}",
                &l
            ),
            "True"
        );
        assert_eq!(render("{..numRetries}", &l), "3");
    }

    #[test]
    fn collections_print_as_compact_json_and_missing_prints_nothing() {
        let l = list();
        assert_eq!(
            render("{.items[0].metadata.labels}", &l),
            "{\"app\":\"web\"}"
        );
        assert_eq!(render("x{.nope.nothing}y", &l), "xy");
        assert_eq!(render("{.items[1].metadata['name']}", &l), "b");
    }

    #[test]
    fn parse_errors_name_the_problem() {
        assert!(JsonPath::parse("{.items[").is_err());
        assert!(JsonPath::parse("{end}").is_err());
        assert!(JsonPath::parse("{range .items[*]}x").is_err());
    }
}
