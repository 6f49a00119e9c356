//! Test support for the TLS side-by-side tests: throwaway certificates made with openssl (CAs,
//! server certificates with chosen names, client certificates with RSA PKCS#1, EC SEC1 and
//! PKCS#8 keys), and a loopback-only tunnel that records what passes: as an HTTP CONNECT or a
//! SOCKS5 proxy it records each target asked for, and on every connection the SNI of the TLS
//! ClientHello. Bounded: a fixed number of connections, heads of at most 16 KiB.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How a client key is written.
#[derive(Debug, Clone, Copy)]
pub enum KeyFormat {
    /// `-----BEGIN RSA PRIVATE KEY-----`
    RsaPkcs1,
    /// `-----BEGIN EC PRIVATE KEY-----`
    EcSec1,
    /// `-----BEGIN PRIVATE KEY-----` (an EC key)
    Pkcs8,
}

/// A directory of throwaway certificates.
pub struct Pki {
    pub dir: PathBuf,
}

/// A certificate and its key, as files.
#[derive(Debug, Clone)]
pub struct Pair {
    pub cert: PathBuf,
    pub key: PathBuf,
}

impl Pair {
    pub fn cert_str(&self) -> String {
        self.cert.to_string_lossy().into_owned()
    }
    pub fn key_str(&self) -> String {
        self.key.to_string_lossy().into_owned()
    }
}

impl Pki {
    /// `None` outside CI when openssl is missing; in CI a missing openssl fails the test.
    pub fn new(dir: &Path) -> Option<Pki> {
        let ok = std::process::Command::new("openssl")
            .arg("version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            assert!(
                std::env::var("CI").is_err(),
                "openssl is needed for the TLS tests (scripts/test.sh installs it)"
            );
            eprintln!("openssl not available; skipping");
            return None;
        }
        Some(Pki {
            dir: dir.to_path_buf(),
        })
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    fn openssl(&self, args: &[&str]) {
        let out = std::process::Command::new("openssl")
            .args(args)
            .current_dir(&self.dir)
            .stdin(Stdio::null())
            .output()
            .expect("run openssl");
        assert!(
            out.status.success(),
            "openssl {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// A P-256 key in SEC1 form (`-----BEGIN EC PRIVATE KEY-----`) at `file`.
    fn ec_key(&self, file: &str) {
        self.openssl(&[
            "ecparam",
            "-name",
            "prime256v1",
            "-genkey",
            "-noout",
            "-out",
            file,
        ]);
    }

    /// A self-signed CA (`CA:TRUE`) with `san` as its subjectAltName when given: with a SAN for
    /// 127.0.0.1 it is also the usual one-command server certificate.
    pub fn self_signed(&self, name: &str, cn: &str, san: Option<&str>) -> Pair {
        let (cert, key) = (format!("{name}.pem"), format!("{name}.key"));
        let subj = format!("/CN={cn}");
        let mut args = vec![
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "2",
            "-subj",
            &subj,
            "-keyout",
            &key,
            "-out",
            &cert,
        ];
        let ext = san.map(|s| format!("subjectAltName={s}"));
        if let Some(ext) = &ext {
            args.extend(["-addext", ext]);
        }
        self.openssl(&args);
        Pair {
            cert: self.path(&cert),
            key: self.path(&key),
        }
    }

    /// A certificate signed by `ca`, v3, with `extensions` (one per line, openssl syntax).
    fn signed(&self, name: &str, ca: &Pair, key: &str, subj: &str, extensions: &str) -> Pair {
        let (csr, cert, ext) = (
            format!("{name}.csr"),
            format!("{name}.pem"),
            format!("{name}.ext"),
        );
        std::fs::write(self.path(&ext), extensions).expect("write extensions");
        self.openssl(&["req", "-new", "-key", key, "-subj", subj, "-out", &csr]);
        self.openssl(&[
            "x509",
            "-req",
            "-in",
            &csr,
            "-CA",
            &ca.cert_str(),
            "-CAkey",
            &ca.key_str(),
            "-CAcreateserial",
            "-days",
            "2",
            "-extfile",
            &ext,
            "-out",
            &cert,
        ]);
        Pair {
            cert: self.path(&cert),
            key: self.path(key),
        }
    }

    /// A server certificate for `san` (e.g. `IP:127.0.0.1` or `DNS:api.test`) signed by `ca`.
    pub fn server(&self, name: &str, ca: &Pair, san: &str) -> Pair {
        let key = format!("{name}.key");
        self.ec_key(&key);
        self.signed(
            name,
            ca,
            &key,
            "/CN=server",
            &format!(
                "subjectAltName={san}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n"
            ),
        )
    }

    /// A client certificate for `subj` (`/O=group/CN=user`) signed by `ca`, its key in `format`.
    pub fn client(&self, name: &str, ca: &Pair, subj: &str, format: KeyFormat) -> Pair {
        let key = format!("{name}.key");
        match format {
            KeyFormat::RsaPkcs1 => {
                self.openssl(&["genrsa", "-traditional", "-out", &key, "2048"]);
            }
            KeyFormat::EcSec1 | KeyFormat::Pkcs8 => {
                let sec1 = format!("{name}.sec1");
                self.ec_key(&sec1);
                match format {
                    KeyFormat::Pkcs8 => {
                        self.openssl(&["pkcs8", "-topk8", "-nocrypt", "-in", &sec1, "-out", &key])
                    }
                    _ => std::fs::rename(self.path(&sec1), self.path(&key)).expect("rename"),
                }
            }
        }
        let pair = self.signed(
            name,
            ca,
            &key,
            subj,
            "basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n",
        );
        let head = std::fs::read_to_string(&pair.key).expect("read key");
        let expected = match format {
            KeyFormat::RsaPkcs1 => "-----BEGIN RSA PRIVATE KEY-----",
            KeyFormat::EcSec1 => "-----BEGIN EC PRIVATE KEY-----",
            KeyFormat::Pkcs8 => "-----BEGIN PRIVATE KEY-----",
        };
        assert!(head.starts_with(expected), "{format:?} key: {head}");
        pair
    }
}

/// What the tunnel saw on one connection.
#[derive(Debug, Clone, Default)]
pub struct Hop {
    /// The target a proxy was asked for (`127.0.0.1:PORT`, or the name as sent for SOCKS5).
    pub connect: Option<String>,
    /// The server name of the TLS ClientHello that went through, if it had one.
    pub sni: Option<String>,
}

/// A loopback tunnel; stops accepting on drop.
pub struct Tunnel {
    /// `http://127.0.0.1:PORT` (a proxy URL; a relay is reached at the same address).
    pub url: String,
    pub port: u16,
    hops: Arc<Mutex<Vec<Hop>>>,
    stop: Arc<AtomicBool>,
}

#[derive(Debug, Clone)]
enum Mode {
    Connect,
    Socks5,
    Relay(String),
}

const MAX_CONNECTIONS: usize = 200;
const MAX_HEAD: usize = 16 * 1024;

impl Tunnel {
    /// An HTTP CONNECT proxy that only tunnels to 127.0.0.1 and localhost.
    pub fn connect_proxy() -> Tunnel {
        Tunnel::start(Mode::Connect)
    }

    /// A TCP relay to `upstream` (`127.0.0.1:PORT`).
    pub fn relay(upstream: &str) -> Tunnel {
        Tunnel::start(Mode::Relay(upstream.to_string()))
    }

    /// A SOCKS5 proxy (no authentication, CONNECT only) that only tunnels to 127.0.0.1 and
    /// localhost; `url` is then `socks5://127.0.0.1:PORT`.
    pub fn socks5() -> Tunnel {
        let mut tunnel = Tunnel::start(Mode::Socks5);
        tunnel.url = tunnel.url.replace("http://", "socks5://");
        tunnel
    }

    fn start(mode: Mode) -> Tunnel {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind tunnel");
        let port = listener.local_addr().expect("addr").port();
        let hops = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (log, flag) = (Arc::clone(&hops), Arc::clone(&stop));
        std::thread::spawn(move || {
            for conn in listener.incoming().take(MAX_CONNECTIONS) {
                if flag.load(Ordering::SeqCst) {
                    return;
                }
                let Ok(conn) = conn else { continue };
                let (log, mode) = (Arc::clone(&log), mode.clone());
                std::thread::spawn(move || {
                    let _ = tunnel_one(conn, mode, &log);
                });
            }
        });
        Tunnel {
            url: format!("http://127.0.0.1:{port}"),
            port,
            hops,
            stop,
        }
    }

    pub fn hops(&self) -> Vec<Hop> {
        self.hops.lock().expect("hops").clone()
    }
}

impl Drop for Tunnel {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn loopback(host: &str) -> bool {
    matches!(host, "127.0.0.1" | "localhost")
}

/// SOCKS5 (RFC 1928) greeting and CONNECT request: the target as the client named it.
fn socks5_target(
    reader: &mut impl Read,
    mut client: &TcpStream,
) -> std::io::Result<Option<String>> {
    let mut head = [0u8; 2];
    reader.read_exact(&mut head)?;
    let mut methods = vec![0u8; usize::from(head[1])];
    reader.read_exact(&mut methods)?;
    if head[0] != 5 || !methods.contains(&0) {
        client.write_all(&[5, 0xff])?;
        return Ok(None);
    }
    client.write_all(&[5, 0])?;
    let mut request = [0u8; 4];
    reader.read_exact(&mut request)?;
    let host = match request[3] {
        1 => {
            let mut ip = [0u8; 4];
            reader.read_exact(&mut ip)?;
            std::net::Ipv4Addr::from(ip).to_string()
        }
        3 => {
            let mut len = [0u8; 1];
            reader.read_exact(&mut len)?;
            let mut name = vec![0u8; usize::from(len[0])];
            reader.read_exact(&mut name)?;
            String::from_utf8_lossy(&name).into_owned()
        }
        _ => String::new(),
    };
    let mut port = [0u8; 2];
    reader.read_exact(&mut port)?;
    if request[1] != 1 || !loopback(&host) {
        // Connection not allowed by ruleset.
        client.write_all(&[5, 2, 0, 1, 0, 0, 0, 0, 0, 0])?;
        return Ok(None);
    }
    client.write_all(&[5, 0, 0, 1, 0, 0, 0, 0, 0, 0])?;
    Ok(Some(format!("{host}:{}", u16::from_be_bytes(port))))
}

fn tunnel_one(client: TcpStream, mode: Mode, log: &Mutex<Vec<Hop>>) -> std::io::Result<()> {
    client.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut reader = BufReader::new(client.try_clone()?);
    let mut hop = Hop::default();
    let target = match mode {
        Mode::Relay(t) => t,
        Mode::Socks5 => {
            let Some(target) = socks5_target(&mut reader, &client)? else {
                return Ok(());
            };
            hop.connect = Some(target.clone());
            target
        }
        Mode::Connect => {
            let mut line = String::new();
            (&mut reader).take(MAX_HEAD as u64).read_line(&mut line)?;
            let mut parts = line.split_whitespace();
            let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            // The rest of the head.
            let mut read = line.len();
            loop {
                let mut header = String::new();
                let n = (&mut reader).take(MAX_HEAD as u64).read_line(&mut header)?;
                read += n;
                if n == 0 || header == "\r\n" || header == "\n" || read > MAX_HEAD {
                    break;
                }
            }
            let host = target.rsplit_once(':').map_or("", |(h, _)| h);
            let mut client = &client;
            if method != "CONNECT" || !loopback(host) {
                client.write_all(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")?;
                return Ok(());
            }
            hop.connect = Some(target.to_string());
            client.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")?;
            target.to_string()
        }
    };
    let server = TcpStream::connect(&target)?;
    // The ClientHello: one TLS record, read whole before it is passed on.
    let mut head = [0u8; 5];
    reader.read_exact(&mut head)?;
    let len = usize::from(u16::from_be_bytes([head[3], head[4]])).min(MAX_HEAD);
    let mut record = vec![0u8; len];
    reader.read_exact(&mut record)?;
    if head[0] == 0x16 {
        hop.sni = client_hello_sni(&record);
    }
    log.lock().expect("log").push(hop);
    let mut to_server = server.try_clone()?;
    to_server.write_all(&head)?;
    to_server.write_all(&record)?;
    let mut from_server = server.try_clone()?;
    let mut to_client = client.try_clone()?;
    let back = std::thread::spawn(move || {
        let _ = std::io::copy(&mut from_server, &mut to_client);
        let _ = to_client.shutdown(Shutdown::Write);
    });
    client.set_read_timeout(None)?;
    let _ = std::io::copy(&mut reader, &mut to_server);
    let _ = to_server.shutdown(Shutdown::Write);
    let _ = back.join();
    Ok(())
}

/// The host_name of the server_name extension of a ClientHello handshake message.
fn client_hello_sni(msg: &[u8]) -> Option<String> {
    let take = |buf: &mut &[u8], n: usize| -> Option<Vec<u8>> {
        if buf.len() < n {
            return None;
        }
        let (head, rest) = buf.split_at(n);
        *buf = rest;
        Some(head.to_vec())
    };
    let be16 = |b: Vec<u8>| usize::from(u16::from_be_bytes([b[0], b[1]]));
    let mut p = msg;
    let kind = take(&mut p, 4)?; // handshake type, 3-byte length
    if kind[0] != 1 {
        return None;
    }
    take(&mut p, 2 + 32)?; // version, random
    let session = take(&mut p, 1)?[0];
    take(&mut p, usize::from(session))?;
    let suites = be16(take(&mut p, 2)?);
    take(&mut p, suites)?;
    let compression = take(&mut p, 1)?[0];
    take(&mut p, usize::from(compression))?;
    let ext_len = be16(take(&mut p, 2)?);
    let mut exts = &take(&mut p, ext_len)?[..];
    while !exts.is_empty() {
        let kind = be16(take(&mut exts, 2)?);
        let len = be16(take(&mut exts, 2)?);
        let body = take(&mut exts, len)?;
        if kind == 0 {
            let mut b = &body[..];
            take(&mut b, 2)?; // list length
            if take(&mut b, 1)?[0] != 0 {
                return None;
            }
            let n = be16(take(&mut b, 2)?);
            return String::from_utf8(take(&mut b, n)?).ok();
        }
    }
    None
}
