//! `datumctl apply -f …`: validate every document first, then apply each object as kubectl does
//! (client-side three-way merge, or `--server-side`), several at once but reported in input
//! order; one failure does not stop the others.

use crate::cli::{ApplyArgs, DryRun};
use crate::client::api::{APPLY_PATCH, ListOptions, MERGE_PATCH, WriteOptions, runtime};
use crate::client::http::ApiClient;
use crate::client::patch::{
    LAST_APPLIED, is_empty_patch, merge_apply, original_of, three_way_patch, with_last_applied,
};
use crate::client::status::{ApiStatus, ClientError};
use crate::client::target::effective_profile;
use crate::cmd::Context;
use crate::error::{CliError, CmdResult, Outcome};
use crate::manifest::{self, Document};
use crate::print::output::{OutputFormat, name_line};
use crate::print::yaml::to_yaml;
use crate::resource::{self, qualified_name};
use crate::validate::{FieldError, Options, profile_name, report};
use futures_util::stream::{self, StreamExt};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// What happened to one object.
#[derive(Debug)]
pub struct ApplyOutcome {
    pub verb: &'static str,
    pub object: Value,
}

/// `--validate`: refuse invalid documents, only warn, or skip the check.
#[derive(Debug, Clone, Copy, PartialEq)]
enum ValidateMode {
    Strict,
    Warn,
    Ignore,
}

fn validate_mode(text: &str) -> Result<ValidateMode, CliError> {
    match text {
        "true" | "strict" => Ok(ValidateMode::Strict),
        "warn" => Ok(ValidateMode::Warn),
        "false" | "ignore" => Ok(ValidateMode::Ignore),
        other => Err(CliError::usage(format!(
            "invalid --validate {other:?}: use true (or strict), warn, or false (or ignore)"
        ))),
    }
}

/// kubectl's flag errors for combinations that cannot work.
fn check_flags(args: &ApplyArgs) -> Result<(), CliError> {
    if args.files.filenames.is_empty() {
        return Err(CliError::usage("must specify one of -f and -k"));
    }
    if args.server_side && args.dry_run == Some(DryRun::Client) {
        return Err(CliError::usage(
            "--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)",
        ));
    }
    if args.force_conflicts && !args.server_side {
        return Err(CliError::usage(
            "--force-conflicts only works with --server-side",
        ));
    }
    Ok(())
}

/// The suffix kubectl adds to result lines in a dry run.
pub fn dry_run_suffix(dry_run: Option<DryRun>) -> &'static str {
    match dry_run {
        Some(DryRun::Client) => " (dry run)",
        Some(DryRun::Server) => " (server dry run)",
        _ => "",
    }
}

/// Reads the inputs; unreadable input is a usage error (exit 2).
pub fn read_documents(files: &crate::cli::FileArgs) -> Result<Vec<Document>, CliError> {
    let docs = manifest::read_inputs(&files.filenames, files.recursive).map_err(CliError::usage)?;
    if docs.is_empty() {
        return Err(CliError::usage("no objects passed to apply"));
    }
    Ok(docs)
}

/// Validates every document, printing errors as `validate` does. Returns how many are invalid.
pub fn validate_all(docs: &[Document], options: &Options, ctx: &Context, warn: bool) -> usize {
    let results = validate_in_parallel(docs, options);
    let mut invalid = 0;
    let mut text = String::new();
    for (doc, errors) in docs.iter().zip(&results) {
        if !errors.is_empty() {
            invalid += 1;
            if warn {
                text.push_str("Warning: ");
            }
            text.push_str(&report::render_human(doc, errors, ctx.printer.color_err));
        }
    }
    ctx.printer.err(&text);
    invalid
}

/// Each document's errors, in input order; large batches are split across the CPU cores
/// because validation (CEL rules included) is the client's main cost in a big apply.
fn validate_in_parallel(docs: &[Document], options: &Options) -> Vec<Vec<FieldError>> {
    let check = |doc: &Document| {
        let mut copy = doc.value.clone();
        crate::validate::validate_object(&mut copy, options)
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(8);
    if docs.len() < 64 || threads < 2 {
        return docs.iter().map(check).collect();
    }
    let chunk = docs.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = docs
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(check).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    })
}

/// The namespace an object goes to; a namespace in the file that contradicts `-n` is an error.
pub fn object_namespace(
    doc: &Document,
    target_ns: &str,
    explicit: bool,
) -> Result<String, CliError> {
    match doc.value["metadata"]["namespace"]
        .as_str()
        .filter(|n| !n.is_empty())
    {
        Some(ns) if explicit && ns != target_ns => Err(CliError::usage(format!(
            "the namespace from the provided object {ns:?} does not match the namespace {target_ns:?}. You must pass '--namespace={ns}' to perform this operation."
        ))),
        Some(ns) => Ok(ns.to_string()),
        None => Ok(target_ns.to_string()),
    }
}

pub fn run(args: &ApplyArgs, ctx: &Context) -> CmdResult {
    check_flags(args)?;
    let format = match ctx.global.output.as_deref() {
        None => None,
        Some(o) => {
            Some(OutputFormat::parse(Some(o), &["name", "yaml", "json"]).map_err(CliError::usage)?)
        }
    };
    let mode = validate_mode(&args.validate)?;
    let docs = read_documents(&args.files)?;
    let client = crate::client::connect(&ctx.global, &ctx.printer)?;
    if mode != ValidateMode::Ignore {
        let options = Options {
            profile: effective_profile(args.profile, Some(&client.target)),
        };
        let invalid = validate_all(&docs, &options, ctx, mode == ValidateMode::Warn);
        if invalid > 0 && mode == ValidateMode::Strict {
            let noun = if docs.len() == 1 {
                "document"
            } else {
                "documents"
            };
            ctx.printer.err(&format!(
                "error: {invalid} of {} {noun} invalid under the {} profile; nothing was applied (--validate=false sends them anyway)\n",
                docs.len(),
                profile_name(options.profile)
            ));
            return Ok(Outcome::Failed);
        }
    } else if let Some(doc) = docs.iter().find(|d| {
        d.kind() != Some(resource::KIND) || d.value["apiVersion"] != resource::API_VERSION
    }) {
        return Err(CliError::failure(anyhow::anyhow!(
            "no matches for kind {:?} in version {:?} in {}: datumctl applies {} only",
            doc.kind().unwrap_or(""),
            doc.value["apiVersion"].as_str().unwrap_or(""),
            doc.source,
            resource::KIND
        )));
    }
    let explicit_ns = ctx.global.namespace.is_some();
    let mut jobs = Vec::with_capacity(docs.len());
    for doc in &docs {
        let ns = object_namespace(doc, &client.target.namespace, explicit_ns)?;
        let mut object = doc.value.clone();
        if let Some(meta) = object.get_mut("metadata").and_then(Value::as_object_mut) {
            meta.insert("namespace".into(), Value::String(ns.clone()));
        }
        jobs.push((doc, ns, object));
    }
    let rt = runtime().map_err(|e| CliError::failure(anyhow::Error::new(e)))?;
    let mut applier = Applier {
        args,
        client: &client,
        ctx,
        known: None,
    };
    rt.block_on(async {
        if jobs.len() > PREFETCH_ABOVE && !args.server_side {
            match prefetch(&client, &jobs).await {
                Ok(known) => applier.known = Some(known),
                Err(e) => return Err(e.into_cli(&client.target)),
            }
        }
        applier.apply_all(jobs, format).await
    })
}

/// Above this many objects, one paged list replaces a GET per object.
const PREFETCH_ABOVE: usize = 20;

/// The live objects among those about to be applied, from paged lists of their namespaces.
async fn prefetch(
    client: &ApiClient,
    jobs: &[(&Document, String, Value)],
) -> Result<HashMap<(String, String), Value>, ClientError> {
    let wanted: HashSet<(String, String)> = jobs
        .iter()
        .map(|(_, ns, o)| {
            let name = o["metadata"]["name"].as_str().unwrap_or("").to_string();
            (ns.clone(), name)
        })
        .collect();
    let namespaces: HashSet<&String> = jobs.iter().map(|(_, ns, _)| ns).collect();
    let mut known = HashMap::new();
    for ns in namespaces {
        let mut options = ListOptions {
            limit: Some(500),
            ..Default::default()
        };
        loop {
            let mut page = client.list_page(Some(ns), &options).await?;
            if let Some(Value::Array(items)) = page.get_mut("items").map(Value::take) {
                for item in items {
                    let key = (
                        ns.clone(),
                        item["metadata"]["name"].as_str().unwrap_or("").to_string(),
                    );
                    if wanted.contains(&key) {
                        known.insert(key, item);
                    }
                }
            }
            match page["metadata"]["continue"]
                .as_str()
                .filter(|c| !c.is_empty())
            {
                Some(c) => options.continue_token = Some(c.to_string()),
                None => break,
            }
        }
    }
    Ok(known)
}

struct Applier<'a> {
    args: &'a ApplyArgs,
    client: &'a ApiClient,
    ctx: &'a Context,
    /// Live objects listed up front for large batches; absent names do not exist yet.
    known: Option<HashMap<(String, String), Value>>,
}

impl Applier<'_> {
    async fn apply_all(
        &self,
        jobs: Vec<(&Document, String, Value)>,
        format: Option<OutputFormat>,
    ) -> CmdResult {
        let total = jobs.len();
        let progress = self.ctx.printer.stderr_tty && total > 20;
        let concurrency = usize::from(self.args.concurrency);
        let mut results = stream::iter(jobs.into_iter().map(|(doc, ns, object)| async move {
            let r = self.apply_one(&ns, object).await;
            (doc, r)
        }))
        .buffered(concurrency);
        let p = &self.ctx.printer;
        let suffix = dry_run_suffix(self.args.dry_run);
        let (mut done, mut failed, mut printed) = (0usize, 0usize, 0usize);
        let mut unreachable: Option<ClientError> = None;
        while let Some((doc, result)) = results.next().await {
            done += 1;
            if progress {
                p.err(&format!("\r\x1b[2K{}", progress_bar(done, total)));
            }
            let line = match result {
                Ok(outcome) => match &format {
                    None => format!(
                        "{} {}{suffix}\n",
                        qualified_name(outcome.object["metadata"]["name"].as_str().unwrap_or("")),
                        outcome.verb
                    ),
                    Some(OutputFormat::Name) => name_line(&outcome.object),
                    Some(OutputFormat::Yaml) => {
                        printed += 1;
                        let sep = if printed > 1 { "---\n" } else { "" };
                        format!("{sep}{}", to_yaml(&outcome.object))
                    }
                    Some(f) => f.single(&outcome.object),
                },
                Err(e) => {
                    failed += 1;
                    if progress {
                        p.err("\r\x1b[2K");
                    }
                    let (verb, e) = e;
                    p.err(&format!("{}\n", error_text(&e, verb, &doc.source)));
                    if !matches!(e, ClientError::Status(_)) && unreachable.is_none() {
                        unreachable = Some(e);
                    }
                    continue;
                }
            };
            if progress {
                p.err("\r\x1b[2K");
            }
            p.out(&line);
        }
        if failed > 0 {
            let noun = if total == 1 { "object" } else { "objects" };
            p.err(&format!(
                "error: {failed} of {total} {noun} failed to apply\n"
            ));
            if let Some(e) = unreachable
                && failed == total
            {
                return Err(e.into_cli(&self.client.target));
            }
            return Ok(Outcome::Failed);
        }
        Ok(Outcome::Success)
    }

    fn write_options(&self, manager: &str) -> WriteOptions {
        WriteOptions {
            server_dry_run: self.args.dry_run == Some(DryRun::Server),
            field_manager: Some(
                self.args
                    .field_manager
                    .clone()
                    .unwrap_or_else(|| manager.to_string()),
            ),
            force: self.args.force_conflicts,
            field_validation: Some(match validate_mode(&self.args.validate) {
                Ok(ValidateMode::Warn) => "Warn",
                Ok(ValidateMode::Ignore) => "Ignore",
                _ => "Strict",
            }),
        }
    }

    async fn apply_one(
        &self,
        ns: &str,
        object: Value,
    ) -> Result<ApplyOutcome, (&'static str, ClientError)> {
        let name = object["metadata"]["name"]
            .as_str()
            .unwrap_or("")
            .to_string();
        if self.args.server_side {
            let options = self.write_options("datumctl");
            let result = self
                .client
                .patch_policy(ns, &name, APPLY_PATCH, &object, &options)
                .await
                .map_err(|e| ("patching", e))?;
            return Ok(ApplyOutcome {
                verb: "serverside-applied",
                object: result,
            });
        }
        let options = self.write_options("datumctl-client-side-apply");
        let client_dry_run = self.args.dry_run == Some(DryRun::Client);
        let modified = with_last_applied(&object);
        let mut fetched = match &self.known {
            Some(known) => match known.get(&(ns.to_string(), name.clone())) {
                Some(live) => Ok(live.clone()),
                None => Err(ClientError::Status(Box::new(ApiStatus {
                    code: 404,
                    reason: "NotFound".into(),
                    message: String::new(),
                    details: Value::Null,
                }))),
            },
            None => self.client.get_policy(ns, &name).await,
        };
        let mut attempt = 0;
        loop {
            attempt += 1;
            let live = match fetched {
                Ok(live) => live,
                Err(e) if e.is_not_found() => {
                    if client_dry_run {
                        return Ok(ApplyOutcome {
                            verb: "created",
                            object: modified,
                        });
                    }
                    let created = self
                        .client
                        .create_policy(ns, &modified, &options)
                        .await
                        .map_err(|e| ("creating", e))?;
                    return Ok(ApplyOutcome {
                        verb: "created",
                        object: created,
                    });
                }
                Err(e) => return Err(("retrieving current configuration of", e)),
            };
            let original = original_of(&live);
            if original.is_none() && !client_dry_run && attempt == 1 {
                self.ctx.printer.warn(&format!(
                    "resource {}.{}/{name} is missing the {LAST_APPLIED} annotation which is required by datumctl apply. datumctl apply should only be used on resources created declaratively by either datumctl apply or kubectl apply. The missing annotation will be patched automatically.",
                    resource::PLURAL,
                    resource::GROUP
                ));
            }
            let patch = three_way_patch(original.as_ref(), &modified, &live);
            if client_dry_run {
                return Ok(ApplyOutcome {
                    verb: "configured",
                    object: merge_apply(&live, &patch),
                });
            }
            if is_empty_patch(&patch) {
                return Ok(ApplyOutcome {
                    verb: "unchanged",
                    object: live,
                });
            }
            match self
                .client
                .patch_policy(ns, &name, MERGE_PATCH, &patch, &options)
                .await
            {
                Ok(patched) => {
                    // The server wrote nothing (the patch only spelled out defaults): the
                    // resourceVersion did not move.
                    let same = patched["metadata"]["resourceVersion"]
                        == live["metadata"]["resourceVersion"];
                    return Ok(ApplyOutcome {
                        verb: if same { "unchanged" } else { "configured" },
                        object: patched,
                    });
                }
                // The object changed between our read and our patch: read it again and
                // compute the patch anew, as kubectl does.
                Err(e)
                    if e.status().is_some_and(|s| s.code == 409)
                        && attempt < MAX_PATCH_ATTEMPTS =>
                {
                    fetched = self.client.get_policy(ns, &name).await;
                }
                Err(e) => return Err(("patching", e)),
            }
        }
    }
}

/// kubectl tries a client-side apply patch this many times when it meets a conflict.
const MAX_PATCH_ATTEMPTS: u32 = 5;

/// `[########            ] 120/500`
fn progress_bar(done: usize, total: usize) -> String {
    const WIDTH: usize = 30;
    let filled = (done * WIDTH).checked_div(total).unwrap_or(WIDTH);
    format!(
        "[{}{}] {done}/{total}",
        "#".repeat(filled),
        " ".repeat(WIDTH - filled)
    )
}

/// kubectl's words for a failed object: invalid objects by their causes, other errors with the
/// file they came from.
pub fn error_text(e: &ClientError, verb: &str, source: &str) -> String {
    match e {
        ClientError::Status(s) if s.code == 422 || s.reason == "Invalid" => s.kubectl_message(),
        ClientError::Status(s) if !s.reason.is_empty() => format!(
            "Error from server ({}): error when {verb} {source:?}: {}",
            s.reason, s.message
        ),
        ClientError::Status(s) => {
            format!(
                "Error from server: error when {verb} {source:?}: {}",
                s.message
            )
        }
        other => format!("error: {other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_bar_fills_in_proportion() {
        assert_eq!(progress_bar(0, 4), format!("[{}] 0/4", " ".repeat(30)));
        assert_eq!(
            progress_bar(2, 4),
            format!("[{}{}] 2/4", "#".repeat(15), " ".repeat(15))
        );
        assert_eq!(progress_bar(4, 4), format!("[{}] 4/4", "#".repeat(30)));
    }

    #[test]
    fn dry_run_suffixes() {
        assert_eq!(dry_run_suffix(Some(DryRun::Client)), " (dry run)");
        assert_eq!(dry_run_suffix(Some(DryRun::Server)), " (server dry run)");
        assert_eq!(dry_run_suffix(None), "");
    }
}
