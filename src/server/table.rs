//! Server-side `Table` output (`Accept: application/json;as=Table;v=v1;g=meta.k8s.io`): the
//! NAME and AGE columns kube-apiserver prints for a CRD without extra printer columns.

use super::call::Call;
use serde_json::{Value, json};

/// The AGE cell, as kube-apiserver's default CRD columns and kubectl print it.
fn age(object: &Value) -> String {
    crate::print::table::age(
        object["metadata"]["creationTimestamp"].as_str(),
        chrono::Utc::now(),
    )
}

fn row(object: &Value, include: &str) -> Value {
    let embedded = match include {
        "None" => Value::Null,
        "Object" => object.clone(),
        _ => json!({
            "kind": "PartialObjectMetadata",
            "apiVersion": "meta.k8s.io/v1",
            "metadata": object["metadata"],
        }),
    };
    let mut r = json!({
        "cells": [object["metadata"]["name"], age(object)],
    });
    if !embedded.is_null() {
        r["object"] = embedded;
    }
    r
}

/// A Table of `objects`; `continue_token` carries on a paged list.
pub fn table(objects: &[&Value], rv: &str, continue_token: Option<&str>, call: &Call) -> Value {
    let include = call.param("includeObject").unwrap_or("Metadata");
    let mut metadata = json!({ "resourceVersion": rv });
    if let Some(c) = continue_token {
        metadata["continue"] = json!(c);
    }
    json!({
        "kind": "Table",
        "apiVersion": "meta.k8s.io/v1",
        "metadata": metadata,
        "columnDefinitions": [
            {"name": "Name", "type": "string", "format": "name",
             "description": "The object's unique name within its namespace.", "priority": 0},
            {"name": "Age", "type": "date", "format": "",
             "description": "How long ago the object was created.", "priority": 0}
        ],
        "rows": objects.iter().map(|o| row(o, include)).collect::<Vec<_>>(),
    })
}
