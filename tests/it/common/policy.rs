//! The one policy builder of the suite: a BackendTrafficPolicy with a name, an optional namespace
//! and labels, its target refs and optional spec pieces, as YAML text (for the binary) or JSON
//! (for requests straight to `datumctl serve`).

use serde_json::{Value, json};

/// A policy under construction. `Policy::new("a").yaml()` is the smallest valid object: one
/// HTTPRoute target named `route-a`.
#[derive(Clone, Debug)]
pub struct Policy {
    name: String,
    namespace: Option<String>,
    labels: Option<String>,
    targets: Vec<(String, String)>,
    no_target_refs: bool,
    retries: Option<i64>,
    spec: String,
}

impl Policy {
    pub fn new(name: &str) -> Policy {
        Policy {
            name: name.to_string(),
            namespace: None,
            labels: None,
            targets: Vec::new(),
            no_target_refs: false,
            retries: None,
            spec: String::new(),
        }
    }

    pub fn namespace(mut self, namespace: &str) -> Policy {
        self.namespace = Some(namespace.to_string());
        self
    }

    /// Labels as the inside of a YAML flow map, e.g. `app: web, tier: "1"`.
    pub fn labels(mut self, flow_map: &str) -> Policy {
        self.labels = Some(flow_map.to_string());
        self
    }

    /// Adds a target ref of `kind` (group gateway.networking.k8s.io); without any, the policy
    /// targets the HTTPRoute `route-NAME`.
    pub fn target(mut self, kind: &str, name: &str) -> Policy {
        self.targets.push((kind.to_string(), name.to_string()));
        self
    }

    /// No `targetRefs` list at all (for a case that sets the singular `targetRef` in `spec`).
    pub fn no_target_refs(mut self) -> Policy {
        self.no_target_refs = true;
        self
    }

    /// `spec.retry.numRetries`.
    pub fn retries(mut self, retries: i64) -> Policy {
        self.retries = Some(retries);
        self
    }

    /// More of the spec, as YAML lines indented under `spec:` (two spaces), appended verbatim.
    pub fn spec(mut self, yaml_lines: &str) -> Policy {
        self.spec.push_str(yaml_lines);
        self
    }

    fn targets(&self) -> Vec<(String, String)> {
        if self.targets.is_empty() {
            vec![("HTTPRoute".to_string(), format!("route-{}", self.name))]
        } else {
            self.targets.clone()
        }
    }

    /// The manifest, in the layout a person writes (so positions in reports are predictable).
    pub fn yaml(&self) -> String {
        let mut text = format!(
            "apiVersion: gateway.envoyproxy.io/v1alpha1\nkind: BackendTrafficPolicy\nmetadata:\n  name: {}\n",
            self.name
        );
        if let Some(ns) = &self.namespace {
            text.push_str(&format!("  namespace: {ns}\n"));
        }
        if let Some(labels) = &self.labels {
            text.push_str(&format!("  labels: {{{labels}}}\n"));
        }
        text.push_str("spec:\n");
        if !self.no_target_refs {
            text.push_str("  targetRefs:\n");
            for (kind, name) in self.targets() {
                text.push_str(&format!(
                    "  - group: gateway.networking.k8s.io\n    kind: {kind}\n    name: {name}\n"
                ));
            }
        }
        if let Some(n) = self.retries {
            text.push_str(&format!("  retry:\n    numRetries: {n}\n"));
        }
        text.push_str(&self.spec);
        text
    }

    /// The object as JSON, in `default` unless a namespace is set. Spec pieces given as YAML
    /// have no JSON form here: build those objects with `yaml()`.
    pub fn json(&self) -> Value {
        assert!(
            self.spec.is_empty() && self.labels.is_none() && !self.no_target_refs,
            "Policy::json has no form for YAML spec pieces or labels"
        );
        let targets: Vec<Value> = self
            .targets()
            .into_iter()
            .map(|(kind, name)| {
                json!({"group": "gateway.networking.k8s.io", "kind": kind, "name": name})
            })
            .collect();
        let mut spec = json!({ "targetRefs": targets });
        if let Some(n) = self.retries {
            spec["retry"] = json!({ "numRetries": n });
        }
        json!({
            "apiVersion": "gateway.envoyproxy.io/v1alpha1",
            "kind": "BackendTrafficPolicy",
            "metadata": {"name": self.name, "namespace": self.namespace.as_deref().unwrap_or("default")},
            "spec": spec,
        })
    }
}
