//! `?watch=true`: newline-delimited `{"type","object"}` events in commit order, resumable from
//! a resourceVersion still in the store's history (410 Expired once it is not), with periodic
//! BOOKMARKs when asked for. Each watcher reads the shared, byte-bounded history at its own
//! pace through a small buffer; one that falls out of the history gets an ERROR 410 and its
//! stream ends (the client re-lists, as client-go does). Streams also end on timeout and on
//! server shutdown. Watches are capped per project and in all (429 beyond).

use super::App;
use super::call::{Call, JSON, typed_response};
use super::list::{Filter, in_scope};
use super::status::ApiError;
use super::store::{Event, EventType, Stored, watch_line};
use super::table;
use crate::resource::{API_VERSION, KIND, WatchEventType};
use axum::body::{Body, Bytes};
use axum::response::Response;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::convert::Infallible;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::sync::mpsc;

/// A queued line and its share of the watcher's byte budget, given back once the connection
/// takes the line.
type Queued = (Bytes, tokio::sync::OwnedSemaphorePermit);

/// The watcher's queue as a body stream.
struct Lines(mpsc::Receiver<Queued>);

impl futures_core::Stream for Lines {
    type Item = Result<Bytes, Infallible>;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.0
            .poll_recv(cx)
            .map(|v| v.map(|(line, _budget)| Ok(line)))
    }
}

const BOOKMARK_EVERY: Duration = Duration::from_secs(1);
/// Lines queued for one watcher, at most…
const SEND_BUFFER: usize = 256;
/// …and at most this many bytes of them (a larger line goes alone): a watcher that does not
/// read holds this, the connection's write buffer and the kernel's, and nothing more.
const SEND_BUFFER_BYTES: usize = 1024 * 1024;
/// Events taken from the history per read lock.
const BATCH: usize = 256;
/// kube-apiserver's watch timeout when the client names none is 30–60 min; the longest a
/// client may ask for is clamped to this.
const MAX_TIMEOUT: Duration = Duration::from_secs(24 * 60 * 60);

/// Open watches, per project and in all, against `Limits::max_watches*`.
#[derive(Default)]
pub struct WatchSlots {
    counts: Arc<Mutex<HashMap<String, usize>>>,
}

/// One open watch's slot, given back when the stream ends.
pub struct WatchSlot {
    counts: Arc<Mutex<HashMap<String, usize>>>,
    project: String,
}

impl WatchSlots {
    fn acquire(
        &self,
        project: &str,
        per_project: usize,
        total: usize,
    ) -> Result<WatchSlot, ApiError> {
        let mut counts = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        let all: usize = counts.values().sum();
        if all >= total {
            return Err(ApiError::too_many_requests(&format!(
                "{total} watches are open, the most this server allows"
            )));
        }
        let mine = counts.entry(project.to_string()).or_default();
        if *mine >= per_project {
            return Err(ApiError::too_many_requests(&format!(
                "{per_project} watches are open on project {project}, the most allowed per project"
            )));
        }
        *mine += 1;
        Ok(WatchSlot {
            counts: Arc::clone(&self.counts),
            project: project.to_string(),
        })
    }
}

impl Drop for WatchSlot {
    fn drop(&mut self) {
        let mut counts = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(n) = counts.get_mut(&self.project) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                counts.remove(&self.project);
            }
        }
    }
}

fn line(kind: WatchEventType, object: &Value, as_table: bool, call: &Call) -> Bytes {
    let object = if as_table && kind != WatchEventType::Bookmark {
        table::table(&[object], "", None, call)
    } else {
        object.clone()
    };
    let mut text = json!({ "type": kind.as_str(), "object": object }).to_string();
    text.push('\n');
    Bytes::from(text)
}

fn bookmark(rv: u64) -> Value {
    json!({
        "kind": KIND,
        "apiVersion": API_VERSION,
        "metadata": { "resourceVersion": rv.to_string() },
    })
}

/// How a watcher with selectors sees an event: a modification that moves an object into the
/// selection is ADDED, out of it DELETED, as kube-apiserver's watch cache reports it.
fn seen_as(call: &Call, filter: &Filter, event: &Event) -> Option<EventType> {
    if !in_scope(call, &event.key) {
        return None;
    }
    let now = filter.matches(&event.stored.object);
    match event.kind {
        EventType::Added => now.then_some(EventType::Added),
        EventType::Deleted => now.then_some(EventType::Deleted),
        EventType::Modified => {
            let before = event
                .previous
                .as_ref()
                .is_none_or(|p| filter.matches(&p.object));
            match (before, now) {
                (true, true) => Some(EventType::Modified),
                (false, true) => Some(EventType::Added),
                (true, false) => Some(EventType::Deleted),
                (false, false) => None,
            }
        }
    }
}

pub fn watch(app: &App, call: &Call) -> Result<Response, ApiError> {
    let filter = Filter::from_call(call)?;
    let from: Option<u64> = match call.param("resourceVersion") {
        None | Some("") | Some("0") => None,
        Some(t) => Some(
            t.parse()
                .map_err(|_| ApiError::bad_request(format!("invalid resource version {t:?}")))?,
        ),
    };
    let bookmarks = call.flag("allowWatchBookmarks");
    // Watch-list clients (client-go's WatchListClient) ask for the current state as events,
    // ended by a bookmark annotated `k8s.io/initial-events-end`.
    let initial_events = call.flag("sendInitialEvents");
    let from = if initial_events { None } else { from };
    let as_table = call.wants_table();
    let timeout = match call.number("timeoutSeconds")? {
        None | Some(0) => None,
        Some(secs) => Some(Duration::from_secs(secs).min(MAX_TIMEOUT)),
    };
    let slot = app.watches.acquire(
        &call.project,
        app.limits.max_watches_per_project,
        app.limits.max_watches,
    )?;

    let store = app.store.clone();
    let mut committed = store.committed();
    // The starting point: a snapshot of the project's objects (pointers, not copies) for a
    // watch from now, or a position in the history to replay from.
    let (snapshot, start): (Vec<Arc<Stored>>, u64) = {
        let state = store.read();
        committed.borrow_and_update();
        match from {
            None => (
                state
                    .project_objects(&call.project)
                    .filter(|(key, stored)| in_scope(call, key) && filter.matches(&stored.object))
                    .map(|(_, stored)| Arc::clone(stored))
                    .collect(),
                state.rv,
            ),
            Some(rv) => {
                if rv < state.oldest_resumable {
                    return Err(ApiError::expired(format!(
                        "too old resource version: {rv} ({})",
                        state.oldest_resumable
                    )));
                }
                (Vec::new(), rv)
            }
        }
    };

    let (tx, rx) = mpsc::channel::<Queued>(SEND_BUFFER);
    let watcher = Watcher {
        tx,
        budget: Arc::new(tokio::sync::Semaphore::new(SEND_BUFFER_BYTES)),
        shutdown: app.shutdown.clone(),
        deadline: timeout.map(|t| tokio::time::Instant::now() + t),
        call: call.clone(),
        filter,
        as_table,
    };
    tokio::spawn(async move {
        let _slot = slot;
        watcher
            .run(store, committed, snapshot, start, initial_events, bookmarks)
            .await;
    });
    let mut response = typed_response(200, JSON, Body::from_stream(Lines(rx)), &[]);
    response.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-cache, private"),
    );
    Ok(response)
}

/// One watch stream's task.
struct Watcher {
    tx: mpsc::Sender<Queued>,
    budget: Arc<tokio::sync::Semaphore>,
    shutdown: tokio::sync::watch::Receiver<bool>,
    deadline: Option<tokio::time::Instant>,
    call: Call,
    filter: Filter,
    as_table: bool,
}

impl Watcher {
    async fn run(
        mut self,
        store: super::store::Store,
        mut committed: tokio::sync::watch::Receiver<u64>,
        snapshot: Vec<Arc<Stored>>,
        mut cursor: u64,
        initial_events: bool,
        bookmarks: bool,
    ) {
        for stored in snapshot {
            let line = if self.as_table {
                line(WatchEventType::Added, &stored.object, true, &self.call)
            } else {
                watch_line(WatchEventType::Added.as_str(), &stored.json)
            };
            if !self.send(line).await {
                return;
            }
        }
        if initial_events {
            let mut end = bookmark(cursor);
            end["metadata"]["annotations"] = json!({"k8s.io/initial-events-end": "true"});
            if !self
                .send(line(WatchEventType::Bookmark, &end, false, &self.call))
                .await
            {
                return;
            }
        }
        let mut ticker = tokio::time::interval(BOOKMARK_EVERY);
        ticker.tick().await;
        loop {
            let batch = store.read().events_after(cursor, BATCH);
            let Some(batch) = batch else {
                // Fell out of the history while it was slow to read: say so and end.
                let oldest = store.read().oldest_resumable;
                let gone =
                    ApiError::expired(format!("too old resource version: {cursor} ({oldest})"));
                let error = line(WatchEventType::Error, &gone.to_status(), false, &self.call);
                // Best effort: a watcher that does not read does not get it either.
                if let Ok(budget) = Arc::clone(&self.budget).try_acquire_owned() {
                    let _ = self.tx.try_send((error, budget));
                }
                return;
            };
            if batch.is_empty() {
                tokio::select! {
                    _ = until(self.deadline) => return,
                    _ = self.shutdown.changed() => return,
                    _ = self.tx.closed() => return,
                    changed = committed.changed() => if changed.is_err() { return },
                    _ = ticker.tick(), if bookmarks => {
                        if !self.send(line(WatchEventType::Bookmark, &bookmark(cursor), false, &self.call)).await {
                            return;
                        }
                    }
                }
                continue;
            }
            for event in batch {
                cursor = event.stored.rv;
                if let Some(kind) = seen_as(&self.call, &self.filter, &event) {
                    let line = if self.as_table {
                        line(kind.wire(), &event.stored.object, true, &self.call)
                    } else {
                        event.line(kind)
                    };
                    if !self.send(line).await {
                        return;
                    }
                }
            }
        }
    }

    /// Queues one line; false when the stream is over (client gone, timeout, shutdown).
    async fn send(&mut self, line: Bytes) -> bool {
        let share = line.len().clamp(1, SEND_BUFFER_BYTES);
        let share = u32::try_from(share).unwrap_or(u32::MAX);
        let budget = Arc::clone(&self.budget);
        let tx = self.tx.clone();
        let queued = async move {
            let Ok(permit) = budget.acquire_many_owned(share).await else {
                return false;
            };
            tx.send((line, permit)).await.is_ok()
        };
        tokio::select! {
            sent = queued => sent,
            _ = until(self.deadline) => false,
            _ = self.shutdown.changed() => false,
        }
    }
}

async fn until(deadline: Option<tokio::time::Instant>) {
    match deadline {
        Some(d) => tokio::time::sleep_until(d).await,
        None => std::future::pending().await,
    }
}
