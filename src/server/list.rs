//! Collection handlers: list (selectors, `limit`/`continue`, Table output) and deletecollection.

use super::App;
use super::call::{Call, TABLE_CONTENT_TYPE, json_response, typed_response};
use super::selector::{FieldSelector, LabelSelector};
use super::status::ApiError;
use super::store::{Key, Stored, Write};
use super::table;
use crate::resource::{API_VERSION, LIST_KIND};
use axum::response::Response;
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use serde_json::{Value, json};
use std::ops::Bound;
use std::sync::Arc;

pub struct Filter {
    labels: LabelSelector,
    fields: FieldSelector,
}

impl Filter {
    pub fn from_call(call: &Call) -> Result<Filter, ApiError> {
        Ok(Filter {
            labels: LabelSelector::parse(call.param("labelSelector").unwrap_or(""))
                .map_err(ApiError::bad_request)?,
            fields: FieldSelector::parse(call.param("fieldSelector").unwrap_or(""))
                .map_err(ApiError::bad_request)?,
        })
    }

    pub fn matches(&self, object: &Value) -> bool {
        self.labels.matches(object) && self.fields.matches(object)
    }
}

/// Whether `key` is in the scope of the request: its project, and its namespace if one is named.
pub fn in_scope(call: &Call, key: &Key) -> bool {
    key.project == call.project
        && call
            .namespace
            .as_ref()
            .is_none_or(|ns| *ns == key.namespace)
}

fn encode_continue(rv: u64, last: &Key) -> String {
    let token = json!({
        "v": "meta.k8s.io/v1",
        "rv": rv,
        "start": format!("{}/{}\u{0}", last.namespace, last.name),
    });
    B64.encode(token.to_string())
}

fn decode_continue(token: &str) -> Result<(String, String), ApiError> {
    let bad = || ApiError::bad_request("continue key is not valid: the token could not be decoded");
    let raw = B64.decode(token).map_err(|_| bad())?;
    let value: Value = serde_json::from_slice(&raw).map_err(|_| bad())?;
    let start = value["start"].as_str().ok_or_else(bad)?;
    let start = start.trim_end_matches('\u{0}');
    let (ns, name) = start.split_once('/').ok_or_else(bad)?;
    Ok((ns.to_string(), name.to_string()))
}

/// One page of a list.
pub struct Page {
    pub items: Vec<Arc<Stored>>,
    /// The store's resourceVersion when the page was read.
    pub rv: u64,
    /// Where the next page starts, when more remain.
    pub token: Option<String>,
    /// How many objects follow the page; None with selectors (not counted, as kube-apiserver).
    pub remaining: Option<usize>,
}

/// The selected objects in key order, after the continue point, at most `limit` of them, plus
/// the continue token when more remain.
pub fn select(app: &App, call: &Call, filter: &Filter) -> Result<Page, ApiError> {
    let limit = call
        .number("limit")?
        .map_or(0, |l| usize::try_from(l).unwrap_or(usize::MAX));
    // Checked, though a list always reads the latest state.
    call.number("resourceVersion")?;
    call.number("timeoutSeconds")?;
    let selecting = !call.param("labelSelector").unwrap_or("").is_empty()
        || !call.param("fieldSelector").unwrap_or("").is_empty();
    let start = match call.param("continue") {
        Some(token) if !token.is_empty() => Some(decode_continue(token)?),
        _ => None,
    };
    let state = app.store.read();
    let lower = match &start {
        Some((ns, name)) => Bound::Excluded(Key {
            project: call.project.clone(),
            namespace: ns.clone(),
            name: name.clone(),
        }),
        None => Bound::Included(Key {
            project: call.project.clone(),
            namespace: call.namespace.clone().unwrap_or_default(),
            name: String::new(),
        }),
    };
    let mut items = Vec::new();
    let mut remaining = 0usize;
    let mut last_key = None;
    for (key, stored) in state.objects.range((lower, Bound::Unbounded)) {
        if key.project != call.project {
            break;
        }
        if let Some(ns) = &call.namespace
            && *ns != key.namespace
        {
            if key.namespace > *ns {
                break;
            }
            continue;
        }
        if !filter.matches(&stored.object) {
            continue;
        }
        if limit > 0 && items.len() == limit {
            // A page costs its own size: with selectors kube-apiserver reports no
            // remainingItemCount, and without them the rest is counted by key alone.
            remaining = 1;
            if !selecting {
                remaining = state
                    .objects
                    .range((Bound::Excluded(key.clone()), Bound::Unbounded))
                    .take_while(|(k, _)| {
                        k.project == call.project
                            && call.namespace.as_ref().is_none_or(|ns| *ns == k.namespace)
                    })
                    .count()
                    + 1;
            }
            break;
        }
        items.push(Arc::clone(stored));
        last_key = Some(key.clone());
    }
    let rv = state.rv;
    let token = match (remaining, last_key) {
        (r, Some(k)) if r > 0 => Some(encode_continue(rv, &k)),
        _ => None,
    };
    Ok(Page {
        items,
        rv,
        token,
        remaining: (!selecting).then_some(remaining),
    })
}

pub fn list(app: &App, call: &Call) -> Result<Response, ApiError> {
    let filter = Filter::from_call(call)?;
    let Page {
        items,
        rv,
        token,
        remaining,
    } = select(app, call, &filter)?;
    if call.wants_table() {
        let objects: Vec<&Value> = items.iter().map(|s| &s.object).collect();
        let t = table::table(&objects, &rv.to_string(), token.as_deref(), call);
        return Ok(typed_response(
            200,
            TABLE_CONTENT_TYPE,
            serde_json::to_vec(&t).unwrap_or_default(),
            &[],
        ));
    }
    // Items are spliced in as stored bytes: no re-serialization on the hot path.
    let mut metadata = json!({ "resourceVersion": rv.to_string() });
    if let Some(t) = &token {
        metadata["continue"] = json!(t);
        if let Some(n) = remaining {
            metadata["remainingItemCount"] = json!(n);
        }
    }
    let mut body = Vec::with_capacity(64 + items.iter().map(|s| s.json.len() + 1).sum::<usize>());
    body.extend_from_slice(format!("{{\"apiVersion\":\"{API_VERSION}\",\"items\":[").as_bytes());
    for (i, s) in items.iter().enumerate() {
        if i > 0 {
            body.push(b',');
        }
        body.extend_from_slice(&s.json);
    }
    body.extend_from_slice(
        format!("],\"kind\":\"{LIST_KIND}\",\"metadata\":{metadata}}}").as_bytes(),
    );
    Ok(json_response(200, body, &[]))
}

pub async fn delete_collection(app: &App, call: &Call) -> Result<Response, ApiError> {
    call.check_options("DeleteOptions")?;
    let filter = Filter::from_call(call)?;
    let mut plain = call.clone();
    plain.query.remove("limit");
    plain.query.remove("continue");
    let items = select(app, &plain, &filter)?.items;
    let mut deleted = Vec::new();
    for stored in items {
        let key = Key {
            project: call.project.clone(),
            namespace: stored.object["metadata"]["namespace"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
            name: stored.object["metadata"]["name"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
        };
        if call.dry_run() {
            deleted.push(stored.object.clone());
            continue;
        }
        // Objects deleted meanwhile by someone else are simply not in the answer.
        if let Ok(gone) = app
            .store
            .write(Write::Delete {
                key,
                expected_rv: None,
                expected_uid: None,
            })
            .await
        {
            deleted.push(gone.object.clone());
        }
    }
    let rv = app.store.read().rv;
    let list = json!({
        "apiVersion": API_VERSION,
        "items": deleted,
        "kind": LIST_KIND,
        "metadata": {"resourceVersion": rv.to_string()},
    });
    Ok(json_response(
        200,
        serde_json::to_vec(&list).unwrap_or_default(),
        &[],
    ))
}
