//! `?watch=true`: newline-delimited `{"type","object"}` events in commit order, resumable from
//! a resourceVersion still in the store's history (410 Expired once it is not), with periodic
//! BOOKMARKs when asked for. Streams end on timeout, on server shutdown, or when a slow
//! watcher falls behind (the client then re-lists, as client-go does).

use super::App;
use super::call::{Call, JSON, typed_response};
use super::list::{Filter, in_scope};
use super::status::ApiError;
use super::store::{Event, EventType};
use super::table;
use crate::resource::{API_VERSION, KIND};
use axum::body::{Body, Bytes};
use axum::response::Response;
use serde_json::{Value, json};
use std::convert::Infallible;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::sync::{broadcast, mpsc};

/// An mpsc receiver as a body stream.
struct Lines(mpsc::Receiver<Bytes>);

impl futures_core::Stream for Lines {
    type Item = Result<Bytes, Infallible>;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.0.poll_recv(cx).map(|v| v.map(Ok))
    }
}

const BOOKMARK_EVERY: Duration = Duration::from_secs(1);

fn line(kind: &str, object: &Value, as_table: bool, call: &Call) -> Bytes {
    let object = if as_table && kind != "BOOKMARK" {
        table::table(&[object], "", None, call)
    } else {
        object.clone()
    };
    let mut text = json!({ "type": kind, "object": object }).to_string();
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
fn seen_as(call: &Call, filter: &Filter, event: &Event) -> Option<&'static str> {
    if !in_scope(call, &event.key) {
        return None;
    }
    let now = filter.matches(&event.stored.object);
    match event.kind {
        EventType::Added => now.then_some("ADDED"),
        EventType::Deleted => now.then_some("DELETED"),
        EventType::Modified => {
            let before = event
                .previous
                .as_ref()
                .is_none_or(|p| filter.matches(&p.object));
            match (before, now) {
                (true, true) => Some("MODIFIED"),
                (false, true) => Some("ADDED"),
                (true, false) => Some("DELETED"),
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
    let timeout = call
        .param("timeoutSeconds")
        .and_then(|t| t.parse::<u64>().ok())
        .filter(|t| *t > 0)
        .map(Duration::from_secs);

    let (initial, mut events, mut last_rv): (Vec<Bytes>, broadcast::Receiver<Arc<Event>>, u64) = {
        let state = app.store.read();
        let events = app.store.subscribe();
        let mut initial = Vec::new();
        match from {
            None => {
                for (key, stored) in state.objects.iter() {
                    if in_scope(call, key) && filter.matches(&stored.object) {
                        initial.push(line("ADDED", &stored.object, as_table, call));
                    }
                }
            }
            Some(rv) => {
                if rv < state.oldest_resumable {
                    return Err(ApiError::expired(format!(
                        "too old resource version: {rv} ({})",
                        state.oldest_resumable
                    )));
                }
                for ev in state.history.iter().filter(|e| e.stored.rv > rv) {
                    if let Some(kind) = seen_as(call, &filter, ev) {
                        initial.push(line(kind, &ev.stored.object, as_table, call));
                    }
                }
            }
        }
        if initial_events {
            let mut end = bookmark(state.rv);
            end["metadata"]["annotations"] = json!({"k8s.io/initial-events-end": "true"});
            initial.push(line("BOOKMARK", &end, false, call));
        }
        (initial, events, state.rv)
    };

    let (tx, rx) = mpsc::channel::<Bytes>(256);
    let mut shutdown = app.shutdown.clone();
    let call = call.clone();
    tokio::spawn(async move {
        for l in initial {
            if tx.send(l).await.is_err() {
                return;
            }
        }
        let deadline = timeout.map(|t| tokio::time::Instant::now() + t);
        let mut ticker = tokio::time::interval(BOOKMARK_EVERY);
        ticker.tick().await;
        loop {
            let until_deadline = async {
                match deadline {
                    Some(d) => tokio::time::sleep_until(d).await,
                    None => std::future::pending().await,
                }
            };
            tokio::select! {
                _ = until_deadline => return,
                _ = shutdown.changed() => return,
                _ = ticker.tick(), if bookmarks => {
                    if tx.send(line("BOOKMARK", &bookmark(last_rv), false, &call)).await.is_err() {
                        return;
                    }
                }
                received = events.recv() => match received {
                    Ok(ev) => {
                        last_rv = ev.stored.rv;
                        if let Some(kind) = seen_as(&call, &filter, &ev)
                            && tx.send(line(kind, &ev.stored.object, as_table, &call)).await.is_err()
                        {
                            return;
                        }
                    }
                    // Fell behind or the store closed: end the stream; the client re-lists.
                    Err(_) => return,
                },
                _ = tx.closed() => return,
            }
        }
    });
    let mut response = typed_response(200, JSON, Body::from_stream(Lines(rx)), &[]);
    response.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-cache, private"),
    );
    Ok(response)
}
