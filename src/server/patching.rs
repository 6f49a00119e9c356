//! PATCH on one object: JSON merge patch, JSON patch, and server-side apply (which may also
//! create), each retried on a concurrent write unless the client set a precondition.

use super::App;
use super::call::{Call, value_response};
use super::object::{self, FieldValidation};
use super::resource::{commit, finish_update, store_error, stored_response};
use super::ssa;
use super::status::ApiError;
use super::store::Write;
use crate::patch;
use axum::response::Response;
use serde_json::{Value, json};

enum PatchKind {
    Merge,
    Json,
    Apply,
}

pub async fn patch(app: &App, call: &Call) -> Result<Response, ApiError> {
    call.check_options("PatchOptions")?;
    let validation = object::field_validation(call.param("fieldValidation"))?;
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
        _ => return Err(ApiError::unsupported_media_type()),
    };
    let mut pruned = Vec::new();
    let patch_doc: Value = match kind {
        PatchKind::Apply => {
            // The applied configuration itself must be a well-typed object; fields the schema
            // does not declare are dropped before ownership is computed.
            let mut applied = ssa::parse_body(&call.body)?;
            object::check_type_meta(&applied)?;
            pruned = object::prune(&mut applied, validation)?;
            applied
        }
        _ => serde_json::from_slice(&call.body)
            .map_err(|e| ApiError::bad_request(format!("error decoding patch: {e}")))?,
    };
    // A JSON patch that is not a list of operations does not decode (400); one that decodes
    // but cannot be applied is 422 below.
    if matches!(kind, PatchKind::Json) && !patch_doc.is_array() {
        let found = match patch_doc {
            Value::Object(_) => "object",
            Value::String(_) => "string",
            Value::Number(_) => "number",
            Value::Bool(_) => "bool",
            _ => "null",
        };
        return Err(ApiError::bad_request(format!(
            "json: cannot unmarshal {found} into Go value of type jsonpatch.Patch"
        )));
    }
    // The PatchOptions checks kube-apiserver makes before it reads the object.
    let invalid_option = |path: &str, error_type, detail: &str| {
        ApiError::invalid_options(
            "PatchOptions",
            &[crate::validate::FieldError {
                path: path.into(),
                pointer: String::new(),
                error_type,
                bad_value: None,
                detail: detail.into(),
            }],
        )
    };
    if !matches!(kind, PatchKind::Apply) && call.param("force").is_some() {
        return Err(invalid_option(
            "force",
            crate::validate::ErrorType::Forbidden,
            "may not be specified for non-apply patch",
        ));
    }
    if let PatchKind::Apply = kind {
        if call.param("fieldManager").is_none_or(str::is_empty) {
            return Err(invalid_option(
                "fieldManager",
                crate::validate::ErrorType::Required,
                "is required for apply patch",
            ));
        }
        if call.status {
            return Err(ApiError::bad_request(
                "server-side apply to the status subresource is not supported by this server",
            ));
        }
    }
    // Patches without a resourceVersion precondition retry on a concurrent write, as
    // kube-apiserver's GuaranteedUpdate does: for as long as the request may run, not a fixed
    // number of times, so many writers on one object do not see 409s.
    let deadline = std::time::Instant::now() + RETRY_FOR;
    while std::time::Instant::now() < deadline {
        let current = app.store.get(&call.key());
        let result = match (&kind, current) {
            (PatchKind::Apply, None) => {
                match apply_create(app, call, &patch_doc, validation, &pruned).await {
                    // Another applier created it since our read: apply again, as an update.
                    Err(e) if e.reason == "AlreadyExists" => continue,
                    other => return other,
                }
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
                let (new, mut warnings) = finish_apply(app, call, &old.object, new, validation)?;
                warnings.extend(pruned.iter().cloned());
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
                // Let the writer that won publish before reading again.
                tokio::task::yield_now().await;
                continue;
            }
            other => return other,
        }
    }
    Err(ApiError::conflict(&name))
}

/// How long a patch keeps retrying on concurrent writes: kube-apiserver's request timeout.
const RETRY_FOR: std::time::Duration = std::time::Duration::from_secs(60);

/// Server-side apply keeps the managedFields `ssa::apply` computed.
fn finish_apply(
    app: &App,
    call: &Call,
    old: &Value,
    mut new: Value,
    validation: FieldValidation,
) -> Result<(Value, Vec<String>), ApiError> {
    let managed = new["metadata"]["managedFields"].clone();
    object::set_status(&mut new, old.get("status").cloned());
    object::keep_server_metadata(old, &mut new)?;
    object::check_type_meta(&new)?;
    if new["metadata"]["name"].as_str() != call.name.as_deref() {
        return Err(ApiError::bad_request(
            "the name of the object does not match the name on the URL",
        ));
    }
    let warnings = object::admit(&mut new, Some(old), validation, &app.options)?;
    object::bump_generation(old, &mut new);
    new["metadata"]["managedFields"] = managed;
    Ok((new, warnings))
}

async fn apply_create(
    app: &App,
    call: &Call,
    applied: &Value,
    validation: FieldValidation,
    pruned: &[String],
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
    let mut warnings = object::admit(&mut obj, None, validation, &app.options)?;
    warnings.extend(pruned.iter().cloned());
    obj["metadata"]["managedFields"] = managed;
    if call.dry_run() {
        super::resource::refuse_oversized(&obj)?;
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
