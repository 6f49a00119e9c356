//! Where requests go and with which credentials: flags > environment > the selected context
//! (DESIGN.md), or a kubeconfig for a plain Kubernetes cluster. Also the URL layout.

use super::config::{self, ConfigError, ConfigFile};
use super::kubeconfig;
use crate::cli::{GlobalArgs, Profile};
use crate::resource::{GROUP, PLURAL, VERSION};
use std::path::PathBuf;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum TargetError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("no server configured")]
    NoServer,
    #[error("no project given")]
    NoProject,
    #[error("context {0:?} does not exist in {1}")]
    UnknownContext(String, PathBuf),
    #[error("cannot read {what} {path}: {source}")]
    ReadFile {
        what: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Kubeconfig(#[from] kubeconfig::KubeconfigError),
}

/// TLS and connection settings for the server (src/client/tls.rs applies them).
#[derive(Debug, Clone, Default)]
pub struct Tls {
    /// The CA that is the only trust root for this server (PEM); the system roots without it.
    pub ca_pem: Option<Vec<u8>>,
    /// Where the CA came from (a file, or `certificate-authority-data of cluster "c"`), for errors.
    pub ca_from: Option<String>,
    pub insecure: bool,
    /// Client certificate and key, PEM, concatenated (from a kubeconfig).
    pub identity_pem: Option<Vec<u8>>,
    /// Where the client certificate and key came from, for errors.
    pub identity_from: Option<String>,
    /// `tls-server-name` / `--tls-server-name`: the SNI and the name checked in the server's
    /// certificate, instead of the URL's host.
    pub server_name: Option<String>,
    /// The cluster's `proxy-url` (http, https or socks5); overrides the `*_PROXY` variables.
    pub proxy_url: Option<String>,
}

/// Everything a request needs to find and authenticate to the server.
#[derive(Debug, Clone, Default)]
pub struct Target {
    /// `{server}/apis/resourcemanager.miloapis.com/v1alpha1/projects/{project}/control-plane`,
    /// or the bare server with a kubeconfig.
    pub base: String,
    pub server: String,
    pub project: Option<String>,
    pub namespace: String,
    pub token: Option<String>,
    pub tls: Tls,
    /// The context the settings came from, for hints.
    pub context: Option<String>,
    /// Which file configured us (config file or kubeconfig), for hints.
    pub config_path: Option<PathBuf>,
    /// The file the token was read from (the config file, a kubeconfig or a token file), so a
    /// file others can read is warned about.
    pub credential_file: Option<PathBuf>,
    pub kubeconfig: bool,
    pub profile: Option<Profile>,
}

/// The project's control-plane URL on `server`.
pub fn project_base(server: &str, project: &str) -> String {
    format!(
        "{}/apis/resourcemanager.miloapis.com/v1alpha1/projects/{project}/control-plane",
        server.trim_end_matches('/')
    )
}

impl Target {
    /// `{base}/apis/gateway.envoyproxy.io/v1alpha1[/namespaces/NS]/backendtrafficpolicies`.
    pub fn collection_url(&self, namespace: Option<&str>) -> String {
        match namespace {
            Some(ns) => format!(
                "{}/apis/{GROUP}/{VERSION}/namespaces/{ns}/{PLURAL}",
                self.base
            ),
            None => format!("{}/apis/{GROUP}/{VERSION}/{PLURAL}", self.base),
        }
    }

    pub fn object_url(&self, namespace: &str, name: &str) -> String {
        format!("{}/{name}", self.collection_url(Some(namespace)))
    }

    pub fn events_url(&self, namespace: &str) -> String {
        format!("{}/api/v1/namespaces/{namespace}/events", self.base)
    }

    pub fn openapi_url(&self) -> String {
        format!("{}/openapi/v3", self.base)
    }

    /// Human description for hints: `http://… (context "local")`.
    pub fn describe(&self) -> String {
        match &self.context {
            Some(c) => format!("{} (context {c:?})", self.server),
            None => self.server.clone(),
        }
    }
}

/// Whether to use the kubeconfig: when `--kubeconfig` was typed, or `KUBECONFIG` is set and
/// datumctl itself has no server configured (a shell's KUBECONFIG must not hijack datumctl).
fn use_kubeconfig(global: &GlobalArgs, config: &ConfigFile) -> Option<PathBuf> {
    let path = global.kubeconfig.clone()?;
    let from_env = std::env::var_os("KUBECONFIG").is_some_and(|v| v == path.as_os_str());
    if !from_env {
        return Some(path);
    }
    let datumctl_configured =
        global.server.is_some() || config.selected(global.context.as_deref()).is_some();
    (!datumctl_configured).then_some(path)
}

/// Resolves the target of this invocation. `need_project` is false for commands that only talk
/// to the server root.
pub fn resolve(global: &GlobalArgs) -> Result<Target, TargetError> {
    let path = config::config_path()?;
    let config = config::load(&path)?;
    if let Some(kc) = use_kubeconfig(global, &config) {
        return kubeconfig::resolve(&kc, global);
    }
    let context = match &global.context {
        Some(name) => Some(
            config
                .context(name)
                .ok_or_else(|| TargetError::UnknownContext(name.clone(), path.clone()))?,
        ),
        None => config.selected(None),
    };
    let server = global
        .server
        .clone()
        .or_else(|| context.and_then(|c| c.server.clone()))
        .filter(|s| !s.is_empty())
        .ok_or(TargetError::NoServer)?;
    let project = global
        .project
        .clone()
        .or_else(|| context.and_then(|c| c.project.clone()))
        .filter(|p| !p.is_empty())
        .ok_or(TargetError::NoProject)?;
    let namespace = global
        .namespace
        .clone()
        .or_else(|| context.and_then(|c| c.namespace.clone()))
        .unwrap_or_else(|| "default".into());
    let (token, credential_file) = match global.token.clone().filter(|t| !t.is_empty()) {
        Some(t) => (Some(t), None),
        None => match context {
            Some(c) => match (&c.token, &c.token_file) {
                (Some(t), _) => (Some(t.clone()), Some(path.clone())),
                (None, Some(file)) => (Some(read_trimmed("token file", file)?), Some(file.clone())),
                _ => (None, None),
            },
            None => (None, None),
        },
    };
    // As kubectl: --insecure-skip-tls-verify alone drops the context's CA; with
    // --certificate-authority (or a context holding both) tls.rs refuses the pair.
    let ca_path = global.certificate_authority.clone().or_else(|| {
        context
            .filter(|_| !global.insecure_skip_tls_verify)
            .and_then(|c| c.certificate_authority.clone())
    });
    let ca_pem = match &ca_path {
        Some(p) => Some(std::fs::read(p).map_err(|source| TargetError::ReadFile {
            what: "certificate authority",
            path: p.clone(),
            source,
        })?),
        None => None,
    };
    let insecure =
        global.insecure_skip_tls_verify || context.is_some_and(|c| c.insecure_skip_tls_verify);
    let profile = context
        .and_then(|c| c.profile.as_deref())
        .and_then(|p| match p {
            "datum" => Some(Profile::Datum),
            "upstream" => Some(Profile::Upstream),
            _ => None,
        });
    Ok(Target {
        base: project_base(&server, &project),
        server: server.trim_end_matches('/').to_string(),
        project: Some(project),
        namespace,
        token,
        tls: Tls {
            ca_pem,
            ca_from: ca_path.map(|p| p.display().to_string()),
            insecure,
            server_name: global.tls_server_name.clone(),
            ..Tls::default()
        },
        context: context.map(|c| c.name.clone()),
        config_path: Some(path),
        credential_file,
        kubeconfig: false,
        profile,
    })
}

pub(crate) fn read_trimmed(
    what: &'static str,
    path: &std::path::Path,
) -> Result<String, TargetError> {
    std::fs::read_to_string(path)
        .map(|t| t.trim().to_string())
        .map_err(|source| TargetError::ReadFile {
            what,
            path: path.to_path_buf(),
            source,
        })
}

/// The rules to validate against: the flag, else the context's, else `datum` for Datum Cloud
/// hosts and `upstream` elsewhere.
pub fn effective_profile(flag: Option<Profile>, target: Option<&Target>) -> Profile {
    if let Some(p) = flag {
        return p;
    }
    let Some(t) = target else {
        return Profile::Upstream;
    };
    if let Some(p) = t.profile {
        return p;
    }
    let host = t
        .server
        .split("://")
        .nth(1)
        .unwrap_or(&t.server)
        .split(['/', ':'])
        .next()
        .unwrap_or("");
    if host == "datum.net" || host.ends_with(".datum.net") {
        Profile::Datum
    } else {
        Profile::Upstream
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(server: &str) -> Target {
        Target {
            base: project_base(server, "my-project"),
            server: server.into(),
            project: Some("my-project".into()),
            namespace: "default".into(),
            ..Target::default()
        }
    }

    #[test]
    fn urls_follow_the_project_layout() {
        let t = target("https://api.datum.net/");
        assert_eq!(
            t.object_url("default", "x"),
            "https://api.datum.net/apis/resourcemanager.miloapis.com/v1alpha1/projects/my-project/control-plane/apis/gateway.envoyproxy.io/v1alpha1/namespaces/default/backendtrafficpolicies/x"
        );
        assert!(t.collection_url(None).ends_with(
            "/control-plane/apis/gateway.envoyproxy.io/v1alpha1/backendtrafficpolicies"
        ));
        assert!(t.openapi_url().ends_with("/control-plane/openapi/v3"));
    }

    #[test]
    fn profile_defaults_by_host() {
        assert_eq!(
            effective_profile(None, Some(&target("https://api.datum.net"))),
            Profile::Datum
        );
        assert_eq!(
            effective_profile(None, Some(&target("http://127.0.0.1:7780"))),
            Profile::Upstream
        );
        assert_eq!(
            effective_profile(
                Some(Profile::Upstream),
                Some(&target("https://api.datum.net"))
            ),
            Profile::Upstream
        );
    }
}
