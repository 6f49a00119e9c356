//! `datumctl apply -f …`: validate every document first, then apply each valid object as
//! kubectl does (client-side three-way merge, or `--server-side` in apply_server_side.rs),
//! several at once but reported in input order; what fails is reported after the results and
//! does not stop the others.

use crate::cli::{ApplyArgs, DryRun};
use crate::client::api::{ListOptions, MERGE_PATCH, WriteOptions};
use crate::client::http::ApiClient;
use crate::client::patch::{
    LAST_APPLIED, is_empty_patch, merge_apply, original_of, three_way_patch, with_last_applied,
};
use crate::client::status::{ApiStatus, ClientError};
use crate::client::target::effective_profile;
use crate::cmd::Context;
use crate::cmd::apply_server_side::{conflict_hints, conflicting_managers};
use crate::cmd::common::{
    Action, Failures, InvalidAs, dry_run_suffix, error_text, object_namespace, print_invalid,
    validate_in_parallel,
};
use crate::error::{CliError, CmdResult, Outcome};
use crate::manifest::{self, Document, ManifestError};
use crate::print::output::{OutputFormat, name_line, omit_managed_fields};
use crate::resource::{self, qualified_name};
use crate::validate::FieldValidation;
use crate::validate::{FieldError, Options};
use futures_util::stream::{self, StreamExt};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use tokio::sync::oneshot;

/// kubectl's word for what an apply did to one object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applied {
    Created,
    Configured,
    Unchanged,
    ServerSideApplied,
}

impl Applied {
    pub fn as_str(self) -> &'static str {
        match self {
            Applied::Created => "created",
            Applied::Configured => "configured",
            Applied::Unchanged => "unchanged",
            Applied::ServerSideApplied => "serverside-applied",
        }
    }
}

/// What happened to one object.
#[derive(Debug)]
pub struct ApplyOutcome {
    pub verb: Applied,
    pub object: Value,
}

/// kubectl's flag errors for combinations that cannot work.
fn check_flags(args: &ApplyArgs) -> Result<(), CliError> {
    if args.files.filenames.is_empty() {
        return Err(
            CliError::usage("must specify -f with a file, a directory, or - for stdin")
                .hint("e.g. `datumctl apply -f policy.yaml`, `datumctl apply -f manifests/ -R`"),
        );
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

/// An object (or a file) of the batch that was not applied, reported after the others as
/// kubectl reports them.
enum Failed<'d> {
    /// A file that is not a manifest (YAML syntax, empty).
    Broken(ManifestError),
    /// A document that failed validation; it was not sent.
    Invalid(&'d Document, Vec<FieldError>),
    /// The server (or the way to it) refused it.
    Refused(&'d Document, Action, ClientError),
}

pub async fn run(args: &ApplyArgs, ctx: &Context) -> CmdResult {
    check_flags(args)?;
    let format = match ctx.global.output.as_deref() {
        None => None,
        Some(o) => {
            Some(OutputFormat::parse(Some(o), &["name", "yaml", "json"]).map_err(CliError::usage)?)
        }
    };
    let mode = args.validate.mode;
    let inputs = manifest::read_inputs_each(&args.files.filenames, args.files.recursive)?;
    let total = inputs.len();
    if total == 0 {
        return Err(CliError::usage("no objects passed to apply"));
    }
    let mut docs = Vec::with_capacity(total);
    let mut failed: Vec<Failed> = Vec::new();
    for input in inputs {
        match input {
            manifest::Input::Document(d) => docs.push(d),
            manifest::Input::Broken(e) => failed.push(Failed::Broken(e)),
        }
    }
    let client = crate::cmd::connect::connect(&ctx.global, &ctx.printer).await?;
    // Invalid documents are not sent; the valid ones are applied (as kubectl applies what the
    // server accepts and reports the rest).
    let mut valid: Vec<&Document> = docs.iter().collect();
    if mode != FieldValidation::Ignore {
        let options = Options {
            profile: effective_profile(args.profile, Some(&client.target)),
        };
        let results = validate_in_parallel(&docs, &options);
        valid.clear();
        for (doc, errors) in docs.iter().zip(results) {
            if errors.is_empty() {
                valid.push(doc);
            } else if mode == FieldValidation::Warn {
                print_invalid(doc, &errors, ctx, InvalidAs::Warning);
                valid.push(doc);
            } else {
                failed.push(Failed::Invalid(doc, errors));
            }
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
    let mut jobs = Vec::with_capacity(valid.len());
    for doc in valid {
        let ns = object_namespace(doc, &client.target.namespace, explicit_ns)?;
        let mut object = doc.value.clone();
        if let Some(meta) = object.get_mut("metadata").and_then(Value::as_object_mut) {
            meta.insert("namespace".into(), Value::String(ns.clone()));
        }
        jobs.push((doc, ns, object));
    }
    let mut applier = Applier {
        args,
        client: &client,
        ctx,
        known: None,
    };
    if jobs.len() > PREFETCH_ABOVE && !args.server_side {
        let known = prefetch(&client, &jobs)
            .await
            .map_err(|e| e.into_cli(&client.target))?;
        applier.known = Some(known);
    }
    let applied = applier.apply_all(jobs, format.as_ref(), &mut failed).await;
    if let Some(f) = &format {
        print_objects(ctx, f, applied, total, args.show_managed_fields);
    }
    applier.report(failed, total)
}

/// `-o yaml|json`: the objects applied, after all of them, as kubectl prints them: one object
/// alone, several as one `kind: List` (decided by the number of objects in the input, so the
/// shape does not change when some fail; kubectl prints nothing when any fails).
fn print_objects(
    ctx: &Context,
    format: &OutputFormat,
    applied: Vec<Value>,
    total: usize,
    keep_managed: bool,
) {
    if !matches!(format, OutputFormat::Yaml | OutputFormat::Json)
        || applied.is_empty() && total == 1
    {
        return;
    }
    let applied: Vec<Value> = if keep_managed {
        applied
    } else {
        applied.iter().map(omit_managed_fields).collect()
    };
    let text = match (total, format) {
        (1, _) => applied
            .first()
            .map(|o| format.single_keeping(o, keep_managed))
            .unwrap_or_default(),
        (_, OutputFormat::Json) => apply_list_json(&applied),
        // YAML sorts the keys of the List as of any object.
        _ => format.single(&serde_json::json!({"apiVersion": "v1", "items": applied, "kind": "List", "metadata": {}})),
    };
    ctx.printer.out(&text);
}

/// kubectl's JSON of the List apply prints: a typed List (its keys in declaration order, an
/// empty metadata) around the objects (sorted keys, as every object).
fn apply_list_json(items: &[Value]) -> String {
    let mut text = String::from(
        "{\n    \"kind\": \"List\",\n    \"apiVersion\": \"v1\",\n    \"metadata\": {},\n    \"items\": [",
    );
    for (i, item) in items.iter().enumerate() {
        text.push_str(if i == 0 { "\n        " } else { ",\n        " });
        crate::print::json::write_value(&mut text, item, Some(2));
    }
    text.push_str(if items.is_empty() {
        "]\n}\n"
    } else {
        "\n    ]\n}\n"
    });
    text
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
            limit: Some(crate::client::api::PAGE_SIZE),
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
            if !options.next_page(&page) {
                break;
            }
        }
    }
    Ok(known)
}

pub(crate) struct Applier<'a> {
    pub(crate) args: &'a ApplyArgs,
    pub(crate) client: &'a ApiClient,
    pub(crate) ctx: &'a Context,
    /// Live objects listed up front for large batches; absent names do not exist yet.
    known: Option<HashMap<(String, String), Value>>,
}

impl Applier<'_> {
    /// Applies the jobs (several at once, reported in input order): result lines as they come,
    /// failures added to `failed`. Returns the objects applied, for `-o yaml|json`.
    async fn apply_all<'d>(
        &self,
        jobs: Vec<(&'d Document, String, Value)>,
        format: Option<&OutputFormat>,
        failed: &mut Vec<Failed<'d>>,
    ) -> Vec<Value> {
        let total = jobs.len();
        let p = &self.ctx.printer;
        let progress = p.stderr_tty && total > 20 && !p.json_errors();
        let concurrency = usize::from(self.args.concurrency);
        let (waits, dones) = same_object_chains(&jobs);
        let jobs = jobs.into_iter().zip(waits).zip(dones);
        let mut results = stream::iter(jobs.map(|(((doc, ns, object), wait), done)| async move {
            // A later copy of an object waits for the earlier one and reads it afresh.
            let again = wait.is_some();
            if let Some(earlier) = wait {
                let _ = earlier.await;
            }
            let r = self.apply_one(&ns, object, again).await;
            if let Some(done) = done {
                let _ = done.send(());
            }
            (doc, r)
        }))
        .buffered(concurrency);
        let suffix = dry_run_suffix(self.args.dry_run);
        let mut done = 0usize;
        let mut applied = Vec::new();
        while let Some((doc, result)) = results.next().await {
            done += 1;
            if progress {
                p.progress(done, total);
            }
            let line = match result {
                Ok(outcome) => match format {
                    None => format!(
                        "{} {}{suffix}\n",
                        qualified_name(outcome.object["metadata"]["name"].as_str().unwrap_or("")),
                        outcome.verb.as_str()
                    ),
                    Some(OutputFormat::Name) => name_line(&outcome.object),
                    Some(_) => {
                        applied.push(outcome.object);
                        String::new()
                    }
                },
                Err((verb, e)) => {
                    failed.push(Failed::Refused(doc, verb, e));
                    String::new()
                }
            };
            if progress {
                p.clear_progress();
            }
            if !line.is_empty() {
                p.out(&line);
            }
        }
        applied
    }

    /// Prints the failures after the results, as kubectl does (one alone in kubectl's words
    /// for a single error, several each naming its file), then how many failed.
    fn report(&self, failed: Vec<Failed>, total: usize) -> CmdResult {
        if failed.is_empty() {
            return Ok(Outcome::Success);
        }
        let p = &self.ctx.printer;
        let failures = if failed.len() == 1 {
            Failures::Alone
        } else {
            Failures::Several
        };
        let target = &self.client.target;
        // When nothing was applied and nothing sent reached the server (or it took no
        // credential), that is the one error, printed once with its hints, and the exit code is 3.
        let cut_off =
            |f: &Failed| matches!(f, Failed::Refused(_, _, e) if e.to_cli(target).exit_code() == 3);
        let refused = failed
            .iter()
            .filter(|f| matches!(f, Failed::Refused(..)))
            .count();
        let all_cut_off = refused > 0
            && failed.len() == total
            && failed.iter().filter(|f| cut_off(f)).count() == refused;
        let mut cut: Option<ClientError> = None;
        let count = failed.len();
        for f in failed {
            match f {
                Failed::Broken(e) => p.error(&CliError::from(e)),
                Failed::Invalid(doc, errors) => {
                    print_invalid(doc, &errors, self.ctx, InvalidAs::Error)
                }
                Failed::Refused(_, _, e) if all_cut_off => {
                    cut.get_or_insert(e);
                }
                Failed::Refused(doc, verb, e) => {
                    if p.json_errors() {
                        let mut cli = e.to_cli(&self.client.target);
                        if !conflicting_managers(&e).is_empty() {
                            cli.hints.extend(conflict_hints());
                        }
                        p.error(
                            &cli.detail("file", doc.source.as_str())
                                .detail("index", doc.index)
                                .detail("object", doc.name().unwrap_or("")),
                        );
                    } else {
                        p.err(&format!(
                            "{}\n",
                            error_text(&e, verb, &doc.source, failures)
                        ));
                        if !conflicting_managers(&e).is_empty() {
                            for hint in conflict_hints() {
                                p.err(&format!(
                                    "{}: {hint}\n",
                                    p.paint_err("hint", crate::print::CYAN)
                                ));
                            }
                        }
                    }
                }
            }
        }
        if !p.json_errors() {
            let noun = if total == 1 { "object" } else { "objects" };
            p.err(&format!(
                "error: {count} of {total} {noun} failed to apply\n"
            ));
        }
        match cut {
            Some(e) => Err(e.into_cli(target)),
            None => Ok(Outcome::Failed),
        }
    }

    pub(crate) fn write_options(&self, manager: &str) -> WriteOptions {
        WriteOptions {
            server_dry_run: self.args.dry_run == Some(DryRun::Server),
            field_manager: Some(
                self.args
                    .field_manager
                    .clone()
                    .unwrap_or_else(|| manager.to_string()),
            ),
            force: self.args.force_conflicts,
            field_validation: Some(self.args.validate.mode),
        }
    }

    /// Applies one object; `again` when an earlier document of the batch named it too, so the
    /// prefetched list no longer tells what is stored.
    async fn apply_one(
        &self,
        ns: &str,
        object: Value,
        again: bool,
    ) -> Result<ApplyOutcome, (Action, ClientError)> {
        let name = object["metadata"]["name"]
            .as_str()
            .unwrap_or("")
            .to_string();
        if self.args.server_side {
            return self
                .server_side(ns, &name, &object)
                .await
                .map(|object| ApplyOutcome {
                    verb: Applied::ServerSideApplied,
                    object,
                })
                .map_err(|e| (Action::Patching, e));
        }
        let options = self.write_options("datumctl-client-side-apply");
        let client_dry_run = self.args.dry_run == Some(DryRun::Client);
        let modified = with_last_applied(&object);
        let mut fetched = match self.known.as_ref().filter(|_| !again) {
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
                            verb: Applied::Created,
                            object: modified,
                        });
                    }
                    let created = self
                        .client
                        .create_policy(ns, &modified, &options)
                        .await
                        .map_err(|e| (Action::Creating, e))?;
                    return Ok(ApplyOutcome {
                        verb: Applied::Created,
                        object: created,
                    });
                }
                Err(e) => return Err((Action::Retrieving, e)),
            };
            let original = original_of(&live);
            if original.is_none() && !client_dry_run && attempt == 1 {
                // The resource named as kubectl names it (plural/name).
                self.ctx.printer.warn(&format!(
                    "resource {}/{name} is missing the {LAST_APPLIED} annotation which is required by datumctl apply. datumctl apply should only be used on resources created declaratively by either datumctl apply or kubectl apply. The missing annotation will be patched automatically.",
                    resource::PLURAL,
                ));
            }
            let patch = three_way_patch(original.as_ref(), &modified, &live);
            // kubectl's rule, dry run or not: an empty patch is `unchanged`, any other
            // `configured`, whether or not the server then writes anything.
            if is_empty_patch(&patch) {
                return Ok(ApplyOutcome {
                    verb: Applied::Unchanged,
                    object: live,
                });
            }
            if client_dry_run {
                return Ok(ApplyOutcome {
                    verb: Applied::Configured,
                    object: merge_apply(&live, &patch),
                });
            }
            match self
                .client
                .patch_policy(ns, &name, MERGE_PATCH, &patch, &options)
                .await
            {
                Ok(patched) => {
                    return Ok(ApplyOutcome {
                        verb: Applied::Configured,
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
                Err(e) => return Err((Action::Patching, e)),
            }
        }
    }
}

/// kubectl applies a batch one object after the other; applied several at a time, two documents
/// naming the same object must still go in input order. For each job: what to wait for (the
/// earlier job on its object) and whom to tell when done (the next one).
type Chains = (
    Vec<Option<oneshot::Receiver<()>>>,
    Vec<Option<oneshot::Sender<()>>>,
);

fn same_object_chains(jobs: &[(&Document, String, Value)]) -> Chains {
    let mut waits: Vec<_> = jobs.iter().map(|_| None).collect();
    let mut dones: Vec<_> = jobs.iter().map(|_| None).collect();
    let mut last: HashMap<(&str, &str), usize> = HashMap::new();
    for (i, (_, ns, object)) in jobs.iter().enumerate() {
        let name = object["metadata"]["name"].as_str().unwrap_or("");
        if let Some(earlier) = last.insert((ns.as_str(), name), i) {
            let (done, wait) = oneshot::channel();
            dones[earlier] = Some(done);
            waits[i] = Some(wait);
        }
    }
    (waits, dones)
}

/// kubectl tries a client-side apply patch this many times when it meets a conflict.
pub(crate) const MAX_PATCH_ATTEMPTS: u32 = 5;
