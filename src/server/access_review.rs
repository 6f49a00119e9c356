//! `SelfSubjectAccessReview` (what `auth can-i` asks): a request that got past authentication
//! holds a grant to the whole project (the token file grants projects, not verbs), so within
//! the project it may do anything to BackendTrafficPolicies and their status, and read the
//! discovery, OpenAPI, version and health paths; everything else this server does not serve.

use super::call::{Call, json_response};
use super::status::ApiError;
use crate::resource::{GROUP, PLURAL};
use axum::http::Method;
use axum::response::Response;
use serde_json::{Value, json};

/// The non-resource paths this server answers, as RBAC spells them (`*` a trailing wildcard).
const READABLE_PATHS: [&str; 11] = [
    "/api",
    "/api/*",
    "/apis",
    "/apis/*",
    "/openapi",
    "/openapi/*",
    "/version",
    "/version/",
    "/healthz",
    "/livez",
    "/readyz",
];

pub fn review(call: &Call, method: &Method) -> Result<Response, ApiError> {
    if *method != Method::POST {
        return Err(ApiError::method_not_allowed());
    }
    let mut review: Value = if call.content_type.contains("protobuf") {
        // kubectl sends built-in kinds such as this one as protobuf.
        from_protobuf(&call.body).ok_or_else(|| {
            ApiError::bad_request(
                "SelfSubjectAccessReview in version \"v1\" cannot be handled as a SelfSubjectAccessReview: malformed protobuf body",
            )
        })?
    } else {
        serde_json::from_slice(&call.body).map_err(|e| {
            ApiError::bad_request(format!(
                "SelfSubjectAccessReview in version \"v1\" cannot be handled as a SelfSubjectAccessReview: {e}"
            ))
        })?
    };
    let spec = &review["spec"];
    let resource = spec["resourceAttributes"].as_object();
    let non_resource = spec["nonResourceAttributes"].as_object();
    let allowed = match (resource, non_resource) {
        (Some(r), None) => resource_allowed(r),
        (None, Some(n)) => non_resource_allowed(n),
        _ => {
            return Err(ApiError::unprocessable(
                "SelfSubjectAccessReview.authorization.k8s.io \"\" is invalid: spec.resourceAttributes: Invalid value: \"null\": exactly one of nonResourceAttributes or resourceAttributes must be specified",
            ));
        }
    };
    review["apiVersion"] = json!("authorization.k8s.io/v1");
    review["kind"] = json!("SelfSubjectAccessReview");
    review["metadata"] = json!({"creationTimestamp": null});
    review["status"] = json!({"allowed": allowed});
    Ok(json_response(201, review.to_string(), &[]))
}

/// The fields of one protobuf message: (field number, varint value or bytes).
fn proto_fields(mut buf: &[u8]) -> Option<Vec<(u64, &[u8])>> {
    fn varint(buf: &mut &[u8]) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let (&byte, rest) = buf.split_first()?;
            *buf = rest;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }
    let mut fields = Vec::new();
    while !buf.is_empty() {
        let key = varint(&mut buf)?;
        match key & 7 {
            0 => {
                varint(&mut buf)?;
            }
            2 => {
                let len = usize::try_from(varint(&mut buf)?).ok()?;
                if len > buf.len() {
                    return None;
                }
                let (value, rest) = buf.split_at(len);
                fields.push((key >> 3, value));
                buf = rest;
            }
            1 if buf.len() >= 8 => buf = &buf[8..],
            5 if buf.len() >= 4 => buf = &buf[4..],
            _ => return None,
        }
    }
    Some(fields)
}

/// The strings of a message's fields, by name in field-number order (1 = `names[0]`).
fn proto_strings(buf: &[u8], names: &[&str]) -> Option<serde_json::Map<String, Value>> {
    let mut out = serde_json::Map::new();
    for (number, bytes) in proto_fields(buf)? {
        let Some(name) = usize::try_from(number)
            .ok()
            .and_then(|n| names.get(n.wrapping_sub(1)))
        else {
            continue;
        };
        if let Ok(text) = std::str::from_utf8(bytes) {
            out.insert((*name).into(), json!(text));
        }
    }
    Some(out)
}

/// A protobuf `SelfSubjectAccessReview` (the `k8s\0` envelope around a `runtime.Unknown`),
/// as the JSON object the handler reads: only its spec matters.
fn from_protobuf(body: &[u8]) -> Option<Value> {
    let unknown = body.strip_prefix(b"k8s\0")?;
    let raw = proto_fields(unknown)?.into_iter().find(|(n, _)| *n == 2)?.1;
    let spec = proto_fields(raw)?.into_iter().find(|(n, _)| *n == 2)?.1;
    let mut out = serde_json::Map::new();
    for (number, bytes) in proto_fields(spec)? {
        match number {
            1 => {
                let names = [
                    "namespace",
                    "verb",
                    "group",
                    "version",
                    "resource",
                    "subresource",
                    "name",
                ];
                out.insert(
                    "resourceAttributes".into(),
                    Value::Object(proto_strings(bytes, &names)?),
                );
            }
            2 => {
                let names = ["path", "verb"];
                out.insert(
                    "nonResourceAttributes".into(),
                    Value::Object(proto_strings(bytes, &names)?),
                );
            }
            _ => {}
        }
    }
    Some(json!({"spec": out}))
}

/// `SelfSubjectRulesReview` (`auth can-i --list`): the grant above, as RBAC rules.
pub fn rules(method: &Method) -> Result<Response, ApiError> {
    if *method != Method::POST {
        return Err(ApiError::method_not_allowed());
    }
    let review = json!({
        "kind": "SelfSubjectRulesReview",
        "apiVersion": "authorization.k8s.io/v1",
        "metadata": {"creationTimestamp": null},
        "spec": {},
        "status": {
            "resourceRules": [
                {"verbs": ["*"], "apiGroups": [GROUP],
                 "resources": [PLURAL, format!("{PLURAL}/status")]},
                {"verbs": ["create"], "apiGroups": ["authorization.k8s.io"],
                 "resources": ["selfsubjectaccessreviews", "selfsubjectrulesreviews"]},
                {"verbs": ["create"], "apiGroups": ["authentication.k8s.io"],
                 "resources": ["selfsubjectreviews"]},
            ],
            "nonResourceRules": [{"verbs": ["get"], "nonResourceURLs": READABLE_PATHS}],
            "incomplete": false,
        },
    });
    Ok(json_response(201, review.to_string(), &[]))
}

fn text<'a>(attrs: &'a serde_json::Map<String, Value>, key: &str) -> &'a str {
    attrs.get(key).and_then(Value::as_str).unwrap_or("")
}

fn resource_allowed(attrs: &serde_json::Map<String, Value>) -> bool {
    let reviews = match text(attrs, "group") {
        "authorization.k8s.io" => ["selfsubjectaccessreviews", "selfsubjectrulesreviews"]
            .contains(&text(attrs, "resource")),
        "authentication.k8s.io" => text(attrs, "resource") == "selfsubjectreviews",
        _ => false,
    };
    if reviews {
        return text(attrs, "verb") == "create" && text(attrs, "subresource").is_empty();
    }
    text(attrs, "group") == GROUP
        && text(attrs, "resource") == PLURAL
        && matches!(text(attrs, "subresource"), "" | "status")
        && !text(attrs, "verb").is_empty()
}

fn non_resource_allowed(attrs: &serde_json::Map<String, Value>) -> bool {
    let path = text(attrs, "path");
    text(attrs, "verb") == "get"
        && READABLE_PATHS.iter().any(|p| match p.strip_suffix('*') {
            Some(prefix) => path.starts_with(prefix),
            None => path == *p,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs(v: Value) -> serde_json::Map<String, Value> {
        v.as_object().cloned().unwrap_or_default()
    }

    #[test]
    fn grants_the_resource_and_its_status_only() {
        let ok = attrs(json!({"verb": "delete", "group": GROUP, "resource": PLURAL}));
        assert!(resource_allowed(&ok));
        let status = attrs(
            json!({"verb": "update", "group": GROUP, "resource": PLURAL, "subresource": "status"}),
        );
        assert!(resource_allowed(&status));
        let review = json!({"verb": "create", "group": "authorization.k8s.io", "resource": "selfsubjectrulesreviews"});
        assert!(resource_allowed(&attrs(review)));
        for no in [
            json!({"verb": "get", "group": "", "resource": "pods"}),
            json!({"verb": "get", "group": GROUP, "resource": PLURAL, "subresource": "scale"}),
            json!({"verb": "get", "group": "", "resource": "*"}),
        ] {
            assert!(!resource_allowed(&attrs(no.clone())), "{no}");
        }
    }

    #[test]
    fn reads_kubectls_protobuf_reviews() {
        // k8s\0 + Unknown{typeMeta, raw: SSAR{spec{resourceAttributes{ns, verb, group, resource}}}}
        let attrs: Vec<u8> = [
            &[0x0a, 7][..],
            b"default",
            &[0x12, 3],
            b"get",
            &[0x1a, 21],
            b"gateway.envoyproxy.io",
            &[0x2a, 22],
            b"backendtrafficpolicies",
        ]
        .concat();
        let spec = [&[0x0a, attrs.len() as u8][..], &attrs].concat();
        let ssar = [&[0x0a, 0, 0x12, spec.len() as u8][..], &spec].concat();
        let unknown = [&[0x0a, 0, 0x12, ssar.len() as u8][..], &ssar].concat();
        let body = [&b"k8s\0"[..], &unknown].concat();
        let review = from_protobuf(&body).expect("decodes");
        let a = review["spec"]["resourceAttributes"]
            .as_object()
            .expect("attrs");
        assert!(resource_allowed(a), "{review}");
        assert_eq!(review["spec"]["resourceAttributes"]["namespace"], "default");
        assert!(from_protobuf(b"k8s\0\x12\x09abc").is_none());
    }

    #[test]
    fn reads_of_served_paths_only() {
        assert!(non_resource_allowed(&attrs(
            json!({"verb": "get", "path": "/version"})
        )));
        assert!(non_resource_allowed(&attrs(
            json!({"verb": "get", "path": "/apis/x/y"})
        )));
        assert!(!non_resource_allowed(&attrs(
            json!({"verb": "post", "path": "/version"})
        )));
        assert!(!non_resource_allowed(&attrs(
            json!({"verb": "get", "path": "/logs/"})
        )));
    }
}
