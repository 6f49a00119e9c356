//! Side by side: the real kubectl 1.37 and datumctl against one `datumctl serve`, one project,
//! each tool on its own objects. `@` in an argument stands for the tool's name prefix (`k-` or
//! `d-`), so `btp/@a` is `btp/k-a` for kubectl and `btp/d-a` for datumctl; outputs are compared
//! after datumctl's names are renamed to kubectl's.

use crate::common::{self, Env};
use std::path::PathBuf;
use std::process::{Command, Output};

pub const PROJECT: &str = "verbs";

/// What one tool printed and how it exited, with names (and temporary paths) made comparable.
#[derive(Debug, PartialEq, Eq)]
pub struct Seen {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

pub struct SideBySide {
    pub env: Env,
    kubectl: PathBuf,
}

impl SideBySide {
    /// `None` (test skipped) when kubectl 1.37 is not available outside CI.
    pub fn start(serve_args: &[&str]) -> Option<SideBySide> {
        let kubectl = common::kubectl()?;
        Some(SideBySide {
            env: Env::with_serve(PROJECT, serve_args),
            kubectl,
        })
    }

    pub fn path(&self, file: &str) -> String {
        self.env.home().join(file).to_string_lossy().into_owned()
    }

    /// Writes `text` (with `@` as the prefix) as `@file` for both tools.
    pub fn write_both(&self, file: &str, text: &str) {
        for prefix in ["k-", "d-"] {
            std::fs::write(
                self.env.home().join(file.replace('@', prefix)),
                text.replace('@', prefix),
            )
            .expect("write manifest");
        }
    }

    /// Writes `policy_text(name, retries)` as `@FILE.yaml` for both tools; returns its path
    /// (with `@` still in it, for `same`).
    pub fn policy_file(&self, file: &str, name: &str, retries: i64) -> String {
        let file = format!("@{file}.yaml");
        self.write_both(&file, &Self::policy_text(name, retries));
        self.path(&file)
    }

    /// A policy manifest named `@name` with `retries`.
    pub fn policy_text(name: &str, retries: i64) -> String {
        common::Policy::new(&format!("@{name}"))
            .target("Gateway", "my-gateway")
            .retries(retries)
            .yaml()
    }

    pub fn kubectl_cmd(&self) -> Command {
        let mut cmd = Command::new(&self.kubectl);
        cmd.env("KUBECONFIG", &self.env.kubeconfig)
            .env("HOME", self.env.home())
            .env_remove("KUBE_EDITOR")
            .env_remove("EDITOR");
        cmd
    }

    pub fn datumctl_cmd(&self) -> Command {
        let mut cmd = self.env.datumctl(&["--server", &self.env.server.url]);
        cmd.args(["--project", PROJECT])
            .env_remove("KUBE_EDITOR")
            .env_remove("EDITOR");
        cmd
    }

    /// Runs one tool with `@` expanded to `prefix`.
    pub fn run_one(&self, prefix: &str, args: &[&str], env: &[(&str, &str)]) -> Seen {
        let mut cmd = if prefix == "k-" {
            self.kubectl_cmd()
        } else {
            self.datumctl_cmd()
        };
        let args: Vec<String> = args.iter().map(|a| a.replace('@', prefix)).collect();
        for (k, v) in env {
            cmd.env(k, v.replace('@', prefix));
        }
        let out: Output = cmd.args(&args).output().expect("run tool");
        Seen {
            stdout: comparable(&common::out(&out)),
            stderr: comparable(&common::err(&out)),
            code: common::code(&out),
        }
    }

    /// Runs both tools; returns (kubectl, datumctl).
    pub fn both(&self, args: &[&str], env: &[(&str, &str)]) -> (Seen, Seen) {
        (self.run_one("k-", args, env), self.run_one("d-", args, env))
    }

    /// Both tools print the same and exit alike.
    pub fn same(&self, args: &[&str]) -> Seen {
        self.same_env(args, &[])
    }

    pub fn same_env(&self, args: &[&str], env: &[(&str, &str)]) -> Seen {
        let (k, d) = self.both(args, env);
        assert_eq!(d, k, "datumctl differs from kubectl for {args:?}");
        k
    }

    /// A usage error: the same words; kubectl exits 1 where datumctl's contract (DESIGN.md)
    /// says 2 for bad flags or arguments.
    pub fn same_usage_error(&self, args: &[&str]) {
        let (k, d) = self.both(args, &[]);
        assert_eq!(
            (d.stdout.as_str(), d.stderr.as_str()),
            (k.stdout.as_str(), k.stderr.as_str()),
            "{args:?}"
        );
        assert_eq!((k.code, d.code), (1, 2), "{args:?}");
    }
}

/// datumctl's names renamed to kubectl's, temporary edit files and the tool's own name made
/// neutral, and values every object has its own of (uid, versions, times) blanked.
pub fn comparable(text: &str) -> String {
    let mut out = text
        .replace("d-", "k-")
        .replace("`datumctl replace", "`kubectl replace");
    for tool in ["kubectl-edit-", "datumctl-edit-"] {
        while let Some(start) = out.find(tool) {
            let digits_from = start + tool.len();
            let end = out[digits_from..]
                .find(|c: char| !c.is_ascii_digit())
                .map_or(out.len(), |e| digits_from + e);
            out.replace_range(start..end, "EDIT-FILE-");
        }
    }
    out.lines()
        .map(|l| {
            let key = l
                .trim_start()
                .trim_start_matches("- ")
                .trim_start_matches('"');
            let volatile = [
                "uid",
                "resourceVersion",
                "creationTimestamp",
                "lastTransitionTime",
            ]
            .iter()
            .any(|k| key.starts_with(&format!("{k}:")) || key.starts_with(&format!("{k}\":")));
            if volatile {
                "<volatile>".to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
