//! The real kubectl 1.37 and datumctl side by side against one `datumctl serve` project:
//! kubectl through a kubeconfig whose server is the project's control-plane URL, datumctl
//! through `--server`/`--project`, both from the same working directory.

use crate::common::{self, Env};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const PROJECT: &str = "side-by-side";

pub struct SideBySide {
    pub env: Env,
    kubectl: Option<PathBuf>,
}

/// One tool's answer: stdout, stderr and exit code.
#[derive(Debug, PartialEq, Eq)]
pub struct Answer {
    pub out: String,
    pub err: String,
    pub code: i32,
}

impl From<Output> for Answer {
    fn from(o: Output) -> Answer {
        Answer {
            out: common::out(&o),
            err: common::err(&o),
            code: common::code(&o),
        }
    }
}

impl SideBySide {
    /// A server without the status writer, so objects change only when a test changes them.
    pub fn start() -> SideBySide {
        SideBySide {
            env: Env::with_serve(PROJECT, &["--no-status-writer"]),
            kubectl: common::kubectl(),
        }
    }

    pub fn path(&self) -> &Path {
        self.env.home()
    }

    /// Writes `text` to `name` in the working directory; returns its path.
    pub fn write(&self, name: &str, text: &str) -> String {
        self.env.write(name, text);
        self.path().join(name).to_string_lossy().into_owned()
    }

    /// datumctl, set up for this server and project.
    pub fn datumctl_command(&self) -> Command {
        self.env.datumctl(&[])
    }

    /// kubectl through the project's kubeconfig, or `None` when kubectl 1.37 is not installed.
    pub fn kubectl_command(&self) -> Option<Command> {
        let mut cmd = Command::new(self.kubectl.as_ref()?);
        cmd.current_dir(self.path())
            .env("KUBECONFIG", &self.env.kubeconfig)
            .env("HOME", self.path())
            .env_remove("KUBECTL_EXTERNAL_DIFF");
        Some(cmd)
    }

    pub fn datumctl(&self, args: &[&str]) -> Answer {
        self.datumctl_command()
            .args(args)
            .output()
            .expect("run datumctl")
            .into()
    }

    /// kubectl's answer, or `None` when kubectl 1.37 is not installed.
    pub fn kubectl(&self, args: &[&str]) -> Option<Answer> {
        Some(
            self.kubectl_command()?
                .args(args)
                .output()
                .expect("run kubectl")
                .into(),
        )
    }

    /// Both tools give the same stdout, stderr and exit code; returns datumctl's answer.
    pub fn same(&self, args: &[&str]) -> Answer {
        let ours = self.datumctl(args);
        if let Some(theirs) = self.kubectl(args) {
            assert_eq!(ours, theirs, "datumctl vs kubectl {args:?}");
        }
        ours
    }

    /// Both tools write the same bytes when stdout and stderr share one stream (a script's
    /// `2>&1`), so results and errors come in the same order too; returns datumctl's.
    pub fn same_interleaved(&self, args: &[&str]) -> (String, i32) {
        let ours = self.interleaved(self.datumctl_command(), args);
        if let Some(kubectl) = self.kubectl_command() {
            assert_eq!(
                ours,
                self.interleaved(kubectl, args),
                "datumctl vs kubectl {args:?}"
            );
        }
        ours
    }

    /// What `cmd ARGS` writes with stdout and stderr on one stream, and its exit code.
    pub fn interleaved(&self, mut cmd: Command, args: &[&str]) -> (String, i32) {
        let path = self.path().join("one-stream.out");
        let file = std::fs::File::create(&path).expect("create");
        let status = cmd
            .args(args)
            .stdout(file.try_clone().expect("clone"))
            .stderr(file)
            .status()
            .expect("run");
        let text = std::fs::read_to_string(&path).expect("read");
        (text, status.code().unwrap_or(-1))
    }

    /// The same output, but datumctl exits 2 where kubectl exits 1: a usage error in
    /// datumctl's exit-code contract (kubectl uses 1 for every failure).
    pub fn same_but_usage_exit(&self, args: &[&str]) -> Answer {
        let ours = self.datumctl(args);
        assert_eq!(ours.code, 2, "{args:?}: {ours:?}");
        if let Some(theirs) = self.kubectl(args) {
            assert_eq!(theirs.code, 1, "kubectl {args:?}: {theirs:?}");
            assert_eq!(
                (&ours.out, &ours.err),
                (&theirs.out, &theirs.err),
                "{args:?}"
            );
        }
        ours
    }

    /// Applies the repository's examples with datumctl (each object once).
    pub fn apply_examples(&self, names: &[&str]) {
        for name in names {
            let file = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("examples")
                .join(format!("{name}.yaml"));
            let a = self.datumctl(&["apply", "-f", file.to_str().expect("utf8")]);
            assert_eq!(a.code, 0, "apply {name}: {a:?}");
        }
    }
}
