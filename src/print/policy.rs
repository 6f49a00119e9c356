//! What a BackendTrafficPolicy looks like in a `get` table: targets, accepted ancestors, age,
//! and for `-o wide` generations and the features it configures.

use super::table::{Table, age};
use chrono::{DateTime, Utc};
use serde_json::Value;

/// Which extra columns a `get` table carries.
#[derive(Debug, Clone, Default)]
pub struct Columns {
    pub wide: bool,
    pub namespace: bool,
    pub show_labels: bool,
    pub label_columns: Vec<String>,
}

impl Columns {
    pub fn headers(&self) -> Vec<String> {
        let mut h: Vec<String> = Vec::new();
        if self.namespace {
            h.push("NAMESPACE".into());
        }
        h.extend(["NAME", "TARGETS", "ACCEPTED", "AGE"].map(String::from));
        if self.wide {
            h.extend(["GENERATION", "OBSERVED", "FEATURES"].map(String::from));
        }
        for key in &self.label_columns {
            h.push(label_header(key));
        }
        if self.show_labels {
            h.push("LABELS".into());
        }
        h
    }

    pub fn row(&self, policy: &Value, now: DateTime<Utc>) -> Vec<String> {
        let meta = &policy["metadata"];
        let mut row = Vec::new();
        if self.namespace {
            row.push(str_or(&meta["namespace"], ""));
        }
        row.push(str_or(&meta["name"], ""));
        row.push(targets(policy));
        row.push(accepted(policy));
        row.push(age(meta["creationTimestamp"].as_str(), now));
        if self.wide {
            row.push(
                meta["generation"]
                    .as_i64()
                    .map_or("<none>".into(), |g| g.to_string()),
            );
            row.push(observed_generation(policy).map_or("<none>".into(), |g| g.to_string()));
            row.push(features(policy));
        }
        for key in &self.label_columns {
            row.push(meta["labels"][key].as_str().unwrap_or("").to_string());
        }
        if self.show_labels {
            row.push(labels_cell(&meta["labels"]));
        }
        row
    }

    pub fn table(&self, policies: &[Value], now: DateTime<Utc>) -> Table {
        Table {
            headers: self.headers(),
            rows: policies.iter().map(|p| self.row(p, now)).collect(),
        }
    }
}

/// kubectl heads a `-L` column with the label key's last segment, upper-cased.
fn label_header(key: &str) -> String {
    key.rsplit('/').next().unwrap_or(key).to_uppercase()
}

fn str_or(v: &Value, default: &str) -> String {
    v.as_str().unwrap_or(default).to_string()
}

/// `gateway/edge, httproute/api`; more than three end in `+N more`.
pub fn targets(policy: &Value) -> String {
    let spec = &policy["spec"];
    let mut refs: Vec<String> = Vec::new();
    let mut push = |r: &Value| {
        if let Some(name) = r["name"].as_str() {
            let kind = r["kind"].as_str().unwrap_or("?").to_lowercase();
            refs.push(format!("{kind}/{name}"));
        }
    };
    if let Some(list) = spec["targetRefs"].as_array() {
        list.iter().for_each(&mut push);
    }
    if spec["targetRef"].is_object() {
        push(&spec["targetRef"]);
    }
    if let Some(selectors) = spec["targetSelectors"].as_array() {
        for s in selectors {
            let kind = s["kind"].as_str().unwrap_or("?").to_lowercase();
            refs.push(format!("{kind}/<selector>"));
        }
    }
    match refs.len() {
        0 => "<none>".into(),
        n if n > 3 => format!("{}, +{} more", refs[..3].join(", "), n - 3),
        _ => refs.join(", "),
    }
}

/// Whether an ancestor's `Accepted` condition is `True`.
fn ancestor_accepted(ancestor: &Value) -> bool {
    ancestor["conditions"].as_array().is_some_and(|cs| {
        cs.iter()
            .any(|c| c["type"] == "Accepted" && c["status"] == "True")
    })
}

/// `2/2`, `1/2`, or `Pending` before any controller has reported.
pub fn accepted(policy: &Value) -> String {
    match policy["status"]["ancestors"].as_array() {
        Some(list) if !list.is_empty() => {
            let ok = list.iter().filter(|a| ancestor_accepted(a)).count();
            format!("{ok}/{}", list.len())
        }
        _ => "Pending".into(),
    }
}

/// The lowest generation any ancestor condition has observed.
pub fn observed_generation(policy: &Value) -> Option<i64> {
    policy["status"]["ancestors"]
        .as_array()?
        .iter()
        .filter_map(|a| a["conditions"].as_array())
        .flatten()
        .filter_map(|c| c["observedGeneration"].as_i64())
        .min()
}

/// The spec's configured features (`loadBalancer,retry,timeout`), leaving out targeting.
pub fn features(policy: &Value) -> String {
    let Some(spec) = policy["spec"].as_object() else {
        return "<none>".into();
    };
    let names: Vec<&str> = spec
        .keys()
        .map(String::as_str)
        .filter(|k| !matches!(*k, "targetRef" | "targetRefs" | "targetSelectors"))
        .collect();
    if names.is_empty() {
        "<none>".into()
    } else {
        let mut names = names;
        names.sort_unstable();
        names.join(",")
    }
}

/// `a=b,c=d` sorted by key, or `<none>`.
pub fn labels_cell(labels: &Value) -> String {
    match labels.as_object() {
        Some(m) if !m.is_empty() => {
            let mut pairs: Vec<String> = m
                .iter()
                .map(|(k, v)| format!("{k}={}", v.as_str().unwrap_or("")))
                .collect();
            pairs.sort();
            pairs.join(",")
        }
        _ => "<none>".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn policy() -> Value {
        json!({"metadata": {"name": "p", "namespace": "default", "generation": 2,
                            "creationTimestamp": "2026-11-27T20:00:00Z", "labels": {"tier": "edge", "app": "web"}},
               "spec": {"targetRefs": [{"kind": "Gateway", "name": "edge"}, {"kind": "HTTPRoute", "name": "api"}],
                        "retry": {}, "loadBalancer": {}},
               "status": {"ancestors": [
                   {"conditions": [{"type": "Accepted", "status": "True", "observedGeneration": 2}]},
                   {"conditions": [{"type": "Accepted", "status": "False", "observedGeneration": 1}]}]}})
    }

    #[test]
    fn default_row() {
        let now = DateTime::parse_from_rfc3339("2026-11-27T20:03:02Z")
            .expect("time")
            .with_timezone(&Utc);
        let cols = Columns::default();
        assert_eq!(cols.headers(), ["NAME", "TARGETS", "ACCEPTED", "AGE"]);
        assert_eq!(
            cols.row(&policy(), now),
            ["p", "gateway/edge, httproute/api", "1/2", "3m2s"]
        );
    }

    #[test]
    fn wide_namespace_and_labels() {
        let now = Utc::now();
        let cols = Columns {
            wide: true,
            namespace: true,
            show_labels: true,
            label_columns: vec!["app.kubernetes.io/tier".into(), "app".into()],
        };
        let row = cols.row(&policy(), now);
        assert_eq!(
            cols.headers(),
            [
                "NAMESPACE",
                "NAME",
                "TARGETS",
                "ACCEPTED",
                "AGE",
                "GENERATION",
                "OBSERVED",
                "FEATURES",
                "TIER",
                "APP",
                "LABELS"
            ]
        );
        assert_eq!(
            row[5..],
            [
                "2",
                "1",
                "loadBalancer,retry",
                "",
                "web",
                "app=web,tier=edge"
            ]
        );
    }

    #[test]
    fn many_targets_and_pending() {
        let p = json!({"spec": {"targetRefs": [
            {"kind": "Gateway", "name": "a"}, {"kind": "Gateway", "name": "b"},
            {"kind": "Gateway", "name": "c"}, {"kind": "Gateway", "name": "d"}, {"kind": "Gateway", "name": "e"}]}});
        assert_eq!(targets(&p), "gateway/a, gateway/b, gateway/c, +2 more");
        assert_eq!(accepted(&p), "Pending");
    }
}
