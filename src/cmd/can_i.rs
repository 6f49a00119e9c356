//! `datumctl auth can-i VERB TYPE[/NAME]|/URL`: a SelfSubjectAccessReview, answered `yes` (exit
//! 0) or `no` (exit 1) as kubectl answers it, with the resource resolved through the server's
//! discovery and kubectl's warnings for unknown resources and verbs.

use crate::cli::CanIArgs;
use crate::client::api::JSON;
use crate::client::discovery::{ApiResource, resolve, strings};
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

pub async fn run(args: &CanIArgs, ctx: &Context) -> CmdResult {
    if args.list {
        return list(args, ctx).await;
    }
    let (Some(verb), Some(target), true) = (&args.verb, &args.resource, args.extra.is_empty())
    else {
        return Err(CliError::usage(
            "you must specify two arguments: verb resource or verb resource/resourceName.",
        )
        .hint("see 'datumctl auth can-i -h' for help and examples"));
    };
    let client = crate::cmd::connect::connect(&ctx.global, &ctx.printer).await?;
    let namespace = if args.all_namespaces {
        String::new()
    } else {
        client.target.namespace.clone()
    };
    async {
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
    }
    .await
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
    if args.no_headers {
        return Err(CliError::usage(
            "--no-headers cannot be set without --list specified",
        ));
    }
    Ok(())
}

/// `--list`: a SelfSubjectRulesReview for the namespace, printed as kubectl prints it (rules
/// broken down to one verb each, simple ones merged again, sorted by their text).
async fn list(args: &CanIArgs, ctx: &Context) -> CmdResult {
    if args.verb.is_some() || args.resource.is_some() || !args.extra.is_empty() {
        return Err(CliError::usage(
            "list option must be specified with no arguments",
        ));
    }
    if args.quiet || args.all_namespaces || args.subresource.is_some() {
        return Err(CliError::usage(
            "list option can't be specified with neither quiet, all-namespaces nor subresource options",
        ));
    }
    let client = crate::cmd::connect::connect(&ctx.global, &ctx.printer).await?;
    let review = json!({
        "kind": "SelfSubjectRulesReview",
        "apiVersion": "authorization.k8s.io/v1",
        "metadata": {"creationTimestamp": null},
        "spec": {"namespace": client.target.namespace},
        "status": {"resourceRules": null, "nonResourceRules": null, "incomplete": false},
    });
    let url = format!(
        "{}/apis/authorization.k8s.io/v1/selfsubjectrulesreviews",
        client.target.base
    );
    let body = serde_json::to_vec(&review).unwrap_or_default();
    let answer = client
        .send_json(&ApiRequest::new(Method::POST, url).json_body(JSON, body))
        .await
        .map_err(|e| e.into_cli(&client.target))?;
    let status = &answer["status"];
    if status["incomplete"].as_bool().unwrap_or(false) {
        ctx.printer.warn(&format!(
            "the list may be incomplete: {}",
            status["evaluationError"].as_str().unwrap_or("")
        ));
    }
    ctx.printer.out(&rules_table(status, !args.no_headers));
    Ok(Outcome::Success)
}

/// An RBAC rule with one group, resource, name or URL per list, as kubectl breaks them down.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Rule {
    verbs: Vec<String>,
    groups: Vec<String>,
    resources: Vec<String>,
    names: Vec<String>,
    urls: Vec<String>,
}

impl Rule {
    /// The protobuf `String()` of an rbac/v1 PolicyRule, which kubectl sorts the rows by.
    fn sort_key(&self) -> String {
        let v = |l: &[String]| format!("[{}]", l.join(" "));
        format!(
            "&PolicyRule{{Verbs:{},APIGroups:{},Resources:{},ResourceNames:{},NonResourceURLs:{},}}",
            v(&self.verbs),
            v(&self.groups),
            v(&self.resources),
            v(&self.names),
            v(&self.urls)
        )
    }
}

fn rules_table(status: &Value, headers: bool) -> String {
    let mut broken: Vec<Rule> = Vec::new();
    for r in status["resourceRules"].as_array().into_iter().flatten() {
        let (verbs, names) = (strings(&r["verbs"]), strings(&r["resourceNames"]));
        for g in strings(&r["apiGroups"]) {
            for res in strings(&r["resources"]) {
                for verb in &verbs {
                    let one = |names: Vec<String>| Rule {
                        verbs: vec![verb.clone()],
                        groups: vec![g.clone()],
                        resources: vec![res.clone()],
                        names,
                        urls: Vec::new(),
                    };
                    if names.is_empty() {
                        broken.push(one(Vec::new()));
                    } else {
                        broken.extend(names.iter().map(|n| one(vec![n.clone()])));
                    }
                }
            }
        }
    }
    for r in status["nonResourceRules"].as_array().into_iter().flatten() {
        for url in strings(&r["nonResourceURLs"]) {
            for verb in strings(&r["verbs"]) {
                broken.push(Rule {
                    verbs: vec![verb],
                    groups: Vec::new(),
                    resources: Vec::new(),
                    names: Vec::new(),
                    urls: vec![url.clone()],
                });
            }
        }
    }
    // Rules for one group, resource and name merge their verbs, in the order first seen.
    let mut compact: Vec<Rule> = Vec::new();
    for rule in broken {
        let simple = rule.urls.is_empty();
        match compact.iter_mut().find(|c| {
            simple
                && c.urls.is_empty()
                && (&c.groups, &c.resources, &c.names)
                    == (&rule.groups, &rule.resources, &rule.names)
        }) {
            Some(c) => {
                for v in rule.verbs {
                    if !c.verbs.contains(&v) {
                        c.verbs.push(v);
                    }
                }
            }
            None => compact.push(rule),
        }
    }
    compact.sort_by_key(Rule::sort_key);
    let v = |l: &[String]| format!("[{}]", l.join(" "));
    let rows = compact
        .iter()
        .map(|r| {
            vec![
                combine_resource_group(&r.resources, &r.groups),
                v(&r.urls),
                v(&r.names),
                v(&r.verbs),
            ]
        })
        .collect();
    crate::print::table::Table {
        headers: ["Resources", "Non-Resource URLs", "Resource Names", "Verbs"]
            .map(String::from)
            .to_vec(),
        rows,
    }
    .render(headers)
}

/// kubectl's `resource.group[/subresource]` for a rule's first resource and group.
fn combine_resource_group(resources: &[String], groups: &[String]) -> String {
    let Some(first) = resources.first() else {
        return String::new();
    };
    let (name, sub) = match first.split_once('/') {
        Some((n, s)) => (n, Some(s)),
        None => (first.as_str(), None),
    };
    let mut out = name.to_string();
    if let Some(g) = groups.first().filter(|g| !g.is_empty()) {
        out.push('.');
        out.push_str(g);
    }
    if let Some(s) = sub {
        out.push('/');
        out.push_str(s);
    }
    out
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
