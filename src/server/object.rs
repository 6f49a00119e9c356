//! Admission of one object: type metadata, names, unknown fields (pruned, and reported per
//! `fieldValidation`), the shared validator, and the metadata the server owns.

use super::status::ApiError;
use crate::resource::{API_VERSION, KIND};
use crate::schema::{Node, embedded};
use crate::validate::Profile;
use crate::validate::{self, Options, datum};
use serde_json::Value;

pub use crate::validate::FieldValidation;

/// The `fieldValidation` query parameter (absent: Warn, as kube-apiserver).
pub fn field_validation(value: Option<&str>) -> Result<FieldValidation, ApiError> {
    let value = value.unwrap_or("");
    FieldValidation::from_param(value).ok_or_else(|| {
        ApiError::bad_request(format!("fieldValidation parameter unsupported: {value}"))
    })
}

/// Now, as Kubernetes writes timestamps (`2026-11-27T20:14:31Z`).
pub fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

pub fn is_dns_label(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 63
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

pub fn is_dns_subdomain(s: &str) -> bool {
    s.len() <= 253 && s.split('.').all(is_dns_label)
}

/// The body (JSON, or YAML when the content type says so) as an object, or kube-apiserver's
/// 400 for what it cannot decode and 415 for a media type it does not read.
pub fn decode_body(body: &[u8], content_type: &str) -> Result<Value, ApiError> {
    let media = content_type.split(';').next().unwrap_or("").trim();
    let value: Value = match media {
        "" | "application/json" | "*/*" => serde_json::from_slice(body).map_err(|e| {
            ApiError::bad_request(format!("couldn't get version/kind; json parse error: {e}"))
        })?,
        "application/yaml" => std::str::from_utf8(body)
            .map_err(|_| ApiError::bad_request("the request body is not valid UTF-8"))
            .and_then(|text| {
                // Repeated keys keep their last value here; refuse_duplicate_fields words them.
                super::yaml::parse_allowing_duplicates(text)
                    .map(|(value, _)| value)
                    .map_err(ApiError::bad_request)
            })?,
        _ => {
            return Err(ApiError::unsupported_body(
                "application/json, application/yaml",
            ));
        }
    };
    if !value.is_object() {
        return Err(ApiError::bad_request(
            "couldn't get version/kind; json parse error: the body is not a JSON object",
        ));
    }
    Ok(value)
}

/// A JSON body that names a key twice in one object (serde keeps the last silently):
/// Strict refuses it as kube-apiserver's strict decoder does, Warn returns the warnings.
pub fn refuse_duplicate_fields(
    body: &[u8],
    content_type: &str,
    validation: FieldValidation,
) -> Result<Vec<String>, ApiError> {
    let media = content_type.split(';').next().unwrap_or("").trim();
    if validation == FieldValidation::Ignore {
        return Ok(Vec::new());
    }
    if media == "application/yaml" {
        return refuse_duplicate_yaml_keys(body, validation);
    }
    if !matches!(media, "" | "application/json" | "*/*") {
        return Ok(Vec::new());
    }
    let mut found = Vec::new();
    let mut de = serde_json::Deserializer::from_slice(body);
    // The body already parsed as a Value, so this walk cannot fail on syntax or depth.
    let _ = serde::de::DeserializeSeed::deserialize(
        DuplicateKeys {
            path: String::new(),
            found: &mut found,
        },
        &mut de,
    );
    let listed: Vec<String> = found
        .iter()
        .map(|p| format!("duplicate field \"{p}\""))
        .collect();
    if listed.is_empty() || validation == FieldValidation::Warn {
        return Ok(listed);
    }
    // kube-apiserver's decoder reports the duplicates and the pruned unknown fields in one strict
    // decoding error (apiextensions-apiserver customresource_handler.go, schemaCoercingDecoder).
    let mut listed = listed;
    if let Ok(mut object) = serde_json::from_slice::<Value>(body) {
        listed.extend(unknown_fields(&mut object));
    }
    Err(ApiError::undecodable(format!(
        "strict decoding error: {}",
        listed.join(", ")
    )))
}

/// A YAML body with a repeated key: kube-apiserver's strict YAML decoder reports
/// `yaml: unmarshal errors:` and one `line N: key "k" already set in map` per key; Warn sends
/// each as a warning (apiserver handlers/rest.go, parseYAMLWarnings), Strict refuses the body
/// with them and the unknown fields.
fn refuse_duplicate_yaml_keys(
    body: &[u8],
    validation: FieldValidation,
) -> Result<Vec<String>, ApiError> {
    let Some((mut object, repeated)) = std::str::from_utf8(body)
        .ok()
        .and_then(|text| super::yaml::parse_allowing_duplicates(text).ok())
    else {
        return Ok(Vec::new());
    };
    if repeated.is_empty() || validation == FieldValidation::Warn {
        return Ok(repeated);
    }
    let mut listed = vec![format!(
        "yaml: unmarshal errors:\n  {}",
        repeated.join("\n  ")
    )];
    listed.extend(unknown_fields(&mut object));
    Err(ApiError::undecodable(format!(
        "strict decoding error: {}",
        listed.join(", ")
    )))
}

/// Walks JSON, recording the dotted path of every key seen twice in the same object.
struct DuplicateKeys<'a> {
    path: String,
    found: &'a mut Vec<String>,
}

impl<'de> serde::de::DeserializeSeed<'de> for DuplicateKeys<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for DuplicateKeys<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("JSON")
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let found = self.found;
        let mut i = 0;
        while seq
            .next_element_seed(DuplicateKeys {
                path: format!("{}[{i}]", self.path),
                found: &mut *found,
            })?
            .is_some()
        {
            i += 1;
        }
        Ok(())
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let found = self.found;
        let mut seen = std::collections::HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            let path = join(&self.path, &key);
            if !seen.insert(key) {
                found.push(path.clone());
            }
            map.next_value_seed(DuplicateKeys {
                path,
                found: &mut *found,
            })?;
        }
        Ok(())
    }
}

/// `apiVersion` and `kind` must name this resource.
pub fn check_type_meta(object: &Value) -> Result<(), ApiError> {
    let kind = object["kind"].as_str().unwrap_or("");
    let api_version = object["apiVersion"].as_str().unwrap_or("");
    if kind.is_empty() {
        return Err(ApiError::bad_request(format!(
            "Object 'Kind' is missing in '{}'",
            serde_json::to_string(object).unwrap_or_default()
        )));
    }
    if api_version != API_VERSION || kind != KIND {
        return Err(ApiError::bad_request(format!(
            "the API version in the data ({api_version}) does not match the expected API version ({API_VERSION})"
        )));
    }
    // The decoder reads metadata into ObjectMeta before anything else sees the object.
    if let Some(why) = validate::metadata_decoding_error(object) {
        return Err(ApiError::undecodable(why));
    }
    Ok(())
}

/// Collects unknown fields (as kube paths) and removes them, as kube-apiserver prunes them.
fn prune_unknown(node: &Node, value: &mut Value, path: &str, out: &mut Vec<String>) {
    if node.preserve_unknown_fields || node.embedded_resource {
        return;
    }
    match value {
        Value::Object(map) => {
            if !node.properties.is_empty() {
                let unknown: Vec<String> = map
                    .keys()
                    .filter(|k| !node.properties.contains_key(*k))
                    .cloned()
                    .collect();
                for k in unknown {
                    out.push(join(path, &k));
                    map.remove(&k);
                }
                for (k, child) in map.iter_mut() {
                    if let Some(child_node) = node.properties.get(k) {
                        prune_unknown(child_node, child, &join(path, k), out);
                    }
                }
            } else if let Some(values) = &node.additional_properties {
                for (k, child) in map.iter_mut() {
                    prune_unknown(values, child, &join(path, k), out);
                }
            }
        }
        Value::Array(items) => {
            if let Some(item_node) = &node.items {
                for (i, item) in items.iter_mut().enumerate() {
                    prune_unknown(item_node, item, &format!("{path}[{i}]"), out);
                }
            }
        }
        _ => {}
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Prunes unknown fields, defaults and validates `object` (`previous` is the stored object on
/// an update), then runs the admission profile. Returns the warnings to send.
pub fn admit(
    object: &mut Value,
    previous: Option<&Value>,
    validation: FieldValidation,
    options: &Options,
) -> Result<Vec<String>, ApiError> {
    let name = object["metadata"]["name"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let warnings = prune(object, validation)?;
    // Names, structure, defaults and CEL rules: the same verdict as `datumctl validate`.
    let crd = Options {
        profile: Profile::Upstream,
    };
    let errors = validate::validate_object(object, &crd);
    if !errors.is_empty() {
        return Err(ApiError::invalid(&name, &errors));
    }
    if options.profile == Profile::Datum && datum_reviews(object, previous) {
        let denied = datum::check(object);
        if !denied.is_empty() {
            return Err(ApiError::invalid(&name, &denied).denied_by_webhook(datum::WEBHOOK_NAME));
        }
    }
    Ok(warnings)
}

/// Whether Datum's webhook looks at this write: every create; an update only when the object is
/// not being deleted and its spec changed (a labels- or status-only change passes unchecked).
fn datum_reviews(object: &Value, previous: Option<&Value>) -> bool {
    match previous {
        None => true,
        Some(old) => {
            let deleting = !object["metadata"]["deletionTimestamp"].is_null();
            !deleting && old.get("spec") != object.get("spec")
        }
    }
}

/// Removes the fields the schema does not declare and lists them (`unknown field "spec.x"`),
/// sorted as apiextensions-apiserver's pruning sorts them (pruning/algorithm.go).
fn unknown_fields(object: &mut Value) -> Vec<String> {
    let mut unknown = Vec::new();
    prune_unknown(&embedded().root, object, "", &mut unknown);
    unknown.sort();
    unknown
        .iter()
        .map(|u| format!("unknown field \"{u}\""))
        .collect()
}

/// Removes fields the schema does not declare; Strict refuses them, Warn returns warnings.
pub fn prune(object: &mut Value, validation: FieldValidation) -> Result<Vec<String>, ApiError> {
    let listed = unknown_fields(object);
    if listed.is_empty() {
        return Ok(Vec::new());
    }
    match validation {
        FieldValidation::Strict => Err(ApiError::undecodable(format!(
            "strict decoding error: {}",
            listed.join(", ")
        ))),
        FieldValidation::Warn => Ok(listed),
        FieldValidation::Ignore => Ok(Vec::new()),
    }
}

/// Puts `status` on `object`, or removes it.
pub fn set_status(object: &mut Value, status: Option<Value>) {
    match status {
        Some(s) => object["status"] = s,
        None => {
            if let Some(m) = object.as_object_mut() {
                m.remove("status");
            }
        }
    }
}

/// What a write cannot change: the metadata the server owns (name, namespace, uid,
/// creationTimestamp, generation) is copied from `old`, or dropped where `old` has none.
/// `bump_generation` runs later, once defaults are in.
pub fn keep_server_metadata(old: &Value, new: &mut Value) -> Result<(), ApiError> {
    let Some(meta) = new.get_mut("metadata").and_then(Value::as_object_mut) else {
        return Err(ApiError::bad_request("the object has no metadata"));
    };
    for owned in ["name", "namespace"]
        .into_iter()
        .chain(crate::resource::SERVER_ASSIGNED_METADATA)
    {
        match old["metadata"].get(owned) {
            Some(v) => meta.insert(owned.into(), v.clone()),
            None => meta.remove(owned),
        };
    }
    Ok(())
}

/// `generation` counts a change of anything but metadata and status, compared after
/// defaulting (as kube-apiserver decodes with defaults before it compares): a write that only
/// spells out defaults changes nothing.
pub fn bump_generation(old: &Value, new: &mut Value) {
    if spec_changed(old, new) {
        let generation = old["metadata"]["generation"].as_i64().unwrap_or(1);
        new["metadata"]["generation"] = serde_json::json!(generation + 1);
    }
}

/// Whether anything but metadata and status differs: what bumps `metadata.generation`.
pub fn spec_changed(old: &Value, new: &Value) -> bool {
    let strip = |v: &Value| {
        let mut m = v.as_object().cloned().unwrap_or_default();
        m.remove("metadata");
        m.remove("status");
        m
    };
    strip(old) != strip(new)
}

/// Five characters from kube's name-generation alphabet (no vowels, no look-alikes).
pub fn random_suffix() -> String {
    const ALPHABET: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";
    uuid::Uuid::new_v4()
        .as_bytes()
        .iter()
        .take(5)
        .map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn unknown_fields_are_pruned_and_reported() {
        let mut o = json!({
            "apiVersion": API_VERSION, "kind": KIND,
            "metadata": {"name": "a", "managedFields": [{"fieldsV1": {"f:spec": {}}}]},
            "spec": {"bogus": 1, "targetRefs": [{"group": "g", "kind": "HTTPRoute", "name": "r", "extra": true}]}
        });
        let mut out = Vec::new();
        prune_unknown(&embedded().root, &mut o, "", &mut out);
        assert_eq!(out, ["spec.bogus", "spec.targetRefs[0].extra"]);
        assert!(o["spec"].get("bogus").is_none());
        assert_eq!(
            o["metadata"]["managedFields"][0]["fieldsV1"]["f:spec"],
            json!({})
        );
    }

    #[test]
    fn strict_rejects_unknown_fields_with_kube_wording() {
        let mut o = json!({"apiVersion": API_VERSION, "kind": KIND, "metadata": {"name": "a"}, "spec": {"bogus": 1}});
        let err = admit(&mut o, None, FieldValidation::Strict, &Options::default()).unwrap_err();
        assert_eq!(
            err.message,
            "BackendTrafficPolicy in version \"v1alpha1\" cannot be handled as a BackendTrafficPolicy: strict decoding error: unknown field \"spec.bogus\""
        );
    }

    #[test]
    fn strict_rejects_duplicate_json_keys_at_any_depth() {
        let body = br#"{"spec":{"retry":{"numRetries":1,"numRetries":2}},"a":[{"x":1,"x":2}]}"#;
        let err =
            refuse_duplicate_fields(body, "application/json", FieldValidation::Strict).unwrap_err();
        assert_eq!(
            err.message,
            "BackendTrafficPolicy in version \"v1alpha1\" cannot be handled as a BackendTrafficPolicy: strict decoding error: duplicate field \"spec.retry.numRetries\", duplicate field \"a[0].x\", unknown field \"a\""
        );
        assert_eq!(
            refuse_duplicate_fields(body, "application/json", FieldValidation::Warn).ok(),
            Some(vec![
                "duplicate field \"spec.retry.numRetries\"".to_string(),
                "duplicate field \"a[0].x\"".to_string()
            ])
        );
        assert_eq!(
            refuse_duplicate_fields(body, "application/json", FieldValidation::Ignore).ok(),
            Some(vec![])
        );
        let clean = br#"{"a":{"x":1},"b":{"x":2}}"#;
        assert_eq!(
            refuse_duplicate_fields(clean, "", FieldValidation::Strict).ok(),
            Some(vec![])
        );
    }

    #[test]
    fn names() {
        assert!(is_dns_subdomain("a.b-c"));
        assert!(!is_dns_subdomain("Bad_Name"));
        assert!(!is_dns_label("a.b"));
    }
}
