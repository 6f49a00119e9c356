//! `datumctl config`: contexts in the datumctl config file.

use crate::cli::{ConfigCommand, GlobalFlag, SetContextArgs};
use crate::client::config::{self, ConfigFile, ContextEntry};
use crate::cmd::Context;
use crate::error::{CliError, CmdResult, Outcome};
use crate::print::table::Table;
use std::path::{Path, PathBuf};

fn load() -> Result<(PathBuf, ConfigFile), CliError> {
    let path = config::config_path()?;
    let file = config::load(&path)?;
    Ok((path, file))
}

fn save(path: &Path, file: &ConfigFile) -> Result<(), CliError> {
    config::save(path, file).map_err(|e| CliError::failure(anyhow::Error::new(e)))
}

pub fn run(command: &ConfigCommand, ctx: &Context) -> CmdResult {
    let (path, mut file) = load()?;
    match command {
        ConfigCommand::SetContext(args) => set_context(args, ctx, &path, &mut file)?,
        ConfigCommand::UseContext { name } => use_context(name, ctx, &path, &mut file)?,
        ConfigCommand::GetContexts => get_contexts(ctx, &file),
        ConfigCommand::CurrentContext => current_context(ctx, &file)?,
        ConfigCommand::View => ctx.printer.out(&view(&file, ctx.global.output.as_deref())?),
        ConfigCommand::DeleteContext { name } => delete_context(name, ctx, &path, &mut file)?,
    }
    Ok(Outcome::Success)
}

/// `config set-context`: create or modify a context from the flags typed on this command line.
fn set_context(
    args: &SetContextArgs,
    ctx: &Context,
    path: &Path,
    file: &mut ConfigFile,
) -> Result<(), CliError> {
    let p = &ctx.printer;
    let g = &ctx.global;
    let existed = file.context(&args.name).is_some();
    if !existed {
        file.contexts.push(ContextEntry {
            name: args.name.clone(),
            ..Default::default()
        });
    }
    let first = file.current_context.is_none();
    let entry = file
        .context_mut(&args.name)
        .ok_or_else(|| CliError::failure(anyhow::anyhow!("context vanished")))?;
    // Only what was typed: an exported DATUMCTL_SERVER must not leak into a saved context.
    if g.given(GlobalFlag::Server) {
        if let Some(server) = g.server.as_deref().filter(|s| !s.is_empty()) {
            crate::client::target::check_server_url(server, || "from --server".into())?;
        }
        entry.server = g.server.clone();
    }
    if g.given(GlobalFlag::Project) {
        entry.project = g.project.clone();
    }
    if g.given(GlobalFlag::Namespace) {
        entry.namespace = g.namespace.clone();
    }
    if g.given(GlobalFlag::Token) {
        entry.token = g.token.clone();
        entry.token_file = None;
    }
    if let Some(tf) = &args.token_file {
        entry.token_file = Some(absolute(tf));
        entry.token = None;
    }
    if g.given(GlobalFlag::CertificateAuthority) {
        entry.certificate_authority = g.certificate_authority.as_deref().map(absolute);
    }
    if g.given(GlobalFlag::InsecureSkipTlsVerify) {
        entry.insecure_skip_tls_verify = g.insecure_skip_tls_verify;
    }
    if let Some(profile) = args.profile {
        entry.profile = Some(profile);
    }
    if first {
        file.current_context = Some(args.name.clone());
    }
    save(path, file)?;
    let verb = if existed { "modified" } else { "created" };
    p.out(&format!("Context {:?} {verb}.\n", args.name));
    if first {
        p.out(&format!("Switched to context {:?}.\n", args.name));
    }
    Ok(())
}

/// `config use-context NAME`: make an existing context the current one.
fn use_context(
    name: &str,
    ctx: &Context,
    path: &Path,
    file: &mut ConfigFile,
) -> Result<(), CliError> {
    if file.context(name).is_none() {
        return Err(CliError::failure(anyhow::anyhow!(
            "no context exists with the name: {name:?}"
        ))
        .hint("list contexts with `datumctl config get-contexts`"));
    }
    file.current_context = Some(name.to_string());
    save(path, file)?;
    ctx.printer.out(&format!("Switched to context {name:?}.\n"));
    Ok(())
}

/// `config get-contexts`: every context as a table, the current one starred.
fn get_contexts(ctx: &Context, file: &ConfigFile) {
    let table = Table {
        headers: ["CURRENT", "NAME", "SERVER", "PROJECT", "NAMESPACE"]
            .map(String::from)
            .to_vec(),
        rows: file
            .contexts
            .iter()
            .map(|c| {
                let current = file.current_context.as_deref() == Some(c.name.as_str());
                vec![
                    if current { "*".into() } else { String::new() },
                    c.name.clone(),
                    c.server.clone().unwrap_or_default(),
                    c.project.clone().unwrap_or_default(),
                    c.namespace.clone().unwrap_or_default(),
                ]
            })
            .collect(),
    };
    ctx.printer.out(&table.render(true));
}

/// `config current-context`: the current context's name, or an error when none is set.
fn current_context(ctx: &Context, file: &ConfigFile) -> Result<(), CliError> {
    match &file.current_context {
        Some(name) => {
            ctx.printer.out(&format!("{name}\n"));
            Ok(())
        }
        None => Err(
            CliError::failure(anyhow::anyhow!("current-context is not set"))
                .hint("choose one with `datumctl config use-context NAME`"),
        ),
    }
}

/// `config delete-context NAME`: remove a context, unsetting the current one if it was that.
fn delete_context(
    name: &str,
    ctx: &Context,
    path: &Path,
    file: &mut ConfigFile,
) -> Result<(), CliError> {
    let before = file.contexts.len();
    file.contexts.retain(|c| c.name != name);
    if file.contexts.len() == before {
        return Err(CliError::failure(anyhow::anyhow!(
            "cannot delete context {name}, not in {}",
            path.display()
        )));
    }
    let was_current = file.current_context.as_deref() == Some(name);
    if was_current {
        file.current_context = None;
    }
    save(path, file)?;
    if was_current {
        ctx.printer.info("warning: this removed your active context, use \"datumctl config use-context\" to select a different one");
    }
    ctx.printer
        .out(&format!("deleted context {name} from {}\n", path.display()));
    Ok(())
}

/// `config view`: the config file with its secrets redacted, as YAML (the default) or JSON.
fn view(file: &ConfigFile, output: Option<&str>) -> Result<String, CliError> {
    let redacted = file.redacted();
    match output {
        None | Some("yaml") => Ok(redacted.to_yaml()),
        Some("json") => {
            // Our own struct always encodes; failing here is a bug, not the user's input.
            let value = serde_json::to_value(&redacted)
                .map_err(|e| CliError::internal(format!("cannot encode the config: {e}")))?;
            Ok(crate::print::json::to_json_pretty(&value))
        }
        Some(other) => Err(CliError::usage(format!(
            "unsupported output format {other:?} for config view"
        ))
        .hint("use -o yaml (the default) or -o json")),
    }
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}
