//! `datumctl label` and `datumctl annotate`: one mechanism on two maps of metadata. Words are
//! read as kubectl reads them (resources first, then `KEY=VALUE` and `KEY-`), the change is
//! made on the live object here, checked with the server's validator, and sent as a merge
//! patch (with `metadata.resourceVersion` when `--resource-version` pins it).

use crate::cli::{DryRun, MetadataArgs};
use crate::client::api::{ListOptions, MERGE_PATCH};
use crate::client::http::ApiClient;
use crate::client::status::ClientError;
use crate::cmd::Context;
use crate::cmd::common::dry_run_suffix;
use crate::cmd::create::{ResultPrinter, local_refusal, profile_for, write_format, write_options};
use crate::cmd::objects::{self, PlacedObject, Selection};
use crate::error::{CliError, CmdResult, Outcome};
use crate::patch::merge_diff;
use crate::resource::{GROUP, KIND};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Which map of metadata the command changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetaMap {
    Labels,
    Annotations,
}

impl MetaMap {
    fn key(self) -> &'static str {
        match self {
            MetaMap::Labels => "labels",
            MetaMap::Annotations => "annotations",
        }
    }
    fn noun(self) -> &'static str {
        match self {
            MetaMap::Labels => "label",
            MetaMap::Annotations => "annotation",
        }
    }
    fn verb(self) -> &'static str {
        match self {
            MetaMap::Labels => "label",
            MetaMap::Annotations => "annotate",
        }
    }
}

/// The requested changes: keys to set and keys to remove.
#[derive(Debug, Default, PartialEq)]
pub struct Changes {
    pub set: BTreeMap<String, String>,
    pub remove: Vec<String>,
}

/// Splits the words into resource arguments and changes, with kubectl's errors.
pub fn split_words(map: MetaMap, words: &[String]) -> Result<(Vec<String>, Changes), CliError> {
    let mut resources = Vec::new();
    let mut pairs = Vec::new();
    for word in words {
        if word.contains('=') || word.ends_with('-') {
            pairs.push(word.as_str());
        } else if pairs.is_empty() {
            resources.push(word.clone());
        } else {
            return Err(CliError::usage(format!(
                "all resources must be specified before {} changes: {word}",
                map.noun()
            )));
        }
    }
    let mut changes = Changes::default();
    for pair in pairs {
        if let Some((key, value)) = pair.split_once('=') {
            if map == MetaMap::Labels {
                if value.contains('=') {
                    return Err(CliError::usage(format!("invalid label spec: {pair}")));
                }
                if let Some(why) = label_value_problem(value) {
                    return Err(CliError::usage(format!(
                        "invalid label value: {pair:?}: {why}"
                    )));
                }
            } else if key.is_empty() {
                return Err(CliError::usage(format!(
                    "invalid annotation format: {pair}"
                )));
            }
            changes.set.insert(key.to_string(), value.to_string());
        } else if let Some(key) = pair.strip_suffix('-') {
            changes.remove.push(key.to_string());
        }
    }
    let both: Vec<&str> = changes
        .remove
        .iter()
        .filter(|k| changes.set.contains_key(*k))
        .map(String::as_str)
        .collect();
    if !both.is_empty() {
        return Err(CliError::usage(match map {
            MetaMap::Labels => {
                "can not both modify and remove a label in the same command".to_string()
            }
            MetaMap::Annotations => format!(
                "can not both modify and remove the following annotation(s) in the same command: {}",
                both.join(", ")
            ),
        }));
    }
    Ok((resources, changes))
}

/// apimachinery's label value rule: at most 63 characters, alphanumerics at both ends, and
/// `-`, `_`, `.` between.
fn label_value_problem(value: &str) -> Option<String> {
    let mut problems = Vec::new();
    if value.len() > 63 {
        problems.push("must be no more than 63 characters".to_string());
    }
    let ends_ok = value.is_empty()
        || (value.starts_with(|c: char| c.is_ascii_alphanumeric())
            && value.ends_with(|c: char| c.is_ascii_alphanumeric())
            && value
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')));
    if !ends_ok {
        problems.push("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')".to_string());
    }
    (!problems.is_empty()).then(|| problems.join(";"))
}

/// The map of `object`'s metadata, as strings.
fn current(object: &Value, map: MetaMap) -> BTreeMap<String, String> {
    object["metadata"][map.key()]
        .as_object()
        .map(|m| {
            m.iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or("").to_string()))
                .collect()
        })
        .unwrap_or_default()
}

/// Applies the changes to `object`, refusing to overwrite without `--overwrite` as kubectl does.
fn apply_changes(
    object: &mut Value,
    map: MetaMap,
    changes: &Changes,
    overwrite: bool,
    resource_version: Option<&str>,
) -> Result<(), String> {
    let mut now = current(object, map);
    if !overwrite {
        let clashes: Vec<String> = changes
            .set
            .iter()
            .filter_map(|(k, v)| {
                now.get(k)
                    .filter(|old| *old != v)
                    .map(|old| (k.as_str(), old.as_str()))
            })
            .map(|(k, old)| match map {
                MetaMap::Labels => {
                    format!("'{k}' already has a value ({old}), and --overwrite is false")
                }
                MetaMap::Annotations => format!("'{k}' already has a value ({old})"),
            })
            .collect();
        if !clashes.is_empty() {
            return Err(match map {
                MetaMap::Labels if clashes.len() == 1 => clashes[0].clone(),
                MetaMap::Labels => format!("[{}]", clashes.join(", ")),
                MetaMap::Annotations => format!(
                    "--overwrite is false but found the following declared annotation(s): {}",
                    clashes.join("; ")
                ),
            });
        }
    }
    for (k, v) in &changes.set {
        now.insert(k.clone(), v.clone());
    }
    for k in &changes.remove {
        now.remove(k);
    }
    let values: Map<String, Value> = now
        .into_iter()
        .map(|(k, v)| (k, Value::String(v)))
        .collect();
    if let Some(meta) = object.get_mut("metadata").and_then(Value::as_object_mut) {
        meta.insert(map.key().into(), Value::Object(values));
        if let Some(rv) = resource_version {
            meta.insert("resourceVersion".into(), Value::String(rv.into()));
        }
    }
    Ok(())
}

/// kubectl's word for what happened to the labels.
fn label_outcome(old: &BTreeMap<String, String>, new: &BTreeMap<String, String>) -> &'static str {
    let removed = old.keys().any(|k| !new.contains_key(k));
    let changed = new.iter().any(|(k, v)| old.get(k) != Some(v));
    match (changed, removed) {
        (true, true) => "modified",
        (true, false) => "labeled",
        (false, true) => "unlabeled",
        (false, false) => "not labeled",
    }
}

fn check_flags(
    map: MetaMap,
    args: &MetadataArgs,
    ctx: &Context,
    resources: &[String],
    changes: &Changes,
) -> Result<(), CliError> {
    if args.list && ctx.global.output.is_some() {
        return Err(CliError::usage(
            "--list and --output may not be specified together",
        ));
    }
    if args.all && args.selector.is_some() {
        return Err(CliError::usage(
            "cannot set --all and --selector at the same time",
        ));
    }
    if resources.is_empty() && args.files.filenames.is_empty() {
        return Err(CliError::usage(
            "one or more resources must be specified as <resource> <name> or <resource>/<name>",
        ));
    }
    if changes.set.is_empty() && changes.remove.is_empty() && !args.list {
        return Err(CliError::usage(format!(
            "at least one {} update is required",
            map.noun()
        )));
    }
    Ok(())
}

pub async fn run(map: MetaMap, args: &MetadataArgs, ctx: &Context) -> CmdResult {
    let (resources, changes) = split_words(map, &args.words)?;
    check_flags(map, args, ctx, &resources, &changes)?;
    let format = write_format(ctx)?;
    let selection = objects::select(map.verb(), &resources, &args.files)?;
    let by_listing = args.selector.is_some() || args.all;
    match (&selection, by_listing) {
        (Selection::Objects(_), true) => {
            return Err(CliError::usage(
                "name cannot be provided when a selector is specified",
            ));
        }
        (Selection::Collection, false) => {
            return Err(CliError::usage(
                "resource(s) were provided, but no name was specified",
            ));
        }
        _ => {}
    }
    let client = crate::cmd::connect::connect(&ctx.global, &ctx.printer).await?;
    let ns = client.target.namespace.clone();
    let named = selection
        .placed(&ns, ctx.global.namespace.is_some())?
        .unwrap_or_default();
    let one = !by_listing && named.len() == 1;
    if !one && args.resource_version.is_some() {
        return Err(CliError::usage(
            "--resource-version may only be used with a single resource",
        ));
    }
    let run = Relabel {
        map,
        args,
        ctx,
        client: &client,
        changes: &changes,
        one,
        profile: profile_for(None, &client),
    };
    let result = run.all(named, by_listing, &ns, format).await;
    result.map_err(|e| e.into_cli(&client.target))
}

struct Relabel<'a> {
    map: MetaMap,
    args: &'a MetadataArgs,
    ctx: &'a Context,
    client: &'a ApiClient,
    changes: &'a Changes,
    one: bool,
    profile: crate::validate::Profile,
}

impl Relabel<'_> {
    async fn all(
        &self,
        named: Vec<PlacedObject>,
        by_listing: bool,
        ns: &str,
        format: Option<crate::print::output::OutputFormat>,
    ) -> Result<Outcome, ClientError> {
        let mut objects: Vec<Result<Value, ClientError>> = Vec::new();
        if by_listing {
            let options = ListOptions {
                label_selector: self.args.selector.clone(),
                limit: Some(crate::client::api::PAGE_SIZE),
                ..Default::default()
            };
            let (items, _) = self.client.list_all(Some(ns), &options).await?;
            objects.extend(items.into_iter().map(Ok));
        } else {
            for o in &named {
                objects.push(self.client.get_policy(&o.namespace, &o.name).await);
            }
        }
        let p = &self.ctx.printer;
        let mut out = ResultPrinter::new(format);
        let mut failed = false;
        for object in objects {
            let outcome = match object {
                Ok(live) => self.one(live, &mut out).await,
                Err(e) => Err(e),
            };
            match outcome {
                Ok(text) => p.out(&text),
                Err(ClientError::Status(s)) => {
                    p.err(&format!("{}\n", s.kubectl_message()));
                    failed = true;
                }
                Err(ClientError::Decode(message)) => {
                    p.err(&format!("error: {message}\n"));
                    failed = true;
                }
                Err(e) => return Err(e),
            }
        }
        Ok(Outcome::failed_if(failed))
    }

    /// Changes (or lists) one object; returns what to print on stdout.
    async fn one(&self, mut live: Value, out: &mut ResultPrinter) -> Result<String, ClientError> {
        let (map, args) = (self.map, self.args);
        let name = live["metadata"]["name"].as_str().unwrap_or("").to_string();
        let namespace = live["metadata"]["namespace"]
            .as_str()
            .unwrap_or("")
            .to_string();
        if args.list {
            return Ok(self.listing(&live, &name));
        }
        let pinned = args.resource_version.as_deref();
        if pinned.is_some()
            && let Some(meta) = live.get_mut("metadata").and_then(Value::as_object_mut)
        {
            // Cleared so that the pinned version always travels in the patch.
            meta.insert("resourceVersion".into(), Value::String(String::new()));
        }
        let before = current(&live, map);
        let mut text = String::new();
        let client_dry_run = args.dry_run == Some(DryRun::Client);
        if map == MetaMap::Labels && !client_dry_run {
            for key in &self.changes.remove {
                if !before.contains_key(key) {
                    text.push_str(&format!("label {key:?} not found.\n"));
                }
            }
        }
        let mut changed = live.clone();
        apply_changes(&mut changed, map, self.changes, args.overwrite, pinned)
            .map_err(ClientError::Decode)?;
        if let Some(status) = local_refusal(&changed, Some(&live), self.profile) {
            return Err(ClientError::Status(Box::new(status)));
        }
        let word = match map {
            MetaMap::Labels => label_outcome(&before, &current(&changed, map)),
            MetaMap::Annotations => "annotated",
        };
        let verb = format!("{word}{}", dry_run_suffix(args.dry_run));
        // kubectl's label sends nothing when no label changes (so a pinned --resource-version
        // is not checked either); annotate always sends its patch.
        if client_dry_run || word == "not labeled" {
            text.push_str(&out.line(&changed, &verb));
            return Ok(text);
        }
        let patch = merge_diff(&live, &changed);
        let options = write_options(args.dry_run, &args.field_manager, map.verb());
        let result = self
            .client
            .patch_policy(&namespace, &name, MERGE_PATCH, &patch, &options)
            .await?;
        // kubectl prints the object it changed for label, and the server's answer for annotate.
        let shown = if map == MetaMap::Labels {
            &changed
        } else {
            &result
        };
        text.push_str(&out.line(shown, &verb));
        Ok(text)
    }

    fn listing(&self, live: &Value, name: &str) -> String {
        let mut text = String::new();
        let indent = if self.one {
            ""
        } else {
            text.push_str(&format!(
                "Listing {} for {KIND}.{GROUP}/{name}:\n",
                self.map.key()
            ));
            " "
        };
        for (k, v) in current(live, self.map) {
            text.push_str(&format!("{indent}{k}={v}\n"));
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn words(w: &[&str]) -> Vec<String> {
        w.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn words_split_into_resources_and_changes() {
        let (res, ch) =
            split_words(MetaMap::Labels, &words(&["btp", "a", "x=1", "y-"])).expect("ok");
        assert_eq!(res, ["btp", "a"]);
        assert_eq!(ch.set.get("x").map(String::as_str), Some("1"));
        assert_eq!(ch.remove, ["y"]);
        let err = split_words(MetaMap::Labels, &words(&["btp", "x=1", "a"])).expect_err("order");
        assert_eq!(
            err.error.to_string(),
            "all resources must be specified before label changes: a"
        );
        let err = split_words(MetaMap::Labels, &words(&["btp", "a=b=c"])).expect_err("spec");
        assert_eq!(err.error.to_string(), "invalid label spec: a=b=c");
        let (_, ch) = split_words(MetaMap::Annotations, &words(&["btp", "a=b=c"])).expect("ok");
        assert_eq!(ch.set.get("a").map(String::as_str), Some("b=c"));
        assert!(split_words(MetaMap::Labels, &words(&["btp", "a=1", "a-"])).is_err());
    }

    #[test]
    fn overwriting_needs_the_flag() {
        let mut o = json!({"metadata": {"labels": {"a": "1"}}});
        let (_, ch) = split_words(MetaMap::Labels, &words(&["a=2"])).expect("ok");
        assert_eq!(
            apply_changes(&mut o, MetaMap::Labels, &ch, false, None),
            Err("'a' already has a value (1), and --overwrite is false".into())
        );
        assert_eq!(
            apply_changes(&mut o, MetaMap::Labels, &ch, true, Some("7")),
            Ok(())
        );
        assert_eq!(o["metadata"]["labels"]["a"], "2");
        assert_eq!(o["metadata"]["resourceVersion"], "7");
    }

    #[test]
    fn outcome_words_are_kubectls() {
        let m = |pairs: &[(&str, &str)]| -> BTreeMap<String, String> {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        assert_eq!(
            label_outcome(&m(&[("a", "1")]), &m(&[("a", "1")])),
            "not labeled"
        );
        assert_eq!(label_outcome(&m(&[]), &m(&[("a", "1")])), "labeled");
        assert_eq!(label_outcome(&m(&[("a", "1")]), &m(&[])), "unlabeled");
        assert_eq!(
            label_outcome(&m(&[("a", "1"), ("b", "1")]), &m(&[("b", "2")])),
            "modified"
        );
    }
}
