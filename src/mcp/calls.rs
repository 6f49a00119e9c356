//! What each tool does, on the same code paths as the commands: `manifest` and `validate` for
//! validation, `schema::explain` for the schema, `print::describe` for describe, `cmd::diff`'s
//! apply for diff and apply. Every failure is a `CliError` with the CLI's message and hints.

use super::tools::{self, NAMES};
use super::{Session, ToolOutput, limits};
use crate::client::api::{DeleteOptions, ListOptions};
use crate::client::http::ApiClient;
use crate::client::status::ClientError;
use crate::client::target::effective_profile;
use crate::cmd::common::{Action, Failures, error_text};
use crate::cmd::diff::{AppliedObject, ApplyStyle, apply_object, unified};
use crate::cmd::objects::{self, Selection};
use crate::error::CliError;
use crate::manifest::{self, Document};
use crate::print::describe::{DescribeStyle, describe};
use crate::print::output::omit_managed_fields;
use crate::print::policy::Columns;
use crate::print::yaml::to_yaml;
use crate::resource::{self, GROUP, KIND, SINGULAR, VERSION, qualified_name};
use crate::schema::{self, explain};
use crate::validate::{FieldError, Options, Profile, datum, profile_name, report};
use chrono::Utc;
use rmcp::model::JsonObject;
use serde_json::{Value, json};

/// Runs the tool `name` with its arguments.
pub async fn call(session: &Session, name: &str, args: JsonObject) -> Result<ToolOutput, CliError> {
    let args = Arguments::new(name, args)?;
    match name {
        tools::LIST => list(session, &args).await,
        tools::GET => get(session, &args).await,
        tools::DESCRIBE => describe_one(session, &args).await,
        tools::SCHEMA => explain_schema(&args),
        tools::VALIDATE => validate_manifest(args).await,
        tools::DIFF => write(session, &args, Write::Diff).await,
        tools::APPLY => {
            let mode = if args.flag("confirm")? {
                Write::Apply
            } else {
                Write::DryRun
            };
            write(session, &args, mode).await
        }
        tools::DELETE => delete(session, &args).await,
        other => Err(CliError::usage(format!("unknown tool {other:?}"))
            .hint(format!("the tools are: {}", NAMES.join(", ")))),
    }
}

/// A tool's arguments, checked as they are read: a wrong type or an argument the tool does
/// not take is an error naming it, never ignored.
struct Arguments {
    tool: String,
    map: JsonObject,
}

/// The arguments each tool takes.
fn accepted(tool: &str) -> &'static [&'static str] {
    match tool {
        tools::LIST => &["namespace", "selector", "all_namespaces", "wide"],
        tools::GET | tools::DESCRIBE => &["name", "namespace"],
        tools::SCHEMA => &["path", "recursive", "profile"],
        tools::VALIDATE => &["manifest", "profile"],
        tools::DIFF => &["manifest", "namespace", "profile", "server_side"],
        tools::APPLY => &["manifest", "namespace", "profile", "server_side", "confirm"],
        tools::DELETE => &["name", "namespace", "confirm"],
        _ => &[],
    }
}

impl Arguments {
    fn new(tool: &str, map: JsonObject) -> Result<Self, CliError> {
        let known = accepted(tool);
        if !known.is_empty()
            && let Some(extra) = map.keys().find(|k| !known.contains(&k.as_str()))
        {
            return Err(
                CliError::usage(format!("{tool} takes no argument {extra:?}"))
                    .hint(format!("its arguments are: {}", known.join(", "))),
            );
        }
        Ok(Arguments {
            tool: tool.to_string(),
            map,
        })
    }

    fn string(&self, key: &str) -> Result<Option<&str>, CliError> {
        match self.map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(self.wrong_type(key, "a string", other)),
        }
    }

    fn required(&self, key: &str) -> Result<&str, CliError> {
        match self.string(key)? {
            Some(s) if !s.is_empty() => Ok(s),
            _ => Err(CliError::usage(format!(
                "{} needs the argument {key:?}",
                self.tool
            ))),
        }
    }

    fn flag(&self, key: &str) -> Result<bool, CliError> {
        match self.map.get(key) {
            None | Some(Value::Null) => Ok(false),
            Some(Value::Bool(b)) => Ok(*b),
            Some(other) => Err(self.wrong_type(key, "true or false", other)),
        }
    }

    fn profile(&self) -> Result<Option<Profile>, CliError> {
        self.string("profile")?
            .map(|p| {
                Profile::from_name(p).ok_or_else(|| {
                    CliError::usage(format!("invalid profile {p:?}"))
                        .hint("use \"upstream\" or \"datum\"")
                })
            })
            .transpose()
    }

    fn namespace(&self) -> Result<Option<&str>, CliError> {
        Ok(self.string("namespace")?.filter(|n| !n.is_empty()))
    }

    /// The manifest text, refused above the size bound before anything reads it.
    fn manifest(&self) -> Result<&str, CliError> {
        let text = self.required("manifest")?;
        if text.len() > limits::MAX_MANIFEST_BYTES {
            return Err(CliError::usage(format!(
                "the manifest is {} bytes; {} takes at most {} bytes ({} MiB) of manifest text",
                text.len(),
                self.tool,
                limits::MAX_MANIFEST_BYTES,
                limits::MAX_MANIFEST_BYTES / (1024 * 1024)
            ))
            .hint("split it into smaller manifests, or save it to a file and run `datumctl validate -f FILE` or `datumctl apply -f FILE`"));
        }
        Ok(text)
    }

    fn wrong_type(&self, key: &str, wanted: &str, got: &Value) -> CliError {
        CliError::usage(format!(
            "argument {key:?} of {} must be {wanted}, not {}",
            self.tool,
            kind_of(got)
        ))
    }
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The name shown for manifest text in positions (`manifest:LINE:COLUMN: …`).
const SOURCE: &str = "manifest";

/// A client for the target, in `namespace` when one is given.
async fn connect(session: &Session, namespace: Option<&str>) -> Result<ApiClient, CliError> {
    (session.connect)(namespace.map(str::to_string)).await
}

/// The one object a name argument names (`NAME`, or `TYPE/NAME` in any spelling of the type).
fn object_name(verb: &str, name: &str) -> Result<String, CliError> {
    let words = if name.contains('/') {
        vec![name.to_string()]
    } else {
        vec![resource::PLURAL.to_string(), name.to_string()]
    };
    match objects::select(verb, &words, &Default::default())? {
        Selection::Objects(mut refs) if refs.len() == 1 => Ok(refs.remove(0).name),
        _ => Err(CliError::usage(format!(
            "{name:?} does not name one object"
        ))),
    }
}

async fn list(session: &Session, args: &Arguments) -> Result<ToolOutput, CliError> {
    let all = args.flag("all_namespaces")?;
    let columns = Columns {
        wide: args.flag("wide")?,
        namespace: all,
        ..Default::default()
    };
    let options = ListOptions {
        label_selector: args.string("selector")?.map(str::to_string),
        limit: Some(crate::client::api::PAGE_SIZE),
        ..Default::default()
    };
    let client = connect(session, args.namespace()?).await?;
    let ns = client.target.namespace.clone();
    let scope = (!all).then_some(ns.as_str());
    let (items, _) = client
        .list_all(scope, &options)
        .await
        .map_err(|e| e.into_cli(&client.target))?;
    let table = columns.table(&items, Utc::now());
    let rows: Vec<Value> = table
        .rows
        .iter()
        .map(|row| {
            let cells = table.headers.iter().zip(row);
            Value::Object(cells.map(|(h, c)| (h.clone(), json!(c))).collect())
        })
        .collect();
    let text = if items.is_empty() {
        format!("{}\n", crate::resource::no_resources_found(scope))
    } else {
        table.render(true)
    };
    Ok(ToolOutput::with(
        text,
        json!({"namespace": scope, "columns": table.headers, "items": rows}),
    ))
}

/// The live object `name` and the client it came through.
async fn fetch(
    session: &Session,
    args: &Arguments,
    verb: &str,
) -> Result<(ApiClient, Value), CliError> {
    let name = object_name(verb, args.required("name")?)?;
    let client = connect(session, args.namespace()?).await?;
    let ns = client.target.namespace.clone();
    match client.get_policy(&ns, &name).await {
        Ok(object) => Ok((client, object)),
        Err(ClientError::Status(s)) if s.is_not_found() => {
            Err(CliError::failure(anyhow::anyhow!(s.kubectl_message()))
                .verbatim()
                .hint(format!(
                    "list the policies of namespace {ns:?} with {}",
                    tools::LIST
                )))
        }
        Err(e) => Err(e.into_cli(&client.target)),
    }
}

async fn get(session: &Session, args: &Arguments) -> Result<ToolOutput, CliError> {
    let (_, object) = fetch(session, args, "get").await?;
    let object = omit_managed_fields(&object);
    Ok(ToolOutput::text(to_yaml(&object)))
}

async fn describe_one(session: &Session, args: &Arguments) -> Result<ToolOutput, CliError> {
    let (client, object) = fetch(session, args, "describe").await?;
    let meta = &object["metadata"];
    let events = client
        .events_for(
            meta["namespace"]
                .as_str()
                .unwrap_or(&client.target.namespace),
            meta["name"].as_str().unwrap_or(""),
            meta["uid"].as_str(),
        )
        .await
        .map_err(|e| e.into_cli(&client.target))?;
    let style = DescribeStyle {
        color: false,
        now: Utc::now(),
        // A model reads the whole line: no terminal to fit, so MESSAGE is not wrapped short.
        width: 200,
    };
    Ok(ToolOutput::text(describe(
        &object,
        events.as_deref(),
        &style,
    )))
}

fn explain_schema(args: &Arguments) -> Result<ToolOutput, CliError> {
    let path = args.string("path")?.unwrap_or("").trim();
    let qualified = if path.is_empty() {
        resource::PLURAL.to_string()
    } else if resource::split_explain_path(path).is_some() {
        path.to_string()
    } else {
        format!("{}.{path}", resource::PLURAL)
    };
    let steps = resource::split_explain_path(&qualified).unwrap_or_default();
    let root = &schema::embedded().root;
    let target = explain::lookup(root, resource::PLURAL, &steps)
        .map_err(crate::cmd::explain::unknown_field)?;
    let header = explain::ResourceHeader {
        group: GROUP,
        kind: KIND,
        version: VERSION,
        plural: resource::PLURAL,
    };
    let field_path = steps.join(".");
    let options = explain::Options {
        recursive: args.flag("recursive")?,
        max_depth: None,
        path: &field_path,
        marker: (args.profile()? == Some(Profile::Datum)).then_some(datum::restriction as _),
    };
    Ok(ToolOutput::text(explain::render_plaintext(
        &header, &target, &options,
    )))
}

/// Parses manifest text into documents: a syntax error names its line and column.
fn parse(text: &str) -> Result<Vec<Document>, manifest::ManifestError> {
    manifest::parse_source(SOURCE, text)
}

async fn validate_manifest(args: Arguments) -> Result<ToolOutput, CliError> {
    let profile = args.profile()?.unwrap_or(Profile::Upstream);
    let text = args.manifest()?.to_string();
    // Validation is CPU work (CEL rules): off the threads that serve the protocol.
    tokio::task::spawn_blocking(move || validation_report(&text, profile))
        .await
        .map_err(|e| CliError::failure(anyhow::anyhow!("validation failed: {e}")))
}

/// Every document's errors with positions, as `datumctl validate -o json` reports them.
fn validation_report(text: &str, profile: Profile) -> ToolOutput {
    let docs = match parse(text) {
        Ok(docs) => docs,
        Err(e) => {
            let (line, column) = match &e {
                manifest::ManifestError::Syntax { line, column, .. } => (*line, *column),
                _ => (1, 1),
            };
            let message = e.to_string();
            return ToolOutput::with(
                format!("{message}\n0 documents read: the manifest is not valid YAML or JSON\n"),
                json!({"valid": false, "profile": profile_name(profile), "documents": [], "errors": [
                    {"line": line, "column": column, "message": message}
                ]}),
            );
        }
    };
    if docs.is_empty() {
        return ToolOutput::with(
            "no objects found in the manifest\n",
            json!({"valid": false, "profile": profile_name(profile), "documents": [], "errors": [
                {"line": 1, "column": 1, "message": "no objects found in the manifest"}
            ]}),
        );
    }
    let results = validate_all(&docs, profile);
    let mut text = String::new();
    let mut reports = Vec::new();
    let mut invalid = 0;
    for (doc, errors) in docs.iter().zip(&results) {
        if !errors.is_empty() {
            invalid += 1;
        }
        text.push_str(&report::render_human(doc, errors, false));
        reports.push(report::render_json(doc, errors));
    }
    let noun = if docs.len() == 1 {
        "document"
    } else {
        "documents"
    };
    text.push_str(&format!(
        "{} {noun}, {invalid} invalid under the {} profile\n",
        docs.len(),
        profile_name(profile)
    ));
    ToolOutput::with(
        text,
        json!({"valid": invalid == 0, "profile": profile_name(profile), "documents": reports}),
    )
}

fn validate_all(docs: &[Document], profile: Profile) -> Vec<Vec<FieldError>> {
    crate::cmd::validate::validate_documents(docs, &Options { profile })
}

/// The three things a manifest can be sent for.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Write {
    Diff,
    DryRun,
    Apply,
}

/// Validates the manifest under the target's profile, then diffs or applies each object.
async fn write(session: &Session, args: &Arguments, mode: Write) -> Result<ToolOutput, CliError> {
    let text = args.manifest()?;
    let docs = parse(text).map_err(CliError::usage)?;
    if docs.is_empty() {
        return Err(CliError::usage("no objects found in the manifest"));
    }
    let style = ApplyStyle {
        server_side: args.flag("server_side")?,
        ..Default::default()
    };
    let explicit = args.namespace()?.is_some() || session.namespace_given;
    let client = connect(session, args.namespace()?).await?;
    let profile = effective_profile(args.profile()?, Some(&client.target));
    let results = validate_all(&docs, profile);
    let invalid: String = docs
        .iter()
        .zip(&results)
        .map(|(doc, errors)| report::render_human(doc, errors, false))
        .collect();
    if !invalid.is_empty() {
        let count = results.iter().filter(|e| !e.is_empty()).count();
        return Err(CliError::failure(anyhow::anyhow!(
            "{}{count} of {} documents invalid under the {} profile; nothing was sent",
            invalid,
            docs.len(),
            profile_name(profile)
        ))
        .verbatim()
        .hint("fix the errors (validate_manifest reports them) and try again"));
    }
    let mut text = String::new();
    let mut objects = Vec::new();
    let mut failures = Vec::new();
    for doc in &docs {
        let ns = crate::cmd::common::object_namespace(doc, &client.target.namespace, explicit)?;
        let name = doc.name().unwrap_or("").to_string();
        let mut object = doc.value.clone();
        if let Some(meta) = object.get_mut("metadata").and_then(Value::as_object_mut) {
            meta.insert("namespace".into(), Value::String(ns.clone()));
        }
        match apply_object(&client, &style, &ns, &name, object, mode != Write::Apply).await {
            Ok(applied) => {
                let (line, entry) = outcome(&applied, mode, &ns, &name);
                text.push_str(&line);
                objects.push(entry);
            }
            Err(e @ ClientError::Status(_)) => {
                let verb = if mode == Write::Diff {
                    Action::Diffing
                } else {
                    Action::Applying
                };
                failures.push(error_text(&e, verb, SOURCE, Failures::Alone));
            }
            Err(e) => return Err(e.into_cli(&client.target)),
        }
    }
    if !failures.is_empty() {
        let done = if text.is_empty() {
            String::new()
        } else {
            format!("{text}\n")
        };
        return Err(CliError::failure(anyhow::anyhow!(
            "{done}{}\n{} of {} objects failed",
            failures.join("\n"),
            failures.len(),
            docs.len()
        ))
        .verbatim());
    }
    match mode {
        Write::DryRun => text.push_str(
            "\nNothing was changed: this was a server-side dry run. Call apply_manifest again with confirm: true to apply it.\n",
        ),
        Write::Diff if objects.iter().all(|o| o["diff"] == "") => {
            text.push_str("no differences: applying this manifest would change nothing\n")
        }
        _ => {}
    }
    Ok(ToolOutput::with(
        text,
        json!({"dryRun": mode != Write::Apply, "objects": objects}),
    ))
}

/// What one object's apply did or would do: kubectl's result line and the diff.
fn outcome(applied: &AppliedObject, mode: Write, ns: &str, name: &str) -> (String, Value) {
    let (live, merged) = applied.texts_without_status();
    let file = format!("{GROUP}.{VERSION}.{KIND}.{ns}.{name}");
    let diff = unified(&file, &live, &merged, false);
    let verb = match (&applied.live, diff.is_empty()) {
        (None, _) => "created",
        (Some(_), false) => "configured",
        (Some(_), true) => "unchanged",
    };
    let line = match mode {
        Write::Diff => diff.clone(),
        Write::DryRun => format!("{} {verb} (server dry run)\n{diff}", qualified_name(name)),
        Write::Apply => format!("{} {verb}\n{diff}", qualified_name(name)),
    };
    let entry = json!({"name": name, "namespace": ns, "result": verb, "diff": diff});
    (line, entry)
}

async fn delete(session: &Session, args: &Arguments) -> Result<ToolOutput, CliError> {
    let name = object_name("delete", args.required("name")?)?;
    let confirm = args.flag("confirm")?;
    let client = connect(session, args.namespace()?).await?;
    let ns = client.target.namespace.clone();
    match client
        .delete_policy(
            &ns,
            &name,
            &DeleteOptions {
                server_dry_run: !confirm,
                grace_period: None,
            },
        )
        .await
    {
        Ok(_) => {
            let suffix = if confirm { "" } else { " (server dry run)" };
            let mut text = format!("{SINGULAR}.{GROUP} {name:?} deleted{suffix}\n");
            if !confirm {
                text.push_str("\nNothing was deleted: this was a server-side dry run. Call delete_resource again with confirm: true to delete it.\n");
            }
            Ok(ToolOutput::with(
                text,
                json!({"name": name, "namespace": ns, "deleted": confirm, "dryRun": !confirm}),
            ))
        }
        Err(ClientError::Status(s)) if s.is_not_found() => {
            Err(CliError::failure(anyhow::anyhow!(s.kubectl_message())).verbatim())
        }
        Err(e) => Err(e.into_cli(&client.target)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(tool: &str, v: Value) -> Result<Arguments, CliError> {
        match v {
            Value::Object(map) => Arguments::new(tool, map),
            _ => unreachable!("tests pass objects"),
        }
    }

    #[test]
    fn unknown_and_mistyped_arguments_are_named() {
        let e = args(tools::VALIDATE, json!({"manifest": "x", "strict": true}))
            .err()
            .map(|e| e.message());
        assert_eq!(
            e.as_deref(),
            Some("validate_manifest takes no argument \"strict\"")
        );
        let a = args(tools::APPLY, json!({"manifest": "x", "confirm": "yes"})).expect("known");
        assert_eq!(
            a.flag("confirm").map_err(|e| e.message()).err().as_deref(),
            Some("argument \"confirm\" of apply_manifest must be true or false, not a string")
        );
    }

    #[test]
    fn manifests_over_the_bound_are_refused_before_parsing() {
        let big = "#".repeat(limits::MAX_MANIFEST_BYTES + 1);
        let a = args(tools::VALIDATE, json!({"manifest": big})).expect("known");
        let e = a.manifest().err().map(|e| e.message()).unwrap_or_default();
        assert!(e.contains("takes at most 3145728 bytes (3 MiB)"), "{e}");
    }

    #[test]
    fn reports_carry_lines_and_the_api_servers_wording() {
        let text = "apiVersion: gateway.envoyproxy.io/v1alpha1\nkind: BackendTrafficPolicy\nmetadata: {name: a}\nspec:\n  targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: r}]\n  retry: {numRetries: -1}\n";
        let out = validation_report(text, Profile::Upstream);
        let doc = &out.structured.expect("structured")["documents"][0];
        assert_eq!(doc["valid"], false);
        assert_eq!(doc["errors"][0]["line"], 6);
        assert_eq!(doc["errors"][0]["path"], "spec.retry.numRetries");
        assert!(out.text.starts_with("manifest:6:"), "{}", out.text);
        let datum = validation_report(
            &text.replace("numRetries: -1", "numRetries: 1"),
            Profile::Datum,
        );
        assert!(
            datum.text.contains("retry settings are not permitted"),
            "{}",
            datum.text
        );
    }

    #[test]
    fn names_are_read_as_the_commands_read_them() {
        assert_eq!(object_name("get", "web").ok().as_deref(), Some("web"));
        assert_eq!(object_name("get", "btp/web").ok().as_deref(), Some("web"));
        assert!(object_name("get", "pods/web").is_err());
    }
}
