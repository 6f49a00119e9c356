//! `datumctl __complete-names WORDS…`: the policy names a partly typed command line could
//! name, one per line, for the shell completion scripts. It is not a clap subcommand (it must
//! not show up in help, man pages or the completions themselves): `main` hands it over before
//! parsing. The target comes from the words' own `--server`/`--project`/`--context`/`-n` and the
//! usual environment and config; any failure prints nothing, so a tab press shows no error.

use crate::cli::{Cli, GlobalArgs};
use crate::client::api::ListOptions;
use crate::client::http::RetryPolicy;
use crate::print::Printer;
use crate::print::{ColorChoice, ErrorFormat};
use clap::Parser;
use std::path::PathBuf;
use std::time::Duration;

/// The first argument that selects this mode.
pub const ARG: &str = "__complete-names";

/// How long a tab press may wait for the server.
const WAIT: Duration = Duration::from_secs(2);

/// The global settings with the values the command line being completed sets itself.
pub fn target_of(words: &[String], global: &GlobalArgs) -> GlobalArgs {
    let mut g = global.clone();
    let mut i = 0;
    while i < words.len() {
        let (flag, inline) = match words[i].split_once('=') {
            Some((f, v)) if f.starts_with('-') => (f, Some(v.to_string())),
            _ => (words[i].as_str(), None),
        };
        let takes_value = matches!(
            flag,
            "--server"
                | "--project"
                | "--context"
                | "-n"
                | "--namespace"
                | "--kubeconfig"
                | "--token"
        );
        if takes_value {
            let value = inline.or_else(|| words.get(i + 1).cloned());
            if let Some(v) = value {
                match flag {
                    "--server" => g.server = Some(v),
                    "--project" => g.project = Some(v),
                    "--context" => g.context = Some(v),
                    "-n" | "--namespace" => g.namespace = Some(v),
                    "--kubeconfig" => g.kubeconfig = Some(PathBuf::from(v)),
                    _ => g.token = Some(v),
                }
            }
        }
        i += 1;
    }
    g.verbosity = 0;
    g.request_timeout = Some(WAIT);
    g
}

/// Prints the names for `words` (the command line being completed); always succeeds.
pub async fn run(words: &[String]) {
    // The global settings the environment gives (DATUMCTL_SERVER, DATUM_PROJECT, …).
    let Ok(from_env) = Cli::try_parse_from(["datumctl", "logout"]) else {
        return;
    };
    let global = target_of(words, &from_env.global);
    let printer = Printer::new(ColorChoice::Never, ErrorFormat::Human);
    let names = list_names(&global, &printer).await.unwrap_or_default();
    if !names.is_empty() {
        printer.out(&(names.join("\n") + "\n"));
    }
}

async fn list_names(global: &GlobalArgs, printer: &Printer) -> Option<Vec<String>> {
    let mut client = crate::cmd::connect::connect(global, printer).await.ok()?;
    client.set_retry(RetryPolicy {
        attempts: 1,
        ..Default::default()
    });
    let namespace = client.target.namespace.clone();
    let (items, _) = tokio::time::timeout(
        WAIT,
        client.list_all(Some(&namespace), &ListOptions::default()),
    )
    .await
    .ok()?
    .ok()?;
    Some(
        items
            .iter()
            .filter_map(|o| o["metadata"]["name"].as_str().map(str::to_string))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_completed_line_sets_its_own_target() {
        let cli = crate::cli::Cli::parse_from(["datumctl", "--project", "env-project", "logout"]);
        let words: Vec<String> = [
            "datumctl",
            "get",
            "btp",
            "--project=mine",
            "-n",
            "team",
            "--server",
            "http://x",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let g = target_of(&words, &cli.global);
        assert_eq!(g.project.as_deref(), Some("mine"));
        assert_eq!(g.namespace.as_deref(), Some("team"));
        assert_eq!(g.server.as_deref(), Some("http://x"));
        let g = target_of(&["datumctl".into(), "get".into()], &cli.global);
        assert_eq!(g.project.as_deref(), Some("env-project"));
    }
}
