//! `--kubeconfig` / `KUBECONFIG`: a plain Kubernetes cluster with the Envoy Gateway CRDs. Reads
//! the server, CA, bearer token or client certificate of the chosen context; no project prefix.

use super::config::parse_yaml;
use super::target::{Target, TargetError, Tls, read_trimmed};
use crate::cli::GlobalArgs;
use base64::Engine;
use serde_json::Value;
use std::path::{Path, PathBuf};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum KubeconfigError {
    #[error("cannot read kubeconfig {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("kubeconfig {path} is not valid YAML: {reason}")]
    Syntax { path: PathBuf, reason: String },
    #[error("kubeconfig {path}: {reason}")]
    Invalid { path: PathBuf, reason: String },
}

fn named<'a>(doc: &'a Value, list: &str, name: &str, inner: &str) -> Option<&'a Value> {
    doc[list]
        .as_array()?
        .iter()
        .find(|e| e["name"] == name)
        .map(|e| &e[inner])
}

fn decode(path: &Path, field: &str, data: &str) -> Result<Vec<u8>, KubeconfigError> {
    base64::engine::general_purpose::STANDARD
        .decode(data.trim())
        .map_err(|e| KubeconfigError::Invalid {
            path: path.to_path_buf(),
            reason: format!("{field} is not base64: {e}"),
        })
}

/// Reads a file named in the kubeconfig, relative to the kubeconfig's directory.
fn read_relative(kubeconfig: &Path, file: &str) -> Result<Vec<u8>, KubeconfigError> {
    let p = Path::new(file);
    let full = if p.is_absolute() {
        p.to_path_buf()
    } else {
        kubeconfig.parent().unwrap_or(Path::new(".")).join(p)
    };
    std::fs::read(&full).map_err(|source| KubeconfigError::Read { path: full, source })
}

pub fn resolve(path: &Path, global: &GlobalArgs) -> Result<Target, TargetError> {
    // KUBECONFIG may list several files; the first one that exists is used.
    let separator = if cfg!(windows) { ';' } else { ':' };
    let candidates: Vec<PathBuf> = path
        .to_string_lossy()
        .split(separator)
        .filter(|s| !s.is_empty())
        .map(PathBuf::from)
        .collect();
    let file = candidates
        .iter()
        .find(|p| p.exists())
        .cloned()
        .unwrap_or_else(|| path.to_path_buf());
    let text = std::fs::read_to_string(&file).map_err(|source| KubeconfigError::Read {
        path: file.clone(),
        source,
    })?;
    let doc = parse_yaml(&text).map_err(|reason| KubeconfigError::Syntax {
        path: file.clone(),
        reason,
    })?;
    let invalid = |reason: String| KubeconfigError::Invalid {
        path: file.clone(),
        reason,
    };
    let context_name = global
        .context
        .clone()
        .or_else(|| doc["current-context"].as_str().map(String::from))
        .ok_or_else(|| invalid("no current-context and no --context".into()))?;
    let context = named(&doc, "contexts", &context_name, "context")
        .ok_or_else(|| invalid(format!("context {context_name:?} not found")))?;
    let cluster_name = context["cluster"].as_str().unwrap_or("");
    let cluster = named(&doc, "clusters", cluster_name, "cluster")
        .ok_or_else(|| invalid(format!("cluster {cluster_name:?} not found")))?;
    let user = context["user"]
        .as_str()
        .and_then(|u| named(&doc, "users", u, "user"))
        .cloned()
        .unwrap_or(Value::Null);
    let server = global
        .server
        .clone()
        .or_else(|| cluster["server"].as_str().map(String::from))
        .ok_or(TargetError::NoServer)?;
    let ca_pem = if let Some(p) = &global.certificate_authority {
        Some(std::fs::read(p).map_err(|source| TargetError::ReadFile {
            what: "certificate authority",
            path: p.clone(),
            source,
        })?)
    } else if let Some(data) = cluster["certificate-authority-data"].as_str() {
        Some(decode(&file, "certificate-authority-data", data)?)
    } else if let Some(f) = cluster["certificate-authority"].as_str() {
        Some(read_relative(&file, f)?)
    } else {
        None
    };
    let cert = match (
        user["client-certificate-data"].as_str(),
        user["client-certificate"].as_str(),
    ) {
        (Some(d), _) => Some(decode(&file, "client-certificate-data", d)?),
        (None, Some(f)) => Some(read_relative(&file, f)?),
        _ => None,
    };
    let key = match (
        user["client-key-data"].as_str(),
        user["client-key"].as_str(),
    ) {
        (Some(d), _) => Some(decode(&file, "client-key-data", d)?),
        (None, Some(f)) => Some(read_relative(&file, f)?),
        _ => None,
    };
    let identity_pem = match (cert, key) {
        (Some(mut c), Some(k)) => {
            c.push(b'\n');
            c.extend_from_slice(&k);
            Some(c)
        }
        _ => None,
    };
    if user.get("exec").is_some() || user.get("auth-provider").is_some() {
        return Err(invalid(format!(
            "user of context {context_name:?} uses an exec or auth-provider plugin, which datumctl does not run; use a token or client certificate"
        ))
        .into());
    }
    let (token, credential_file) = match global.token.clone() {
        Some(t) => (Some(t), None),
        None => match (user["token"].as_str(), user["tokenFile"].as_str()) {
            (Some(t), _) => (Some(t.to_string()), Some(file.clone())),
            (None, Some(f)) => (
                Some(read_trimmed("token file", Path::new(f))?),
                Some(PathBuf::from(f)),
            ),
            _ => (None, None),
        },
    };
    let namespace = global
        .namespace
        .clone()
        .or_else(|| context["namespace"].as_str().map(String::from))
        .unwrap_or_else(|| "default".into());
    let server = server.trim_end_matches('/').to_string();
    Ok(Target {
        base: server.clone(),
        server,
        project: None,
        namespace,
        token,
        tls: Tls {
            ca_pem,
            insecure: global.insecure_skip_tls_verify
                || cluster["insecure-skip-tls-verify"].as_bool() == Some(true),
            identity_pem,
        },
        context: Some(context_name),
        config_path: Some(file),
        credential_file,
        kubeconfig: true,
        profile: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[test]
    fn reads_server_ca_token_and_namespace_of_the_current_context() {
        let dir = tempfile::tempdir().expect("tmp");
        let kc = dir.path().join("kubeconfig");
        let ca = base64::engine::general_purpose::STANDARD.encode("PEM");
        std::fs::write(
            &kc,
            format!(
                "apiVersion: v1\nkind: Config\ncurrent-context: dev\nclusters:\n- name: c\n  cluster:\n    server: https://k8s.example:6443/\n    certificate-authority-data: {ca}\ncontexts:\n- name: dev\n  context:\n    cluster: c\n    user: u\n    namespace: team\nusers:\n- name: u\n  user:\n    token: abc\n"
            ),
        )
        .expect("write");
        let cli = crate::cli::Cli::parse_from(["datumctl", "get", "btp"]);
        let t = resolve(&kc, &cli.global).expect("resolves");
        assert_eq!(t.base, "https://k8s.example:6443");
        assert_eq!(t.token.as_deref(), Some("abc"));
        assert_eq!(t.namespace, "team");
        assert_eq!(t.tls.ca_pem.as_deref(), Some(b"PEM".as_slice()));
        assert!(
            t.object_url("team", "x")
                .starts_with("https://k8s.example:6443/apis/gateway.envoyproxy.io/")
        );
    }
}
