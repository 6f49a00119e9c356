//! datumctl: a command-line client and local control plane for Datum Cloud's
//! BackendTrafficPolicy resource (`gateway.envoyproxy.io/v1alpha1`).

pub mod auth;
pub mod cli;
pub mod client;
pub mod cmd;
pub mod error;
pub mod layout;
pub mod manifest;
pub mod mcp;
pub mod patch;
pub mod print;
pub mod resource;
pub mod schema;
pub mod server;
pub mod usage;
pub mod validate;
pub mod version;
