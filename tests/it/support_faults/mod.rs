//! A fault-injecting HTTP/1.1 proxy for the reliability tests: it sits on 127.0.0.1 in front of
//! a real `datumctl serve` and, for requests that match a rule, answers with a canned status,
//! hangs, closes the connection, or cuts the response body part-way. Everything else is
//! forwarded unchanged. One request per client connection (`Connection: close`), so each fault
//! hits exactly the request it was meant for.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A request as the proxy saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    /// Path and query, as sent.
    pub target: String,
    pub body: Vec<u8>,
    /// The Authorization header, to tell which credential a request carried.
    pub authorization: Option<String>,
    /// The fault applied to it, if any (`"pass"` otherwise).
    pub fault: String,
}

impl Seen {
    pub fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// What to do to a matching request.
#[derive(Debug, Clone)]
pub enum Fault {
    /// Answer with this status, headers and body without asking the server.
    Respond {
        status: u16,
        headers: Vec<(String, String)>,
        body: String,
    },
    /// Read the request and never answer (until the proxy is dropped).
    Hang,
    /// Read the request, then close the connection without a byte of response.
    Close,
    /// Forward, send the response head and this many body bytes, then close mid-body.
    CutBody(usize),
    /// Forward, send the response head, then never a byte of the body (until the proxy is
    /// dropped): a server that stalls mid-answer.
    StallBody,
    /// Forward a streamed (chunked) response; after this many complete lines, send half of the
    /// next chunk and close: a watch stream cut mid-event.
    CutAfterLines(usize),
}

impl Fault {
    /// A Kubernetes `Status` answer with `code`, `reason` and optional `Retry-After`.
    pub fn status(code: u16, reason: &str, retry_after: Option<u32>) -> Fault {
        let mut headers = vec![("Content-Type".to_string(), "application/json".to_string())];
        if let Some(s) = retry_after {
            headers.push(("Retry-After".to_string(), s.to_string()));
        }
        Fault::Respond {
            status: code,
            headers,
            body: format!(
                r#"{{"kind":"Status","apiVersion":"v1","metadata":{{}},"status":"Failure","message":"injected {code} by the test proxy","reason":"{reason}","code":{code}}}"#
            ),
        }
    }

    fn label(&self) -> String {
        match self {
            Fault::Respond { status, .. } => format!("respond {status}"),
            Fault::Hang => "hang".into(),
            Fault::Close => "close".into(),
            Fault::CutBody(n) => format!("cut body after {n} bytes"),
            Fault::CutAfterLines(n) => format!("cut after {n} lines"),
            Fault::StallBody => "stall body".into(),
        }
    }
}

type Matcher = Box<dyn Fn(&Seen) -> bool + Send>;

struct Rule {
    matches: Matcher,
    fault: Fault,
    remaining: usize,
}

/// The proxy; stops accepting and releases hung connections on drop.
pub struct FaultProxy {
    /// `http://127.0.0.1:PORT`
    pub url: String,
    log: Arc<Mutex<Vec<Seen>>>,
    rules: Arc<Mutex<Vec<Rule>>>,
    stop: Arc<AtomicBool>,
    port: u16,
    upstream: Arc<Mutex<String>>,
}

impl FaultProxy {
    /// A proxy in front of `upstream` (`http://127.0.0.1:PORT`).
    pub fn start(upstream: &str) -> FaultProxy {
        let upstream = Arc::new(Mutex::new(host_port(upstream)));
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind proxy");
        let port = listener.local_addr().expect("addr").port();
        let log = Arc::new(Mutex::new(Vec::new()));
        let rules: Arc<Mutex<Vec<Rule>>> = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        {
            let (log, rules, stop, upstream) = (
                Arc::clone(&log),
                Arc::clone(&rules),
                Arc::clone(&stop),
                Arc::clone(&upstream),
            );
            std::thread::spawn(move || {
                for conn in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        return;
                    }
                    let Ok(conn) = conn else { continue };
                    let (log, rules, stop, upstream) = (
                        Arc::clone(&log),
                        Arc::clone(&rules),
                        Arc::clone(&stop),
                        upstream.lock().expect("upstream").clone(),
                    );
                    std::thread::spawn(move || {
                        let _ = serve_one(conn, &upstream, &log, &rules, &stop);
                    });
                }
            });
        }
        FaultProxy {
            url: format!("http://127.0.0.1:{port}"),
            log,
            rules,
            stop,
            port,
            upstream,
        }
    }

    /// Sends later connections to another server (a restarted one, on a new port).
    pub fn set_upstream(&self, upstream: &str) {
        *self.upstream.lock().expect("upstream") = host_port(upstream);
    }

    /// Applies `fault` to the next `times` requests for which `matches` is true.
    pub fn inject(
        &self,
        times: usize,
        fault: Fault,
        matches: impl Fn(&Seen) -> bool + Send + 'static,
    ) {
        self.rules.lock().expect("rules").push(Rule {
            matches: Box::new(matches),
            fault,
            remaining: times,
        });
    }

    /// Every request seen so far.
    pub fn seen(&self) -> Vec<Seen> {
        self.log.lock().expect("log").clone()
    }

    /// Requests that got a fault.
    pub fn faulted(&self) -> Vec<Seen> {
        self.seen()
            .into_iter()
            .filter(|s| s.fault != "pass")
            .collect()
    }
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn host_port(url: &str) -> String {
    url.trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string()
}

/// Reads a request head and its Content-Length body.
fn read_request(reader: &mut BufReader<TcpStream>) -> std::io::Result<Option<(Seen, Vec<String>)>> {
    let mut request_line = String::new();
    if reader.read_line(&mut request_line)? == 0 {
        return Ok(None);
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let target = parts.next().unwrap_or("").to_string();
    let mut headers = Vec::new();
    let mut length = 0usize;
    let mut authorization = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        let line = line.trim_end().to_string();
        if line.is_empty() {
            break;
        }
        if let Some((k, v)) = line.split_once(':')
            && k.trim().eq_ignore_ascii_case("content-length")
        {
            length = v.trim().parse().unwrap_or(0);
        }
        if let Some((k, v)) = line.split_once(':')
            && k.trim().eq_ignore_ascii_case("authorization")
        {
            authorization = Some(v.trim().to_string());
        }
        headers.push(line);
    }
    let mut body = vec![0u8; length];
    reader.read_exact(&mut body)?;
    Ok(Some((
        Seen {
            method,
            target,
            body,
            authorization,
            fault: "pass".into(),
        },
        headers,
    )))
}

fn serve_one(
    client: TcpStream,
    upstream: &str,
    log: &Mutex<Vec<Seen>>,
    rules: &Mutex<Vec<Rule>>,
    stop: &AtomicBool,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(client.try_clone()?);
    let Some((mut seen, headers)) = read_request(&mut reader)? else {
        return Ok(());
    };
    let fault = {
        let mut rules = rules.lock().expect("rules");
        rules
            .iter_mut()
            .find(|r| r.remaining > 0 && (r.matches)(&seen))
            .map(|r| {
                r.remaining -= 1;
                r.fault.clone()
            })
    };
    if let Some(f) = &fault {
        seen.fault = f.label();
    }
    log.lock().expect("log").push(seen.clone());
    let mut client = client;
    match fault {
        Some(Fault::Respond {
            status,
            headers,
            body,
        }) => {
            let mut head = format!("HTTP/1.1 {status} Injected\r\n");
            for (k, v) in headers {
                head.push_str(&format!("{k}: {v}\r\n"));
            }
            head.push_str(&format!(
                "Content-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            ));
            client.write_all(head.as_bytes())?;
            client.write_all(body.as_bytes())?;
            client.flush()?;
            let _ = client.shutdown(Shutdown::Write);
            Ok(())
        }
        Some(Fault::Hang) => {
            // Bounded by the proxy's life: the test drops it when done.
            while !stop.load(Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(50));
            }
            Ok(())
        }
        Some(Fault::Close) => {
            let _ = client.shutdown(Shutdown::Both);
            Ok(())
        }
        other => forward(client, upstream, &seen, &headers, other, stop),
    }
}

/// Sends the request on to the server and streams the answer back, cutting it as told.
fn forward(
    mut client: TcpStream,
    upstream: &str,
    seen: &Seen,
    headers: &[String],
    fault: Option<Fault>,
    stop: &AtomicBool,
) -> std::io::Result<()> {
    let mut server = TcpStream::connect(upstream)?;
    let mut head = format!("{} {} HTTP/1.1\r\n", seen.method, seen.target);
    for h in headers {
        let name = h.split(':').next().unwrap_or("").trim();
        if !name.eq_ignore_ascii_case("connection") {
            head.push_str(h);
            head.push_str("\r\n");
        }
    }
    head.push_str("Connection: close\r\n\r\n");
    server.write_all(head.as_bytes())?;
    server.write_all(&seen.body)?;
    let mut from_server = BufReader::new(server);
    // The response head, with our own Connection header.
    let mut out_head = String::new();
    let mut chunked = false;
    let mut length: Option<usize> = None;
    loop {
        let mut line = String::new();
        if from_server.read_line(&mut line)? == 0 {
            let _ = client.shutdown(Shutdown::Both);
            return Ok(());
        }
        let trimmed = line.trim_end();
        if trimmed.is_empty() {
            break;
        }
        let (name, value) = trimmed.split_once(':').unwrap_or((trimmed, ""));
        let name = name.trim();
        if name.eq_ignore_ascii_case("connection") {
            continue;
        }
        if name.eq_ignore_ascii_case("transfer-encoding") && value.contains("chunked") {
            chunked = true;
        }
        if name.eq_ignore_ascii_case("content-length") {
            length = value.trim().parse().ok();
        }
        out_head.push_str(trimmed);
        out_head.push_str("\r\n");
    }
    out_head.push_str("Connection: close\r\n\r\n");
    client.write_all(out_head.as_bytes())?;
    if let Some(Fault::StallBody) = fault {
        client.flush()?;
        while !stop.load(Ordering::SeqCst) {
            std::thread::sleep(Duration::from_millis(50));
        }
        return Ok(());
    }
    let cut_body = match fault {
        Some(Fault::CutBody(n)) => Some(n),
        _ => None,
    };
    let cut_lines = match fault {
        Some(Fault::CutAfterLines(n)) => Some(n),
        _ => None,
    };
    if chunked {
        let mut lines = 0usize;
        let mut sent = 0usize;
        loop {
            let mut size_line = String::new();
            if from_server.read_line(&mut size_line)? == 0 {
                break;
            }
            let size = usize::from_str_radix(size_line.trim().split(';').next().unwrap_or(""), 16)
                .unwrap_or(0);
            let mut data = vec![0u8; size + 2];
            from_server.read_exact(&mut data)?;
            let payload = &data[..size];
            let over_lines = cut_lines.is_some_and(|n| lines >= n) && size > 0;
            let over_bytes = cut_body.is_some_and(|n| sent + size > n) && size > 0;
            if over_lines || over_bytes {
                let keep = if over_lines {
                    size / 2
                } else {
                    cut_body.unwrap_or(0).saturating_sub(sent)
                };
                client.write_all(size_line.as_bytes())?;
                client.write_all(&payload[..keep.min(size)])?;
                client.flush()?;
                let _ = client.shutdown(Shutdown::Both);
                return Ok(());
            }
            lines += payload.iter().filter(|b| **b == b'\n').count();
            sent += size;
            client.write_all(size_line.as_bytes())?;
            client.write_all(&data)?;
            client.flush()?;
            if size == 0 {
                break;
            }
        }
    } else {
        let mut body = Vec::new();
        match length {
            Some(n) => {
                body.resize(n, 0);
                from_server.read_exact(&mut body)?;
            }
            None => {
                from_server.read_to_end(&mut body)?;
            }
        }
        if let Some(n) = cut_body.filter(|n| *n < body.len()) {
            client.write_all(&body[..n])?;
            client.flush()?;
            let _ = client.shutdown(Shutdown::Both);
            return Ok(());
        }
        client.write_all(&body)?;
    }
    client.flush()?;
    let _ = client.shutdown(Shutdown::Write);
    Ok(())
}
