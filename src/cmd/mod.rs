//! One module per subcommand, each with a `run(args, ctx)`; `dispatch` picks the one to run.
//! Commands that may talk to a server are `async fn run`, awaited on the one runtime `main`
//! builds; the offline ones (validate, completion, config, logout) stay synchronous.

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

pub async fn dispatch(cli: Cli) -> CmdResult {
    let printer = Printer::new(cli.global.color, cli.global.error_format);
    let ctx = Context {
        global: cli.global,
        printer,
    };
    match cli.command {
        Command::Apply(args) => apply::run(&args, &ctx).await,
        Command::Get(args) => get::run(&args, &ctx).await,
        Command::Describe(args) => describe::run(&args, &ctx).await,
        Command::Explain(args) => explain::run(&args, &ctx).await,
        Command::Delete(args) => delete::run(&args, &ctx).await,
        Command::Diff(args) => diff::run(&args, &ctx).await,
        Command::Validate(args) => validate::run(&args, &ctx),
        Command::Serve(args) => serve::run(&args, &ctx).await,
        Command::Completion(args) => completion::run(&args, &ctx),
        Command::Config(args) => config::run(&args, &ctx),
        Command::Auth(args) => auth::run(&args, &ctx).await,
        Command::Login(args) => login::run(&args, &ctx).await,
        Command::Logout => login::logout(&ctx),
        Command::Mcp(args) => mcp::run(&args, &ctx).await,
        Command::Wait(args) => wait::run(&args, &ctx).await,
        Command::Edit(args) => edit::run(&args, &ctx).await,
        Command::Create(args) => create::run(&args, &ctx).await,
        Command::Replace(args) => replace::run(&args, &ctx).await,
        Command::Patch(args) => patch::run(&args, &ctx).await,
        Command::Label(args) => label::run(label::MetaMap::Labels, &args, &ctx).await,
        Command::Annotate(args) => label::run(label::MetaMap::Annotations, &args, &ctx).await,
        Command::ApiResources(args) => api_resources::run(&args, &ctx).await,
        Command::ApiVersions => api_resources::run_versions(&ctx).await,
        Command::Version(args) => version::run(&args, &ctx).await,
    }
}
