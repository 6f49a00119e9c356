//! The CRD's `x-kubernetes-validations` rules, run as kube-apiserver runs them: on the defaulted,
//! pruned object, once per value of the node that carries them (each list item, each map
//! value), with `self` bound to that value; a failure is reported at the node with the rule's
//! message. Rules are compiled once per process; a rule that does not compile or cannot be
//! evaluated is an error, never a pass.

use super::path::FieldPath;
use super::structural::field_error;
use super::{ErrorType, FieldError};
use crate::schema::{Node, ValidationRule};
use cel::objects::{Key, Map};
use cel::{Context, Env, Program, Value as Cel};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// One rule, compiled (or the reason it could not be).
struct CompiledRule {
    rule: &'static ValidationRule,
    program: Result<Program, String>,
}

struct Rules {
    env: Arc<Env>,
    /// Compiled rules by the address of the (static, embedded) schema node that carries them.
    by_node: HashMap<usize, Vec<CompiledRule>>,
}

// SAFETY-free note: `Program` holds only the parsed expression; sharing it across threads is
// what the OnceLock needs, and the compiler checks that for us.
fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| {
        let mut env = Env::stdlib();
        // `upperAscii` and friends, which Kubernetes' CEL environment has.
        let _ = env.add_extension(cel::extensions::strings);
        let env = Arc::new(env);
        let mut by_node = HashMap::new();
        collect(&crate::schema::embedded().root, &env, &mut by_node);
        Rules { env, by_node }
    })
}

fn collect(node: &'static Node, env: &Env, out: &mut HashMap<usize, Vec<CompiledRule>>) {
    if !node.validations.is_empty() {
        let compiled = node
            .validations
            .iter()
            .map(|rule| CompiledRule {
                rule,
                program: env.compile(&rule.rule).map_err(|e| e.to_string()),
            })
            .collect();
        out.insert(node as *const Node as usize, compiled);
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
    let all = rules().by_node.values().flatten();
    let total = all.clone().count();
    let compiled = all.filter(|r| r.program.is_ok()).count();
    (total, compiled)
}

/// The value as CEL sees it, typed by the schema: `number` fields are doubles even when
/// written as integers, objects are maps with string keys.
fn to_cel(value: &Value, node: Option<&Node>) -> Cel {
    match value {
        Value::Null => Cel::Null,
        Value::Bool(b) => Cel::Bool(*b),
        Value::Number(n) => {
            let is_number = node.and_then(|n| n.type_.as_deref()) == Some("number");
            match (n.as_i64(), n.as_u64()) {
                (Some(i), _) if !is_number => Cel::Int(i),
                (None, Some(u)) if !is_number => Cel::UInt(u),
                _ => Cel::Float(n.as_f64().unwrap_or(f64::NAN)),
            }
        }
        Value::String(s) => Cel::String(Arc::new(s.clone())),
        Value::Array(items) => {
            let item = node.and_then(|n| n.items.as_deref());
            Cel::List(Arc::new(items.iter().map(|v| to_cel(v, item)).collect()))
        }
        Value::Object(map) => {
            let converted: HashMap<Key, Cel> = map
                .iter()
                .map(|(k, v)| {
                    let child = node
                        .and_then(|n| n.properties.get(k).or(n.additional_properties.as_deref()));
                    (Key::String(Arc::new(k.clone())), to_cel(v, child))
                })
                .collect();
            Cel::Map(Map {
                map: Arc::new(converted),
            })
        }
    }
}

/// The schema type Kubernetes shows as the "value" of a rule failure (`Invalid value: "object"`).
fn node_type(node: &Node, value: &Value) -> String {
    node.type_.clone().unwrap_or_else(|| {
        match value {
            Value::String(_) => "string",
            Value::Number(_) => "integer",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
            Value::Bool(_) => "boolean",
            Value::Null => "null",
        }
        .to_string()
    })
}

/// Evaluates every rule below `node` on `value`, appending failures to `errors`.
pub fn check(value: &Value, node: &'static Node, path: &FieldPath, errors: &mut Vec<FieldError>) {
    let rules = rules();
    if let Some(compiled) = rules.by_node.get(&(node as *const Node as usize)) {
        evaluate(value, node, compiled, &rules.env, path, errors);
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
    compiled: &[CompiledRule],
    env: &Arc<Env>,
    path: &FieldPath,
    errors: &mut Vec<FieldError>,
) {
    let this = to_cel(value, Some(node));
    let mut context = Context::with_env(env.clone());
    context.add_variable_from_value("self", this);
    let shown = Some(Value::String(node_type(node, value)));
    for c in compiled {
        let rule_text = c.rule.rule.trim();
        let program = match &c.program {
            Ok(p) => p,
            Err(e) => {
                errors.push(field_error(
                    path,
                    ErrorType::Internal,
                    None,
                    format!("rule does not compile: {rule_text}: {e}"),
                ));
                continue;
            }
        };
        match program.execute(&context) {
            Ok(Cel::Bool(true)) => {}
            Ok(Cel::Bool(false)) => {
                let message = c
                    .rule
                    .message
                    .clone()
                    .unwrap_or_else(|| format!("failed rule: {rule_text}"));
                let error_type = match c.rule.reason.as_deref() {
                    Some("FieldValueRequired") => ErrorType::Required,
                    Some("FieldValueDuplicate") => ErrorType::Duplicate,
                    Some("FieldValueForbidden") => ErrorType::Forbidden,
                    _ => ErrorType::Invalid,
                };
                let bad = matches!(error_type, ErrorType::Invalid | ErrorType::Duplicate)
                    .then(|| shown.clone())
                    .flatten();
                errors.push(field_error(path, error_type, bad, message));
            }
            Ok(other) => errors.push(field_error(
                path,
                ErrorType::Invalid,
                shown.clone(),
                format!("rule returned {other:?}, not a bool: {rule_text}"),
            )),
            Err(e) => errors.push(field_error(
                path,
                ErrorType::Invalid,
                shown.clone(),
                format!("{e} evaluating rule: {rule_text}"),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_rule_compiles() {
        assert_eq!(rule_counts(), (76, 76));
    }

    #[test]
    fn reports_at_the_rule_node() {
        let obj = json!({"spec": {"targetRefs": [{"group": "gateway.networking.k8s.io", "kind": "Gateway", "name": "g"}],
            "loadBalancer": {"type": "ConsistentHash"}}});
        let mut errors = Vec::new();
        check(
            &obj,
            &crate::schema::embedded().root,
            &FieldPath::root(),
            &mut errors,
        );
        let m: Vec<_> = errors.iter().map(FieldError::message).collect();
        assert_eq!(
            m,
            [
                "spec.loadBalancer: Invalid value: \"object\": If LoadBalancer type is consistentHash, consistentHash field needs to be set."
            ]
        );
    }

    #[test]
    fn durations_and_upper_ascii() {
        let obj = json!({"spec": {"targetRefs": [{"group": "gateway.networking.k8s.io", "kind": "HTTPRoute", "name": "r"}],
            "http2": {"connectionKeepalive": {"timeout": "10s", "interval": "5s"}},
            "healthCheck": {"active": {"type": "HTTP", "http": {"path": "/", "method": "get", "requestBody": {"type": "Text", "text": "x"}}}}}});
        let mut errors = Vec::new();
        check(
            &obj,
            &crate::schema::embedded().root,
            &FieldPath::root(),
            &mut errors,
        );
        let m: Vec<_> = errors.iter().map(FieldError::message).collect();
        assert_eq!(m.len(), 2, "{m:?}");
        assert!(m[0].contains("timeout must be less than interval"));
        assert!(m[1].contains("requestBody field can only be set when method is POST or PUT"));
    }
}
