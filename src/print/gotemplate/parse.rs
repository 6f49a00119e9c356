//! Reading a template: text and `{{ }}` actions split apart (trimming, comments), actions
//! tokenized, and pipelines and blocks parsed into nodes.

use super::{Arg, Base, Node, Pipeline, Res, TemplateError, fail};
use serde_json::Value;

/// One `{{ }}` action or a run of text, with the line it starts on.
pub(super) enum Piece {
    Text(String),
    Action(String, usize),
}

pub(super) fn split(template: &str) -> Res<Vec<Piece>> {
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
pub(super) enum Stop {
    Eof,
    End,
    Else(Option<(String, usize)>),
}

pub(super) fn parse_list(
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
        // The keyword is the leading identifier: `{{range.items}}` is `range .items`.
        let cut = action
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(action.len());
        let (keyword, rest) = (&action[..cut], action[cut..].trim());
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
