//! The API client's TLS, set up as client-go sets it up: a configured CA is the only trust root
//! for its server (and a server certificate that is itself that CA is accepted, as Go accepts
//! it), the system roots otherwise; `tls-server-name`; client certificates; and the TLS failure
//! a handshake error really is, so the message can name the setting to fix.

use super::target::Tls;
use pki_types::pem::PemObject;
use pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use std::sync::Arc;
use thiserror::Error;
use tokio_rustls::rustls::client::danger::{
    HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier,
};
use tokio_rustls::rustls::client::{WebPkiServerVerifier, verify_server_name};
use tokio_rustls::rustls::crypto::{CryptoProvider, ring, verify_tls12_signature};
use tokio_rustls::rustls::pki_types;
use tokio_rustls::rustls::server::ParsedCertificate;
use tokio_rustls::rustls::{
    self, CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme,
};

/// Why the TLS settings cannot be used, before any connection is made.
#[derive(Debug, Error)]
pub enum TlsSetupError {
    /// client-go's words for a CA together with insecure-skip-tls-verify.
    #[error("specifying a root certificates file with the insecure flag is not allowed")]
    InsecureWithCa,
    #[error("certificate authority {from} holds no PEM certificate{why}")]
    BadCa { from: String, why: String },
    #[error("client certificate {from}: {why}")]
    BadClientCert { from: String, why: String },
    #[error("client key {from}: {why}")]
    BadClientKey { from: String, why: String },
    #[error("the client key does not match the client certificate ({from})")]
    KeyMismatch { from: String },
    #[error("invalid tls-server-name {0:?}: not a DNS name or IP address")]
    ServerName(String),
    #[error("cannot load the system's root certificates: {0}")]
    SystemRoots(String),
    #[error("TLS setup: {0}")]
    Rustls(#[from] rustls::Error),
}

/// What a failed handshake says about the cause, for the message and its hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TlsFailure {
    /// Signed by an authority we do not trust (or, with a pinned CA, not by that CA).
    UnknownIssuer,
    /// The certificate does not carry the name we checked; `presented` are the names it has.
    NameMismatch {
        expected: String,
        presented: Vec<String>,
    },
    /// Outside its validity period: `Some(true)` expired, `Some(false)` not yet valid.
    Expired {
        not_yet_valid: bool,
    },
    /// The server's certificate is a CA certificate that we were not told to trust.
    CaAsServerCertificate,
    /// The server refused the handshake (usually our client certificate, or its absence).
    ServerRefused(String),
    /// Not a TLS answer at all (a plain-HTTP server behind an https:// URL).
    NotTls,
    Other(String),
}

impl std::fmt::Display for TlsFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TlsFailure::UnknownIssuer => f.write_str("certificate signed by unknown authority"),
            TlsFailure::NameMismatch {
                expected,
                presented,
            } if !presented.is_empty() => write!(
                f,
                "the certificate is valid for {}, not {expected}",
                presented.join(", ")
            ),
            TlsFailure::NameMismatch { expected, .. } => {
                write!(f, "the certificate is not valid for {expected}")
            }
            TlsFailure::Expired {
                not_yet_valid: false,
            } => f.write_str("the server's certificate has expired"),
            TlsFailure::Expired {
                not_yet_valid: true,
            } => f.write_str("the server's certificate is not valid yet"),
            TlsFailure::CaAsServerCertificate => f.write_str(
                "the server's certificate is a CA certificate that is not configured as trusted",
            ),
            TlsFailure::ServerRefused(alert) => {
                write!(f, "the server refused the handshake ({alert})")
            }
            TlsFailure::NotTls => f.write_str("the server did not answer with TLS"),
            TlsFailure::Other(text) => f.write_str(text),
        }
    }
}

/// The provider every client configuration uses (the server uses the same one).
fn provider() -> Arc<CryptoProvider> {
    Arc::new(ring::default_provider())
}

/// The rustls configuration for an https target.
pub fn client_config(tls: &Tls) -> Result<ClientConfig, TlsSetupError> {
    let provider = provider();
    let builder = ClientConfig::builder_with_provider(Arc::clone(&provider))
        .with_safe_default_protocol_versions()?;
    let name = match &tls.server_name {
        Some(n) => Some(
            ServerName::try_from(n.clone()).map_err(|_| TlsSetupError::ServerName(n.clone()))?,
        ),
        None => None,
    };
    let trust = if tls.insecure {
        if tls.ca_pem.is_some() {
            return Err(TlsSetupError::InsecureWithCa);
        }
        Trust::Anything
    } else {
        let anchors = match &tls.ca_pem {
            Some(pem) => ca_certificates(pem, tls.ca_from.as_deref().unwrap_or("given"))?,
            None => Vec::new(),
        };
        let roots = if anchors.is_empty() {
            system_roots()?
        } else {
            pinned_roots(&anchors)?
        };
        let webpki =
            WebPkiServerVerifier::builder_with_provider(Arc::new(roots), Arc::clone(&provider))
                .build()
                .map_err(|e| TlsSetupError::SystemRoots(e.to_string()))?;
        Trust::Roots {
            webpki,
            anchors,
            name,
        }
    };
    let verifier: Arc<dyn ServerCertVerifier> = Arc::new(TargetVerifier { trust, provider });
    let builder = builder
        .dangerous()
        .with_custom_certificate_verifier(verifier);
    let mut config = match &tls.identity_pem {
        Some(pem) => {
            let from = tls.identity_from.as_deref().unwrap_or("given");
            let (certs, key) = identity(pem, from)?;
            builder
                .with_client_auth_cert(certs, key)
                .map_err(|e| match e {
                    rustls::Error::InconsistentKeys(_) => TlsSetupError::KeyMismatch {
                        from: from.to_string(),
                    },
                    rustls::Error::InvalidCertificate(why) => TlsSetupError::BadClientCert {
                        from: from.to_string(),
                        why: format!("cannot be used: {why:?}"),
                    },
                    other => TlsSetupError::BadClientKey {
                        from: from.to_string(),
                        why: other.to_string(),
                    },
                })?
        }
        None => builder.with_no_client_auth(),
    };
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(config)
}

fn ca_certificates(pem: &[u8], from: &str) -> Result<Vec<CertificateDer<'static>>, TlsSetupError> {
    let certs = CertificateDer::pem_slice_iter(pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| TlsSetupError::BadCa {
            from: from.to_string(),
            why: format!(": {e}"),
        })?;
    if certs.is_empty() {
        return Err(TlsSetupError::BadCa {
            from: from.to_string(),
            why: String::new(),
        });
    }
    Ok(certs)
}

fn pinned_roots(anchors: &[CertificateDer<'static>]) -> Result<RootCertStore, TlsSetupError> {
    let mut roots = RootCertStore::empty();
    for cert in anchors {
        roots.add(cert.clone())?;
    }
    Ok(roots)
}

/// The system's trust store, as Go's `SystemCertPool`; the bundled Mozilla roots only where the
/// system has none at all (a minimal container), so such a machine still reaches public servers.
fn system_roots() -> Result<RootCertStore, TlsSetupError> {
    let loaded = rustls_native_certs::load_native_certs();
    let mut roots = RootCertStore::empty();
    let (added, _ignored) = roots.add_parsable_certificates(loaded.certs);
    if added == 0 {
        if let Some(e) = loaded.errors.first() {
            return Err(TlsSetupError::SystemRoots(e.to_string()));
        }
        roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    }
    Ok(roots)
}

/// The client certificate chain and key from concatenated PEM. PKCS#1 (`RSA PRIVATE KEY`),
/// SEC1 (`EC PRIVATE KEY`) and PKCS#8 (`PRIVATE KEY`) keys are all read.
fn identity(
    pem: &[u8],
    from: &str,
) -> Result<(Vec<CertificateDer<'static>>, PrivateKeyDer<'static>), TlsSetupError> {
    let certs = CertificateDer::pem_slice_iter(pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| TlsSetupError::BadClientCert {
            from: from.to_string(),
            why: e.to_string(),
        })?;
    if certs.is_empty() {
        return Err(TlsSetupError::BadClientCert {
            from: from.to_string(),
            why: "no PEM certificate in it".into(),
        });
    }
    let key = PrivateKeyDer::from_pem_slice(pem).map_err(|e| TlsSetupError::BadClientKey {
        from: from.to_string(),
        why: match e {
            pki_types::pem::Error::NoItemsFound => {
                "no PEM private key (RSA, EC or PKCS#8) in it".to_string()
            }
            other => other.to_string(),
        },
    })?;
    Ok((certs, key))
}

/// How the server's certificate is judged. `Roots`: webpki's verification against the
/// configured roots, checked against `tls-server-name` when one is set, plus Go's rule that a
/// server certificate which is itself a configured trust anchor is trusted as it is (the usual
/// `openssl req -x509` self-signed certificate carries `CA:TRUE`, which webpki refuses in an
/// end-entity position). `Anything`: `insecure-skip-tls-verify`.
#[derive(Debug)]
enum Trust {
    Roots {
        webpki: Arc<WebPkiServerVerifier>,
        anchors: Vec<CertificateDer<'static>>,
        name: Option<ServerName<'static>>,
    },
    Anything,
}

/// The client's certificate verifier: the certificate as [`Trust`] says, and the handshake
/// signatures always, so even an unverified peer must hold the key of the certificate it shows.
#[derive(Debug)]
struct TargetVerifier {
    trust: Trust,
    provider: Arc<CryptoProvider>,
}

impl ServerCertVerifier for TargetVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let Trust::Roots {
            webpki,
            anchors,
            name,
        } = &self.trust
        else {
            return Ok(ServerCertVerified::assertion());
        };
        let name = name.as_ref().unwrap_or(server_name);
        match webpki.verify_server_cert(end_entity, intermediates, name, ocsp_response, now) {
            // webpki checks the validity period before basic constraints, so this error means
            // the certificate is current; what is left to check is the name.
            Err(e)
                if is_ca_used_as_end_entity(&e)
                    && anchors.iter().any(|a| a.as_ref() == end_entity.as_ref()) =>
            {
                verify_server_name(&ParsedCertificate::try_from(end_entity)?, name)?;
                Ok(ServerCertVerified::assertion())
            }
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

fn is_ca_used_as_end_entity(e: &rustls::Error) -> bool {
    match e {
        rustls::Error::InvalidCertificate(CertificateError::Other(other)) => matches!(
            other.0.downcast_ref::<webpki::Error>(),
            Some(webpki::Error::CaUsedAsEndEntity)
        ),
        _ => false,
    }
}

/// `tls-server-name` as SNI: reqwest takes the SNI from the URL's host, so requests go to the
/// configured name, which this resolver maps to the URL's real host, with the original `Host`
/// header kept. Used only for a direct connection (a proxy would be asked for the wrong host).
#[derive(Debug, Clone)]
pub struct SniRoute {
    /// The URL's host as the URL spells it (`127.0.0.1`, `[::1]`, `api.example`).
    url_host: String,
    /// `host[:port]` for the Host header.
    authority: String,
    name: String,
}

impl SniRoute {
    pub fn new(server: &reqwest::Url, name: &str) -> SniRoute {
        let url_host = server.host_str().unwrap_or("").to_string();
        let authority = match server.port() {
            Some(p) => format!("{url_host}:{p}"),
            None => url_host.clone(),
        };
        SniRoute {
            url_host,
            authority,
            name: name.to_ascii_lowercase(),
        }
    }

    /// Points a request for the server at the configured name.
    pub fn apply(&self, request: &mut reqwest::Request) {
        if request.url().host_str() != Some(self.url_host.as_str()) {
            return;
        }
        if request.url_mut().set_host(Some(&self.name)).is_ok()
            && let Ok(value) = reqwest::header::HeaderValue::from_str(&self.authority)
        {
            request.headers_mut().insert(reqwest::header::HOST, value);
        }
    }
}

impl reqwest::dns::Resolve for SniRoute {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let host = if name.as_str().eq_ignore_ascii_case(&self.name) {
            self.url_host
                .trim_start_matches('[')
                .trim_end_matches(']')
                .to_string()
        } else {
            name.as_str().to_string()
        };
        Box::pin(async move {
            let addrs: Vec<std::net::SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            Ok(Box::new(addrs.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

/// The rustls error somewhere in a transport error's chain. `io::Error` hides the error it wraps
/// from `source()`, so each link is also opened with `get_ref`.
pub fn find_rustls_error<'a>(
    e: &'a (dyn std::error::Error + 'static),
) -> Option<&'a rustls::Error> {
    let mut current = Some(e);
    while let Some(link) = current {
        if let Some(found) = link.downcast_ref::<rustls::Error>() {
            return Some(found);
        }
        if let Some(inner) = link
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
        {
            let inner: &(dyn std::error::Error + 'static) = inner;
            if let Some(found) = find_rustls_error(inner) {
                return Some(found);
            }
        }
        current = link.source();
    }
    None
}

/// What a rustls handshake error means for the user.
pub fn classify(e: &rustls::Error) -> TlsFailure {
    use rustls::Error as E;
    match e {
        E::InvalidCertificate(cert) => match cert {
            CertificateError::UnknownIssuer | CertificateError::BadSignature => {
                TlsFailure::UnknownIssuer
            }
            CertificateError::NotValidForName => TlsFailure::NameMismatch {
                expected: String::new(),
                presented: Vec::new(),
            },
            CertificateError::NotValidForNameContext {
                expected,
                presented,
            } => TlsFailure::NameMismatch {
                expected: server_name_text(expected),
                presented: presented.iter().filter_map(|n| presented_name(n)).collect(),
            },
            CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
                TlsFailure::Expired {
                    not_yet_valid: false,
                }
            }
            CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
                TlsFailure::Expired {
                    not_yet_valid: true,
                }
            }
            other if is_ca_used_as_end_entity(e) => {
                let _ = other;
                TlsFailure::CaAsServerCertificate
            }
            other => TlsFailure::Other(format!("{other:?}")),
        },
        E::AlertReceived(alert) => TlsFailure::ServerRefused(format!("{alert:?}")),
        E::InvalidMessage(_) | E::InappropriateMessage { .. } => TlsFailure::NotTls,
        other => TlsFailure::Other(other.to_string()),
    }
}

/// webpki lists a certificate's names as `DnsName("a.example")` and `IpAddress(10.0.0.1)`:
/// the bare names are what people compare with their URL.
fn presented_name(debug: &str) -> Option<String> {
    let inner = |prefix: &str| {
        debug
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(')'))
            .map(|n| n.trim_matches('"').to_string())
    };
    inner("DnsName(").or_else(|| inner("IpAddress("))
}

fn server_name_text(name: &ServerName<'_>) -> String {
    match name {
        ServerName::DnsName(d) => d.as_ref().to_string(),
        ServerName::IpAddress(ip) => std::net::IpAddr::from(*ip).to_string(),
        other => format!("{other:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustls::{AlertDescription, OtherError};

    #[test]
    fn handshake_errors_are_classified_by_cause() {
        let unknown = rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer);
        assert_eq!(classify(&unknown), TlsFailure::UnknownIssuer);
        let name = rustls::Error::InvalidCertificate(CertificateError::NotValidForNameContext {
            expected: ServerName::try_from("api.example").expect("name"),
            presented: vec![
                "DnsName(\"other.example\")".into(),
                "IpAddress(10.0.0.1)".into(),
                "DirectoryName".into(),
            ],
        });
        assert_eq!(
            classify(&name).to_string(),
            "the certificate is valid for other.example, 10.0.0.1, not api.example"
        );
        let expired = rustls::Error::InvalidCertificate(CertificateError::Expired);
        assert_eq!(
            classify(&expired),
            TlsFailure::Expired {
                not_yet_valid: false
            }
        );
        let ca = rustls::Error::InvalidCertificate(CertificateError::Other(OtherError(Arc::new(
            webpki::Error::CaUsedAsEndEntity,
        ))));
        assert_eq!(classify(&ca), TlsFailure::CaAsServerCertificate);
        let refused = rustls::Error::AlertReceived(AlertDescription::CertificateRequired);
        assert!(matches!(classify(&refused), TlsFailure::ServerRefused(_)));
    }

    #[test]
    fn a_rustls_error_is_found_inside_io_errors() {
        let inner = rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer);
        let io = std::io::Error::new(std::io::ErrorKind::InvalidData, inner);
        let found = find_rustls_error(&io).expect("found");
        assert_eq!(classify(found), TlsFailure::UnknownIssuer);
    }

    #[test]
    fn insecure_together_with_a_ca_is_refused_in_client_gos_words() {
        let tls = Tls {
            ca_pem: Some(b"-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n".to_vec()),
            insecure: true,
            ..Tls::default()
        };
        let e = client_config(&tls).expect_err("refused");
        assert_eq!(
            e.to_string(),
            "specifying a root certificates file with the insecure flag is not allowed"
        );
    }

    #[test]
    fn a_ca_file_without_certificates_is_named() {
        let tls = Tls {
            ca_pem: Some(b"not a certificate".to_vec()),
            ca_from: Some("/tmp/ca.pem".into()),
            ..Tls::default()
        };
        let e = client_config(&tls).expect_err("refused");
        assert_eq!(
            e.to_string(),
            "certificate authority /tmp/ca.pem holds no PEM certificate"
        );
    }
}
