//! `datumctl mcp`: serves the policy tools to an AI agent's host over MCP on stdin/stdout
//! until the host closes stdin. The target is resolved per tool call as every command
//! resolves it (flags, env, context, login, kubeconfig), so the offline tools need no server.

use crate::cli::McpArgs;
use crate::cmd::Context;
use crate::error::{CliError, CmdResult, Outcome};
use crate::mcp::{self, Session};
use std::sync::Arc;

pub async fn run(_args: &McpArgs, ctx: &Context) -> CmdResult {
    if let Some(format) = &ctx.global.output {
        // Tool results have one shape (text and structured content); -o cannot change it.
        return Err(
            CliError::usage(format!("datumctl mcp takes no -o (given {format:?})"))
                .hint("drop -o: each tool returns text and structured data"),
        );
    }
    let global = ctx.global.clone();
    let printer = ctx.printer.clone();
    let connect: mcp::Connect = Arc::new(move |namespace: Option<String>| {
        let mut global = global.clone();
        if let Some(ns) = namespace {
            global.namespace = Some(ns);
        }
        let printer = printer.clone();
        Box::pin(async move { crate::cmd::connect::connect(&global, &printer).await })
    });
    let session = Session {
        connect,
        namespace_given: ctx.global.namespace.is_some(),
        printer: ctx.printer.clone(),
    };
    // On the process's runtime (two workers, see `main`): the protocol, and every request
    // the tools make.
    mcp::serve(session).await?;
    Ok(Outcome::Success)
}
