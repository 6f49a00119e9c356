//! `datumctl diff -f FILE…`: the live object against what the server would make of an apply
//! (a server-side dry run), as a unified diff of YAML without server-owned fields. Exit 0 when
//! nothing differs, 1 when something does, 2 or more on errors.

use crate::cli::DiffArgs;
use crate::client::api::{APPLY_PATCH, MERGE_PATCH, WriteOptions};
use crate::client::http::ApiClient;
use crate::client::patch::{original_of, three_way_patch, with_last_applied, without_last_applied};
use crate::client::status::ClientError;
use crate::client::target::effective_profile;
use crate::cmd::Context;
use crate::cmd::common::{InvalidAs, object_namespace, read_documents, validate_all};
use crate::error::{CliError, CmdResult, Outcome};
use crate::print::yaml::to_yaml;
use crate::print::{CYAN, GREEN, RED};
use crate::resource::{GROUP, KIND, VERSION};
use crate::validate::FieldValidation;
use crate::validate::{Options, profile_name};
use serde_json::Value;
use similar::TextDiff;
use std::path::Path;

/// Fields the server owns are left out of both sides.
fn without_server_fields(object: &Value) -> Value {
    let mut copy = object.clone();
    crate::resource::strip_server_metadata(&mut copy);
    copy
}

/// Any error of diff exits 2 or more, as kubectl's does: 1 means "differences found".
fn as_diff_error(mut e: CliError) -> CliError {
    if e.exit_code() == 1 {
        e.exit = Some(2);
    }
    e
}

pub async fn run(args: &DiffArgs, ctx: &Context) -> CmdResult {
    run_inner(args, ctx).await.map_err(as_diff_error)
}

async fn run_inner(args: &DiffArgs, ctx: &Context) -> CmdResult {
    if args.files.filenames.is_empty() {
        return Err(
            CliError::usage("must specify -f with a file, a directory, or - for stdin")
                .hint("e.g. `datumctl diff -f policy.yaml`"),
        );
    }
    if args.force_conflicts && !args.server_side {
        return Err(CliError::usage(
            "--force-conflicts only works with --server-side",
        ));
    }
    let docs = read_documents(&args.files)?;
    let client = crate::cmd::connect::connect(&ctx.global, &ctx.printer).await?;
    let options = Options {
        profile: effective_profile(args.profile, Some(&client.target)),
    };
    if validate_all(&docs, &options, ctx, InvalidAs::Error) > 0 {
        return Err(CliError::invalid(anyhow::anyhow!(
            "invalid manifests under the {} profile; nothing was compared",
            profile_name(options.profile)
        )));
    }
    let explicit = ctx.global.namespace.is_some();
    let mut pairs = Vec::new();
    for doc in &docs {
        let ns = object_namespace(doc, &client.target.namespace, explicit)?;
        let mut object = doc.value.clone();
        if let Some(meta) = object.get_mut("metadata").and_then(Value::as_object_mut) {
            meta.insert("namespace".into(), Value::String(ns.clone()));
        }
        let name = doc.name().unwrap_or("").to_string();
        let (live, merged) = dry_run(&client, args, &ns, &name, object)
            .await
            .map_err(|e| e.into_cli(&client.target))?;
        let file = format!("{GROUP}.{VERSION}.{KIND}.{ns}.{name}");
        pairs.push((file, live, merged));
    }
    let external = ["DATUMCTL_EXTERNAL_DIFF", "KUBECTL_EXTERNAL_DIFF"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()));
    if let Some(program) = external {
        return external_diff(&program, &pairs);
    }
    let mut text = String::new();
    for (file, live, merged) in &pairs {
        text.push_str(&unified(file, live, merged, ctx.printer.color));
    }
    ctx.printer.out(&text);
    Ok(if text.is_empty() {
        Outcome::Success
    } else {
        Outcome::Failed
    })
}

/// How an apply is sent: kubectl's client-side three-way merge or a server-side apply.
#[derive(Debug, Clone, Default)]
pub struct ApplyStyle {
    pub server_side: bool,
    pub field_manager: Option<String>,
    pub force_conflicts: bool,
}

impl ApplyStyle {
    fn field_manager(&self) -> String {
        self.field_manager.clone().unwrap_or_else(|| {
            if self.server_side {
                "datumctl".into()
            } else {
                "datumctl-client-side-apply".into()
            }
        })
    }
}

/// What an apply of one object did, or (in a dry run) would do.
#[derive(Debug, Clone)]
pub struct AppliedObject {
    /// The object before, absent when it did not exist.
    pub live: Option<Value>,
    /// The object as the server stored it, or would store it.
    pub merged: Value,
}

impl AppliedObject {
    /// Both sides as YAML without server-owned fields (the live side empty when absent).
    pub fn texts(&self) -> (String, String) {
        let live = self
            .live
            .as_ref()
            .map(|l| to_yaml(&without_server_fields(l)))
            .unwrap_or_default();
        (live, to_yaml(&without_server_fields(&self.merged)))
    }

    /// `texts` without `status` either: an apply never writes it, so a difference there is a
    /// controller's write landing between the two reads, not something the apply changes.
    pub fn texts_without_status(&self) -> (String, String) {
        let strip = |v: &Value| {
            let mut copy = without_server_fields(v);
            if let Some(map) = copy.as_object_mut() {
                map.remove("status");
            }
            to_yaml(&copy)
        };
        let live = self.live.as_ref().map(strip).unwrap_or_default();
        (live, strip(&self.merged))
    }
}

/// The live YAML (empty when absent) and the YAML the server would store.
async fn dry_run(
    client: &ApiClient,
    args: &DiffArgs,
    ns: &str,
    name: &str,
    object: Value,
) -> Result<(String, String), ClientError> {
    let style = ApplyStyle {
        server_side: args.server_side,
        field_manager: args.field_manager.clone(),
        force_conflicts: args.force_conflicts,
    };
    Ok(apply_object(client, &style, ns, name, object, true)
        .await?
        .texts())
}

/// Applies one object as `apply` does, or with `dry_run` as the server would (nothing
/// changes). A dry run leaves the last-applied annotation as it is, as kubectl diff does, so
/// it never shows as a change.
pub async fn apply_object(
    client: &ApiClient,
    style: &ApplyStyle,
    ns: &str,
    name: &str,
    object: Value,
    dry_run: bool,
) -> Result<AppliedObject, ClientError> {
    let live = match client.get_policy(ns, name).await {
        Ok(v) => Some(v),
        Err(e) if e.is_not_found() => None,
        Err(e) => return Err(e),
    };
    let options = WriteOptions {
        server_dry_run: dry_run,
        field_manager: Some(style.field_manager()),
        force: style.force_conflicts,
        field_validation: Some(FieldValidation::Strict),
    };
    let modified = if dry_run {
        without_last_applied(&object)
    } else {
        with_last_applied(&object)
    };
    let merged = if style.server_side {
        client
            .patch_policy(ns, name, APPLY_PATCH, &object, &options)
            .await?
    } else {
        match &live {
            None if dry_run => client.create_policy(ns, &object, &options).await?,
            None => client.create_policy(ns, &modified, &options).await?,
            Some(live) => {
                let patch = three_way_patch(original_of(live).as_ref(), &modified, live);
                client
                    .patch_policy(ns, name, MERGE_PATCH, &patch, &options)
                    .await?
            }
        }
    };
    Ok(AppliedObject { live, merged })
}

/// `diff -u` output for one object, empty when both sides are equal.
pub fn unified(file: &str, live: &str, merged: &str, color: bool) -> String {
    if live == merged {
        return String::new();
    }
    let (a, b) = (format!("live/{file}"), format!("merged/{file}"));
    let diff = TextDiff::from_lines(live, merged);
    let body = diff
        .unified_diff()
        .context_radius(3)
        .header(&a, &b)
        .to_string();
    let mut out = format!("diff -u -N {a} {b}\n");
    for line in body.split_inclusive('\n') {
        let code = if line.starts_with("+++") || line.starts_with("---") {
            None
        } else if line.starts_with('+') {
            Some(GREEN)
        } else if line.starts_with('-') {
            Some(RED)
        } else if line.starts_with("@@") {
            Some(CYAN)
        } else {
            None
        };
        match code {
            Some(c) if color => {
                out.push_str(&crate::print::paint(true, line.trim_end_matches('\n'), c));
                out.push('\n');
            }
            _ => out.push_str(line),
        }
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// Writes both sides into LIVE-… and MERGED-… directories and runs the user's program on them.
fn external_diff(program: &str, pairs: &[(String, String, String)]) -> CmdResult {
    let root = std::env::temp_dir().join(format!(
        "datumctl-diff-{}-{}",
        std::process::id(),
        fastrand::u32(..)
    ));
    let live_dir = root.join("LIVE");
    let merged_dir = root.join("MERGED");
    let write = |dir: &Path, name: &str, text: &str| -> Result<(), CliError> {
        std::fs::create_dir_all(dir)
            .and_then(|_| std::fs::write(dir.join(name), text))
            .map_err(|e| CliError::usage(format!("cannot write {}: {e}", dir.display())))
    };
    for (file, live, merged) in pairs {
        write(&live_dir, file, live)?;
        write(&merged_dir, file, merged)?;
    }
    let mut words = program.split_whitespace();
    let cmd = words.next().unwrap_or("diff");
    let status = std::process::Command::new(cmd)
        .args(words)
        .arg(&live_dir)
        .arg(&merged_dir)
        .status();
    let _ = std::fs::remove_dir_all(&root);
    let status =
        status.map_err(|e| CliError::usage(format!("cannot run external diff {cmd:?}: {e}")))?;
    match status.code() {
        Some(0) => Ok(Outcome::Success),
        Some(1) => Ok(Outcome::Failed),
        code => Err(CliError::usage(format!(
            "external diff {cmd:?} failed with exit status {}",
            code.map_or("(signal)".to_string(), |c| c.to_string())
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_sides_print_nothing_and_changes_show_hunks() {
        assert_eq!(unified("f", "a: 1\n", "a: 1\n", false), "");
        let out = unified("f", "a: 1\nb: 2\n", "a: 1\nb: 3\n", false);
        assert_eq!(
            out,
            "diff -u -N live/f merged/f\n--- live/f\n+++ merged/f\n@@ -1,2 +1,2 @@\n a: 1\n-b: 2\n+b: 3\n"
        );
    }

    #[test]
    fn server_fields_are_left_out() {
        let v = serde_json::json!({"metadata": {"name": "x", "resourceVersion": "5", "managedFields": []}});
        assert_eq!(
            without_server_fields(&v),
            serde_json::json!({"metadata": {"name": "x"}})
        );
    }
}
