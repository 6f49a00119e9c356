//! The OpenAPI v3 document the local control plane serves for `gateway.envoyproxy.io/v1alpha1`,
//! built from the embedded schema in the shape kube-apiserver publishes for a CRD: shared
//! metadata types under `components.schemas` by `$ref`, `x-kubernetes-*` extensions kept, and
//! paths whose PATCH lists `fieldValidation` (kubectl looks for it before sending the parameter).

use super::embedded;
use serde_json::{Map, Value, json};
use std::sync::OnceLock;

/// The group-version path as the index names it (no leading slash, no project prefix).
pub const GROUP_VERSION_PATH: &str = "apis/gateway.envoyproxy.io/v1alpha1";
const META: &str = "io.k8s.apimachinery.pkg.apis.meta.v1";

fn schema_ref(name: &str) -> String {
    format!("#/components/schemas/{name}")
}

fn kind_name() -> String {
    let s = embedded();
    // kube-apiserver names CRD schemas by the reversed group: io.envoyproxy.gateway.v1alpha1.Kind.
    let reversed: Vec<&str> = s.group.split('.').rev().collect();
    format!("{}.{}.{}", reversed.join("."), s.version, s.kind)
}

/// Replaces every resolved definition (a node carrying `$ref: ShortName`) by a reference to a
/// shared schema, collecting the definitions.
fn extract(value: &mut Value, defs: &mut Map<String, Value>) {
    match value {
        Value::Object(map) => {
            for child in map.values_mut() {
                extract(child, defs);
            }
            if let Some(Value::String(short)) = map.remove("$ref") {
                let full = format!("{META}.{short}");
                let description = map.remove("description");
                if !defs.contains_key(&full) {
                    let mut body = std::mem::take(map);
                    if let Some(d) = embedded()
                        .definitions
                        .get(&short)
                        .and_then(|n| n.description.clone())
                    {
                        body.insert("description".into(), json!(d));
                    }
                    defs.insert(full.clone(), Value::Object(body));
                }
                map.clear();
                if let Some(d) = description {
                    map.insert("description".into(), d);
                }
                map.insert("default".into(), json!({}));
                map.insert("allOf".into(), json!([{ "$ref": schema_ref(&full) }]));
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| extract(i, defs)),
        _ => {}
    }
}

fn gvk() -> Value {
    let s = embedded();
    json!([{ "group": s.group, "kind": s.kind, "version": s.version }])
}

fn query_param(name: &str, description: &str, type_: &str) -> Value {
    json!({"name": name, "in": "query", "description": description, "schema": {"type": type_, "uniqueItems": true}})
}

fn write_params(with_force: bool) -> Vec<Value> {
    let mut p = vec![
        query_param(
            "dryRun",
            "When All, the request is checked and answered but nothing is stored.",
            "string",
        ),
        query_param(
            "fieldManager",
            "Who makes the change, for managedFields tracking.",
            "string",
        ),
        query_param(
            "fieldValidation",
            "Ignore, Warn or Strict: what to do with fields the schema does not declare.",
            "string",
        ),
    ];
    if with_force {
        p.push(query_param(
            "force",
            "Server-side apply only: take over fields other managers own.",
            "boolean",
        ));
    }
    p
}

fn operation(action: &str, id: &str, params: Vec<Value>, response: &str) -> Value {
    json!({
        "operationId": id,
        "parameters": params,
        "responses": {
            "200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": schema_ref(response)}}}},
            "401": {"description": "Unauthorized"}
        },
        "x-kubernetes-action": action,
        "x-kubernetes-group-version-kind": gvk()[0],
    })
}

fn patch_operation(id: &str, kind: &str) -> Value {
    let mut op = operation("patch", id, write_params(true), kind);
    let body = json!({"schema": {"$ref": schema_ref(&format!("{META}.Patch"))}});
    op["requestBody"] = json!({"content": {
        "application/json-patch+json": body,
        "application/merge-patch+json": body,
        "application/apply-patch+yaml": body,
    }});
    op
}

fn paths() -> Value {
    let s = embedded();
    let kind = kind_name();
    let list = format!("{kind}List");
    let base = format!("/{GROUP_VERSION_PATH}");
    let ns = format!("{base}/namespaces/{{namespace}}/{}", s.plural);
    let item = format!("{ns}/{{name}}");
    let path_params = |with_name: bool| {
        let mut p = vec![
            json!({"name": "namespace", "in": "path", "required": true, "schema": {"type": "string", "uniqueItems": true}}),
        ];
        if with_name {
            p.push(json!({"name": "name", "in": "path", "required": true, "schema": {"type": "string", "uniqueItems": true}}));
        }
        p
    };
    let list_params = || {
        [
            "labelSelector",
            "fieldSelector",
            "continue",
            "resourceVersion",
        ]
        .iter()
        .map(|n| query_param(n, "Narrows or positions the list.", "string"))
        .chain(
            ["limit", "timeoutSeconds"]
                .iter()
                .map(|n| query_param(n, "Bounds the answer.", "integer")),
        )
        .chain(
            ["watch", "allowWatchBookmarks"]
                .iter()
                .map(|n| query_param(n, "Streams changes.", "boolean")),
        )
        .collect::<Vec<_>>()
    };
    json!({
        format!("{base}/{}", s.plural): {
            "get": operation("list", "listBackendTrafficPolicyForAllNamespaces", list_params(), &list),
        },
        ns: {
            "get": operation("list", "listNamespacedBackendTrafficPolicy", list_params(), &list),
            "post": operation("post", "createNamespacedBackendTrafficPolicy", write_params(false), &kind),
            "delete": operation("deletecollection", "deleteCollectionNamespacedBackendTrafficPolicy", list_params(), &format!("{META}.Status")),
            "parameters": path_params(false),
        },
        item.clone(): {
            "get": operation("get", "readNamespacedBackendTrafficPolicy", vec![], &kind),
            "put": operation("put", "replaceNamespacedBackendTrafficPolicy", write_params(false), &kind),
            "patch": patch_operation("patchNamespacedBackendTrafficPolicy", &kind),
            "delete": operation("delete", "deleteNamespacedBackendTrafficPolicy", vec![query_param("dryRun", "When All, nothing is deleted.", "string")], &kind),
            "parameters": path_params(true),
        },
        format!("{item}/status"): {
            "get": operation("get", "readNamespacedBackendTrafficPolicyStatus", vec![], &kind),
            "put": operation("put", "replaceNamespacedBackendTrafficPolicyStatus", write_params(false), &kind),
            "patch": patch_operation("patchNamespacedBackendTrafficPolicyStatus", &kind),
            "parameters": path_params(true),
        },
    })
}

fn build() -> Value {
    let s = embedded();
    let mut defs = Map::new();
    let mut root = serde_json::to_value(&s.root).unwrap_or_else(|_| json!({}));
    extract(&mut root, &mut defs);
    root["x-kubernetes-group-version-kind"] = gvk();
    let kind = kind_name();
    defs.insert(kind.clone(), root);
    defs.insert(format!("{kind}List"), json!({
        "description": format!("A list of {}.", s.kind),
        "type": "object",
        "required": ["items"],
        "properties": {
            "apiVersion": {"type": "string", "description": "The versioned schema of this list."},
            "items": {"type": "array", "items": {"default": {}, "allOf": [{"$ref": schema_ref(&kind)}]}},
            "kind": {"type": "string", "description": "The REST resource this list represents."},
            "metadata": {"default": {}, "allOf": [{"$ref": schema_ref(&format!("{META}.ListMeta"))}]}
        },
        "x-kubernetes-group-version-kind": [{"group": s.group, "kind": s.list_kind, "version": s.version}]
    }));
    defs.insert(
        format!("{META}.ListMeta"),
        json!({
            "description": "Metadata of a list: its resourceVersion and where to continue.",
            "type": "object",
            "properties": {
                "continue": {"type": "string"},
                "remainingItemCount": {"type": "integer", "format": "int64"},
                "resourceVersion": {"type": "string"},
                "selfLink": {"type": "string"}
            }
        }),
    );
    defs.insert(format!("{META}.Status"), json!({
        "description": "The outcome of a request that does not return an object.",
        "type": "object",
        "properties": {
            "apiVersion": {"type": "string"}, "code": {"type": "integer", "format": "int32"},
            "details": {"type": "object", "x-kubernetes-preserve-unknown-fields": true},
            "kind": {"type": "string"}, "message": {"type": "string"},
            "metadata": {"default": {}, "allOf": [{"$ref": schema_ref(&format!("{META}.ListMeta"))}]},
            "reason": {"type": "string"}, "status": {"type": "string"}
        }
    }));
    defs.insert(
        format!("{META}.Patch"),
        json!({
            "description": "A patch body: JSON patch, merge patch or an apply configuration.",
            "type": "object"
        }),
    );
    json!({
        "openapi": "3.0.0",
        "info": {"title": "Kubernetes", "version": "v1.37.0"},
        "paths": paths(),
        "components": {"schemas": defs},
    })
}

/// The document and its hash (what the index's `?hash=` carries), computed once.
fn cached() -> &'static (Vec<u8>, String) {
    static DOC: OnceLock<(Vec<u8>, String)> = OnceLock::new();
    DOC.get_or_init(|| {
        let bytes = serde_json::to_vec(&build()).unwrap_or_default();
        let hash = fingerprint(&bytes);
        (bytes, hash)
    })
}

/// Two FNV-1a passes with different seeds: a stable 128-bit content fingerprint in upper hex.
fn fingerprint(bytes: &[u8]) -> String {
    let pass = |seed: u64| {
        bytes.iter().fold(seed, |h, b| {
            (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
        })
    };
    format!(
        "{:016X}{:016X}",
        pass(0xcbf2_9ce4_8422_2325),
        pass(0x6c62_272e_07bb_0142)
    )
}

/// The serialized group-version document.
pub fn document() -> &'static [u8] {
    &cached().0
}

pub fn hash() -> &'static str {
    &cached().1
}

/// The `/openapi/v3` index.
pub fn index() -> Value {
    json!({
        "paths": {
            GROUP_VERSION_PATH: {
                "serverRelativeURL": format!("/openapi/v3/{GROUP_VERSION_PATH}?hash={}", hash())
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_is_a_reference_and_definitions_are_shared() {
        let doc: Value = serde_json::from_slice(document()).expect("json");
        let schemas = &doc["components"]["schemas"];
        let btp = &schemas["io.envoyproxy.gateway.v1alpha1.BackendTrafficPolicy"];
        assert_eq!(
            btp["properties"]["metadata"]["allOf"][0]["$ref"],
            "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"
        );
        assert_eq!(
            btp["x-kubernetes-group-version-kind"][0]["kind"],
            "BackendTrafficPolicy"
        );
        let meta = &schemas["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"];
        assert!(meta["properties"]["labels"].is_object());
        assert_eq!(
            meta["properties"]["managedFields"]["items"]["allOf"][0]["$ref"],
            "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry"
        );
        assert!(schemas["io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference"].is_object());
        let text = String::from_utf8_lossy(document());
        assert!(text.contains("x-kubernetes-validations"));
        assert!(text.contains("fieldValidation"));
    }

    #[test]
    fn index_points_at_the_document_with_its_hash() {
        let i = index();
        let url = i["paths"][GROUP_VERSION_PATH]["serverRelativeURL"]
            .as_str()
            .expect("url");
        assert!(url.starts_with("/openapi/v3/apis/gateway.envoyproxy.io/v1alpha1?hash="));
        assert_eq!(hash().len(), 32);
    }
}
