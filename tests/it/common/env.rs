//! The one test environment of the suite: a real `datumctl serve` on a free port, a sealed home
//! directory both tools run in, one project, a kubeconfig there that points the real kubectl at
//! the same project, and `cmd()`, the binary under test through assert_cmd.

use super::{TestServer, datumctl, out, write_kubeconfig};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Env {
    pub server: TestServer,
    pub home: tempfile::TempDir,
    pub kubeconfig: PathBuf,
    pub project: &'static str,
}

impl Env {
    /// `project` on a fresh `datumctl serve`.
    pub fn new(project: &'static str) -> Env {
        Self::on(TestServer::start(), project)
    }

    /// `project` on a fresh `datumctl serve EXTRA…` (e.g. `--no-status-writer`).
    pub fn with_serve(project: &'static str, extra: &[&str]) -> Env {
        Self::on(TestServer::start_with(extra), project)
    }

    /// `project` on a server the test started itself.
    pub fn on(server: TestServer, project: &'static str) -> Env {
        let home = tempfile::tempdir().expect("home");
        let kubeconfig = write_kubeconfig(
            &home.path().join("kubeconfig"),
            &server.project_url(project),
        );
        Env {
            server,
            home,
            kubeconfig,
            project,
        }
    }

    pub fn home(&self) -> &Path {
        self.home.path()
    }

    /// Writes `text` to `name` under the home (directories made as needed); returns `name`,
    /// the path as a user would type it (both tools run in the home).
    pub fn write(&self, name: &str, text: &str) -> String {
        let p = self.home().join(name);
        if let Some(dir) = p.parent() {
            std::fs::create_dir_all(dir).expect("mkdir");
        }
        std::fs::write(&p, text).expect("write manifest");
        name.to_string()
    }

    /// `datumctl` sealed (see `common::datumctl`), run in the home, with the server and project
    /// from the environment, as a `std::process::Command` (for spawning, pipes, `wait4`).
    pub fn datumctl(&self, args: &[&str]) -> Command {
        let mut cmd = datumctl(self.home());
        cmd.current_dir(self.home())
            .env("DATUMCTL_SERVER", &self.server.url)
            .env("DATUM_PROJECT", self.project)
            .args(args);
        cmd
    }

    /// The same command through assert_cmd: `.write_stdin`, `.assert()`, `.output()`.
    pub fn cmd(&self) -> assert_cmd::Command {
        assert_cmd::Command::from_std(self.datumctl(&[]))
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("run datumctl")
    }

    /// Runs and expects exit 0 (assert_cmd prints the command, its code and output when not);
    /// returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        out(self.cmd().args(args).assert().success().get_output())
    }

    /// The real kubectl on the same project, run in the same home.
    pub fn kubectl(&self, bin: &Path, args: &[&str]) -> Output {
        Command::new(bin)
            .args(args)
            .current_dir(self.home())
            .env("KUBECONFIG", &self.kubeconfig)
            .env("HOME", self.home())
            .output()
            .expect("run kubectl")
    }

    /// Waits until the status writer has accepted the policy `name`, so later reads do not
    /// race it.
    pub fn wait_accepted(&self, name: &str) {
        for _ in 0..400 {
            let o = self.run(&[
                "get",
                "btp",
                name,
                "-o",
                "jsonpath={.status.ancestors[0].conditions[0].status}",
            ]);
            if out(&o) == "True" {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(25));
        }
        panic!("{name} was never accepted");
    }

    /// Writes `status` for the policy `name` in `default` through the status subresource, as a
    /// controller would.
    pub fn write_status(&self, name: &str, status: serde_json::Value) {
        let url = format!(
            "{}/apis/gateway.envoyproxy.io/v1alpha1/namespaces/default/backendtrafficpolicies/{name}/status",
            self.server.project_url(self.project)
        );
        let body = serde_json::json!({ "status": status });
        let resp = ureq::patch(&url)
            .set("Content-Type", "application/merge-patch+json")
            .send_string(&body.to_string());
        assert!(resp.is_ok(), "status write failed: {resp:?}");
    }
}
