//! What `datumctl explain` shows beyond kubectl: every enum value, defaults, bounds, CEL rule
//! messages, `<IntOrString>`, and `-o json`; and its errors for unknown paths and resources.
use crate::common;

use std::fs;
use std::process::Output;

fn run(args: &[&str]) -> Output {
    let home = tempfile::tempdir().expect("tempdir");
    common::datumctl(home.path())
        .arg("explain")
        .args(args)
        .output()
        .expect("run datumctl")
}

fn explain(args: &[&str]) -> String {
    let out = run(args);
    assert!(
        out.status.success(),
        "explain {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// The indented lines of one section (`DETAILS:`, `ENUM:`) of a page.
fn section(page: &str, name: &str) -> Vec<String> {
    page.lines()
        .skip_while(|l| *l != name)
        .skip(1)
        .take_while(|l| l.starts_with("    "))
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// The lines of one entry (`  name\t<type>` up to the blank line) of a non-recursive FIELDS list.
fn entry(page: &str, name: &str) -> Vec<String> {
    let head = format!("  {name}\t");
    page.lines()
        .skip_while(|l| !l.starts_with(&head))
        .take_while(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The messages the upstream CRD attaches to the CEL rules of the node at `path`, read from
/// the reference list of rules (`## N. \`path\`` then `- message: "…"`).
fn rule_messages(path: &str) -> Vec<String> {
    let text = fs::read_to_string(common::reference().join("envoy-gateway/cel-rules.md"))
        .expect("cel-rules.md");
    let heading = format!("`{path}`");
    let mut messages = Vec::new();
    let mut in_node = false;
    for line in text.lines() {
        if line.starts_with("## ") {
            in_node = line.ends_with(&heading);
        } else if in_node && let Some(m) = line.strip_prefix("- message: ") {
            messages.push(m.trim_matches('"').to_string());
        }
    }
    messages
}

#[test]
fn enum_field_lists_all_six_load_balancer_types() {
    let page = explain(&["btp.spec.loadBalancer.type"]);
    assert_eq!(
        section(&page, "ENUM:"),
        [
            "ConsistentHash",
            "LeastRequest",
            "Random",
            "RoundRobin",
            "BackendUtilization",
            "DynamicModule"
        ]
    );
    // In the parent's field list kubectl cuts the enum after four; our detail line has all six.
    let parent = explain(&["btp.spec.loadBalancer"]);
    let lines = entry(&parent, "type");
    assert_eq!(lines[0], "  type\t<string> -required-");
    assert_eq!(
        lines[1],
        "  enum: ConsistentHash, LeastRequest, Random, RoundRobin, ...."
    );
    assert!(
        lines.contains(
            &"    enum: ConsistentHash, LeastRequest, Random, RoundRobin, BackendUtilization, DynamicModule"
                .to_string()
        ),
        "{lines:?}"
    );
}

#[test]
fn num_retries_shows_default_and_minimum() {
    let page = explain(&["btp.spec.retry.numRetries"]);
    assert!(page.contains("FIELD: numRetries <integer>\n"));
    let details = section(&page, "DETAILS:");
    assert!(details.contains(&"default: 2".to_string()), "{details:?}");
    assert!(details.contains(&"minimum: 0".to_string()), "{details:?}");
    // The same facts in the parent's field list.
    let parent = explain(&["btp.spec.retry"]);
    let lines = entry(&parent, "numRetries");
    assert!(lines.contains(&"    default: 2".to_string()), "{lines:?}");
    assert!(lines.contains(&"    minimum: 0".to_string()), "{lines:?}");
}

#[test]
fn load_balancer_shows_its_cel_rule_messages() {
    let messages = rule_messages("spec.loadBalancer");
    assert!(messages.len() >= 5, "reference lists {messages:?}");
    let details = section(&explain(&["btp.spec.loadBalancer"]), "DETAILS:");
    for message in &messages {
        assert!(
            details.contains(&format!("rule: {message}")),
            "missing {message:?} in {details:?}"
        );
    }
    // Rules on a child show in the child's field entry.
    let child = rule_messages("spec.loadBalancer.consistentHash");
    assert!(!child.is_empty());
    let lines = entry(&explain(&["btp.spec.loadBalancer"]), "consistentHash");
    for message in &child {
        assert!(lines.contains(&format!("    rule: {message}")), "{lines:?}");
    }
}

#[test]
fn recursive_view_is_names_and_types_only() {
    let page = explain(&["btp.spec.retry", "--recursive"]);
    assert!(!page.contains("DETAILS:"));
    assert!(!page.contains("default:"));
    assert!(!page.contains("<no description>"));
}

#[test]
fn int_or_string_fields_say_so() {
    let page = explain(&["btp.spec.bandwidthLimit.request.limit"]);
    assert_eq!(
        entry(&page, "value")[0],
        "  value\t<IntOrString> -required-"
    );
    let field = explain(&["btp.spec.bandwidthLimit.request.limit.value"]);
    assert!(field.contains("FIELD: value <IntOrString>\n"));
}

#[test]
fn paths_go_through_arrays_and_maps() {
    let page = explain(&["btp.spec.targetRefs.name"]);
    assert!(page.contains("FIELD: name <string>\n"));
    let details = section(&page, "DETAILS:");
    assert!(details.contains(&"minLength: 1".to_string()), "{details:?}");
    assert!(
        details.contains(&"maxLength: 253".to_string()),
        "{details:?}"
    );
    // metadata.labels is a map of strings; ownerReferences an array of objects.
    assert!(explain(&["btp.metadata.labels"]).contains("FIELD: labels <map[string]string>\n"));
    assert!(explain(&["btp.metadata.ownerReferences.uid"]).contains("FIELD: uid <string>\n"));
}

#[test]
fn json_output_is_the_schema_subtree() {
    let text = explain(&["btp.spec.retry", "-o", "json"]);
    let node: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(node["type"], "object");
    assert_eq!(node["properties"]["numRetries"]["default"], 2);
    assert_eq!(node["properties"]["numRetries"]["minimum"], 0);
    let whole: serde_json::Value =
        serde_json::from_str(&explain(&["btp", "-o", "json"])).expect("valid JSON");
    assert_eq!(whole["properties"]["spec"]["properties"]["retry"], node);
    let plain = explain(&["btp.spec.retry", "-o", "plaintext"]);
    assert_eq!(plain, explain(&["btp.spec.retry"]));
}

/// Unknown fields (at the top, deep with a case slip, below a leaf), an unknown resource and
/// an unknown output format: what is wrong, the nearest name, the names accepted.
#[test]
fn unknown_fields_resources_and_formats_are_explained() {
    let cases: [&[&str]; 5] = [
        &["explain", "backendtrafficpolicies.spec.retri"],
        &["explain", "btp.spec.loadBalancer.consistenthash.tablesize"],
        &["explain", "btp.spec.retry.numRetries.count"],
        &["explain", "pods.spec"],
        &["explain", "btp", "-o", "yaml"],
    ];
    let runs: Vec<(&[&str], Output)> = cases
        .into_iter()
        .map(|args| (args, run(&args[1..])))
        .collect();
    common::snapshot::assert_session("explain_details__unknown_names", &runs, &[]);
}

#[test]
fn enums_and_patterns_inside_all_of_are_shown() {
    // kubebuilder puts this enum only in allOf parts, where kubectl never looks.
    let page = explain(&["btp.spec.healthCheck.active.type"]);
    assert_eq!(section(&page, "DETAILS:"), ["enum: HTTP, TCP, GRPC"]);
    // An int-or-string quantity: both allOf patterns, and no anyOf noise.
    let limit = explain(&["btp.spec.bandwidthLimit.request.limit"]);
    let value = entry(&limit, "value");
    assert_eq!(
        value
            .iter()
            .filter(|l| l.starts_with("    pattern: "))
            .count(),
        2
    );
    assert!(!value.iter().any(|l| l.contains("anyOf")), "{value:?}");
    // Enums on array items, which kubectl drops.
    let grpc = explain(&["btp.spec.admissionControl.successCriteria.grpc"]);
    assert!(
        entry(&grpc, "statusCodes")
            .iter()
            .any(|l| l.starts_with("    items enum: Ok, Cancelled,"))
    );
}

#[test]
fn errors_as_json_carry_the_hint() {
    let out = run(&["btp.spec.retri", "--error-format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let err: serde_json::Value =
        serde_json::from_slice(&out.stderr).expect("one JSON object on stderr");
    assert_eq!(err["error"]["exitCode"], 1);
    assert_eq!(
        err["error"]["message"],
        "field \"retri\" does not exist in backendtrafficpolicies.spec"
    );
    assert_eq!(err["error"]["hints"][0], "did you mean \"retry\"?");
}

#[test]
fn max_depth_without_recursive_is_a_usage_error() {
    let out = run(&["btp", "--max-depth", "2"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--recursive"));
}
