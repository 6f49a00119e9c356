//! The embedded BackendTrafficPolicy schema: one model, read once, that explain, validation,
//! defaulting and the served OpenAPI document all use. Facts come from the upstream CRD
//! (`backendtrafficpolicy.yaml`); descriptions are ours (`descriptions.yaml`).

pub mod explain;
pub mod openapi;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use serde_json::{Number, Value};
use std::sync::OnceLock;

const PACKED: &str = include_str!(concat!(env!("OUT_DIR"), "/schema.json"));

/// One CEL rule (`x-kubernetes-validations` entry) as the CRD states it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ValidationRule {
    pub rule: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_expression: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field_path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub optional_old_self: Option<bool>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// One node of an OpenAPI v3 structural schema, with the Kubernetes extensions.
/// Unknown keywords are refused so that no fact of the CRD can be silently dropped.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Node {
    /// The definition this node was resolved from (`ObjectMeta`, …), for display as a type name.
    #[serde(rename = "$ref", default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub properties: IndexMap<String, Node>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Box<Node>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_properties: Option<Box<Node>>,
    #[serde(rename = "enum", default, skip_serializing_if = "Vec::is_empty")]
    pub enum_values: Vec<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum: Option<Number>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maximum: Option<Number>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub exclusive_minimum: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub exclusive_maximum: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_items: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_properties: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_properties: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub nullable: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub all_of: Vec<Node>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub any_of: Vec<Node>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub one_of: Vec<Node>,
    #[serde(
        rename = "x-kubernetes-int-or-string",
        default,
        skip_serializing_if = "is_false"
    )]
    pub int_or_string: bool,
    #[serde(
        rename = "x-kubernetes-preserve-unknown-fields",
        default,
        skip_serializing_if = "is_false"
    )]
    pub preserve_unknown_fields: bool,
    #[serde(
        rename = "x-kubernetes-embedded-resource",
        default,
        skip_serializing_if = "is_false"
    )]
    pub embedded_resource: bool,
    #[serde(
        rename = "x-kubernetes-list-type",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub list_type: Option<String>,
    #[serde(
        rename = "x-kubernetes-list-map-keys",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub list_map_keys: Vec<String>,
    #[serde(
        rename = "x-kubernetes-map-type",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub map_type: Option<String>,
    #[serde(
        rename = "x-kubernetes-validations",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub validations: Vec<ValidationRule>,
}

impl Node {
    /// The named child field `name` of this object node, if the schema declares it.
    pub fn property(&self, name: &str) -> Option<&Node> {
        self.properties.get(name)
    }

    /// The node a field path step lands on, looking through arrays (`targetRefs.name`) and maps
    /// (`customTags.NAME.type` reaches the map values' `type`) as `explain` paths do.
    pub fn field(&self, name: &str) -> Option<&Node> {
        let mut node = self;
        loop {
            if let Some(child) = node.properties.get(name) {
                return Some(child);
            }
            match (&node.items, &node.additional_properties) {
                (Some(items), _) => node = items,
                (None, Some(values)) => node = values,
                _ => return None,
            }
        }
    }
}

/// The resource's facts (names, scope) and its schema with descriptions merged in.
#[derive(Debug, Clone)]
pub struct Schema {
    pub group: String,
    pub version: String,
    pub kind: String,
    pub list_kind: String,
    pub plural: String,
    pub singular: String,
    pub short_names: Vec<String>,
    pub categories: Vec<String>,
    pub scope: String,
    /// Reusable definitions (`ObjectMeta`, …) as they stand before resolution, for OpenAPI output.
    pub definitions: IndexMap<String, Node>,
    /// The openAPIV3Schema with every `$ref` resolved and every description in place.
    pub root: Node,
    /// Description paths that name no field (a typo or a field that upstream removed).
    pub stray_descriptions: Vec<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Facts {
    group: String,
    version: String,
    kind: String,
    list_kind: String,
    plural: String,
    singular: String,
    short_names: Vec<String>,
    categories: Vec<String>,
    scope: String,
    definitions: IndexMap<String, Node>,
    schema: Node,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Packed {
    facts: Facts,
    stray_descriptions: Vec<String>,
}

/// The embedded schema, parsed on first use. build.rs has already resolved its `$ref`s and put
/// the descriptions in place.
pub fn embedded() -> &'static Schema {
    static SCHEMA: OnceLock<Schema> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        let Packed {
            facts,
            stray_descriptions,
        } = serde_json::from_str(PACKED).expect("embedded schema is valid (checked at build time)");
        Schema {
            group: facts.group,
            version: facts.version,
            kind: facts.kind,
            list_kind: facts.list_kind,
            plural: facts.plural,
            singular: facts.singular,
            short_names: facts.short_names,
            categories: facts.categories,
            scope: facts.scope,
            definitions: facts.definitions,
            root: facts.schema,
            stray_descriptions,
        }
    })
}

/// Every named field path of the schema (`spec.retry.numRetries`), in schema order.
pub fn field_paths(root: &Node) -> Vec<String> {
    fn walk(node: &Node, path: &str, out: &mut Vec<String>) {
        let mut target = node;
        loop {
            for (name, child) in &target.properties {
                let p = if path.is_empty() {
                    name.clone()
                } else {
                    format!("{path}.{name}")
                };
                out.push(p.clone());
                walk(child, &p, out);
            }
            target = match (
                target.items.as_deref(),
                target.additional_properties.as_deref(),
            ) {
                (Some(items), _) => items,
                (None, Some(values)) => values,
                _ => break,
            };
        }
    }
    let mut out = Vec::new();
    walk(root, "", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_and_resolves_metadata() {
        let s = embedded();
        assert_eq!(s.kind, "BackendTrafficPolicy");
        let meta = s.root.property("metadata").expect("metadata");
        assert_eq!(meta.reference.as_deref(), Some("ObjectMeta"));
        assert!(meta.property("name").is_some());
        let owner = meta
            .field("ownerReferences")
            .and_then(|n| n.items.as_deref())
            .expect("owner refs");
        assert_eq!(owner.required, ["apiVersion", "kind", "name", "uid"]);
    }

    #[test]
    fn field_steps_through_arrays() {
        let spec = embedded().root.property("spec").expect("spec");
        let refs = spec.field("targetRefs").expect("targetRefs");
        assert!(refs.field("name").is_some());
    }

    #[test]
    fn counts_field_paths() {
        let paths = field_paths(&embedded().root);
        let spec = paths
            .iter()
            .filter(|p| *p == "spec" || p.starts_with("spec."))
            .count();
        let status = paths
            .iter()
            .filter(|p| *p == "status" || p.starts_with("status."))
            .count();
        assert_eq!(spec, 395);
        assert_eq!(status, 17);
    }
}
