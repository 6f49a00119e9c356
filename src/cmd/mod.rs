//! One module per subcommand, each with a `run(args, ctx)`; `dispatch` picks the one to run.

pub mod api_resources;
pub mod apply;
pub mod auth;
pub mod can_i;
pub mod complete_names;
pub mod completion;
pub mod config;
pub mod connect;
pub mod delete;
pub mod describe;
pub mod diff;
pub mod explain;
pub mod get;
pub mod login;
pub mod objects;
pub mod serve;
pub mod update_kubeconfig;
pub mod validate;
pub mod version;

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
        Command::ApiResources(args) => api_resources::run(&args, &ctx),
        Command::ApiVersions => api_resources::run_versions(&ctx),
        Command::Version(args) => version::run(&args, &ctx),
    }
}
