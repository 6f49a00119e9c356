//! One module per subcommand, each with a `run(args, ctx)`; `dispatch` picks the one to run.

pub mod api_resources;
pub mod apply;
mod apply_server_side;
pub mod auth;
pub mod can_i;
pub mod common;
pub mod complete_names;
pub mod completion;
pub mod config;
pub mod connect;
pub mod create;
pub mod delete;
pub mod describe;
pub mod diff;
pub mod edit;
pub mod explain;
pub mod get;
pub mod label;
pub mod login;
pub mod mcp;
pub mod objects;
pub mod patch;
pub mod replace;
pub mod serve;
pub mod update_kubeconfig;
pub mod validate;
pub mod version;
pub mod wait;

use crate::cli::{Cli, Command, GlobalArgs};
use crate::error::CmdResult;
use crate::print::Printer;

/// What every command gets besides its own arguments.
pub struct Context {
    pub global: GlobalArgs,
    pub printer: Printer,
}

pub fn dispatch(cli: Cli) -> CmdResult {
    let printer = Printer::new(cli.global.color, cli.global.error_format);
    let ctx = Context {
        global: cli.global,
        printer,
    };
    match cli.command {
        Command::Apply(args) => apply::run(&args, &ctx),
        Command::Get(args) => get::run(&args, &ctx),
        Command::Describe(args) => describe::run(&args, &ctx),
        Command::Explain(args) => explain::run(&args, &ctx),
        Command::Delete(args) => delete::run(&args, &ctx),
        Command::Diff(args) => diff::run(&args, &ctx),
        Command::Validate(args) => validate::run(&args, &ctx),
        Command::Serve(args) => serve::run(&args, &ctx),
        Command::Completion(args) => completion::run(&args, &ctx),
        Command::Config(args) => config::run(&args, &ctx),
        Command::Auth(args) => auth::run(&args, &ctx),
        Command::Login(args) => login::run(&args, &ctx),
        Command::Logout => login::logout(&ctx),
        Command::Mcp(args) => mcp::run(&args, &ctx),
        Command::Wait(args) => wait::run(&args, &ctx),
        Command::Edit(args) => edit::run(&args, &ctx),
        Command::Create(args) => create::run(&args, &ctx),
        Command::Replace(args) => replace::run(&args, &ctx),
        Command::Patch(args) => patch::run(&args, &ctx),
        Command::Label(args) => label::run(label::MetaMap::Labels, &args, &ctx),
        Command::Annotate(args) => label::run(label::MetaMap::Annotations, &args, &ctx),
        Command::ApiResources(args) => api_resources::run(&args, &ctx),
        Command::ApiVersions => api_resources::run_versions(&ctx),
        Command::Version(args) => version::run(&args, &ctx),
    }
}

/// The command-level error for a manifest that could not be read: an invalid manifest (syntax,
/// empty, binary) exits 1, missing or unreadable input exits 2.
pub fn manifest_error(e: crate::manifest::ManifestError) -> crate::error::CliError {
    manifest_error_ref(&e)
}

/// [`manifest_error`] of a borrowed error.
pub fn manifest_error_ref(e: &crate::manifest::ManifestError) -> crate::error::CliError {
    use crate::error::{CliError, ErrorKind};
    let kind = if e.is_content() {
        ErrorKind::Invalid
    } else {
        ErrorKind::Usage
    };
    let reason = e.reason();
    let mut error = CliError::new(kind, anyhow::anyhow!(e.to_string())).reason(reason);
    if let Some(file) = e.path() {
        error = error.detail("file", file);
    }
    if let Some(at) = e.position() {
        error = error.detail("line", at.line).detail("column", at.column);
    }
    error
}
