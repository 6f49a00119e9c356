//! The datumctl config file: named contexts (server, project, namespace, credentials, TLS) and
//! the current one. YAML on disk, written atomically with mode 0600 because it may hold tokens.

use crate::manifest::ManifestError;
use crate::print::yaml::to_yaml;
use crate::validate::Profile;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not valid YAML: {reason}")]
    Syntax { path: PathBuf, reason: String },
    #[error("{path}: {reason}")]
    Shape { path: PathBuf, reason: String },
    #[error("no user config directory; set DATUMCTL_CONFIG to a file path")]
    NoConfigDir,
}

/// One named context.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct ContextEntry {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_file: Option<PathBuf>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_authority: Option<PathBuf>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub insecure_skip_tls_verify: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<Profile>,
    /// OpenID Connect login state from `datumctl login`; the access token itself is `token`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oidc: Option<OidcCredential>,
}

/// What `datumctl login` keeps to refresh the access token without the user: the issuer, the
/// client, and a refresh token or a service-account key to mint new assertions with.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct OidcCredential {
    pub issuer: String,
    pub client_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_endpoint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_token: Option<String>,
    /// When the access token expires (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiry: Option<String>,
    /// Service-account key file (JSON) to re-mint assertions with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_file: Option<PathBuf>,
}

/// The whole file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct ConfigFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_context: Option<String>,
    #[serde(default)]
    pub contexts: Vec<ContextEntry>,
}

impl ConfigFile {
    pub fn context(&self, name: &str) -> Option<&ContextEntry> {
        self.contexts.iter().find(|c| c.name == name)
    }

    pub fn context_mut(&mut self, name: &str) -> Option<&mut ContextEntry> {
        self.contexts.iter_mut().find(|c| c.name == name)
    }

    /// The context to use: `wanted` (from `--context`) or the current one.
    pub fn selected(&self, wanted: Option<&str>) -> Option<&ContextEntry> {
        self.context(wanted.or(self.current_context.as_deref())?)
    }

    /// A copy for display: every token replaced by `REDACTED`.
    pub fn redacted(&self) -> ConfigFile {
        let mut copy = self.clone();
        for c in &mut copy.contexts {
            if c.token.is_some() {
                c.token = Some("REDACTED".into());
            }
            if let Some(oidc) = &mut c.oidc {
                for secret in [&mut oidc.refresh_token, &mut oidc.id_token] {
                    if secret.is_some() {
                        *secret = Some("REDACTED".into());
                    }
                }
            }
        }
        copy
    }

    pub fn to_yaml(&self) -> String {
        to_yaml(&serde_json::to_value(self).unwrap_or(Value::Null))
    }
}

/// Where the config file lives: `DATUMCTL_CONFIG`, else `<config dir>/datumctl/config.yaml`.
pub fn config_path() -> Result<PathBuf, ConfigError> {
    if let Some(p) = std::env::var_os("DATUMCTL_CONFIG").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    dirs::config_dir()
        .map(|d| d.join("datumctl").join("config.yaml"))
        .ok_or(ConfigError::NoConfigDir)
}

/// Reads the config file; a missing file is an empty config.
pub fn load(path: &Path) -> Result<ConfigFile, ConfigError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(ConfigFile::default()),
        Err(source) => {
            return Err(ConfigError::Read {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let value = parse_yaml(&text).map_err(|reason| ConfigError::Syntax {
        path: path.to_path_buf(),
        reason,
    })?;
    if value.is_null() {
        return Ok(ConfigFile::default());
    }
    serde_json::from_value(value).map_err(|e| ConfigError::Shape {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })
}

/// Writes the config file atomically (temp file + rename) with mode 0600.
pub fn save(path: &Path, config: &ConfigFile) -> Result<(), ConfigError> {
    write_private(path, config.to_yaml().as_bytes()).map_err(|source| ConfigError::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// Writes `bytes` to `path` through a 0600 temporary file in the same directory, then renames.
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "config".into());
    let tmp = dir.join(format!(".{file_name}.tmp-{}", std::process::id()));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let result = (|| {
        let mut file = options.open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Reads a config file or kubeconfig with the manifest reader (bounded, and YAML read as
/// client-go reads it): its first document, or null when it has none.
pub fn parse_yaml(text: &str) -> Result<Value, String> {
    match crate::manifest::parse_source("", text) {
        Ok(docs) => Ok(docs.into_iter().next().map_or(Value::Null, |d| d.value)),
        Err(ManifestError::Syntax {
            line,
            column,
            message,
            ..
        }) => Err(format!("line {line}, column {column}: {message}")),
        // The caller names the file; drop the reader's empty source name.
        Err(other) => Err(other.to_string().trim_start_matches(": ").to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_redacts() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("sub/config.yaml");
        let config = ConfigFile {
            current_context: Some("local".into()),
            contexts: vec![ContextEntry {
                name: "local".into(),
                server: Some("http://127.0.0.1:7780".into()),
                project: Some("p".into()),
                token: Some("s3cret".into()),
                insecure_skip_tls_verify: true,
                ..Default::default()
            }],
        };
        save(&path, &config).expect("save");
        assert_eq!(load(&path).expect("load"), config);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let shown = config.redacted().to_yaml();
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(shown.contains("token: REDACTED"), "{shown}");
        assert_eq!(
            config.selected(None).map(|c| c.name.as_str()),
            Some("local")
        );
        assert!(config.selected(Some("other")).is_none());
    }

    #[test]
    fn missing_file_is_empty_and_bad_keys_are_refused() {
        let dir = tempfile::tempdir().expect("tmp");
        assert_eq!(
            load(&dir.path().join("none.yaml")).expect("load"),
            ConfigFile::default()
        );
        let bad = dir.path().join("bad.yaml");
        std::fs::write(&bad, "contexts:\n- name: x\n  sever: typo\n").expect("write");
        assert!(matches!(load(&bad), Err(ConfigError::Shape { .. })));
    }
}
