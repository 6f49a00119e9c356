//! `--kubeconfig` / `KUBECONFIG`: a plain Kubernetes cluster with the Envoy Gateway CRDs, loaded
//! as client-go loads it: KUBECONFIG's files merged (the first to name an entry wins), relative
//! paths against the file that named them, and every user and cluster field honoured or refused.

use super::config::parse_yaml;
use super::credential::{Credential, Impersonation};
use super::exec::{ExecConfig, ExecPlugin};
use super::target::{Overrides, Target, TargetError, Tls, bind_credential};
use base64::Engine;
use serde_json::{Map, Value, json};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum KubeconfigError {
    #[error("cannot read kubeconfig {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot read {what} {path} named in kubeconfig {origin}: {source}")]
    ReadNamed {
        what: &'static str,
        path: PathBuf,
        origin: PathBuf,
        source: std::io::Error,
    },
    #[error("kubeconfig {path} is not valid YAML: {reason}")]
    Syntax { path: PathBuf, reason: String },
    #[error("kubeconfig {path}: {reason}")]
    Invalid { path: PathBuf, reason: String },
    #[error("none of the KUBECONFIG files exist: {0}")]
    NoneExist(String),
}

/// Where the kubeconfig comes from.
#[derive(Debug, Clone)]
pub enum Source {
    /// `--kubeconfig FILE`: that one file, which must exist.
    Explicit(PathBuf),
    /// `KUBECONFIG`: a list (`:`-separated, `;` on Windows), merged; missing files skipped.
    List(Vec<PathBuf>),
}

impl Source {
    /// KUBECONFIG's value split into files, duplicates dropped (the first stays).
    pub fn from_env_value(value: &std::ffi::OsStr) -> Source {
        let mut files: Vec<PathBuf> = Vec::new();
        for p in std::env::split_paths(value) {
            if !p.as_os_str().is_empty() && !files.contains(&p) {
                files.push(p);
            }
        }
        Source::List(files)
    }
}

/// A named entry and the file it came from.
#[derive(Debug, Clone)]
struct Entry {
    value: Value,
    origin: PathBuf,
}

impl Entry {
    /// The directory relative paths in this entry are read from.
    fn base(&self) -> PathBuf {
        let dir = self.origin.parent().unwrap_or(Path::new("."));
        std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf())
    }

    fn resolve(&self, file: &str) -> PathBuf {
        let p = Path::new(file);
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            self.base().join(p)
        }
    }

    fn str(&self, key: &str) -> Option<&str> {
        self.value[key].as_str().filter(|s| !s.is_empty())
    }

    fn invalid(&self, reason: String) -> KubeconfigError {
        KubeconfigError::Invalid {
            path: self.origin.clone(),
            reason,
        }
    }

    /// A file named by this entry, read relative to its kubeconfig.
    fn read(&self, what: &'static str, file: &str) -> Result<Vec<u8>, KubeconfigError> {
        let path = self.resolve(file);
        std::fs::read(&path).map_err(|source| KubeconfigError::ReadNamed {
            what,
            path,
            origin: self.origin.clone(),
            source,
        })
    }

    fn decode(&self, field: &str, data: &str) -> Result<Vec<u8>, KubeconfigError> {
        base64::engine::general_purpose::STANDARD
            .decode(data.trim())
            .map_err(|e| self.invalid(format!("{field} is not base64: {e}")))
    }
}

/// The merged view of every file.
#[derive(Debug, Default)]
struct Merged {
    current_context: Option<String>,
    clusters: Vec<(String, Entry)>,
    users: Vec<(String, Entry)>,
    contexts: Vec<(String, Entry)>,
    /// The first file read, for messages.
    first: Option<PathBuf>,
}

fn find<'a>(list: &'a [(String, Entry)], name: &str) -> Option<&'a Entry> {
    list.iter().find(|(n, _)| n == name).map(|(_, e)| e)
}

impl Merged {
    fn add(&mut self, origin: &Path, doc: &Value) {
        self.first.get_or_insert_with(|| origin.to_path_buf());
        if self.current_context.is_none() {
            self.current_context = doc["current-context"]
                .as_str()
                .filter(|s| !s.is_empty())
                .map(String::from);
        }
        for (list, inner, into) in [
            ("clusters", "cluster", &mut self.clusters),
            ("users", "user", &mut self.users),
            ("contexts", "context", &mut self.contexts),
        ] {
            for item in doc[list].as_array().map(Vec::as_slice).unwrap_or(&[]) {
                let Some(name) = item["name"].as_str() else {
                    continue;
                };
                // The first file to name an entry wins, whole; later ones never add to it.
                if find(into, name).is_none() {
                    into.push((
                        name.to_string(),
                        Entry {
                            value: item[inner].clone(),
                            origin: origin.to_path_buf(),
                        },
                    ));
                }
            }
        }
    }
}

fn load(source: &Source) -> Result<Merged, KubeconfigError> {
    let (files, explicit) = match source {
        Source::Explicit(p) => (std::slice::from_ref(p), true),
        Source::List(list) => (list.as_slice(), false),
    };
    let mut merged = Merged::default();
    let mut read_any = false;
    for file in files {
        let text = match std::fs::read_to_string(file) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => continue,
            Err(source) => {
                return Err(KubeconfigError::Read {
                    path: file.clone(),
                    source,
                });
            }
        };
        read_any = true;
        let doc = parse_yaml(&text).map_err(|reason| KubeconfigError::Syntax {
            path: file.clone(),
            reason,
        })?;
        if !doc.is_null() {
            merged.add(file, &doc);
        }
    }
    if !read_any {
        let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
        return Err(KubeconfigError::NoneExist(names.join(", ")));
    }
    Ok(merged)
}

const CLUSTER_FIELDS: [&str; 8] = [
    "server",
    "certificate-authority",
    "certificate-authority-data",
    "insecure-skip-tls-verify",
    "tls-server-name",
    "proxy-url",
    // Never asked for: datumctl does not request compressed responses.
    "disable-compression",
    "extensions",
];
const USER_FIELDS: [&str; 14] = [
    "token",
    "tokenFile",
    "username",
    "password",
    "client-certificate",
    "client-certificate-data",
    "client-key",
    "client-key-data",
    "as",
    "as-uid",
    "as-groups",
    "as-user-extra",
    "exec",
    "extensions",
];

const CONTEXT_FIELDS: [&str; 4] = ["cluster", "user", "namespace", "extensions"];
const BOOL_FIELDS: [&str; 2] = ["insecure-skip-tls-verify", "disable-compression"];
const LIST_FIELDS: [&str; 4] = ["as-groups", "as-user-extra", "exec", "extensions"];

/// A field neither honoured nor harmless is an error naming it, never dropped; so is a value
/// of the wrong type (client-go refuses to decode it).
fn check_fields(
    entry: &Entry,
    kind: &str,
    name: &str,
    known: &[&str],
) -> Result<(), KubeconfigError> {
    let Some(map) = entry.value.as_object() else {
        return match entry.value {
            Value::Null => Ok(()),
            _ => Err(entry.invalid(format!("{kind} {name:?} is not a mapping"))),
        };
    };
    for (key, value) in map {
        if known.contains(&key.as_str()) {
            let (fits, wanted) = if BOOL_FIELDS.contains(&key.as_str()) {
                (value.is_boolean(), "true or false")
            } else if LIST_FIELDS.contains(&key.as_str()) {
                (value.is_array() || value.is_object(), "a list or mapping")
            } else {
                (value.is_string(), "a string")
            };
            if !fits && !value.is_null() {
                // The value itself is not shown: it may be a secret.
                let found = match value {
                    Value::Bool(_) => "a boolean",
                    Value::Number(_) => "a number",
                    Value::String(_) => "a string",
                    Value::Array(_) => "a list",
                    _ => "a mapping",
                };
                return Err(entry.invalid(format!(
                    "{kind} {name:?}: {key} must be {wanted}, not {found} (quote it if it is text)"
                )));
            }
            continue;
        }
        let why = match key.as_str() {
            "auth-provider" => {
                "auth-provider plugins were removed from kubectl; use an exec credential plugin (e.g. kubelogin, gke-gcloud-auth-plugin)"
            }
            _ => "datumctl does not know this field",
        };
        return Err(entry.invalid(format!("{kind} {name:?} has {key:?}: {why}")));
    }
    Ok(())
}

pub fn resolve(source: &Source, o: &Overrides) -> Result<Target, TargetError> {
    let merged = load(source)?;
    let first = merged.first.clone().unwrap_or_default();
    let invalid = |reason: String| KubeconfigError::Invalid {
        path: first.clone(),
        reason,
    };
    let context_name = o
        .context
        .clone()
        .or_else(|| merged.current_context.clone())
        .ok_or_else(|| invalid("no current-context and no --context".into()))?;
    let context = find(&merged.contexts, &context_name)
        .ok_or_else(|| invalid(format!("context {context_name:?} not found")))?;
    let cluster_name = context.str("cluster").unwrap_or("");
    let cluster = match cluster_name {
        "" => None,
        name => Some(find(&merged.clusters, name).ok_or_else(|| {
            context.invalid(format!(
                "cluster {name:?} was not found for context {context_name:?}"
            ))
        })?),
    };
    let user_name = context.str("user").unwrap_or("");
    let user = match user_name {
        "" => None,
        name => Some(find(&merged.users, name).ok_or_else(|| {
            context.invalid(format!(
                "user {name:?} was not found for context {context_name:?}"
            ))
        })?),
    };
    if let Some(c) = cluster {
        check_fields(c, "cluster", cluster_name, &CLUSTER_FIELDS)?;
    }
    if let Some(u) = user {
        check_fields(u, "user", user_name, &USER_FIELDS)?;
    }
    check_fields(context, "context", &context_name, &CONTEXT_FIELDS)?;
    let cluster_server = cluster
        .and_then(|c| c.str("server"))
        .map(|s| s.trim_end_matches('/').to_string());
    let server = o
        .server
        .clone()
        .or_else(|| cluster_server.clone())
        .ok_or(TargetError::NoServer)?
        .trim_end_matches('/')
        .to_string();
    let tls = cluster_tls(cluster, o)?;
    let mut target = Target {
        base: server.clone(),
        server,
        project: None,
        namespace: o
            .namespace
            .clone()
            .or_else(|| context.str("namespace").map(String::from))
            .unwrap_or_else(|| "default".into()),
        tls,
        context: Some(context_name),
        config_path: Some(first.clone()),
        kubeconfig: true,
        ..Target::default()
    };
    if let Some(u) = user {
        target.impersonate = impersonation(u, user_name)?;
        let (credential, credential_file) = user_credential(u, user_name, cluster, &target)?;
        target.credential = credential;
        target.credential_file = credential_file;
        target.tls.identity_pem = client_identity(u, user_name)?;
        if target.tls.identity_pem.is_some() {
            target.tls.identity_from = Some(format!(
                "of user {user_name:?} in kubeconfig {}",
                u.origin.display()
            ));
        }
    }
    target.impersonate = o.impersonate.merged_over(&target.impersonate);
    if target.impersonate.user.is_none()
        && (target.impersonate.uid.is_some()
            || !target.impersonate.groups.is_empty()
            || !target.impersonate.extra.is_empty())
    {
        return Err(invalid(format!(
            "requesting uid, groups or user-extra for {user_name} without impersonating a user"
        ))
        .into());
    }
    bind_credential(&mut target, o, cluster_server.as_deref())?;
    Ok(target)
}

fn cluster_tls(cluster: Option<&Entry>, o: &Overrides) -> Result<Tls, TargetError> {
    let in_file =
        |c: &Entry, field: &str| format!("{field} of cluster in kubeconfig {}", c.origin.display());
    // As kubectl: --insecure-skip-tls-verify alone drops the cluster's CA (with
    // --certificate-authority as well, tls.rs refuses the pair).
    let cluster_ca = cluster.filter(|_| !o.insecure_skip_tls_verify);
    let (ca_pem, ca_from) = if let Some(p) = &o.certificate_authority {
        let pem = std::fs::read(p).map_err(|source| TargetError::ReadFile {
            what: "certificate authority",
            path: p.clone(),
            source,
        })?;
        (Some(pem), Some(p.display().to_string()))
    } else if let Some(c) = cluster_ca {
        if let Some(data) = c.str("certificate-authority-data") {
            let pem = c.decode("certificate-authority-data", data)?;
            (Some(pem), Some(in_file(c, "certificate-authority-data")))
        } else if let Some(f) = c.str("certificate-authority") {
            let pem = c.read("certificate authority", f)?;
            (
                Some(pem),
                Some(in_file(c, &format!("certificate-authority {f}"))),
            )
        } else {
            (None, None)
        }
    } else {
        (None, None)
    };
    Ok(Tls {
        ca_pem,
        ca_from,
        insecure: o.insecure_skip_tls_verify
            || cluster.is_some_and(|c| c.value["insecure-skip-tls-verify"].as_bool() == Some(true)),
        server_name: o.tls_server_name.clone().or_else(|| {
            cluster
                .and_then(|c| c.str("tls-server-name"))
                .map(String::from)
        }),
        proxy_url: cluster.and_then(|c| c.str("proxy-url")).map(String::from),
        ..Tls::default()
    })
}

fn client_identity(user: &Entry, name: &str) -> Result<Option<Vec<u8>>, KubeconfigError> {
    let cert = match (
        user.str("client-certificate-data"),
        user.str("client-certificate"),
    ) {
        (Some(d), _) => Some(user.decode("client-certificate-data", d)?),
        (None, Some(f)) => Some(user.read("client certificate", f)?),
        _ => None,
    };
    let key = match (user.str("client-key-data"), user.str("client-key")) {
        (Some(d), _) => Some(user.decode("client-key-data", d)?),
        (None, Some(f)) => Some(user.read("client key", f)?),
        _ => None,
    };
    match (cert, key) {
        (Some(mut c), Some(k)) => {
            c.push(b'\n');
            c.extend_from_slice(&k);
            Ok(Some(c))
        }
        (Some(_), None) => Err(user.invalid(format!(
            "client-key-data or client-key must be specified for {name} to use the clientCert authentication method"
        ))),
        (None, Some(_)) => Err(user.invalid(format!(
            "user {name:?} has a client key but no client-certificate or client-certificate-data"
        ))),
        (None, None) => Ok(None),
    }
}

/// The user's header credential: token / tokenFile (the file wins while readable, as
/// client-go re-reads it), basic auth, or an exec plugin.
fn user_credential(
    user: &Entry,
    name: &str,
    cluster: Option<&Entry>,
    target: &Target,
) -> Result<(Credential, Option<PathBuf>), TargetError> {
    let token = user.str("token").map(String::from);
    let basic = user.str("username").is_some() || user.str("password").is_some();
    if token.is_some() && basic {
        return Err(user
            .invalid(format!(
                "more than one authentication method found for {name}; found [token basicAuth], only one is allowed"
            ))
            .into());
    }
    if let Some(file) = user.str("tokenFile") {
        let path = user.resolve(file);
        let fallback = match token {
            Some(t) => Some(t),
            // Without a token to fall back on, an unreadable file is an error now.
            None => Some(
                super::credential::read_token_file(&path)
                    .map_err(|e| user.invalid(format!("user {name:?}: {e}")))?,
            ),
        };
        return Ok((
            Credential::TokenFile {
                path: path.clone(),
                fallback,
            },
            Some(path),
        ));
    }
    if let Some(t) = token {
        return Ok((Credential::Bearer(t), Some(user.origin.clone())));
    }
    if basic {
        return Ok((
            Credential::Basic {
                username: user.str("username").unwrap_or("").to_string(),
                password: user.str("password").unwrap_or("").to_string(),
            },
            Some(user.origin.clone()),
        ));
    }
    if !user.value["exec"].is_null() {
        let mut config = ExecConfig::parse(name, &user.value["exec"], &user.base())
            .map_err(|reason| user.invalid(reason))?;
        if config.cluster.is_some() {
            config.cluster = Some(exec_cluster_info(cluster, target));
        }
        return Ok((Credential::Exec(Arc::new(ExecPlugin::new(config))), None));
    }
    Ok((Credential::None, None))
}

/// `spec.cluster` for a plugin with `provideClusterInfo`: what client-go passes.
fn exec_cluster_info(cluster: Option<&Entry>, target: &Target) -> Value {
    let mut info = Map::new();
    info.insert("server".into(), json!(target.server));
    if let Some(ca) = &target.tls.ca_pem {
        info.insert(
            "certificate-authority-data".into(),
            json!(base64::engine::general_purpose::STANDARD.encode(ca)),
        );
    }
    if target.tls.insecure {
        info.insert("insecure-skip-tls-verify".into(), json!(true));
    }
    if let Some(name) = &target.tls.server_name {
        info.insert("tls-server-name".into(), json!(name));
    }
    if let Some(proxy) = &target.tls.proxy_url {
        info.insert("proxy-url".into(), json!(proxy));
    }
    let extension = cluster.and_then(|c| {
        c.value["extensions"]
            .as_array()?
            .iter()
            .find(|e| e["name"] == "client.authentication.k8s.io/exec")
            .map(|e| e["extension"].clone())
    });
    if let Some(config) = extension {
        info.insert("config".into(), config);
    }
    Value::Object(info)
}

fn impersonation(user: &Entry, name: &str) -> Result<Impersonation, KubeconfigError> {
    let strings = |v: &Value| -> Option<Vec<String>> {
        v.as_array().map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect()
        })
    };
    let mut extra = Vec::new();
    if let Some(map) = user.value["as-user-extra"].as_object() {
        for (k, v) in map {
            let values = strings(v).ok_or_else(|| {
                user.invalid(format!(
                    "as-user-extra {k:?} of user {name:?} is not a list"
                ))
            })?;
            extra.push((k.clone(), values));
        }
    }
    Ok(Impersonation {
        user: user.str("as").map(String::from),
        uid: user.str("as-uid").map(String::from),
        groups: strings(&user.value["as-groups"]).unwrap_or_default(),
        extra,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, text).expect("write");
        p
    }

    #[test]
    fn reads_server_ca_token_and_namespace_of_the_current_context() {
        let dir = tempfile::tempdir().expect("tmp");
        let ca = base64::engine::general_purpose::STANDARD.encode("PEM");
        let kc = write(
            dir.path(),
            "kubeconfig",
            &format!(
                "apiVersion: v1\nkind: Config\ncurrent-context: dev\nclusters:\n- name: c\n  cluster:\n    server: https://k8s.example:6443/\n    certificate-authority-data: {ca}\ncontexts:\n- name: dev\n  context:\n    cluster: c\n    user: u\n    namespace: team\nusers:\n- name: u\n  user:\n    token: abc\n"
            ),
        );
        let t = resolve(&Source::Explicit(kc), &Overrides::default()).expect("resolves");
        assert_eq!(t.base, "https://k8s.example:6443");
        assert!(matches!(&t.credential, Credential::Bearer(x) if x == "abc"));
        assert_eq!(t.namespace, "team");
        assert_eq!(t.tls.ca_pem.as_deref(), Some(b"PEM".as_slice()));
    }

    #[tokio::test]
    async fn lists_merge_first_wins_and_paths_are_relative_to_their_file() {
        let dir = tempfile::tempdir().expect("tmp");
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).expect("mkdir");
        std::fs::write(sub.join("tok"), "from-file\n").expect("write");
        let a = write(
            dir.path(),
            "a",
            "contexts:\n- name: x\n  context: {cluster: c, user: u}\nusers:\n- name: u\n  user: {tokenFile: sub/tok}\n",
        );
        let b = write(
            &sub,
            "b",
            "current-context: x\nclusters:\n- name: c\n  cluster: {server: 'https://b:1'}\nusers:\n- name: u\n  user: {token: second}\n",
        );
        let empty = write(dir.path(), "empty", "");
        let source = Source::List(vec![dir.path().join("missing"), empty, a, b]);
        let t = resolve(&source, &Overrides::default()).expect("resolves");
        assert_eq!(t.server, "https://b:1");
        let auth = t
            .credential
            .authorization()
            .await
            .expect("ok")
            .expect("some");
        assert_eq!(auth.header, "Bearer from-file");
    }

    #[test]
    fn missing_users_clusters_and_unknown_fields_are_errors() {
        let dir = tempfile::tempdir().expect("tmp");
        let kc = write(
            dir.path(),
            "k",
            "current-context: x\ncontexts:\n- name: x\n  context: {cluster: c, user: ghost}\nclusters:\n- name: c\n  cluster: {server: 'https://c'}\n",
        );
        let e = resolve(&Source::Explicit(kc), &Overrides::default()).unwrap_err();
        assert!(
            e.to_string()
                .contains("user \"ghost\" was not found for context \"x\""),
            "{e}"
        );
        let kc = write(
            dir.path(),
            "k2",
            "current-context: x\ncontexts:\n- name: x\n  context: {cluster: c, user: u}\nclusters:\n- name: c\n  cluster: {server: 'https://c'}\nusers:\n- name: u\n  user: {auth-provider: {name: oidc}}\n",
        );
        let e = resolve(&Source::Explicit(kc), &Overrides::default()).unwrap_err();
        assert!(e.to_string().contains("\"auth-provider\""), "{e}");
        let kc = write(
            dir.path(),
            "k3",
            "current-context: x\ncontexts:\n- name: x\n  context: {cluster: c, user: u}\nclusters:\n- name: c\n  cluster: {server: 'https://c'}\nusers:\n- name: u\n  user: {token: 12345, as: me}\n",
        );
        let e = resolve(&Source::Explicit(kc), &Overrides::default()).unwrap_err();
        assert!(
            e.to_string()
                .contains("token must be a string, not a number"),
            "{e}"
        );
        assert!(!e.to_string().contains("12345"), "{e}");
    }
}
