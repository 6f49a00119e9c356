//! TLS with rustls (ring provider): the acceptor built from `serve`'s TLS settings, and the
//! peer's certificate chain as handlers see it. Handshakes run in each connection's own task
//! (see `conn`); a failed handshake drops that connection only.

use pki_types::pem::PemObject;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::{self, pki_types};

#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    #[error("cannot read certificate {path}: {why}")]
    Cert { path: String, why: String },
    #[error("cannot read private key {path}: {why}")]
    Key { path: String, why: String },
    #[error("invalid certificate/key pair: {0}")]
    Config(#[from] rustls::Error),
}

/// What `serve` was given for TLS.
#[derive(Debug, Clone)]
pub struct TlsSettings {
    /// PEM certificate chain.
    pub cert: PathBuf,
    /// PEM private key.
    pub key: PathBuf,
}

/// The certificate chain a TLS client presented (leaf first), as a request extension; absent
/// on plain connections and when the client sent none.
#[derive(Debug, Clone)]
pub struct PeerCertificates(pub Vec<pki_types::CertificateDer<'static>>);

pub fn acceptor(settings: &TlsSettings) -> Result<TlsAcceptor, TlsError> {
    let (cert, key): (&Path, &Path) = (&settings.cert, &settings.key);
    let certs: Vec<pki_types::CertificateDer<'static>> =
        pki_types::CertificateDer::pem_file_iter(cert)
            .and_then(|it| it.collect::<Result<Vec<_>, _>>())
            .map_err(|e| TlsError::Cert {
                path: cert.display().to_string(),
                why: e.to_string(),
            })?;
    if certs.is_empty() {
        return Err(TlsError::Cert {
            path: cert.display().to_string(),
            why: "no certificate in the file".into(),
        });
    }
    let private = pki_types::PrivateKeyDer::from_pem_file(key).map_err(|e| TlsError::Key {
        path: key.display().to_string(),
        why: e.to_string(),
    })?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_no_client_auth()
        .with_single_cert(certs, private)?;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(TlsAcceptor::from(Arc::new(config)))
}
