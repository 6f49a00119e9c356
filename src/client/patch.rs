//! kubectl's client-side apply for custom resources: the last-applied-configuration annotation
//! and the three-way JSON merge patch (`jsonmergepatch.CreateThreeWayJSONMergePatch`).

use crate::patch::merge_diff;
use crate::print::json::to_json_compact;
use serde_json::{Map, Value};

pub const LAST_APPLIED: &str = "kubectl.kubernetes.io/last-applied-configuration";

/// The object as kubectl records it in the annotation: the object without the annotation,
/// `annotations: {}` kept when empty, compact JSON with sorted keys and a final newline.
pub fn last_applied_of(object: &Value) -> String {
    let mut text = to_json_compact(&without_last_applied(object));
    text.push('\n');
    text
}

/// `object` as kubectl's `GetModifiedConfiguration(obj, annotate=false)` makes it: annotations
/// present (empty if none) and without the last-applied one.
pub fn without_last_applied(object: &Value) -> Value {
    let mut copy = object.clone();
    if let Some(meta) = copy.get_mut("metadata").and_then(Value::as_object_mut) {
        let annotations = meta
            .entry("annotations")
            .or_insert_with(|| Value::Object(Map::new()));
        match annotations.as_object_mut() {
            Some(a) => {
                a.remove(LAST_APPLIED);
            }
            None => *annotations = Value::Object(Map::new()),
        }
    }
    copy
}

/// `object` with its last-applied annotation set (what apply sends, `modified` in kubectl).
pub fn with_last_applied(object: &Value) -> Value {
    let recorded = last_applied_of(object);
    let mut out = object.clone();
    if let Some(meta) = out.get_mut("metadata").and_then(Value::as_object_mut) {
        let annotations = meta
            .entry("annotations")
            .or_insert_with(|| Value::Object(Map::new()));
        if !annotations.is_object() {
            *annotations = Value::Object(Map::new());
        }
        if let Some(a) = annotations.as_object_mut() {
            a.insert(LAST_APPLIED.into(), Value::String(recorded));
        }
    }
    out
}

/// The configuration last applied to a live object, if it carries the annotation.
pub fn original_of(live: &Value) -> Option<Value> {
    let text = live["metadata"]["annotations"][LAST_APPLIED].as_str()?;
    serde_json::from_str(text).ok()
}

/// Keeps only the deletions (`keep_null`) or only the additions and changes of a patch.
fn filter_nulls(patch: &Value, keep_null: bool) -> Value {
    let Value::Object(m) = patch else {
        return patch.clone();
    };
    let mut out = Map::new();
    for (k, v) in m {
        match v {
            Value::Null if keep_null => {
                out.insert(k.clone(), Value::Null);
            }
            Value::Null => {}
            Value::Object(_) => {
                let sub = filter_nulls(v, keep_null);
                let empty = sub.as_object().is_some_and(Map::is_empty);
                // An emptied object stays only when it was an explicit `{}` change.
                if !empty || (!keep_null && v.as_object().is_some_and(Map::is_empty)) {
                    out.insert(k.clone(), sub);
                }
            }
            other if !keep_null => {
                out.insert(k.clone(), other.clone());
            }
            _ => {}
        }
    }
    Value::Object(out)
}

/// `patch` applied onto a copy of `target` (RFC 7386, by `crate::patch`).
pub fn merge_apply(target: &Value, patch: &Value) -> Value {
    let mut out = target.clone();
    crate::patch::merge_patch(&mut out, patch);
    out
}

/// Merges two patches, keeping explicit nulls of the second (`jsonpatch.MergePatch` of patches).
fn merge_patches(first: &Value, second: &Value) -> Value {
    match (first, second) {
        (Value::Object(a), Value::Object(b)) => {
            let mut out = a.clone();
            for (k, v) in b {
                let merged = match (out.get(k), v) {
                    (Some(existing @ Value::Object(_)), Value::Object(_)) => {
                        merge_patches(existing, v)
                    }
                    _ => v.clone(),
                };
                out.insert(k.clone(), merged);
            }
            Value::Object(out)
        }
        (_, second) => second.clone(),
    }
}

/// The patch kubectl sends: additions and changes from live to new, deletions from the last
/// applied to new. `{}` means nothing changed.
pub fn three_way_patch(original: Option<&Value>, modified: &Value, current: &Value) -> Value {
    let empty = Value::Object(Map::new());
    let add_and_change = filter_nulls(&merge_diff(current, modified), false);
    let deletions = filter_nulls(&merge_diff(original.unwrap_or(&empty), modified), true);
    merge_patches(&deletions, &add_and_change)
}

/// Whether a patch changes nothing.
pub fn is_empty_patch(patch: &Value) -> bool {
    patch.as_object().is_some_and(Map::is_empty)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn obj(spec: Value) -> Value {
        json!({"apiVersion": "gateway.envoyproxy.io/v1alpha1", "kind": "BackendTrafficPolicy",
               "metadata": {"name": "x", "namespace": "default"}, "spec": spec})
    }

    #[test]
    fn annotation_is_sorted_compact_json_with_empty_annotations_and_newline() {
        let o = obj(json!({"retry": {"numRetries": 3}}));
        assert_eq!(
            last_applied_of(&o),
            "{\"apiVersion\":\"gateway.envoyproxy.io/v1alpha1\",\"kind\":\"BackendTrafficPolicy\",\"metadata\":{\"annotations\":{},\"name\":\"x\",\"namespace\":\"default\"},\"spec\":{\"retry\":{\"numRetries\":3}}}\n"
        );
        let sent = with_last_applied(&o);
        assert_eq!(
            original_of(&sent).map(|v| v["spec"].clone()),
            Some(json!({"retry": {"numRetries": 3}}))
        );
    }

    #[test]
    fn unchanged_reapply_gives_an_empty_patch() {
        let new = with_last_applied(&obj(json!({"retry": {"numRetries": 3}})));
        let mut live = new.clone();
        live["metadata"]["resourceVersion"] = json!("7");
        live["metadata"]["uid"] = json!("u");
        live["status"] = json!({"ancestors": []});
        live["spec"]["loadBalancer"] = json!({"type": "RoundRobin"}); // set by someone else
        let patch = three_way_patch(original_of(&live).as_ref(), &new, &live);
        assert!(is_empty_patch(&patch), "{patch}");
    }

    #[test]
    fn changes_and_removals_of_applied_fields() {
        let before = with_last_applied(&obj(
            json!({"retry": {"numRetries": 3}, "timeout": {"tcp": {"connectTimeout": "1s"}}}),
        ));
        let mut live = before.clone();
        live["spec"]["loadBalancer"] = json!({"type": "Random"});
        let after = with_last_applied(&obj(json!({"retry": {"numRetries": 5}})));
        let patch = three_way_patch(original_of(&live).as_ref(), &after, &live);
        assert_eq!(
            patch["spec"],
            json!({"retry": {"numRetries": 5}, "timeout": null})
        );
        assert!(patch["metadata"]["annotations"][LAST_APPLIED].is_string());
        // The field another writer set is left alone.
        assert!(patch["spec"].get("loadBalancer").is_none());
        let result = merge_apply(&live, &patch);
        assert_eq!(result["spec"]["loadBalancer"], json!({"type": "Random"}));
        assert!(result["spec"].get("timeout").is_none());
    }
}
