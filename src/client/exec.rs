//! client-go credential plugins (`user.exec`, client.authentication.k8s.io v1 and v1beta1): run
//! the command with `KUBERNETES_EXEC_INFO`, read the `ExecCredential` it prints, and keep the
//! result in this process until its `expirationTimestamp` (or until the server refuses it).
//! The plugin runs as a tokio child process: waiting for it (a browser login, a prompt) parks
//! the task, not a runtime worker, so `datumctl mcp` keeps answering meanwhile.

use serde_json::{Value, json};
use std::io::IsTerminal;
use std::path::Path;
use std::process::Stdio;
use std::sync::Arc;
use thiserror::Error;
use tokio::process::Command;
use tokio::sync::Mutex;

pub const V1: &str = "client.authentication.k8s.io/v1";
pub const V1BETA1: &str = "client.authentication.k8s.io/v1beta1";
const DOCS: &str = "https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins";

#[derive(Debug, Error)]
pub enum ExecError {
    #[error("exec: executable {command} not found{}", hint_text(.install_hint))]
    NotFound {
        command: String,
        install_hint: Option<String>,
    },
    #[error("exec: executable {command} failed with exit code {code} (its messages are above)")]
    Failed { command: String, code: i32 },
    #[error("exec: cannot run {command}: {source}")]
    Spawn {
        command: String,
        source: std::io::Error,
    },
    #[error("exec plugin cannot support interactive mode: {0}")]
    Interactive(&'static str),
    #[error("exec plugin {command}: {reason}")]
    Output { command: String, reason: String },
}

fn hint_text(hint: &Option<String>) -> String {
    let mut text =
        format!("\n\nThe kubeconfig names a credential plugin that is not installed; see {DOCS}");
    if let Some(h) = hint.as_deref().filter(|h| !h.trim().is_empty()) {
        text.push_str("\n\n");
        text.push_str(h.trim_end());
    }
    text
}

/// When the plugin may talk to the user through the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InteractiveMode {
    Never,
    IfAvailable,
    Always,
}

/// A kubeconfig user's `exec` entry, validated, with a relative command already resolved.
#[derive(Debug, Clone)]
pub struct ExecConfig {
    pub command: String,
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
    pub api_version: String,
    pub install_hint: Option<String>,
    pub interactive_mode: InteractiveMode,
    /// `spec.cluster` of `KUBERNETES_EXEC_INFO`, when `provideClusterInfo` is true.
    pub cluster: Option<Value>,
}

const FIELDS: [&str; 7] = [
    "command",
    "args",
    "env",
    "apiVersion",
    "installHint",
    "provideClusterInfo",
    "interactiveMode",
];

impl ExecConfig {
    /// Reads `user.exec` of user `name`; `base` is the directory of the kubeconfig that named
    /// it (a command with a `/` is relative to it, as client-go resolves it). The messages are
    /// client-go's validation messages.
    pub fn parse(name: &str, exec: &Value, base: &Path) -> Result<ExecConfig, String> {
        let map = exec
            .as_object()
            .ok_or_else(|| format!("exec of user {name:?} is not a mapping"))?;
        if let Some(unknown) = map.keys().find(|k| !FIELDS.contains(&k.as_str())) {
            return Err(format!(
                "exec field {unknown:?} of user {name:?} is not supported by datumctl"
            ));
        }
        let command = exec["command"].as_str().unwrap_or("");
        if command.is_empty() {
            return Err(format!(
                "command must be specified for {name} to use exec authentication plugin"
            ));
        }
        let api_version = exec["apiVersion"].as_str().unwrap_or("").to_string();
        if api_version.is_empty() {
            return Err(format!(
                "apiVersion must be specified for {name} to use exec authentication plugin"
            ));
        }
        if api_version != V1 && api_version != V1BETA1 {
            return Err(format!("exec plugin: invalid apiVersion {api_version:?}"));
        }
        let interactive_mode = match exec["interactiveMode"].as_str() {
            Some("Never") => InteractiveMode::Never,
            Some("IfAvailable") => InteractiveMode::IfAvailable,
            Some("Always") => InteractiveMode::Always,
            // v1beta1 defaults it; v1 requires it.
            None | Some("") if api_version == V1BETA1 => InteractiveMode::IfAvailable,
            None | Some("") => {
                return Err(format!(
                    "interactiveMode must be specified for {name} to use exec authentication plugin"
                ));
            }
            Some(other) => return Err(format!("invalid interactiveMode for {name}: {other:?}")),
        };
        let mut env = Vec::new();
        for entry in exec["env"].as_array().map(Vec::as_slice).unwrap_or(&[]) {
            let key = entry["name"].as_str().unwrap_or("");
            if key.is_empty() {
                return Err(format!(
                    "env variable name must be specified for {name} to use exec authentication plugin"
                ));
            }
            env.push((
                key.to_string(),
                entry["value"].as_str().unwrap_or("").to_string(),
            ));
        }
        let args = exec["args"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|v| {
                        v.as_str()
                            .map(String::from)
                            .unwrap_or_else(|| v.to_string())
                    })
                    .collect()
            })
            .unwrap_or_default();
        let command =
            if command.contains(std::path::MAIN_SEPARATOR) && Path::new(command).is_relative() {
                base.join(command).to_string_lossy().into_owned()
            } else {
                command.to_string()
            };
        Ok(ExecConfig {
            command,
            args,
            env,
            api_version,
            install_hint: exec["installHint"].as_str().map(String::from),
            interactive_mode,
            cluster: (exec["provideClusterInfo"].as_bool() == Some(true)).then(|| json!({})),
        })
    }
}

/// What the plugin returned.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExecOutput {
    pub token: Option<String>,
    /// PEM client certificate and key.
    pub client_certificate: Option<String>,
    pub client_key: Option<String>,
    /// Seconds since the epoch; none means the credential does not expire.
    pub expires: Option<i64>,
}

/// A plugin and the credential it last returned.
#[derive(Debug)]
pub struct ExecPlugin {
    config: ExecConfig,
    cached: Mutex<Option<Arc<ExecOutput>>>,
}

impl ExecPlugin {
    pub fn new(config: ExecConfig) -> ExecPlugin {
        ExecPlugin {
            config,
            cached: Mutex::new(None),
        }
    }

    pub fn config(&self) -> &ExecConfig {
        &self.config
    }

    /// The cached credential, or a fresh one when there is none or it has expired. The cache
    /// stays locked while the plugin runs, so concurrent requests run it once.
    pub async fn credentials(&self) -> Result<Arc<ExecOutput>, ExecError> {
        let mut cached = self.cached.lock().await;
        if let Some(c) = cached.as_ref() {
            let expired = c
                .expires
                .is_some_and(|at| at < chrono::Utc::now().timestamp());
            if !expired {
                return Ok(c.clone());
            }
        }
        let fresh = Arc::new(self.run().await?);
        *cached = Some(fresh.clone());
        Ok(fresh)
    }

    /// After the server refused `token`: run the plugin again, unless another request already
    /// did (the cached token is no longer the refused one).
    pub async fn refresh(&self, token: Option<&str>) -> Result<Arc<ExecOutput>, ExecError> {
        let mut cached = self.cached.lock().await;
        if let Some(c) = cached.as_ref()
            && c.token.as_deref() != token
        {
            return Ok(c.clone());
        }
        let fresh = Arc::new(self.run().await?);
        *cached = Some(fresh.clone());
        Ok(fresh)
    }

    fn interactive(&self) -> Result<bool, ExecError> {
        let terminal = std::io::stdin().is_terminal();
        match self.config.interactive_mode {
            InteractiveMode::Never => Ok(false),
            InteractiveMode::IfAvailable => Ok(terminal),
            InteractiveMode::Always if terminal => Ok(true),
            InteractiveMode::Always => {
                Err(ExecError::Interactive("standard input is not a terminal"))
            }
        }
    }

    /// `KUBERNETES_EXEC_INFO`: the ExecCredential request.
    fn exec_info(&self, interactive: bool) -> String {
        let mut spec = json!({ "interactive": interactive });
        if let Some(cluster) = &self.config.cluster {
            spec["cluster"] = cluster.clone();
        }
        json!({
            "kind": "ExecCredential",
            "apiVersion": self.config.api_version,
            "spec": spec,
        })
        .to_string()
    }

    async fn run(&self) -> Result<ExecOutput, ExecError> {
        let c = &self.config;
        let interactive = self.interactive()?;
        // The plugin's stderr is the user's: prompts and failures reach the terminal as they
        // happen, as with kubectl. (tokio's `output()` would pipe stderr whatever it is set to,
        // so the child is spawned and waited for.)
        let child = Command::new(&c.command)
            .args(&c.args)
            .envs(c.env.iter().map(|(k, v)| (k, v)))
            .env("KUBERNETES_EXEC_INFO", self.exec_info(interactive))
            .stdin(if interactive {
                Stdio::inherit()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|source| match source.kind() {
                std::io::ErrorKind::NotFound => ExecError::NotFound {
                    command: c.command.clone(),
                    install_hint: c.install_hint.clone(),
                },
                _ => ExecError::Spawn {
                    command: c.command.clone(),
                    source,
                },
            })?;
        let output = child
            .wait_with_output()
            .await
            .map_err(|source| ExecError::Spawn {
                command: c.command.clone(),
                source,
            })?;
        if !output.status.success() {
            return Err(ExecError::Failed {
                command: c.command.clone(),
                code: output.status.code().unwrap_or(-1),
            });
        }
        decode(&c.api_version, &output.stdout).map_err(|reason| ExecError::Output {
            command: c.command.clone(),
            reason,
        })
    }
}

/// Reads the plugin's ExecCredential, with client-go's checks and messages.
pub fn decode(api_version: &str, stdout: &[u8]) -> Result<ExecOutput, String> {
    let doc: Value = serde_json::from_slice(stdout).map_err(|e| format!("decoding stdout: {e}"))?;
    let returned = doc["apiVersion"].as_str().unwrap_or("");
    if doc["kind"] != "ExecCredential" {
        return Err(format!(
            "decoding stdout: kind {:?} is not ExecCredential",
            doc["kind"].as_str().unwrap_or("")
        ));
    }
    if returned != api_version {
        return Err(format!(
            "exec plugin is configured to use API version {api_version}, plugin returned version {returned}"
        ));
    }
    let status = doc
        .get("status")
        .filter(|s| s.is_object())
        .ok_or("exec plugin didn't return a status field")?;
    let text = |k: &str| {
        status[k]
            .as_str()
            .filter(|s| !s.is_empty())
            .map(String::from)
    };
    let (token, cert, key) = (
        text("token"),
        text("clientCertificateData"),
        text("clientKeyData"),
    );
    if token.is_none() && cert.is_none() && key.is_none() {
        return Err("exec plugin didn't return a token or cert/key pair".into());
    }
    if cert.is_some() != key.is_some() {
        return Err("exec plugin returned only certificate or key, not both".into());
    }
    let expires = match text("expirationTimestamp") {
        Some(t) => Some(
            chrono::DateTime::parse_from_rfc3339(&t)
                .map_err(|e| format!("decoding stdout: expirationTimestamp {t:?}: {e}"))?
                .timestamp(),
        ),
        None => None,
    };
    Ok(ExecOutput {
        token,
        client_certificate: cert,
        client_key: key,
        expires,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_validates_like_client_go() {
        let base = Path::new("/kc");
        let ok = json!({"command": "./bin/plug", "apiVersion": V1, "interactiveMode": "Never",
                         "env": [{"name": "A", "value": "1"}], "provideClusterInfo": true});
        let c = ExecConfig::parse("u", &ok, base).expect("valid");
        assert_eq!(c.command, "/kc/./bin/plug");
        assert_eq!(c.env, vec![("A".into(), "1".into())]);
        assert!(c.cluster.is_some());
        let beta = json!({"command": "plug", "apiVersion": V1BETA1});
        let c = ExecConfig::parse("u", &beta, base).expect("valid");
        assert_eq!(c.interactive_mode, InteractiveMode::IfAvailable);
        assert_eq!(c.command, "plug");
        let v1_without_mode = json!({"command": "plug", "apiVersion": V1});
        assert_eq!(
            ExecConfig::parse("u", &v1_without_mode, base).unwrap_err(),
            "interactiveMode must be specified for u to use exec authentication plugin"
        );
        let bad_version = json!({"command": "plug", "apiVersion": "x/v9"});
        assert!(
            ExecConfig::parse("u", &bad_version, base)
                .unwrap_err()
                .contains("invalid apiVersion")
        );
        let unknown = json!({"command": "plug", "apiVersion": V1BETA1, "pluginPolicy": {}});
        assert!(
            ExecConfig::parse("u", &unknown, base)
                .unwrap_err()
                .contains("\"pluginPolicy\"")
        );
    }

    #[test]
    fn decode_checks_version_status_and_pairs() {
        let good = br#"{"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1",
            "status":{"token":"t","expirationTimestamp":"2030-01-01T00:00:00Z"}}"#;
        let out = decode(V1, good).expect("decodes");
        assert_eq!(out.token.as_deref(), Some("t"));
        assert_eq!(out.expires, Some(1_893_456_000));
        assert!(
            decode(V1BETA1, good)
                .unwrap_err()
                .contains("plugin returned version")
        );
        let no_status =
            br#"{"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1"}"#;
        assert_eq!(
            decode(V1, no_status).unwrap_err(),
            "exec plugin didn't return a status field"
        );
        let half = br#"{"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1",
            "status":{"clientCertificateData":"PEM"}}"#;
        assert!(
            decode(V1, half)
                .unwrap_err()
                .contains("only certificate or key")
        );
        assert!(
            decode(V1, b"nope")
                .unwrap_err()
                .starts_with("decoding stdout")
        );
    }
}
