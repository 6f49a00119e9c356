//! `datumctl mcp`: serves the policy tools to an AI agent's host over MCP on stdin/stdout
//! until the host closes stdin. The target is resolved per tool call as every command
//! resolves it (flags, env, context, login, kubeconfig), so the offline tools need no server.

use crate::cli::McpArgs;
use crate::cmd::Context;
use crate::error::{CliError, CmdResult, Outcome};
use crate::mcp::{self, Session};
use std::sync::Arc;

pub fn run(_args: &McpArgs, ctx: &Context) -> CmdResult {
    if let Some(format) = &ctx.global.output {
        // Tool results have one shape (text and structured content); -o cannot change it.
        return Err(
            CliError::usage(format!("datumctl mcp takes no -o (given {format:?})"))
                .hint("drop -o: each tool returns text and structured data"),
        );
    }
    let global = ctx.global.clone();
    let printer = ctx.printer.clone();
    let connect: mcp::Connect = Arc::new(move |namespace: Option<&str>| {
        let mut global = global.clone();
        if let Some(ns) = namespace {
            global.namespace = Some(ns.to_string());
        }
        crate::cmd::connect::connect(&global, &printer)
    });
    let session = Session {
        connect,
        namespace_given: ctx.global.namespace.is_some(),
        printer: ctx.printer.clone(),
    };
    // The one runtime of the process: the protocol, and every request the tools make.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| CliError::failure(anyhow::anyhow!("cannot start the runtime: {e}")))?;
    runtime.block_on(mcp::serve(session))?;
    Ok(Outcome::Success)
}
