//! The version facts of this build in the shape of Kubernetes' `version.Info`: the client's
//! (`datumctl version`) and the API version `datumctl serve` emulates (its `GET /version`).

use serde_json::{Value, json};

/// The Kubernetes release whose API semantics and wording `serve` follows.
pub const KUBE_MAJOR: &str = "1";
pub const KUBE_MINOR: &str = "37";

/// `GOOS/GOARCH`, as Go programs name the platform (`linux/amd64`, `darwin/arm64`).
pub fn platform() -> String {
    let arch = match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        "x86" => "386",
        "powerpc64" => "ppc64",
        other => other,
    };
    format!("{}/{arch}", std::env::consts::OS)
}

fn info(major: &str, minor: &str, git_version: String) -> Value {
    json!({
        "major": major,
        "minor": minor,
        "gitVersion": git_version,
        "gitCommit": "",
        "gitTreeState": "",
        "buildDate": "",
        "goVersion": "",
        "compiler": "rustc",
        "platform": platform(),
    })
}

/// This datumctl's version.
pub fn client_info() -> Value {
    let version = env!("CARGO_PKG_VERSION");
    let mut parts = version.split('.');
    let major = parts.next().unwrap_or("0");
    let minor = parts.next().unwrap_or("0");
    info(major, minor, format!("v{version}"))
}

/// What `datumctl serve` answers on `/version`: the Kubernetes release it emulates, with
/// datumctl's own version as build metadata.
pub fn server_info() -> Value {
    let mut v = info(
        KUBE_MAJOR,
        KUBE_MINOR,
        format!(
            "v{KUBE_MAJOR}.{KUBE_MINOR}.0+datumctl-{}",
            env!("CARGO_PKG_VERSION")
        ),
    );
    if let Some(map) = v.as_object_mut() {
        // kube-apiserver 1.31+ reports its emulated and minimum compatible versions too.
        let mut with = serde_json::Map::new();
        for (k, val) in std::mem::take(map) {
            let after_minor = k == "minor";
            with.insert(k, val);
            if after_minor {
                with.insert("emulationMajor".into(), json!(KUBE_MAJOR));
                with.insert("emulationMinor".into(), json!(KUBE_MINOR));
                with.insert("minCompatibilityMajor".into(), json!(KUBE_MAJOR));
                with.insert("minCompatibilityMinor".into(), json!("36"));
            }
        }
        *map = with;
    }
    v
}
