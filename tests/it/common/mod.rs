//! Shared test harness: the real `datumctl` binary, a real `datumctl serve` on a free port with a
//! temporary data dir, a sealed environment, and paths to the reference material and kubectl.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

mod env;
mod policy;
pub mod snapshot;

pub use env::Env;
pub use policy::Policy;

/// A finished command's stdout, as text.
pub fn out(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A finished command's stderr, as text.
pub fn err(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A finished command's exit code (-1 when a signal ended it).
pub fn code(o: &std::process::Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

/// Runs `cmd` with `input` on its stdin and waits for it. The input is written from a thread,
/// so a command that stops reading early (and refuses the rest) cannot block the test; only
/// that broken pipe is tolerated.
pub fn output_with_stdin(cmd: &mut Command, input: &[u8]) -> std::process::Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn datumctl");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || match stdin.write_all(&input) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("write stdin: {e}"),
        _ => {}
    });
    let out = child.wait_with_output().expect("wait for datumctl");
    writer
        .join()
        .unwrap_or_else(|p| std::panic::resume_unwind(p));
    out
}

/// Runs `cmd` to completion, with `input` on its stdin (`None` keeps the stdin `cmd` has), and
/// returns its output and the most memory that child itself used, in KiB. The peak is the one
/// `wait4` reports for this child alone: the other tests of this binary run their own children
/// in the same process at the same time, so the process-wide `RUSAGE_CHILDREN` would mix theirs in.
#[expect(
    clippy::zombie_processes,
    reason = "wait4 reaps the child, which gives its own resource usage"
)]
pub fn output_and_peak_kib(cmd: &mut Command, input: Option<&[u8]>) -> (std::process::Output, i64) {
    use std::os::unix::process::ExitStatusExt;
    if input.is_some() {
        cmd.stdin(Stdio::piped());
    }
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn datumctl");
    let writer = input.map(|input| {
        let mut stdin = child.stdin.take().expect("stdin");
        let input = input.to_vec();
        std::thread::spawn(move || match stdin.write_all(&input) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("write stdin: {e}"),
            _ => {}
        })
    });
    let read_all = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            pipe.read_to_end(&mut bytes)
                .expect("read the child's output");
            bytes
        })
    };
    let stdout = read_all(Box::new(child.stdout.take().expect("stdout")));
    let stderr = read_all(Box::new(child.stderr.take().expect("stderr")));
    let pid = libc::pid_t::try_from(child.id()).expect("pid fits pid_t");
    let mut status = 0;
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    loop {
        // SAFETY: wait4 writes the exit status and the resource usage of `pid`, a child this
        // function spawned and nothing else waits for, into the two places it is given.
        if unsafe { libc::wait4(pid, &mut status, 0, usage.as_mut_ptr()) } == pid {
            break;
        }
        let e = std::io::Error::last_os_error();
        assert_eq!(
            e.kind(),
            std::io::ErrorKind::Interrupted,
            "wait4 {pid}: {e}"
        );
    }
    // SAFETY: wait4 returned the child's pid, so it filled `usage`.
    let usage = unsafe { usage.assume_init() };
    if let Some(writer) = writer {
        writer
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p));
    }
    let join = |reader: std::thread::JoinHandle<Vec<u8>>| {
        reader
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p))
    };
    let output = std::process::Output {
        status: std::process::ExitStatus::from_raw(status),
        stdout: join(stdout),
        stderr: join(stderr),
    };
    (output, usage.ru_maxrss)
}

/// Sends the signal `name` (`TERM`, `INT`) to `pid`, as `kill -NAME PID` does.
pub fn signal(pid: u32, name: &str) {
    let sent = Command::new("kill")
        .args([&format!("-{name}"), &pid.to_string()])
        .status()
        .expect("kill");
    assert!(sent.success(), "kill -{name} {pid}");
}

/// The messages of the field errors in a `datumctl validate -o json` report, in order.
pub fn report_messages(report: &serde_json::Value) -> Vec<String> {
    report["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| e["message"].as_str().expect("message").to_string())
        .collect()
}

/// The billion laughs: ten anchors, each naming the one before nine times (9^10 strings once
/// expanded).
pub fn alias_bomb() -> String {
    let mut laughs = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for level in 1..10u8 {
        let (prev, cur) = ((b'a' + level - 1) as char, (b'a' + level) as char);
        laughs.push_str(&format!(
            "{cur}: &{cur} [{}]\n",
            vec![format!("*{prev}"); 9].join(",")
        ));
    }
    laughs
}

/// Path of the built binary under test.
pub fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin!("datumctl").to_path_buf()
}

/// `datumctl` with a sealed environment: no user config, no server/project/token from the
/// caller's shell, no colour, fixed terminal width. `home` holds the config file.
pub fn datumctl(home: &Path) -> Command {
    let mut cmd = Command::new(bin());
    for var in [
        "DATUMCTL_SERVER",
        "DATUM_PROJECT",
        "DATUMCTL_TOKEN",
        "KUBECONFIG",
        "DATUMCTL_CLIENT_ID",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_CACHE_HOME", home.join(".cache"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("DATUMCTL_CONFIG", home.join("datumctl-config.yaml"))
        .env("NO_COLOR", "1")
        .env("COLUMNS", "120")
        .stdin(Stdio::null());
    cmd
}

/// `../shared/reference` beside the checkout (CI lays it there too).
pub fn reference() -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference");
    assert!(
        p.is_dir(),
        "{} is missing: the conformance material must sit beside the checkout",
        p.display()
    );
    p
}

/// The real kubectl 1.37 (`DATUMCTL_TEST_KUBECTL`, set by scripts/test.sh). Outside CI a test may
/// skip when it is missing; in CI (`CI=true`) a missing kubectl fails the test.
pub fn kubectl() -> Option<PathBuf> {
    match std::env::var_os("DATUMCTL_TEST_KUBECTL").map(PathBuf::from) {
        Some(p) if p.exists() => Some(p),
        _ if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("DATUMCTL_TEST_KUBECTL is not set or missing in CI: run scripts/test.sh")
        }
        _ => {
            eprintln!(
                "kubectl 1.37 not found (set DATUMCTL_TEST_KUBECTL or run scripts/test.sh); skipping"
            );
            None
        }
    }
}

/// The URL prefix of one project's control plane on `server`.
pub fn project_base(server: &str, project: &str) -> String {
    datumctl::layout::project_base(server, project)
}

/// Starts `datumctl serve --addr 127.0.0.1:0 --data-dir DATA EXTRA…` with `stderr` as given
/// (piped, for tests that read its log). `datumctl serve` prints the URL it serves on as the
/// first line of stdout: returns the child, that URL (no trailing slash) and the rest of stdout.
pub fn spawn_serve(
    data_dir: &Path,
    extra: &[&str],
    stderr: Stdio,
) -> (Child, String, BufReader<std::process::ChildStdout>) {
    spawn_serve_env(data_dir, extra, &[], stderr)
}

/// `spawn_serve` with extra environment variables (e.g. `DATUMCTL_SERVE_LIMITS`).
pub fn spawn_serve_env(
    data_dir: &Path,
    extra: &[&str],
    env: &[(&str, &str)],
    stderr: Stdio,
) -> (Child, String, BufReader<std::process::ChildStdout>) {
    let mut child = Command::new(bin())
        .args(["serve", "--addr", "127.0.0.1:0", "--data-dir"])
        .arg(data_dir)
        .args(extra)
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .expect("spawn datumctl serve");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout"));
    let mut first = String::new();
    lines.read_line(&mut first).expect("read serve banner");
    let url = first
        .split_whitespace()
        .find(|w| w.starts_with("http://") || w.starts_with("https://"))
        .unwrap_or_else(|| panic!("serve printed no URL: {first:?}"))
        .trim_end_matches('/')
        .to_string();
    (child, url, lines)
}

/// A running `datumctl serve` on 127.0.0.1 and a free port, killed on drop.
pub struct TestServer {
    pub child: Child,
    /// `http://127.0.0.1:PORT` (https with TLS args).
    pub url: String,
    pub data_dir: PathBuf,
    _tmp: Option<tempfile::TempDir>,
}

impl TestServer {
    /// A server on a fresh temporary data dir.
    pub fn start() -> Self {
        Self::start_with(&[])
    }

    /// A server on a fresh temporary data dir with extra `serve` arguments.
    pub fn start_with(extra: &[&str]) -> Self {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().to_path_buf();
        let mut s = Self::start_in(&dir, extra);
        s._tmp = Some(tmp);
        s
    }

    /// A server on `data_dir` (which outlives it, for restart tests).
    /// `datumctl serve` prints the URL it serves on as the first line of stdout.
    pub fn start_in(data_dir: &Path, extra: &[&str]) -> Self {
        Self::start_in_env(data_dir, extra, &[])
    }

    /// A server on a fresh temporary data dir, with extra arguments and environment.
    pub fn start_with_env(extra: &[&str], env: &[(&str, &str)]) -> Self {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().to_path_buf();
        let mut s = Self::start_in_env(&dir, extra, env);
        s._tmp = Some(tmp);
        s
    }

    /// `start_in` with extra environment variables (e.g. `DATUMCTL_SERVE_LIMITS`).
    pub fn start_in_env(data_dir: &Path, extra: &[&str], env: &[(&str, &str)]) -> Self {
        let (child, url, mut lines) = spawn_serve_env(data_dir, extra, env, Stdio::inherit());
        // Keep draining stdout so the server never blocks on a full pipe.
        std::thread::spawn(move || {
            let mut sink = Vec::new();
            let _ = lines.read_to_end(&mut sink);
        });
        let server = TestServer {
            child,
            url,
            data_dir: data_dir.to_path_buf(),
            _tmp: None,
        };
        if server.url.starts_with("http://") {
            server.wait_ready();
        }
        server
    }

    fn wait_ready(&self) {
        let addr = self.url.trim_start_matches("http://").to_string();
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(mut s) = TcpStream::connect(&addr) {
                let _ = s.write_all(
                    format!("GET /readyz HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n")
                        .as_bytes(),
                );
                let mut reply = String::new();
                let _ = s.read_to_string(&mut reply);
                if reply.starts_with("HTTP/1.1 200") {
                    return;
                }
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("datumctl serve at {} never became ready", self.url);
    }

    /// The control-plane URL of `project` on this server.
    pub fn project_url(&self, project: &str) -> String {
        project_base(&self.url, project)
    }

    /// SIGKILL, as a crash would.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A kubeconfig at `path` whose one cluster is `server_url` (a project's control-plane URL),
/// with no credentials and `namespace` as the context's namespace — what a user points the real
/// kubectl at to talk to `datumctl serve`.
pub fn kubeconfig_text(server_url: &str, namespace: &str) -> String {
    format!(
        "apiVersion: v1\nkind: Config\nclusters:\n- name: local\n  cluster:\n    server: {server_url}\n\
         contexts:\n- name: local\n  context:\n    cluster: local\n    user: me\n    namespace: {namespace}\n\
         current-context: local\nusers:\n- name: me\n  user: {{}}\n"
    )
}

/// Writes `kubeconfig_text(server_url, "default")` to `path` and returns the path.
pub fn write_kubeconfig(path: &Path, server_url: &str) -> PathBuf {
    std::fs::write(path, kubeconfig_text(server_url, "default")).expect("write kubeconfig");
    path.to_path_buf()
}

/// A throwaway CA and a leaf certificate it signs for 127.0.0.1/localhost, made with openssl in
/// `dir`: (CA PEM, leaf PEM, leaf key PEM). `None` outside CI when openssl is missing; in CI a
/// missing openssl fails the test (scripts/test.sh installs it).
pub fn test_certificates(dir: &Path) -> Option<(String, String, String)> {
    let pki = crate::support_tls::Pki::new(dir)?;
    let ca = pki.self_signed("ca", "client-test-ca", None);
    let leaf = pki.server("leaf", &ca, "DNS:localhost,IP:127.0.0.1");
    Some((ca.cert_str(), leaf.cert_str(), leaf.key_str()))
}

/// `examples/backend-traffic-example.yaml`: the usage example of Datum's reference page, verbatim
/// (tests/it/explain_examples.rs holds it to the page).
pub fn usage_example_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/backend-traffic-example.yaml")
}

/// The text of `usage_example_path()`.
pub fn usage_example() -> String {
    std::fs::read_to_string(usage_example_path())
        .expect("read examples/backend-traffic-example.yaml")
}
