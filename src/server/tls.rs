//! TLS with rustls (ring provider): the acceptor built from `serve`'s TLS settings, and the
//! peer's certificate chain as handlers see it. Handshakes run in each connection's own task
//! (see `conn`); a failed handshake drops that connection only.

use super::auth::ClientCa;
use pki_types::pem::PemObject;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::client::danger::HandshakeSignatureValid;
use tokio_rustls::rustls::crypto::CryptoProvider;
use tokio_rustls::rustls::server::danger::{ClientCertVerified, ClientCertVerifier};
use tokio_rustls::rustls::{
    self, DigitallySignedStruct, DistinguishedName, SignatureScheme, pki_types,
};

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
    /// `--client-ca-file`: CAs whose client certificates authenticate requests.
    pub client_ca: Option<PathBuf>,
}

/// The certificate chain a TLS client presented (leaf first), as a request extension; absent
/// on plain connections and when the client sent none.
#[derive(Debug, Clone)]
pub struct PeerCertificates(pub Vec<pki_types::CertificateDer<'static>>);

/// The acceptor; with `client_ca` it asks clients for a certificate (without requiring one, as
/// kube-apiserver does), and `auth` decides whether the certificate authenticates anyone.
pub fn acceptor(
    settings: &TlsSettings,
    client_ca: Option<&ClientCa>,
) -> Result<TlsAcceptor, TlsError> {
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
    let builder = rustls::ServerConfig::builder_with_provider(Arc::clone(&provider))
        .with_safe_default_protocol_versions()?;
    let builder = match client_ca {
        Some(ca) => builder.with_client_cert_verifier(Arc::new(RequestClientCertificate {
            provider,
            hints: ca
                .subjects()
                .iter()
                .map(|s| DistinguishedName::in_sequence(s))
                .collect(),
        })),
        None => builder.with_no_client_auth(),
    };
    let mut config = builder.with_single_cert(certs, private)?;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(TlsAcceptor::from(Arc::new(config)))
}

/// Asks for a client certificate and checks that the client holds its key; whether the chain
/// is trusted is decided per request in `auth` (kube-apiserver's `RequestClientCert`), so an
/// untrusted certificate falls back to the bearer token instead of failing the handshake.
#[derive(Debug)]
struct RequestClientCertificate {
    provider: Arc<CryptoProvider>,
    hints: Vec<DistinguishedName>,
}

impl ClientCertVerifier for RequestClientCertificate {
    fn offer_client_auth(&self) -> bool {
        true
    }

    fn client_auth_mandatory(&self) -> bool {
        false
    }

    fn root_hint_subjects(&self) -> &[DistinguishedName] {
        &self.hints
    }

    fn verify_client_cert(
        &self,
        _end_entity: &pki_types::CertificateDer<'_>,
        _intermediates: &[pki_types::CertificateDer<'_>],
        _now: pki_types::UnixTime,
    ) -> Result<ClientCertVerified, rustls::Error> {
        Ok(ClientCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &pki_types::CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &pki_types::CertificateDer<'_>,
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
