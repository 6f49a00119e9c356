//! Packs the embedded schema (facts in YAML, our descriptions in a second YAML file) into one
//! compact JSON document at build time, so `explain` and validation start without a YAML parse.
//! The work that is the same on every run is done here too: each `$ref` is replaced by its
//! definition and each description is put on its field, so a run only deserialises the tree.

use saphyr::{LoadableYamlNode, Scalar, Yaml};
use serde_json::{Map, Value};
use std::{env, fs, path::Path};

fn to_json(y: &Yaml) -> Value {
    match y {
        Yaml::Value(Scalar::Null) => Value::Null,
        Yaml::Value(Scalar::Boolean(b)) => Value::Bool(*b),
        Yaml::Value(Scalar::Integer(i)) => Value::from(*i),
        Yaml::Value(Scalar::FloatingPoint(f)) => Value::from(f.into_inner()),
        Yaml::Value(Scalar::String(s)) => Value::String(s.to_string()),
        Yaml::Sequence(items) => Value::Array(items.iter().map(to_json).collect()),
        Yaml::Mapping(m) => Value::Object(
            m.iter()
                .map(|(k, v)| (k.as_str().expect("string keys").to_string(), to_json(v)))
                .collect(),
        ),
        other => panic!("unsupported YAML node in schema: {other:?}"),
    }
}

fn load(path: &str) -> Value {
    println!("cargo:rerun-if-changed={path}");
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let docs = Yaml::load_from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    to_json(docs.first().expect("one document"))
}

/// Replaces each `$ref: Name` node by a copy of the definition, keeping the name (explain shows
/// it as the type) and the node's own description when it has one.
fn resolve_refs(node: &mut Value, definitions: &Map<String, Value>) {
    let Value::Object(map) = node else { return };
    if let Some(Value::String(name)) = map.get("$ref")
        && let Some(Value::Object(definition)) = definitions.get(name)
    {
        let mut copy = definition.clone();
        copy.insert("$ref".into(), Value::String(name.clone()));
        if let Some(own) = map.remove("description") {
            copy.insert("description".into(), own);
        }
        *map = copy;
    }
    if let Some(Value::Object(properties)) = map.get_mut("properties") {
        properties
            .values_mut()
            .for_each(|child| resolve_refs(child, definitions));
    }
    for key in ["items", "additionalProperties"] {
        if let Some(child) = map.get_mut(key) {
            resolve_refs(child, definitions);
        }
    }
}

/// Puts the description for field path `path` on `node` and recurses into its fields, taking
/// each used text out of `texts` so that what is left names no field.
fn describe(node: &mut Value, path: &str, texts: &mut Map<String, Value>) {
    let key = if path.is_empty() { "." } else { path };
    if let (Some(Value::String(text)), Value::Object(map)) = (texts.remove(key), &mut *node) {
        map.insert(
            "description".into(),
            Value::String(text.trim_end().to_string()),
        );
    }
    describe_fields(node, path, texts);
}

/// Array items and map values share their field's path (`targetRefs.name`).
fn describe_fields(node: &mut Value, path: &str, texts: &mut Map<String, Value>) {
    let Value::Object(map) = node else { return };
    if let Some(Value::Object(properties)) = map.get_mut("properties") {
        for (name, child) in properties.iter_mut() {
            let child_path = if path.is_empty() {
                name.clone()
            } else {
                format!("{path}.{name}")
            };
            describe(child, &child_path, texts);
        }
    }
    let inner = if map.contains_key("items") {
        map.get_mut("items")
    } else {
        map.get_mut("additionalProperties")
    };
    if let Some(inner) = inner {
        describe_fields(inner, path, texts);
    }
}

fn main() {
    let mut facts = load("src/schema/backendtrafficpolicy.yaml");
    let Value::Object(mut descriptions) = load("src/schema/descriptions.yaml") else {
        panic!("descriptions.yaml: expected a mapping of field paths to texts");
    };
    let definitions = facts["definitions"]
        .as_object()
        .cloned()
        .unwrap_or_default();
    let schema = &mut facts["schema"];
    resolve_refs(schema, &definitions);
    describe(schema, "", &mut descriptions);
    let stray: Vec<&String> = descriptions.keys().collect();
    let packed = serde_json::json!({ "facts": facts, "strayDescriptions": stray });
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("schema.json");
    fs::write(out, serde_json::to_string(&packed).expect("json")).expect("write schema.json");
}
