//! The built-in status writer: plays the Envoy Gateway controller, so that after each spec
//! change `status.ancestors` holds one Accepted entry per target, as `describe` expects.

use super::managed::{self, Scope};
use super::object;
use super::store::{EventType, Key, Store, Stored, Write};
use crate::resource::API_VERSION;
use serde_json::{Value, json};
use std::sync::Arc;
use tokio::sync::broadcast::error::RecvError;

pub const CONTROLLER: &str = "gateway.envoyproxy.io/gatewayclass-controller";
const MANAGER: &str = "envoy-gateway";
/// `status.ancestors` holds at most this many entries (the CRD's maxItems).
const MAX_ANCESTORS: usize = 16;

fn targets(object: &Value) -> Vec<&Value> {
    let spec = &object["spec"];
    let mut out: Vec<&Value> = spec["targetRefs"]
        .as_array()
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    if let Some(single) = spec.get("targetRef").filter(|t| t.is_object()) {
        out.push(single);
    }
    out
}

fn ancestor_ref(target: &Value, namespace: &str) -> Value {
    let mut r = json!({
        "group": target["group"].as_str().unwrap_or("gateway.networking.k8s.io"),
        "kind": target["kind"],
        "name": target["name"],
        "namespace": namespace,
    });
    if let Some(section) = target.get("sectionName").filter(|s| s.is_string()) {
        r["sectionName"] = section.clone();
    }
    r
}

/// The status the controller would write; `lastTransitionTime` kept where nothing changed.
pub fn desired_status(object: &Value, now: &str) -> Value {
    let namespace = object["metadata"]["namespace"]
        .as_str()
        .unwrap_or("default");
    let generation = object["metadata"]["generation"].as_i64().unwrap_or(1);
    let previous = object["status"]["ancestors"].as_array();
    let ancestors: Vec<Value> = targets(object)
        .into_iter()
        .take(MAX_ANCESTORS)
        .map(|t| {
            let reference = ancestor_ref(t, namespace);
            let since = previous
                .and_then(|p| p.iter().find(|a| a["ancestorRef"] == reference))
                .and_then(|a| {
                    a["conditions"]
                        .as_array()?
                        .iter()
                        .find(|c| c["type"] == "Accepted" && c["status"] == "True")
                })
                .and_then(|c| c["lastTransitionTime"].as_str())
                .unwrap_or(now)
                .to_string();
            json!({
                "ancestorRef": reference,
                "conditions": [{
                    "lastTransitionTime": since,
                    "message": "Policy has been accepted.",
                    "observedGeneration": generation,
                    "reason": "Accepted",
                    "status": "True",
                    "type": "Accepted",
                }],
                "controllerName": CONTROLLER,
            })
        })
        .collect();
    json!({ "ancestors": ancestors })
}

async fn reconcile(store: &Store, key: Key, stored: Arc<Stored>) {
    let desired = desired_status(&stored.object, &object::now());
    if stored.object.get("status") == Some(&desired) {
        return;
    }
    let mut new = stored.object.clone();
    new["status"] = desired;
    managed::record_update(
        Some(&stored.object),
        &mut new,
        MANAGER,
        Scope::Status,
        API_VERSION,
        &object::now(),
    );
    // A conflict means a newer version exists; its own event brings us back here.
    let _ = store
        .write(Write::Update {
            key,
            expected_rv: stored.rv,
            object: new,
        })
        .await;
}

/// Runs until the store's event channel closes or the task is aborted.
pub fn spawn(store: Store) -> tokio::task::JoinHandle<()> {
    let mut events = store.subscribe();
    tokio::spawn(async move {
        loop {
            match events.recv().await {
                Ok(ev) if ev.kind != EventType::Deleted => {
                    reconcile(&store, ev.key.clone(), Arc::clone(&ev.stored)).await;
                }
                Ok(_) => {}
                Err(RecvError::Lagged(_)) => {
                    // Missed events: look at every object once.
                    let all: Vec<(Key, Arc<Stored>)> = store
                        .read()
                        .objects
                        .iter()
                        .map(|(k, v)| (k.clone(), Arc::clone(v)))
                        .collect();
                    for (key, stored) in all {
                        reconcile(&store, key, stored).await;
                    }
                }
                Err(RecvError::Closed) => return,
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_accepted_ancestor_per_target() {
        let o = json!({
            "metadata": {"namespace": "default", "generation": 2},
            "spec": {"targetRefs": [
                {"group": "gateway.networking.k8s.io", "kind": "HTTPRoute", "name": "r"},
                {"group": "gateway.networking.k8s.io", "kind": "Gateway", "name": "eg", "sectionName": "http"}
            ]}
        });
        let s = desired_status(&o, "T");
        let a = s["ancestors"].as_array().expect("ancestors");
        assert_eq!(a.len(), 2);
        assert_eq!(a[0]["ancestorRef"]["kind"], "HTTPRoute");
        assert_eq!(a[1]["ancestorRef"]["sectionName"], "http");
        assert_eq!(a[0]["conditions"][0]["observedGeneration"], 2);
        assert_eq!(a[0]["controllerName"], CONTROLLER);
        let mut later = o.clone();
        later["status"] = s;
        let again = desired_status(&later, "LATER");
        assert_eq!(
            again["ancestors"][0]["conditions"][0]["lastTransitionTime"],
            "T"
        );
    }
}
