//! Talking to a project's API: config and contexts, where requests go, the HTTP client with
//! retries and kubectl's error wording, apply's patch computation, and the live OpenAPI.

pub mod config;
pub mod kubeconfig;
pub mod target;
