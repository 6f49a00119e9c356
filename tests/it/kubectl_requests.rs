//! Every GET kubectl 1.37 made against the reference server (../shared/reference/kubectl/
//! requests.log), replayed under a project prefix with the same Accept header: the same status
//! code comes back, and discovery answers in the form the Accept header asked for.

use crate::common;
use crate::serve_support;

use common::TestServer;
use serve_support::{Api, policy};

struct Logged {
    path: String,
    accept: String,
    code: u16,
}

fn logged_gets() -> Vec<Logged> {
    let log = std::fs::read_to_string(common::reference().join("kubectl/requests.log"))
        .expect("requests.log");
    log.lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("GET ")?;
            let (path, rest) = rest.split_once(' ')?;
            let accept = rest
                .split_once("accept='")?
                .1
                .split_once('\'')?
                .0
                .to_string();
            let code = rest
                .split_once("-> ")?
                .1
                .split_whitespace()
                .next()?
                .parse()
                .ok()?;
            Some(Logged {
                path: path.to_string(),
                accept,
                code,
            })
        })
        .collect()
}

#[test]
fn every_logged_kubectl_get_is_served() {
    let server = TestServer::start();
    let api = Api::new(&server, "replay");
    for name in ["demo", "fresh"] {
        assert_eq!(api.create(&policy(name)).code, 201);
    }
    let gets = logged_gets();
    assert!(gets.len() > 40, "requests.log has {} GETs", gets.len());
    let mut replayed = 0;
    for g in &gets {
        // The reference server also published batch/v1; this one serves only its own group.
        if g.path.contains("/batch/") {
            continue;
        }
        let r = api.send("GET", &g.path, &[("Accept", &g.accept)], None);
        assert_eq!(
            r.code, g.code,
            "GET {} (Accept {}): {}",
            g.path, g.accept, r.text
        );
        if g.accept.contains("as=APIGroupDiscoveryList") {
            assert_eq!(r.body["kind"], "APIGroupDiscoveryList", "{}", g.path);
        }
        if g.accept.starts_with("application/json;as=Table") && r.code == 200 {
            assert_eq!(r.body["kind"], "Table", "{}", g.path);
        }
        if r.code >= 400 {
            assert_eq!(r.body["kind"], "Status", "{}", g.path);
        }
        replayed += 1;
    }
    assert!(replayed > 40);
}
