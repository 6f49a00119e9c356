//! A TLS-terminating recording proxy for the credential tests: kubectl sends credentials only
//! over TLS, so it listens on https://127.0.0.1 with a throwaway certificate, records each
//! request's line and headers, and forwards the request to a plain-http `datumctl serve`.
//! One request per connection (it asks the server to close, and so closes itself).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use tokio_rustls::rustls::{self, pki_types, pki_types::pem::PemObject};

/// A request as the recorder saw it.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    pub target: String,
    /// Header names lower-cased, values as sent, in order.
    pub headers: Vec<(String, String)>,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// `Impersonate-*` headers, sorted, for comparing two clients.
    pub fn impersonation(&self) -> Vec<(String, String)> {
        let mut h: Vec<_> = self
            .headers
            .iter()
            .filter(|(k, _)| k.starts_with("impersonate-"))
            .cloned()
            .collect();
        h.sort();
        h
    }
}

pub struct TlsRecorder {
    /// `https://127.0.0.1:PORT`
    pub url: String,
    log: Arc<Mutex<Vec<Recorded>>>,
    stop: Arc<AtomicBool>,
    port: u16,
}

impl TlsRecorder {
    /// Listens with `cert`/`key` (PEM files) and forwards to `upstream` (`http://127.0.0.1:P`).
    pub fn start(cert: &Path, key: &Path, upstream: &str) -> TlsRecorder {
        let certs: Vec<pki_types::CertificateDer<'static>> =
            pki_types::CertificateDer::pem_file_iter(cert)
                .expect("cert")
                .collect::<Result<_, _>>()
                .expect("certs");
        let private = pki_types::PrivateKeyDer::from_pem_file(key).expect("key");
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let mut config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("versions")
            .with_no_client_auth()
            .with_single_cert(certs, private)
            .expect("config");
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        let config = Arc::new(config);
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let log = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let upstream = upstream.trim_start_matches("http://").to_string();
        {
            let (log, stop) = (Arc::clone(&log), Arc::clone(&stop));
            std::thread::spawn(move || {
                for conn in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        return;
                    }
                    let Ok(conn) = conn else { continue };
                    let (log, config, upstream) =
                        (Arc::clone(&log), Arc::clone(&config), upstream.clone());
                    std::thread::spawn(move || {
                        let _ = serve_one(conn, config, &upstream, &log);
                    });
                }
            });
        }
        TlsRecorder {
            url: format!("https://127.0.0.1:{port}"),
            log,
            stop,
            port,
        }
    }

    /// Every request so far, and forgets them.
    pub fn take(&self) -> Vec<Recorded> {
        std::mem::take(&mut *self.log.lock().expect("log"))
    }
}

impl Drop for TlsRecorder {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn serve_one(
    conn: TcpStream,
    config: Arc<rustls::ServerConfig>,
    upstream: &str,
    log: &Mutex<Vec<Recorded>>,
) -> std::io::Result<()> {
    let session = rustls::ServerConnection::new(config).map_err(std::io::Error::other)?;
    let mut tls = rustls::StreamOwned::new(session, conn);
    let mut reader = BufReader::new(&mut tls);
    let mut line = String::new();
    if reader.read_line(&mut line)? == 0 {
        return Ok(());
    }
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let target = parts.next().unwrap_or("").to_string();
    let mut headers = Vec::new();
    let mut length = 0usize;
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 {
            return Ok(());
        }
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            let (k, v) = (k.trim().to_ascii_lowercase(), v.trim().to_string());
            if k == "content-length" {
                length = v.parse().unwrap_or(0);
            }
            headers.push((k, v));
        }
    }
    let mut body = vec![0u8; length];
    reader.read_exact(&mut body)?;
    drop(reader);
    log.lock().expect("log").push(Recorded {
        method: method.clone(),
        target: target.clone(),
        headers: headers.clone(),
    });
    let mut up = TcpStream::connect(upstream)?;
    let mut head = format!("{method} {target} HTTP/1.1\r\n");
    for (k, v) in &headers {
        if k != "connection" {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
    }
    head.push_str("connection: close\r\n\r\n");
    up.write_all(head.as_bytes())?;
    up.write_all(&body)?;
    let mut answer = Vec::new();
    up.read_to_end(&mut answer)?;
    // The client must not reuse this connection: say so after the status line.
    let status_end = answer
        .windows(2)
        .position(|w| w == b"\r\n")
        .map_or(answer.len(), |i| i + 2);
    tls.write_all(&answer[..status_end])?;
    tls.write_all(b"connection: close\r\n")?;
    tls.write_all(&answer[status_end..])?;
    tls.conn.send_close_notify();
    tls.flush()?;
    Ok(())
}
