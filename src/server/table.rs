//! Server-side `Table` output (`Accept: application/json;as=Table;v=v1;g=meta.k8s.io`): the
//! NAME and AGE columns kube-apiserver prints for a CRD without extra printer columns.

use super::call::Call;
use serde_json::{Value, json};

/// kube's `duration.HumanDuration`: `53s`, `3m50s`, `5h7m`, `2d3h`, `45d`, `2y10d`.
pub fn human_duration(seconds: i64) -> String {
    if seconds < -1 {
        return "<invalid>".into();
    }
    if seconds < 0 {
        return "0s".into();
    }
    if seconds < 120 {
        return format!("{seconds}s");
    }
    let minutes = seconds / 60;
    if minutes < 10 {
        let s = seconds % 60;
        return if s == 0 {
            format!("{minutes}m")
        } else {
            format!("{minutes}m{s}s")
        };
    }
    if minutes < 180 {
        return format!("{minutes}m");
    }
    let hours = seconds / 3600;
    if hours < 8 {
        let m = minutes % 60;
        return if m == 0 {
            format!("{hours}h")
        } else {
            format!("{hours}h{m}m")
        };
    }
    if hours < 48 {
        return format!("{hours}h");
    }
    if hours < 24 * 8 {
        let h = hours % 24;
        return if h == 0 {
            format!("{}d", hours / 24)
        } else {
            format!("{}d{h}h", hours / 24)
        };
    }
    if hours < 24 * 365 * 2 {
        return format!("{}d", hours / 24);
    }
    if hours < 24 * 365 * 8 {
        let dy = (hours / 24) % 365;
        return if dy == 0 {
            format!("{}y", hours / 24 / 365)
        } else {
            format!("{}y{dy}d", hours / 24 / 365)
        };
    }
    format!("{}y", hours / 24 / 365)
}

fn age(object: &Value) -> String {
    let Some(created) = object["metadata"]["creationTimestamp"].as_str() else {
        return "<unknown>".into();
    };
    match chrono::DateTime::parse_from_rfc3339(created) {
        Ok(t) => human_duration((chrono::Utc::now() - t.with_timezone(&chrono::Utc)).num_seconds()),
        Err(_) => "<unknown>".into(),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_match_kubectl_samples() {
        assert_eq!(human_duration(53), "53s");
        assert_eq!(human_duration(230), "3m50s");
        assert_eq!(human_duration(5 * 3600 + 7 * 60), "5h7m");
        assert_eq!(human_duration(2 * 86400 + 3 * 3600), "2d3h");
        assert_eq!(human_duration(45 * 86400), "45d");
        assert_eq!(human_duration(-5), "<invalid>");
    }
}
