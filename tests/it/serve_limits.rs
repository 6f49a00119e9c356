//! `serve` under hostile connections: silent TLS clients delay nobody, slow headers and idle
//! keep-alives are closed after the header timeout, SIGTERM ends within the grace period even
//! with part-sent requests, and the connection cap closes what is beyond it. Every loop is
//! bounded; the limits are shortened through `DATUMCTL_SERVE_LIMITS`.

use crate::common;
use crate::serve_support;

use common::{TestServer, spawn_serve_env};
use std::io::{BufRead, Read, Write};
use std::net::TcpStream;
use std::process::Stdio;
use std::time::{Duration, Instant};

const LIMITS: &str = "DATUMCTL_SERVE_LIMITS";

fn addr(server: &TestServer) -> String {
    server
        .url
        .trim_start_matches("http://")
        .trim_start_matches("https://")
        .to_string()
}

/// Reads until the peer closes the connection; how long that took, or None if it stayed open
/// past `bound`.
fn closed_within(stream: &mut TcpStream, bound: Duration) -> Option<Duration> {
    let started = Instant::now();
    stream
        .set_read_timeout(Some(Duration::from_millis(100)))
        .expect("timeout");
    let mut buf = [0u8; 4096];
    while started.elapsed() < bound {
        match stream.read(&mut buf) {
            Ok(0) => return Some(started.elapsed()),
            Ok(_) => {}
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) => {}
            Err(_) => return Some(started.elapsed()),
        }
    }
    None
}

#[test]
fn silent_tls_clients_do_not_delay_a_legit_request() {
    let dir = tempfile::tempdir().expect("tmp");
    let Some((ca, cert, key)) = common::test_certificates(dir.path()) else {
        eprintln!("openssl not available; skipping");
        return;
    };
    let server = TestServer::start_with(&["--tls-cert", &cert, "--tls-key", &key]);
    let pem = std::fs::read(&ca).expect("ca");
    let url = format!("{}/readyz", server.url);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("rt");
    // A fresh client per request: each one makes its own TLS handshake.
    let get = || {
        runtime.block_on(async {
            let client = reqwest::Client::builder()
                .add_root_certificate(reqwest::Certificate::from_pem(&pem).expect("pem"))
                .build()
                .expect("client");
            client.get(&url).send().await.map(|r| r.status().as_u16())
        })
    };
    let ready = Instant::now() + Duration::from_secs(20);
    while get().is_err() {
        assert!(Instant::now() < ready, "the TLS server never answered");
        std::thread::sleep(Duration::from_millis(20));
    }
    // Three clients connect and say nothing; before, each stalled the accept loop for 10 s.
    let silent: Vec<TcpStream> = (0..3)
        .map(|_| TcpStream::connect(addr(&server)).expect("connect"))
        .collect();
    std::thread::sleep(Duration::from_millis(100));
    let started = Instant::now();
    assert_eq!(get().expect("legit request"), 200);
    let took = started.elapsed();
    assert!(
        took < Duration::from_secs(1),
        "a legit request waited {took:?} behind silent TLS clients"
    );
    drop(silent);
}

#[test]
fn slow_headers_and_idle_keep_alives_are_closed_after_the_header_timeout() {
    let server = TestServer::start_with_env(&[], &[(LIMITS, "header_timeout_ms=500")]);
    // Slowloris: a header line every 100 ms, never the blank line that ends them.
    let mut slow = TcpStream::connect(addr(&server)).expect("connect");
    slow.write_all(b"GET /readyz HTTP/1.1\r\nHost: x\r\n")
        .expect("write");
    let started = Instant::now();
    let mut closed = false;
    for i in 0..100 {
        if slow
            .write_all(format!("X-Slow-{i}: y\r\n").as_bytes())
            .is_err()
        {
            closed = true;
            break;
        }
        if closed_within(&mut slow, Duration::from_millis(100)).is_some() {
            closed = true;
            break;
        }
    }
    assert!(
        closed,
        "a slowloris connection was still open after {:?}",
        started.elapsed()
    );
    // An idle keep-alive connection is closed on the same clock after its last response.
    let mut idle = TcpStream::connect(addr(&server)).expect("connect");
    idle.write_all(b"GET /readyz HTTP/1.1\r\nHost: x\r\n\r\n")
        .expect("write");
    let mut reader = std::io::BufReader::new(idle.try_clone().expect("clone"));
    let mut status = String::new();
    reader.read_line(&mut status).expect("status line");
    assert!(status.starts_with("HTTP/1.1 200"), "{status}");
    assert!(
        closed_within(&mut idle, Duration::from_secs(10)).is_some(),
        "an idle keep-alive connection stayed open"
    );
}

#[test]
fn sigterm_with_part_sent_requests_exits_within_the_grace_period() {
    let dir = tempfile::tempdir().expect("tmp");
    let (mut child, url, _lines) = spawn_serve_env(
        dir.path(),
        &[],
        &[(LIMITS, "grace_period_ms=1000")],
        Stdio::null(),
    );
    let addr = url.trim_start_matches("http://").to_string();
    let ready = Instant::now() + Duration::from_secs(20);
    while ureq::get(&format!("{url}/readyz")).call().is_err() {
        assert!(Instant::now() < ready, "serve never became ready");
        std::thread::sleep(Duration::from_millis(20));
    }
    // One request stops in its headers, one in its body.
    let mut head = TcpStream::connect(&addr).expect("connect");
    head.write_all(b"GET /readyz HTTP/1.1\r\nHost: x\r\n")
        .expect("write");
    let mut body = TcpStream::connect(&addr).expect("connect");
    let path = common::project_base("", "grace")
        + "/apis/gateway.envoyproxy.io/v1alpha1/namespaces/default/backendtrafficpolicies";
    body.write_all(
        format!("POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{\"kind\":")
            .as_bytes(),
    )
    .expect("write");
    std::thread::sleep(Duration::from_millis(200));
    common::signal(child.id(), "TERM");
    let started = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        if started.elapsed() > Duration::from_secs(15) {
            let _ = child.kill();
            panic!("serve was still running 15 s after SIGTERM with part-sent requests");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0));
    eprintln!(
        "exited {:?} after SIGTERM (grace period 1 s)",
        started.elapsed()
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "took {:?}",
        started.elapsed()
    );
    drop((head, body));
}

#[test]
fn connections_beyond_the_cap_are_closed_and_logged() {
    let dir = tempfile::tempdir().expect("tmp");
    let (mut child, url, _lines) = spawn_serve_env(
        dir.path(),
        &[],
        &[(LIMITS, "max_connections=3")],
        Stdio::piped(),
    );
    let addr = url.trim_start_matches("http://").to_string();
    let held: Vec<TcpStream> = (0..3)
        .map(|_| TcpStream::connect(&addr).expect("connect"))
        .collect();
    std::thread::sleep(Duration::from_millis(200));
    let mut beyond = TcpStream::connect(&addr).expect("the kernel still accepts");
    assert!(
        closed_within(&mut beyond, Duration::from_secs(5)).is_some(),
        "a connection beyond the cap stayed open"
    );
    // Once one ends, a request gets through again.
    drop(held);
    let ready = Instant::now() + Duration::from_secs(10);
    while ureq::get(&format!("{url}/readyz")).call().is_err() {
        assert!(
            Instant::now() < ready,
            "no request got through after the held connections closed"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    let mut log = String::new();
    let _ = child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut log);
    assert!(
        log.contains("3 connections are open, the most allowed"),
        "{log}"
    );
}

#[test]
fn concurrent_patches_without_a_resource_version_never_conflict() {
    let server = TestServer::start_with(&["--no-status-writer"]);
    let api = serve_support::Api::new(&server, "race");
    // Labels exist from the start, so the JSON patches' `add` into them always has a parent.
    let mut shared = serve_support::policy("shared");
    shared["metadata"]["labels"] = serde_json::json!({"team": "a"});
    assert_eq!(api.create(&shared).code, 201);
    let item = serve_support::Api::item("default", "shared");
    let writers: Vec<_> = (0..20)
        .map(|w| {
            let api = serve_support::Api::new(&server, "race");
            let item = item.clone();
            std::thread::spawn(move || {
                let mut codes = Vec::new();
                for round in 0..10 {
                    let kind = if w % 2 == 0 {
                        "application/merge-patch+json"
                    } else {
                        "application/json-patch+json"
                    };
                    let body = if w % 2 == 0 {
                        format!(r#"{{"metadata":{{"labels":{{"w{w}":"r{round}"}}}}}}"#)
                    } else {
                        format!(
                            r#"[{{"op":"add","path":"/metadata/annotations","value":{{}}}},{{"op":"add","path":"/metadata/labels/w{w}","value":"r{round}"}}]"#
                        )
                    };
                    codes.push(api.patch(&item, kind, &body).code);
                }
                codes
            })
        })
        .collect();
    let codes: Vec<u16> = writers
        .into_iter()
        .flat_map(|t| t.join().expect("writer"))
        .collect();
    let conflicts = codes.iter().filter(|c| **c == 409).count();
    assert_eq!(
        conflicts,
        0,
        "{conflicts} of {} patches got 409",
        codes.len()
    );
    assert!(codes.iter().all(|c| *c == 200), "{codes:?}");
    let last = api.get(&item).body;
    for w in 0..20 {
        assert_eq!(last["metadata"]["labels"][format!("w{w}")], "r9", "{last}");
    }
}

#[test]
fn a_hundred_thousand_duplicate_keys_get_capped_warnings() {
    let server = TestServer::start_with(&["--no-status-writer"]);
    let mut body = String::from(
        r#"{"apiVersion":"gateway.envoyproxy.io/v1alpha1","kind":"BackendTrafficPolicy","metadata":{"name":"dups"},"spec":{"notAField":{"#,
    );
    for i in 0..100_000 {
        body.push_str(&format!(r#""k{i}":"v","k{i}":"v","#));
    }
    body.push_str(r#""last":"v"},"targetRefs":[{"group":"gateway.networking.k8s.io","kind":"Gateway","name":"g"}]}}"#);
    // A raw request: the test's HTTP client refuses responses with over 100 headers, and the
    // cap (kube-apiserver's) is on the warnings' total length, not their count.
    let path = format!(
        "{}{}?fieldValidation=Warn",
        common::project_base("", "dups"),
        serve_support::Api::coll("default")
    );
    let mut stream = TcpStream::connect(addr(&server)).expect("connect");
    stream
        .write_all(
            format!(
                "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            )
            .as_bytes(),
        )
        .expect("head");
    stream.write_all(body.as_bytes()).expect("body");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .expect("timeout");
    let mut reply = String::new();
    let _ = stream.read_to_string(&mut reply);
    let head = reply.split("\r\n\r\n").next().unwrap_or_default();
    let warnings: Vec<&str> = head
        .lines()
        .filter_map(|l| {
            l.strip_prefix("warning: ")
                .or_else(|| l.strip_prefix("Warning: "))
        })
        .collect();
    let total: usize = warnings.iter().map(|w| w.len()).sum();
    eprintln!("{} Warning headers, {total} bytes", warnings.len());
    assert!(head.starts_with("HTTP/1.1 201"), "{head}");
    assert!(!warnings.is_empty(), "no warnings at all: {head}");
    assert!(total <= 8 * 1024, "{total} bytes of Warning headers");
    assert!(warnings[0].contains("duplicate field"), "{}", warnings[0]);
}

/// The server's peak resident memory so far (VmHWM), in MiB.
fn peak_rss_mib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kib| kib / 1024)
}

/// A merge patch adding `count` labels of about 280 bytes each (long prefixed keys: fewer
/// entries per byte keep the debug-build server quick), named by `round`.
fn label_patch(round: usize, count: usize) -> String {
    let prefix = format!(
        "{}.{}.{}.example.com",
        "a".repeat(63),
        "b".repeat(63),
        "c".repeat(63)
    );
    let labels: Vec<String> = (0..count)
        .map(|i| format!(r#""{prefix}/r{round}-{i}":"{}""#, "v".repeat(60)))
        .collect();
    format!(r#"{{"metadata":{{"labels":{{{}}}}}}}"#, labels.join(","))
}

#[test]
fn objects_grown_by_patches_stop_at_the_size_limit_and_memory_stays_bounded() {
    if !cfg!(target_os = "linux") {
        return;
    }
    let server = TestServer::start_with(&["--no-status-writer"]);
    let api = serve_support::Api::new(&server, "grow");
    assert_eq!(api.create(&serve_support::policy("big")).code, 201);
    let item = serve_support::Api::item("default", "big");
    let mut refused = 0;
    for round in 0..40 {
        // About 150 KB of new labels each time.
        let reply = api.patch(
            &item,
            "application/merge-patch+json",
            &label_patch(round, 540),
        );
        match reply.code {
            200 => assert_eq!(refused, 0, "a patch passed after the limit was reached"),
            413 => {
                assert_eq!(
                    reply.body["reason"], "RequestEntityTooLarge",
                    "{}",
                    reply.text
                );
                assert_eq!(reply.body["message"], "etcdserver: request is too large");
                refused += 1;
            }
            other => panic!("round {round}: {other} {}", reply.text),
        }
    }
    assert!(refused > 20, "only {refused} of 40 patches were refused");
    let stored = api.get(&item);
    assert_eq!(stored.code, 200);
    assert!(
        stored.text.len() <= 1536 * 1024,
        "{} bytes stored",
        stored.text.len()
    );
    // What is stored can be written back as it is.
    let put = api.json("PUT", &item, &stored.body);
    assert_eq!(put.code, 200, "{}", put.text);
    let peak = peak_rss_mib(server.child.id());
    eprintln!("peak RSS after 40 growing patches: {peak} MiB");
    assert!(peak < 150, "serve peaked at {peak} MiB");
}

#[test]
fn watchers_that_do_not_read_are_dropped_and_memory_stays_bounded() {
    if !cfg!(target_os = "linux") {
        return;
    }
    let server = TestServer::start_with_env(
        &["--no-status-writer"],
        &[(LIMITS, "write_timeout_ms=2000,history_kib=8192")],
    );
    let api = serve_support::Api::new(&server, "stall");
    assert_eq!(api.create(&serve_support::policy("big")).code, 201);
    let item = serve_support::Api::item("default", "big");
    // An object of about 150 KB, then 10 watchers that never read.
    for round in 0..1 {
        let reply = api.patch(
            &item,
            "application/merge-patch+json",
            &label_patch(round, 540),
        );
        assert_eq!(reply.code, 200, "{}", reply.text);
    }
    let path = format!(
        "{}{}?watch=true",
        common::project_base("", "stall"),
        serve_support::Api::coll("default")
    );
    let mut watchers: Vec<TcpStream> = (0..10)
        .map(|_| {
            let mut s = TcpStream::connect(addr(&server)).expect("connect");
            s.write_all(format!("GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes())
                .expect("watch");
            s
        })
        .collect();
    // 150 changes of the 150 KB object: ~23 MB of events, past the history (8 MiB here).
    for round in 0..150 {
        let body = format!(r#"{{"metadata":{{"annotations":{{"round":"{round}"}}}}}}"#);
        let reply = api.patch(&item, "application/merge-patch+json", &body);
        assert_eq!(reply.code, 200, "{}", reply.text);
    }
    let peak = peak_rss_mib(server.child.id());
    eprintln!("peak RSS with 10 stalled watchers over 150 changes of a 150 KB object: {peak} MiB");
    assert!(peak < 150, "serve peaked at {peak} MiB");
    // Past the write timeout every stalled watcher has been dropped: reading now drains what
    // the kernel buffered and then meets the end, instead of streaming on.
    std::thread::sleep(Duration::from_secs(4));
    for (i, w) in watchers.iter_mut().enumerate() {
        assert!(
            closed_within(w, Duration::from_secs(30)).is_some(),
            "stalled watcher {i} was not dropped"
        );
    }
    // The server still serves.
    assert_eq!(api.get(&item).code, 200);
}

#[test]
fn watches_beyond_the_per_project_cap_get_429_with_retry_after() {
    let server = TestServer::start_with_env(&[], &[(LIMITS, "max_watches_per_project=2")]);
    let api = serve_support::Api::new(&server, "cap");
    let (a, _la) = api.watch("");
    let (b, _lb) = api.watch("");
    assert_eq!((a, b), (200, 200));
    let third = api.get(&format!(
        "{}?watch=true",
        serve_support::Api::coll("default")
    ));
    assert_eq!(third.code, 429, "{}", third.text);
    assert_eq!(third.body["reason"], "TooManyRequests");
    assert_eq!(third.header("Retry-After"), ["1"]);
    // Another project has its own slots.
    let (other, _lo) = serve_support::Api::new(&server, "cap-other").watch("");
    assert_eq!(other, 200);
    // A slot comes back when its watch ends.
    drop(_la);
    let mut code = 0;
    for _ in 0..100 {
        let (c, _l) = api.watch("timeoutSeconds=1");
        code = c;
        if code == 200 {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(code, 200, "the ended watch's slot never came back");
}

#[test]
fn query_parameters_media_types_and_escaped_names_are_read_strictly() {
    let server = TestServer::start_with(&["--no-status-writer"]);
    let api = serve_support::Api::new(&server, "strict");
    let coll = serve_support::Api::coll("default");
    // Media types are case-insensitive.
    let body = serde_json::to_vec(&serve_support::policy("my-policy")).expect("json");
    let created = api.send(
        "POST",
        &coll,
        &[("Content-Type", "APPLICATION/JSON")],
        Some(&body),
    );
    assert_eq!(created.code, 201, "{}", created.text);
    // A percent-encoded name is decoded.
    let escaped = api.get(&format!("{coll}/my%2Dpolicy"));
    assert_eq!(escaped.code, 200, "{}", escaped.text);
    assert_eq!(escaped.body["metadata"]["name"], "my-policy");
    // Numbers that are not numbers are 400s naming the parameter, on lists and watches.
    for query in [
        "resourceVersion=abc",
        "timeoutSeconds=abc",
        "limit=-1",
        "watch=true&timeoutSeconds=abc",
    ] {
        let reply = api.get(&format!("{coll}?{query}"));
        assert_eq!(reply.code, 400, "{query}: {}", reply.text);
        let name = query.rsplit('&').next().and_then(|q| q.split('=').next());
        assert!(
            reply.body["message"]
                .as_str()
                .is_some_and(|m| m.starts_with(&format!("{}: Invalid value", name.unwrap_or("")))),
            "{query}: {}",
            reply.text
        );
    }
    // The largest timeout is clamped, not a panic: the watch opens and the server goes on.
    let (code, _lines) = api.watch("timeoutSeconds=18446744073709551615");
    assert_eq!(code, 200);
    assert_eq!(api.get(&coll).code, 200);
    // Paging one object at a time walks every object once.
    for i in 0..5 {
        assert_eq!(
            api.create(&serve_support::policy(&format!("p{i}"))).code,
            201
        );
    }
    let mut names = Vec::new();
    let mut token = String::new();
    for _ in 0..10 {
        let page = api.get(&format!("{coll}?limit=1&continue={token}"));
        assert_eq!(page.code, 200, "{}", page.text);
        for item in page.body["items"].as_array().into_iter().flatten() {
            names.push(item["metadata"]["name"].as_str().unwrap_or("").to_string());
        }
        match page.body["metadata"]["continue"].as_str() {
            Some(t) => {
                let left = page.body["metadata"]["remainingItemCount"].as_u64();
                assert_eq!(left, Some(6 - names.len() as u64), "{}", page.text);
                token = t.to_string();
            }
            None => break,
        }
    }
    assert_eq!(names, ["my-policy", "p0", "p1", "p2", "p3", "p4"]);
}

#[test]
fn plain_connections_are_http_1_1_only() {
    let server = TestServer::start();
    // The HTTP/2 connection preface (h2c with prior knowledge) gets no HTTP/2 answer.
    let mut h2 = TcpStream::connect(addr(&server)).expect("connect");
    h2.write_all(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")
        .expect("preface");
    h2.set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let mut reply = Vec::new();
    let _ = h2.read_to_end(&mut reply);
    let text = String::from_utf8_lossy(&reply);
    assert!(
        reply.is_empty() || text.starts_with("HTTP/1.1 4"),
        "answered the h2 preface with {text:?}"
    );
}
