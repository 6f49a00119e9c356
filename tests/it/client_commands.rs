//! The everyday commands against a real `datumctl serve`: the quick start verbatim, every output
//! form of `get` (byte for byte against the real kubectl where kubectl is the reference), status
//! written through `/status` showing in `get` and `describe`, apply/delete/diff outcomes.

use crate::common;

use common::snapshot::assert_transcript;
use common::{Env, Policy, code, err, out};

fn policy_yaml(name: &str, labels: &str, retries: i64) -> String {
    Policy::new(name).labels(labels).retries(retries).yaml()
}

#[test]
fn quick_start_commands_verbatim() {
    let env = Env::new("my-project");
    env.write("backendtrafficpolicy.yaml", &common::usage_example());
    let applied = env.run(&[
        "apply",
        "-f",
        "backendtrafficpolicy.yaml",
        "--project",
        "my-project",
    ]);
    assert_eq!(code(&applied), 0, "{}", err(&applied));
    assert_eq!(
        out(&applied),
        "backendtrafficpolicy.gateway.envoyproxy.io/backend-traffic-example created\n"
    );
    let again = env.run(&[
        "apply",
        "-f",
        "backendtrafficpolicy.yaml",
        "--project",
        "my-project",
    ]);
    assert_eq!(code(&again), 0, "{}", err(&again));
    assert_eq!(
        out(&again),
        "backendtrafficpolicy.gateway.envoyproxy.io/backend-traffic-example unchanged\n"
    );

    let got = env.run(&["get", "backendtrafficpolicies", "--project", "my-project"]);
    assert_eq!(code(&got), 0, "{}", err(&got));
    let text = out(&got);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert_eq!(
        lines[0],
        "NAME                      TARGETS              ACCEPTED   AGE"
    );
    assert!(
        lines[1].starts_with("backend-traffic-example   gateway/my-gateway   "),
        "{text}"
    );

    env.wait_accepted("backend-traffic-example");
    let described = env.run(&[
        "describe",
        "backendtrafficpolicy",
        "backend-traffic-example",
        "--project",
        "my-project",
    ]);
    assert_transcript("client_commands__describe_quick_start", &described, &[]);
}

#[test]
fn quick_start_explain_recursive() {
    let env = Env::new("p");
    let page = env.run(&["explain", "backendtrafficpolicies", "--recursive"]);
    assert_eq!(code(&page), 0, "{}", err(&page));
    assert!(
        out(&page).contains("\n    retry\t<Object>\n"),
        "{}",
        out(&page)
    );
}

#[test]
fn every_output_form_matches_kubectl() {
    // No status writer: a status write landing between our read and kubectl's would make the
    // two outputs differ for a reason that is not the printer's.
    let env = Env::with_serve("p", &["--no-status-writer"]);
    let a = env.write("a.yaml", &policy_yaml("alpha", "app: web, tier: \"1\"", 3));
    let b = env.write("b.yaml", &policy_yaml("beta", "app: api", 5));
    for f in [&a, &b] {
        let o = env.run(&["apply", "-f", f, "--project", "p"]);
        assert_eq!(code(&o), 0, "{}", err(&o));
    }
    let forms: [&[&str]; 10] = [
        &["-o", "yaml"],
        &["-o", "json"],
        &["-o", "name"],
        &["-o", "jsonpath={.items[*].metadata.name}"],
        &[
            "-o",
            "jsonpath={range .items[*]}{.metadata.name}{\"\\t\"}{.spec.retry.numRetries}{\"\\n\"}{end}",
        ],
        &[
            "-o",
            "custom-columns=NAME:.metadata.name,RETRIES:.spec.retry.numRetries,APP:.metadata.labels.app,X:.spec.nothing",
        ],
        &["alpha", "-o", "yaml"],
        &["alpha", "beta", "-o", "json"],
        &["-l", "app=api", "-o", "name"],
        &["-l", "app=none", "-o", "yaml"],
    ];
    let ours: Vec<String> = forms
        .iter()
        .map(|args| {
            let mut full = vec!["get", "btp", "--project", "p"];
            full.extend_from_slice(args);
            let o = env.run(&full);
            assert_eq!(code(&o), 0, "{args:?}: {}", err(&o));
            out(&o)
        })
        .collect();
    // Our own expectations, independent of kubectl.
    assert_eq!(
        ours[2],
        "backendtrafficpolicy.gateway.envoyproxy.io/alpha\nbackendtrafficpolicy.gateway.envoyproxy.io/beta\n"
    );
    assert_eq!(ours[3], "alpha beta");
    assert_eq!(ours[4], "alpha\t3\nbeta\t5\n");
    assert_eq!(
        ours[5],
        "NAME    RETRIES   APP   X\nalpha   3         web   <none>\nbeta    5         api   <none>\n"
    );
    assert!(
        ours[0]
            .starts_with("apiVersion: v1\nitems:\n- apiVersion: gateway.envoyproxy.io/v1alpha1\n")
    );
    assert!(ours[0].ends_with("kind: List\nmetadata:\n  resourceVersion: \"\"\n"));
    assert!(ours[0].contains("      tier: \"1\"\n"), "{}", ours[0]);
    assert!(!ours[0].contains("managedFields"));
    assert!(ours[1].starts_with("{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n        {\n"));
    assert_eq!(
        ours[9],
        "apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: \"\"\n"
    );
    let Some(kubectl) = common::kubectl() else {
        return;
    };
    for (args, mine) in forms.iter().zip(&ours) {
        let mut full = vec!["get", "backendtrafficpolicies"];
        full.extend_from_slice(args);
        let o = env.kubectl(&kubectl, &full);
        assert_eq!(code(&o), 0, "kubectl {args:?}: {}", err(&o));
        assert_eq!(&out(&o), mine, "output differs from kubectl for {args:?}");
    }
}

#[test]
fn tables_wide_all_namespaces_labels_and_paging() {
    let env = Env::with_serve("p", &["--no-status-writer"]);
    let mut docs = String::new();
    for i in 0..5 {
        docs.push_str(&policy_yaml(&format!("p{i}"), &format!("app: a{i}"), i));
        docs.push_str("---\n");
    }
    let f = env.write("many.yaml", &docs);
    let o = env.run(&["apply", "-f", &f, "--project", "p"]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    let names = |args: &[&str]| -> Vec<String> {
        let mut full = vec!["get", "btp", "--project", "p"];
        full.extend_from_slice(args);
        let o = env.run(&full);
        assert_eq!(code(&o), 0, "{}", err(&o));
        out(&o).lines().map(String::from).collect()
    };
    let paged = names(&["--chunk-size", "2", "--no-headers"]);
    assert_eq!(paged.len(), 5, "{paged:?}");
    assert!(paged[0].starts_with("p0    httproute/route-p0   Pending   "));
    let wide = env.run(&["get", "btp", "-o", "wide"]);
    assert_transcript("client_commands__get_wide", &wide, &[]);
    let by_name = env.run(&["get", "btp", "-A", "p2", "--project", "p"]);
    assert_eq!(code(&by_name), 2, "{}", err(&by_name));
    let all = names(&["-A", "--show-labels", "-l", "app=a2"]);
    assert!(all[0].starts_with("NAMESPACE   NAME   TARGETS"), "{all:?}");
    assert!(all[0].ends_with("   LABELS"), "{all:?}");
    assert!(all[1].starts_with("default     p2     "), "{all:?}");
    assert!(all[1].ends_with("   app=a2"), "{all:?}");
    let l = names(&["-L", "app", "p3"]);
    assert!(l[0].ends_with("AGE   APP"), "{l:?}");
    assert!(l[1].ends_with("   a3"), "{l:?}");
    let none = env.run(&["get", "btp", "--project", "p", "-l", "app=zzz"]);
    assert_eq!(code(&none), 0);
    assert_eq!(out(&none), "");
    assert_eq!(err(&none), "No resources found in default namespace.\n");
    let missing = env.run(&["get", "btp", "nope", "--project", "p"]);
    assert_eq!(code(&missing), 1);
    assert_eq!(
        err(&missing),
        "Error from server (NotFound): backendtrafficpolicies.gateway.envoyproxy.io \"nope\" not found\n"
    );
    let ignored = env.run(&["get", "btp", "nope", "--project", "p", "--ignore-not-found"]);
    assert_eq!(code(&ignored), 0);
}

#[test]
fn status_written_through_the_subresource_shows_in_get_and_describe() {
    let env = Env::with_serve("p", &["--no-status-writer"]);
    let f = env.write("a.yaml", &policy_yaml("edge", "app: web", 3));
    assert_eq!(code(&env.run(&["apply", "-f", &f, "--project", "p"])), 0);
    let before = out(&env.run(&["get", "btp", "edge", "--project", "p", "--no-headers"]));
    assert!(before.contains("   Pending   "), "{before}");
    let described = out(&env.run(&["describe", "btp", "edge", "--project", "p"]));
    assert!(described.contains("Status:  Pending"), "{described}");

    // Bump the generation so one condition is stale.
    let f2 = env.write("a2.yaml", &policy_yaml("edge", "app: web", 4));
    let o = env.run(&["apply", "-f", &f2, "--project", "p"]);
    assert_eq!(
        out(&o),
        "backendtrafficpolicy.gateway.envoyproxy.io/edge configured\n"
    );
    let since = (chrono::Utc::now() - chrono::Duration::days(300))
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string();
    env.write_status(
        "edge",
        serde_json::json!({"ancestors": [
            {"ancestorRef": {"group": "gateway.networking.k8s.io", "kind": "Gateway", "name": "gw-a", "namespace": "default", "sectionName": "https"},
             "controllerName": "example.com/ctl",
             "conditions": [{"type": "Accepted", "status": "True", "reason": "Accepted", "message": "fine",
                             "observedGeneration": 2, "lastTransitionTime": since}]},
            {"ancestorRef": {"group": "gateway.networking.k8s.io", "kind": "Gateway", "name": "gw-b", "namespace": "other"},
             "controllerName": "example.com/ctl",
             "conditions": [{"type": "Accepted", "status": "False", "reason": "Conflicted", "message": "another policy wins",
                             "observedGeneration": 1, "lastTransitionTime": since}]}
        ]}),
    );
    // The newest condition's AGE prints as `300d` for the next years (kubectl's short
    // duration), so the table keeps its width and layout; the filter names the cell `[AGE]`.
    let row = env.run(&["get", "btp", "edge", "-o", "wide"]);
    assert_transcript("client_commands__get_wide_with_ancestors", &row, &[]);
    let described = env.run(&["describe", "btp", "edge"]);
    // At 120 columns the full ancestor table would not fit: the controller both rows share moves
    // above it, and the stale condition is warned about under it.
    assert_transcript("client_commands__describe_with_ancestors", &described, &[]);
}

#[test]
fn apply_interoperates_with_kubectl_apply() {
    let Some(kubectl) = common::kubectl() else {
        return;
    };
    let env = Env::new("interop");
    let kubectl_apply = |file: &str| {
        let o = env.kubectl(&kubectl, &["apply", "-f", file]);
        assert_eq!(code(&o), 0, "{}", err(&o));
        out(&o)
    };
    let datumctl_apply = |file: &str| {
        let o = env.run(&["apply", "-f", file, "--project", "interop"]);
        assert_eq!(code(&o), 0, "{}", err(&o));
        out(&o)
    };
    let by_kubectl = env.write("k.yaml", &policy_yaml("by-kubectl", "app: \"yes\"", 1));
    let by_datumctl = env.write("d.yaml", &policy_yaml("by-datumctl", "app: \"yes\"", 1));
    assert!(kubectl_apply(&by_kubectl).ends_with(" created\n"));
    assert!(datumctl_apply(&by_kubectl).ends_with("/by-kubectl unchanged\n"));
    assert!(datumctl_apply(&by_datumctl).ends_with(" created\n"));
    assert!(kubectl_apply(&by_datumctl).ends_with("/by-datumctl unchanged\n"));
    // The recorded configurations are byte for byte the same.
    let annotation = |name: &str| {
        let o = env.run(&[
            "get",
            "btp",
            name,
            "--project",
            "interop",
            "-o",
            "jsonpath={.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}",
        ]);
        out(&o).replace(name, "NAME")
    };
    assert_eq!(annotation("by-kubectl"), annotation("by-datumctl"));
    // A change made by datumctl is what kubectl would have made: kubectl then sees nothing to do.
    let changed = env.write("k2.yaml", &policy_yaml("by-kubectl", "app: web", 4));
    assert!(datumctl_apply(&changed).ends_with("/by-kubectl configured\n"));
    assert!(kubectl_apply(&changed).ends_with("/by-kubectl unchanged\n"));
}
