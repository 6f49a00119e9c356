//! `get -w`: the watch that follows a listing, resuming after a dropped connection and listing
//! again (with the events it missed) when its version left the server's history.

use super::Getter;
use crate::client::api::ListOptions;
use crate::client::status::ClientError;
use crate::error::Outcome;
use crate::print::json::to_json_compact;
use crate::print::output::{OutputFormat, custom_row, name_line};
use crate::print::table::{Table, row_in_columns};
use crate::resource::WatchEventType;
use serde_json::Value;
use std::collections::HashMap;
use std::time::Duration;

/// What a watch continues from: the column widths its first row fixed, and whether anything
/// (a header, or a first YAML document) was printed yet.
#[derive(Default)]
pub(super) struct WatchPrinter {
    widths: Vec<usize>,
    header_printed: bool,
}

impl WatchPrinter {
    /// After a listing printed as a table: later rows keep its columns and add no header.
    pub(super) fn after_table(&mut self, widths: Vec<usize>) {
        self.header_printed |= !widths.is_empty();
        self.widths = widths;
    }

    /// One event as the watch prints it: a row in the columns fixed by the first, or one object.
    pub(super) fn line(&mut self, getter: &Getter, kind: &str, object: &Value) -> String {
        let events = getter.args.output_watch_events;
        match &getter.format {
            f if f.is_table() || matches!(f, OutputFormat::CustomColumns(_)) => {
                let row = getter.watch_row(kind, object);
                let headers = getter.watch_headers();
                let mut text = String::new();
                if self.widths.is_empty() {
                    let t = Table {
                        headers: headers.clone(),
                        rows: vec![row.clone()],
                    };
                    self.widths = t.widths(getter.with_headers());
                }
                if !self.header_printed && getter.with_headers() {
                    text.push_str(&row_in_columns(&headers, &self.widths));
                }
                self.header_printed = true;
                text.push_str(&row_in_columns(&row, &self.widths));
                text
            }
            // kubectl's name printer names the object, event or not.
            OutputFormat::Name => name_line(object),
            // kubectl prints a watch event as it is: JSON on one line, managedFields kept.
            // (a WatchEvent struct: `type` before `object`, whose keys are sorted).
            OutputFormat::Json if events => format!(
                "{{\"type\":{},\"object\":{}}}\n",
                to_json_compact(&Value::from(kind)),
                to_json_compact(object)
            ),
            f => {
                let first = !std::mem::replace(&mut self.header_printed, true);
                let text = if events {
                    f.single_keeping(&watch_event(kind, object), true)
                } else {
                    f.single_keeping(object, getter.keep_managed())
                };
                match f {
                    // kubectl separates YAML objects, rather than ending each one.
                    OutputFormat::Yaml if !first => format!("---\n{text}"),
                    _ => text,
                }
            }
        }
    }
}

/// A watch event as the API writes it, which is what `--output-watch-events` prints and what
/// its custom columns, JSONPath and templates read.
fn watch_event(kind: &str, object: &Value) -> Value {
    serde_json::json!({"type": kind, "object": object})
}

impl Getter<'_> {
    /// The headers of a watch table: with `--output-watch-events`, kubectl's tables lead with
    /// EVENT (custom columns do not: they read the event itself).
    fn watch_headers(&self) -> Vec<String> {
        let mut headers = self.headers();
        if self.args.output_watch_events && self.format.is_table() {
            headers.insert(0, "EVENT".into());
        }
        headers
    }

    /// One watch table row. kubectl pads the event type to the width of MODIFIED.
    fn watch_row(&self, kind: &str, object: &Value) -> Vec<String> {
        match &self.format {
            OutputFormat::CustomColumns(cols) if self.args.output_watch_events => {
                custom_row(cols, &watch_event(kind, object))
            }
            f => {
                let mut row = self.rows(std::slice::from_ref(object)).remove(0);
                if self.args.output_watch_events && f.is_table() {
                    row.insert(0, format!("{kind:<8}"));
                }
                row
            }
        }
    }

    /// `-w --output-watch-events`: the current objects print as ADDED events, then the watch.
    pub(super) async fn list_as_events(&self) -> Result<Outcome, ClientError> {
        let p = &self.ctx.printer;
        let ns = self.namespace();
        let (items, meta) = self.client.list_all(ns, &self.list_options()).await?;
        let mut printer = WatchPrinter::default();
        if self.format.is_table() || matches!(self.format, OutputFormat::CustomColumns(_)) {
            if !items.is_empty() {
                let added = WatchEventType::Added.as_str();
                let table = Table {
                    headers: self.watch_headers(),
                    rows: items.iter().map(|i| self.watch_row(added, i)).collect(),
                };
                printer.after_table(table.widths(self.with_headers()));
                p.out(&table.render(self.with_headers()));
            }
        } else {
            for item in &items {
                p.out(&printer.line(self, WatchEventType::Added.as_str(), item));
            }
        }
        let rv = meta["resourceVersion"].as_str().map(String::from);
        self.watch_from(rv, printer, known_from(&items)).await
    }

    /// Prints changes from `rv` on until interrupted, reconnecting from the last version seen.
    /// `known` holds the objects shown so far.
    pub(super) async fn watch(
        &self,
        rv: Option<String>,
        known: Known,
    ) -> Result<Outcome, ClientError> {
        self.watch_from(rv, WatchPrinter::default(), known).await
    }

    /// Watches on from `rv` with `printer` as the listing left it. `--request-timeout` bounds
    /// the watch as it bounds kubectl's watch request: when it runs out, the watch ends with
    /// success and nothing more is printed.
    pub(super) async fn watch_from(
        &self,
        rv: Option<String>,
        printer: WatchPrinter,
        known: Known,
    ) -> Result<Outcome, ClientError> {
        let follow = self.follow(rv, printer, known);
        match self.ctx.global.request_timeout.filter(|t| !t.is_zero()) {
            Some(limit) => tokio::time::timeout(limit, follow)
                .await
                .unwrap_or(Ok(Outcome::Success)),
            None => follow.await,
        }
    }

    /// Follows the watch from `rv`, resuming after every end of the stream.
    async fn follow(
        &self,
        mut rv: Option<String>,
        mut printer: WatchPrinter,
        mut known: Known,
    ) -> Result<Outcome, ClientError> {
        let p = &self.ctx.printer;
        let ns = self.namespace();
        let mut options = self.list_options();
        if let Some(first) = self.objects.as_ref().and_then(|o| o.first()) {
            options.field_selector = Some(format!("metadata.name={}", first.name));
        }
        let mut failures = 0u32;
        let mut first = true;
        loop {
            if !first {
                // The stream ended (timeout, restart, network): resume from the last version
                // (the credential renews itself per request when it is due).
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            first = false;
            let mut stream = match self.client.watch(ns, &options, rv.as_deref()).await {
                Ok(s) => {
                    failures = 0;
                    s
                }
                Err(ClientError::Status(s)) if s.code == 410 => {
                    // Our version left the server's history: start again from a fresh list.
                    p.warn(&gap_warning(rv.as_deref()));
                    let fresh = self.catch_up(&options, &mut known, &mut printer).await?;
                    rv = fresh.or(rv);
                    continue;
                }
                Err(e @ (ClientError::Connect { .. } | ClientError::Transport { .. })) => {
                    failures += 1;
                    if failures > 5 {
                        return Err(e);
                    }
                    tokio::time::sleep(Duration::from_millis(250 * u64::from(failures))).await;
                    continue;
                }
                Err(e) => return Err(e),
            };
            loop {
                let event = match stream.next_event().await {
                    Ok(Some(e)) => e,
                    Ok(None) | Err(_) => break,
                };
                let kind = event["type"].as_str().unwrap_or("");
                let object = &event["object"];
                if let Some(v) = object["metadata"]["resourceVersion"].as_str() {
                    rv = Some(v.to_string());
                }
                match WatchEventType::of(&event) {
                    Some(WatchEventType::Bookmark) => continue,
                    Some(WatchEventType::Error) => {
                        if object["code"] == 410 {
                            p.warn(&gap_warning(rv.as_deref()));
                            let fresh = self.catch_up(&options, &mut known, &mut printer).await?;
                            rv = fresh.or(rv);
                        }
                        break;
                    }
                    Some(WatchEventType::Deleted) => {
                        known.remove(&key_of(object));
                    }
                    _ => {
                        known.insert(key_of(object), object.clone());
                    }
                }
                let text = printer.line(self, kind, object);
                p.out(&text);
            }
        }
    }

    /// Lists again after the watch lost its place, and prints what differs from `known` as the
    /// events a complete watch would have ended with: ADDED and MODIFIED in list order, then
    /// DELETED. Returns the list's resourceVersion, to watch on from.
    async fn catch_up(
        &self,
        options: &ListOptions,
        known: &mut Known,
        printer: &mut WatchPrinter,
    ) -> Result<Option<String>, ClientError> {
        let (items, meta) = self.client.list_all(self.namespace(), options).await?;
        let mut text = String::new();
        let mut gone = std::mem::take(known);
        for item in items {
            let key = key_of(&item);
            let kind = match gone.remove(&key) {
                None => Some(WatchEventType::Added),
                Some(old) if version_of(&old) != version_of(&item) => {
                    Some(WatchEventType::Modified)
                }
                Some(_) => None,
            };
            if let Some(kind) = kind {
                text.push_str(&printer.line(self, kind.as_str(), &item));
            }
            known.insert(key, item);
        }
        let mut deleted: Vec<(String, Value)> = gone.into_iter().collect();
        deleted.sort_by(|a, b| a.0.cmp(&b.0));
        for (_, object) in deleted {
            text.push_str(&printer.line(self, WatchEventType::Deleted.as_str(), &object));
        }
        self.ctx.printer.out(&text);
        Ok(meta["resourceVersion"].as_str().map(String::from))
    }
}

/// Said when a watch must start again from a fresh list: what changed in between is shown as
/// it stands now, and the states in between are lost, which a silent gap would hide.
fn gap_warning(rv: Option<&str>) -> String {
    format!(
        "the watch fell behind the server's history (410 Gone) after resourceVersion {}: listing again; what changed since is shown as it is now, without the states in between",
        rv.unwrap_or("0")
    )
}

/// The objects a watch has shown, by namespace and name.
pub(super) type Known = HashMap<String, Value>;

fn key_of(object: &Value) -> String {
    let meta = &object["metadata"];
    format!(
        "{}/{}",
        meta["namespace"].as_str().unwrap_or(""),
        meta["name"].as_str().unwrap_or("")
    )
}

fn version_of(object: &Value) -> &str {
    object["metadata"]["resourceVersion"].as_str().unwrap_or("")
}

pub(super) fn known_from(objects: &[Value]) -> Known {
    objects.iter().map(|o| (key_of(o), o.clone())).collect()
}
