//! Moving the fields a client-side apply owns to a server-side apply manager, as client-go's
//! `csaupgrade` does for kubectl: when `apply --server-side` follows a client-side `apply`, the
//! client-side manager's fields (an `Update` entry that owns the last-applied annotation) are
//! merged into the server-side manager's `Apply` entry, so the switch meets no conflict with
//! ourselves. Pure functions on `metadata.managedFields`; the request is the caller's.

use super::patch::LAST_APPLIED;
use serde_json::{Map, Value, json};

/// The managers of `Update` entries that own the last-applied annotation: the client-side
/// appliers whose fields are to move (`datumctl-client-side-apply`, `kubectl-client-side-apply`,
/// or whatever `--field-manager` they used).
pub fn client_side_managers(managed: &[Value]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for entry in managed {
        let owns = entry["operation"] == "Update"
            && entry["fieldsV1"]["f:metadata"]["f:annotations"]
                .get(format!("f:{LAST_APPLIED}"))
                .is_some();
        if let Some(name) = entry["manager"].as_str().filter(|_| owns)
            && !names.iter().any(|n| n == name)
        {
            names.push(name.to_string());
        }
    }
    names
}

fn is_main(entry: &Value) -> bool {
    entry
        .get("subresource")
        .is_none_or(|s| s.as_str().is_none_or(str::is_empty))
}

fn is_entry(entry: &Value, manager: &str, operation: &str) -> bool {
    entry["manager"] == manager && entry["operation"] == operation && is_main(entry)
}

/// The managed fields with each of `csa_managers`' `Update` entries merged into the `Apply`
/// entry of `ssa_manager` (made from the newest of them when it has none). `None` when there is
/// nothing to move.
pub fn upgrade(
    managed: &[Value],
    csa_managers: &[String],
    ssa_manager: &str,
) -> Option<Vec<Value>> {
    let mut entries = managed.to_vec();
    for csa in csa_managers {
        entries = upgrade_one(entries, csa, ssa_manager);
    }
    (entries != managed).then_some(entries)
}

fn upgrade_one(mut entries: Vec<Value>, csa: &str, ssa: &str) -> Vec<Value> {
    let target = match entries.iter().position(|e| is_entry(e, ssa, "Apply")) {
        Some(i) => i,
        None => match entries.iter().position(|e| is_entry(e, csa, "Update")) {
            Some(i) => {
                entries[i]["operation"] = json!("Apply");
                entries[i]["manager"] = json!(ssa);
                i
            }
            None => return entries,
        },
    };
    let version = entries[target]["apiVersion"].clone();
    let source = entries
        .iter()
        .find(|e| is_entry(e, csa, "Update") && e["apiVersion"] == version)
        .map(|e| e["fieldsV1"].clone());
    if let Some(fields) = source {
        let merged = union(&entries[target]["fieldsV1"], &fields);
        entries[target]["fieldsV1"] = merged;
    }
    entries.retain(|e| !is_entry(e, csa, "Update"));
    entries
}

/// The union of two FieldsV1 sets (tries of `f:`, `k:`, `v:`, `i:` and `.` keys).
fn union(a: &Value, b: &Value) -> Value {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let mut out: Map<String, Value> = x.clone();
            for (k, v) in y {
                let merged = match out.get(k) {
                    Some(existing) => union(existing, v),
                    None => v.clone(),
                };
                out.insert(k.clone(), merged);
            }
            Value::Object(out)
        }
        (Value::Object(_), _) => a.clone(),
        _ => b.clone(),
    }
}

/// The JSON patch that writes `entries` as the managed fields, with the resourceVersion it was
/// computed from (replaced by itself), so that a change meanwhile is a 409 conflict.
pub fn patch(entries: &[Value], resource_version: &str) -> Value {
    json!([
        {"op": "replace", "path": "/metadata/managedFields", "value": entries},
        {"op": "replace", "path": "/metadata/resourceVersion", "value": resource_version},
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csa_entry(manager: &str, fields: Value) -> Value {
        json!({"manager": manager, "operation": "Update", "apiVersion": "gateway.envoyproxy.io/v1alpha1",
               "fieldsType": "FieldsV1", "fieldsV1": fields})
    }

    fn annotation_and(spec: Value) -> Value {
        json!({"f:metadata": {"f:annotations": {".": {}, format!("f:{LAST_APPLIED}"): {}}}, "f:spec": spec})
    }

    #[test]
    fn the_client_side_entry_becomes_the_apply_entry() {
        let managed = vec![
            csa_entry(
                "datumctl-client-side-apply",
                annotation_and(json!({"f:retry": {"f:numRetries": {}}})),
            ),
            json!({"manager": "envoy-gateway", "operation": "Update", "subresource": "status",
                   "apiVersion": "gateway.envoyproxy.io/v1alpha1", "fieldsV1": {"f:status": {}}}),
        ];
        let csa = client_side_managers(&managed);
        assert_eq!(csa, vec!["datumctl-client-side-apply"]);
        let up = upgrade(&managed, &csa, "datumctl").expect("something to move");
        assert_eq!(up.len(), 2);
        assert_eq!(up[0]["manager"], "datumctl");
        assert_eq!(up[0]["operation"], "Apply");
        assert_eq!(
            up[0]["fieldsV1"]["f:spec"]["f:retry"]["f:numRetries"],
            json!({})
        );
        assert_eq!(up[1]["manager"], "envoy-gateway");
        assert_eq!(upgrade(&up, &client_side_managers(&up), "datumctl"), None);
    }

    #[test]
    fn an_existing_apply_entry_gets_the_union() {
        let managed = vec![
            json!({"manager": "datumctl", "operation": "Apply", "apiVersion": "gateway.envoyproxy.io/v1alpha1",
                   "fieldsV1": {"f:spec": {"f:targetRefs": {}}}}),
            csa_entry(
                "kubectl-client-side-apply",
                annotation_and(json!({"f:retry": {"f:numRetries": {}}})),
            ),
        ];
        let csa = client_side_managers(&managed);
        let up = upgrade(&managed, &csa, "datumctl").expect("moved");
        assert_eq!(up.len(), 1);
        assert_eq!(
            up[0]["fieldsV1"]["f:spec"],
            json!({"f:targetRefs": {}, "f:retry": {"f:numRetries": {}}})
        );
        assert!(
            up[0]["fieldsV1"]["f:metadata"]["f:annotations"]
                .get(format!("f:{LAST_APPLIED}"))
                .is_some()
        );
    }
}
