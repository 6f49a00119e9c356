//! Handlers for one object: create, get, update, patch (merge, JSON, apply), delete — on the
//! main resource and on its `status` subresource.

use super::App;
use super::call::{Call, TABLE_CONTENT_TYPE, json_response, typed_response, value_response};
use super::managed::{self, Scope};
use super::object::{self, FieldValidation};
use super::status::ApiError;
use super::store::{StoreError, Stored, Write};
use super::{patch, ssa, table};
use crate::resource::API_VERSION;
use axum::response::Response;
use serde_json::{Value, json};
use std::sync::Arc;

fn store_error(name: &str, e: StoreError) -> ApiError {
    match e {
        StoreError::AlreadyExists => ApiError::already_exists(name),
        StoreError::NotFound => ApiError::not_found(name),
        StoreError::Conflict => ApiError::conflict(name),
        StoreError::UidMismatch { expected, actual } => ApiError::conflict_because(
            name,
            &format!(
                "Precondition failed: UID in precondition: {expected}, UID in object meta: {actual}"
            ),
        ),
        other => ApiError::internal(other.to_string()),
    }
}

fn stored_response(code: u16, stored: &Stored, warnings: &[String]) -> Response {
    json_response(code, stored.json.clone(), warnings)
}

pub async fn create(app: &App, call: &Call) -> Result<Response, ApiError> {
    call.check_dry_run()?;
    let validation = FieldValidation::parse(call.param("fieldValidation"))?;
    let mut obj = object::decode_body(&call.body)?;
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
    if name.is_empty() {
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
    let warnings = object::admit(&mut obj, validation, &app.options)?;
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
        return Ok(value_response(201, &obj, &warnings));
    }
    let key = {
        let mut k = call.key();
        k.name = name.clone();
        k
    };
    let stored = app
        .store
        .write(Write::Create { key, object: obj })
        .await
        .map_err(|e| store_error(&name, e))?;
    Ok(stored_response(201, &stored, &warnings))
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
fn finish_update(
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
        match status {
            Some(s) => new["status"] = s,
            None => {
                if let Some(m) = new.as_object_mut() {
                    m.remove("status");
                }
            }
        }
        if !managed_given.is_null() {
            new["metadata"]["managedFields"] = managed_given;
        }
    } else {
        match old.get("status") {
            Some(s) => new["status"] = s.clone(),
            None => {
                if let Some(m) = new.as_object_mut() {
                    m.remove("status");
                }
            }
        }
    }
    let Some(meta) = new.get_mut("metadata").and_then(Value::as_object_mut) else {
        return Err(ApiError::bad_request("the object has no metadata"));
    };
    for owned in [
        "name",
        "namespace",
        "uid",
        "creationTimestamp",
        "generation",
    ] {
        match old["metadata"].get(owned) {
            Some(v) => meta.insert(owned.into(), v.clone()),
            None => meta.remove(owned),
        };
    }
    meta.remove("resourceVersion");
    let generation = old["metadata"]["generation"].as_i64().unwrap_or(1);
    if object::spec_changed(old, &new) {
        new["metadata"]["generation"] = json!(generation + 1);
    }
    let warnings = object::admit(&mut new, validation, &app.options)?;
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

/// Stores `new` over `old` (or pretends to, on dry run).
async fn commit(
    app: &App,
    call: &Call,
    old: &Stored,
    new: Value,
    warnings: &[String],
) -> Result<Response, ApiError> {
    let name = call.name.clone().unwrap_or_default();
    if call.dry_run() {
        let mut shown = new;
        shown["metadata"]["resourceVersion"] = json!(old.rv.to_string());
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
    call.check_dry_run()?;
    let validation = FieldValidation::parse(call.param("fieldValidation"))?;
    let name = call.name.clone().unwrap_or_default();
    let new = object::decode_body(&call.body)?;
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
    let (new, warnings) = finish_update(app, call, &old.object, new, validation)?;
    commit(app, call, &old, new, &warnings).await
}

enum PatchKind {
    Merge,
    Json,
    Apply,
}

pub async fn patch(app: &App, call: &Call) -> Result<Response, ApiError> {
    call.check_dry_run()?;
    let validation = FieldValidation::parse(call.param("fieldValidation"))?;
    let name = call.name.clone().unwrap_or_default();
    let media = call
        .content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_string();
    let kind = match media.as_str() {
        "application/merge-patch+json" => PatchKind::Merge,
        "application/json-patch+json" => PatchKind::Json,
        "application/apply-patch+yaml" => PatchKind::Apply,
        _ => return Err(ApiError::unsupported_media_type(&media)),
    };
    let patch_doc: Value = match kind {
        PatchKind::Apply => ssa::parse_body(&call.body)?,
        _ => serde_json::from_slice(&call.body)
            .map_err(|e| ApiError::bad_request(format!("error decoding patch: {e}")))?,
    };
    if let PatchKind::Apply = kind {
        if call.param("fieldManager").is_none_or(str::is_empty) {
            return Err(ApiError::bad_request(
                "PATCH, application/apply-patch+yaml requires fieldManager to be set",
            ));
        }
        if call.status {
            return Err(ApiError::bad_request(
                "server-side apply to the status subresource is not supported by this server",
            ));
        }
    }
    // Patches without a resourceVersion precondition retry on a concurrent write, as
    // kube-apiserver's GuaranteedUpdate does.
    for _attempt in 0..8 {
        let current = app.store.get(&call.key());
        let result = match (&kind, current) {
            (PatchKind::Apply, None) => {
                return apply_create(app, call, &patch_doc, validation).await;
            }
            (_, None) => return Err(ApiError::not_found(&name)),
            (PatchKind::Apply, Some(old)) => {
                let force = call.flag("force");
                let new = ssa::apply(
                    Some(&old.object),
                    &patch_doc,
                    &call.field_manager(),
                    force,
                    &object::now(),
                )?;
                let (new, warnings) = finish_apply(app, call, &old.object, new, validation)?;
                commit(app, call, &old, new, &warnings).await
            }
            (PatchKind::Merge, Some(old)) => {
                let mut new = old.object.clone();
                patch::merge_patch(&mut new, &patch_doc);
                if let Some(rv) = patch_doc["metadata"]["resourceVersion"].as_str()
                    && rv != old.rv.to_string()
                {
                    return Err(ApiError::conflict(&name));
                }
                let (new, warnings) = finish_update(app, call, &old.object, new, validation)?;
                commit(app, call, &old, new, &warnings).await
            }
            (PatchKind::Json, Some(old)) => {
                let mut new = old.object.clone();
                patch::json_patch(&mut new, &patch_doc).map_err(ApiError::unprocessable)?;
                let (new, warnings) = finish_update(app, call, &old.object, new, validation)?;
                commit(app, call, &old, new, &warnings).await
            }
        };
        match result {
            Err(e)
                if e.reason == "Conflict"
                    && e.details
                        .as_ref()
                        .is_some_and(|d| d.get("causes").is_none()) =>
            {
                continue;
            }
            other => return other,
        }
    }
    Err(ApiError::conflict(&name))
}

/// Server-side apply keeps the managedFields `ssa::apply` computed.
fn finish_apply(
    app: &App,
    call: &Call,
    old: &Value,
    mut new: Value,
    validation: FieldValidation,
) -> Result<(Value, Vec<String>), ApiError> {
    let managed = new["metadata"]["managedFields"].clone();
    for owned in [
        "name",
        "namespace",
        "uid",
        "creationTimestamp",
        "generation",
    ] {
        match old["metadata"].get(owned) {
            Some(v) => new["metadata"][owned] = v.clone(),
            None => {
                if let Some(m) = new["metadata"].as_object_mut() {
                    m.remove(owned);
                }
            }
        }
    }
    match old.get("status") {
        Some(s) => new["status"] = s.clone(),
        None => {
            if let Some(m) = new.as_object_mut() {
                m.remove("status");
            }
        }
    }
    object::check_type_meta(&new)?;
    if new["metadata"]["name"].as_str() != call.name.as_deref() {
        return Err(ApiError::bad_request(
            "the name of the object does not match the name on the URL",
        ));
    }
    let generation = old["metadata"]["generation"].as_i64().unwrap_or(1);
    if object::spec_changed(old, &new) {
        new["metadata"]["generation"] = json!(generation + 1);
    }
    let warnings = object::admit(&mut new, validation, &app.options)?;
    new["metadata"]["managedFields"] = managed;
    Ok((new, warnings))
}

async fn apply_create(
    app: &App,
    call: &Call,
    applied: &Value,
    validation: FieldValidation,
) -> Result<Response, ApiError> {
    let name = call.name.clone().unwrap_or_default();
    object::check_type_meta(applied)?;
    if applied["metadata"]["name"].as_str() != Some(name.as_str()) {
        return Err(ApiError::bad_request(format!(
            "the name of the object ({}) does not match the name on the URL ({name})",
            applied["metadata"]["name"].as_str().unwrap_or("")
        )));
    }
    let mut obj = ssa::apply(None, applied, &call.field_manager(), true, &object::now())?;
    let managed = obj["metadata"]["managedFields"].clone();
    obj["metadata"]["namespace"] = json!(call.namespace.clone().unwrap_or_default());
    obj["metadata"]["uid"] = json!(uuid::Uuid::new_v4().to_string());
    obj["metadata"]["creationTimestamp"] = json!(object::now());
    obj["metadata"]["generation"] = json!(1);
    let warnings = object::admit(&mut obj, validation, &app.options)?;
    obj["metadata"]["managedFields"] = managed;
    if call.dry_run() {
        return Ok(value_response(201, &obj, &warnings));
    }
    let stored = app
        .store
        .write(Write::Create {
            key: call.key(),
            object: obj,
        })
        .await
        .map_err(|e| store_error(&name, e))?;
    Ok(stored_response(201, &stored, &warnings))
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
    call.check_dry_run()?;
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
