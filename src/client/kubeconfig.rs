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

/// Reads a file named in the kubeconfig, relative to the kubeconfig's directory; an error names
/// that file and what it was for, not the kubeconfig.
fn read_relative(
    kubeconfig: &Path,
    what: &'static str,
    file: &str,
) -> Result<Vec<u8>, TargetError> {
    let p = Path::new(file);
    let full = if p.is_absolute() {
        p.to_path_buf()
    } else {
        kubeconfig.parent().unwrap_or(Path::new(".")).join(p)
    };
    std::fs::read(&full).map_err(|source| TargetError::ReadFile {
        what,
        path: full,
        source,
    })
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
    let in_file = |field: &str| {
        format!(
            "{field} of cluster {cluster_name:?} in kubeconfig {}",
            file.display()
        )
    };
    // As kubectl: --insecure-skip-tls-verify alone drops the cluster's CA.
    let cluster_ca = !global.insecure_skip_tls_verify;
    let (ca_pem, ca_from) = if let Some(p) = &global.certificate_authority {
        let pem = std::fs::read(p).map_err(|source| TargetError::ReadFile {
            what: "certificate authority",
            path: p.clone(),
            source,
        })?;
        (Some(pem), Some(p.display().to_string()))
    } else if let (Some(data), true) = (cluster["certificate-authority-data"].as_str(), cluster_ca)
    {
        let pem = decode(&file, "certificate-authority-data", data)?;
        (Some(pem), Some(in_file("certificate-authority-data")))
    } else if let (Some(f), true) = (cluster["certificate-authority"].as_str(), cluster_ca) {
        let pem = read_relative(&file, "certificate authority", f)?;
        (
            Some(pem),
            Some(in_file(&format!("certificate-authority {f}"))),
        )
    } else {
        (None, None)
    };
    let cert = match (
        user["client-certificate-data"].as_str(),
        user["client-certificate"].as_str(),
    ) {
        (Some(d), _) => Some(decode(&file, "client-certificate-data", d)?),
        (None, Some(f)) => Some(read_relative(&file, "client certificate", f)?),
        _ => None,
    };
    let key = match (
        user["client-key-data"].as_str(),
        user["client-key"].as_str(),
    ) {
        (Some(d), _) => Some(decode(&file, "client-key-data", d)?),
        (None, Some(f)) => Some(read_relative(&file, "client key", f)?),
        _ => None,
    };
    let user_name = context["user"].as_str().unwrap_or("");
    let identity_pem = match (cert, key) {
        (Some(mut c), Some(k)) => {
            c.push(b'\n');
            c.extend_from_slice(&k);
            Some(c)
        }
        (Some(_), None) => {
            return Err(invalid(format!(
                "user {user_name:?} has a client certificate but no client-key or client-key-data"
            ))
            .into());
        }
        (None, Some(_)) => {
            return Err(invalid(format!(
                "user {user_name:?} has a client key but no client-certificate or client-certificate-data"
            ))
            .into());
        }
        (None, None) => None,
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
            ca_from,
            insecure: global.insecure_skip_tls_verify
                || cluster["insecure-skip-tls-verify"].as_bool() == Some(true),
            identity_from: identity_pem
                .is_some()
                .then(|| format!("of user {user_name:?} in kubeconfig {}", file.display())),
            identity_pem,
            server_name: global
                .tls_server_name
                .clone()
                .or_else(|| cluster["tls-server-name"].as_str().map(String::from)),
            proxy_url: cluster["proxy-url"].as_str().map(String::from),
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
