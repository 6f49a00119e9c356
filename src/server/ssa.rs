//! Server-side apply: merges an applied configuration into the live object, checking field
//! ownership against other managers and reporting conflicts in kube-apiserver's words.

use super::managed::{self, Entry, FieldPath, ListKind, Scope};
use super::status::ApiError;
use crate::schema::Node;
use serde_json::{Value, json};
use std::collections::BTreeSet;

/// Parses an apply body (YAML or JSON) into one JSON object.
pub fn parse_body(body: &[u8]) -> Result<Value, ApiError> {
    let text = std::str::from_utf8(body)
        .map_err(|_| ApiError::bad_request("the request body is not valid UTF-8"))?;
    let value = crate::server::yaml::parse(text).map_err(ApiError::bad_request)?;
    if !value.is_object() {
        return Err(ApiError::bad_request(
            "error decoding YAML: the applied configuration is not an object",
        ));
    }
    if value.get("metadata").is_some_and(|m| !m.is_object()) {
        return Err(ApiError::undecodable("metadata must be an object"));
    }
    Ok(value)
}

fn conflict_error(conflicts: &[(Entry, FieldPath)]) -> ApiError {
    let causes: Vec<Value> = conflicts
        .iter()
        .map(|(e, p)| {
            json!({
                "reason": "FieldManagerConflict",
                "message": format!("conflict with {}", e.describe()),
                "field": managed::path_string(p),
            })
        })
        .collect();
    let message = if let [(e, p)] = conflicts {
        format!(
            "Apply failed with 1 conflict: conflict with {}: {}",
            e.describe(),
            managed::path_string(p)
        )
    } else {
        let mut managers: Vec<String> = conflicts.iter().map(|(e, _)| e.describe()).collect();
        managers.sort();
        managers.dedup();
        let mut lines = Vec::new();
        for m in managers {
            lines.push(format!("conflicts with {m}:"));
            for (e, p) in conflicts.iter().filter(|(e, _)| e.describe() == m) {
                let _ = e;
                lines.push(format!("- {}", managed::path_string(p)));
            }
        }
        format!(
            "Apply failed with {} conflicts: {}",
            conflicts.len(),
            lines.join("\n")
        )
    };
    ApiError::apply_conflict(message, causes)
}

fn remove_path(object: &mut Value, path: &[String]) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    let Some(parent) = parents
        .iter()
        .try_fold(&mut *object, |v, k| managed::step_mut(v, k))
    else {
        return;
    };
    managed::remove_step(parent, last);
    // Drop parents the removal left empty, so `retry: {}` does not linger.
    prune_empty(object, parents);
}

fn prune_empty(object: &mut Value, parents: &[String]) {
    for depth in (1..=parents.len()).rev() {
        let (prefix, last) = (&parents[..depth - 1], &parents[depth - 1]);
        let Some(parent) = prefix
            .iter()
            .try_fold(&mut *object, |v, k| managed::step_mut(v, k))
        else {
            return;
        };
        let empty = managed::step_ref(parent, last).is_some_and(|v| match v {
            Value::Object(m) => m.is_empty(),
            Value::Array(items) => items.is_empty(),
            _ => false,
        });
        if empty && depth > 1 {
            managed::remove_step(parent, last);
        } else {
            return;
        }
    }
}

/// Merges `applied` into `target` as structured-merge-diff does: objects field by field, keyed
/// lists element by element (by their list-map keys), sets by value, other lists replaced.
fn merge_into(target: &mut Value, applied: &Value, node: Option<&Node>) {
    match (target, applied) {
        (Value::Object(t), Value::Object(a)) => {
            for (k, v) in a {
                if v.is_null() {
                    t.remove(k);
                    continue;
                }
                let child = managed::child_node(node, k);
                match t.get_mut(k) {
                    Some(existing)
                        if (existing.is_object() && v.is_object())
                            || (existing.is_array() && v.is_array()) =>
                    {
                        merge_into(existing, v, child)
                    }
                    _ => {
                        t.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (Value::Array(t), Value::Array(a)) => merge_list(t, a, node),
        (t, a) => *t = a.clone(),
    }
}

fn merge_list(target: &mut Vec<Value>, applied: &[Value], node: Option<&Node>) {
    match managed::list_kind(node) {
        ListKind::Keyed(keys) => {
            let (Some(_), Some(steps)) = (
                managed::keyed_steps(target, keys),
                managed::keyed_steps(applied, keys),
            ) else {
                *target = applied.to_vec();
                return;
            };
            let item_node = node.and_then(|n| n.items.as_deref());
            for (item, step) in applied.iter().zip(steps) {
                match target
                    .iter_mut()
                    .find(|t| managed::element_step(t, keys).as_ref() == Some(&step))
                {
                    Some(existing) => merge_into(existing, item, item_node),
                    None => target.push(item.clone()),
                }
            }
        }
        ListKind::Set => {
            for item in applied {
                if !target.contains(item) {
                    target.push(item.clone());
                }
            }
        }
        ListKind::Atomic => *target = applied.to_vec(),
    }
}

/// The fields of the client-side apply annotation, if the object carries one.
fn last_applied_fields(live: &Value) -> BTreeSet<FieldPath> {
    live["metadata"]["annotations"][LAST_APPLIED]
        .as_str()
        .and_then(|text| serde_json::from_str::<Value>(text).ok())
        .map(|config| managed::leaves(&config, Scope::Main).into_keys().collect())
        .unwrap_or_default()
}

const LAST_APPLIED: &str = "kubectl.kubernetes.io/last-applied-configuration";

/// The object after `manager` applies `applied` to `current` (None: the object is new).
pub fn apply(
    current: Option<&Value>,
    applied: &Value,
    manager: &str,
    force: bool,
    now: &str,
) -> Result<Value, ApiError> {
    let applied_leaves = managed::leaves(applied, Scope::Main);
    let mut entries = current.map(managed::decode).unwrap_or_default();
    let empty = json!({});
    let live = current.unwrap_or(&empty);
    let is_self = |e: &Entry| e.manager == manager && e.operation == "Apply";

    let mut conflicts: Vec<(Entry, FieldPath)> = Vec::new();
    for (path, value) in &applied_leaves {
        if managed::value_at(live, path).as_ref() == Some(value) {
            continue;
        }
        for e in entries.iter().filter(|e| !is_self(e)) {
            if e.fields.iter().any(|f| f.starts_with(path)) {
                conflicts.push((e.clone(), path.clone()));
            }
        }
    }
    if !conflicts.is_empty() && !force {
        // kube-apiserver lets `kubectl apply --server-side` take over from client-side apply:
        // conflicts on fields of the last-applied configuration are forced.
        let allowed = if manager == "kubectl" {
            last_applied_fields(live)
        } else {
            BTreeSet::new()
        };
        let remaining: Vec<(Entry, FieldPath)> = conflicts
            .iter()
            .filter(|(_, p)| !allowed.contains(p))
            .cloned()
            .collect();
        if !remaining.is_empty() {
            return Err(conflict_error(&remaining));
        }
    }
    for e in entries.iter_mut().filter(|e| !is_self(e)) {
        e.fields.retain(|f| {
            !conflicts
                .iter()
                .any(|(c, p)| c.manager == e.manager && f.starts_with(p))
        });
    }

    let mut result = current.cloned().unwrap_or_else(|| json!({}));
    // Fields this manager applied before and no longer applies go, unless someone else owns them.
    let previous: BTreeSet<FieldPath> = entries
        .iter()
        .filter(|e| is_self(e))
        .flat_map(|e| e.fields.iter().cloned())
        .collect();
    for path in previous {
        let still_applied = applied_leaves.keys().any(|p| managed::overlaps(p, &path));
        let owned_elsewhere = entries
            .iter()
            .filter(|e| !is_self(e))
            .any(|e| e.fields.iter().any(|f| managed::overlaps(f, &path)));
        if !still_applied && !owned_elsewhere {
            remove_path(&mut result, &path);
        }
    }
    let mut body = applied.clone();
    crate::resource::strip_server_metadata(&mut body);
    if let Some(meta) = body.get_mut("metadata").and_then(Value::as_object_mut) {
        meta.remove("selfLink");
    }
    if let Some(top) = body.as_object_mut() {
        top.remove("status");
    }
    merge_into(&mut result, &body, Some(&crate::schema::embedded().root));

    let api_version = applied["apiVersion"].as_str().unwrap_or_default();
    entries.retain(|e| !is_self(e));
    entries.push(Entry {
        manager: manager.to_string(),
        operation: "Apply".into(),
        api_version: api_version.to_string(),
        time: now.to_string(),
        subresource: None,
        fields: applied_leaves.into_keys().collect(),
    });
    managed::store_entries(&mut result, entries);
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn live() -> Value {
        let mut o = json!({
            "apiVersion": "gateway.envoyproxy.io/v1alpha1",
            "kind": "BackendTrafficPolicy",
            "metadata": {"name": "a", "namespace": "default"},
            "spec": {"retry": {"numRetries": 3}}
        });
        managed::record_update(
            None,
            &mut o,
            "kubectl-client-side-apply",
            Scope::Main,
            "gateway.envoyproxy.io/v1alpha1",
            "t",
        );
        o
    }

    fn applied(n: i64) -> Value {
        json!({
            "apiVersion": "gateway.envoyproxy.io/v1alpha1",
            "kind": "BackendTrafficPolicy",
            "metadata": {"name": "a"},
            "spec": {"retry": {"numRetries": n}}
        })
    }

    #[test]
    fn conflicting_value_is_reported_like_kube() {
        let err = apply(Some(&live()), &applied(5), "other", false, "t").unwrap_err();
        assert_eq!(err.code, 409);
        assert_eq!(
            err.message,
            "Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using gateway.envoyproxy.io/v1alpha1: .spec.retry.numRetries"
        );
    }

    #[test]
    fn same_value_shares_and_force_takes_over() {
        let shared = apply(Some(&live()), &applied(3), "other", false, "t").expect("no conflict");
        assert_eq!(managed::decode(&shared).len(), 2);
        let forced = apply(Some(&live()), &applied(5), "other", true, "t").expect("forced");
        assert_eq!(forced["spec"]["retry"]["numRetries"], 5);
        let entries = managed::decode(&forced);
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].operation, "Apply");
    }

    #[test]
    fn kubectl_takes_over_fields_of_the_last_applied_configuration() {
        let mut annotated = live();
        annotated["metadata"]["annotations"] = json!({
            LAST_APPLIED: applied(3).to_string(),
        });
        let taken = apply(Some(&annotated), &applied(5), "kubectl", false, "t").expect("allowed");
        assert_eq!(taken["spec"]["retry"]["numRetries"], 5);
        // Any other manager still conflicts.
        assert!(apply(Some(&annotated), &applied(5), "other", false, "t").is_err());
    }

    #[test]
    fn dropping_a_field_from_the_config_removes_it() {
        let first = apply(None, &applied(3), "m", false, "t").expect("create");
        let mut second_cfg = applied(3);
        second_cfg["spec"] = json!({"timeout": {"tcp": {"connectTimeout": "1s"}}});
        let second = apply(Some(&first), &second_cfg, "m", false, "t").expect("apply");
        assert!(second["spec"].get("retry").is_none(), "{second}");
        assert_eq!(second["spec"]["timeout"]["tcp"]["connectTimeout"], "1s");
    }

    fn zones(zones: &[(&str, i64)]) -> Value {
        let items: Vec<Value> = zones
            .iter()
            .map(|(z, w)| json!({"zone": z, "weight": w}))
            .collect();
        json!({
            "apiVersion": "gateway.envoyproxy.io/v1alpha1",
            "kind": "BackendTrafficPolicy",
            "metadata": {"name": "a", "finalizers": [format!("example.com/{}", zones[0].0)]},
            "spec": {"loadBalancer": {"type": "Random", "zoneAware": {"weightedZones": items}}}
        })
    }

    /// structured-merge-diff merges a `list-type: map` by its keys and a set by value, each
    /// manager owning its own elements (`k:{"zone":"a"}`, `v:"x"` in FieldsV1).
    #[test]
    fn keyed_lists_and_sets_merge_per_element() {
        let first = apply(None, &zones(&[("a", 1)]), "one", false, "t").expect("create");
        let both = apply(Some(&first), &zones(&[("b", 2)]), "two", false, "t").expect("merge");
        assert_eq!(
            both["spec"]["loadBalancer"]["zoneAware"]["weightedZones"],
            json!([{"zone": "a", "weight": 1}, {"zone": "b", "weight": 2}])
        );
        assert_eq!(
            both["metadata"]["finalizers"],
            json!(["example.com/a", "example.com/b"])
        );
        let fields = &both["metadata"]["managedFields"][1]["fieldsV1"];
        assert_eq!(
            fields["f:spec"]["f:loadBalancer"]["f:zoneAware"]["f:weightedZones"],
            json!({"k:{\"zone\":\"b\"}": {".": {}, "f:weight": {}, "f:zone": {}}})
        );
        assert_eq!(
            fields["f:metadata"]["f:finalizers"],
            json!({"v:\"example.com/b\"": {}})
        );
        // Dropping its element from the configuration removes only that element.
        let mut without = zones(&[("c", 3)]);
        without["metadata"]["finalizers"] = json!(["example.com/b"]);
        let after = apply(Some(&both), &without, "two", false, "t").expect("reapply");
        assert_eq!(
            after["spec"]["loadBalancer"]["zoneAware"]["weightedZones"],
            json!([{"zone": "a", "weight": 1}, {"zone": "c", "weight": 3}])
        );
        // Another weight for a zone someone else owns conflicts on that key's field.
        let err = apply(Some(&after), &zones(&[("a", 5)]), "two", false, "t").unwrap_err();
        assert_eq!(
            err.message,
            "Apply failed with 1 conflict: conflict with \"one\": .spec.loadBalancer.zoneAware.weightedZones[zone=\"a\"].weight"
        );
    }
}
