//! Who a request is: a client certificate signed by `--client-ca-file` (its CN the user, its
//! Organizations the groups, as kube-apiserver reads it), else a bearer token from
//! `--token-file` (one per line, `TOKEN[,PROJECT...]`; a token with projects listed may reach
//! only those; blank lines and `#` comments are skipped). A line that could be read two ways
//! (an empty field, a token listed twice with different projects) refuses the whole file: a
//! typo must never widen access. A verified client certificate may reach every project: the
//! token file's grants are keyed by token, and a certificate has none.

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
    /// Never carries the token itself: errors are printed and logged.
    #[error("token file {path}, line {line}: {why}")]
    Malformed {
        path: String,
        line: usize,
        why: String,
    },
}

impl Tokens {
    pub fn load(path: &Path) -> Result<Tokens, TokenFileError> {
        let text = std::fs::read_to_string(path).map_err(|source| TokenFileError::Read {
            path: path.display().to_string(),
            source,
        })?;
        let tokens = Tokens::parse(&text).map_err(|(line, why)| TokenFileError::Malformed {
            path: path.display().to_string(),
            line,
            why,
        })?;
        if tokens.grants.is_empty() {
            return Err(TokenFileError::Empty {
                path: path.display().to_string(),
            });
        }
        Ok(tokens)
    }

    /// The tokens in `text`, or the first malformed line's number and what is wrong with it.
    pub fn parse(text: &str) -> Result<Tokens, (usize, String)> {
        let mut grants: HashMap<String, (usize, Vec<String>)> = HashMap::new();
        for (index, line) in text.lines().enumerate() {
            let number = index + 1;
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut fields = line.split(',').map(str::trim);
            let token = fields.next().unwrap_or_default();
            if token.is_empty() {
                return Err((
                    number,
                    "the token is empty (TOKEN[,PROJECT...] expected)".into(),
                ));
            }
            let mut projects = Vec::new();
            for (position, project) in fields.enumerate() {
                if project.is_empty() {
                    return Err((
                        number,
                        format!(
                            "project {} is empty: remove the stray comma, or name the project (a token with no projects reaches every project)",
                            position + 1
                        ),
                    ));
                }
                if !super::object::is_dns_label(project) {
                    return Err((
                        number,
                        format!(
                            "{project:?} is not a project name (a DNS label: lowercase letters, digits, '-')"
                        ),
                    ));
                }
                projects.push(project.to_string());
            }
            projects.sort();
            projects.dedup();
            if let Some((first, earlier)) = grants.get(token) {
                if *earlier != projects {
                    return Err((
                        number,
                        format!(
                            "the token on this line is also on line {first} with other projects; list it once"
                        ),
                    ));
                }
                continue;
            }
            grants.insert(token.to_string(), (number, projects));
        }
        Ok(Tokens { grants })
    }

    pub fn len(&self) -> usize {
        self.grants.len()
    }

    pub fn is_empty(&self) -> bool {
        self.grants.is_empty()
    }

    /// 401 without a known token, 403 when the token is limited to other projects.
    pub fn check(&self, authorization: Option<&str>, project: &str) -> Result<User, ApiError> {
        // The scheme is case-insensitive (RFC 9110), as kube-apiserver reads it.
        let token = authorization
            .and_then(|h| h.trim_start().split_once(' '))
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .map(|(_, token)| token.trim())
            .filter(|token| !token.is_empty())
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
    tokens: Option<&std::sync::RwLock<Tokens>>,
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
        // A reload (SIGHUP) swaps the whole set; a poisoned lock still holds a complete one.
        Some(tokens) => tokens
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .check(authorization, project),
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
        let tokens = std::sync::RwLock::new(Tokens::parse("root\n").expect("valid"));
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
        let t =
            Tokens::parse("# admins\nroot\n\nteam, alpha ,beta\nteam,beta,alpha\n").expect("valid");
        assert!(t.check(Some("Bearer root"), "any").is_ok());
        assert!(t.check(Some("Bearer team"), "beta").is_ok());
        assert_eq!(t.check(Some("Bearer team"), "gamma").unwrap_err().code, 403);
        assert_eq!(t.check(Some("Bearer nope"), "alpha").unwrap_err().code, 401);
        assert_eq!(t.check(None, "alpha").unwrap_err().code, 401);
        assert_eq!(t.check(Some("Basic root"), "alpha").unwrap_err().code, 401);
        assert!(t.check(Some("bearer root"), "any").is_ok());
        assert!(t.check(Some("BEARER root"), "any").is_ok());
        assert_eq!(t.check(Some("Bearer "), "any").unwrap_err().code, 401);
    }

    #[test]
    fn lines_that_could_widen_access_refuse_the_file_with_their_number() {
        let cases = [
            ("ok\ns3cr3t,\n", 2, "project 1 is empty"),
            ("s3cr3t, ,alpha\n", 1, "project 1 is empty"),
            ("s3cr3t,alpha,\n", 1, "project 2 is empty"),
            ("#c\n,alpha\n", 2, "the token is empty"),
            ("s3cr3t,alpha\n\ns3cr3t,beta\n", 3, "also on line 1"),
            ("s3cr3t,alpha\ns3cr3t\n", 2, "also on line 1"),
            ("s3cr3t,Alpha_1\n", 1, "not a project name"),
        ];
        for (text, line, why) in cases {
            let (at, message) = Tokens::parse(text).expect_err(text);
            assert_eq!(at, line, "{text:?}");
            assert!(message.contains(why), "{text:?}: {message}");
            assert!(
                !message.contains("s3cr3t"),
                "{text:?} shows the token: {message}"
            );
        }
    }
}
