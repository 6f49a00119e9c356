//! Discovery documents: `/api`, `/apis` (legacy lists, or aggregated discovery v2 when the
//! Accept header asks for it), the group, its APIResourceList, and `/version`.

use super::call::{Call, JSON, typed_response};
use crate::schema::embedded;
use axum::response::Response;
use serde_json::{Value, json};

const AGGREGATED: &str = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
const VERBS: [&str; 8] = [
    "delete",
    "deletecollection",
    "get",
    "list",
    "patch",
    "create",
    "update",
    "watch",
];

fn wants_aggregated(call: &Call) -> bool {
    call.accept.split(',').next().is_some_and(|first| {
        first.contains("g=apidiscovery.k8s.io") && first.contains("as=APIGroupDiscoveryList")
    })
}

fn respond(content_type: &str, value: &Value) -> Response {
    typed_response(
        200,
        content_type,
        serde_json::to_vec(value).unwrap_or_default(),
        &[],
    )
}

fn gvk() -> Value {
    let s = embedded();
    json!({"group": s.group, "version": s.version, "kind": s.kind})
}

pub fn core(call: &Call) -> Response {
    if wants_aggregated(call) {
        return respond(
            AGGREGATED,
            &json!({
                "kind": "APIGroupDiscoveryList",
                "apiVersion": "apidiscovery.k8s.io/v2",
                "metadata": {},
                "items": [],
            }),
        );
    }
    respond(
        JSON,
        &json!({
            "kind": "APIVersions",
            "versions": ["v1"],
            "serverAddressByClientCIDRs": [{"clientCIDR": "0.0.0.0/0", "serverAddress": ""}],
        }),
    )
}

pub fn core_v1() -> Response {
    respond(
        JSON,
        &json!({"kind": "APIResourceList", "groupVersion": "v1", "resources": []}),
    )
}

/// An empty EventList.
pub fn no_events() -> Response {
    respond(
        JSON,
        &json!({"kind": "EventList", "apiVersion": "v1", "metadata": {}, "items": []}),
    )
}

fn group_version() -> Value {
    let s = embedded();
    json!({"groupVersion": format!("{}/{}", s.group, s.version), "version": s.version})
}

fn api_group() -> Value {
    json!({
        "name": embedded().group,
        "versions": [group_version()],
        "preferredVersion": group_version(),
    })
}

pub fn groups(call: &Call) -> Response {
    let s = embedded();
    if wants_aggregated(call) {
        return respond(
            AGGREGATED,
            &json!({
                "kind": "APIGroupDiscoveryList",
                "apiVersion": "apidiscovery.k8s.io/v2",
                "metadata": {},
                "items": [{
                    "metadata": {"name": s.group, "creationTimestamp": null},
                    "versions": [{
                        "version": s.version,
                        "resources": [{
                            "resource": s.plural,
                            "responseKind": gvk(),
                            "scope": s.scope,
                            "singularResource": s.singular,
                            "verbs": VERBS,
                            "shortNames": s.short_names,
                            "categories": s.categories,
                            "subresources": [{
                                "subresource": "status",
                                "responseKind": gvk(),
                                "verbs": ["get", "patch", "update"],
                            }],
                        }],
                        "freshness": "Current",
                    }],
                }],
            }),
        );
    }
    respond(
        JSON,
        &json!({"kind": "APIGroupList", "apiVersion": "v1", "groups": [api_group()]}),
    )
}

pub fn group() -> Response {
    let mut g = api_group();
    g["kind"] = json!("APIGroup");
    g["apiVersion"] = json!("v1");
    respond(JSON, &g)
}

pub fn resources() -> Response {
    let s = embedded();
    respond(
        JSON,
        &json!({
            "kind": "APIResourceList",
            "apiVersion": "v1",
            "groupVersion": format!("{}/{}", s.group, s.version),
            "resources": [
                {
                    "name": s.plural,
                    "singularName": s.singular,
                    "namespaced": s.scope == "Namespaced",
                    "kind": s.kind,
                    "verbs": VERBS,
                    "shortNames": s.short_names,
                    "categories": s.categories,
                },
                {
                    "name": format!("{}/status", s.plural),
                    "singularName": "",
                    "namespaced": s.scope == "Namespaced",
                    "kind": s.kind,
                    "verbs": ["get", "patch", "update"],
                }
            ],
        }),
    )
}

pub fn version() -> Response {
    respond(JSON, &crate::version::server_info())
}
