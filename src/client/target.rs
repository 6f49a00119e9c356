//! Where requests go and with which credentials: flags > environment > the selected context
//! (DESIGN.md), or a kubeconfig for a plain Kubernetes cluster. Also the URL layout.

use super::config::{self, ConfigError, ConfigFile};
use super::credential::{Credential, Impersonation, is_loopback_url, read_token_file};
use super::kubeconfig::{self, Source};
use crate::resource::{GROUP, PLURAL, VERSION};
use crate::validate::Profile;
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
    #[error(
        "refusing to send a credential over plain http to {0}: only loopback addresses (127.0.0.0/8, ::1, localhost) may be reached over http with one"
    )]
    PlainHttpCredential(String),
    #[error("{0}")]
    Impersonation(String),
    /// A server URL without an http or https scheme (`127.0.0.1:7780`), and where it came from.
    #[error("server URL {url:?} ({from}) has no http:// or https:// scheme")]
    ServerUrl { url: String, from: String },
}

/// A server URL must say how to reach it: without a scheme, `127.0.0.1:7780` would only fail
/// later, as a network error.
pub fn check_server_url(url: &str, from: impl FnOnce() -> String) -> Result<(), TargetError> {
    match reqwest::Url::parse(url) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => Ok(()),
        _ => Err(TargetError::ServerUrl {
            url: url.to_string(),
            from: from(),
        }),
    }
}

/// TLS and connection settings for the server (src/client/tls.rs applies them).
#[derive(Debug, Clone, Default)]
pub struct Tls {
    /// The CA that is the only trust root for this server (PEM); the system roots without it.
    pub ca_pem: Option<Vec<u8>>,
    /// Where the CA came from (a file, or `certificate-authority-data of cluster "c"`), for errors.
    pub ca_from: Option<String>,
    pub insecure: bool,
    /// Client certificate and key, PEM, concatenated (from a kubeconfig or an exec plugin).
    pub identity_pem: Option<Vec<u8>>,
    /// Where the client certificate and key came from, for errors.
    pub identity_from: Option<String>,
    /// `tls-server-name` / `--tls-server-name`: the SNI and the name checked in the server's
    /// certificate, instead of the URL's host.
    pub server_name: Option<String>,
    /// The cluster's `proxy-url` (http, https or socks5); overrides the `*_PROXY` variables.
    pub proxy_url: Option<String>,
}

/// What the command line and environment say, resolved by the command layer (no clap here).
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--server` or `DATUMCTL_SERVER`.
    pub server: Option<String>,
    pub project: Option<String>,
    /// `--token` or `DATUMCTL_TOKEN`: replaces any stored credential.
    pub token: Option<String>,
    pub namespace: Option<String>,
    pub context: Option<String>,
    /// The kubeconfig to use instead of the datumctl config, when one applies.
    pub kubeconfig: Option<Source>,
    /// Whether the kubeconfig came only from the `KUBECONFIG` variable (then it yields to a
    /// configured datumctl server, so a shell's KUBECONFIG does not hijack datumctl).
    pub kubeconfig_from_env: bool,
    pub certificate_authority: Option<PathBuf>,
    pub insecure_skip_tls_verify: bool,
    /// `--tls-server-name`: the name sent as SNI and checked in the server's certificate.
    pub tls_server_name: Option<String>,
    /// `--as`, `--as-group`, `--as-uid`.
    pub impersonate: Impersonation,
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
    /// How requests authenticate (consulted per request).
    pub credential: Credential,
    pub impersonate: Impersonation,
    pub tls: Tls,
    /// The context the settings came from, for hints.
    pub context: Option<String>,
    /// Which file configured us (config file or kubeconfig), for hints.
    pub config_path: Option<PathBuf>,
    /// The file the credential was read from (the config file, a kubeconfig or a token file),
    /// so a file others can read is warned about.
    pub credential_file: Option<PathBuf>,
    pub kubeconfig: bool,
    pub profile: Option<Profile>,
    /// Said on stderr once the client exists (a credential held back, and why).
    pub warnings: Vec<String>,
}

pub use crate::layout::project_base;

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
fn use_kubeconfig(o: &Overrides, config: &ConfigFile) -> Option<Source> {
    let source = o.kubeconfig.clone()?;
    if !o.kubeconfig_from_env {
        return Some(source);
    }
    let datumctl_configured = o.server.is_some() || config.selected(o.context.as_deref()).is_some();
    (!datumctl_configured).then_some(source)
}

fn same_server(a: &str, b: &str) -> bool {
    a.trim_end_matches('/') == b.trim_end_matches('/')
}

/// The binding rules, applied once the server and the stored credential are known: `--token`
/// replaces the stored credential; a stored one (`owner` is the server it was stored for) goes
/// only to its own server; and no credential crosses plain http to another machine.
pub(crate) fn bind_credential(
    target: &mut Target,
    o: &Overrides,
    owner: Option<&str>,
) -> Result<(), TargetError> {
    if let Some(token) = o.token.clone().filter(|t| !t.is_empty()) {
        target.credential = Credential::Bearer(token);
        target.credential_file = None;
    } else if target.credential.is_some() || target.tls.identity_pem.is_some() {
        let elsewhere =
            o.server.is_some() && !owner.is_some_and(|s| same_server(s, &target.server));
        if elsewhere {
            let what = if target.kubeconfig {
                "kubeconfig context"
            } else {
                "datumctl context"
            };
            let owner = owner.map_or("no server".to_string(), |s| s.to_string());
            target.warnings.push(format!(
                "not sending the credential of {what} {:?} to {}: it belongs to {owner}, and the server was given by --server or DATUMCTL_SERVER; pass --token for this server, or use a context whose server it is",
                target.context.as_deref().unwrap_or(""),
                target.server
            ));
            target.credential = Credential::None;
            target.credential_file = None;
            target.tls.identity_pem = None;
        }
    }
    if target.credential.is_some()
        && target.server.starts_with("http://")
        && !is_loopback_url(&target.server)
    {
        return Err(TargetError::PlainHttpCredential(target.server.clone()));
    }
    Ok(())
}

/// Resolves the target of this invocation.
pub fn resolve(o: &Overrides) -> Result<Target, TargetError> {
    if let Some(server) = o.server.as_deref().filter(|s| !s.is_empty()) {
        check_server_url(server, || "from --server or DATUMCTL_SERVER".into())?;
    }
    let path = config::config_path()?;
    let config = config::load(&path)?;
    if let Some(kc) = use_kubeconfig(o, &config) {
        return kubeconfig::resolve(&kc, o);
    }
    let context = match &o.context {
        Some(name) => Some(
            config
                .context(name)
                .ok_or_else(|| TargetError::UnknownContext(name.clone(), path.clone()))?,
        ),
        None => config.selected(None),
    };
    let owner = context
        .and_then(|c| c.server.as_deref())
        .filter(|s| !s.is_empty());
    let server = o
        .server
        .clone()
        .or_else(|| owner.map(String::from))
        .filter(|s| !s.is_empty())
        .ok_or(TargetError::NoServer)?;
    if o.server.is_none() {
        let name = context.map(|c| c.name.as_str()).unwrap_or_default();
        check_server_url(&server, || format!("from context {name:?}"))?;
    }
    let project = o
        .project
        .clone()
        .or_else(|| context.and_then(|c| c.project.clone()))
        .filter(|p| !p.is_empty())
        .ok_or(TargetError::NoProject)?;
    let namespace = o
        .namespace
        .clone()
        .or_else(|| context.and_then(|c| c.namespace.clone()))
        .unwrap_or_else(|| "default".into());
    let (credential, credential_file) = match context {
        Some(c) => match (&c.token, &c.token_file) {
            (Some(t), _) => (Credential::Bearer(t.clone()), Some(path.clone())),
            (None, Some(file)) if o.token.is_none() => {
                let first = read_token_file(file).map_err(|e| match e {
                    super::credential::CredentialError::TokenFile { path, source } => {
                        TargetError::ReadFile {
                            what: "token file",
                            path,
                            source,
                        }
                    }
                    other => TargetError::ReadFile {
                        what: "token file",
                        path: file.clone(),
                        source: std::io::Error::other(other.to_string()),
                    },
                })?;
                (
                    Credential::TokenFile {
                        path: file.clone(),
                        fallback: Some(first),
                    },
                    Some(file.clone()),
                )
            }
            _ => (Credential::None, None),
        },
        None => (Credential::None, None),
    };
    // As kubectl: --insecure-skip-tls-verify alone drops the context's CA; with
    // --certificate-authority (or a context holding both) tls.rs refuses the pair.
    let ca_path = o.certificate_authority.clone().or_else(|| {
        context
            .filter(|_| !o.insecure_skip_tls_verify)
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
        o.insecure_skip_tls_verify || context.is_some_and(|c| c.insecure_skip_tls_verify);
    let profile = context.and_then(|c| c.profile);
    if o.impersonate.user.is_none()
        && (o.impersonate.uid.is_some() || !o.impersonate.groups.is_empty())
    {
        return Err(TargetError::Impersonation(
            "requesting uid or groups (--as-uid, --as-group) without impersonating a user (--as)"
                .into(),
        ));
    }
    let mut target = Target {
        base: project_base(&server, &project),
        server: server.trim_end_matches('/').to_string(),
        project: Some(project),
        namespace,
        credential,
        impersonate: o.impersonate.clone(),
        tls: Tls {
            ca_pem,
            ca_from: ca_path.map(|p| p.display().to_string()),
            insecure,
            server_name: o.tls_server_name.clone(),
            ..Tls::default()
        },
        context: context.map(|c| c.name.clone()),
        config_path: Some(path),
        credential_file,
        kubeconfig: false,
        profile,
        warnings: Vec::new(),
    };
    bind_credential(&mut target, o, owner)?;
    Ok(target)
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

    fn bound(server: &str, owner: Option<&str>, o: &Overrides) -> Result<Target, TargetError> {
        let mut t = target(server);
        t.context = Some("ctx".into());
        t.credential = Credential::Bearer("secret".into());
        bind_credential(&mut t, o, owner).map(|()| t)
    }

    #[test]
    fn a_stored_credential_goes_only_to_its_own_server() {
        let elsewhere = Overrides {
            server: Some("http://127.0.0.1:9".into()),
            ..Overrides::default()
        };
        let t = bound(
            "http://127.0.0.1:9",
            Some("https://api.example.com"),
            &elsewhere,
        )
        .expect("binds");
        assert!(!t.credential.is_some());
        assert!(
            t.warnings[0].contains("not sending the credential"),
            "{:?}",
            t.warnings
        );
        assert!(!t.warnings[0].contains("secret"));
        // The same server, given again: the credential stays.
        let same = bound(
            "https://api.example.com",
            Some("https://api.example.com/"),
            &Overrides {
                server: Some("https://api.example.com".into()),
                ..Overrides::default()
            },
        )
        .expect("binds");
        assert!(same.credential.is_some() && same.warnings.is_empty());
        // --token is for whatever server was given.
        let flag = bound(
            "http://127.0.0.1:9",
            Some("https://api.example.com"),
            &Overrides {
                server: Some("http://127.0.0.1:9".into()),
                token: Some("typed".into()),
                ..Overrides::default()
            },
        )
        .expect("binds");
        assert!(matches!(flag.credential, Credential::Bearer(ref t) if t == "typed"));
    }

    #[test]
    fn credentials_cross_plain_http_only_to_loopback() {
        let o = Overrides::default();
        let err = bound("http://10.1.2.3:80", Some("http://10.1.2.3:80"), &o).unwrap_err();
        assert!(
            matches!(&err, TargetError::PlainHttpCredential(u) if u == "http://10.1.2.3:80"),
            "{err}"
        );
        let err = bound("http://api.example.com", Some("http://api.example.com"), &o).unwrap_err();
        assert!(err.to_string().contains("http://api.example.com"), "{err}");
        assert!(bound("http://127.0.0.1:1", Some("http://127.0.0.1:1"), &o).is_ok());
        assert!(bound("http://localhost:1", Some("http://localhost:1"), &o).is_ok());
        assert!(
            bound(
                "https://api.example.com",
                Some("https://api.example.com"),
                &o
            )
            .is_ok()
        );
        // No credential, no objection.
        let mut bare = target("http://10.1.2.3");
        assert!(bind_credential(&mut bare, &o, None).is_ok());
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
