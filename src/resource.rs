//! The facts of the one resource datumctl manages, and how users may name it.

pub const GROUP: &str = "gateway.envoyproxy.io";
pub const VERSION: &str = "v1alpha1";
pub const API_VERSION: &str = "gateway.envoyproxy.io/v1alpha1";
pub const KIND: &str = "BackendTrafficPolicy";
pub const LIST_KIND: &str = "BackendTrafficPolicyList";
pub const PLURAL: &str = "backendtrafficpolicies";
pub const SINGULAR: &str = "backendtrafficpolicy";
pub const SHORT_NAME: &str = "btp";

/// kubectl's note for an empty list: `No resources found in NS namespace.`, or
/// `No resources found` across all namespaces (`scope` None).
pub fn no_resources_found(scope: Option<&str>) -> String {
    match scope {
        Some(ns) => format!("No resources found in {ns} namespace."),
        None => "No resources found".to_string(),
    }
}

/// Metadata the server assigns at create and keeps: a write cannot change it.
pub const SERVER_ASSIGNED_METADATA: [&str; 3] = ["uid", "creationTimestamp", "generation"];

/// All the metadata the server owns: what it assigns, and what it rewrites on every write.
/// Left out of what diff compares and of what a server-side apply contributes.
pub const SERVER_OWNED_METADATA: [&str; 5] = [
    "managedFields",
    "resourceVersion",
    "uid",
    "creationTimestamp",
    "generation",
];

/// Removes the server-owned metadata from `object`.
pub fn strip_server_metadata(object: &mut serde_json::Value) {
    if let Some(meta) = object
        .get_mut("metadata")
        .and_then(serde_json::Value::as_object_mut)
    {
        for field in SERVER_OWNED_METADATA {
            meta.remove(field);
        }
    }
}

/// The `type` of a watch event, as the server writes it and the client reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WatchEventType {
    Added,
    Modified,
    Deleted,
    Bookmark,
    Error,
}

impl WatchEventType {
    pub const fn as_str(self) -> &'static str {
        match self {
            WatchEventType::Added => "ADDED",
            WatchEventType::Modified => "MODIFIED",
            WatchEventType::Deleted => "DELETED",
            WatchEventType::Bookmark => "BOOKMARK",
            WatchEventType::Error => "ERROR",
        }
    }

    /// The type of a decoded watch event (`{"type": …, "object": …}`); `None` for one we do
    /// not know.
    pub fn of(event: &serde_json::Value) -> Option<Self> {
        let kind = event["type"].as_str()?;
        [
            WatchEventType::Added,
            WatchEventType::Modified,
            WatchEventType::Deleted,
            WatchEventType::Bookmark,
            WatchEventType::Error,
        ]
        .into_iter()
        .find(|t| t.as_str() == kind)
    }
}

/// The names accepted wherever the resource is named, each also with a `.gateway.envoyproxy.io` suffix.
pub const ACCEPTED_NAMES: [&str; 3] = [PLURAL, SINGULAR, SHORT_NAME];

/// Whether `name` names this resource (`btp`, `backendtrafficpolicies.gateway.envoyproxy.io`, …).
/// Kubernetes resource names are case-insensitive on the command line.
pub fn is_resource_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let base = lower
        .strip_suffix(".gateway.envoyproxy.io")
        .unwrap_or(&lower);
    let base = base.strip_suffix(".v1alpha1").unwrap_or(base);
    ACCEPTED_NAMES.contains(&base)
}

/// Splits an explain argument (`btp.spec.retry`) into the resource name and the field path.
/// The group suffix is recognised so `backendtrafficpolicies.gateway.envoyproxy.io.spec` works too.
pub fn split_explain_path(arg: &str) -> Option<Vec<&str>> {
    let (resource, rest) = match arg.split_once('.') {
        Some((r, rest)) => (r, rest),
        None => (arg, ""),
    };
    if !is_resource_name(resource) {
        return None;
    }
    let rest = rest
        .strip_prefix("gateway.envoyproxy.io")
        .map(|r| r.trim_start_matches('.'))
        .unwrap_or(rest);
    Some(rest.split('.').filter(|s| !s.is_empty()).collect())
}

/// The qualified name kubectl prints in results: `backendtrafficpolicy.gateway.envoyproxy.io/NAME`.
pub fn qualified_name(name: &str) -> String {
    format!("{SINGULAR}.{GROUP}/{name}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_the_server_assigns_it_owns() {
        for field in SERVER_ASSIGNED_METADATA {
            assert!(SERVER_OWNED_METADATA.contains(&field), "{field}");
        }
        let mut o = serde_json::json!({"metadata": {"name": "a", "uid": "u", "managedFields": []}});
        strip_server_metadata(&mut o);
        assert_eq!(o, serde_json::json!({"metadata": {"name": "a"}}));
    }

    #[test]
    fn accepts_every_alias_with_and_without_group() {
        for n in [
            "backendtrafficpolicies",
            "backendtrafficpolicy",
            "btp",
            "BTP",
            "btp.gateway.envoyproxy.io",
        ] {
            assert!(is_resource_name(n), "{n}");
        }
        assert!(!is_resource_name("pods"));
        assert!(!is_resource_name("btp.example.com"));
    }

    #[test]
    fn splits_explain_paths() {
        assert_eq!(
            split_explain_path("btp.spec.retry"),
            Some(vec!["spec", "retry"])
        );
        assert_eq!(split_explain_path("backendtrafficpolicies"), Some(vec![]));
        assert_eq!(
            split_explain_path("backendtrafficpolicies.gateway.envoyproxy.io.spec"),
            Some(vec!["spec"])
        );
        assert_eq!(split_explain_path("pods.spec"), None);
    }
}
