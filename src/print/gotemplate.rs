//! `-o go-template=…` (and `template=`, `go-template-file=`, `templatefile=`): Go's
//! text/template over the object as kubectl hands it over (integers as int64, other numbers as
//! float64, maps iterated in key order). The subset every kubectl recipe uses: text with
//! `{{ }}` actions (`{{-`/`-}}` trimming, comments), fields and variables, pipelines, `if`/
//! `else if`/`else`, `range` (with `$i, $e :=`), `with`, and the functions `and`, `or`, `not`,
//! `len`, `index`, `slice`, `print`, `printf`, `println`, `eq`, `ne`, `lt`, `le`, `gt`, `ge`
//! and kubectl's `base64decode`. `define`/`template`/`block` and `call` are refused by name.

use super::yaml::go_format_g;
use base64::Engine;
use serde_json::Value;
use std::fmt::Write as _;

/// A parse or execution error in Go's words (`template: output:1: …`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError(pub String);

type Res<T> = Result<T, TemplateError>;

fn fail<T>(message: impl Into<String>) -> Res<T> {
    Err(TemplateError(message.into()))
}

#[derive(Debug, Clone)]
enum Arg {
    /// `.a.b`, `$x.a`, `(pipeline).a`, `.`: a base and a chain of field names.
    Field(Base, Vec<String>),
    Func(String),
    Literal(Value),
}

#[derive(Debug, Clone)]
enum Base {
    Dot,
    Var(String),
    Sub(Box<Pipeline>),
}

#[derive(Debug, Clone)]
struct Pipeline {
    decl: Vec<String>,
    assign: bool,
    cmds: Vec<Vec<Arg>>,
    /// `<…>` as Go quotes the failing node in execution errors.
    text: String,
}

#[derive(Debug, Clone)]
enum Node {
    Text(String),
    Action(Pipeline),
    If(Pipeline, Vec<Node>, Vec<Node>),
    Range(Pipeline, Vec<Node>, Vec<Node>),
    With(Pipeline, Vec<Node>, Vec<Node>),
}

/// A parsed template.
#[derive(Debug, Clone)]
pub struct GoTemplate {
    nodes: Vec<Node>,
    source: String,
}

/// One `{{ }}` action or a run of text, with the line it starts on.
enum Piece {
    Text(String),
    Action(String, usize),
}

fn split(template: &str) -> Res<Vec<Piece>> {
    let mut pieces = Vec::new();
    let mut rest = template;
    let mut line = 1;
    let mut trim_next = false;
    while !rest.is_empty() {
        let Some(open) = rest.find("{{") else {
            let text = if trim_next { rest.trim_start() } else { rest };
            pieces.push(Piece::Text(text.to_string()));
            break;
        };
        let mut text = &rest[..open];
        if trim_next {
            text = text.trim_start();
        }
        let after = &rest[open + 2..];
        let trim_left =
            after.starts_with("- ") || after.starts_with("-\t") || after.starts_with("-\n");
        if trim_left {
            text = text.trim_end();
        }
        pieces.push(Piece::Text(text.to_string()));
        line += rest[..open].matches('\n').count();
        let body_start = if trim_left { 2 } else { 0 };
        let Some(close) = find_close(&after[body_start..]) else {
            return fail(format!("template: output:{line}: unclosed action"));
        };
        let mut body = &after[body_start..body_start + close];
        trim_next = body.ends_with(" -") || body.ends_with("\t-") || body.ends_with("\n-");
        if trim_next {
            body = &body[..body.len() - 1];
        }
        pieces.push(Piece::Action(body.trim().to_string(), line));
        line += after[..body_start + close].matches('\n').count();
        rest = &after[body_start + close + 2..];
    }
    Ok(pieces)
}

/// The `}}` closing an action, skipping quoted strings.
fn find_close(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut quote: Option<u8> = None;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == b'\\' && q != b'`' => i += 1,
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'`' || b == b'\'' => quote = Some(b),
            None if b == b'}' && bytes.get(i + 1) == Some(&b'}') => return Some(i),
            None => {}
        }
        i += 1;
    }
    None
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(String),
    Str(String),
    Num(Value),
    Pipe,
    Open,
    Close,
    Declare,
    Assign,
    Comma,
}

fn tokenize(text: &str, line: usize) -> Res<Vec<Tok>> {
    let chars: Vec<char> = text.chars().collect();
    let mut toks = Vec::new();
    let mut i = 0;
    let err = |m: &str| TemplateError(format!("template: output:{line}: {m}"));
    while i < chars.len() {
        let c = chars[i];
        match c {
            ' ' | '\t' | '\n' | '\r' => i += 1,
            '|' => {
                toks.push(Tok::Pipe);
                i += 1;
            }
            '(' => {
                toks.push(Tok::Open);
                i += 1;
            }
            ')' => {
                toks.push(Tok::Close);
                i += 1;
            }
            ',' => {
                toks.push(Tok::Comma);
                i += 1;
            }
            ':' if chars.get(i + 1) == Some(&'=') => {
                toks.push(Tok::Declare);
                i += 2;
            }
            '=' => {
                toks.push(Tok::Assign);
                i += 1;
            }
            '"' => {
                let mut s = String::new();
                i += 1;
                loop {
                    match chars.get(i) {
                        None => return Err(err("unterminated quoted string")),
                        Some('"') => break,
                        Some('\\') => {
                            i += 1;
                            match chars.get(i) {
                                Some('n') => s.push('\n'),
                                Some('t') => s.push('\t'),
                                Some('r') => s.push('\r'),
                                Some(&o) => s.push(o),
                                None => return Err(err("unterminated quoted string")),
                            }
                        }
                        Some(&o) => s.push(o),
                    }
                    i += 1;
                }
                toks.push(Tok::Str(s));
                i += 1;
            }
            '`' => {
                let end = chars[i + 1..]
                    .iter()
                    .position(|&c| c == '`')
                    .ok_or_else(|| err("unterminated raw quoted string"))?;
                toks.push(Tok::Str(chars[i + 1..i + 1 + end].iter().collect()));
                i += end + 2;
            }
            _ => {
                let start = i;
                while i < chars.len() && !" \t\n\r|(),=".contains(chars[i]) {
                    if chars[i] == ':' && chars.get(i + 1) == Some(&'=') {
                        break;
                    }
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                let first = word.chars().next().unwrap_or(' ');
                if first.is_ascii_digit() || ((first == '-' || first == '+') && word.len() > 1) {
                    toks.push(Tok::Num(
                        number(&word)
                            .ok_or_else(|| err(&format!("bad number syntax: {word:?}")))?,
                    ));
                } else {
                    toks.push(Tok::Word(word));
                }
            }
        }
    }
    Ok(toks)
}

fn number(word: &str) -> Option<Value> {
    if let Ok(i) = word.parse::<i64>() {
        return Some(Value::from(i));
    }
    let f: f64 = word.parse().ok()?;
    serde_json::Number::from_f64(f).map(Value::Number)
}

const FUNCS: [&str; 17] = [
    "and",
    "or",
    "not",
    "len",
    "index",
    "slice",
    "print",
    "printf",
    "println",
    "eq",
    "ne",
    "lt",
    "le",
    "gt",
    "ge",
    "base64decode",
    "html",
];

struct Parser<'a> {
    toks: &'a [Tok],
    pos: usize,
    line: usize,
}

impl Parser<'_> {
    fn err<T>(&self, m: &str) -> Res<T> {
        fail(format!("template: output:{}: {m}", self.line))
    }

    fn pipeline(&mut self, text: &str) -> Res<Pipeline> {
        let mut decl = Vec::new();
        let mut assign = false;
        // `$x :=`, `$i, $e :=` or `$x =` before the commands.
        let mut look = self.pos;
        let mut vars = Vec::new();
        while let Some(Tok::Word(w)) = self.toks.get(look) {
            if !w.starts_with('$') || w.contains('.') {
                break;
            }
            vars.push(w.clone());
            look += 1;
            match self.toks.get(look) {
                Some(Tok::Comma) => look += 1,
                Some(Tok::Declare) | Some(Tok::Assign) => {
                    assign = self.toks[look] == Tok::Assign;
                    decl = std::mem::take(&mut vars);
                    self.pos = look + 1;
                    break;
                }
                _ => break,
            }
        }
        let mut cmds = Vec::new();
        let mut cmd = Vec::new();
        while let Some(tok) = self.toks.get(self.pos) {
            match tok {
                Tok::Close => break,
                Tok::Pipe => {
                    if cmd.is_empty() {
                        return self.err("missing command");
                    }
                    cmds.push(std::mem::take(&mut cmd));
                    self.pos += 1;
                }
                _ => cmd.push(self.operand()?),
            }
        }
        if cmd.is_empty() {
            if cmds.is_empty() && !decl.is_empty() {
                return self.err("missing value for command");
            }
            if cmds.is_empty() {
                return self.err("missing value for command");
            }
            return self.err("missing command");
        }
        cmds.push(cmd);
        Ok(Pipeline {
            decl,
            assign,
            cmds,
            text: text.to_string(),
        })
    }

    fn operand(&mut self) -> Res<Arg> {
        let tok = self.toks[self.pos].clone();
        self.pos += 1;
        Ok(match tok {
            Tok::Str(s) => Arg::Literal(Value::String(s)),
            Tok::Num(n) => Arg::Literal(n),
            Tok::Open => {
                let p = self.pipeline("(…)")?;
                if self.toks.get(self.pos) != Some(&Tok::Close) {
                    return self.err("unclosed left paren");
                }
                self.pos += 1;
                let chain = match self.toks.get(self.pos) {
                    Some(Tok::Word(w)) if w.starts_with('.') && w.len() > 1 => {
                        self.pos += 1;
                        fields(w)
                    }
                    _ => Vec::new(),
                };
                Arg::Field(Base::Sub(Box::new(p)), chain)
            }
            Tok::Word(w) => match w.as_str() {
                "true" => Arg::Literal(Value::Bool(true)),
                "false" => Arg::Literal(Value::Bool(false)),
                "nil" => Arg::Literal(Value::Null),
                "." => Arg::Field(Base::Dot, Vec::new()),
                _ if w.starts_with('.') => Arg::Field(Base::Dot, fields(&w)),
                _ if w.starts_with('$') => {
                    let (name, rest) = match w.find('.') {
                        Some(i) => (w[..i].to_string(), fields(&w[i..])),
                        None => (w.clone(), Vec::new()),
                    };
                    Arg::Field(Base::Var(name), rest)
                }
                _ if FUNCS.contains(&w.as_str()) => Arg::Func(w),
                _ => return self.err(&format!("function {w:?} not defined")),
            },
            other => return self.err(&format!("unexpected {other:?} in command")),
        })
    }
}

fn fields(chain: &str) -> Vec<String> {
    chain
        .split('.')
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

fn parse_pipeline(text: &str, line: usize) -> Res<Pipeline> {
    let toks = tokenize(text, line)?;
    let mut p = Parser {
        toks: &toks,
        pos: 0,
        line,
    };
    let pipe = p.pipeline(text)?;
    if p.pos != toks.len() {
        return p.err("unexpected \")\" in operand");
    }
    Ok(pipe)
}

/// What ended a list of nodes.
enum Stop {
    Eof,
    End,
    Else(Option<(String, usize)>),
}

fn parse_list(
    pieces: &mut std::iter::Peekable<std::vec::IntoIter<Piece>>,
) -> Res<(Vec<Node>, Stop)> {
    let mut nodes = Vec::new();
    while let Some(piece) = pieces.next() {
        let (action, line) = match piece {
            Piece::Text(t) => {
                if !t.is_empty() {
                    nodes.push(Node::Text(t));
                }
                continue;
            }
            Piece::Action(a, l) => (a, l),
        };
        if action.starts_with("/*") {
            if !action.ends_with("*/") {
                return fail(format!("template: output:{line}: unclosed comment"));
            }
            continue;
        }
        let (keyword, rest) = match action.split_once(|c: char| c.is_whitespace()) {
            Some((k, r)) => (k, r.trim()),
            None => (action.as_str(), ""),
        };
        match keyword {
            "end" => return Ok((nodes, Stop::End)),
            "else" => {
                let chained = rest
                    .strip_prefix("if")
                    .filter(|r| r.starts_with(char::is_whitespace))
                    .map(|r| (r.trim().to_string(), line));
                return Ok((nodes, Stop::Else(chained)));
            }
            "if" | "range" | "with" => {
                let pipe = parse_pipeline(rest, line)?;
                nodes.push(parse_block(keyword, pipe, line, pieces)?);
            }
            "define" | "template" | "block" | "break" | "continue" => {
                return fail(format!(
                    "template: output:{line}: {{{{{keyword}}}}} is not supported by datumctl's templates"
                ));
            }
            _ => nodes.push(Node::Action(parse_pipeline(&action, line)?)),
        }
    }
    Ok((nodes, Stop::Eof))
}

fn parse_block(
    keyword: &str,
    pipe: Pipeline,
    line: usize,
    pieces: &mut std::iter::Peekable<std::vec::IntoIter<Piece>>,
) -> Res<Node> {
    let (body, end) = parse_list(pieces)?;
    let otherwise = match end {
        Stop::Eof => return fail(format!("template: output:{line}: unexpected EOF")),
        Stop::End => Vec::new(),
        Stop::Else(None) => match parse_list(pieces)? {
            (nodes, Stop::End) => nodes,
            _ => return fail(format!("template: output:{line}: expected end; found EOF")),
        },
        // `else if` nests an if that shares the outer block's `end`.
        Stop::Else(Some((cond, l))) => {
            vec![parse_block("if", parse_pipeline(&cond, l)?, l, pieces)?]
        }
    };
    Ok(match keyword {
        "if" => Node::If(pipe, body, otherwise),
        "range" => Node::Range(pipe, body, otherwise),
        _ => Node::With(pipe, body, otherwise),
    })
}

impl GoTemplate {
    pub fn parse(template: &str) -> Res<GoTemplate> {
        let mut pieces = split(template)?.into_iter().peekable();
        match parse_list(&mut pieces)? {
            (nodes, Stop::Eof) => Ok(GoTemplate {
                nodes,
                source: template.to_string(),
            }),
            (_, Stop::End) => fail("template: output:1: unexpected {{end}}"),
            (_, Stop::Else(_)) => fail("template: output:1: unexpected {{else}}"),
        }
    }

    /// The template's text, as kubectl quotes it in errors.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Runs the template on `data`; the output so far is lost on an error, as kubectl prints
    /// only the error then.
    pub fn execute(&self, data: &Value) -> Res<String> {
        let mut out = String::new();
        let mut vars = vec![("$".to_string(), Some(data.clone()))];
        run(&self.nodes, Some(data), &mut vars, &mut out)?;
        Ok(out)
    }
}

/// A value during execution; `None` is Go's invalid value (a missing key), `<no value>`.
type Val = Option<Value>;
type Vars = Vec<(String, Val)>;

fn run(nodes: &[Node], dot: Option<&Value>, vars: &mut Vars, out: &mut String) -> Res<()> {
    for node in nodes {
        match node {
            Node::Text(t) => out.push_str(t),
            Node::Action(p) => {
                let v = pipeline(p, dot, vars)?;
                if p.decl.is_empty() {
                    out.push_str(&print_top(&v));
                }
            }
            Node::If(p, yes, no) => {
                let depth = vars.len();
                let v = pipeline(p, dot, vars)?;
                run(if truth(&v) { yes } else { no }, dot, vars, out)?;
                vars.truncate(depth);
            }
            Node::With(p, yes, no) => {
                let depth = vars.len();
                let v = pipeline(p, dot, vars)?;
                if truth(&v) {
                    run(yes, v.as_ref(), vars, out)?;
                } else {
                    run(no, dot, vars, out)?;
                }
                vars.truncate(depth);
            }
            Node::Range(p, body, otherwise) => {
                let depth = vars.len();
                let mut plain = p.clone();
                let decl = std::mem::take(&mut plain.decl);
                let v = pipeline(&plain, dot, vars)?;
                let items: Vec<(Value, Value)> = match &v {
                    Some(Value::Array(a)) => a
                        .iter()
                        .enumerate()
                        .map(|(i, e)| (Value::from(i as i64), e.clone()))
                        .collect(),
                    Some(Value::Object(m)) => {
                        let mut keys: Vec<&String> = m.keys().collect();
                        keys.sort();
                        keys.into_iter()
                            .map(|k| (Value::String(k.clone()), m[k].clone()))
                            .collect()
                    }
                    None | Some(Value::Null) => Vec::new(),
                    Some(Value::Number(n)) if n.as_i64().is_some() => (0..n.as_i64().unwrap_or(0))
                        .map(|i| (Value::from(i), Value::from(i)))
                        .collect(),
                    Some(other) => {
                        return fail(format!(
                            "template: output:1:3: executing \"output\" at <{}>: range can't iterate over {}",
                            p.text,
                            go_v(other)
                        ));
                    }
                };
                if items.is_empty() {
                    run(otherwise, dot, vars, out)?;
                }
                for (key, elem) in items {
                    match decl.as_slice() {
                        [one] => vars.push((one.clone(), Some(elem.clone()))),
                        [k, e] => {
                            vars.push((k.clone(), Some(key)));
                            vars.push((e.clone(), Some(elem.clone())));
                        }
                        _ => {}
                    }
                    run(body, Some(&elem), vars, out)?;
                    vars.truncate(depth);
                }
            }
        }
    }
    Ok(())
}

fn exec_err<T>(p: &Pipeline, m: &str) -> Res<T> {
    fail(format!(
        "template: output:1:2: executing \"output\" at <{}>: {m}",
        p.text
    ))
}

fn pipeline(p: &Pipeline, dot: Option<&Value>, vars: &mut Vars) -> Res<Val> {
    let mut last: Option<Val> = None;
    for cmd in &p.cmds {
        last = Some(command(p, cmd, dot, vars, last)?);
    }
    let value = last.unwrap_or(None);
    if p.assign {
        for name in &p.decl {
            match vars.iter_mut().rev().find(|(n, _)| n == name) {
                Some(slot) => slot.1 = value.clone(),
                None => return exec_err(p, &format!("undefined variable: {name}")),
            }
        }
    } else {
        for name in &p.decl {
            vars.push((name.clone(), value.clone()));
        }
    }
    Ok(value)
}

fn arg_value(p: &Pipeline, arg: &Arg, dot: Option<&Value>, vars: &mut Vars) -> Res<Val> {
    match arg {
        Arg::Literal(v) => Ok(Some(v.clone())),
        Arg::Func(name) => call(p, name, Vec::new()),
        Arg::Field(base, chain) => {
            let mut v: Val = match base {
                Base::Dot => dot.cloned(),
                Base::Var(name) => match vars.iter().rev().find(|(n, _)| n == name) {
                    Some((_, v)) => v.clone(),
                    None => return exec_err(p, &format!("undefined variable: {name}")),
                },
                Base::Sub(inner) => pipeline(inner, dot, vars)?,
            };
            for name in chain {
                v = match v {
                    Some(Value::Object(m)) => m.get(name).cloned(),
                    None | Some(Value::Null) => None,
                    Some(other) => {
                        return exec_err(
                            p,
                            &format!("can't evaluate field {name} in type {}", go_type(&other)),
                        );
                    }
                };
            }
            Ok(v)
        }
    }
}

fn command(
    p: &Pipeline,
    cmd: &[Arg],
    dot: Option<&Value>,
    vars: &mut Vars,
    piped: Option<Val>,
) -> Res<Val> {
    match &cmd[0] {
        Arg::Func(name) => {
            let mut args = Vec::new();
            for a in &cmd[1..] {
                args.push(arg_value(p, a, dot, vars)?);
            }
            if let Some(v) = piped {
                args.push(v);
            }
            call(p, name, args)
        }
        first => {
            if cmd.len() > 1 || piped.is_some() {
                return exec_err(p, "can't give argument to non-function");
            }
            arg_value(p, first, dot, vars)
        }
    }
}

fn truth(v: &Val) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64().unwrap_or(0.0) != 0.0,
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(m)) => !m.is_empty(),
    }
}

fn go_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "<nil>",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_i64() || n.is_u64() => "int64",
        Value::Number(_) => "float64",
        Value::String(_) => "string",
        Value::Array(_) => "[]interface {}",
        Value::Object(_) => "map[string]interface {}",
    }
}

/// Go's `%v` of a value from an unstructured object.
pub fn go_v(v: &Value) -> String {
    match v {
        Value::Null => "<nil>".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) if n.is_i64() || n.is_u64() => n.to_string(),
        Value::Number(n) => go_format_g(n.as_f64().unwrap_or(0.0)),
        Value::String(s) => s.clone(),
        Value::Array(a) => format!("[{}]", a.iter().map(go_v).collect::<Vec<_>>().join(" ")),
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            let parts: Vec<String> = keys
                .iter()
                .map(|k| format!("{k}:{}", go_v(&m[*k])))
                .collect();
            format!("map[{}]", parts.join(" "))
        }
    }
}

/// An action's value as the template prints it: a missing or nil value is `<no value>`.
fn print_top(v: &Val) -> String {
    match v {
        None | Some(Value::Null) => "<no value>".into(),
        Some(v) => go_v(v),
    }
}

fn int_of(v: &Val) -> Option<i64> {
    v.as_ref()?.as_i64()
}

fn call(p: &Pipeline, name: &str, args: Vec<Val>) -> Res<Val> {
    let want = |n: usize| -> Res<()> {
        if args.len() == n {
            Ok(())
        } else {
            exec_err(
                p,
                &format!(
                    "wrong number of args for {name}: want {n} got {}",
                    args.len()
                ),
            )
        }
    };
    let calling = |m: String| exec_err::<Val>(p, &format!("error calling {name}: {m}"));
    match name {
        "and" | "or" => {
            if args.is_empty() {
                return exec_err(
                    p,
                    &format!("wrong number of args for {name}: want at least 1 got 0"),
                );
            }
            let stop = |v: &Val| if name == "and" { !truth(v) } else { truth(v) };
            let last = args.len() - 1;
            Ok(args
                .iter()
                .position(stop)
                .map_or_else(|| args[last].clone(), |i| args[i].clone()))
        }
        "not" => {
            want(1)?;
            Ok(Some(Value::Bool(!truth(&args[0]))))
        }
        "len" => {
            want(1)?;
            match &args[0] {
                Some(Value::String(s)) => Ok(Some(Value::from(s.len() as i64))),
                Some(Value::Array(a)) => Ok(Some(Value::from(a.len() as i64))),
                Some(Value::Object(m)) => Ok(Some(Value::from(m.len() as i64))),
                Some(other) => calling(format!("len of type {}", go_type(other))),
                None => calling("len of nil pointer".into()),
            }
        }
        "index" => {
            let Some((first, keys)) = args.split_first() else {
                return exec_err(p, "wrong number of args for index: want at least 1 got 0");
            };
            let mut v = first.clone();
            for key in keys {
                v = match (&v, key) {
                    (Some(Value::Array(a)), k) => {
                        let i = int_of(k).ok_or(()).or_else(|_| {
                            calling("cannot index slice/array with nil".into()).map(|_| 0)
                        })?;
                        match usize::try_from(i).ok().and_then(|i| a.get(i)) {
                            Some(e) => Some(e.clone()),
                            None => return calling(format!("index out of range: {i}")),
                        }
                    }
                    (Some(Value::Object(m)), Some(Value::String(k))) => m.get(k).cloned(),
                    (None | Some(Value::Null), _) => {
                        return calling("index of untyped nil".into());
                    }
                    (Some(other), _) => {
                        return calling(format!("can't index item of type {}", go_type(other)));
                    }
                };
            }
            Ok(v)
        }
        "slice" => {
            let Some((first, bounds)) = args.split_first() else {
                return exec_err(p, "wrong number of args for slice: want at least 1 got 0");
            };
            let b: Vec<i64> = bounds.iter().filter_map(int_of).collect();
            match first {
                Some(Value::String(s)) => {
                    let lo = usize::try_from(*b.first().unwrap_or(&0)).unwrap_or(0);
                    let hi = usize::try_from(*b.get(1).unwrap_or(&(s.len() as i64))).unwrap_or(0);
                    match s.get(lo..hi) {
                        Some(t) => Ok(Some(Value::String(t.into()))),
                        None => calling(format!("index out of range: {hi}")),
                    }
                }
                Some(Value::Array(a)) => {
                    let lo = usize::try_from(*b.first().unwrap_or(&0)).unwrap_or(0);
                    let hi = usize::try_from(*b.get(1).unwrap_or(&(a.len() as i64))).unwrap_or(0);
                    match a.get(lo..hi) {
                        Some(t) => Ok(Some(Value::Array(t.to_vec()))),
                        None => calling(format!("index out of range: {hi}")),
                    }
                }
                _ => calling("can't slice item".into()),
            }
        }
        "print" | "println" => {
            let mut s = String::new();
            for (i, a) in args.iter().enumerate() {
                let is_str = |v: &Val| matches!(v, Some(Value::String(_)));
                if i > 0 && (name == "println" || !(is_str(a) || is_str(&args[i - 1]))) {
                    s.push(' ');
                }
                s.push_str(&fmt_v(a));
            }
            if name == "println" {
                s.push('\n');
            }
            Ok(Some(Value::String(s)))
        }
        "printf" => {
            let Some((Some(Value::String(format)), rest)) = args.split_first() else {
                return exec_err(p, "wrong type for value; expected string");
            };
            Ok(Some(Value::String(sprintf(format, rest))))
        }
        "html" => Ok(Some(Value::String(
            args.iter()
                .map(fmt_v)
                .collect::<String>()
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('"', "&#34;")
                .replace('\'', "&#39;"),
        ))),
        "base64decode" => {
            want(1)?;
            let Some(Value::String(s)) = &args[0] else {
                return calling("base64decode takes a string".into());
            };
            match base64::engine::general_purpose::STANDARD.decode(s) {
                Ok(bytes) => Ok(Some(Value::String(String::from_utf8_lossy(&bytes).into()))),
                Err(e) => calling(format!("base64decode error: {e}")),
            }
        }
        "eq" | "ne" | "lt" | "le" | "gt" | "ge" => {
            if args.len() < 2 || (name != "eq" && args.len() != 2) {
                return exec_err(
                    p,
                    &format!("wrong number of args for {name}: want 2 got {}", args.len()),
                );
            }
            let mut result = false;
            for other in &args[1..] {
                let Some(ord) = compare(&args[0], other) else {
                    let t = |v: &Val| v.as_ref().map_or("<nil>", go_type);
                    return calling(format!(
                        "incompatible types for comparison: {} and {}",
                        t(&args[0]),
                        t(other)
                    ));
                };
                use std::cmp::Ordering::*;
                result = match name {
                    "eq" => ord == Equal,
                    "ne" => ord != Equal,
                    "lt" => ord == Less,
                    "le" => ord != Greater,
                    "gt" => ord == Greater,
                    _ => ord != Less,
                };
                if name == "eq" && result {
                    break;
                }
            }
            Ok(Some(Value::Bool(result)))
        }
        _ => exec_err(p, &format!("function {name:?} not defined")),
    }
}

/// Go's comparison of basic values: ints with ints, floats with floats, strings, bools (eq).
fn compare(a: &Val, b: &Val) -> Option<std::cmp::Ordering> {
    match (a.as_ref()?, b.as_ref()?) {
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64()) {
            (Some(i), Some(j)) => Some(i.cmp(&j)),
            (None, None) => x.as_f64()?.partial_cmp(&y.as_f64()?),
            _ => None,
        },
        (Value::String(x), Value::String(y)) => Some(x.cmp(y)),
        (Value::Bool(x), Value::Bool(y)) => Some(x.cmp(y)),
        _ => None,
    }
}

/// Go's `strconv.Quote` for the common characters.
fn go_quote(s: &str) -> String {
    let mut q = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            '\n' => q.push_str("\\n"),
            '\t' => q.push_str("\\t"),
            '\r' => q.push_str("\\r"),
            c if (c as u32) < 0x20 => q.push_str(&format!("\\x{:02x}", c as u32)),
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

fn fmt_v(v: &Val) -> String {
    match v {
        None => "<nil>".into(),
        Some(v) => go_v(v),
    }
}

/// Go's `fmt.Sprintf` for the verbs templates use: `%v %s %d %f %g %e %q %t %x %X %c %%`, with
/// flags `-`, `0`, `+`, width and precision. A verb that does not fit its value prints Go's
/// `%!d(string=x)`.
fn sprintf(format: &str, args: &[Val]) -> String {
    let mut out = String::new();
    let mut chars = format.chars().peekable();
    let mut next = 0usize;
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let (mut minus, mut zero, mut plus) = (false, false, false);
        while let Some(&f) = chars.peek() {
            match f {
                '-' => minus = true,
                '0' => zero = true,
                '+' => plus = true,
                ' ' | '#' => {}
                _ => break,
            }
            chars.next();
        }
        let mut width = String::new();
        while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
            width.push(d);
            chars.next();
        }
        let mut precision: Option<usize> = None;
        if chars.peek() == Some(&'.') {
            chars.next();
            let mut p = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                p.push(d);
                chars.next();
            }
            precision = Some(p.parse().unwrap_or(0));
        }
        let Some(verb) = chars.next() else {
            out.push_str("%!(NOVERB)");
            break;
        };
        if verb == '%' {
            out.push('%');
            continue;
        }
        let Some(arg) = args.get(next) else {
            let _ = write!(out, "%!{verb}(MISSING)");
            continue;
        };
        next += 1;
        let bad = |v: &Val| match v {
            Some(v) => format!("%!{verb}({}={})", go_type(v), go_v(v)),
            None => format!("%!{verb}(<nil>)"),
        };
        let text = match (verb, arg) {
            ('v', v) => fmt_v(v),
            ('s', Some(Value::String(s))) => match precision {
                Some(p) => s.chars().take(p).collect(),
                None => s.clone(),
            },
            ('s', Some(v @ (Value::Array(_) | Value::Object(_)))) => go_v(v),
            ('q', Some(Value::String(s))) => go_quote(s),
            ('t', Some(Value::Bool(b))) => b.to_string(),
            ('d', Some(Value::Number(n))) if n.is_i64() => {
                let i = n.as_i64().unwrap_or(0);
                if plus && i >= 0 {
                    format!("+{i}")
                } else {
                    i.to_string()
                }
            }
            ('x' | 'X', Some(Value::Number(n))) if n.is_i64() => {
                let i = n.as_i64().unwrap_or(0);
                if verb == 'x' {
                    format!("{i:x}")
                } else {
                    format!("{i:X}")
                }
            }
            ('x' | 'X', Some(Value::String(s))) => {
                let h: String = s.bytes().map(|b| format!("{b:02x}")).collect();
                if verb == 'X' { h.to_uppercase() } else { h }
            }
            ('c', Some(Value::Number(n))) if n.is_i64() => u32::try_from(n.as_i64().unwrap_or(0))
                .ok()
                .and_then(char::from_u32)
                .map(String::from)
                .unwrap_or_default(),
            ('f' | 'F', Some(Value::Number(n))) if !n.is_i64() || n.is_f64() => {
                format!("{:.*}", precision.unwrap_or(6), n.as_f64().unwrap_or(0.0))
            }
            ('e', Some(Value::Number(n))) if n.is_f64() => {
                let s = format!("{:.*e}", precision.unwrap_or(6), n.as_f64().unwrap_or(0.0));
                let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
                let e: i32 = e.parse().unwrap_or(0);
                format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
            }
            ('g', Some(Value::Number(n))) if n.is_f64() => go_format_g(n.as_f64().unwrap_or(0.0)),
            (_, v) => bad(v),
        };
        let width: usize = width.parse().unwrap_or(0);
        let len = text.chars().count();
        if len >= width {
            out.push_str(&text);
        } else if minus {
            out.push_str(&text);
            out.push_str(&" ".repeat(width - len));
        } else if zero && !matches!(verb, 's' | 'q' | 'v') {
            let (sign, digits) = match text.strip_prefix('-') {
                Some(d) => ("-", d),
                None => ("", text.as_str()),
            };
            out.push_str(sign);
            out.push_str(&"0".repeat(width - len));
            out.push_str(digits);
        } else {
            out.push_str(&" ".repeat(width - len));
            out.push_str(&text);
        }
    }
    if next < args.len() {
        out.push_str("%!(EXTRA ");
        let extra: Vec<String> = args[next..]
            .iter()
            .map(|a| match a {
                Some(v) => format!("{}={}", go_type(v), go_v(v)),
                None => "<nil>".into(),
            })
            .collect();
        out.push_str(&extra.join(", "));
        out.push(')');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn policy() -> Value {
        json!({
            "kind": "BackendTrafficPolicy",
            "metadata": {"name": "a", "generation": 1, "labels": {"b": "2", "a": "1"}},
            "spec": {"retry": {"numRetries": 3}, "ratio": 2.5, "big": 1e6,
                     "targetRefs": [{"kind": "Gateway", "name": "gw"}]},
            "status": null
        })
    }

    fn exec(t: &str) -> String {
        GoTemplate::parse(t)
            .and_then(|g| g.execute(&policy()))
            .unwrap_or_else(|e| e.0)
    }

    #[test]
    fn fields_values_and_missing_keys_print_as_go() {
        assert_eq!(
            exec(
                "{{.metadata.name}} {{.metadata.generation}} {{.metadata.nope}} {{.metadata.nope.deeper}}"
            ),
            "a 1 <no value> <no value>"
        );
        assert_eq!(exec("{{.metadata.labels}}"), "map[a:1 b:2]");
        assert_eq!(exec("{{.spec.targetRefs}}"), "[map[kind:Gateway name:gw]]");
        assert_eq!(
            exec("{{.spec.ratio}} {{.spec.big}} {{.status}} {{true}}"),
            "2.5 1e+06 <no value> true"
        );
    }

    #[test]
    fn control_flow_and_variables() {
        assert_eq!(
            exec("{{range $k, $v := .metadata.labels}}{{$k}}={{$v}};{{end}}"),
            "a=1;b=2;"
        );
        assert_eq!(
            exec("{{range .spec.targetRefs}}{{.kind}}/{{.name}}{{else}}none{{end}}"),
            "Gateway/gw"
        );
        assert_eq!(exec("{{range .spec.nope}}x{{else}}none{{end}}"), "none");
        assert_eq!(
            exec("{{if .spec.nope}}a{{else if .spec.retry}}b{{else}}c{{end}}"),
            "b"
        );
        assert_eq!(exec("{{with .spec.retry}}{{.numRetries}}{{end}}"), "3");
        assert_eq!(
            exec("{{$n := .metadata.name}}{{$n}}-{{$.kind}}"),
            "a-BackendTrafficPolicy"
        );
        assert_eq!(exec("x  {{- .metadata.name -}}  \n y"), "xay");
        assert_eq!(exec("{{/* note */}}ok"), "ok");
    }

    #[test]
    fn functions_as_go_defines_them() {
        assert_eq!(
            exec(
                "{{len .spec.targetRefs}} {{index .spec.targetRefs 0 \"name\"}} {{index .metadata.labels \"a\"}}"
            ),
            "1 gw 1"
        );
        assert_eq!(
            exec(
                "{{.spec.retry.numRetries | printf \"%d\"}} {{printf \"%s-%05.1f|%-4s|%q\" .kind .spec.ratio \"x\" \"y\"}}"
            ),
            "3 BackendTrafficPolicy-002.5|x   |\"y\""
        );
        assert_eq!(
            exec("{{printf \"%d\" .kind}}"),
            "%!d(string=BackendTrafficPolicy)"
        );
        assert_eq!(exec("{{print 1 2 \"a\" \"b\" 3}}"), "1 2ab3");
        assert_eq!(
            exec(
                "{{eq .kind \"BackendTrafficPolicy\"}} {{and 1 0}} {{or \"\" \"b\"}} {{not true}} {{lt 1 2}} {{ne 1 2}} {{ge 1 2}}"
            ),
            "true 0 b false true true false"
        );
        assert_eq!(
            exec("{{slice \"abcdef\" 1 3}} {{base64decode \"aGk=\"}}"),
            "bc hi"
        );
    }

    #[test]
    fn errors_in_gos_words() {
        assert_eq!(
            exec("{{nofunc .x}}"),
            "template: output:1: function \"nofunc\" not defined"
        );
        assert_eq!(
            exec("{{.metadata.name"),
            "template: output:1: unclosed action"
        );
        assert_eq!(exec("{{if .kind}}x"), "template: output:1: unexpected EOF");
        assert_eq!(
            exec("{{index .spec.targetRefs 5}}"),
            "template: output:1:2: executing \"output\" at <index .spec.targetRefs 5>: error calling index: index out of range: 5"
        );
        assert_eq!(
            exec("{{eq .metadata.generation .spec.ratio}}"),
            "template: output:1:2: executing \"output\" at <eq .metadata.generation .spec.ratio>: error calling eq: incompatible types for comparison: int64 and float64"
        );
    }
}
