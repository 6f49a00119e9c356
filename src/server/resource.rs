//! Handlers for one object: create, get, update, patch (merge, JSON, apply), delete — on the
//! main resource and on its `status` subresource.

use super::App;
use super::call::{Call, TABLE_CONTENT_TYPE, json_response, typed_response, value_response};
use super::managed::{self, Scope};
use super::object::{self, FieldValidation};
use super::status::ApiError;
use super::store::{StoreError, Stored, Write};
use super::table;
use crate::resource::API_VERSION;
use axum::response::Response;
use serde_json::{Value, json};
use std::sync::Arc;

pub(super) fn store_error(name: &str, e: StoreError) -> ApiError {
    match e {
        StoreError::AlreadyExists => ApiError::already_exists(name),
        StoreError::NotFound => ApiError::not_found(name),
        StoreError::Conflict => ApiError::conflict(name),
        StoreError::TooLarge => ApiError::object_too_large(),
        StoreError::UidMismatch { expected, actual } => ApiError::conflict_because(
            name,
            &format!(
                "Precondition failed: UID in precondition: {expected}, UID in object meta: {actual}"
            ),
        ),
        other => ApiError::internal(other.to_string()),
    }
}

/// A dry run answers as the store would: an object over its limit is refused.
pub(super) fn refuse_oversized(object: &Value) -> Result<(), ApiError> {
    let size = serde_json::to_vec(object).map_or(0, |b| b.len());
    if size > super::store::MAX_OBJECT_BYTES {
        return Err(ApiError::object_too_large());
    }
    Ok(())
}

pub(super) fn stored_response(code: u16, stored: &Stored, warnings: &[String]) -> Response {
    json_response(code, stored.json.clone(), warnings)
}

pub async fn create(app: &App, call: &Call) -> Result<Response, ApiError> {
    call.check_options("CreateOptions")?;
    let validation = object::field_validation(call.param("fieldValidation"))?;
    let mut obj = object::decode_body(&call.body, &call.content_type)?;
    let duplicates = object::refuse_duplicate_fields(&call.body, &call.content_type, validation)?;
    object::check_type_meta(&obj)?;
    let namespace = call.namespace.clone().unwrap_or_default();
    let meta = obj
        .get_mut("metadata")
        .and_then(Value::as_object_mut)
        .ok_or_else(|| ApiError::invalid("", &[required_name()]))?;
    if let Some(ns) = meta.get("namespace").and_then(Value::as_str)
        && !ns.is_empty()
        && ns != namespace
    {
        return Err(ApiError::bad_request(
            "the namespace of the provided object does not match the namespace sent on the request",
        ));
    }
    let mut name = meta
        .get("name")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    let generated = name.is_empty();
    if generated {
        match meta.get("generateName").and_then(Value::as_str) {
            Some(prefix) if !prefix.is_empty() => {
                name = format!("{prefix}{}", object::random_suffix())
            }
            _ => return Err(ApiError::invalid("", &[required_name()])),
        }
    }
    if meta.get("resourceVersion").is_some_and(|v| v != "") {
        return Err(ApiError::bad_request(
            "resourceVersion should not be set on objects to be created",
        ));
    }
    meta.insert("name".into(), json!(name));
    meta.insert("namespace".into(), json!(namespace));
    meta.insert("uid".into(), json!(uuid::Uuid::new_v4().to_string()));
    meta.insert("creationTimestamp".into(), json!(object::now()));
    meta.insert("generation".into(), json!(1));
    meta.remove("resourceVersion");
    meta.remove("deletionTimestamp");
    meta.remove("selfLink");
    if let Some(top) = obj.as_object_mut() {
        top.remove("status");
    }
    let mut warnings = duplicates;
    warnings.extend(object::admit(&mut obj, None, validation, &app.options)?);
    let manager = call.field_manager();
    managed::record_update(
        None,
        &mut obj,
        &manager,
        Scope::Main,
        API_VERSION,
        &object::now(),
    );
    if call.dry_run() {
        refuse_oversized(&obj)?;
        return Ok(value_response(201, &obj, &warnings));
    }
    // A generated name that is taken gets another suffix, as kube-apiserver retries it.
    let mut attempts = 0;
    loop {
        let mut key = call.key();
        key.name = name.clone();
        match app
            .store
            .write(Write::Create {
                key,
                object: obj.clone(),
            })
            .await
        {
            Ok(stored) => return Ok(stored_response(201, &stored, &warnings)),
            Err(StoreError::AlreadyExists) if generated && attempts < 8 => {
                attempts += 1;
                let prefix = obj["metadata"]["generateName"].as_str().unwrap_or("");
                name = format!("{prefix}{}", object::random_suffix());
                obj["metadata"]["name"] = json!(name);
            }
            Err(e) => return Err(store_error(&name, e)),
        }
    }
}

fn required_name() -> crate::validate::FieldError {
    crate::validate::FieldError {
        path: "metadata.name".into(),
        pointer: "/metadata/name".into(),
        error_type: crate::validate::ErrorType::Required,
        bad_value: None,
        detail: "name or generateName is required".into(),
    }
}

pub fn get(app: &App, call: &Call) -> Result<Response, ApiError> {
    let name = call.name.clone().unwrap_or_default();
    let stored = app
        .store
        .get(&call.key())
        .ok_or_else(|| ApiError::not_found(&name))?;
    if call.wants_table() && !call.status {
        let t = table::table(&[&stored.object], &stored.rv.to_string(), None, call);
        return Ok(typed_response(
            200,
            TABLE_CONTENT_TYPE,
            serde_json::to_vec(&t).unwrap_or_default(),
            &[],
        ));
    }
    Ok(stored_response(200, &stored, &[]))
}

fn scope(call: &Call) -> Scope {
    if call.status {
        Scope::Status
    } else {
        Scope::Main
    }
}

/// Turns a client's proposed object into the one to store: server-owned metadata from `old`,
/// status or spec preserved according to the scope, generation, validation, managedFields.
pub(super) fn finish_update(
    app: &App,
    call: &Call,
    old: &Value,
    mut new: Value,
    validation: FieldValidation,
) -> Result<(Value, Vec<String>), ApiError> {
    let name = call.name.clone().unwrap_or_default();
    object::check_type_meta(&new)?;
    if let Some(n) = new["metadata"]["name"].as_str()
        && !n.is_empty()
        && n != name
    {
        return Err(ApiError::bad_request(format!(
            "the name of the object ({n}) does not match the name on the URL ({name})"
        )));
    }
    if let Some(ns) = new["metadata"]["namespace"].as_str()
        && !ns.is_empty()
        && Some(ns) != call.namespace.as_deref()
    {
        return Err(ApiError::bad_request(
            "the namespace of the provided object does not match the namespace sent on the request",
        ));
    }
    if call.status {
        // Only status changes through the subresource.
        let status = new.get("status").cloned();
        let managed_given = new["metadata"]["managedFields"].clone();
        new = old.clone();
        object::set_status(&mut new, status);
        if !managed_given.is_null() {
            new["metadata"]["managedFields"] = managed_given;
        }
    } else {
        object::set_status(&mut new, old.get("status").cloned());
    }
    object::keep_server_metadata(old, &mut new)?;
    if let Some(meta) = new["metadata"].as_object_mut() {
        meta.remove("resourceVersion");
    }
    let warnings = object::admit(&mut new, Some(old), validation, &app.options)?;
    object::bump_generation(old, &mut new);
    managed::record_update(
        Some(old),
        &mut new,
        &call.field_manager(),
        scope(call),
        API_VERSION,
        &object::now(),
    );
    Ok((new, warnings))
}

/// Whether `new` equals `old` but for its resourceVersion and managedFields timestamps.
fn unchanged(old: &Value, new: &Value) -> bool {
    let normal = |v: &Value| {
        let mut v = v.clone();
        if let Some(meta) = v.get_mut("metadata").and_then(Value::as_object_mut) {
            meta.remove("resourceVersion");
            if let Some(entries) = meta.get_mut("managedFields").and_then(Value::as_array_mut) {
                for e in entries.iter_mut().filter_map(Value::as_object_mut) {
                    e.remove("time");
                }
            }
        }
        sort_keys(&mut v);
        v
    };
    normal(old) == normal(new)
}

fn sort_keys(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.sort_keys();
            map.values_mut().for_each(sort_keys);
        }
        Value::Array(items) => items.iter_mut().for_each(sort_keys),
        _ => {}
    }
}

/// Stores `new` over `old` (or pretends to, on dry run).
pub(super) async fn commit(
    app: &App,
    call: &Call,
    old: &Stored,
    new: Value,
    warnings: &[String],
) -> Result<Response, ApiError> {
    let name = call.name.clone().unwrap_or_default();
    // A write that changes nothing is not stored: no new resourceVersion, no watch event.
    if unchanged(&old.object, &new) {
        return Ok(stored_response(200, old, warnings));
    }
    if call.dry_run() {
        let mut shown = new;
        shown["metadata"]["resourceVersion"] = json!(old.rv.to_string());
        refuse_oversized(&shown)?;
        return Ok(value_response(200, &shown, warnings));
    }
    let stored = app
        .store
        .write(Write::Update {
            key: call.key(),
            expected_rv: old.rv,
            object: new,
        })
        .await
        .map_err(|e| store_error(&name, e))?;
    Ok(stored_response(200, &stored, warnings))
}

pub async fn update(app: &App, call: &Call) -> Result<Response, ApiError> {
    call.check_options("UpdateOptions")?;
    let validation = object::field_validation(call.param("fieldValidation"))?;
    let name = call.name.clone().unwrap_or_default();
    let new = object::decode_body(&call.body, &call.content_type)?;
    let duplicates = object::refuse_duplicate_fields(&call.body, &call.content_type, validation)?;
    let rv_text = new["metadata"]["resourceVersion"].as_str().unwrap_or("");
    let old = app
        .store
        .get(&call.key())
        .ok_or_else(|| ApiError::not_found(&name))?;
    if rv_text.is_empty() {
        return Err(ApiError::invalid(
            &name,
            &[crate::validate::FieldError {
                path: "metadata.resourceVersion".into(),
                pointer: "/metadata/resourceVersion".into(),
                error_type: crate::validate::ErrorType::Invalid,
                bad_value: Some(json!(0)),
                detail: "must be specified for an update".into(),
            }],
        ));
    }
    if rv_text.parse::<u64>().ok() != Some(old.rv) {
        return Err(ApiError::conflict(&name));
    }
    let (new, mut warnings) = finish_update(app, call, &old.object, new, validation)?;
    warnings.splice(0..0, duplicates);
    commit(app, call, &old, new, &warnings).await
}

/// `DeleteOptions` from the body, and `dryRun` from either place.
fn delete_options(call: &Call) -> Result<(Option<u64>, Option<String>, bool), ApiError> {
    let mut dry_run = call.dry_run();
    if call.body.iter().all(u8::is_ascii_whitespace) {
        return Ok((None, None, dry_run));
    }
    let opts: Value = serde_json::from_slice(&call.body)
        .map_err(|e| ApiError::bad_request(format!("error decoding DeleteOptions: {e}")))?;
    if opts["dryRun"]
        .as_array()
        .is_some_and(|a| a.iter().any(|v| v == "All"))
    {
        dry_run = true;
    }
    let rv = match opts["preconditions"]["resourceVersion"].as_str() {
        Some(t) => Some(t.parse::<u64>().map_err(|_| {
            ApiError::bad_request(format!("invalid resourceVersion precondition {t:?}"))
        })?),
        None => None,
    };
    let uid = opts["preconditions"]["uid"].as_str().map(str::to_string);
    Ok((rv, uid, dry_run))
}

pub async fn delete(app: &App, call: &Call) -> Result<Response, ApiError> {
    call.check_options("DeleteOptions")?;
    let name = call.name.clone().unwrap_or_default();
    let (rv, uid, dry_run) = delete_options(call)?;
    let current = app
        .store
        .get(&call.key())
        .ok_or_else(|| ApiError::not_found(&name))?;
    if let Some(expected) = rv
        && expected != current.rv
    {
        return Err(ApiError::conflict_because(
            &name,
            &format!(
                "Precondition failed: ResourceVersion in precondition: {expected}, ResourceVersion in object meta: {}",
                current.rv
            ),
        ));
    }
    if dry_run {
        if let Some(u) = &uid
            && current.object["metadata"]["uid"].as_str() != Some(u)
        {
            return Err(store_error(
                &name,
                StoreError::UidMismatch {
                    expected: u.clone(),
                    actual: current.object["metadata"]["uid"]
                        .as_str()
                        .unwrap_or_default()
                        .into(),
                },
            ));
        }
        return Ok(stored_response(200, &current, &[]));
    }
    let deleted: Arc<Stored> = app
        .store
        .write(Write::Delete {
            key: call.key(),
            expected_rv: rv,
            expected_uid: uid,
        })
        .await
        .map_err(|e| store_error(&name, e))?;
    Ok(stored_response(200, &deleted, &[]))
}
