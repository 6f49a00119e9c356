//! The real kubectl 1.37 and datumctl read the SAME kubeconfig against the SAME `datumctl serve`
//! (started with `--token-file`, so credentials matter): exec plugins (v1, v1beta1, and
//! datumctl's own `auth get-token` through `auth update-kubeconfig`), merged KUBECONFIG lists,
//! a relative tokenFile, basic auth, impersonation. kubectl sends credentials only over TLS, so
//! both go through a TLS recording proxy in front of serve, which shows the headers each sent.
//! Also: a context's token never reaches a server given by DATUMCTL_SERVER.

use crate::common;
use crate::support_faults;
use crate::support_tls_recorder;

use common::TestServer;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use support_tls_recorder::{Recorded, TlsRecorder};

const GOOD: &str = "good-token-1";

/// serve (plain http, token file) behind a TLS recorder, plus kubectl and a scratch dir.
struct Rig {
    kubectl: PathBuf,
    dir: tempfile::TempDir,
    ca: String,
    server: TestServer,
    recorder: TlsRecorder,
}

fn rig() -> Option<Rig> {
    let kubectl = common::kubectl()?;
    let dir = tempfile::tempdir().expect("tmp");
    let certs = dir.path().join("certs");
    std::fs::create_dir(&certs).expect("mkdir");
    let (ca, cert, key) = common::test_certificates(&certs)?;
    let tokens = dir.path().join("tokens");
    std::fs::write(&tokens, format!("{GOOD}\n")).expect("tokens");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&tokens, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    }
    let server = TestServer::start_with(&["--token-file", &tokens.to_string_lossy()]);
    let recorder = TlsRecorder::start(Path::new(&cert), Path::new(&key), &server.url);
    Some(Rig {
        kubectl,
        dir,
        ca,
        server,
        recorder,
    })
}

impl Rig {
    /// A datumctl context `name` for project `p` on the recorder, with the good token and the
    /// CA that trusts it, as `config set-context` saves it.
    fn login_context(&self, name: &str) {
        let set = common::datumctl(self.dir.path())
            .args([
                "config",
                "set-context",
                name,
                "--server",
                &self.recorder.url,
            ])
            .args(["--project", "p", "--token", GOOD])
            .args(["--certificate-authority", &self.ca])
            .output()
            .expect("set-context");
        assert!(set.status.success(), "{}", text(&set));
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The project's control-plane URL through the recorder.
    fn project_url(&self) -> String {
        common::project_base(&self.recorder.url, "p")
    }

    /// A kubeconfig with one cluster (through the recorder, trusting the test CA), one context
    /// and the user given as YAML lines indented under `user:`.
    fn kubeconfig(&self, user: &str) -> String {
        format!(
            "apiVersion: v1\nkind: Config\ncurrent-context: x\nclusters:\n- name: c\n  cluster:\n    server: {}\n    certificate-authority: {}\ncontexts:\n- name: x\n  context:\n    cluster: c\n    user: u\n    namespace: default\nusers:\n- name: u\n  user:\n{user}",
            self.project_url(),
            self.ca
        )
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let p = self.path(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&p, text).expect("write");
        p
    }

    fn kubectl(&self, kubeconfig: &str, extra: &[&str]) -> (Output, Vec<Recorded>) {
        self.recorder.take();
        let out = Command::new(&self.kubectl)
            .args(["get", "backendtrafficpolicies"])
            .args(extra)
            .env("KUBECONFIG", kubeconfig)
            .env("HOME", self.dir.path())
            .current_dir(self.dir.path())
            .stdin(std::process::Stdio::null())
            .output()
            .expect("run kubectl");
        (out, self.recorder.take())
    }

    fn datumctl(&self, kubeconfig: &str, extra: &[&str]) -> (Output, Vec<Recorded>) {
        self.recorder.take();
        let out = common::datumctl(self.dir.path())
            .args(["get", "backendtrafficpolicies"])
            .args(extra)
            .env("KUBECONFIG", kubeconfig)
            .current_dir(self.dir.path())
            .output()
            .expect("run datumctl");
        (out, self.recorder.take())
    }

    /// Both tools with the same kubeconfig (KUBECONFIG, possibly a list) and arguments.
    fn both(&self, kubeconfig: &str, extra: &[&str]) -> [(Output, Vec<Recorded>); 2] {
        [
            self.kubectl(kubeconfig, extra),
            self.datumctl(kubeconfig, extra),
        ]
    }
}

fn text(o: &Output) -> String {
    format!(
        "exit {:?}\nstdout: {}\nstderr: {}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Both succeeded, and every request each made carried `authorization`.
fn assert_both_ok_with(runs: &[(Output, Vec<Recorded>); 2], authorization: &str) {
    for (tool, (out, seen)) in ["kubectl", "datumctl"].iter().zip(runs) {
        assert!(out.status.success(), "{tool}: {}", text(out));
        assert!(!seen.is_empty(), "{tool} sent nothing through the recorder");
        for r in seen {
            assert_eq!(
                r.header("authorization"),
                vec![authorization],
                "{tool} {} {}",
                r.method,
                r.target
            );
        }
    }
}

fn assert_both_refuse(runs: &[(Output, Vec<Recorded>); 2]) {
    let [(k, _), (d, _)] = runs;
    assert!(!k.status.success(), "kubectl: {}", text(k));
    assert!(!d.status.success(), "datumctl: {}", text(d));
}

/// A plugin that logs each run (its first argument and KUBERNETES_EXEC_INFO) and prints an
/// ExecCredential of `api_version` with GOOD and an expiry an hour ahead.
fn plugin_script(rig: &Rig, name: &str, api_version: &str) -> PathBuf {
    let p = rig.write(
        name,
        &format!(
            "#!/bin/sh\nprintf '%s %s\\n' \"$1\" \"$KUBERNETES_EXEC_INFO\" >> \"$PLUGIN_LOG\"\n\
             exp=$(date -u -d '+1 hour' +%Y-%m-%dT%H:%M:%SZ)\n\
             printf '{{\"kind\":\"ExecCredential\",\"apiVersion\":\"{api_version}\",\"status\":{{\"token\":\"{GOOD}\",\"expirationTimestamp\":\"%s\"}}}}\\n' \"$exp\"\n"
        ),
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    p
}

fn log_lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

#[test]
fn exec_plugins_v1_and_v1beta1_run_once_per_process_with_cluster_info() {
    let Some(rig) = rig() else { return };
    for (api_version, mode) in [
        (
            "client.authentication.k8s.io/v1",
            "      interactiveMode: Never\n",
        ),
        ("client.authentication.k8s.io/v1beta1", ""),
    ] {
        let log = rig.path("plugin.log");
        let _ = std::fs::remove_file(&log);
        plugin_script(&rig, "bin/plugin.sh", api_version);
        // A relative command with a slash is relative to the kubeconfig's directory.
        let kc = rig.write(
            "kc-exec",
            &rig.kubeconfig(&format!(
                "    exec:\n      apiVersion: {api_version}\n      command: ./bin/plugin.sh\n      args: [run]\n      env:\n      - name: PLUGIN_LOG\n        value: {}\n      provideClusterInfo: true\n{mode}",
                log.display()
            )),
        );
        let kc = kc.to_string_lossy();
        let (k, k_seen) = rig.kubectl(&kc, &[]);
        let after_kubectl = log_lines(&log);
        let (d, d_seen) = rig.datumctl(&kc, &[]);
        let lines = log_lines(&log);
        assert_both_ok_with(&[(k, k_seen), (d, d_seen)], &format!("Bearer {GOOD}"));
        // Once per process: kubectl ran it once, datumctl once.
        assert_eq!(after_kubectl.len(), 1, "{api_version}: {after_kubectl:?}");
        assert_eq!(lines.len(), 2, "{api_version}: {lines:?}");
        let info = |line: &str| -> serde_json::Value {
            let json = line.strip_prefix("run ").expect("plugin args");
            serde_json::from_str(json).expect("KUBERNETES_EXEC_INFO is JSON")
        };
        let (ki, di) = (info(&lines[0]), info(&lines[1]));
        for v in [&ki, &di] {
            assert_eq!(v["apiVersion"], api_version, "{v}");
            assert_eq!(v["kind"], "ExecCredential");
            assert_eq!(v["spec"]["interactive"], false);
            assert_eq!(v["spec"]["cluster"]["server"], rig.project_url(), "{v}");
        }
        assert_eq!(
            ki["spec"]["cluster"]["certificate-authority-data"],
            di["spec"]["cluster"]["certificate-authority-data"]
        );
    }
}

#[test]
fn an_exec_plugin_that_fails_or_is_missing_fails_both_with_its_message() {
    let Some(rig) = rig() else { return };
    let broken = rig.write(
        "broken.sh",
        "#!/bin/sh\necho 'plugin broke: no session' >&2\nexit 7\n",
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&broken, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    let kc = rig.write(
        "kc-broken",
        &rig.kubeconfig(&format!(
            "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: {}\n      interactiveMode: Never\n",
            broken.display()
        )),
    );
    let runs = rig.both(&kc.to_string_lossy(), &[]);
    assert_both_refuse(&runs);
    let d = &runs[1].0;
    assert_eq!(d.status.code(), Some(3), "{}", text(d));
    let err = String::from_utf8_lossy(&d.stderr);
    assert!(err.contains("plugin broke: no session"), "{err}");
    assert!(err.contains("failed with exit code 7"), "{err}");
    // --token replaces the user's credential: the plugin does not run at all.
    let runs = rig.both(&kc.to_string_lossy(), &["--token", GOOD]);
    assert_both_ok_with(&runs, &format!("Bearer {GOOD}"));

    // interactiveMode Always needs a terminal on stdin; neither tool has one here.
    let kc = rig.write(
        "kc-always",
        &rig.kubeconfig(&format!(
            "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: {}\n      interactiveMode: Always\n",
            broken.display()
        )),
    );
    let runs = rig.both(&kc.to_string_lossy(), &[]);
    assert_both_refuse(&runs);
    for (tool, (out, _)) in ["kubectl", "datumctl"].iter().zip(&runs) {
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("standard input is not a terminal"),
            "{tool}: {err}"
        );
        assert!(
            !err.contains("plugin broke"),
            "{tool} ran the plugin: {err}"
        );
    }

    let kc = rig.write(
        "kc-missing",
        &rig.kubeconfig(
            "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: no-such-plugin-xyz\n      interactiveMode: Never\n      installHint: install it with brew install xyz\n",
        ),
    );
    let runs = rig.both(&kc.to_string_lossy(), &[]);
    assert_both_refuse(&runs);
    for (tool, (out, _)) in ["kubectl", "datumctl"].iter().zip(&runs) {
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("install it with brew install xyz"),
            "{tool}: {err}"
        );
    }
}

#[test]
fn a_plugin_token_the_server_refuses_is_fetched_again_once() {
    let Some(rig) = rig() else { return };
    let count = rig.path("count");
    let script = rig.write(
        "rotating.sh",
        &format!(
            "#!/bin/sh\necho x >> {count}\nn=$(wc -l < {count})\n\
             if [ \"$n\" -eq 1 ]; then t=stale-token; else t={GOOD}; fi\n\
             printf '{{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1\",\"status\":{{\"token\":\"%s\"}}}}\\n' \"$t\"\n",
            count = count.display()
        ),
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    let kc = rig.write(
        "kc-rotating",
        &rig.kubeconfig(&format!(
            "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: {}\n      interactiveMode: Never\n",
            script.display()
        )),
    );
    let (out, seen) = rig.datumctl(&kc.to_string_lossy(), &[]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(log_lines(&count).len(), 2);
    assert_eq!(seen[0].header("authorization"), vec!["Bearer stale-token"]);
    assert_eq!(
        seen.last().expect("requests").header("authorization"),
        vec![format!("Bearer {GOOD}").as_str()]
    );
}

#[test]
fn kubeconfig_lists_merge_first_file_wins() {
    let Some(rig) = rig() else { return };
    let first = rig.write(
        "one/a.yaml",
        &rig.kubeconfig(&format!("    token: {GOOD}\n")),
    );
    // The second file names the same user and cluster differently, and another current context.
    let second = rig.write(
        "two/b.yaml",
        "apiVersion: v1\nkind: Config\ncurrent-context: other\nclusters:\n- name: c\n  cluster:\n    server: https://127.0.0.1:9\nusers:\n- name: u\n  user:\n    token: wrong-token\ncontexts:\n- name: other\n  context: {cluster: c, user: u}\n",
    );
    let missing = rig.path("none.yaml");
    let empty = rig.write("empty.yaml", "");
    let list = std::env::join_paths([&missing, &empty, &first, &second])
        .expect("join")
        .to_string_lossy()
        .into_owned();
    assert_both_ok_with(&rig.both(&list, &[]), &format!("Bearer {GOOD}"));
    // The other way round, the second file's current-context (other) and entries win.
    let reversed = std::env::join_paths([&second, &first])
        .expect("join")
        .to_string_lossy()
        .into_owned();
    let runs = rig.both(&reversed, &[]);
    assert_both_refuse(&runs);
    assert!(runs[1].1.is_empty(), "datumctl went through the recorder");
}

#[test]
fn a_relative_token_file_is_read_beside_its_kubeconfig() {
    let Some(rig) = rig() else { return };
    rig.write("conf/secrets/token", &format!("{GOOD}\n"));
    let kc = rig.write("conf/kc", &rig.kubeconfig("    tokenFile: secrets/token\n"));
    // Both run from the rig's directory, where `secrets/token` does not exist.
    assert_both_ok_with(
        &rig.both(&kc.to_string_lossy(), &[]),
        &format!("Bearer {GOOD}"),
    );
}

#[test]
fn basic_auth_is_sent_as_kubectl_sends_it_and_refused_by_serve_alike() {
    let Some(rig) = rig() else { return };
    let kc = rig.write(
        "kc-basic",
        &rig.kubeconfig("    username: admin\n    password: s3cret\n"),
    );
    let runs = rig.both(&kc.to_string_lossy(), &[]);
    assert_both_refuse(&runs);
    assert_eq!(runs[1].0.status.code(), Some(3), "{}", text(&runs[1].0));
    let expected = "Basic YWRtaW46czNjcmV0";
    for (tool, (_, seen)) in ["kubectl", "datumctl"].iter().zip(&runs) {
        assert!(!seen.is_empty(), "{tool}");
        for r in seen {
            assert_eq!(r.header("authorization"), vec![expected], "{tool}");
        }
    }
}

#[test]
fn impersonation_headers_match_kubectl() {
    let Some(rig) = rig() else { return };
    let kc = rig.write(
        "kc-as",
        &rig.kubeconfig(&format!(
            "    token: {GOOD}\n    as: jane\n    as-uid: \"42\"\n    as-groups: [dev, ops]\n    as-user-extra:\n      scopes: [read, write]\n"
        )),
    );
    let kc = kc.to_string_lossy();
    let runs = rig.both(&kc, &[]);
    assert_both_ok_with(&runs, &format!("Bearer {GOOD}"));
    let k = runs[0].1[0].impersonation();
    let d = runs[1].1[0].impersonation();
    assert_eq!(k, d);
    assert!(
        k.contains(&("impersonate-user".into(), "jane".into())),
        "{k:?}"
    );
    assert!(
        k.contains(&("impersonate-extra-scopes".into(), "write".into())),
        "{k:?}"
    );
    // Flags replace the kubeconfig's user and groups.
    let runs = rig.both(&kc, &["--as", "bob", "--as-group", "g1"]);
    assert_both_ok_with(&runs, &format!("Bearer {GOOD}"));
    let (k, d) = (runs[0].1[0].impersonation(), runs[1].1[0].impersonation());
    assert_eq!(k, d);
    assert!(
        k.contains(&("impersonate-user".into(), "bob".into())),
        "{k:?}"
    );
    assert!(!k.iter().any(|(_, v)| v == "dev"), "{k:?}");
}

#[test]
fn a_context_naming_a_missing_user_fails_both() {
    let Some(rig) = rig() else { return };
    let kc = rig
        .kubeconfig(&format!("    token: {GOOD}\n"))
        .replace("user: u\n    namespace", "user: ghost\n    namespace");
    let kc = rig.write("kc-ghost", &kc);
    let runs = rig.both(&kc.to_string_lossy(), &[]);
    assert_both_refuse(&runs);
    let err = String::from_utf8_lossy(&runs[1].0.stderr);
    assert!(err.contains("user \"ghost\" was not found"), "{err}");
}

#[test]
fn update_kubeconfig_lets_kubectl_use_the_datumctl_login() {
    let Some(rig) = rig() else { return };
    let home = rig.dir.path();
    rig.login_context("d");
    // An existing kubeconfig keeps its other entries.
    let kc = rig.write("kube/config", &rig.kubeconfig("    token: other\n"));
    let update = common::datumctl(home)
        .args(["auth", "update-kubeconfig", "--kubeconfig"])
        .arg(&kc)
        .output()
        .expect("update-kubeconfig");
    assert!(update.status.success(), "{}", text(&update));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&kc).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let written = std::fs::read_to_string(&kc).expect("read");
    assert!(written.contains("name: x"), "{written}");
    assert!(written.contains("current-context: datumctl-p"), "{written}");
    let exe = common::bin().canonicalize().expect("bin");
    assert!(written.contains(&*exe.to_string_lossy()), "{written}");
    assert!(
        !written.contains(GOOD),
        "the token itself is not copied: {written}"
    );
    let runs = rig.both(&kc.to_string_lossy(), &[]);
    assert_both_ok_with(&runs, &format!("Bearer {GOOD}"));
    // The exec plugin's answer, as kubectl reads it.
    let token = common::datumctl(home)
        .args([
            "auth",
            "get-token",
            "--output",
            "client.authentication.k8s.io/v1",
        ])
        .output()
        .expect("get-token");
    let v: serde_json::Value = serde_json::from_slice(&token.stdout).expect("json");
    assert_eq!(v["kind"], "ExecCredential");
    assert_eq!(v["apiVersion"], "client.authentication.k8s.io/v1");
    assert_eq!(v["status"]["token"], GOOD);
}

#[test]
fn datumctl_server_elsewhere_never_receives_a_contexts_token() {
    let Some(rig) = rig() else { return };
    let home = rig.dir.path();
    rig.login_context("secure");
    // A recording listener on plain http, in front of the same serve.
    let other = support_faults::FaultProxy::start(&rig.server.url);
    let out = common::datumctl(home)
        .args(["get", "btp", "--context", "secure"])
        .env("DATUMCTL_SERVER", &other.url)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(3), "{}", text(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not sending the credential"), "{err}");
    assert!(err.contains("pass --token"), "{err}");
    let seen = other.seen();
    assert!(!seen.is_empty());
    for s in &seen {
        assert_eq!(s.authorization, None, "{} {}", s.method, s.target);
    }
    // The same holds for a kubeconfig user and --server.
    let kc = rig.write("kc-bound", &rig.kubeconfig(&format!("    token: {GOOD}\n")));
    let out = common::datumctl(home)
        .args(["get", "btp", "--kubeconfig"])
        .arg(&kc)
        .args(["--server", &common::project_base(&other.url, "p")])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(3), "{}", text(&out));
    assert!(other.seen().iter().all(|s| s.authorization.is_none()));
    // Its own server still gets it.
    let out = common::datumctl(home)
        .args(["get", "btp", "--context", "secure"])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn a_token_over_plain_http_to_another_machine_is_refused_before_sending() {
    let home = tempfile::tempdir().expect("tmp");
    let out = common::datumctl(home.path())
        .args([
            "get",
            "btp",
            "--server",
            "http://192.0.2.10:8080",
            "--project",
            "p",
        ])
        .args(["--token", "t0ken"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("plain http to http://192.0.2.10:8080"),
        "{err}"
    );
    assert!(!err.contains("t0ken"), "{err}");
}
