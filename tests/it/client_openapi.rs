//! The live schema from a real `datumctl serve`: index, group-version document through the
//! project prefix, the cache keyed by the hash, and the same fields as the embedded schema.

use crate::common;

use clap::Parser;
use common::TestServer;
use datumctl::client::http::ApiClient;
use datumctl::client::openapi::{LiveSchema, cache_dir, for_explain, live_schema};
use datumctl::client::target::{Target, project_base};
use datumctl::print::Printer;
use datumctl::print::{ColorChoice, ErrorFormat};
use datumctl::schema::{embedded, field_paths};

fn client(server: &str) -> ApiClient {
    let target = Target {
        base: project_base(server, "openapi"),
        server: server.to_string(),
        project: Some("openapi".into()),
        namespace: "default".into(),
        ..Target::default()
    };
    ApiClient::new(
        target,
        0,
        Printer::new(ColorChoice::Never, ErrorFormat::Human),
        None,
    )
    .expect("client")
}

/// Set in the child process that runs the test body; holds its cache directory.
const CHILD_CACHE: &str = "DATUMCTL_IT_OPENAPI_CACHE";

/// The library reads `XDG_CACHE_HOME` and `DATUMCTL_CONFIG` from the process environment, which
/// every test of this binary shares (and setting it while other threads run is unsound): the
/// body runs in a child process of this test binary, started with its own environment.
#[test]
fn live_schema_matches_the_embedded_one_and_is_cached() {
    let Some(cache) = std::env::var_os(CHILD_CACHE).map(std::path::PathBuf::from) else {
        let cache = tempfile::tempdir().expect("cache");
        let module = module_path!().split_once("::").map_or("", |(_, m)| m);
        let name = format!("{module}::live_schema_matches_the_embedded_one_and_is_cached");
        let o = std::process::Command::new(std::env::current_exe().expect("test binary"))
            .args(["--exact", &name, "--nocapture", "--test-threads", "1"])
            .env(CHILD_CACHE, cache.path())
            .env("XDG_CACHE_HOME", cache.path())
            .env("DATUMCTL_CONFIG", cache.path().join("config.yaml"))
            .output()
            .expect("run the test binary");
        let (stdout, stderr) = (common::out(&o), common::err(&o));
        assert!(o.status.success(), "{stdout}\n{stderr}");
        assert!(stdout.contains("1 passed"), "{name} did not run:\n{stdout}");
        return;
    };
    let server = TestServer::start();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let live = rt
        .block_on(live_schema(&client(&server.url)))
        .expect("live schema");
    assert_eq!(field_paths(&live), field_paths(&embedded().root));
    assert_eq!(
        live.property("metadata")
            .and_then(|m| m.reference.as_deref()),
        Some("ObjectMeta")
    );
    let dir = cache_dir().expect("cache dir");
    assert!(dir.starts_with(&cache), "{}", dir.display());
    let cached: Vec<_> = std::fs::read_dir(&dir).expect("cache written").collect();
    assert_eq!(cached.len(), 1);
    // With the server gone, the index cannot be read: no stale answer without it.
    drop(server);
    assert!(
        rt.block_on(live_schema(&client("http://127.0.0.1:9")))
            .is_err()
    );

    // What explain gets: nothing configured (DATUMCTL_CONFIG names a file that does not exist),
    // a live schema, or a note when unreachable.
    let printer = Printer::new(ColorChoice::Never, ErrorFormat::Human);
    let explain = |extra: &[&str]| {
        let mut argv = vec!["datumctl", "explain", "btp"];
        argv.extend_from_slice(extra);
        let global = datumctl::cli::Cli::parse_from(argv).global;
        rt.block_on(for_explain(
            datumctl::cmd::connect::target(&global),
            0,
            None,
            &printer,
        ))
    };
    assert!(matches!(explain(&[]), LiveSchema::NotConfigured));
    let server = TestServer::start();
    let live = explain(&["--server", &server.url, "--project", "x"]);
    assert!(
        matches!(&live, LiveSchema::Live(node) if node.property("spec").is_some()),
        "{live:?}"
    );
    let started = std::time::Instant::now();
    let gone = explain(&["--server", "http://127.0.0.1:9", "--project", "x"]);
    let LiveSchema::Unavailable(note) = gone else {
        panic!("expected a note, got {gone:?}");
    };
    assert!(note.contains("using the embedded schema"), "{note}");
    assert!(!note.contains('\n'), "{note}");
    assert!(started.elapsed() < std::time::Duration::from_secs(3));
}
