//! The live schema: `{base}/openapi/v3`, then the group-version document its index names
//! (`serverRelativeURL` carries no project prefix, so the base goes in front), turned into a
//! `schema::Node` with `$ref`s resolved and cached under the user's cache directory by the
//! server's hash.

use super::http::{ApiClient, ApiRequest};
use super::status::ClientError;
use crate::resource::{GROUP, KIND, VERSION};
use crate::schema::Node;
use reqwest::Method;
use serde_json::{Map, Value};
use std::path::PathBuf;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum OpenApiError {
    #[error(transparent)]
    Client(#[from] ClientError),
    #[error("the server's OpenAPI index lists no document for {GROUP}/{VERSION}")]
    NoGroupVersion,
    #[error("the server's OpenAPI document has no schema for {KIND}")]
    NoSchema,
    #[error("the server's schema for {KIND} cannot be read: {0}")]
    Shape(String),
}

/// Where cached documents go: `<cache dir>/datumctl/openapi/`.
pub fn cache_dir() -> Option<PathBuf> {
    dirs::cache_dir().map(|d| d.join("datumctl").join("openapi"))
}

/// The `hash` query parameter of a `serverRelativeURL`, safe to use as a file name.
fn hash_of(relative: &str) -> Option<String> {
    let query = relative.split_once('?')?.1;
    let hash = query.split('&').find_map(|kv| kv.strip_prefix("hash="))?;
    let safe = !hash.is_empty() && hash.chars().all(|c| c.is_ascii_alphanumeric());
    safe.then(|| hash.to_string())
}

/// The resource's schema as a `Node`: read from the cache when the server's index names a
/// document hash seen before, else fetched, converted and cached under that hash. The cache
/// holds the converted schema, not the whole document, so a cached run only deserialises it.
pub async fn live_schema(client: &ApiClient) -> Result<Node, OpenApiError> {
    let index = client
        .send_json(&ApiRequest::new(Method::GET, client.target.openapi_url()))
        .await?;
    let key = format!("apis/{GROUP}/{VERSION}");
    let relative = index["paths"][&key]["serverRelativeURL"]
        .as_str()
        .ok_or(OpenApiError::NoGroupVersion)?
        .to_string();
    let cached = hash_of(&relative).and_then(|h| {
        cache_dir().map(|d| d.join(format!("{h}.{}.json", KIND.to_ascii_lowercase())))
    });
    if let Some(path) = &cached
        && let Ok(text) = std::fs::read_to_string(path)
        && let Ok(node) = serde_json::from_str::<Node>(&text)
    {
        return Ok(node);
    }
    let url = format!(
        "{}/{}",
        client.target.base,
        relative.trim_start_matches('/')
    );
    let (path, query) = match url.split_once('?') {
        Some((p, q)) => (p.to_string(), Some(q.to_string())),
        None => (url, None),
    };
    let mut req = ApiRequest::new(Method::GET, path);
    for (k, v) in query
        .iter()
        .flat_map(|q| q.split('&'))
        .filter_map(|kv| kv.split_once('='))
    {
        req = req.query(k, v);
    }
    let node = schema_from_document(&client.send_json(&req).await?)?;
    if let Some(path) = cached
        && let Some(dir) = path.parent()
        && std::fs::create_dir_all(dir).is_ok()
        && let Ok(bytes) = serde_json::to_vec(&node)
    {
        // A cache that cannot be written only costs a download next time.
        let _ = super::config::write_private(&path, &bytes);
    }
    Ok(node)
}

/// The resource's schema in an OpenAPI v3 document, as a `Node` with every `$ref` resolved.
pub fn schema_from_document(document: &Value) -> Result<Node, OpenApiError> {
    let schemas = document["components"]["schemas"]
        .as_object()
        .ok_or(OpenApiError::NoSchema)?;
    let root = schemas
        .values()
        .find(|s| {
            s["x-kubernetes-group-version-kind"]
                .as_array()
                .is_some_and(|gvks| {
                    gvks.iter().any(|g| {
                        g["group"] == GROUP && g["version"] == VERSION && g["kind"] == KIND
                    })
                })
        })
        .or_else(|| {
            schemas
                .iter()
                .find(|(name, _)| name.ends_with(&format!(".{KIND}")))
                .map(|(_, s)| s)
        })
        .ok_or(OpenApiError::NoSchema)?;
    let mut stack = Vec::new();
    let cleaned = clean(root, schemas, &mut stack)?;
    serde_json::from_value(cleaned).map_err(|e| OpenApiError::Shape(e.to_string()))
}

/// Keywords `Node` knows; anything else in the served schema is dropped.
const NODE_KEYS: [&str; 33] = [
    "type",
    "format",
    "description",
    "properties",
    "required",
    "items",
    "additionalProperties",
    "enum",
    "default",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "minProperties",
    "maxProperties",
    "pattern",
    "nullable",
    "allOf",
    "anyOf",
    "oneOf",
    "x-kubernetes-int-or-string",
    "x-kubernetes-preserve-unknown-fields",
    "x-kubernetes-embedded-resource",
    "x-kubernetes-list-type",
    "x-kubernetes-list-map-keys",
    "x-kubernetes-map-type",
    "x-kubernetes-validations",
    "$ref",
    "title",
];

const RULE_KEYS: [&str; 6] = [
    "rule",
    "message",
    "messageExpression",
    "reason",
    "fieldPath",
    "optionalOldSelf",
];

/// A schema with `$ref`s (also the `allOf: [{$ref}]` wrapper) replaced by their targets, which
/// keep their short name in `$ref`, and unknown keywords removed.
fn clean(
    node: &Value,
    schemas: &Map<String, Value>,
    stack: &mut Vec<String>,
) -> Result<Value, OpenApiError> {
    let Some(map) = node.as_object() else {
        return Ok(Value::Object(Map::new()));
    };
    if stack.len() > 64 {
        return Err(OpenApiError::Shape("schema nests too deeply".into()));
    }
    // `allOf: [{$ref: X}]` with siblings is how Kubernetes attaches a default or description.
    let single_ref = map.get("$ref").and_then(Value::as_str).or_else(|| {
        match map
            .get("allOf")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
        {
            Some([only]) => only.get("$ref").and_then(Value::as_str),
            _ => None,
        }
    });
    if let Some(reference) = single_ref {
        let name = reference
            .strip_prefix("#/components/schemas/")
            .ok_or_else(|| OpenApiError::Shape(format!("unsupported $ref {reference}")))?;
        if stack.iter().any(|s| s == name) {
            // A cycle: stop here with the name only.
            let short = name.rsplit('.').next().unwrap_or(name);
            return Ok(serde_json::json!({ "type": "object", "$ref": short }));
        }
        let target = schemas
            .get(name)
            .ok_or_else(|| OpenApiError::Shape(format!("$ref to missing {name}")))?;
        stack.push(name.to_string());
        let mut resolved = clean(target, schemas, stack)?;
        stack.pop();
        if let Some(obj) = resolved.as_object_mut() {
            obj.insert(
                "$ref".into(),
                Value::String(name.rsplit('.').next().unwrap_or(name).to_string()),
            );
            for key in ["description", "default"] {
                if let Some(v) = map.get(key) {
                    obj.insert(key.into(), v.clone());
                }
            }
        }
        return Ok(resolved);
    }
    let mut out = Map::new();
    for (key, value) in map {
        if !NODE_KEYS.contains(&key.as_str()) || key == "title" || key == "$ref" {
            continue;
        }
        let cleaned = match key.as_str() {
            "properties" => {
                let mut props = Map::new();
                for (name, child) in value.as_object().into_iter().flatten() {
                    props.insert(name.clone(), clean(child, schemas, stack)?);
                }
                Value::Object(props)
            }
            "items" => clean(value, schemas, stack)?,
            // OpenAPI allows `additionalProperties: true`; Node only models a value schema.
            "additionalProperties" if value.is_boolean() => continue,
            "additionalProperties" => clean(value, schemas, stack)?,
            "allOf" | "anyOf" | "oneOf" => Value::Array(
                value
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|v| clean(v, schemas, stack))
                    .collect::<Result<_, _>>()?,
            ),
            "x-kubernetes-validations" => Value::Array(
                value
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|rule| {
                        Value::Object(
                            rule.as_object()
                                .into_iter()
                                .flatten()
                                .filter(|(k, _)| RULE_KEYS.contains(&k.as_str()))
                                .map(|(k, v)| (k.clone(), v.clone()))
                                .collect(),
                        )
                    })
                    .collect(),
            ),
            "exclusiveMinimum" | "exclusiveMaximum" if !value.is_boolean() => continue,
            _ => value.clone(),
        };
        out.insert(key.clone(), cleaned);
    }
    Ok(Value::Object(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn hashes_become_cache_keys_only_when_safe() {
        assert_eq!(
            hash_of("/openapi/v3/apis/gateway.envoyproxy.io/v1alpha1?hash=ABC123").as_deref(),
            Some("ABC123")
        );
        assert_eq!(hash_of("/openapi/v3/apis/x?hash=../../etc"), None);
        assert_eq!(hash_of("/openapi/v3/apis/x"), None);
    }

    #[test]
    fn refs_resolve_and_unknown_keywords_drop() {
        let doc = json!({"components": {"schemas": {
            "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta": {"type": "object", "properties": {"name": {"type": "string"}}},
            "io.envoyproxy.gateway.v1alpha1.BackendTrafficPolicy": {
                "type": "object",
                "x-kubernetes-group-version-kind": [{"group": "gateway.envoyproxy.io", "version": "v1alpha1", "kind": "BackendTrafficPolicy"}],
                "properties": {
                    "metadata": {"default": {}, "description": "meta", "allOf": [{"$ref": "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"}]},
                    "spec": {"type": "object", "additionalProperties": true,
                             "x-kubernetes-validations": [{"rule": "self.a > 0", "message": "m", "extra": 1}],
                             "properties": {"n": {"type": "integer", "minimum": 0, "x-unknown": true}}}
                }
            }
        }}});
        let node = schema_from_document(&doc).expect("converts");
        let meta = node.property("metadata").expect("metadata");
        assert_eq!(meta.reference.as_deref(), Some("ObjectMeta"));
        assert_eq!(meta.description.as_deref(), Some("meta"));
        assert!(meta.property("name").is_some());
        let spec = node.property("spec").expect("spec");
        assert_eq!(spec.validations[0].rule, "self.a > 0");
        assert_eq!(
            spec.property("n").and_then(|n| n.minimum.clone()),
            Some(0.into())
        );
    }

    #[test]
    fn a_document_without_the_kind_is_an_error() {
        let doc = json!({"components": {"schemas": {"x.Other": {"type": "object"}}}});
        assert!(matches!(
            schema_from_document(&doc),
            Err(OpenApiError::NoSchema)
        ));
    }
}

/// What `explain` gets from the server.
#[derive(Debug)]
pub enum LiveSchema {
    /// The server's schema.
    Live(Box<Node>),
    /// No server is configured: use the embedded schema without a note.
    NotConfigured,
    /// A server is configured but gave no schema: the one-line note to print before falling
    /// back to the embedded schema.
    Unavailable(String),
}

/// Fetches the live schema from the resolved target, for `explain`.
pub async fn for_explain(
    target: Result<super::target::Target, super::target::TargetError>,
    verbosity: u8,
    request_timeout: Option<std::time::Duration>,
    printer: &crate::print::Printer,
) -> LiveSchema {
    let target = match target {
        Ok(t) => t,
        Err(super::target::TargetError::NoServer | super::target::TargetError::NoProject) => {
            return LiveSchema::NotConfigured;
        }
        Err(e) => return LiveSchema::Unavailable(format!("using the embedded schema: {e}")),
    };
    let server = target.describe();
    let timeout = request_timeout
        .filter(|t| !t.is_zero())
        .or(Some(std::time::Duration::from_secs(10)));
    let fetched = match ApiClient::new(target, verbosity, printer.clone(), timeout) {
        Ok(mut client) => {
            // A missing server should cost explain a moment, not a round of backoffs.
            client.set_retry(super::http::RetryPolicy {
                attempts: 1,
                ..Default::default()
            });
            live_schema(&client).await
        }
        Err(e) => Err(OpenApiError::from(e)),
    };
    match fetched {
        Ok(node) => LiveSchema::Live(Box::new(node)),
        Err(e) => LiveSchema::Unavailable(format!(
            "{server} gave no schema ({e}); using the embedded schema"
        )),
    }
}
