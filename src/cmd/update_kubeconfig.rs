//! `datumctl auth update-kubeconfig`: lets kubectl use datumctl's login for a project. Merges a
//! cluster (the project's control-plane URL), an exec-plugin user running this binary's
//! `auth get-token`, and a context into a kubeconfig, written atomically with mode 0600.

use crate::client::config::{self, parse_yaml};
use crate::client::exec;
use crate::client::kubeconfig::Source;
use crate::client::target::project_base;
use crate::cmd::{Context, connect};
use crate::error::CliError;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

pub fn run(ctx: &Context) -> Result<(), CliError> {
    let g = &ctx.global;
    let config_path = config::config_path()?;
    let file = config::load(&config_path)?;
    let name = g
        .context
        .clone()
        .or_else(|| file.current_context.clone())
        .ok_or_else(|| {
            CliError::usage("no datumctl context to take the login from")
                .hint("log in first with `datumctl login`, or pass --context NAME")
        })?;
    let entry = file.context(&name).ok_or_else(|| {
        CliError::usage(format!(
            "context {name:?} does not exist in {}",
            config_path.display()
        ))
        .hint("list contexts with `datumctl config get-contexts`")
    })?;
    let server = entry
        .server
        .clone()
        .filter(|s| !s.is_empty())
        .ok_or_else(|| CliError::from(crate::client::target::TargetError::NoServer))?;
    let project = g
        .project
        .clone()
        .or_else(|| entry.project.clone())
        .filter(|p| !p.is_empty())
        .ok_or_else(|| CliError::from(crate::client::target::TargetError::NoProject))?;
    let binary = std::env::current_exe()
        .and_then(|p| p.canonicalize())
        .map_err(|e| CliError::failure(anyhow::anyhow!("cannot find the datumctl binary: {e}")))?;
    let kubeconfig = kubeconfig_path(ctx)?;
    let entry_name = format!("datumctl-{project}");
    let mut cluster = json!({ "server": project_base(&server, &project) });
    let ca = g
        .certificate_authority
        .clone()
        .or_else(|| entry.certificate_authority.clone());
    if let Some(ca) = ca {
        cluster["certificate-authority"] = json!(absolute(&ca).to_string_lossy());
    }
    if entry.insecure_skip_tls_verify || g.insecure_skip_tls_verify {
        cluster["insecure-skip-tls-verify"] = json!(true);
    }
    let user = json!({
        "exec": {
            "apiVersion": exec::V1,
            "command": binary.to_string_lossy(),
            "args": ["auth", "get-token", "--output", exec::V1, "--context", name, "--project", project],
            // The same config file, whichever one this datumctl was told to use.
            "env": [{ "name": "DATUMCTL_CONFIG", "value": absolute(&config_path).to_string_lossy() }],
            "interactiveMode": "Never",
            "provideClusterInfo": false,
            "installHint": "datumctl is no longer at this path; run `datumctl auth update-kubeconfig` again",
        }
    });
    let context = json!({ "cluster": entry_name, "user": entry_name, "namespace": "default" });
    let mut doc = read_existing(&kubeconfig)?;
    upsert(&mut doc, "clusters", "cluster", &entry_name, cluster);
    upsert(&mut doc, "users", "user", &entry_name, user);
    upsert(&mut doc, "contexts", "context", &entry_name, context);
    doc["current-context"] = json!(entry_name);
    config::write_private(&kubeconfig, crate::print::yaml::to_yaml(&doc).as_bytes()).map_err(
        |e| {
            CliError::failure(anyhow::anyhow!(
                "cannot write kubeconfig {}: {e}",
                kubeconfig.display()
            ))
        },
    )?;
    ctx.printer.out(&format!(
        "Kubeconfig {} updated: context {entry_name:?} (project {project:?}, login of datumctl context {name:?}) is now current.\n",
        kubeconfig.display()
    ));
    Ok(())
}

/// `--kubeconfig`, else the first file of `KUBECONFIG`, else `~/.kube/config`.
fn kubeconfig_path(ctx: &Context) -> Result<PathBuf, CliError> {
    match connect::overrides(&ctx.global).kubeconfig {
        Some(Source::Explicit(p)) => Ok(p),
        Some(Source::List(list)) if !list.is_empty() => Ok(list[0].clone()),
        _ => dirs::home_dir()
            .map(|h| h.join(".kube").join("config"))
            .ok_or_else(|| CliError::usage("no home directory; pass --kubeconfig FILE")),
    }
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

fn read_existing(path: &Path) -> Result<Value, CliError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => {
            return Err(CliError::usage(format!(
                "cannot read kubeconfig {}: {e}",
                path.display()
            )));
        }
    };
    let mut doc = parse_yaml(&text).map_err(|reason| {
        CliError::usage(format!(
            "kubeconfig {} is not valid YAML: {reason}",
            path.display()
        ))
    })?;
    if doc.is_null() {
        doc = json!({});
    }
    if !doc.is_object() {
        return Err(CliError::usage(format!(
            "kubeconfig {} is not a mapping",
            path.display()
        )));
    }
    if doc["apiVersion"].is_null() {
        doc["apiVersion"] = json!("v1");
    }
    if doc["kind"].is_null() {
        doc["kind"] = json!("Config");
    }
    Ok(doc)
}

/// Replaces the entry called `name` in `doc[list]` (or appends it), keeping the others.
fn upsert(doc: &mut Value, list: &str, inner: &str, name: &str, value: Value) {
    if !doc[list].is_array() {
        doc[list] = json!([]);
    }
    let item = json!({ "name": name, inner: value });
    if let Some(items) = doc[list].as_array_mut() {
        match items.iter_mut().find(|e| e["name"] == name) {
            Some(existing) => *existing = item,
            None => items.push(item),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upsert_replaces_by_name_and_keeps_others() {
        let mut doc =
            json!({"users": [{"name": "a", "user": {"token": "x"}}, {"name": "b", "user": {}}]});
        upsert(&mut doc, "users", "user", "a", json!({"token": "y"}));
        upsert(&mut doc, "users", "user", "c", json!({}));
        assert_eq!(doc["users"][0]["user"]["token"], "y");
        assert_eq!(doc["users"][1]["name"], "b");
        assert_eq!(doc["users"][2]["name"], "c");
        let mut empty = json!({});
        upsert(
            &mut empty,
            "clusters",
            "cluster",
            "k",
            json!({"server": "s"}),
        );
        assert_eq!(empty["clusters"][0]["cluster"]["server"], "s");
    }
}
