//! `datumctl version`: this client's version and the server's (`GET /version`), in kubectl's
//! words and `-o json|yaml` shapes (kubectl's Kustomize line has no counterpart here).

use crate::cli::VersionArgs;

use crate::client::http::ApiRequest;
use crate::client::target::TargetError;
use crate::cmd::Context;
use crate::cmd::api_resources::go_indent_json;
use crate::error::{CliError, CmdResult, Outcome};
use crate::print::yaml::to_yaml;
use reqwest::Method;
use serde_json::{Map, Value};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    Yaml,
}

pub async fn run(args: &VersionArgs, ctx: &Context) -> CmdResult {
    let format = match ctx.global.output.as_deref() {
        None | Some("") => Format::Text,
        Some("json") => Format::Json,
        Some("yaml") => Format::Yaml,
        Some(_) => return Err(CliError::usage("--output must be 'yaml' or 'json'")),
    };
    let client_info = crate::version::client_info();
    let mut server_error = None;
    let server_info = if args.client {
        None
    } else {
        match server_version(ctx).await {
            Ok(v) => v,
            Err(e) => {
                server_error = Some(e);
                None
            }
        }
    };
    ctx.printer
        .out(&render(format, &client_info, server_info.as_ref()));
    match server_error {
        Some(e) => Err(e),
        None => Ok(Outcome::Success),
    }
}

/// The server's `version.Info`; `None` when no server is configured at all (kubectl then
/// prints the client's version alone).
async fn server_version(ctx: &Context) -> Result<Option<Value>, CliError> {
    if let Err(TargetError::NoServer) = crate::cmd::connect::target(&ctx.global) {
        return Ok(None);
    }
    let client = crate::cmd::connect::connect(&ctx.global, &ctx.printer).await?;
    let url = format!("{}/version", client.target.base);
    client
        .send_json(&ApiRequest::new(Method::GET, url))
        .await
        .map(|v| Some(as_info(&v)))
        .map_err(|e| e.into_cli(&client.target))
}

/// `version.Info`'s fields in its order (as kubectl re-marshals what the server sent), the
/// emulation ones only when set; anything else the server added is dropped.
fn as_info(v: &Value) -> Value {
    const FIELDS: [(&str, bool); 13] = [
        ("major", false),
        ("minor", false),
        ("emulationMajor", true),
        ("emulationMinor", true),
        ("minCompatibilityMajor", true),
        ("minCompatibilityMinor", true),
        ("gitVersion", false),
        ("gitCommit", false),
        ("gitTreeState", false),
        ("buildDate", false),
        ("goVersion", false),
        ("compiler", false),
        ("platform", false),
    ];
    let mut out = Map::new();
    for (name, omit_empty) in FIELDS {
        let text = v[name].as_str().unwrap_or("");
        if !(omit_empty && text.is_empty()) {
            out.insert(name.into(), Value::String(text.into()));
        }
    }
    Value::Object(out)
}

fn render(format: Format, client: &Value, server: Option<&Value>) -> String {
    let git_version = |v: &Value| v["gitVersion"].as_str().unwrap_or("").to_string();
    let mut both = Map::new();
    both.insert("clientVersion".into(), client.clone());
    if let Some(s) = server {
        both.insert("serverVersion".into(), s.clone());
    }
    match format {
        Format::Text => {
            let mut text = format!("Client Version: {}\n", git_version(client));
            if let Some(s) = server {
                text.push_str(&format!("Server Version: {}\n", git_version(s)));
            }
            text
        }
        // kubectl prints the marshalled text with Println: JSON gets its one newline, YAML
        // (which ends in one already) a blank line after it.
        Format::Json => go_indent_json(&Value::Object(both), "  ") + "\n",
        Format::Yaml => to_yaml(&Value::Object(both)) + "\n",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn text_names_both_versions() {
        let c = json!({"gitVersion": "v0.1.0"});
        let s = json!({"gitVersion": "v1.37.0+datumctl-0.1.0"});
        assert_eq!(
            render(Format::Text, &c, Some(&s)),
            "Client Version: v0.1.0\nServer Version: v1.37.0+datumctl-0.1.0\n"
        );
        assert_eq!(render(Format::Text, &c, None), "Client Version: v0.1.0\n");
        assert!(render(Format::Yaml, &c, None).ends_with("v0.1.0\n\n"));
        assert_eq!(
            render(Format::Json, &c, None),
            "{\n  \"clientVersion\": {\n    \"gitVersion\": \"v0.1.0\"\n  }\n}\n"
        );
    }
}
