//! Driving `datumctl login` from tests: the scripted browser, reading the config back, and
//! running commands with their whole output captured.

use super::{CLIENT_ID, Provider, http_get};
use crate::common::datumctl;
use datumctl::client::config::{self, ConfigFile};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// The finished run of one command.
pub struct Run {
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn code(&self) -> i32 {
        self.status.code().unwrap_or(-1)
    }

    pub fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }

    #[track_caller]
    pub fn ok(self) -> Run {
        assert!(
            self.status.success(),
            "exit {}:\n{}",
            self.code(),
            self.all()
        );
        self
    }
}

pub fn config_path(home: &Path) -> PathBuf {
    home.join("datumctl-config.yaml")
}

pub fn read_config(home: &Path) -> ConfigFile {
    config::load(&config_path(home)).expect("config")
}

pub fn write_config(home: &Path, file: &ConfigFile) {
    config::save(&config_path(home), file).expect("save config");
}

/// Moves the stored access token's expiry of the current context to now + `secs`.
pub fn set_expiry_in(home: &Path, secs: i64) {
    let mut file = read_config(home);
    let current = file.current_context.clone().expect("current context");
    let oidc = file
        .context_mut(&current)
        .and_then(|c| c.oidc.as_mut())
        .expect("oidc login");
    let at = chrono::Utc::now().timestamp() + secs;
    oidc.expiry = Some(
        chrono::DateTime::from_timestamp(at, 0)
            .expect("time")
            .to_rfc3339(),
    );
    write_config(home, &file);
}

pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

/// Spawns with stdout and stderr collected by threads (so neither pipe can fill up).
pub struct Running {
    pub child: Child,
    stdout: std::thread::JoinHandle<String>,
    pub stderr: std::sync::Arc<std::sync::Mutex<String>>,
    stderr_thread: std::thread::JoinHandle<()>,
}

pub fn spawn(mut cmd: Command) -> Running {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn datumctl");
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let stdout = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = out.read_to_string(&mut s);
        s
    });
    let stderr = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let sink = stderr.clone();
    let stderr_thread = std::thread::spawn(move || {
        let mut buf = [0u8; 1024];
        while let Ok(n) = err.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock()
                .expect("stderr")
                .push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    });
    Running {
        child,
        stdout,
        stderr,
        stderr_thread,
    }
}

impl Running {
    /// Waits for stderr to contain `needle`; returns all of stderr so far.
    pub fn wait_stderr(&self, needle: &str, timeout: Duration) -> String {
        let deadline = Instant::now() + timeout;
        loop {
            let text = self.stderr.lock().expect("stderr").clone();
            if text.contains(needle) {
                return text;
            }
            assert!(
                Instant::now() < deadline,
                "stderr never showed {needle:?}:\n{text}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn finish(mut self, timeout: Duration) -> Run {
        let deadline = Instant::now() + timeout;
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                break status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                let _ = self.child.wait();
                panic!(
                    "datumctl did not finish in {timeout:?}; stderr:\n{}",
                    self.stderr.lock().expect("stderr")
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let stdout = self.stdout.join().expect("stdout thread");
        let _ = self.stderr_thread.join();
        let stderr = self.stderr.lock().expect("stderr").clone();
        Run {
            status,
            stdout,
            stderr,
        }
    }
}

pub fn run(cmd: Command) -> Run {
    spawn(cmd).finish(Duration::from_secs(60))
}

/// `datumctl ARGS` in `home` with a browser that cannot start.
pub fn datumctl_in(home: &Path, args: &[&str]) -> Command {
    let mut cmd = datumctl(home);
    cmd.args(args).env("BROWSER", home.join("no-such-browser"));
    cmd
}

/// `datumctl login` against `provider` for the API server `server`.
pub fn login_cmd(home: &Path, provider: &Provider, server: &str, extra: &[&str]) -> Command {
    let mut cmd = datumctl_in(
        home,
        &[
            "login",
            "--hostname",
            &provider.url,
            "--server",
            server,
            "--project",
            "p",
        ],
    );
    cmd.args(extra);
    cmd
}

/// A `$BROWSER` that records the URL it was asked to open, as a desktop opener would be told.
pub fn recording_browser(home: &Path) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let script = home.join("browser.sh");
    let record = home.join("browser-url");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s' \"$1\" > '{}.tmp'\nmv '{0}.tmp' '{0}'\n",
            record.display()
        ),
    )
    .expect("script");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    script
}

/// Plays the user in the browser: the authorize URL redirects to the callback, which datumctl
/// answers. Returns the callback's status.
pub fn complete_in_browser(authorize_url: &str) -> u16 {
    let (status, location, body) = http_get(authorize_url);
    assert_eq!(status, 302, "authorize refused the request: {body}");
    let callback = location.expect("authorize redirects to the callback");
    assert!(callback.contains("/datumctl/auth/callback?"), "{callback}");
    http_get(&callback).0
}

/// A full browser login: datumctl opens the recording browser, the test follows the URL.
pub fn browser_login(home: &Path, provider: &Provider, server: &str) -> Run {
    let mut cmd = login_cmd(home, provider, server, &["--client-id", CLIENT_ID]);
    cmd.env("BROWSER", recording_browser(home));
    let running = spawn(cmd);
    let record = home.join("browser-url");
    let deadline = Instant::now() + Duration::from_secs(30);
    while !record.exists() {
        assert!(Instant::now() < deadline, "the browser was never opened");
        std::thread::sleep(Duration::from_millis(20));
    }
    let url = std::fs::read_to_string(&record).expect("browser url");
    let printed = running.wait_stderr(&url, Duration::from_secs(10));
    assert!(printed.contains(&url), "the URL is printed too");
    assert_eq!(complete_in_browser(&url), 200);
    running.finish(Duration::from_secs(30)).ok()
}
