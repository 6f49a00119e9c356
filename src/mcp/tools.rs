//! The tool catalogue: each tool's name, input schema and the description a model reads to
//! decide when and how to call it. What the tools do lives in `calls`.

use rmcp::model::{JsonObject, Tool, ToolAnnotations};
use serde_json::{Value, json};

pub const LIST: &str = "list_resources";
pub const GET: &str = "get_resource";
pub const DESCRIBE: &str = "describe_resource";
pub const SCHEMA: &str = "get_resource_schema";
pub const VALIDATE: &str = "validate_manifest";
pub const DIFF: &str = "diff_manifest";
pub const APPLY: &str = "apply_manifest";
pub const DELETE: &str = "delete_resource";

/// Every tool's name, in catalogue order (named in the error for an unknown tool).
pub const NAMES: [&str; 8] = [LIST, GET, DESCRIBE, SCHEMA, VALIDATE, DIFF, APPLY, DELETE];

pub const INSTRUCTIONS: &str = "Tools for Envoy Gateway BackendTrafficPolicy resources \
(gateway.envoyproxy.io/v1alpha1) on Datum Cloud or any Kubernetes API server with the Envoy \
Gateway CRDs. To write or fix a policy: read the fields with get_resource_schema, check the \
manifest with validate_manifest (offline, with line and column for every error) until it is \
valid, preview with diff_manifest or apply_manifest without confirm, and only then apply with \
confirm: true. Writes never change the server unless confirm is true.";

fn string(description: &str) -> Value {
    json!({"type": "string", "description": description})
}

fn boolean(description: &str) -> Value {
    json!({"type": "boolean", "description": description, "default": false})
}

fn name() -> Value {
    json!({
        "type": "string",
        "description": "The policy's name (metadata.name); `btp/NAME` and `backendtrafficpolicy.gateway.envoyproxy.io/NAME` are accepted too.",
        "minLength": 1
    })
}

fn namespace() -> Value {
    string(
        "Namespace of the policy. Defaults to the configured namespace (`default`, which Datum Cloud projects use).",
    )
}

fn manifest() -> Value {
    json!({
        "type": "string",
        "description": format!(
            "The manifest text: YAML or JSON, one or more documents separated by `---`, or a `kind: List` (at most {} bytes).",
            super::limits::MAX_MANIFEST_BYTES
        ),
    })
}

fn profile() -> Value {
    json!({
        "type": "string",
        "enum": ["upstream", "datum"],
        "description": "Admission rules to check against: `upstream` (the Envoy Gateway CRD's schema and CEL rules) or `datum` (those plus the rules Datum Cloud's admission webhook adds)."
    })
}

fn object_schema(properties: Value, required: &[&str]) -> JsonObject {
    let schema = json!({
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    });
    match schema {
        Value::Object(map) => map,
        _ => JsonObject::new(),
    }
}

fn annotations(read_only: bool, destructive: bool, open_world: bool) -> ToolAnnotations {
    ToolAnnotations::new()
        .read_only(read_only)
        .destructive(destructive)
        .idempotent(true)
        .open_world(open_world)
}

/// The tools, with their schemas and descriptions.
pub fn catalogue() -> Vec<Tool> {
    vec![
        Tool::new(
            LIST,
            "List the BackendTrafficPolicies in a namespace of the configured server (a Datum Cloud project or a Kubernetes cluster). Returns the columns of `datumctl get backendtrafficpolicies` as structured data: NAME, TARGETS (the Gateways, HTTPRoutes or GRPCRoutes each policy attaches to), ACCEPTED (how many of its ancestors accepted it, e.g. `1/1`), AGE, and with `wide` also GENERATION, OBSERVED (the generation the controller last reported on) and FEATURES (which traffic features it configures). Use `selector` to filter by labels (e.g. `app=web,tier!=db`).",
            object_schema(
                json!({
                    "namespace": namespace(),
                    "selector": string("Label selector, as `kubectl get -l` takes it (e.g. `app=web`)."),
                    "all_namespaces": boolean("List across every namespace."),
                    "wide": boolean("Add the GENERATION, OBSERVED and FEATURES columns."),
                }),
                &[],
            ),
        )
        .annotate(annotations(true, false, true)),
        Tool::new(
            GET,
            "Fetch one BackendTrafficPolicy from the configured server and return it as YAML (managed fields left out), with its spec as stored (defaults applied) and its status as the gateway controller wrote it. Use it to read a live policy before changing it; to check whether it is in effect, describe_resource is easier to read.",
            object_schema(json!({"name": name(), "namespace": namespace()}), &["name"]),
        )
        .annotate(annotations(true, false, true)),
        Tool::new(
            DESCRIBE,
            "Describe one BackendTrafficPolicy as `datumctl describe` shows it: metadata, the spec as a readable tree, a table of its ancestors (each Gateway or route it attaches to) with their Accepted and other status conditions, reasons and messages, and recent events. Use it to find out whether a policy is in effect and, if not, why the controller rejected it.",
            object_schema(json!({"name": name(), "namespace": namespace()}), &["name"]),
        )
        .annotate(annotations(true, false, true)),
        Tool::new(
            SCHEMA,
            "Document the fields of BackendTrafficPolicy from the schema embedded in datumctl (identical to the Envoy Gateway CRD; works offline, no server needed), as `datumctl explain` does: each field's type, description, default, bounds (minimum, maximum, lengths, formats), allowed enum values and the CEL validation rules that apply. Give `path` to narrow it to one field (e.g. `spec.retry` or `spec.timeout.http.requestTimeout`); set `recursive` to list every field below it. With profile `datum`, fields Datum Cloud restricts are marked with Datum's limits.",
            object_schema(
                json!({
                    "path": string("Dotted field path, e.g. `spec.retry.perRetry`; empty or absent for the whole resource. A leading resource name (`backendtrafficpolicies.`, `btp.`) is accepted."),
                    "recursive": boolean("List every field below the path (names and types only), instead of the path's own documentation."),
                    "profile": profile(),
                }),
                &[],
            ),
        )
        .annotate(annotations(true, false, false)),
        Tool::new(
            VALIDATE,
            "Validate BackendTrafficPolicy manifest text offline against the embedded schema and its CEL rules, exactly as the API server would judge it (the same wording as kube-apiserver), without any server. Returns every error of every document with its line and column in the text, the field path and the message; `valid: true` when there are none. Use profile `datum` for manifests meant for Datum Cloud, whose admission webhook refuses more (retries, active health checks, fault injection, global rate limits, some bounds). Validate before every apply.",
            object_schema(
                json!({"manifest": manifest(), "profile": profile()}),
                &["manifest"],
            ),
        )
        .annotate(annotations(true, false, false)),
        Tool::new(
            DIFF,
            "Show what applying a manifest would change on the configured server, as a unified diff (`diff -u`) of each object's YAML: the live object against what the server would store after the apply (computed with a server-side dry run; nothing changes). An empty diff means the apply would change nothing. The manifest is validated first; invalid manifests are refused with their errors.",
            object_schema(
                json!({
                    "manifest": manifest(),
                    "namespace": namespace(),
                    "profile": profile(),
                    "server_side": boolean("Compare against a server-side apply instead of kubectl's client-side apply."),
                }),
                &["manifest"],
            ),
        )
        .annotate(annotations(true, false, true)),
        Tool::new(
            APPLY,
            "Create or update BackendTrafficPolicies from manifest text, as `datumctl apply -f` does. Without `confirm: true` this is a server-side dry run: the server validates and admits the objects but stores nothing, and the result says for each object whether it would be created, configured or left unchanged, with the diff. With `confirm: true` the objects are written and the result says what changed. Always validate and dry-run first, and only confirm when the user asked for the change. The manifest is validated first; invalid manifests are refused with their errors and nothing is sent.",
            object_schema(
                json!({
                    "manifest": manifest(),
                    "namespace": namespace(),
                    "profile": profile(),
                    "server_side": boolean("Use server-side apply (field manager `datumctl`) instead of kubectl's client-side apply."),
                    "confirm": boolean("Really write. Without it (the default) nothing is changed on the server."),
                }),
                &["manifest"],
            ),
        )
        .annotate(annotations(false, false, true)),
        Tool::new(
            DELETE,
            "Delete one BackendTrafficPolicy by name. Without `confirm: true` this is a server-side dry run: the server checks that the policy exists and may be deleted, and nothing is removed. With `confirm: true` the policy is deleted. Only confirm when the user asked for the deletion.",
            object_schema(
                json!({
                    "name": name(),
                    "namespace": namespace(),
                    "confirm": boolean("Really delete. Without it (the default) nothing is changed on the server."),
                }),
                &["name"],
            ),
        )
        .annotate(annotations(false, true, true)),
    ]
}
