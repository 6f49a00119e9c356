//! `-o go-template=…` (and `template=`, `go-template-file=`, `templatefile=`): Go's
//! text/template over the object as kubectl hands it over (integers as int64, other numbers as
//! float64, maps iterated in key order). The subset every kubectl recipe uses: text with
//! `{{ }}` actions (`{{-`/`-}}` trimming, comments), fields and variables, pipelines, `if`/
//! `else if`/`else`, `range` (with `$i, $e :=`), `with`, and the functions `and`, `or`, `not`,
//! `len`, `index`, `slice`, `print`, `printf`, `println`, `eq`, `ne`, `lt`, `le`, `gt`, `ge`
//! and kubectl's `base64decode`. `define`/`template`/`block` and `call` are refused by name.

mod exec;
mod fmt;
mod parse;

use exec::run;
use parse::{Stop, parse_list, split};
use serde_json::Value;

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
        assert_eq!(exec("{{range.spec.targetRefs}}{{.name}}{{end}}"), "gw");
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
