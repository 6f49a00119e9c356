//! `datumctl explain` against kubectl 1.37's literal output on the same CRD
//! (../shared/reference/kubectl/explain_*.txt): the layout must be kubectl's, line for line.
use crate::common;

use std::fs;

fn explain(args: &[&str]) -> String {
    let home = tempfile::tempdir().expect("tempdir");
    let out = common::datumctl(home.path())
        .arg("explain")
        .args(args)
        .output()
        .expect("run datumctl");
    assert!(
        out.status.success(),
        "explain {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty(), "explain {args:?} wrote to stderr");
    String::from_utf8(out.stdout).expect("utf-8")
}

fn kubectl_output(file: &str) -> String {
    fs::read_to_string(common::reference().join("kubectl").join(file)).expect("reference file")
}

/// The lines after `FIELDS:`.
fn fields_section(text: &str) -> Vec<&str> {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|l| *l == "FIELDS:")
        .expect("a FIELDS: section");
    lines[start + 1..].to_vec()
}

#[test]
fn recursive_field_lines_equal_kubectl_except_int_or_string() {
    let ours = explain(&["backendtrafficpolicies", "--recursive"]);
    let theirs = kubectl_output("explain_recursive.txt");
    let (ours_fields, their_fields) = (fields_section(&ours), fields_section(&theirs));
    assert_eq!(
        ours_fields.len(),
        their_fields.len(),
        "number of lines in FIELDS"
    );
    let mut int_or_string = 0;
    for (n, (a, b)) in ours_fields.iter().zip(&their_fields).enumerate() {
        if a.contains("<IntOrString>") {
            int_or_string += 1;
            assert_eq!(
                a.replace("<IntOrString>", "<Object>"),
                *b,
                "FIELDS line {n}"
            );
        } else {
            assert_eq!(a, b, "FIELDS line {n}");
        }
    }
    // Nine int-or-string nodes, some of them under arrays that kubectl lists twice.
    assert!(
        int_or_string >= 9,
        "only {int_or_string} <IntOrString> lines"
    );
    // The header and the end of the page are kubectl's too.
    assert!(ours.starts_with(
        "GROUP:      gateway.envoyproxy.io\nKIND:       BackendTrafficPolicy\nVERSION:    v1alpha1\n\nDESCRIPTION:\n"
    ));
    assert!(ours.ends_with("controllerName\t<string> -required-\n\n"));
}

/// The page with description text folded away: exact up to `DESCRIPTION:` (header, FIELD,
/// ENUM), then field and enum lines exact, every run of indented text as one `<text>`, blank
/// lines as they are. Our `DETAILS:` section (facts kubectl does not print) folds into the
/// description text before it, as a parser of kubectl's layout would read it.
fn skeleton(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut in_body = false;
    for line in text.lines() {
        if !in_body {
            in_body = line == "DESCRIPTION:";
            out.push(line.to_string());
            continue;
        }
        let is_field = line.starts_with("  ") && line.contains('\t');
        let is_enum = line.trim_start().starts_with("enum: ")
            && out.last().is_some_and(|prev| prev.contains('\t'));
        let item = if line == "DETAILS:" {
            "<text>".to_string()
        } else if line.is_empty() || line == "FIELDS:" || is_field || is_enum {
            line.to_string()
        } else {
            "<text>".to_string()
        };
        if item == "<text>" && out.last().is_some_and(|l| l == "<text>") {
            continue;
        }
        out.push(item);
    }
    out
}

#[test]
fn top_level_page_has_kubectl_structure() {
    let ours = explain(&["backendtrafficpolicies"]);
    assert_eq!(
        skeleton(&ours),
        skeleton(&kubectl_output("explain_top.txt"))
    );
}

#[test]
fn field_page_has_kubectl_structure() {
    let ours = explain(&["btp.spec.retry"]);
    assert_eq!(
        skeleton(&ours),
        skeleton(&kubectl_output("explain_retry.txt"))
    );
}

#[test]
fn enum_field_page_has_kubectl_structure() {
    let ours = explain(&["backendtrafficpolicy.spec.loadBalancer.type"]);
    let theirs = kubectl_output("explain_enum.txt");
    assert_eq!(skeleton(&ours), skeleton(&theirs));
    // Everything before DESCRIPTION is byte for byte kubectl's.
    let head = |t: &str| t.split("DESCRIPTION:").next().map(str::to_string);
    assert_eq!(head(&ours), head(&theirs));
}

#[test]
fn group_suffix_and_aliases_name_the_same_page() {
    let plain = explain(&["btp.spec.retry"]);
    for alias in [
        "backendtrafficpolicies.gateway.envoyproxy.io.spec.retry",
        "backendtrafficpolicy.spec.retry",
        "BTP.spec.retry",
    ] {
        assert_eq!(explain(&[alias]), plain, "{alias}");
    }
}

#[test]
fn max_depth_cuts_the_recursive_listing() {
    let full = explain(&["btp", "--recursive"]);
    let one = explain(&["btp", "--recursive", "--max-depth", "1"]);
    let two = explain(&["btp", "--recursive", "--max-depth", "2"]);
    let depth_of = |line: &str| (line.len() - line.trim_start().len()) / 2;
    let field_lines = |t: &str| -> Vec<String> {
        fields_section(t)
            .into_iter()
            .filter(|l| l.contains('\t'))
            .map(str::to_string)
            .collect()
    };
    let top: Vec<String> = field_lines(&one);
    assert_eq!(
        top.iter()
            .map(|l| l.trim().split('\t').next().unwrap_or(""))
            .collect::<Vec<_>>(),
        ["apiVersion", "kind", "metadata", "spec", "status"]
    );
    assert!(field_lines(&two).iter().all(|l| depth_of(l) <= 2));
    assert!(field_lines(&two).iter().any(|l| depth_of(l) == 2));
    // A cut listing is the full one with the deeper lines left out.
    let expected: Vec<String> = field_lines(&full)
        .into_iter()
        .filter(|l| depth_of(l) <= 2)
        .collect();
    assert_eq!(field_lines(&two), expected);
}

#[test]
fn recursive_from_a_field_lists_that_subtree() {
    let ours = explain(&["btp.spec.retry", "--recursive"]);
    assert!(ours.contains("FIELD: retry <Object>\n\n\nDESCRIPTION:\n"));
    let full = explain(&["btp", "--recursive"]);
    // The subtree's lines are the full listing's lines under `retry`, two levels shallower.
    let full_lines: Vec<&str> = full.lines().collect();
    let start = full_lines
        .iter()
        .position(|l| *l == "    retry\t<Object>")
        .expect("retry in the full listing");
    let under: Vec<String> = full_lines[start + 1..]
        .iter()
        .take_while(|l| l.starts_with("      "))
        .map(|l| l[4..].to_string())
        .collect();
    let sub: Vec<String> = fields_section(&ours)
        .into_iter()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    assert_eq!(sub, under);
    assert!(sub.iter().any(|l| l.starts_with("  numRetries\t<integer>")));
}

/// kubectl 1.37 itself, reading the OpenAPI that `datumctl serve` publishes (with our
/// descriptions): its recursive page must equal ours but for `<IntOrString>`, and the
/// non-recursive pages must have the same structure.
#[test]
fn live_kubectl_against_datumctl_serve_reads_like_ours() {
    let Some(kubectl) = common::kubectl() else {
        return;
    };
    let server = common::TestServer::start();
    let dir = tempfile::tempdir().expect("tempdir");
    let kubeconfig = common::write_kubeconfig(
        &dir.path().join("kubeconfig"),
        &server.project_url("explain-live"),
    );
    let live = |args: &[&str]| {
        let out = std::process::Command::new(&kubectl)
            .arg("--kubeconfig")
            .arg(&kubeconfig)
            .arg("--cache-dir")
            .arg(dir.path().join("cache"))
            .arg("explain")
            .args(args)
            .output()
            .expect("run kubectl");
        assert!(
            out.status.success(),
            "kubectl explain {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    };
    let ours = explain(&["backendtrafficpolicies", "--recursive"]);
    assert_eq!(
        ours.replace("<IntOrString>", "<Object>"),
        live(&["backendtrafficpolicies", "--recursive"])
    );
    for path in [
        "backendtrafficpolicies",
        "btp.spec.retry",
        "btp.spec.loadBalancer.type",
    ] {
        assert_eq!(
            skeleton(&explain(&[path])),
            skeleton(&live(&[path])),
            "{path}"
        );
    }
}
