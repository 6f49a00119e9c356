//! The command line beyond clap's types: `-v` without a level, refusing the global flags a
//! command has no use for (those `cli::UnusedGlobals` hides), and "did you mean" only for close
//! misspellings (clap's own suggestions are off: they matched `wait` to `validate`).

use clap::ArgMatches;
use clap::Command;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::parser::ValueSource;
use std::ffi::OsString;

/// The level `-v` means when no level follows it.
const BARE_VERBOSITY: &str = "1";

/// The arguments with every `-v` (or `--v`, `--verbose`) that has no level after it given level
/// 1, so that `datumctl -v get btp` runs `get` instead of reading `get` as a level.
pub fn normalize(args: impl IntoIterator<Item = OsString>) -> Vec<OsString> {
    let args: Vec<OsString> = args.into_iter().collect();
    let mut out = Vec::with_capacity(args.len());
    let mut operands = false;
    for (i, arg) in args.iter().enumerate() {
        let verbosity = ["-v", "--v", "--verbose"].iter().any(|f| arg == f);
        if !operands && i > 0 && verbosity {
            let level_follows = args
                .get(i + 1)
                .and_then(|next| next.to_str())
                .is_some_and(|next| !next.is_empty() && next.bytes().all(|b| b.is_ascii_digit()));
            if !level_follows {
                out.push(OsString::from(format!("--verbose={BARE_VERBOSITY}")));
                continue;
            }
        }
        operands |= arg == "--";
        out.push(arg.clone());
    }
    out
}

/// A usage error when a global flag the chosen command has no use for was typed (from the
/// environment it is fine: an exported DATUMCTL_SERVER must not break `validate`). `root` is the
/// command `matches` came from, after parsing.
pub fn refuse_unused_globals(root: &Command, matches: &ArgMatches) -> Result<(), clap::Error> {
    let mut typed: Vec<String> = Vec::new();
    let (mut leaf, mut level) = (root, matches);
    loop {
        typed.extend(
            level
                .ids()
                .filter(|id| level.value_source(id.as_str()) == Some(ValueSource::CommandLine))
                .map(|id| id.to_string()),
        );
        match level.subcommand() {
            Some((name, sub)) => match leaf.find_subcommand(name) {
                Some(next) => (leaf, level) = (next, sub),
                None => break,
            },
            None => break,
        }
    }
    let offline = leaf
        .get_arguments()
        .any(|a| a.get_id() == "server" && a.is_hide_set());
    let refused = leaf
        .get_arguments()
        .filter(|a| a.is_global_set() && a.is_hide_set())
        .find(|a| typed.iter().any(|t| t == a.get_id().as_str()));
    let Some(arg) = refused else {
        return Ok(());
    };
    let flag = match (arg.get_long(), arg.get_short()) {
        (Some(long), Some(short)) => format!("--{long} (-{short})"),
        (Some(long), None) => format!("--{long}"),
        (None, Some(short)) => format!("-{short}"),
        (None, None) => arg.get_id().to_string(),
    };
    let name = leaf.get_bin_name().unwrap_or(leaf.get_name()).to_string();
    let why = if offline {
        " (it works offline, without a server)"
    } else {
        ""
    };
    let mut leaf = leaf.clone();
    Err(leaf.error(
        ErrorKind::ArgumentConflict,
        format!("{flag} has no effect on '{name}'{why}; remove it"),
    ))
}

/// Adds "a similar subcommand/argument exists" to an unknown-subcommand or unknown-argument
/// error, only for names within a small edit distance of what was typed (or that it begins).
pub fn with_close_suggestions(
    mut error: clap::Error,
    root: &Command,
    args: &[OsString],
) -> clap::Error {
    let leaf = innermost(root, args);
    match error.kind() {
        ErrorKind::InvalidSubcommand => {
            let Some(ContextValue::String(typed)) = error.get(ContextKind::InvalidSubcommand)
            else {
                return error;
            };
            let names = leaf
                .get_subcommands()
                .filter(|s| !s.is_hide_set())
                .flat_map(|s| std::iter::once(s.get_name()).chain(s.get_visible_aliases()));
            let close = close_matches(typed, names);
            if !close.is_empty() {
                error.insert(
                    ContextKind::SuggestedSubcommand,
                    ContextValue::Strings(close),
                );
            }
        }
        ErrorKind::UnknownArgument => {
            let Some(ContextValue::String(typed)) = error.get(ContextKind::InvalidArg) else {
                return error;
            };
            let Some(long) = typed.strip_prefix("--") else {
                return error;
            };
            let long = long.split('=').next().unwrap_or(long);
            let names = leaf
                .get_arguments()
                .filter(|a| !a.is_hide_set())
                .filter_map(|a| a.get_long());
            let close: Vec<String> = close_matches(long, names)
                .into_iter()
                .map(|n| format!("--{n}"))
                .collect();
            if !close.is_empty() {
                error.insert(ContextKind::SuggestedArg, ContextValue::Strings(close));
            }
        }
        ErrorKind::InvalidValue => {
            let (Some(ContextValue::String(typed)), Some(ContextValue::Strings(valid))) = (
                error.get(ContextKind::InvalidValue),
                error.get(ContextKind::ValidValue),
            ) else {
                return error;
            };
            let close = close_matches(typed, valid.iter().map(String::as_str));
            if !close.is_empty() {
                error.insert(ContextKind::SuggestedValue, ContextValue::Strings(close));
            }
        }
        _ => {}
    }
    error
}

/// The subcommand the arguments name, as far as they name one.
fn innermost<'a>(root: &'a Command, args: &[OsString]) -> &'a Command {
    let mut leaf = root;
    for arg in args.iter().skip(1).filter_map(|a| a.to_str()) {
        if arg == "--" {
            break;
        }
        if let Some(sub) = leaf.find_subcommand(arg) {
            leaf = sub;
        }
    }
    leaf
}

/// Names at most one edit away (two for typed words of six or more characters), or that begin
/// with a typed word of three or more characters; closest first.
fn close_matches<'a>(typed: &str, names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let typed = typed.to_lowercase();
    let limit = if typed.chars().count() >= 6 { 2 } else { 1 };
    let mut close: Vec<(usize, String)> = names
        .filter_map(|name| {
            let distance = edit_distance(&typed, &name.to_lowercase());
            let begins = typed.chars().count() >= 3 && name.to_lowercase().starts_with(&typed);
            (distance <= limit || begins).then(|| (distance, name.to_string()))
        })
        .collect();
    close.sort();
    close.dedup_by(|a, b| a.1 == b.1);
    close.into_iter().map(|(_, name)| name).collect()
}

/// Edits (insert, delete, substitute, swap two neighbours) from `a` to `b`.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    d[0] = (0..=b.len()).collect();
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    #[test]
    fn a_bare_v_never_takes_the_next_word() {
        assert_eq!(
            normalize(os(&["datumctl", "-v", "get", "btp"])),
            os(&["datumctl", "--verbose=1", "get", "btp"])
        );
        assert_eq!(
            normalize(os(&["datumctl", "-v", "6", "get"])),
            os(&["datumctl", "-v", "6", "get"])
        );
        assert_eq!(
            normalize(os(&["datumctl", "get", "btp", "--v"])),
            os(&["datumctl", "get", "btp", "--verbose=1"])
        );
        assert_eq!(
            normalize(os(&["datumctl", "get", "--", "-v"])),
            os(&["datumctl", "get", "--", "-v"])
        );
    }

    #[test]
    fn only_close_names_are_suggested() {
        let names = [
            "apply", "get", "describe", "delete", "validate", "diff", "config",
        ];
        let close = |typed| close_matches(typed, names.iter().copied());
        assert_eq!(close("aply"), ["apply"]);
        assert_eq!(close("desrcibe"), ["describe"]);
        assert_eq!(close("desc"), ["describe"]);
        assert!(close("wait").is_empty());
        assert!(close("deploy").is_empty());
        assert_eq!(edit_distance("ab", "ba"), 1);
    }
}
