//! The apiserver's first steps on a custom resource, before any check: drop `null` values of
//! fields that are not nullable (or replace them with the field's default), then fill in the
//! defaults of absent fields, nested ones included (a default that adds an object gets that
//! object's own defaults too). Metadata is left alone: the schema does not default it.

use crate::schema::Node;
use serde_json::Value;

/// Prunes non-nullable nulls and applies defaults, in place, below the object root.
pub fn apply(object: &mut Value, root: &Node) {
    let Value::Object(map) = object else { return };
    for (name, value) in map.iter_mut() {
        if name == "metadata" {
            metadata_nulls(value);
            continue;
        }
        if let Some(node) = root.properties.get(name) {
            default_node(value, node);
        }
    }
    prune_nulls(map, root);
}

/// Metadata is decoded into Go's ObjectMeta, where `null` is the zero value: an absent field,
/// or an empty string for a label or annotation (`creationTimestamp: null` is common in
/// exported manifests).
fn metadata_nulls(meta: &mut Value) {
    let Value::Object(map) = meta else { return };
    map.retain(|_, v| !v.is_null());
    for key in ["labels", "annotations"] {
        if let Some(Value::Object(entries)) = map.get_mut(key) {
            for v in entries.values_mut().filter(|v| v.is_null()) {
                *v = Value::String(String::new());
            }
        }
    }
}

fn prune_nulls(map: &mut serde_json::Map<String, Value>, node: &Node) {
    map.retain(|name, value| {
        !(value.is_null()
            && node
                .properties
                .get(name)
                .is_some_and(|p| !p.nullable && p.default.is_none()))
    });
}

fn default_node(value: &mut Value, node: &Node) {
    match value {
        Value::Object(map) => {
            for (name, prop) in &node.properties {
                let Some(default) = &prop.default else {
                    continue;
                };
                match map.get_mut(name) {
                    None => {
                        map.insert(name.clone(), default.clone());
                    }
                    Some(v) if v.is_null() && !prop.nullable => *v = default.clone(),
                    Some(_) => {}
                }
            }
            prune_nulls(map, node);
            for (name, child) in map.iter_mut() {
                if let Some(prop) = node.properties.get(name) {
                    default_node(child, prop);
                } else if let Some(values) = &node.additional_properties {
                    default_node(child, values);
                }
            }
        }
        Value::Array(items) => {
            if let Some(item) = &node.items {
                for v in items {
                    default_node(v, item);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::embedded;
    use serde_json::json;

    #[test]
    fn metadata_nulls_are_go_zero_values() {
        let mut obj =
            json!({"metadata": {"name": "a", "creationTimestamp": null, "labels": {"x": null}}});
        apply(&mut obj, &embedded().root);
        assert_eq!(obj["metadata"], json!({"name": "a", "labels": {"x": ""}}));
    }

    #[test]
    fn defaults_nested_and_prunes_nulls() {
        let mut obj = json!({
            "spec": {
                "retry": {"numRetries": null},
                "timeout": null,
                "targetSelectors": [{"kind": "HTTPRoute", "namespaces": {}}]
            }
        });
        apply(&mut obj, &embedded().root);
        assert_eq!(obj["spec"]["retry"]["numRetries"], json!(2));
        assert!(obj["spec"].get("timeout").is_none());
        let sel = &obj["spec"]["targetSelectors"][0];
        assert_eq!(sel["group"], json!("gateway.networking.k8s.io"));
        assert_eq!(sel["namespaces"]["from"], json!("Same"));
    }
}
