//! JSON merge patch (RFC 7386, made and applied) and JSON patch (RFC 6902, applied): the one
//! implementation that the server's PATCH handler and the client's apply, edit, label and
//! patch --dry-run=client all call.

use serde_json::{Map, Value};

/// RFC 7386: objects merge recursively, `null` removes, anything else replaces.
pub fn merge_patch(target: &mut Value, patch: &Value) {
    let Value::Object(patch_map) = patch else {
        *target = patch.clone();
        return;
    };
    if !target.is_object() {
        *target = Value::Object(Default::default());
    }
    if let Value::Object(t) = target {
        for (k, v) in patch_map {
            if v.is_null() {
                t.remove(k);
            } else {
                merge_patch(t.entry(k.clone()).or_insert(Value::Null), v);
            }
        }
    }
}

/// RFC 7386 merge patch turning `from` into `to` (`jsonpatch.CreateMergePatch`).
pub fn merge_diff(from: &Value, to: &Value) -> Value {
    match (from, to) {
        (Value::Object(a), Value::Object(b)) => {
            let mut patch = Map::new();
            for (k, bv) in b {
                match a.get(k) {
                    Some(av) if av == bv => {}
                    Some(av @ Value::Object(_)) if bv.is_object() => {
                        let sub = merge_diff(av, bv);
                        if sub.as_object().is_some_and(|m| !m.is_empty()) {
                            patch.insert(k.clone(), sub);
                        }
                    }
                    _ => {
                        patch.insert(k.clone(), bv.clone());
                    }
                }
            }
            for k in a.keys() {
                if !b.contains_key(k) {
                    patch.insert(k.clone(), Value::Null);
                }
            }
            Value::Object(patch)
        }
        (_, to) => to.clone(),
    }
}

fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

fn split_pointer(path: &str) -> Result<Vec<String>, String> {
    if path.is_empty() {
        return Ok(Vec::new());
    }
    let rest = path
        .strip_prefix('/')
        .ok_or_else(|| format!("invalid JSON pointer {path:?}"))?;
    Ok(rest.split('/').map(unescape).collect())
}

fn parent_mut<'a>(doc: &'a mut Value, tokens: &[String]) -> Result<&'a mut Value, String> {
    let mut node = doc;
    for t in tokens {
        node = match node {
            Value::Object(m) => m
                .get_mut(t)
                .ok_or_else(|| format!("missing path element {t:?}"))?,
            Value::Array(a) => {
                let i: usize = t
                    .parse()
                    .map_err(|_| format!("invalid array index {t:?}"))?;
                a.get_mut(i)
                    .ok_or_else(|| format!("array index {i} out of bounds"))?
            }
            _ => return Err(format!("cannot descend into a scalar at {t:?}")),
        };
    }
    Ok(node)
}

fn get(doc: &Value, path: &str) -> Result<Value, String> {
    let tokens = split_pointer(path)?;
    let mut node = doc;
    for t in &tokens {
        node = match node {
            Value::Object(m) => m.get(t),
            Value::Array(a) => t.parse::<usize>().ok().and_then(|i| a.get(i)),
            _ => None,
        }
        .ok_or_else(|| format!("path {path:?} does not exist"))?;
    }
    Ok(node.clone())
}

fn add(doc: &mut Value, path: &str, value: Value) -> Result<(), String> {
    let tokens = split_pointer(path)?;
    let Some((last, parents)) = tokens.split_last() else {
        *doc = value;
        return Ok(());
    };
    match parent_mut(doc, parents)? {
        Value::Object(m) => {
            m.insert(last.clone(), value);
        }
        Value::Array(a) => {
            if last == "-" {
                a.push(value);
            } else {
                let i: usize = last
                    .parse()
                    .map_err(|_| format!("invalid array index {last:?}"))?;
                if i > a.len() {
                    return Err(format!("array index {i} out of bounds"));
                }
                a.insert(i, value);
            }
        }
        _ => return Err(format!("cannot add to a scalar at {path:?}")),
    }
    Ok(())
}

fn remove(doc: &mut Value, path: &str) -> Result<Value, String> {
    let tokens = split_pointer(path)?;
    let Some((last, parents)) = tokens.split_last() else {
        return Err("cannot remove the whole document".into());
    };
    match parent_mut(doc, parents)? {
        Value::Object(m) => m
            .remove(last)
            .ok_or_else(|| format!("unable to remove nonexistent key: {last}: missing value")),
        Value::Array(a) => {
            let i: usize = last
                .parse()
                .map_err(|_| format!("invalid array index {last:?}"))?;
            if i >= a.len() {
                return Err(format!("array index {i} out of bounds"));
            }
            Ok(a.remove(i))
        }
        _ => Err(format!("cannot remove from a scalar at {path:?}")),
    }
}

/// RFC 6902 operations in order; the first failure aborts the whole patch.
pub fn json_patch(doc: &mut Value, ops: &Value) -> Result<(), String> {
    let ops = ops
        .as_array()
        .ok_or("a JSON patch must be an array of operations")?;
    for op in ops {
        let name = op["op"].as_str().ok_or("an operation has no \"op\"")?;
        let path = op["path"]
            .as_str()
            .ok_or_else(|| format!("operation {name:?} has no \"path\""))?;
        let value = || {
            op.get("value")
                .cloned()
                .ok_or_else(|| format!("operation {name:?} has no \"value\""))
        };
        match name {
            "add" => add(doc, path, value()?)?,
            "remove" => {
                remove(doc, path)?;
            }
            "replace" => {
                get(doc, path)?;
                remove(doc, path).ok();
                add(doc, path, value()?)?;
            }
            "move" => {
                let from = op["from"].as_str().ok_or("\"move\" has no \"from\"")?;
                let v = remove(doc, from)?;
                add(doc, path, v)?;
            }
            "copy" => {
                let from = op["from"].as_str().ok_or("\"copy\" has no \"from\"")?;
                let v = get(doc, from)?;
                add(doc, path, v)?;
            }
            "test" => {
                if get(doc, path)? != value()? {
                    return Err(format!("testing value {path} failed: test failed"));
                }
            }
            other => return Err(format!("unexpected kind: {other}")),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn merge_patch_merges_and_removes() {
        let mut doc = json!({"a": {"b": 1, "c": 2}, "d": [1]});
        merge_patch(&mut doc, &json!({"a": {"b": null, "e": 3}, "d": [2]}));
        assert_eq!(doc, json!({"a": {"c": 2, "e": 3}, "d": [2]}));
    }

    #[test]
    fn merge_diff_replaces_lists_whole_and_nulls_removals() {
        let d = merge_diff(&json!({"a": [1, 2], "b": 1}), &json!({"a": [1]}));
        assert_eq!(d, json!({"a": [1], "b": null}));
        let mut doc = json!({"a": [1, 2], "b": 1});
        merge_patch(&mut doc, &d);
        assert_eq!(doc, json!({"a": [1]}));
    }

    #[test]
    fn json_patch_ops() {
        let mut doc = json!({"a": [1, 2], "b": {"c": "x"}});
        json_patch(
            &mut doc,
            &json!([
                {"op": "test", "path": "/b/c", "value": "x"},
                {"op": "add", "path": "/a/-", "value": 3},
                {"op": "replace", "path": "/b/c", "value": "y"},
                {"op": "copy", "from": "/b", "path": "/e"},
                {"op": "remove", "path": "/a/0"}
            ]),
        )
        .expect("patch");
        assert_eq!(doc, json!({"a": [2, 3], "b": {"c": "y"}, "e": {"c": "y"}}));
        assert!(
            json_patch(
                &mut doc,
                &json!([{"op": "test", "path": "/b/c", "value": "z"}])
            )
            .is_err()
        );
        assert!(
            json_patch(
                &mut doc,
                &json!([{"op": "replace", "path": "/nope", "value": 1}])
            )
            .is_err()
        );
    }
}
