//! datumctl: a command-line client and local control plane for Datum Cloud's
//! BackendTrafficPolicy resource (`gateway.envoyproxy.io/v1alpha1`).
//!
//! Where things live (data flows one way: cli -> cmd -> manifest/validate -> client -> print):
//! - `cli` the clap definitions only; `usage` rewrites and checks arguments before and after clap;
//!   `main.rs` parses, builds the one async runtime of the process, dispatches (network commands
//!   are `async fn run`), prints the error and exits with its code (`error`).
//! - `cmd` one module per verb; `cmd::connect` resolves flags, env, context and kubeconfig into a
//!   `client::target::Target`; `cmd::objects` reads `TYPE NAME`, `TYPE/NAME` and `-f`.
//! - `manifest` reads files, directories and stdin with source positions; `validate` checks an
//!   object as kube-apiserver 1.37 does (schema, defaults, CEL, Datum's profile); `schema` is
//!   the embedded CRD model behind validation, `explain` and the served OpenAPI.
//! - `client` talks HTTP to a target (TLS, proxies, credentials, retries, paging, watch) and knows
//!   no clap and no login; `auth` is `datumctl login` and the token store.
//! - `print` owns all output formats, colour and tables; `resource`, `layout` and `patch` hold
//!   the rules both the client and `server` (the local control plane) need; `mcp` serves the
//!   tools to AI agents.

#![deny(clippy::print_stdout, clippy::print_stderr)]

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
