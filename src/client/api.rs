//! The operations on BackendTrafficPolicies, as requests on a project's control plane: get,
//! list pages, create, patch, delete, events, watch.

use super::http::{ApiClient, ApiRequest};
use super::status::ClientError;
use crate::print::quote::go_quote;
use crate::resource;
use crate::validate::FieldValidation;
use reqwest::Method;
use serde_json::Value;

pub const MERGE_PATCH: &str = "application/merge-patch+json";
pub const APPLY_PATCH: &str = "application/apply-patch+yaml";
pub const JSON_PATCH: &str = "application/json-patch+json";
pub const JSON: &str = "application/json";

/// Options shared by writes.
#[derive(Debug, Clone, Default)]
pub struct WriteOptions {
    pub server_dry_run: bool,
    pub field_manager: Option<String>,
    pub force: bool,
    /// What the server does with unknown or duplicate fields (its default when `None`).
    pub field_validation: Option<FieldValidation>,
}

/// How one object is deleted.
#[derive(Debug, Clone, Copy, Default)]
pub struct DeleteOptions {
    /// `--dry-run=server`: the server checks the deletion and keeps the object.
    pub server_dry_run: bool,
    /// Seconds, sent in the DeleteOptions body as kubectl sends `--grace-period`/`--now`.
    pub grace_period: Option<i64>,
}

impl WriteOptions {
    fn decorate(&self, mut req: ApiRequest) -> ApiRequest {
        if self.server_dry_run {
            req = req.query("dryRun", "All");
        }
        if let Some(fm) = &self.field_manager {
            req = req.query("fieldManager", fm.clone());
        }
        if self.force {
            req = req.query("force", "true");
        }
        if let Some(v) = self.field_validation {
            req = req.query("fieldValidation", v.as_param());
        }
        req
    }
}

/// The page size kubectl lists with (`--chunk-size` 500).
pub const PAGE_SIZE: u32 = 500;

/// Selectors and paging for lists.
#[derive(Debug, Clone, Default)]
pub struct ListOptions {
    pub label_selector: Option<String>,
    pub field_selector: Option<String>,
    pub limit: Option<u32>,
    pub continue_token: Option<String>,
}

impl ListOptions {
    /// Moves on to the page after `page` (a List the server answered); false after the last.
    pub fn next_page(&mut self, page: &Value) -> bool {
        match page["metadata"]["continue"]
            .as_str()
            .filter(|c| !c.is_empty())
        {
            Some(c) => {
                self.continue_token = Some(c.to_string());
                true
            }
            None => false,
        }
    }

    /// A list the server refused as a bad request or not found, worded as kubectl's resource
    /// builder words it: the resource and the selectors are named before the server's message.
    fn name_the_selection(&self, e: ClientError) -> ClientError {
        let ClientError::Status(mut status) = e else {
            return e;
        };
        if !matches!(
            (status.reason.as_str(), status.code),
            ("BadRequest" | "NotFound", _) | ("" | "Unknown", 400 | 404)
        ) {
            return ClientError::Status(status);
        }
        let resource = go_quote(&format!(
            "{}, Resource={}",
            resource::API_VERSION,
            resource::PLURAL
        ));
        let label = self.label_selector.as_deref().unwrap_or("");
        let field = self.field_selector.as_deref().unwrap_or("");
        status.message = if label.is_empty() && field.is_empty() {
            format!("Unable to list {resource}: {}", status.message)
        } else {
            format!(
                "Unable to find {resource} that match label selector {}, field selector {}: {}",
                go_quote(label),
                go_quote(field),
                status.message
            )
        };
        ClientError::Status(status)
    }

    fn decorate(&self, mut req: ApiRequest) -> ApiRequest {
        if let Some(l) = &self.label_selector {
            req = req.query("labelSelector", l.clone());
        }
        if let Some(f) = &self.field_selector {
            req = req.query("fieldSelector", f.clone());
        }
        if let Some(limit) = self.limit.filter(|l| *l > 0) {
            req = req.query("limit", limit.to_string());
        }
        if let Some(c) = &self.continue_token {
            req = req.query("continue", c.clone());
        }
        req
    }
}

/// A request body as Go's `json.Marshal` writes the maps kubectl sends (keys sorted): the same
/// object goes over the wire as the same bytes from either tool.
fn body_of(v: &Value) -> Vec<u8> {
    crate::print::json::to_json_compact(v).into_bytes()
}

impl ApiClient {
    pub async fn get_policy(&self, namespace: &str, name: &str) -> Result<Value, ClientError> {
        ClientError::check_name(name)?;
        let url = self.target.object_url(namespace, name);
        self.send_json(&ApiRequest::new(Method::GET, url)).await
    }

    /// One page of a list; `namespace` `None` lists across all namespaces.
    pub async fn list_page(
        &self,
        namespace: Option<&str>,
        options: &ListOptions,
    ) -> Result<Value, ClientError> {
        let url = self.target.collection_url(namespace);
        let req = options.decorate(ApiRequest::new(Method::GET, url));
        self.send_json(&req)
            .await
            .map_err(|e| options.name_the_selection(e))
    }

    /// Every page of a list, items concatenated; the last page's metadata is kept.
    pub async fn list_all(
        &self,
        namespace: Option<&str>,
        options: &ListOptions,
    ) -> Result<(Vec<Value>, Value), ClientError> {
        let mut options = options.clone();
        let mut items = Vec::new();
        loop {
            let mut page = self.list_page(namespace, &options).await?;
            if let Some(Value::Array(list)) = page.get_mut("items").map(Value::take) {
                items.extend(list);
            }
            if !options.next_page(&page) {
                return Ok((items, page["metadata"].clone()));
            }
        }
    }

    pub async fn create_policy(
        &self,
        namespace: &str,
        object: &Value,
        options: &WriteOptions,
    ) -> Result<Value, ClientError> {
        let url = self.target.collection_url(Some(namespace));
        let req =
            options.decorate(ApiRequest::new(Method::POST, url).json_body(JSON, body_of(object)));
        self.send_json(&req).await
    }

    /// PUT: the object replaces the stored one (conditional on `metadata.resourceVersion` when
    /// the object carries one).
    pub async fn replace_policy(
        &self,
        namespace: &str,
        name: &str,
        object: &Value,
        options: &WriteOptions,
    ) -> Result<Value, ClientError> {
        ClientError::check_name(name)?;
        let url = self.target.object_url(namespace, name);
        let req =
            options.decorate(ApiRequest::new(Method::PUT, url).json_body(JSON, body_of(object)));
        self.send_json(&req).await
    }

    pub async fn patch_policy(
        &self,
        namespace: &str,
        name: &str,
        content_type: &'static str,
        patch: &Value,
        options: &WriteOptions,
    ) -> Result<Value, ClientError> {
        ClientError::check_name(name)?;
        let url = self.target.object_url(namespace, name);
        let req = options
            .decorate(ApiRequest::new(Method::PATCH, url).json_body(content_type, body_of(patch)));
        self.send_json(&req).await
    }

    /// A patch sent as the bytes given (a patch that is not JSON still reaches the server, which
    /// says what is wrong with it, as it does for kubectl).
    pub async fn patch_policy_bytes(
        &self,
        namespace: &str,
        name: &str,
        content_type: &'static str,
        patch: Vec<u8>,
        options: &WriteOptions,
    ) -> Result<Value, ClientError> {
        ClientError::check_name(name)?;
        let url = self.target.object_url(namespace, name);
        let req =
            options.decorate(ApiRequest::new(Method::PATCH, url).json_body(content_type, patch));
        self.send_json(&req).await
    }

    /// Deletes one object, as `options` say.
    pub async fn delete_policy(
        &self,
        namespace: &str,
        name: &str,
        options: &DeleteOptions,
    ) -> Result<Value, ClientError> {
        let DeleteOptions {
            server_dry_run,
            grace_period,
        } = *options;
        ClientError::check_name(name)?;
        let url = self.target.object_url(namespace, name);
        let mut req = ApiRequest::new(Method::DELETE, url);
        if server_dry_run {
            req = req.query("dryRun", "All");
        }
        if let Some(seconds) = grace_period {
            let options = serde_json::json!({
                "kind": "DeleteOptions",
                "apiVersion": "v1",
                "gracePeriodSeconds": seconds,
            });
            req = req.json_body(JSON, body_of(&options));
        }
        self.send_json(&req).await
    }

    /// Events about one object; `None` when the server has no events API.
    pub async fn events_for(
        &self,
        namespace: &str,
        name: &str,
        uid: Option<&str>,
    ) -> Result<Option<Vec<Value>>, ClientError> {
        let mut selector = format!(
            "involvedObject.name={name},involvedObject.namespace={namespace},involvedObject.kind={}",
            crate::resource::KIND
        );
        if let Some(uid) = uid {
            selector.push_str(&format!(",involvedObject.uid={uid}"));
        }
        let req = ApiRequest::new(Method::GET, self.target.events_url(namespace))
            .query("fieldSelector", selector);
        match self.send_json(&req).await {
            Ok(list) => Ok(Some(list["items"].as_array().cloned().unwrap_or_default())),
            Err(e) if e.status().is_some_and(|s| matches!(s.code, 403..=405)) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Opens a watch from `resource_version`; read it with `WatchStream`.
    pub async fn watch(
        &self,
        namespace: Option<&str>,
        options: &ListOptions,
        resource_version: Option<&str>,
    ) -> Result<WatchStream, ClientError> {
        let url = self.target.collection_url(namespace);
        let mut req = ApiRequest::new(Method::GET, url)
            .query("watch", "true")
            .query("allowWatchBookmarks", "true");
        if let Some(rv) = resource_version {
            req = req.query("resourceVersion", rv.to_string());
        }
        // Like client-go's reflectors, ask the server to end the stream now and then; the
        // caller resumes from the last version it saw.
        req = req.query("timeoutSeconds", watch_timeout_seconds().to_string());
        let mut req = ListOptions {
            limit: None,
            continue_token: None,
            ..options.clone()
        }
        .decorate(req);
        req.streaming = true;
        let resp = self.send(&req).await?;
        Ok(WatchStream {
            resp,
            buffer: Vec::new(),
            url: req.url,
        })
    }
}

/// How long one watch request lasts: 5 to 10 minutes, or `DATUMCTL_WATCH_TIMEOUT_SECONDS`
/// (tests use it to exercise resuming).
fn watch_timeout_seconds() -> u64 {
    std::env::var("DATUMCTL_WATCH_TIMEOUT_SECONDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|v| *v > 0)
        .unwrap_or_else(|| 300 + fastrand::u64(..300))
}

/// Newline-delimited watch events from an open response.
pub struct WatchStream {
    resp: reqwest::Response,
    buffer: Vec<u8>,
    url: String,
}

impl WatchStream {
    /// The next event (`{"type": …, "object": …}`), or `None` when the server closed the stream.
    pub async fn next_event(&mut self) -> Result<Option<Value>, ClientError> {
        loop {
            if let Some(pos) = self.buffer.iter().position(|b| *b == b'\n') {
                let line: Vec<u8> = self.buffer.drain(..=pos).collect();
                let trimmed = line.trim_ascii();
                if trimmed.is_empty() {
                    continue;
                }
                return serde_json::from_slice(trimmed)
                    .map(Some)
                    .map_err(|e| ClientError::Decode(format!("watch event: {e}")));
            }
            match self.resp.chunk().await {
                Ok(Some(chunk)) => self.buffer.extend_from_slice(&chunk),
                Ok(None) => {
                    let rest = std::mem::take(&mut self.buffer);
                    let trimmed = rest.trim_ascii();
                    if trimmed.is_empty() {
                        return Ok(None);
                    }
                    return serde_json::from_slice(trimmed)
                        .map(Some)
                        .map_err(|e| ClientError::Decode(format!("watch event: {e}")));
                }
                Err(e) => return Err(ClientError::from_transport(e, &self.url)),
            }
        }
    }
}
