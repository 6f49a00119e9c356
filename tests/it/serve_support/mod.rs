//! A small blocking client for the serve tests: requests against one project's control plane
//! of a real `datumctl serve`, answers as (code, JSON body, headers).

use crate::common::{Policy, TestServer};
use serde_json::Value;
use std::io::Read;
use std::time::Duration;

pub const GV: &str = "/apis/gateway.envoyproxy.io/v1alpha1";

pub struct Reply {
    pub code: u16,
    pub body: Value,
    pub text: String,
    pub headers: Vec<(String, String)>,
}

impl Reply {
    pub fn header(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    }
}

/// One project's control plane on a test server.
pub struct Api {
    pub base: String,
    pub token: Option<String>,
    agent: ureq::Agent,
}

impl Api {
    pub fn new(server: &TestServer, project: &str) -> Api {
        Api {
            base: server.project_url(project),
            token: None,
            agent: ureq::AgentBuilder::new()
                .timeout(Duration::from_secs(30))
                .build(),
        }
    }

    pub fn with_token(mut self, token: &str) -> Api {
        self.token = Some(token.to_string());
        self
    }

    /// `path` is relative to the project base (`/apis/...`, `/openapi/v3`, ...).
    pub fn send(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<&[u8]>,
    ) -> Reply {
        let mut req = self.agent.request(method, &format!("{}{path}", self.base));
        if let Some(t) = &self.token {
            req = req.set("Authorization", &format!("Bearer {t}"));
        }
        for (k, v) in headers {
            req = req.set(k, v);
        }
        let result = match body {
            Some(b) => req.send_bytes(b),
            None => req.call(),
        };
        let response = match result {
            Ok(r) => r,
            Err(ureq::Error::Status(_, r)) => r,
            Err(e) => panic!("{method} {path}: {e}"),
        };
        let code = response.status();
        let headers = response
            .headers_names()
            .iter()
            .flat_map(|n| {
                response
                    .all(n)
                    .into_iter()
                    .map(|v| (n.clone(), v.to_string()))
                    .collect::<Vec<_>>()
            })
            .collect();
        let mut text = String::new();
        response
            .into_reader()
            .take(64 << 20)
            .read_to_string(&mut text)
            .expect("read body");
        let body = serde_json::from_str(&text).unwrap_or(Value::Null);
        Reply {
            code,
            body,
            text,
            headers,
        }
    }

    pub fn get(&self, path: &str) -> Reply {
        self.send("GET", path, &[], None)
    }

    pub fn json(&self, method: &str, path: &str, body: &Value) -> Reply {
        let bytes = serde_json::to_vec(body).expect("json");
        self.send(
            method,
            path,
            &[("Content-Type", "application/json")],
            Some(&bytes),
        )
    }

    pub fn patch(&self, path: &str, content_type: &str, body: &str) -> Reply {
        self.send(
            "PATCH",
            path,
            &[("Content-Type", content_type)],
            Some(body.as_bytes()),
        )
    }

    /// The collection path in namespace `ns`.
    pub fn coll(ns: &str) -> String {
        format!("{GV}/namespaces/{ns}/backendtrafficpolicies")
    }

    pub fn item(ns: &str, name: &str) -> String {
        format!("{}/{name}", Self::coll(ns))
    }

    pub fn create(&self, policy: &Value) -> Reply {
        let ns = policy["metadata"]["namespace"]
            .as_str()
            .unwrap_or("default");
        self.json("POST", &Self::coll(ns), policy)
    }

    /// Opens a watch and returns a reader of its lines.
    pub fn watch(&self, query: &str) -> (u16, Box<dyn std::io::BufRead + Send>) {
        let mut req = self.agent.get(&format!(
            "{}{}?watch=true&{query}",
            self.base,
            Self::coll("default")
        ));
        if let Some(t) = &self.token {
            req = req.set("Authorization", &format!("Bearer {t}"));
        }
        let response = match req.call() {
            Ok(r) => r,
            Err(ureq::Error::Status(_, r)) => r,
            Err(e) => panic!("watch: {e}"),
        };
        let code = response.status();
        (
            code,
            Box::new(std::io::BufReader::new(response.into_reader())),
        )
    }
}

/// A valid policy named `name` in `default`, targeting an HTTPRoute, with `retries`.
pub fn policy_with(name: &str, retries: i64) -> Value {
    Policy::new(name)
        .target("HTTPRoute", &format!("{name}-route"))
        .retries(retries)
        .json()
}

/// `policy_with(name, 3)`.
pub fn policy(name: &str) -> Value {
    policy_with(name, 3)
}

/// Reads the next watch line as JSON.
pub fn next_event(lines: &mut dyn std::io::BufRead) -> Value {
    let mut line = String::new();
    lines.read_line(&mut line).expect("watch line");
    serde_json::from_str(&line).unwrap_or_else(|e| panic!("bad watch line {line:?}: {e}"))
}
