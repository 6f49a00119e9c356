//! `metadata.managedFields`: which manager owns which fields, in the FieldsV1 format. A field
//! path is a chain of steps as structured-merge-diff writes them: object keys, `k:{"zone":"a"}`
//! for an element of a keyed list (`x-kubernetes-list-type: map`, by its list-map keys) and
//! `v:"x"` for a member of a set; any other list is atomic, one field.

use crate::schema::Node;
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

/// The paths of every owned leaf of `object` with its value (for a keyed-list element, the
/// element itself is a leaf too, valued by its key).
pub fn leaves(object: &Value, scope: Scope) -> BTreeMap<FieldPath, Value> {
    let mut out = BTreeMap::new();
    let Some(top) = object.as_object() else {
        return out;
    };
    let root = &crate::schema::embedded().root;
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
        let node = root.property(key);
        if key == "metadata" {
            if scope == Scope::Status {
                continue;
            }
            for part in ["labels", "annotations", "finalizers", "ownerReferences"] {
                if let Some(v) = value.get(part) {
                    let child = node.and_then(|n| n.property(part));
                    walk(v, child, vec!["metadata".into(), part.into()], &mut out);
                }
            }
            continue;
        }
        walk(value, node, vec![key.clone()], &mut out);
    }
    out
}

/// How structured-merge-diff treats a list: merged by keys, merged by value, or replaced whole.
pub enum ListKind<'a> {
    Keyed(&'a [String]),
    Set,
    Atomic,
}

pub fn list_kind(node: Option<&Node>) -> ListKind<'_> {
    match node.and_then(|n| n.list_type.as_deref()) {
        Some("map") => match node {
            Some(n) if !n.list_map_keys.is_empty() => ListKind::Keyed(&n.list_map_keys),
            _ => ListKind::Atomic,
        },
        Some("set") => ListKind::Set,
        _ => ListKind::Atomic,
    }
}

/// The step naming `item` in a keyed list: `k:` and its key fields as JSON (sorted, as
/// structured-merge-diff writes them); `None` when the item is no object or lacks a key.
pub fn element_step(item: &Value, keys: &[String]) -> Option<String> {
    let map = item.as_object()?;
    let mut key = Map::new();
    for k in keys {
        key.insert(k.clone(), map.get(k).filter(|v| !v.is_null())?.clone());
    }
    Some(format!(
        "k:{}",
        crate::validate::go_json(&Value::Object(key))
    ))
}

/// The step naming a member of a set: `v:` and its JSON.
pub fn member_step(item: &Value) -> String {
    format!("v:{}", crate::validate::go_json(item))
}

/// The steps naming every item of a keyed list, or `None` when some item has no key or two
/// share one: such a list is treated as atomic (validation then reports what is wrong).
pub fn keyed_steps(items: &[Value], keys: &[String]) -> Option<Vec<String>> {
    let steps: Vec<String> = items
        .iter()
        .map(|i| element_step(i, keys))
        .collect::<Option<_>>()?;
    let distinct: BTreeSet<&String> = steps.iter().collect();
    (distinct.len() == steps.len()).then_some(steps)
}

/// The schema node of a field of an object node (declared property or map value).
pub fn child_node<'a>(node: Option<&'a Node>, key: &str) -> Option<&'a Node> {
    node.and_then(|n| n.properties.get(key).or(n.additional_properties.as_deref()))
}

fn walk(value: &Value, node: Option<&Node>, path: FieldPath, out: &mut BTreeMap<FieldPath, Value>) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (k, v) in map {
                let mut p = path.clone();
                p.push(k.clone());
                walk(v, child_node(node, k), p, out);
            }
        }
        Value::Null => {}
        Value::Array(items) => match list_kind(node) {
            ListKind::Keyed(keys) => {
                let Some(steps) = keyed_steps(items, keys) else {
                    out.insert(path, value.clone());
                    return;
                };
                let item_node = node.and_then(|n| n.items.as_deref());
                for (item, step) in items.iter().zip(steps) {
                    let mut p = path.clone();
                    p.push(step);
                    out.insert(p.clone(), key_of(item, keys));
                    if let Some(map) = item.as_object() {
                        for (k, v) in map {
                            let mut q = p.clone();
                            q.push(k.clone());
                            walk(v, child_node(item_node, k), q, out);
                        }
                    }
                }
            }
            ListKind::Set => {
                for item in items {
                    let mut p = path.clone();
                    p.push(member_step(item));
                    out.insert(p, item.clone());
                }
            }
            ListKind::Atomic => {
                out.insert(path, value.clone());
            }
        },
        other => {
            out.insert(path, other.clone());
        }
    }
}

/// The key fields of a keyed-list item, the value its element leaf carries.
fn key_of(item: &Value, keys: &[String]) -> Value {
    let key: Map<String, Value> = keys
        .iter()
        .filter_map(|k| item.get(k).map(|v| (k.clone(), v.clone())))
        .collect();
    Value::Object(key)
}

/// Whether `item` is the element a `k:` or `v:` step names.
fn matches_step(item: &Value, step: &str) -> bool {
    if let Some(key) = step.strip_prefix("k:") {
        let Ok(Value::Object(fields)) = serde_json::from_str::<Value>(key) else {
            return false;
        };
        item.is_object() && fields.iter().all(|(k, v)| item.get(k) == Some(v))
    } else {
        member_step(item) == step
    }
}

fn is_element_step(step: &str) -> bool {
    step.starts_with("k:") || step.starts_with("v:")
}

/// One step down from `value`: a field of an object, or the element of a list a `k:`/`v:` step
/// names.
pub fn step_ref<'a>(value: &'a Value, step: &str) -> Option<&'a Value> {
    match value {
        Value::Array(items) if is_element_step(step) => {
            items.iter().find(|i| matches_step(i, step))
        }
        _ => value.get(step),
    }
}

pub fn step_mut<'a>(value: &'a mut Value, step: &str) -> Option<&'a mut Value> {
    if value.is_array() && is_element_step(step) {
        return value
            .as_array_mut()?
            .iter_mut()
            .find(|i| matches_step(i, step));
    }
    value.get_mut(step)
}

/// Removes the field or list element `step` names from `parent`.
pub fn remove_step(parent: &mut Value, step: &str) {
    match parent {
        Value::Object(map) => {
            map.remove(step);
        }
        Value::Array(items) if is_element_step(step) => items.retain(|i| !matches_step(i, step)),
        _ => {}
    }
}

/// The leaf value at `path`, as `leaves` records it, if present.
pub fn value_at(object: &Value, path: &[String]) -> Option<Value> {
    let found = path.iter().try_fold(object, |v, k| step_ref(v, k))?;
    match path.last() {
        Some(step) if step.starts_with("k:") => {
            let key = serde_json::from_str::<Value>(&step[2..]).ok()?;
            Some(key)
        }
        _ => Some(found.clone()),
    }
}

/// `.spec.retry.numRetries`, `.spec.loadBalancer.zoneAware.weightedZones[zone="a"].weight`,
/// `.metadata.finalizers[="x"]`, as structured-merge-diff prints paths in conflicts.
pub fn path_string(path: &[String]) -> String {
    path.iter()
        .map(|step| {
            if let Some(key) = step.strip_prefix("k:") {
                let fields = serde_json::from_str::<Map<String, Value>>(key).unwrap_or_default();
                let parts: Vec<String> = fields
                    .iter()
                    .map(|(k, v)| format!("{k}={}", crate::validate::go_json(v)))
                    .collect();
                format!("[{}]", parts.join(","))
            } else if let Some(member) = step.strip_prefix("v:") {
                format!("[={member}]")
            } else {
                format!(".{step}")
            }
        })
        .collect()
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
    if map.keys().any(|k| k.starts_with("i:")) {
        // Members by index (no list this store keys that way): the whole list is one field.
        out.insert(path);
        return;
    }
    // A keyed element with "." is owned itself, besides the fields listed under it.
    if map.contains_key(".") && path.last().is_some_and(|s| s.starts_with("k:")) {
        out.insert(path.clone());
    }
    for (key, child) in map {
        let step = match key.strip_prefix("f:") {
            Some(name) => name.to_string(),
            None if is_element_step(key) => key.clone(),
            None => continue,
        };
        let mut p = path.clone();
        p.push(step);
        decode_fields(child, p, out);
    }
}

fn fields_v1(fields: &BTreeSet<FieldPath>, with_dots: bool) -> Value {
    let mut root = Map::new();
    for path in fields {
        let mut node = &mut root;
        for (depth, step) in path.iter().enumerate() {
            let name = if is_element_step(step) {
                step.clone()
            } else {
                format!("f:{step}")
            };
            let entry = node
                .entry(name)
                .or_insert_with(|| Value::Object(Map::new()));
            let Value::Object(child) = entry else {
                break;
            };
            node = child;
            let is_last = depth + 1 == path.len();
            // A keyed element that is owned itself carries ".", in every entry.
            if is_last && step.starts_with("k:") {
                node.entry(".").or_insert_with(|| json!({}));
            }
            // Update entries mark the maps they created with ".", as kube-apiserver does.
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
