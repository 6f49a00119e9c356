//! `datumctl edit btp NAME`: the policy opens in `$KUBE_EDITOR`, `$EDITOR` or `vi` (YAML, or
//! JSON with `-o json`), and what changed is sent as a merge patch, as kubectl sends it — so a
//! change made meanwhile to other fields is kept, and an edited resourceVersion is a conflict.
//! The edit is checked with the server's validator first; an invalid edit or a refusal reopens
//! the file with the reasons on top. The file is private (0600) and removed unless it holds
//! changes that could not be saved, which kubectl keeps too and names.

use crate::cli::EditArgs;
use crate::client::api::MERGE_PATCH;
use crate::client::http::ApiClient;
use crate::client::patch::is_empty_patch;
use crate::client::status::{ApiStatus, ClientError};
use crate::cmd::Context;
use crate::cmd::create::{local_refusal, profile_for, write_options};
use crate::cmd::objects;
use crate::error::{CliError, CmdResult, Outcome};
use crate::patch::merge_diff;
use crate::print::json::to_json_pretty;
use crate::print::output::omit_managed_fields;
use crate::print::yaml::to_yaml;
use crate::resource::{GROUP, PLURAL, qualified_name};
use crate::validate::Profile;
use serde_json::Value;
use std::path::{Path, PathBuf};

const HEADER: &str = "# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
";

/// Why the last attempt was not saved: a headline and its details.
struct Reason {
    head: String,
    details: Vec<String>,
}

/// Lines starting with `#` (after blanks) removed, as kubectl compares edits.
fn strip_comments(text: &str) -> String {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect()
}

fn header_with(reasons: &[Reason]) -> String {
    let mut text = HEADER.to_string();
    for r in reasons {
        let colon = if r.details.is_empty() { "" } else { ":" };
        text.push_str(&format!("# {}{colon}\n", r.head.replace('\n', "\n# ")));
        for d in &r.details {
            text.push_str(&format!("# * {}\n", d.replace('\n', "\n# ")));
        }
        text.push_str("#\n");
    }
    text
}

/// The editor command: `KUBE_EDITOR`, then `EDITOR`, then `vi`.
fn editor() -> String {
    ["KUBE_EDITOR", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string())
}

/// A new private file in the temporary directory holding `text`.
fn private_file(text: &str, ext: &str) -> std::io::Result<PathBuf> {
    use std::io::Write;
    let dir = std::env::temp_dir();
    loop {
        let path = dir.join(format!("datumctl-edit-{}.{ext}", fastrand::u32(..)));
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        match options.open(&path) {
            Ok(mut f) => {
                f.write_all(text.as_bytes())?;
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Runs the editor on `path` through the shell, so `EDITOR="code --wait"` works.
fn launch(path: &Path) -> Result<String, CliError> {
    let command = editor();
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{command} \"$1\""))
        .arg("sh")
        .arg(path)
        .status()
        .map_err(|e| {
            CliError::failure(anyhow::anyhow!("cannot start the editor {command:?}: {e}"))
        })?;
    if !status.success() {
        return Err(CliError::failure(anyhow::anyhow!(
            "there was a problem with the editor {command:?}"
        )));
    }
    std::fs::read_to_string(path).map_err(|e| {
        CliError::failure(anyhow::anyhow!(
            "cannot read the edited file {}: {e}",
            path.display()
        ))
    })
}

fn io_error(e: std::io::Error) -> CliError {
    CliError::failure(anyhow::anyhow!("cannot write the file to edit: {e}"))
}

pub async fn run(args: &EditArgs, ctx: &Context) -> CmdResult {
    let json = match ctx.global.output.as_deref() {
        None | Some("yaml") => false,
        Some("json") => true,
        Some(other) => {
            return Err(CliError::usage(format!(
                "the edit mode {other:?} is not supported: use -o yaml or -o json"
            )));
        }
    };
    let selection = objects::select(
        "edit",
        &objects::words(args.resource.as_ref(), &args.names),
        &args.files,
    )?;
    let client = crate::cmd::connect::connect(&ctx.global, &ctx.printer).await?;
    let target = match selection.placed(&client.target.namespace, ctx.global.namespace.is_some())? {
        Some(mut objects) if objects.len() == 1 => objects.remove(0),
        _ => {
            return Err(CliError::usage(
                "datumctl edit opens one policy at a time: name it as TYPE NAME, TYPE/NAME or one object in -f",
            ));
        }
    };
    let live = client
        .get_policy(&target.namespace, &target.name)
        .await
        .map_err(|e| e.into_cli(&client.target))?;
    let session = Session {
        client: &client,
        ctx,
        json,
        profile: profile_for(args.profile, &client),
        options: write_options(None, &args.field_manager, "edit"),
        shown: omit_managed_fields(&live),
        namespace: target.namespace,
        name: target.name,
    };
    session.run().await
}

struct Session<'a> {
    client: &'a ApiClient,
    ctx: &'a Context,
    json: bool,
    profile: Profile,
    options: crate::client::api::WriteOptions,
    /// The object as it was opened.
    shown: Value,
    namespace: String,
    name: String,
}

/// What one round of editing led to.
enum Round {
    Done(Outcome),
    /// Reopen with these reasons on top of the edited text.
    Reopen(Vec<Reason>),
}

impl Session<'_> {
    fn render(&self, object: &Value) -> String {
        if self.json {
            to_json_pretty(object)
        } else {
            format!("{HEADER}{}", to_yaml(object))
        }
    }

    fn resource(&self) -> String {
        format!("{PLURAL}.{GROUP} {:?}", self.name)
    }

    async fn run(&self) -> CmdResult {
        let original = self.render(&self.shown);
        let ext = if self.json { "json" } else { "yaml" };
        let p = &self.ctx.printer;
        let mut text = original.clone();
        let mut previous: Option<(PathBuf, String)> = None;
        loop {
            let path = private_file(&text, ext).map_err(io_error)?;
            let edited = launch(&path)?;
            if let Some((old_path, old_edit)) = previous.take() {
                if strip_comments(&old_edit) == strip_comments(&edited) {
                    let _ = std::fs::remove_file(&old_path);
                    p.err(&format!(
                        "A copy of your changes has been stored to {:?}\n",
                        path.display().to_string()
                    ));
                    return Err(CliError::failure(anyhow::anyhow!(
                        "Edit cancelled, no valid changes were saved."
                    )));
                }
                let _ = std::fs::remove_file(&old_path);
            }
            if strip_comments(&original) == strip_comments(&edited) {
                let _ = std::fs::remove_file(&path);
                p.err("Edit cancelled, no changes made.\n");
                return Ok(Outcome::Success);
            }
            match self.round(&edited, &path).await? {
                Round::Done(outcome) => return Ok(outcome),
                Round::Reopen(reasons) => {
                    let body = strip_comments(&edited);
                    text = if self.json {
                        body
                    } else {
                        format!("{}{body}", header_with(&reasons))
                    };
                    previous = Some((path, text.clone()));
                }
            }
        }
    }

    /// Reads, checks and sends one edit.
    async fn round(&self, edited: &str, path: &Path) -> Result<Round, CliError> {
        let p = &self.ctx.printer;
        let invalid = |detail: String| {
            p.err(&format!("error: {} is invalid\n", self.resource()));
            Round::Reopen(vec![Reason {
                head: format!("{} was not valid", self.resource()),
                details: vec![format!(
                    "<nil>: Invalid value: \"The edited file failed validation\": {detail}"
                )],
            }])
        };
        let object = match crate::manifest::parse_source(&path.display().to_string(), edited) {
            Ok(docs) if docs.len() == 1 => docs.into_iter().next().map(|d| d.value),
            Ok(docs) if docs.is_empty() => return Ok(invalid("invalid object to validate".into())),
            Ok(_) => return Ok(invalid("the edited file holds more than one object".into())),
            Err(e) => return Ok(invalid(e.to_string())),
        };
        let Some(object) = object.filter(Value::is_object) else {
            return Ok(invalid("invalid object to validate".into()));
        };
        for field in ["apiVersion", "kind"] {
            if object[field] != self.shown[field] {
                return self.changed_identity(path);
            }
        }
        if object["metadata"]["name"] != self.shown["metadata"]["name"] {
            return self.changed_identity(path);
        }
        if let Some(status) = local_refusal(&object, Some(&self.shown), self.profile) {
            return Ok(self.refused(&status));
        }
        let patch = merge_diff(&self.shown, &object);
        if is_empty_patch(&patch) {
            let _ = std::fs::remove_file(path);
            p.err("Edit cancelled, no changes made.\n");
            return Ok(Round::Done(Outcome::Success));
        }
        let sent = self
            .client
            .patch_policy(
                &self.namespace,
                &self.name,
                MERGE_PATCH,
                &patch,
                &self.options,
            )
            .await;
        let shown_path = format!("{:?}", path.display().to_string());
        match sent {
            Ok(_) => {
                let _ = std::fs::remove_file(path);
                p.out(&format!("{} edited\n", qualified_name(&self.name)));
                Ok(Round::Done(Outcome::Success))
            }
            Err(ClientError::Status(s)) if s.code == 422 || s.reason == "Invalid" => {
                Ok(self.refused(&s))
            }
            Err(ClientError::Status(s)) if s.is_not_found() => {
                p.err(&format!(
                    "error: {} could not be found on the server\nThe edits you made on deleted resources have been saved to {shown_path}\n",
                    self.resource()
                ));
                Ok(Round::Done(Outcome::Failed))
            }
            Err(ClientError::Status(s)) => {
                p.err(&format!(
                    "error: {} could not be patched: {}\nYou can run `datumctl replace -f {}` to try this update again.\n",
                    self.resource(),
                    s.message,
                    path.display()
                ));
                Ok(Round::Done(Outcome::Failed))
            }
            Err(e) => Err(e.into_cli(&self.client.target)),
        }
    }

    fn changed_identity(&self, path: &Path) -> Result<Round, CliError> {
        self.ctx.printer.err(&format!(
            "A copy of your changes has been stored to {:?}\n",
            path.display().to_string()
        ));
        Err(CliError::failure(anyhow::anyhow!(
            "At least one of apiVersion, kind and name was changed"
        )))
    }

    /// An invalid edit (here or at the server): say so and reopen with the causes.
    fn refused(&self, status: &ApiStatus) -> Round {
        self.ctx
            .printer
            .err(&format!("error: {} is invalid\n", self.resource()));
        let details = status.details["causes"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|c| {
                format!(
                    "{}: {}",
                    c["field"].as_str().unwrap_or("<nil>"),
                    c["message"].as_str().unwrap_or("")
                )
            })
            .collect();
        Round::Reopen(vec![Reason {
            head: format!("{} was not valid", self.resource()),
            details,
        }])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_do_not_count_as_changes() {
        assert_eq!(strip_comments("# a\nx: 1\n  # b\n"), "x: 1\n");
    }

    #[test]
    fn reasons_become_a_comment_header() {
        let text = header_with(&[Reason {
            head: "backendtrafficpolicies.gateway.envoyproxy.io \"a\" was not valid".into(),
            details: vec!["spec.x: Invalid value: 1: bad".into()],
        }]);
        assert!(text.ends_with(
            "#\n# backendtrafficpolicies.gateway.envoyproxy.io \"a\" was not valid:\n# * spec.x: Invalid value: 1: bad\n#\n"
        ));
    }
}
