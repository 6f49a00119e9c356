//! completions/ and man/ are generated from `cli.rs` and committed; this test fails when they
//! drift. Regenerate with `scripts/gen-docs.sh`
//! (= `cargo test --test generated_files -- --ignored regenerate`).
use crate::common;

use clap::{CommandFactory, ValueEnum};
use clap_complete::Shell;
use datumctl::cli::Cli;
use datumctl::cmd::completion;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

const REGENERATE: &str =
    "scripts/gen-docs.sh (cargo test --test generated_files -- --ignored --exact regenerate)";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every generated file: path relative to the crate root, and its content.
fn generated() -> BTreeMap<PathBuf, String> {
    let mut files = BTreeMap::new();
    for shell in Shell::value_variants() {
        files.insert(
            Path::new("completions").join(completion::file_name(*shell)),
            completion::script(*shell),
        );
    }
    // As clap_mangen's generate_to: one page per command, without clap's `help` subcommand.
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    fn pages(command: &clap::Command, files: &mut BTreeMap<PathBuf, String>) {
        for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
            pages(sub, files);
        }
        // The `Examples:` of `after_help` become an EXAMPLES section laid out as in `--help`
        // (clap_mangen would fill them into one paragraph of a section called EXTRA).
        let man = clap_mangen::Man::new(command.clone().after_help(None::<&str>));
        let mut roff = Vec::new();
        man.render(&mut roff).expect("render man page");
        let mut page = String::from_utf8(roff).expect("roff is utf-8");
        if let Some(examples) = command.get_after_help() {
            let section = examples_section(&examples.to_string());
            match page.find(".SH VERSION") {
                Some(at) => page.insert_str(at, &section),
                None => page.push_str(&section),
            }
        }
        files.insert(Path::new("man").join(man.get_filename()), page);
    }
    pages(&command, &mut files);
    files
}

/// A man page EXAMPLES section (no-fill, as printed by `--help`) from an `examples!` text.
fn examples_section(after_help: &str) -> String {
    let body = after_help.strip_prefix("Examples:").unwrap_or(after_help);
    let mut roff = String::from(".SH EXAMPLES\n.nf\n");
    for line in body.trim_matches('\n').lines() {
        let line = line.replace('\\', "\\e").replace('-', "\\-");
        roff.push_str(&line);
        roff.push('\n');
    }
    roff.push_str(".fi\n");
    roff
}

/// Files present in `dir` (relative to the crate root).
fn present(dir: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = fs::read_dir(root().join(dir)) {
        for entry in entries.flatten() {
            out.push(Path::new(dir).join(entry.file_name()));
        }
    }
    out.sort();
    out
}

#[test]
fn completions_and_man_pages_are_fresh() {
    let files = generated();
    let mut stale = Vec::new();
    for (path, content) in &files {
        match fs::read_to_string(root().join(path)) {
            Ok(committed) if committed == *content => {}
            Ok(_) => stale.push(format!("{} differs", path.display())),
            Err(_) => stale.push(format!("{} is missing", path.display())),
        }
    }
    for path in present("completions").into_iter().chain(present("man")) {
        if !files.contains_key(&path) {
            stale.push(format!("{} is no longer generated", path.display()));
        }
    }
    assert!(
        stale.is_empty(),
        "generated files are stale ({}); run {REGENERATE} and commit the result",
        stale.join(", ")
    );
}

#[test]
fn one_man_page_per_command() {
    let files = generated();
    for page in [
        "datumctl.1",
        "datumctl-explain.1",
        "datumctl-completion.1",
        "datumctl-config-set-context.1",
        "datumctl-auth-login.1",
        "datumctl-logout.1",
    ] {
        assert!(files.contains_key(&Path::new("man").join(page)), "{page}");
    }
    assert!(!files.keys().any(|p| p.to_string_lossy().contains("-help")));
}

#[test]
fn the_completion_command_prints_the_committed_scripts() {
    let home = tempfile::tempdir().expect("tempdir");
    for shell in Shell::value_variants() {
        let name = shell
            .to_possible_value()
            .expect("named")
            .get_name()
            .to_string();
        let out = common::datumctl(home.path())
            .args(["completion", &name])
            .output()
            .expect("run datumctl");
        assert!(out.status.success(), "completion {name}");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            completion::script(*shell),
            "completion {name}"
        );
    }
    let bad = common::datumctl(home.path())
        .args(["completion", "tcsh"])
        .output()
        .expect("run datumctl");
    assert_eq!(bad.status.code(), Some(2));
}

/// Writes every generated file (`scripts/gen-docs.sh` runs this).
#[test]
#[ignore = "writes completions/ and man/; run through scripts/gen-docs.sh"]
fn regenerate() {
    for dir in ["completions", "man"] {
        for path in present(dir) {
            fs::remove_file(root().join(path)).expect("remove old file");
        }
        fs::create_dir_all(root().join(dir)).expect("create dir");
    }
    for (path, content) in generated() {
        fs::write(root().join(&path), content).expect("write generated file");
    }
}
