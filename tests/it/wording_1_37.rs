//! The wording suite: one case per item of issue 14, each with the text kube-apiserver 1.37
//! gives, checked through the real binary (`datumctl validate`, and `datumctl serve` where the
//! item is about request handling). Each case names the upstream file the wording comes from;
//! the versions read are k8s.io/apimachinery and k8s.io/apiextensions-apiserver v0.37.0-beta.0
//! and k8s.io/kube-openapi at d427ff9 (the revision those pin for 1.37).

use crate::common;
use crate::serve_support;

use common::TestServer;
use serde_json::{Value, json};
use serve_support::{Api, policy};

const TARGETS: &str =
    r#""targetRefs":[{"group":"gateway.networking.k8s.io","kind":"HTTPRoute","name":"r"}]"#;

/// The field errors `datumctl validate -o json` reports for one policy with `spec` (the JSON
/// members after `targetRefs`) and `metadata`.
fn errors_with_meta(spec_members: &str, metadata: &str) -> Vec<String> {
    let home = tempfile::tempdir().expect("home");
    let document = format!(
        r#"{{"apiVersion":"gateway.envoyproxy.io/v1alpha1","kind":"BackendTrafficPolicy","metadata":{metadata},"spec":{{{TARGETS}{spec_members}}}}}"#
    );
    let out = common::output_with_stdin(
        common::datumctl(home.path()).args(["validate", "-o", "json", "-f", "-"]),
        document.as_bytes(),
    );
    let report: Value = serde_json::from_str(common::out(&out).trim())
        .unwrap_or_else(|e| panic!("{e}: {}{}", common::out(&out), common::err(&out)));
    common::report_messages(&report)
}

fn errors(spec_members: &str) -> Vec<String> {
    errors_with_meta(spec_members, r#"{"name":"p"}"#)
}

/// strategy.go's `field.Invalid(nil, nil, …)`, rendered by ErrorBody as JSON `null`.
const BLOCKED: &str = "<nil>: Invalid value: null: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation";

// apimachinery pkg/util/validation/field/errors.go (ErrorBody) and apiextensions-apiserver
// pkg/registry/customresource/strategy.go (hasBlockingErr).
#[test]
fn blocking_line_renders_a_nil_value_as_null() {
    let m = errors(r#","loadBalancer":{"type":"Fastest"}"#);
    assert_eq!(m.last().map(String::as_str), Some(BLOCKED), "{m:?}");
}

// apiextensions-apiserver pkg/apiserver/schema/listtype/validation.go (validateListMap) and
// errors.go (ErrorBody: maps as json.Marshal writes them).
#[test]
fn list_map_duplicates_show_the_key_as_json() {
    let m = errors(
        r#","loadBalancer":{"type":"Random","zoneAware":{"weightedZones":[{"zone":"a","weight":1},{"zone":"a","weight":2}]}}"#,
    );
    assert_eq!(
        m,
        ["spec.loadBalancer.zoneAware.weightedZones[1]: Duplicate value: {\"zone\":\"a\"}"]
    );
}

// apiextensions-apiserver pkg/apiserver/schema/cel/validation.go: the value is omitted for an
// object or array, the actual value shown for a scalar.
#[test]
fn cel_failures_omit_objects_and_show_scalars() {
    assert_eq!(
        errors(r#","loadBalancer":{"type":"ConsistentHash"}"#),
        [
            "spec.loadBalancer: Invalid value: If LoadBalancer type is consistentHash, consistentHash field needs to be set."
        ]
    );
    assert_eq!(
        errors(r#","mergeType":"Replace""#),
        [
            "spec.mergeType: Invalid value: \"Replace\": Replace is not a valid MergeType for BackendTrafficPolicySpec"
        ]
    );
}

// apimachinery pkg/api/validate/content/kube.go (IsLabelKey) via
// pkg/apis/meta/v1/validation/validation.go (ValidateLabels).
#[test]
fn label_keys_use_the_label_key_wording() {
    let m = errors_with_meta("", r#"{"name":"p","labels":{"a/b/c":"v"}}"#);
    assert_eq!(
        m,
        [
            "metadata.labels: Invalid value: \"a/b/c\": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"
        ]
    );
}

// kube-openapi pkg/validation/validate/schema_props.go and schema_messages.go
// (MustValidateAllSchemasError with ". None validated").
#[test]
fn all_of_with_none_valid() {
    let m = errors(r#","connection":{"bufferLimit":"abc"}"#);
    assert_eq!(
        m.last().map(String::as_str),
        Some(
            "<nil>: Invalid value: \"\": \"spec.connection.bufferLimit\" must validate all the schemas (allOf). None validated"
        ),
        "{m:?}"
    );
    assert_eq!(m.len(), 3, "both patterns fail first: {m:?}");
}

// kube-openapi pkg/validation/validate/slice_validator.go and errors/schema.go (TooFewItems
// carries the item count as the value).
#[test]
fn min_items_shows_the_count() {
    let m = errors(
        r#"},"status":{"ancestors":[{"ancestorRef":{"name":"g"},"controllerName":"example.com/c","conditions":[]}]"#,
    );
    assert_eq!(
        m,
        [
            "status.ancestors[0].conditions: Invalid value: 0: status.ancestors[0].conditions in body should have at least 1 items"
        ]
    );
}

// kube-openapi pkg/validation/validate/validator.go (basicCommonValidator: the enum check runs
// on any value) and errors.go (a list rendered as JSON).
#[test]
fn enum_on_a_non_scalar_shows_its_json() {
    let m = errors(r#","loadBalancer":{"type":["Random"]}"#);
    assert_eq!(
        m,
        [
            "spec.loadBalancer.type: Invalid value: \"array\": spec.loadBalancer.type in body must be of type string: \"array\"",
            "spec.loadBalancer.type: Unsupported value: [\"Random\"]: supported values: \"ConsistentHash\", \"LeastRequest\", \"Random\", \"RoundRobin\", \"BackendUtilization\", \"DynamicModule\"",
            BLOCKED,
        ]
    );
}

// kube-openapi pkg/validation/validate/schema.go (a nil value meets the type and the enum
// validators) and errors.go (nil rendered as null).
#[test]
fn null_enum_item_is_unsupported_null() {
    let m = errors(
        r#","healthCheck":{"active":{"type":"TCP","tcp":{},"healthCheckLog":{"matches":["Success",null]}}}"#,
    );
    assert_eq!(
        m,
        [
            "spec.healthCheck.active.healthCheckLog.matches[1]: Invalid value: \"null\": spec.healthCheck.active.healthCheckLog.matches[1] in body must be of type string: \"null\"",
            "spec.healthCheck.active.healthCheckLog.matches[1]: Unsupported value: null: supported values: \"Failure\", \"FailureSeriesStart\", \"Success\", \"HealthyTransition\"",
            BLOCKED,
        ]
    );
}

// kube-openapi pkg/validation/validate/validator.go (stringValidator returns at the first of
// maxLength, minLength, pattern).
#[test]
fn string_checks_stop_at_the_first_failure() {
    let long = "A".repeat(254);
    let m = errors(&format!(
        r#","healthCheck":{{"active":{{"type":"HTTP","http":{{"path":"/","hostname":"{long}"}}}}}}"#
    ));
    assert_eq!(
        m,
        [
            "spec.healthCheck.active.http.hostname: Too long: may not be more than 253 bytes",
            BLOCKED
        ]
    );
}

// kube-openapi pkg/validation/validate/object_validator.go (properties, then required).
#[test]
fn required_errors_follow_sibling_property_errors() {
    let long = "x".repeat(254);
    let home = tempfile::tempdir().expect("home");
    let document = format!(
        r#"{{"apiVersion":"gateway.envoyproxy.io/v1alpha1","kind":"BackendTrafficPolicy","metadata":{{"name":"p"}},"spec":{{"targetRefs":[{{"kind":"HTTPRoute","name":"{long}"}}]}}}}"#
    );
    let out = common::output_with_stdin(
        common::datumctl(home.path()).args(["validate", "-o", "json", "-f", "-"]),
        document.as_bytes(),
    );
    let report: Value = serde_json::from_str(common::out(&out).trim()).expect("report");
    let m: Vec<&str> = report["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["message"].as_str())
        .collect();
    assert_eq!(
        m,
        [
            "spec.targetRefs[0].name: Too long: may not be more than 253 bytes",
            "spec.targetRefs[0].group: Required value",
            BLOCKED
        ]
    );
}

// apiextensions-apiserver pkg/apiserver/schema/pruning/algorithm.go (sort.Strings of the
// pruned paths).
#[test]
fn unknown_fields_are_sorted() {
    let m = errors(r#","retry":{"zzz":1},"aaa":1"#);
    assert_eq!(
        &m[..2],
        [
            "unknown field \"spec.aaa\"",
            "unknown field \"spec.retry.zzz\""
        ]
    );
}

// apiextensions-apiserver pkg/apiserver/schema/listtype/validation.go (validateListSet reports
// the second occurrence only).
#[test]
fn set_duplicates_are_reported_once_per_value() {
    let m = errors(
        r#","healthCheck":{"active":{"type":"TCP","tcp":{},"healthCheckLog":{"matches":["Success","Failure","Success","Success"]}}}"#,
    );
    assert_eq!(
        m,
        ["spec.healthCheck.active.healthCheckLog.matches[2]: Duplicate value: \"Success\""]
    );
}

// apiextensions-apiserver pkg/apiserver/schema/listtype/validation.go (validateListMap).
#[test]
fn non_object_item_in_a_list_map() {
    let m = errors(
        r#","loadBalancer":{"type":"Random","zoneAware":{"weightedZones":[{"zone":"a","weight":1},"x",{"zone":"a","weight":1}]}}"#,
    );
    assert_eq!(
        m,
        [
            "spec.loadBalancer.zoneAware.weightedZones[1]: Invalid value: \"string\": spec.loadBalancer.zoneAware.weightedZones[1] in body must be of type object: \"string\"",
            "spec.loadBalancer.zoneAware.weightedZones[1]: Invalid value: \"x\": must be an object for an array of list-type map",
            BLOCKED,
        ]
    );
}

// apiextensions-apiserver pkg/apiserver/validation/validation.go (int-or-string becomes the
// type list integer,string) and kube-openapi pkg/validation/validate/type.go,
// schema_props.go (anyOf adds its message and the first failing branch's errors).
#[test]
fn int_or_string_given_a_bool() {
    assert_eq!(
        errors(r#","connection":{"bufferLimit":true}"#),
        [
            "spec.connection.bufferLimit: Invalid value: \"boolean\": spec.connection.bufferLimit in body must be of type integer,string: \"boolean\"",
            "<nil>: Invalid value: \"\": \"spec.connection.bufferLimit\" must validate at least one schema (anyOf)",
            "spec.connection.bufferLimit: Invalid value: \"boolean\": spec.connection.bufferLimit in body must be of type integer: \"boolean\"",
            BLOCKED,
        ]
    );
}

// kube-openapi pkg/validation/validate/type.go (the format branch) and values.go
// (IsValueValidAgainstRange).
#[test]
fn integer_formats_given_a_fraction_or_a_bool() {
    let lb = r#","loadBalancer":{"type":"Random"}"#;
    assert_eq!(
        errors(&format!(
            r#"{lb},"connection":{{"preconnect":{{"predictivePercent":150.5}}}}"#
        )),
        [
            "spec.connection.preconnect.predictivePercent: Invalid value: \"float64\": spec.connection.preconnect.predictivePercent in body must be of type int32: \"float64\"",
            "<nil>: Invalid value: \"\": Checked value must be of type integer with format int32 in spec.connection.preconnect.predictivePercent",
            BLOCKED,
        ]
    );
    assert_eq!(
        errors(&format!(
            r#"{lb},"connection":{{"preconnect":{{"predictivePercent":true}}}}"#
        )),
        [
            "spec.connection.preconnect.predictivePercent: Invalid value: \"\": spec.connection.preconnect.predictivePercent in body must be of type int32: \"\"",
            BLOCKED,
        ]
    );
    // A format-less integer: the type error and the default-format range check.
    assert_eq!(
        errors(
            r#","healthCheck":{"active":{"type":"HTTP","http":{"path":"/","expectedStatuses":[200.5]}}}"#
        )[..2],
        [
            "spec.healthCheck.active.http.expectedStatuses[0]: Invalid value: \"number\": spec.healthCheck.active.http.expectedStatuses[0] in body must be of type integer: \"number\"",
            "<nil>: Invalid value: \"\": Checked value must be of type integer (default format) in spec.healthCheck.active.http.expectedStatuses[0]",
        ]
    );
}

// sigs.k8s.io/json (integers beyond int64 decode as float64) with kube-openapi type.go and
// values.go (a float bound printed with %v).
#[test]
fn numbers_from_two_to_the_63_are_floats() {
    let m = errors(r#","retry":{"numRetries":9223372036854775808}"#);
    assert_eq!(
        m,
        [
            "spec.retry.numRetries: Invalid value: \"float64\": spec.retry.numRetries in body must be of type int32: \"float64\"",
            "<nil>: Invalid value: \"\": Checked value must be of type integer with format int32 in spec.retry.numRetries",
            BLOCKED,
        ]
    );
}

// apimachinery pkg/apis/meta/v1/validation/validation.go (ValidateLabels: values at the labels
// field) and pkg/api/validate/content/kube.go (both name-part messages).
#[test]
fn label_values_and_empty_name_parts() {
    let m = errors_with_meta("", r#"{"name":"p","labels":{"app":"-bad"}}"#);
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(
        m[0].starts_with(
            "metadata.labels: Invalid value: \"-bad\": a valid label must be an empty string"
        ),
        "{m:?}"
    );
    let m = errors_with_meta("", r#"{"name":"p","labels":{"example.com/":"v"}}"#);
    assert_eq!(m.len(), 2, "{m:?}");
    assert_eq!(
        m[0],
        "metadata.labels: Invalid value: \"example.com/\": name part must be non-empty"
    );
    assert!(m[1].starts_with(
        "metadata.labels: Invalid value: \"example.com/\": name part must consist of alphanumeric characters"
    ));
}

// apimachinery pkg/api/validation/objectmeta.go (ValidateObjectMetaAccessor: generateName;
// ValidateFinalizers) and generic.go (NameIsDNSSubdomain, maskTrailingDash).
#[test]
fn generate_name_and_finalizers_are_validated() {
    let m = errors_with_meta("", r#"{"generateName":"Web-"}"#);
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(
        m[0].starts_with(
            "metadata.generateName: Invalid value: \"Web-\": a lowercase RFC 1123 subdomain must consist of"
        ),
        "{m:?}"
    );
    let m = errors_with_meta(
        "",
        r#"{"name":"p","finalizers":["orphan","foregroundDeletion"]}"#,
    );
    assert_eq!(
        m,
        [
            "metadata.finalizers: Invalid value: [\"orphan\",\"foregroundDeletion\"]: finalizer orphan and foregroundDeletion cannot be both set"
        ]
    );
}

// The same wording from a real `datumctl serve`: the Status message aggregates the causes.
#[test]
fn serve_words_rejections_alike() {
    let server = TestServer::start_with(&["--no-status-writer"]);
    let api = Api::new(&server, "wording");
    let mut object = policy("p");
    object["spec"]["loadBalancer"] = json!({"type": "ConsistentHash"});
    let reply = api.create(&object);
    assert_eq!(reply.code, 422, "{}", reply.text);
    assert_eq!(
        reply.body["message"],
        "BackendTrafficPolicy.gateway.envoyproxy.io \"p\" is invalid: spec.loadBalancer: Invalid value: If LoadBalancer type is consistentHash, consistentHash field needs to be set."
    );
    let mut object = policy("q");
    object["spec"]["loadBalancer"] = json!({"type": "Fastest"});
    let reply = api.create(&object);
    assert_eq!(reply.code, 422, "{}", reply.text);
    let message = reply.body["message"].as_str().unwrap_or_default();
    assert!(message.ends_with(&format!("{BLOCKED}]")), "{message}");
}

// apimachinery pkg/apis/meta/v1/validation/validation.go (ValidateCreateOptions,
// ValidateUpdateOptions, ValidatePatchOptions, ValidateDeleteOptions) as the handlers in
// apiserver pkg/endpoints/handlers return them: 422 on the options' kind.
#[test]
fn serve_refuses_bad_options_on_their_kind() {
    let server = TestServer::start_with(&["--no-status-writer"]);
    let api = Api::new(&server, "options");
    let body = serde_json::to_vec(&policy("p")).expect("json");
    let post = |query: &str| {
        api.send(
            "POST",
            &format!("{}?{query}", Api::coll("default")),
            &[("Content-Type", "application/json")],
            Some(&body),
        )
    };
    let reply = post("fieldValidation=Bogus");
    assert_eq!(reply.code, 422, "{}", reply.text);
    assert_eq!(
        reply.body["message"],
        "CreateOptions.meta.k8s.io \"\" is invalid: fieldValidation: Unsupported value: \"Bogus\": supported values: \"\", \"Ignore\", \"Strict\", \"Warn\""
    );
    assert_eq!(reply.body["details"]["kind"], "CreateOptions");
    assert_eq!(reply.body["details"]["group"], "meta.k8s.io");
    let reply = post(&format!("dryRun=Some&fieldManager={}", "m".repeat(129)));
    assert_eq!(reply.code, 422, "{}", reply.text);
    assert_eq!(
        reply.body["message"],
        "CreateOptions.meta.k8s.io \"\" is invalid: [fieldManager: Too long: may not be more than 128 bytes, dryRun: Unsupported value: [\"Some\"]: supported values: \"All\"]"
    );
    let reply = api.send(
        "PATCH",
        &format!("{}?fieldValidation=strict", Api::item("default", "p")),
        &[("Content-Type", "application/merge-patch+json")],
        Some(b"{}"),
    );
    assert_eq!(reply.code, 422, "{}", reply.text);
    assert!(
        reply.body["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("PatchOptions.meta.k8s.io \"\" is invalid: fieldValidation: Unsupported value: \"strict\"")),
        "{}",
        reply.text
    );
    let reply = api.send(
        "DELETE",
        &format!("{}?dryRun=Yes", Api::item("default", "p")),
        &[],
        None,
    );
    assert_eq!(reply.code, 422, "{}", reply.text);
    assert_eq!(
        reply.body["message"],
        "DeleteOptions.meta.k8s.io \"\" is invalid: dryRun: Unsupported value: [\"Yes\"]: supported values: \"All\""
    );
    // A manager of exactly 128 bytes is fine.
    let reply = post(&format!("fieldManager={}", "m".repeat(128)));
    assert_eq!(reply.code, 201, "{}", reply.text);
}

// apiextensions-apiserver pkg/apiserver/customresource_handler.go (schemaCoercingDecoder: the
// decoder's duplicate fields, then the pruned unknown fields, in one strict decoding error) and
// pkg/apiserver/schema/pruning/algorithm.go (unknown fields sorted).
#[test]
fn serve_reports_unknown_fields_sorted_and_beside_duplicates() {
    let server = TestServer::start_with(&["--no-status-writer"]);
    let api = Api::new(&server, "strict");
    let body = br#"{"apiVersion":"gateway.envoyproxy.io/v1alpha1","kind":"BackendTrafficPolicy","metadata":{"name":"p"},"spec":{"targetRefs":[{"group":"gateway.networking.k8s.io","kind":"HTTPRoute","name":"r"}],"zz":1,"retry":{"numRetries":1,"numRetries":2},"aa":1}}"#;
    let reply = api.send(
        "POST",
        &format!("{}?fieldValidation=Strict", Api::coll("default")),
        &[("Content-Type", "application/json")],
        Some(body),
    );
    assert_eq!(reply.code, 400, "{}", reply.text);
    let message = reply.body["message"].as_str().unwrap_or_default();
    assert!(
        message.ends_with(
            "strict decoding error: duplicate field \"spec.retry.numRetries\", unknown field \"spec.aa\", unknown field \"spec.zz\""
        ),
        "{message}"
    );
    let reply = api.send(
        "POST",
        &Api::coll("default"),
        &[("Content-Type", "application/json")],
        Some(body),
    );
    assert_eq!(reply.code, 201, "{}", reply.text);
    // ureq lists a repeated header name once per occurrence: keep the first of each.
    let mut warnings: Vec<&str> = Vec::new();
    for w in reply.header("Warning") {
        if !warnings.contains(&w) {
            warnings.push(w);
        }
    }
    assert_eq!(
        warnings,
        [
            "299 - \"duplicate field \\\"spec.retry.numRetries\\\"\"",
            "299 - \"unknown field \\\"spec.aa\\\"\"",
            "299 - \"unknown field \\\"spec.zz\\\"\"",
        ]
    );
}

/// An apply configuration of policy `k` that sets one weighted zone.
fn zone_config(zone: &str, weight: i64) -> String {
    common::Policy::new("k")
        .target("HTTPRoute", "r")
        .spec(&format!(
            "  loadBalancer:\n    type: Random\n    zoneAware:\n      weightedZones:\n      - zone: {zone}\n        weight: {weight}\n"
        ))
        .yaml()
}

// sigs.k8s.io/structured-merge-diff (merge by x-kubernetes-list-map-keys, per-key ownership in
// FieldsV1, conflict paths printed as `[zone="a"]`) as kube-apiserver's field manager uses it.
#[test]
fn serve_applies_keyed_lists_per_key() {
    const APPLY: &str = "application/apply-patch+yaml";
    let server = TestServer::start_with(&["--no-status-writer"]);
    let api = Api::new(&server, "ssa-keys");
    let item = Api::item("default", "k");
    let one = api.patch(
        &format!("{item}?fieldManager=one"),
        APPLY,
        &zone_config("a", 1),
    );
    assert_eq!(one.code, 201, "{}", one.text);
    let two = api.patch(
        &format!("{item}?fieldManager=two"),
        APPLY,
        &zone_config("b", 2),
    );
    assert_eq!(two.code, 200, "{}", two.text);
    assert_eq!(
        two.body["spec"]["loadBalancer"]["zoneAware"]["weightedZones"],
        json!([{"zone": "a", "weight": 1}, {"zone": "b", "weight": 2}])
    );
    let conflict = api.patch(
        &format!("{item}?fieldManager=two"),
        APPLY,
        &zone_config("a", 7),
    );
    assert_eq!(conflict.code, 409, "{}", conflict.text);
    assert_eq!(
        conflict.body["message"],
        "Apply failed with 1 conflict: conflict with \"one\": .spec.loadBalancer.zoneAware.weightedZones[zone=\"a\"].weight"
    );
    assert_eq!(
        conflict.body["details"]["causes"][0]["field"],
        ".spec.loadBalancer.zoneAware.weightedZones[zone=\"a\"].weight"
    );
}

// apimachinery pkg/runtime/serializer/json/json.go (YAMLToJSON keeps the last value; the
// strict pass reports go-yaml's `line N: key "k" already set in map`) and apiserver
// pkg/endpoints/handlers/create.go with rest.go (parseYAMLWarnings: under Warn, one warning per
// line and the object created; under Strict, 400).
#[test]
fn serve_warns_about_repeated_yaml_keys_and_creates() {
    let server = TestServer::start_with(&["--no-status-writer"]);
    let api = Api::new(&server, "yaml-keys");
    let body = "apiVersion: gateway.envoyproxy.io/v1alpha1\nkind: BackendTrafficPolicy\nmetadata:\n  name: dup\nspec:\n  targetRefs:\n  - group: gateway.networking.k8s.io\n    kind: HTTPRoute\n    name: r\n  retry:\n    numRetries: 1\n    numRetries: 4\n";
    let post = |query: &str| {
        api.send(
            "POST",
            &format!("{}{query}", Api::coll("default")),
            &[("Content-Type", "application/yaml")],
            Some(body.as_bytes()),
        )
    };
    let strict = post("?fieldValidation=Strict");
    assert_eq!(strict.code, 400, "{}", strict.text);
    assert!(
        strict.body["message"].as_str().is_some_and(|m| m.ends_with(
            "strict decoding error: yaml: unmarshal errors:\n  line 12: key \"numRetries\" already set in map"
        )),
        "{}",
        strict.text
    );
    let warned = post("");
    assert_eq!(warned.code, 201, "{}", warned.text);
    assert_eq!(warned.body["spec"]["retry"]["numRetries"], 4);
    assert!(
        warned
            .header("Warning")
            .contains(&"299 - \"line 12: key \\\"numRetries\\\" already set in map\""),
        "{:?}",
        warned.header("Warning")
    );
}

// apiextensions-apiserver pkg/apiserver/schema/objectmeta/coerce.go (GetObjectMetaWithOptions:
// metadata decoded into ObjectMeta by sigs.k8s.io/json) and apiserver
// pkg/endpoints/handlers/create.go (transformDecodeError: 400); metav1.Time parses RFC 3339.
#[test]
fn malformed_metadata_is_a_decoding_error() {
    const LABEL: &str = "BackendTrafficPolicy in version \"v1alpha1\" cannot be handled as a BackendTrafficPolicy: json: cannot unmarshal number into Go struct field ObjectMeta.labels of type string";
    assert_eq!(
        errors_with_meta("", r#"{"name":"p","labels":{"app":5}}"#),
        [LABEL]
    );
    assert_eq!(
        errors_with_meta("", r#"{"name":"p","creationTimestamp":"yesterday"}"#),
        [
            "BackendTrafficPolicy in version \"v1alpha1\" cannot be handled as a BackendTrafficPolicy: parsing time \"yesterday\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"yesterday\" as \"2006\""
        ]
    );
    let server = TestServer::start_with(&["--no-status-writer"]);
    let api = Api::new(&server, "meta");
    let mut object = policy("p");
    object["metadata"]["labels"] = json!({"app": 5});
    let reply = api.create(&object);
    assert_eq!(reply.code, 400, "{}", reply.text);
    assert_eq!(reply.body["reason"], "BadRequest");
    assert_eq!(reply.body["message"], LABEL);
}
