//! Running a parsed template: data, variables, control flow and the built-in functions.

use super::fmt::{fmt_v, go_type, go_v, sprintf};
use super::{Arg, Base, Node, Pipeline, Res, fail};
use base64::Engine;
use serde_json::Value;

/// A value during execution; `None` is Go's invalid value (a missing key), `<no value>`.
pub(super) type Val = Option<Value>;
pub(super) type Vars = Vec<(String, Val)>;

pub(super) fn run(
    nodes: &[Node],
    dot: Option<&Value>,
    vars: &mut Vars,
    out: &mut String,
) -> Res<()> {
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
