//! Who a request is: a client certificate signed by `--client-ca-file` (its CN the user, its
//! Organizations the groups, as kube-apiserver reads it), else a bearer token from
//! `--token-file` (one per line, `TOKEN[,PROJECT...]`; a token with projects listed may reach
//! only those; blank lines and `#` comments are skipped). A verified client certificate may
//! reach every project: the token file's grants are keyed by token, and a certificate has none.

use super::status::ApiError;
use super::tls::PeerCertificates;
use std::collections::HashMap;
use std::path::Path;
use tokio_rustls::rustls::crypto::ring;
use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::pki_types::{CertificateDer, TrustAnchor, UnixTime};

/// The authenticated user of a request, as a `SelfSubjectReview` reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub name: String,
    pub groups: Vec<String>,
}

impl User {
    /// Everyone, when `serve` was given neither tokens nor a client CA.
    pub fn anonymous() -> User {
        User {
            name: "system:anonymous".into(),
            groups: vec!["system:unauthenticated".into()],
        }
    }

    fn authenticated(name: String, mut groups: Vec<String>) -> User {
        groups.push("system:authenticated".into());
        User { name, groups }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Tokens {
    /// token -> its line in the file (the user's name, `token-file:LINE`) and the projects it
    /// may reach (empty: every project).
    grants: HashMap<String, (usize, Vec<String>)>,
}

#[derive(Debug, thiserror::Error)]
pub enum TokenFileError {
    #[error("cannot read token file {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("token file {path} holds no tokens")]
    Empty { path: String },
}

impl Tokens {
    pub fn load(path: &Path) -> Result<Tokens, TokenFileError> {
        let text = std::fs::read_to_string(path).map_err(|source| TokenFileError::Read {
            path: path.display().to_string(),
            source,
        })?;
        let tokens = Tokens::parse(&text);
        if tokens.grants.is_empty() {
            return Err(TokenFileError::Empty {
                path: path.display().to_string(),
            });
        }
        Ok(tokens)
    }

    pub fn parse(text: &str) -> Tokens {
        let mut grants = HashMap::new();
        for (number, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split(',').map(str::trim);
            let Some(token) = parts.next().filter(|t| !t.is_empty()) else {
                continue;
            };
            let projects = parts
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect();
            grants.insert(token.to_string(), (number + 1, projects));
        }
        Tokens { grants }
    }

    /// 401 without a known token, 403 when the token is limited to other projects.
    pub fn check(&self, authorization: Option<&str>, project: &str) -> Result<User, ApiError> {
        let token = authorization
            .and_then(|h| h.strip_prefix("Bearer "))
            .map(str::trim)
            .ok_or_else(ApiError::unauthorized)?;
        let (line, projects) = self.grants.get(token).ok_or_else(ApiError::unauthorized)?;
        if projects.is_empty() || projects.iter().any(|p| p == project) {
            Ok(User::authenticated(
                format!("token-file:{line}"),
                Vec::new(),
            ))
        } else {
            Err(ApiError::forbidden(project))
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ClientCaError {
    #[error("cannot read --client-ca-file {path}: {why}")]
    Read { path: String, why: String },
    #[error("--client-ca-file {path} holds no usable CA certificate{why}")]
    Empty { path: String, why: String },
}

/// `--client-ca-file`: the CAs whose client certificates authenticate requests.
#[derive(Debug, Clone)]
pub struct ClientCa {
    anchors: Vec<TrustAnchor<'static>>,
    /// The CAs' subjects (DER, without the outer SEQUENCE), offered to clients so they pick
    /// a certificate these CAs signed, as Go's and rustls' clients do.
    subjects: Vec<Vec<u8>>,
}

impl ClientCa {
    pub fn load(path: &Path) -> Result<ClientCa, ClientCaError> {
        let shown = path.display().to_string();
        let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(path)
            .and_then(|it| it.collect::<Result<Vec<_>, _>>())
            .map_err(|e| ClientCaError::Read {
                path: shown.clone(),
                why: e.to_string(),
            })?;
        let mut anchors = Vec::new();
        for cert in &certs {
            let anchor =
                webpki::anchor_from_trusted_cert(cert).map_err(|e| ClientCaError::Empty {
                    path: shown.clone(),
                    why: format!(": {e:?}"),
                })?;
            anchors.push(anchor.to_owned());
        }
        if anchors.is_empty() {
            return Err(ClientCaError::Empty {
                path: shown,
                why: String::new(),
            });
        }
        let subjects = anchors
            .iter()
            .map(|a| a.subject.as_ref().to_vec())
            .collect();
        Ok(ClientCa { anchors, subjects })
    }

    pub fn subjects(&self) -> &[Vec<u8>] {
        &self.subjects
    }

    /// The user of a chain signed by one of these CAs for client authentication, current and
    /// with a common name; `None` otherwise (kube-apiserver then tries the other
    /// authenticators, and so do we).
    pub fn identify(&self, chain: &[CertificateDer<'static>]) -> Option<User> {
        let (leaf, intermediates) = chain.split_first()?;
        let cert = webpki::EndEntityCert::try_from(leaf).ok()?;
        cert.verify_for_usage(
            ring::default_provider()
                .signature_verification_algorithms
                .all,
            &self.anchors,
            intermediates,
            UnixTime::now(),
            webpki::KeyUsage::client_auth(),
            None,
            None,
        )
        .ok()?;
        let names = subject_names(cert.subject())?;
        let name = names.common_name.filter(|cn| !cn.is_empty())?;
        Some(User::authenticated(name, names.organizations))
    }
}

/// Authenticates a request as kube-apiserver's authenticator union does: a verified client
/// certificate, else a known bearer token; 401 when `serve` requires one and there is neither,
/// 403 for a token limited to other projects. Without tokens and client CA, anyone may.
pub fn authenticate(
    tokens: Option<&Tokens>,
    client_ca: Option<&ClientCa>,
    certificates: Option<&PeerCertificates>,
    authorization: Option<&str>,
    project: &str,
) -> Result<User, ApiError> {
    if let (Some(ca), Some(chain)) = (client_ca, certificates)
        && let Some(user) = ca.identify(&chain.0)
    {
        return Ok(user);
    }
    match tokens {
        Some(tokens) => tokens.check(authorization, project),
        None if client_ca.is_some() => Err(ApiError::unauthorized()),
        None => Ok(User::anonymous()),
    }
}

#[derive(Debug, Default)]
struct SubjectNames {
    common_name: Option<String>,
    organizations: Vec<String>,
}

/// CN and O from a DER `Name` (the RDNSequence's contents): SETs of SEQUENCE { OID, string }.
fn subject_names(der: &[u8]) -> Option<SubjectNames> {
    const CN: &[u8] = &[0x55, 0x04, 0x03];
    const O: &[u8] = &[0x55, 0x04, 0x0a];
    let mut names = SubjectNames::default();
    let mut rdns = der;
    while !rdns.is_empty() {
        let (tag, set, rest) = der_item(rdns)?;
        rdns = rest;
        if tag != 0x31 {
            return None;
        }
        let mut attributes = set;
        while !attributes.is_empty() {
            let (tag, attribute, rest) = der_item(attributes)?;
            attributes = rest;
            if tag != 0x30 {
                return None;
            }
            let (oid_tag, oid, value) = der_item(attribute)?;
            let (string_tag, text, _) = der_item(value)?;
            // UTF8String, PrintableString, T61String, IA5String.
            if oid_tag != 0x06 || ![0x0c, 0x13, 0x14, 0x16].contains(&string_tag) {
                continue;
            }
            let text = String::from_utf8_lossy(text).into_owned();
            if oid == CN {
                names.common_name = Some(text);
            } else if oid == O {
                names.organizations.push(text);
            }
        }
    }
    Some(names)
}

/// One DER TLV: (tag, contents, the rest). Definite lengths up to four bytes.
fn der_item(input: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = input.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        let count = usize::from(first & 0x7f);
        if count == 0 || count > 4 || rest.len() < count {
            return None;
        }
        let len = rest[..count]
            .iter()
            .fold(0usize, |acc, b| (acc << 8) | usize::from(*b));
        (len, &rest[count..])
    };
    if rest.len() < len {
        return None;
    }
    Some((tag, &rest[..len], &rest[len..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_name_and_organizations_are_read_from_a_subject() {
        // SEQUENCE contents of /O=dev/O=ops/CN=alice
        let set = |oid: u8, text: &str| {
            let mut attr = vec![0x06, 0x03, 0x55, 0x04, oid, 0x0c, text.len() as u8];
            attr.extend_from_slice(text.as_bytes());
            let mut seq = vec![0x30, attr.len() as u8];
            seq.extend(attr);
            let mut set = vec![0x31, seq.len() as u8];
            set.extend(seq);
            set
        };
        let der = [set(0x0a, "dev"), set(0x0a, "ops"), set(0x03, "alice")].concat();
        let names = subject_names(&der).expect("parses");
        assert_eq!(names.common_name.as_deref(), Some("alice"));
        assert_eq!(names.organizations, ["dev", "ops"]);
        assert!(subject_names(&der[..der.len() - 1]).is_none());
    }

    #[test]
    fn without_a_verified_certificate_the_token_decides() {
        let tokens = Tokens::parse("root\n");
        let none = authenticate(Some(&tokens), None, None, None, "p");
        assert_eq!(none.unwrap_err().code, 401);
        let user = authenticate(Some(&tokens), None, None, Some("Bearer root"), "p").expect("ok");
        assert_eq!(user.name, "token-file:1");
        assert_eq!(
            authenticate(None, None, None, None, "p").expect("open"),
            User::anonymous()
        );
    }

    #[test]
    fn grants_by_project() {
        let t = Tokens::parse("# admins\nroot\n\nteam, alpha ,beta\n");
        assert!(t.check(Some("Bearer root"), "any").is_ok());
        assert!(t.check(Some("Bearer team"), "beta").is_ok());
        assert_eq!(t.check(Some("Bearer team"), "gamma").unwrap_err().code, 403);
        assert_eq!(t.check(Some("Bearer nope"), "alpha").unwrap_err().code, 401);
        assert_eq!(t.check(None, "alpha").unwrap_err().code, 401);
        assert_eq!(t.check(Some("Basic root"), "alpha").unwrap_err().code, 401);
    }
}
