//! The real kubectl 1.37 against `datumctl serve`, through a kubeconfig whose server is a
//! project's control-plane URL: apply, get, describe, explain, re-apply, server-side apply,
//! a CEL-invalid apply, delete, and a second project that sees nothing of the first.

use crate::common;

use common::TestServer;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Kubectl {
    bin: PathBuf,
    home: PathBuf,
    kubeconfig: PathBuf,
}

impl Kubectl {
    fn new(bin: &Path, dir: &Path, server: &TestServer, project: &str) -> Kubectl {
        let kubeconfig = common::write_kubeconfig(
            &dir.join(format!("kubeconfig-{project}")),
            &server.project_url(project),
        );
        Kubectl {
            bin: bin.to_path_buf(),
            home: dir.to_path_buf(),
            kubeconfig,
        }
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(&self.bin)
            .args(args)
            .env("KUBECONFIG", &self.kubeconfig)
            .env("HOME", &self.home)
            .env_remove("KUBECTL_EXTERNAL_DIFF")
            .output()
            .expect("run kubectl")
    }

    /// Runs and expects success; returns stdout.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "kubectl {args:?} failed:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

#[test]
fn kubectl_drives_a_project_control_plane() {
    let Some(bin) = common::kubectl() else {
        return;
    };
    let server = TestServer::start();
    let dir = tempfile::tempdir().expect("tmp");
    let kubectl = Kubectl::new(&bin, dir.path(), &server, "acceptance");
    let file = dir.path().join("policy.yaml");
    std::fs::write(&file, common::usage_example()).expect("policy");
    let f = file.to_str().expect("utf8");

    assert_eq!(
        kubectl.ok(&["apply", "-f", f]),
        "backendtrafficpolicy.gateway.envoyproxy.io/backend-traffic-example created\n"
    );
    let table = kubectl.ok(&["get", "backendtrafficpolicies"]);
    let mut rows = table.lines();
    assert_eq!(
        rows.next()
            .map(|h| h.split_whitespace().collect::<Vec<_>>()),
        Some(vec!["NAME", "AGE"])
    );
    assert!(
        rows.next()
            .is_some_and(|r| r.starts_with("backend-traffic-example   ")),
        "{table}"
    );

    let yaml = kubectl.ok(&["get", "btp", "backend-traffic-example", "-o", "yaml"]);
    for want in [
        "kind: BackendTrafficPolicy",
        "    numRetries: 3",
        "  name: backend-traffic-example",
        "  namespace: default",
        "  generation: 1",
    ] {
        assert!(yaml.contains(want), "{want:?} missing from:\n{yaml}");
    }

    // The status writer fills the ancestors describe shows.
    let mut described = String::new();
    for _ in 0..100 {
        described = kubectl.ok(&["describe", "btp", "backend-traffic-example"]);
        if described.contains("Controller Name:") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    for want in [
        "Name:         backend-traffic-example\n",
        "Namespace:    default\n",
        "Kind:         BackendTrafficPolicy\n",
        "    Num Retries:  3\n",
        "      Name:       my-gateway\n",
        "      Reason:                Accepted\n",
        "    Controller Name:         gateway.envoyproxy.io/gatewayclass-controller\n",
    ] {
        assert!(
            described.contains(want),
            "{want:?} missing from:\n{described}"
        );
    }

    // explain reads the served OpenAPI v3: the field tree is kubectl's, line for line.
    let explained = kubectl.ok(&["explain", "backendtrafficpolicies", "--recursive"]);
    let reference =
        std::fs::read_to_string(common::reference().join("kubectl/explain_recursive.txt"))
            .expect("reference");
    let fields = |text: &str| {
        text.split_once("FIELDS:\n")
            .map(|(_, f)| f.to_string())
            .unwrap_or_default()
    };
    assert!(!fields(&explained).is_empty(), "{explained}");
    assert_eq!(fields(&explained), fields(&reference));
    assert!(explained.starts_with(
        "GROUP:      gateway.envoyproxy.io\nKIND:       BackendTrafficPolicy\nVERSION:    v1alpha1\n"
    ));

    std::fs::write(
        &file,
        common::usage_example().replace("numRetries: 3", "numRetries: 4"),
    )
    .expect("edit");
    assert_eq!(
        kubectl.ok(&["apply", "-f", f]),
        "backendtrafficpolicy.gateway.envoyproxy.io/backend-traffic-example configured\n"
    );
    std::fs::write(
        &file,
        common::usage_example().replace("numRetries: 3", "numRetries: 5"),
    )
    .expect("edit");
    assert_eq!(
        kubectl.ok(&["apply", "--server-side", "-f", f]),
        "backendtrafficpolicy.gateway.envoyproxy.io/backend-traffic-example serverside-applied\n"
    );
    let got = kubectl.ok(&[
        "get",
        "btp",
        "backend-traffic-example",
        "-o",
        "jsonpath={.spec.retry.numRetries} {.metadata.generation}",
    ]);
    assert_eq!(got, "5 3");

    // A CEL rule of the CRD: ConsistentHash needs its consistentHash settings.
    let bad = dir.path().join("bad.yaml");
    std::fs::write(
        &bad,
        common::usage_example()
            .replace("backend-traffic-example", "cel-invalid")
            .replace("type: LeastRequest", "type: ConsistentHash"),
    )
    .expect("bad");
    let rejected = kubectl.run(&["apply", "-f", bad.to_str().expect("utf8")]);
    assert!(!rejected.status.success());
    let stderr = String::from_utf8_lossy(&rejected.stderr);
    assert!(
        stderr.contains("The BackendTrafficPolicy \"cel-invalid\" is invalid: spec.loadBalancer: Invalid value: If LoadBalancer type is consistentHash, consistentHash field needs to be set."),
        "{stderr}"
    );

    let other = Kubectl::new(&bin, dir.path(), &server, "second-project");
    let none = other.run(&["get", "btp"]);
    assert!(none.status.success());
    assert_eq!(
        String::from_utf8_lossy(&none.stderr),
        "No resources found in default namespace.\n"
    );
    assert!(
        !other
            .run(&["get", "btp", "backend-traffic-example"])
            .status
            .success()
    );

    assert_eq!(
        kubectl.ok(&["delete", "-f", f]),
        "backendtrafficpolicy.gateway.envoyproxy.io \"backend-traffic-example\" deleted from default namespace\n"
    );
    let after = kubectl.run(&["get", "btp", "backend-traffic-example"]);
    assert_eq!(
        String::from_utf8_lossy(&after.stderr),
        "Error from server (NotFound): backendtrafficpolicies.gateway.envoyproxy.io \"backend-traffic-example\" not found\n"
    );
}

#[test]
fn kubectl_get_watch_streams_table_rows() {
    let Some(bin) = common::kubectl() else {
        return;
    };
    let server = TestServer::start();
    let dir = tempfile::tempdir().expect("tmp");
    let kubectl = Kubectl::new(&bin, dir.path(), &server, "watching");
    let file = dir.path().join("policy.yaml");
    std::fs::write(&file, common::usage_example()).expect("policy");
    kubectl.ok(&["apply", "-f", file.to_str().expect("utf8")]);
    let mut watch = Command::new(&kubectl.bin)
        .args(["get", "btp", "-w", "-L", "team"])
        .env("KUBECONFIG", &kubectl.kubeconfig)
        .env("HOME", &kubectl.home)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("kubectl get -w");
    // Lines arrive through a channel so a missing one fails the test instead of hanging it.
    let (tx, rx) = std::sync::mpsc::channel();
    let stdout = watch.stdout.take().expect("stdout");
    std::thread::spawn(move || {
        for line in std::io::BufRead::lines(std::io::BufReader::new(stdout)) {
            if tx.send(line.unwrap_or_default()).is_err() {
                return;
            }
        }
    });
    let next = || {
        rx.recv_timeout(std::time::Duration::from_secs(10))
            .unwrap_or_default()
    };
    assert_eq!(
        next().split_whitespace().collect::<Vec<_>>(),
        ["NAME", "AGE", "TEAM"]
    );
    assert!(next().starts_with("backend-traffic-example   "));
    kubectl.ok(&["label", "btp", "backend-traffic-example", "team=edge"]);
    // Each change arrives as another row; the status writer may add one of its own first.
    let labelled = (0..4).map(|_| next()).find(|row| row.ends_with("edge"));
    assert!(labelled.is_some_and(|r| r.starts_with("backend-traffic-example   ")));
    let _ = watch.kill();
    let _ = watch.wait();
}
