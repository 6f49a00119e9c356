//! `datumctl mcp`: the policy tools for AI agents over the Model Context Protocol (stdio),
//! built on the official Rust SDK (`rmcp`). This module owns the protocol side: the server
//! handler, the tool catalogue (`tools`), what each tool does (`calls`) and the resources the
//! host may read (`resources`). It knows no clap: the command hands it a `Session`.

mod calls;
mod resources;
mod tools;

use crate::client::http::ApiClient;
use crate::error::CliError;
use crate::print::{Printer, error_text};
use futures_util::future::BoxFuture;
use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock, Implementation,
    ListResourcesResult, ListToolsResult, PaginatedRequestParams, ReadResourceRequestParams,
    ReadResourceResponse, ServerCapabilities, ServerConfig,
};
use rmcp::service::RequestContext;
use rmcp::transport::async_rw::AsyncRwTransport;
use rmcp::{ErrorData, RoleServer, ServerHandler, ServiceExt};
use serde_json::{Value, json};
use std::sync::Arc;

/// Bounds on what one request may carry.
pub mod limits {
    /// Largest manifest text a tool takes: one request body's worth, as kube-apiserver bounds
    /// one object (the manifest module's per-document bound). Larger manifests belong in files
    /// and `datumctl validate -f`/`apply -f`.
    pub const MAX_MANIFEST_BYTES: usize = crate::manifest::limits::MAX_DOCUMENT_CHARS;
    /// Longest JSON-RPC message read, as long as the largest file datumctl reads: anything up
    /// to it gets an answer (a tool error when the manifest in it is too large), while a longer
    /// line is dropped unanswered by the transport without being held in memory.
    pub const MAX_MESSAGE_BYTES: usize = crate::manifest::limits::MAX_INPUT_BYTES;
}

/// Builds a client for the target of this invocation (flags, env, context, login,
/// kubeconfig), optionally in another namespace. Called per tool call, so the tools that work
/// offline never need a server, and a fixed configuration takes effect without a restart.
/// Async, as a credential plugin may run meanwhile: the protocol keeps being served.
pub type Connect =
    Arc<dyn Fn(Option<String>) -> BoxFuture<'static, Result<ApiClient, CliError>> + Send + Sync>;

/// What the server needs from the command line.
#[derive(Clone)]
pub struct Session {
    pub connect: Connect,
    /// Whether `-n` was given when the server started (a manifest's namespace must then agree).
    pub namespace_given: bool,
    /// For the log on stderr (stdout carries only the protocol).
    pub printer: Printer,
}

/// Serves MCP on stdin/stdout until the host closes stdin. Only protocol goes to stdout.
pub async fn serve(session: Session) -> Result<(), CliError> {
    let (stdin, stdout) = rmcp::transport::stdio();
    let transport =
        AsyncRwTransport::new_server(stdin, stdout).with_max_line_length(limits::MAX_MESSAGE_BYTES);
    let running = PolicyTools { session }
        .serve(transport)
        .await
        .map_err(|e| CliError::failure(anyhow::anyhow!("MCP session could not start: {e}")))?;
    running
        .waiting()
        .await
        .map_err(|e| CliError::failure(anyhow::anyhow!("MCP session ended abnormally: {e}")))?;
    Ok(())
}

/// A tool's successful answer: text for the model, and the same facts as structured data.
pub(crate) struct ToolOutput {
    text: String,
    structured: Option<Value>,
}

impl ToolOutput {
    fn text(text: impl Into<String>) -> Self {
        ToolOutput {
            text: text.into(),
            structured: None,
        }
    }

    fn with(text: impl Into<String>, structured: Value) -> Self {
        ToolOutput {
            text: text.into(),
            structured: Some(structured),
        }
    }
}

/// How a failed tool call reaches the model: the CLI's message and hints as text, and the
/// same as `{error: {kind, message, hints}}`, with `isError: true`.
fn tool_error(error: &CliError) -> CallToolResult {
    let mut result = CallToolResult::error(vec![ContentBlock::text(error_text(error, false))]);
    result.structured_content = Some(json!({
        "error": {
            "kind": error.kind.name(),
            "message": error.message(),
            "hints": error.hints,
        }
    }));
    result
}

#[derive(Clone)]
struct PolicyTools {
    session: Session,
}

impl ServerHandler for PolicyTools {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(
            ServerCapabilities::builder()
                .enable_tools()
                .enable_resources()
                .build(),
        )
        .with_server_info(
            Implementation::new("datumctl", env!("CARGO_PKG_VERSION"))
                .with_title("datumctl: Envoy Gateway BackendTrafficPolicy tools"),
        )
        .with_instructions(tools::INSTRUCTIONS)
    }

    async fn list_tools(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListToolsResult, ErrorData> {
        Ok(ListToolsResult::with_all_items(tools::catalogue()))
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, ErrorData> {
        let arguments = request.arguments.unwrap_or_default();
        let result = calls::call(&self.session, &request.name, arguments).await;
        Ok(match result {
            Ok(output) => {
                let mut r = CallToolResult::success(vec![ContentBlock::text(output.text)]);
                r.structured_content = output.structured;
                r
            }
            Err(e) => {
                let log = format!("datumctl mcp: {} failed: {}\n", request.name, e.message());
                self.session.printer.err(&log);
                tool_error(&e)
            }
        }
        .into())
    }

    async fn list_resources(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListResourcesResult, ErrorData> {
        Ok(ListResourcesResult::with_all_items(resources::list()))
    }

    async fn read_resource(
        &self,
        request: ReadResourceRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<ReadResourceResponse, ErrorData> {
        resources::read(&request.uri).map(Into::into)
    }
}
