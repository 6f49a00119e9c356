//! Talking to a project's API: config and contexts, where requests go and with which
//! credential, the HTTP client with retries and kubectl's error wording, apply's patch
//! computation, and the live OpenAPI. Knows no clap and no login: the command layer resolves
//! flags into `target::Overrides` and hands credentials in as a `credential::Credential`.

pub mod api;
pub mod config;
pub mod credential;
pub mod csa_upgrade;
pub mod discovery;
pub mod exec;
pub mod http;
pub mod kubeconfig;
pub mod openapi;
pub mod patch;
pub mod proxy;
pub mod status;
pub mod target;
pub mod tls;
