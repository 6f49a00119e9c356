//! `metadata.managedFields`: which manager owns which fields, in the FieldsV1 format. Lists are
//! treated as atomic (the CRD's lists carry no list-map keys that SSA would merge by), so a
//! field path is a chain of object keys ending at a scalar, a list or an empty object.

use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, BTreeSet};

pub type FieldPath = Vec<String>;

/// Which part of the object a write may own: the main resource or the status subresource.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Main,
    Status,
}

/// One `managedFields` entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub manager: String,
    pub operation: String,
    pub api_version: String,
    pub time: String,
    pub subresource: Option<String>,
    pub fields: BTreeSet<FieldPath>,
}

impl Entry {
    fn same_identity(&self, manager: &str, operation: &str, subresource: Option<&str>) -> bool {
        self.manager == manager
            && self.operation == operation
            && self.subresource.as_deref() == subresource
    }

    /// How kube-apiserver names a manager in conflict messages.
    pub fn describe(&self) -> String {
        let mut s = format!("{:?}", self.manager);
        if let Some(sub) = &self.subresource {
            s.push_str(&format!(" with subresource {sub:?}"));
        }
        if self.operation == "Update" {
            s.push_str(&format!(" using {}", self.api_version));
        }
        s
    }
}

/// The paths of every owned leaf of `object` with its value.
pub fn leaves(object: &Value, scope: Scope) -> BTreeMap<FieldPath, Value> {
    let mut out = BTreeMap::new();
    let Some(top) = object.as_object() else {
        return out;
    };
    for (key, value) in top {
        let owned = match (scope, key.as_str()) {
            (_, "apiVersion" | "kind") => false,
            (Scope::Main, "status") => false,
            (Scope::Main, _) => true,
            (Scope::Status, k) => k == "status",
        };
        if !owned {
            continue;
        }
        if key == "metadata" {
            if scope == Scope::Status {
                continue;
            }
            for part in ["labels", "annotations", "finalizers", "ownerReferences"] {
                if let Some(v) = value.get(part) {
                    walk(v, vec!["metadata".into(), part.into()], &mut out);
                }
            }
            continue;
        }
        walk(value, vec![key.clone()], &mut out);
    }
    out
}

fn walk(value: &Value, path: FieldPath, out: &mut BTreeMap<FieldPath, Value>) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (k, v) in map {
                let mut p = path.clone();
                p.push(k.clone());
                walk(v, p, out);
            }
        }
        Value::Null => {}
        other => {
            out.insert(path, other.clone());
        }
    }
}

/// The value at `path`, if present.
pub fn value_at<'a>(object: &'a Value, path: &[String]) -> Option<&'a Value> {
    path.iter().try_fold(object, |v, k| v.get(k))
}

/// `.spec.retry.numRetries`, as conflicts print paths.
pub fn path_string(path: &[String]) -> String {
    path.iter().map(|p| format!(".{p}")).collect()
}

pub fn decode(object: &Value) -> Vec<Entry> {
    let Some(list) = object["metadata"]["managedFields"].as_array() else {
        return Vec::new();
    };
    list.iter()
        .map(|e| {
            let mut fields = BTreeSet::new();
            decode_fields(&e["fieldsV1"], Vec::new(), &mut fields);
            Entry {
                manager: e["manager"].as_str().unwrap_or_default().to_string(),
                operation: e["operation"].as_str().unwrap_or("Update").to_string(),
                api_version: e["apiVersion"].as_str().unwrap_or_default().to_string(),
                time: e["time"].as_str().unwrap_or_default().to_string(),
                subresource: e["subresource"].as_str().map(str::to_string),
                fields,
            }
        })
        .collect()
}

fn decode_fields(node: &Value, path: FieldPath, out: &mut BTreeSet<FieldPath>) {
    let Some(map) = node.as_object() else {
        return;
    };
    if map.is_empty() {
        if !path.is_empty() {
            out.insert(path);
        }
        return;
    }
    for key in map.keys() {
        if key.starts_with("k:") || key.starts_with("v:") || key.starts_with("i:") {
            // Members of a list: this store treats the whole list as one field.
            out.insert(path);
            return;
        }
    }
    for (key, child) in map {
        if let Some(name) = key.strip_prefix("f:") {
            let mut p = path.clone();
            p.push(name.to_string());
            decode_fields(child, p, out);
        }
    }
}

fn fields_v1(fields: &BTreeSet<FieldPath>, with_dots: bool) -> Value {
    let mut root = Map::new();
    for path in fields {
        let mut node = &mut root;
        for (depth, step) in path.iter().enumerate() {
            let entry = node
                .entry(format!("f:{step}"))
                .or_insert_with(|| Value::Object(Map::new()));
            let Value::Object(child) = entry else {
                break;
            };
            node = child;
            // Update entries mark the maps they created with ".", as kube-apiserver does.
            let is_last = depth + 1 == path.len();
            if with_dots && !is_last && !(depth == 0 && step == "metadata") {
                node.entry(".").or_insert_with(|| json!({}));
            }
        }
    }
    Value::Object(root)
}

pub fn encode(entries: &[Entry]) -> Value {
    Value::Array(
        entries
            .iter()
            .map(|e| {
                let mut m = Map::new();
                m.insert("manager".into(), json!(e.manager));
                m.insert("operation".into(), json!(e.operation));
                m.insert("apiVersion".into(), json!(e.api_version));
                m.insert("time".into(), json!(e.time));
                m.insert("fieldsType".into(), json!("FieldsV1"));
                m.insert(
                    "fieldsV1".into(),
                    fields_v1(&e.fields, e.operation == "Update"),
                );
                if let Some(sub) = &e.subresource {
                    m.insert("subresource".into(), json!(sub));
                }
                Value::Object(m)
            })
            .collect(),
    )
}

/// Whether `a` is `b` or lies under it, or the other way round.
pub fn overlaps(a: &[String], b: &[String]) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// The entries `new` starts from: the client's own managedFields when it changed them (as
/// kubectl does when it upgrades client-side apply ownership), else the stored ones.
pub fn base_entries(old: Option<&Value>, new: &Value) -> Vec<Entry> {
    let given = &new["metadata"]["managedFields"];
    let stored = old.map(|o| &o["metadata"]["managedFields"]);
    if given.as_array().is_some_and(|a| !a.is_empty()) && Some(given) != stored {
        decode(new)
    } else {
        old.map(decode).unwrap_or_default()
    }
}

/// Records a non-apply write by `manager`: it takes the fields whose values it changed, fields
/// it removed leave every owner, and managedFields on `new` is rewritten.
pub fn record_update(
    old: Option<&Value>,
    new: &mut Value,
    manager: &str,
    scope: Scope,
    api_version: &str,
    now: &str,
) {
    let mut entries = base_entries(old, new);
    let before = old.map(|o| leaves(o, scope)).unwrap_or_default();
    let after = leaves(new, scope);
    let changed: BTreeSet<FieldPath> = after
        .iter()
        .filter(|(p, v)| before.get(*p) != Some(*v))
        .map(|(p, _)| p.clone())
        .collect();
    let removed: Vec<&FieldPath> = before.keys().filter(|p| !after.contains_key(*p)).collect();
    let subresource = (scope == Scope::Status).then_some("status");
    for e in entries.iter_mut() {
        e.fields.retain(|f| {
            !removed.iter().any(|r| f.starts_with(r)) && !changed.iter().any(|c| overlaps(f, c))
        });
    }
    if !changed.is_empty() {
        match entries
            .iter_mut()
            .find(|e| e.same_identity(manager, "Update", subresource))
        {
            Some(e) => {
                e.fields.extend(changed);
                e.time = now.to_string();
                e.api_version = api_version.to_string();
            }
            None => entries.push(Entry {
                manager: manager.to_string(),
                operation: "Update".into(),
                api_version: api_version.to_string(),
                time: now.to_string(),
                subresource: subresource.map(str::to_string),
                fields: changed,
            }),
        }
    }
    store_entries(new, entries);
}

/// Writes `entries` (without empty ones) into `object.metadata.managedFields`.
pub fn store_entries(object: &mut Value, mut entries: Vec<Entry>) {
    entries.retain(|e| !e.fields.is_empty());
    if let Some(meta) = object.get_mut("metadata").and_then(Value::as_object_mut) {
        if entries.is_empty() {
            meta.remove("managedFields");
        } else {
            meta.insert("managedFields".into(), encode(&entries));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn update_takes_changed_fields_and_round_trips() {
        let old = json!({"metadata": {"name": "a"}, "spec": {"retry": {"numRetries": 3}}});
        let mut new = old.clone();
        record_update(None, &mut new, "csa", Scope::Main, "g/v1", "t");
        let entries = decode(&new);
        assert_eq!(entries.len(), 1);
        assert!(entries[0].fields.contains(&vec![
            "spec".to_string(),
            "retry".into(),
            "numRetries".into()
        ]));
        assert_eq!(
            new["metadata"]["managedFields"][0]["fieldsV1"],
            json!({"f:spec": {".": {}, "f:retry": {".": {}, "f:numRetries": {}}}})
        );
        let mut third = new.clone();
        third["spec"]["retry"]["numRetries"] = json!(4);
        record_update(Some(&new), &mut third, "other", Scope::Main, "g/v1", "t2");
        let entries = decode(&third);
        assert_eq!(entries.len(), 1, "csa lost its only field: {entries:?}");
        assert_eq!(entries[0].manager, "other");
        assert_eq!(entries[0].describe(), "\"other\" using g/v1");
    }
}
