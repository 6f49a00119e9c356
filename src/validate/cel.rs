//! The CRD's `x-kubernetes-validations` rules, run as kube-apiserver runs them: on the defaulted,
//! pruned object, once per value of the node that carries them (each list item, each map
//! value), with `self` bound to that value; a failure is reported at the node with the rule's
//! message. Rules are compiled once per process; a rule that does not compile or cannot be
//! evaluated is an error, never a pass.

use super::nodes::{ByNode, NodeSet, address, subtrees_with};
use super::path::FieldPath;
use super::structural::field_error;
use super::{ErrorType, FieldError};
use crate::schema::{Node, ValidationRule};
use cel::common::types::{
    CelBool, CelDouble, CelInt, CelList, CelMap, CelMapKey, CelNull, CelString, CelUInt,
};
use cel::common::value::Val;
use cel::{Context, Env, Program, Value as Cel};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// One rule, compiled (or the reason it could not be).
struct CompiledRule {
    rule: &'static ValidationRule,
    program: Result<Program, String>,
    /// The `messageExpression`, when the rule has one (a compile failure falls back to `message`).
    message_program: Option<Result<Program, String>>,
}

/// The rules of one schema node, and which fields of `self` they can see.
struct NodeRules {
    rules: Vec<CompiledRule>,
    /// The fields the rules name (`self.targetRef`, `has(self.x)`); `None` when a rule uses
    /// `self` whole (`self.all(…)`, `duration(self)`), so all of it must be converted.
    fields: Option<Vec<&'static str>>,
}

struct Rules {
    env: Arc<Env>,
    /// Compiled rules by the address of the (static, embedded) schema node that carries them.
    by_node: ByNode<NodeRules>,
    /// Nodes with rules at or below them: the walk skips every other subtree.
    with_rules: NodeSet,
}

/// The fields of `self` a rule reads, or `None` when it uses `self` in any other way.
/// Converting only those fields is what keeps a rule on `spec` from copying the whole spec.
fn fields_read(rule: &'static str) -> Option<Vec<&'static str>> {
    let bytes = rule.as_bytes();
    let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut fields = Vec::new();
    let mut from = 0;
    while let Some(found) = rule[from..].find("self") {
        let start = from + found;
        let end = start + 4;
        from = end;
        let before_ok = start == 0 || !(ident(bytes[start - 1]) || bytes[start - 1] == b'.');
        if !before_ok || bytes.get(end).is_some_and(|b| ident(*b)) {
            continue;
        }
        let rest = rule[end..].trim_start();
        // `self` used whole (`duration(self)`, `self != 'x'`): no field list.
        let after_dot = rest.strip_prefix('.')?.trim_start();
        let len = after_dot.bytes().take_while(|b| ident(*b)).count();
        if len == 0 || after_dot[len..].trim_start().starts_with('(') {
            return None;
        }
        fields.push(&after_dot[..len]);
    }
    Some(fields)
}

/// The embedded schema's rules, compiled on first use and shared by every thread.
fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| {
        let mut env = Env::stdlib();
        // `upperAscii` and friends, which Kubernetes' CEL environment has. Should registering
        // fail, the rules that use them fail to evaluate and are reported: nothing passes.
        let _ = env.add_extension(cel::extensions::strings);
        let env = Arc::new(env);
        let root = &crate::schema::embedded().root;
        let mut by_node = ByNode::default();
        collect(root, &env, &mut by_node);
        let with_rules = subtrees_with(root, &|n| !n.validations.is_empty());
        Rules {
            env,
            by_node,
            with_rules,
        }
    })
}

fn collect(node: &'static Node, env: &Env, out: &mut ByNode<NodeRules>) {
    if !node.validations.is_empty() {
        let rules = node
            .validations
            .iter()
            .map(|rule| CompiledRule {
                rule,
                program: env.compile(&rule.rule).map_err(|e| e.to_string()),
                message_program: rule
                    .message_expression
                    .as_ref()
                    .map(|m| env.compile(m).map_err(|e| e.to_string())),
            })
            .collect();
        let fields = node
            .validations
            .iter()
            .flat_map(|rule| std::iter::once(&rule.rule).chain(&rule.message_expression))
            .map(|text| fields_read(text))
            .try_fold(Vec::new(), |mut all, f| {
                all.extend(f?);
                Some(all)
            });
        out.insert(address(node), NodeRules { rules, fields });
    }
    for child in node.properties.values() {
        collect(child, env, out);
    }
    for child in node.items.iter().chain(node.additional_properties.iter()) {
        collect(child, env, out);
    }
}

/// How many rules the embedded schema carries and how many of them compile.
pub fn rule_counts() -> (usize, usize) {
    let all = rules().by_node.values().flat_map(|n| &n.rules);
    let total = all.clone().count();
    let compiled = all.filter(|r| r.program.is_ok()).count();
    (total, compiled)
}

/// The value as CEL sees it, typed by the schema (`number` fields are doubles even when written
/// as integers; objects are maps with string keys), borrowing strings rather than copying them.
fn to_cel<'v>(value: &'v Value, node: Option<&Node>) -> Box<dyn Val + 'v> {
    match value {
        Value::Null => Box::new(CelNull),
        Value::Bool(b) => Box::new(CelBool::from(*b)),
        Value::Number(n) => {
            let is_number = node.and_then(|n| n.type_.as_deref()) == Some("number");
            match (n.as_i64(), n.as_u64()) {
                (Some(i), _) if !is_number => Box::new(CelInt::from(i)),
                (None, Some(u)) if !is_number => Box::new(CelUInt::from(u)),
                _ => Box::new(CelDouble::from(n.as_f64().unwrap_or(f64::NAN))),
            }
        }
        Value::String(s) => Box::new(CelString::from(s.as_str())),
        Value::Array(items) => {
            let item = node.and_then(|n| n.items.as_deref());
            Box::new(CelList::from(
                items.iter().map(|v| to_cel(v, item)).collect::<Vec<_>>(),
            ))
        }
        Value::Object(map) => Box::new(object_to_cel(map.iter(), node)),
    }
}

fn object_to_cel<'v>(
    entries: impl Iterator<Item = (&'v String, &'v Value)>,
    node: Option<&Node>,
) -> CelMap<'v> {
    let converted: HashMap<CelMapKey<'v>, Box<dyn Val + 'v>> = entries
        .map(|(k, v)| {
            let child =
                node.and_then(|n| n.properties.get(k).or(n.additional_properties.as_deref()));
            (CelMapKey::from(k.as_str()), to_cel(v, child))
        })
        .collect();
    CelMap::from(converted)
}

/// Evaluates every rule below `node` on `value`, appending failures to `errors`.
pub fn check(value: &Value, node: &'static Node, path: &FieldPath, errors: &mut Vec<FieldError>) {
    let rules = rules();
    if !rules.with_rules.contains(&address(node)) {
        return;
    }
    if let Some(node_rules) = rules.by_node.get(&address(node)) {
        evaluate(value, node, node_rules, &rules.env, path, errors);
    }
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                if let Some(child) = node.properties.get(key) {
                    check(v, child, &path.key(key), errors);
                } else if let Some(values) = node.additional_properties.as_deref() {
                    check(v, values, &path.key(key), errors);
                }
            }
        }
        Value::Array(items) => {
            if let Some(item) = node.items.as_deref() {
                for (i, v) in items.iter().enumerate() {
                    check(v, item, &path.index(i), errors);
                }
            }
        }
        _ => {}
    }
}

fn evaluate(
    value: &Value,
    node: &Node,
    node_rules: &NodeRules,
    env: &Arc<Env>,
    path: &FieldPath,
    errors: &mut Vec<FieldError>,
) {
    let this: Box<dyn Val + '_> = match (&node_rules.fields, value) {
        (Some(fields), Value::Object(map)) => Box::new(object_to_cel(
            fields.iter().filter_map(|f| map.get_key_value(*f)),
            Some(node),
        )),
        _ => to_cel(value, Some(node)),
    };
    let mut context = Context::with_env(env.clone());
    context.add_variable_as_val("self", this);
    // validation.go reports compile and evaluation errors with the schema's type as the value.
    let schema_type = Some(Value::String(node.type_.clone().unwrap_or_default()));
    for c in &node_rules.rules {
        let program = match &c.program {
            Ok(p) => p,
            Err(e) => {
                errors.push(field_error(
                    path,
                    ErrorType::Invalid,
                    schema_type.clone(),
                    format!("rule compile error: {e}"),
                ));
                continue;
            }
        };
        match program.execute(&context) {
            Ok(Cel::Bool(true)) => {}
            Ok(Cel::Bool(false)) => errors.push(rule_failure(c, node, value, &context, path)),
            Ok(other) => errors.push(field_error(
                path,
                ErrorType::Invalid,
                schema_type.clone(),
                format!(
                    "rule returned {other:?}, not a bool evaluating rule: {}",
                    rule_error_string(c.rule)
                ),
            )),
            Err(e) => errors.push(field_error(
                path,
                ErrorType::Invalid,
                schema_type.clone(),
                evaluation_error(&e, c.rule),
            )),
        }
    }
}

/// An evaluation error in validation.go's words, with cel-go's text for the errors both
/// interpreters share (`no such key: x`, `division by zero`, …).
fn evaluation_error(e: &cel::ExecutionError, rule: &ValidationRule) -> String {
    use cel::ExecutionError as E;
    let rule_text = rule_error_string(rule);
    let text = match e {
        E::NoSuchOverload(_) => {
            return format!(
                "'no such overload': call arguments did not match a supported operator, function or macro signature for rule: {rule_text}"
            );
        }
        E::NoSuchKey(key) => format!("no such key: {key}"),
        E::DivisionByZero(_) => "division by zero".to_string(),
        E::RemainderByZero(_) => "modulus by zero".to_string(),
        E::Overflow(..) => "integer overflow".to_string(),
        other => other.to_string(),
    };
    format!("{text} evaluating rule: {rule_text}")
}

/// validation.go's `ruleErrorString`: the rule's message when it has one, else its text.
fn rule_error_string(rule: &ValidationRule) -> &str {
    match rule.message.as_deref().map(str::trim) {
        Some(m) if !m.is_empty() => m,
        _ => rule.rule.trim(),
    }
}

/// The error for a rule that evaluated to false, as validation.go builds it: the detail from
/// `messageExpression` (falling back to `message`, then `failed rule: …`), at the rule's
/// `fieldPath` when it has one, typed by its `reason`; the value shown only for scalars.
fn rule_failure(
    c: &CompiledRule,
    node: &Node,
    value: &Value,
    context: &Context,
    path: &FieldPath,
) -> FieldError {
    let detail = c
        .message_program
        .as_ref()
        .and_then(|p| p.as_ref().ok())
        .and_then(|p| evaluated_message(p, context))
        .unwrap_or_else(|| match c.rule.message.as_deref().map(str::trim) {
            Some(m) if !m.is_empty() => m.to_string(),
            _ => format!("failed rule: {}", rule_error_string(c.rule)),
        });
    let shown = match node.type_.as_deref() {
        Some("object" | "array") => None,
        _ => Some(value.clone()),
    };
    let (error_type, bad_value, detail) = match c.rule.reason.as_deref() {
        Some("FieldValueRequired") => (ErrorType::Required, None, detail),
        Some("FieldValueForbidden") => (ErrorType::Forbidden, None, detail),
        // field.Duplicate carries the value and no detail.
        Some("FieldValueDuplicate") => (ErrorType::Duplicate, shown, String::new()),
        _ => (ErrorType::Invalid, shown, detail),
    };
    let mut error = field_error(path, error_type, bad_value, detail);
    if let Some(relative) = c.rule.field_path.as_deref() {
        let (rendered, pointer) = relative_path(relative);
        error.path = if error.path.is_empty() {
            rendered
        } else {
            format!("{}.{rendered}", error.path)
        };
        error.pointer.push_str(&pointer);
    }
    error
}

/// The text a `messageExpression` evaluates to, as validation.go accepts it: a string, trimmed,
/// non-empty, one line, at most 5 KiB; anything else falls back to the rule's `message`.
fn evaluated_message(program: &Program, context: &Context) -> Option<String> {
    const MAX_MESSAGE_BYTES: usize = 5 * 1024;
    match program.execute(context) {
        Ok(Cel::String(s)) => {
            let trimmed = s.trim();
            (!trimmed.is_empty()
                && trimmed.len() <= MAX_MESSAGE_BYTES
                && !trimmed.contains(['\n', '\r']))
            .then(|| trimmed.to_string())
        }
        _ => None,
    }
}

/// A rule's `fieldPath` (`.a.b`, `.a['b.c']`) as the field path Kubernetes prints (`a.b`,
/// `a[b.c]`) and as a JSON pointer suffix (`/a/b`).
fn relative_path(field_path: &str) -> (String, String) {
    let mut rendered = String::new();
    let mut pointer = String::new();
    let mut rest = field_path.trim();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("['") {
            let end = after.find("']").unwrap_or(after.len());
            let key = after[..end].replace("\\'", "'");
            rendered.push_str(&format!("[{key}]"));
            pointer.push('/');
            pointer.push_str(&crate::manifest::pointer_token(&key));
            rest = after.get(end + 2..).unwrap_or("");
        } else {
            let body = rest.strip_prefix('.').unwrap_or(rest);
            let end = body.find(['.', '[']).unwrap_or(body.len());
            if !rendered.is_empty() {
                rendered.push('.');
            }
            rendered.push_str(&body[..end]);
            pointer.push('/');
            pointer.push_str(&crate::manifest::pointer_token(&body[..end]));
            rest = &body[end..];
        }
    }
    (rendered, pointer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn finds_the_fields_a_rule_reads() {
        assert_eq!(
            fields_read(
                "has(self.targetRef) ? self.targetRef.kind in ['Gateway'] : self.x.all(r, r.y)"
            ),
            Some(vec!["targetRef", "targetRef", "x"])
        );
        assert_eq!(fields_read("self.all(r, !has(r.cost))"), None);
        assert_eq!(fields_read("duration(self) > duration('0s')"), None);
        assert_eq!(fields_read("self != 'Replace'"), None);
        assert_eq!(fields_read("myself.a == 1"), Some(vec![]));
    }

    #[test]
    fn unevaluable_and_uncompilable_rules_are_errors() {
        let rules = rules();
        let rule = |text: &str| -> &'static ValidationRule {
            Box::leak(Box::new(ValidationRule {
                rule: text.into(),
                message: Some("never shown".into()),
                message_expression: None,
                reason: None,
                field_path: None,
                optional_old_self: None,
            }))
        };
        let node_rules = NodeRules {
            rules: ["self.missing == 1", "self.(", "has(self.a)"]
                .into_iter()
                .map(|text| {
                    let r = rule(text);
                    CompiledRule {
                        rule: r,
                        program: rules.env.compile(&r.rule).map_err(|e| e.to_string()),
                        message_program: None,
                    }
                })
                .collect(),
            fields: None,
        };
        let node = Node {
            type_: Some("object".into()),
            ..Node::default()
        };
        let root = FieldPath::root();
        let path = root.key("spec");
        let mut errors = Vec::new();
        evaluate(
            &json!({"a": 1}),
            &node,
            &node_rules,
            &rules.env,
            &path,
            &mut errors,
        );
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0].message().starts_with(
                "spec: Invalid value: \"object\": no such key: missing evaluating rule: never shown"
            ),
            "{}",
            errors[0].message()
        );
        assert!(
            errors[1]
                .message()
                .starts_with("spec: Invalid value: \"object\": rule compile error: "),
            "{}",
            errors[1].message()
        );
    }

    /// A rule's text, messageExpression, reason and fieldPath.
    type RuleSpec<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>);

    /// One node with `rules` evaluated on `value`.
    fn failures(value: Value, node_type: &str, rules: &[RuleSpec]) -> Vec<String> {
        let env = &super::rules().env;
        let compiled = rules
            .iter()
            .map(|(rule, expression, reason, field_path)| {
                let r: &'static ValidationRule = Box::leak(Box::new(ValidationRule {
                    rule: (*rule).into(),
                    message: Some("the message".into()),
                    message_expression: expression.map(String::from),
                    reason: reason.map(String::from),
                    field_path: field_path.map(String::from),
                    optional_old_self: None,
                }));
                CompiledRule {
                    rule: r,
                    program: env.compile(&r.rule).map_err(|e| e.to_string()),
                    message_program: r
                        .message_expression
                        .as_ref()
                        .map(|m| env.compile(m).map_err(|e| e.to_string())),
                }
            })
            .collect();
        let node_rules = NodeRules {
            rules: compiled,
            fields: None,
        };
        let node = Node {
            type_: Some(node_type.into()),
            ..Node::default()
        };
        let root = FieldPath::root();
        let path = root.key("spec");
        let mut errors = Vec::new();
        evaluate(&value, &node, &node_rules, env, &path, &mut errors);
        errors.iter().map(FieldError::message).collect()
    }

    /// apiextensions-apiserver `pkg/apiserver/schema/cel/validation.go` (1.37): the detail comes
    /// from messageExpression when it gives a usable string, else from message.
    #[test]
    fn message_expressions_reasons_and_field_paths() {
        let m = failures(
            json!({"a": 1}),
            "object",
            &[
                ("self.a == 2", Some("'a is ' + string(self.a)"), None, None),
                ("self.a == 2", Some("'  '"), None, None),
                ("self.a == 2", Some("self.a"), None, None),
                ("self.a == 2", None, Some("FieldValueRequired"), Some(".a")),
                (
                    "self.a == 2",
                    None,
                    Some("FieldValueForbidden"),
                    Some(".b['c.d']"),
                ),
                ("self.a == 2", None, Some("FieldValueDuplicate"), None),
            ],
        );
        assert_eq!(
            m,
            [
                "spec: Invalid value: a is 1",
                "spec: Invalid value: the message",
                "spec: Invalid value: the message",
                "spec.a: Required value: the message",
                "spec.b[c.d]: Forbidden: the message",
                "spec: Duplicate value",
            ]
        );
        let m = failures(
            json!("Replace"),
            "string",
            &[("self != 'Replace'", None, Some("FieldValueDuplicate"), None)],
        );
        assert_eq!(m, ["spec: Duplicate value: \"Replace\""]);
        let m = failures(json!(7), "integer", &[("self < 5", None, None, None)]);
        assert_eq!(m, ["spec: Invalid value: 7: the message"]);
    }

    #[test]
    fn every_rule_compiles() {
        assert_eq!(rule_counts(), (76, 76));
    }

    /// The messages of the CEL rules `obj` breaks, from the root of the embedded schema.
    fn messages(obj: &Value) -> Vec<String> {
        let mut errors = Vec::new();
        check(
            obj,
            &crate::schema::embedded().root,
            &FieldPath::root(),
            &mut errors,
        );
        errors.iter().map(FieldError::message).collect()
    }

    #[test]
    fn reports_at_the_rule_node() {
        let obj = json!({"spec": {"targetRefs": [{"group": "gateway.networking.k8s.io", "kind": "Gateway", "name": "g"}],
            "loadBalancer": {"type": "ConsistentHash"}}});
        let m = messages(&obj);
        assert_eq!(
            m,
            [
                "spec.loadBalancer: Invalid value: If LoadBalancer type is consistentHash, consistentHash field needs to be set."
            ]
        );
    }

    #[test]
    fn durations_and_upper_ascii() {
        let obj = json!({"spec": {"targetRefs": [{"group": "gateway.networking.k8s.io", "kind": "HTTPRoute", "name": "r"}],
            "http2": {"connectionKeepalive": {"timeout": "10s", "interval": "5s"}},
            "healthCheck": {"active": {"type": "HTTP", "http": {"path": "/", "method": "get", "requestBody": {"type": "Text", "text": "x"}}}}}});
        let m = messages(&obj);
        assert_eq!(m.len(), 2, "{m:?}");
        assert!(m[0].contains("timeout must be less than interval"));
        assert!(m[1].contains("requestBody field can only be set when method is POST or PUT"));
    }
}
