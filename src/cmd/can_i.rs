//! `datumctl auth can-i VERB TYPE[/NAME]|/URL`: a SelfSubjectAccessReview, answered `yes` (exit
//! 0) or `no` (exit 1) as kubectl answers it, with the resource resolved through the server's
//! discovery and kubectl's warnings for unknown resources and verbs.

use crate::cli::CanIArgs;
use crate::client::api::{JSON, runtime};
use crate::client::discovery::{ApiResource, resolve};
use crate::client::http::{ApiClient, ApiRequest};
use crate::client::status::ClientError;
use crate::cmd::Context;
use crate::error::{CliError, CmdResult, Outcome};
use reqwest::Method;
use serde_json::{Value, json};

const RESOURCE_VERBS: [&str; 16] = [
    "get",
    "list",
    "watch",
    "create",
    "update",
    "patch",
    "delete",
    "deletecollection",
    "use",
    "bind",
    "impersonate",
    "*",
    "approve",
    "sign",
    "escalate",
    "attest",
];
const NON_RESOURCE_VERBS: [&str; 8] = [
    "get", "put", "post", "head", "options", "delete", "patch", "*",
];
/// Resources the server has but cannot list in discovery (the impersonate verb's).
const NON_STANDARD: [&str; 2] = ["users", "groups"];

/// What is being asked about.
enum Subject {
    Resource {
        group: String,
        resource: String,
        name: String,
        namespaced: bool,
    },
    Url(String),
}

pub fn run(args: &CanIArgs, ctx: &Context) -> CmdResult {
    let (Some(verb), Some(target), true) = (&args.verb, &args.resource, args.extra.is_empty())
    else {
        return Err(CliError::usage(
            "you must specify two arguments: verb resource or verb resource/resourceName.",
        )
        .hint("see 'datumctl auth can-i -h' for help and examples"));
    };
    let client = crate::cmd::connect::connect(&ctx.global, &ctx.printer)?;
    let rt = runtime().map_err(|e| CliError::failure(anyhow::Error::new(e)))?;
    let namespace = if args.all_namespaces {
        String::new()
    } else {
        client.target.namespace.clone()
    };
    rt.block_on(async {
        let subject = subject(&client, ctx, target).await?;
        if let Err(e) = check(args, ctx, verb, &subject) {
            return Ok(Err(e));
        }
        let review = review_body(args, verb, &subject, &namespace);
        let url = format!(
            "{}/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
            client.target.base
        );
        let body = serde_json::to_vec(&review).unwrap_or_default();
        let answer = client
            .send_json(&ApiRequest::new(Method::POST, url).json_body(JSON, body))
            .await?;
        Ok(Ok(answer))
    })
    .map_err(|e: ClientError| e.into_cli(&client.target))?
    .map(|answer| print_answer(args, ctx, &answer["status"]))
}

/// The resource (mapped through discovery, as kubectl's REST mapper does) or URL asked about.
async fn subject(client: &ApiClient, ctx: &Context, target: &str) -> Result<Subject, ClientError> {
    if target.starts_with('/') {
        return Ok(Subject::Url(target.to_string()));
    }
    let (kind, name) = match target.split_once('/') {
        Some((k, n)) => (k, n.to_string()),
        None => (target, String::new()),
    };
    if kind == "*" {
        return Ok(Subject::Resource {
            group: String::new(),
            resource: "*".into(),
            name,
            namespaced: true,
        });
    }
    let resources: Vec<ApiResource> = client.preferred_resources().await?;
    match resolve(&resources, kind) {
        Some(r) => Ok(Subject::Resource {
            group: r.group.clone(),
            resource: r.name.clone(),
            name,
            namespaced: r.namespaced,
        }),
        None => {
            let lower = kind.to_ascii_lowercase();
            let (resource, group) = lower.split_once('.').unwrap_or((&lower, ""));
            if !NON_STANDARD.contains(&lower.as_str()) {
                ctx.printer.warn(&match group {
                    "" => format!("the server doesn't have a resource type '{resource}'\n"),
                    g => format!(
                        "the server doesn't have a resource type '{resource}' in group '{g}'\n"
                    ),
                });
            }
            Ok(Subject::Resource {
                group: String::new(),
                resource: kind.to_string(),
                name,
                namespaced: true,
            })
        }
    }
}

/// kubectl's checks and warnings before the review is sent.
fn check(args: &CanIArgs, ctx: &Context, verb: &str, subject: &Subject) -> Result<(), CliError> {
    match subject {
        Subject::Url(_) => {
            if args.subresource.is_some() {
                return Err(CliError::usage(
                    "--subresource can not be used with NonResourceURL",
                ));
            }
            if !NON_RESOURCE_VERBS.contains(&verb) {
                ctx.printer
                    .warn(&format!("verb '{verb}' is not a known verb\n"));
            }
        }
        Subject::Resource {
            group,
            resource,
            namespaced,
            ..
        } if !args.all_namespaces => {
            if !namespaced {
                ctx.printer.warn(&match group.as_str() {
                    "" => format!("resource '{resource}' is not namespace scoped\n"),
                    g => format!("resource '{resource}' is not namespace scoped in group '{g}'\n"),
                });
            }
            if !RESOURCE_VERBS.contains(&verb) {
                ctx.printer
                    .warn(&format!("verb '{verb}' is not a known verb\n"));
            }
        }
        Subject::Resource { .. } => {}
    }
    Ok(())
}

fn review_body(args: &CanIArgs, verb: &str, subject: &Subject, namespace: &str) -> Value {
    let spec = match subject {
        Subject::Url(path) => json!({"nonResourceAttributes": {"path": path, "verb": verb}}),
        Subject::Resource {
            group,
            resource,
            name,
            ..
        } => {
            let mut attrs = serde_json::Map::new();
            let mut put = |k: &str, v: &str| {
                if !v.is_empty() {
                    attrs.insert(k.into(), json!(v));
                }
            };
            put("namespace", namespace);
            put("verb", verb);
            put("group", group);
            put("resource", resource);
            put("subresource", args.subresource.as_deref().unwrap_or(""));
            put("name", name);
            json!({"resourceAttributes": attrs})
        }
    };
    json!({
        "kind": "SelfSubjectAccessReview",
        "apiVersion": "authorization.k8s.io/v1",
        "metadata": {"creationTimestamp": null},
        "spec": spec,
        "status": {"allowed": false},
    })
}

/// `yes`, or `no` with the server's reason and evaluation error; exit 1 on no.
fn print_answer(args: &CanIArgs, ctx: &Context, status: &Value) -> Outcome {
    let allowed = status["allowed"].as_bool().unwrap_or(false);
    if !args.quiet {
        let mut line = String::from(if allowed { "yes" } else { "no" });
        if !allowed {
            for key in ["reason", "evaluationError"] {
                if let Some(text) = status[key].as_str().filter(|t| !t.is_empty()) {
                    line.push_str(&format!(" - {text}"));
                }
            }
        }
        line.push('\n');
        ctx.printer.out(&line);
    }
    if allowed {
        Outcome::Success
    } else {
        Outcome::Failed
    }
}
