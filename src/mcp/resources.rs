//! What the host may read besides calling tools: the embedded schema (the OpenAPI v3 document
//! the local control plane serves) and the Datum profile's admission rules.

use crate::schema::openapi;
use crate::validate::datum::{DATUM_RULES, Limit, WEBHOOK_NAME, restriction};
use rmcp::ErrorData;
use rmcp::model::{ReadResourceResult, Resource, ResourceContents};
use serde_json::{Value, json};

pub const SCHEMA_URI: &str = "datumctl://schema/backendtrafficpolicy/openapi-v3.json";
pub const DATUM_RULES_URI: &str = "datumctl://profiles/datum/rules.json";

const JSON: &str = "application/json";

pub fn list() -> Vec<Resource> {
    vec![
        Resource::new(SCHEMA_URI, "backendtrafficpolicy-openapi-v3")
            .with_title("BackendTrafficPolicy schema (OpenAPI v3)")
            .with_description(
                "The gateway.envoyproxy.io/v1alpha1 OpenAPI v3 document embedded in datumctl: every field of BackendTrafficPolicy with its type, description, default, bounds, enums and CEL rules (x-kubernetes-validations), identical to the Envoy Gateway CRD.",
            )
            .with_mime_type(JSON)
            .with_size(openapi::document().len() as u64),
        Resource::new(DATUM_RULES_URI, "datum-profile-rules")
            .with_title("Datum Cloud admission rules for BackendTrafficPolicy")
            .with_description(
                "What Datum Cloud's admission webhook refuses on top of the CRD, in the order it checks: forbidden fields and the bounds of others. validate_manifest with profile `datum` applies them.",
            )
            .with_mime_type(JSON),
    ]
}

pub fn read(uri: &str) -> Result<ReadResourceResult, ErrorData> {
    let text = match uri {
        SCHEMA_URI => String::from_utf8_lossy(openapi::document()).into_owned(),
        DATUM_RULES_URI => datum_rules().to_string(),
        other => {
            return Err(ErrorData::resource_not_found(
                format!(
                    "no resource {other:?}; the resources are {SCHEMA_URI} and {DATUM_RULES_URI}"
                ),
                None,
            ));
        }
    };
    Ok(ReadResourceResult::new(vec![
        ResourceContents::text(text, uri).with_mime_type(JSON),
    ]))
}

/// `DATUM_RULES` as data: each field, the limit explain shows for it, and the webhook's words
/// where it has its own.
fn datum_rules() -> Value {
    let rules: Vec<Value> = DATUM_RULES
        .iter()
        .map(|(path, limit)| {
            let field = match limit {
                Limit::ForbiddenInItems(item, _) => format!("spec.{path}.{item}"),
                _ => format!("spec.{path}"),
            };
            let rule = restriction(&field)
                .map(|r| r.trim_start_matches("Datum Cloud: ").to_string())
                .unwrap_or_default();
            let message = match limit {
                Limit::Forbidden(m) | Limit::ForbiddenInItems(_, m) | Limit::NotFalse(m) => {
                    Some(*m)
                }
                _ => None,
            };
            json!({"field": field, "rule": rule, "message": message})
        })
        .collect();
    json!({"profile": "datum", "webhook": WEBHOOK_NAME, "rules": rules})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_datum_rule_reads_with_its_limit() {
        let rules = datum_rules();
        let rules = rules["rules"].as_array().cloned().unwrap_or_default();
        assert_eq!(rules.len(), DATUM_RULES.len());
        assert!(rules.iter().all(|r| r["rule"] != ""), "{rules:?}");
        let retry = rules.iter().find(|r| r["field"] == "spec.retry");
        assert_eq!(
            retry.map(|r| r["message"].clone()),
            Some(json!("retry settings are not permitted"))
        );
    }

    #[test]
    fn unknown_uris_are_refused_by_name() {
        let e = read("datumctl://nothing")
            .err()
            .map(|e| e.message.to_string());
        assert!(e.is_some_and(|m| m.contains("datumctl://nothing")));
    }
}
