//! What the server says it serves: API groups, their versions and resources, read as client-go
//! reads them (aggregated discovery v2 when the server offers it, else `/api`, `/apis` and one
//! resource list per group version), and resource names resolved against them as kubectl's
//! REST mapper resolves `btp` or `backendtrafficpolicies.gateway.envoyproxy.io`.

use super::http::{ApiClient, ApiRequest};
use super::status::ClientError;
use reqwest::Method;
use serde_json::Value;

/// What client-go asks for first; a server without aggregated discovery answers plain JSON.
const AGGREGATED_ACCEPT: &str = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";

/// One resource of one group version (subresources are left out, as `api-resources` does).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiResource {
    pub name: String,
    pub singular_name: String,
    pub namespaced: bool,
    pub group: String,
    pub version: String,
    pub kind: String,
    pub verbs: Vec<String>,
    pub short_names: Vec<String>,
    pub categories: Vec<String>,
}

impl ApiResource {
    /// `group/version`, or `version` for the core group.
    pub fn group_version(&self) -> String {
        join_group_version(&self.group, &self.version)
    }
}

/// An API group and its versions, the preferred first.
#[derive(Debug, Clone, Default)]
pub struct ApiGroup {
    pub name: String,
    pub versions: Vec<String>,
    /// Resources per version, in the order of `versions`.
    pub resources: Vec<Vec<ApiResource>>,
}

fn join_group_version(group: &str, version: &str) -> String {
    if group.is_empty() {
        version.to_string()
    } else {
        format!("{group}/{version}")
    }
}

/// The strings of a JSON array (anything else: none).
pub(crate) fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

fn is_aggregated(v: &Value) -> bool {
    v["kind"] == "APIGroupDiscoveryList"
}

/// Groups of an aggregated `APIGroupDiscoveryList`.
fn aggregated_groups(list: &Value) -> Vec<ApiGroup> {
    let mut groups = Vec::new();
    for item in list["items"].as_array().into_iter().flatten() {
        let name = item["metadata"]["name"].as_str().unwrap_or("").to_string();
        let mut group = ApiGroup {
            name: name.clone(),
            ..Default::default()
        };
        for version in item["versions"].as_array().into_iter().flatten() {
            let v = version["version"].as_str().unwrap_or("").to_string();
            let resources = version["resources"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|r| ApiResource {
                    name: r["resource"].as_str().unwrap_or("").to_string(),
                    singular_name: r["singularResource"].as_str().unwrap_or("").to_string(),
                    namespaced: r["scope"] == "Namespaced",
                    group: name.clone(),
                    version: v.clone(),
                    kind: r["responseKind"]["kind"].as_str().unwrap_or("").to_string(),
                    verbs: strings(&r["verbs"]),
                    short_names: strings(&r["shortNames"]),
                    categories: strings(&r["categories"]),
                })
                .collect();
            group.versions.push(v);
            group.resources.push(resources);
        }
        groups.push(group);
    }
    groups
}

/// Resources of a legacy `APIResourceList`, without subresources.
fn legacy_resources(list: &Value, group: &str, version: &str) -> Vec<ApiResource> {
    list["resources"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|r| r["name"].as_str().is_some_and(|n| !n.contains('/')))
        .map(|r| ApiResource {
            name: r["name"].as_str().unwrap_or("").to_string(),
            singular_name: r["singularName"].as_str().unwrap_or("").to_string(),
            namespaced: r["namespaced"].as_bool().unwrap_or(false),
            group: group.to_string(),
            version: version.to_string(),
            kind: r["kind"].as_str().unwrap_or("").to_string(),
            verbs: strings(&r["verbs"]),
            short_names: strings(&r["shortNames"]),
            categories: strings(&r["categories"]),
        })
        .collect()
}

impl ApiClient {
    async fn discovery_document(&self, path: &str) -> Result<Value, ClientError> {
        let url = format!("{}{path}", self.target.base);
        self.send_json(&ApiRequest::new(Method::GET, url).accept(AGGREGATED_ACCEPT))
            .await
    }

    async fn legacy_list(&self, path: &str) -> Result<Value, ClientError> {
        let url = format!("{}{path}", self.target.base);
        self.send_json(&ApiRequest::new(Method::GET, url)).await
    }

    /// The server's groups (the core group first, as named by `/api`), with their resources
    /// when `with_resources` (the legacy protocol needs one more request per group version).
    pub async fn api_groups(&self, with_resources: bool) -> Result<Vec<ApiGroup>, ClientError> {
        let mut groups = Vec::new();
        let core = self.discovery_document("/api").await?;
        if is_aggregated(&core) {
            groups.extend(aggregated_groups(&core));
        } else {
            let versions = strings(&core["versions"]);
            if !versions.is_empty() {
                groups.push(ApiGroup {
                    name: String::new(),
                    versions,
                    resources: Vec::new(),
                });
            }
        }
        let named = self.discovery_document("/apis").await?;
        let legacy = !is_aggregated(&named);
        if legacy {
            for g in named["groups"].as_array().into_iter().flatten() {
                let mut versions: Vec<String> = g["versions"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|v| v["version"].as_str().map(String::from))
                    .collect();
                // The preferred version first, as aggregated discovery orders them.
                if let Some(pref) = g["preferredVersion"]["version"].as_str()
                    && let Some(i) = versions.iter().position(|v| v == pref)
                {
                    let p = versions.remove(i);
                    versions.insert(0, p);
                }
                groups.push(ApiGroup {
                    name: g["name"].as_str().unwrap_or("").to_string(),
                    versions,
                    resources: Vec::new(),
                });
            }
        } else {
            groups.extend(aggregated_groups(&named));
        }
        if with_resources {
            for group in &mut groups {
                if group.resources.len() == group.versions.len() {
                    continue;
                }
                group.resources.clear();
                for version in &group.versions {
                    let path = if group.name.is_empty() {
                        format!("/api/{version}")
                    } else {
                        format!("/apis/{}/{version}", group.name)
                    };
                    let list = self.legacy_list(&path).await?;
                    group
                        .resources
                        .push(legacy_resources(&list, &group.name, version));
                }
            }
        }
        Ok(groups)
    }

    /// Every resource, each from its group's preferred version (a resource only served in an
    /// older version is taken from there), as client-go's `ServerPreferredResources`.
    pub async fn preferred_resources(&self) -> Result<Vec<ApiResource>, ClientError> {
        Ok(preferred(&self.api_groups(true).await?))
    }
}

/// The resources of `groups`, each name once per group, from the most preferred version.
pub fn preferred(groups: &[ApiGroup]) -> Vec<ApiResource> {
    let mut out: Vec<ApiResource> = Vec::new();
    for group in groups {
        let start = out.len();
        for resources in &group.resources {
            for r in resources {
                if !out[start..].iter().any(|o| o.name == r.name) {
                    out.push(r.clone());
                }
            }
        }
    }
    out
}

/// kubectl's `schema.ParseResourceArg` and REST mapping of a resource argument
/// (`btp`, `backendtrafficpolicies.gateway.envoyproxy.io`, `btp.v1alpha1.gateway.envoyproxy.io`)
/// against the server's resources. `None` when no resource matches.
pub fn resolve<'a>(resources: &'a [ApiResource], arg: &str) -> Option<&'a ApiResource> {
    let arg = arg.to_ascii_lowercase();
    let matches = |r: &ApiResource, name: &str| {
        r.name == name
            || r.singular_name == name
            || r.short_names.iter().any(|s| s == name)
            || (r.singular_name.is_empty() && r.kind.to_ascii_lowercase() == name)
    };
    // `resource.version.group` first, then `resource.group` (the group may hold dots).
    if let Some((name, rest)) = arg.split_once('.')
        && let Some((version, group)) = rest.split_once('.')
        && let Some(found) = resources
            .iter()
            .find(|r| matches(r, name) && r.version == version && r.group == group)
    {
        return Some(found);
    }
    let (name, group) = match arg.split_once('.') {
        Some((n, g)) => (n, Some(g)),
        None => (arg.as_str(), None),
    };
    resources
        .iter()
        .find(|r| matches(r, name) && group.is_none_or(|g| r.group == g))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn aggregated() -> Value {
        json!({"kind": "APIGroupDiscoveryList", "items": [{
            "metadata": {"name": "gateway.envoyproxy.io"},
            "versions": [{"version": "v1alpha1", "resources": [{
                "resource": "backendtrafficpolicies", "singularResource": "backendtrafficpolicy",
                "scope": "Namespaced", "responseKind": {"kind": "BackendTrafficPolicy"},
                "verbs": ["get", "list"], "shortNames": ["btp"], "categories": ["envoy-gateway"]
            }]}]
        }]})
    }

    #[test]
    fn aggregated_groups_carry_their_resources() {
        let groups = aggregated_groups(&aggregated());
        let all = preferred(&groups);
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].group_version(), "gateway.envoyproxy.io/v1alpha1");
        assert!(all[0].namespaced);
        assert_eq!(all[0].short_names, ["btp"]);
    }

    #[test]
    fn names_resolve_as_kubectl_maps_them() {
        let all = preferred(&aggregated_groups(&aggregated()));
        for arg in [
            "btp",
            "BTP",
            "backendtrafficpolicy",
            "backendtrafficpolicies.gateway.envoyproxy.io",
            "btp.v1alpha1.gateway.envoyproxy.io",
        ] {
            assert!(resolve(&all, arg).is_some(), "{arg}");
        }
        for arg in ["pods", "btp.apps", "btp.v1.gateway.envoyproxy.io.x"] {
            assert!(resolve(&all, arg).is_none(), "{arg}");
        }
    }

    #[test]
    fn legacy_lists_drop_subresources() {
        let list = json!({"resources": [
            {"name": "backendtrafficpolicies", "namespaced": true, "kind": "BackendTrafficPolicy", "verbs": ["get"]},
            {"name": "backendtrafficpolicies/status", "namespaced": true, "kind": "BackendTrafficPolicy", "verbs": ["get"]}
        ]});
        let r = legacy_resources(&list, "gateway.envoyproxy.io", "v1alpha1");
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].name, "backendtrafficpolicies");
    }
}
