//! Help that teaches and flags that mean something (#13 items 9–11), through the real binary:
//! every command's `Examples:` parse and run against a real `datumctl serve`; global flags under
//! their own headings and hidden where unused; `-v` spellings; close suggestions only; unused
//! flags and scheme-less server URLs refused as usage errors; the describe table fits the width.
use crate::common;

use common::snapshot::assert_session;

use clap::CommandFactory;
use common::{TestServer, code, datumctl, err, out};
use datumctl::cli::Cli;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Every command and subcommand (clap's `help` aside), with its full name and `Examples:` text.
fn commands() -> Vec<(String, Option<String>)> {
    fn walk(cmd: &clap::Command, path: &str, all: &mut Vec<(String, Option<String>)>) {
        all.push((
            path.to_string(),
            cmd.get_after_help().map(|h| h.to_string()),
        ));
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            walk(sub, &format!("{path} {}", sub.get_name()), all);
        }
    }
    let mut root = Cli::command();
    root.build();
    let mut all = Vec::new();
    walk(&root, "datumctl", &mut all);
    all
}

/// The example command lines of an `Examples:` section (the lines under each `# …` comment).
fn example_lines(section: &str) -> Vec<String> {
    section
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#') && *l != "Examples:")
        .map(String::from)
        .collect()
}

/// Shell words of one simple command (quotes removed; no expansion).
fn words(segment: &str) -> Vec<String> {
    let (mut words, mut word, mut quote, mut started) = (Vec::new(), String::new(), None, false);
    for c in segment.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                started = true;
            }
            (None, c) if c.is_whitespace() => {
                if started || !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
                started = false;
            }
            (None, c) => word.push(c),
        }
    }
    if started || !word.is_empty() {
        words.push(word);
    }
    words
}

/// The `datumctl …` invocations in an example line: each side of a pipe, after `xargs` or
/// inside `<(…)`, without redirections or leading `NAME=value` assignments.
fn invocations(line: &str) -> Vec<Vec<String>> {
    line.split('|')
        .filter_map(|segment| {
            let segment = segment.trim().trim_start_matches("source <(");
            let segment = segment.strip_suffix(')').unwrap_or(segment);
            let segment = segment.trim_start_matches("xargs ");
            let mut argv = Vec::new();
            let mut redirect = false;
            for w in words(segment) {
                if redirect {
                    redirect = false;
                } else if w == ">" || w == "<" {
                    redirect = true;
                } else {
                    argv.push(w);
                }
            }
            // `NAME=value datumctl …` sets the environment of the command it precedes.
            let assignments = argv
                .iter()
                .take_while(|w| {
                    w.split_once('=').is_some_and(|(k, _)| {
                        !k.is_empty() && k.chars().all(|c| c.is_ascii_uppercase() || c == '_')
                    })
                })
                .count();
            argv.drain(..assignments);
            (argv.first().map(String::as_str) == Some("datumctl")).then_some(argv)
        })
        .collect()
}

#[test]
fn every_command_has_examples_and_each_parses() {
    let mut missing = Vec::new();
    let mut parsed = 0;
    for (name, help) in commands() {
        let Some(help) = help.filter(|h| h.starts_with("Examples:")) else {
            missing.push(name);
            continue;
        };
        let lines = example_lines(&help);
        assert!(
            !lines.is_empty(),
            "{name}: an Examples: section without examples"
        );
        for line in lines {
            let calls = invocations(&line);
            assert!(!calls.is_empty(), "{name}: no datumctl command in {line:?}");
            for argv in calls {
                let argv = datumctl::usage::normalize(argv.iter().map(Into::into));
                let mut command = Cli::command();
                let matches = command
                    .try_get_matches_from_mut(&argv)
                    .unwrap_or_else(|e| panic!("{name}: example {line:?} does not parse:\n{e}"));
                datumctl::usage::refuse_unused_globals(&command, &matches)
                    .unwrap_or_else(|e| panic!("{name}: example {line:?} is refused:\n{e}"));
                parsed += 1;
            }
        }
    }
    assert!(missing.is_empty(), "commands without Examples: {missing:?}");
    assert!(parsed > 40, "only {parsed} examples");
}

#[test]
fn examples_are_in_the_man_pages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (page, example) in [
        (
            "datumctl-get.1",
            "datumctl get btp/backend\\-traffic\\-example \\-o yaml",
        ),
        ("datumctl-config-view.1", "datumctl config view \\-o json"),
        ("datumctl.1", "datumctl explain btp.spec.retry"),
    ] {
        let text = std::fs::read_to_string(root.join("man").join(page)).expect("man page");
        let section = text
            .split(".SH EXAMPLES")
            .nth(1)
            .unwrap_or_else(|| panic!("{page} has no EXAMPLES section"));
        assert!(section.contains(example), "{page}: {example:?} missing");
    }
}

/// What running an example needs that a sealed test cannot give: a browser or OIDC issuer, a
/// process that never exits, or a file outside the working directory.
fn runnable(line: &str) -> bool {
    ![
        "datumctl serve",
        "--watch",
        "datumctl login",
        "datumctl logout",
        "get-token",
        "update-kubeconfig",
        " > ",
    ]
    .iter()
    .any(|n| line.contains(n))
}

/// Commands whose examples change or read the server's state, in the order that makes each
/// example's objects exist (apply before describe, delete last). Other commands are parsed only.
const RUN_ORDER: &[&str] = &[
    "datumctl",
    "datumctl validate",
    "datumctl config",
    "datumctl apply",
    "datumctl get",
    "datumctl describe",
    "datumctl explain",
    "datumctl diff",
    "datumctl delete",
    "datumctl completion",
    "datumctl auth",
];

#[test]
fn examples_run_against_a_server() {
    let server = TestServer::start();
    let home = tempfile::tempdir().expect("tempdir");
    let work = tempfile::tempdir().expect("tempdir");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::os::unix::fs::symlink(repo.join("examples"), work.path().join("examples"))
        .expect("link examples");
    std::fs::write(work.path().join("token.txt"), "example-token\n").expect("token.txt");
    std::fs::create_dir_all(home.path().join(".datum")).expect("~/.datum");
    std::fs::write(home.path().join(".datum/token"), "example-token\n").expect("token");
    let bin_dir: PathBuf = common::bin().parent().expect("bin dir").to_path_buf();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let all = commands();
    let mut ran = 0;
    for group in RUN_ORDER {
        for (name, help) in &all {
            let in_group =
                name == group || (name.starts_with(&format!("{group} ")) && *group != "datumctl");
            if !in_group {
                continue;
            }
            for line in example_lines(help.as_deref().unwrap_or_default()) {
                if !runnable(&line) {
                    continue;
                }
                // The local control plane's default address is this test's server.
                let script = line.replace("http://127.0.0.1:7780", &server.url);
                let o = shell(home.path(), work.path(), &path, &server.url, &script);
                let ok = match name.as_str() {
                    "datumctl diff" => matches!(code(&o), 0 | 1),
                    _ => code(&o) == 0,
                };
                assert!(
                    ok,
                    "{name}: example {line:?} exited {}\nstdout:\n{}\nstderr:\n{}",
                    code(&o),
                    out(&o),
                    err(&o)
                );
                ran += 1;
            }
        }
    }
    assert!(ran > 30, "only {ran} examples ran");
}

fn shell(home: &Path, dir: &Path, path: &str, url: &str, script: &str) -> std::process::Output {
    let sealed = datumctl(home);
    let envs: Vec<_> = sealed
        .get_envs()
        .map(|(k, v)| (k.to_owned(), v.map(ToOwned::to_owned)))
        .collect();
    let mut bash = Command::new("bash");
    for (k, v) in envs {
        match v {
            Some(v) => bash.env(k, v),
            None => bash.env_remove(k),
        };
    }
    bash.args(["-o", "pipefail", "-c", script])
        .current_dir(dir)
        .env("PATH", path)
        .env("DATUMCTL_SERVER", url)
        .env("DATUM_PROJECT", "my-project")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run bash")
}

/// The text after `heading` up to the next heading (a line ending in `:` at column 0).
fn section<'a>(help: &'a str, heading: &str) -> &'a str {
    let start = help
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("no {heading} in:\n{help}"));
    let rest = &help[start + heading.len() + 2..];
    let end = rest
        .find("\n\n")
        .map(|i| {
            rest[i..]
                .lines()
                .skip(2)
                .position(|l| !l.starts_with(' ') && l.ends_with(':'))
                .map_or(rest.len(), |_| i)
        })
        .unwrap_or(rest.len());
    &rest[..end]
}

fn help(home: &Path, args: &[&str]) -> String {
    let o = datumctl(home)
        .args(args)
        .arg("--help")
        .output()
        .expect("run");
    assert_eq!(code(&o), 0, "{args:?} --help: {}", err(&o));
    out(&o)
}

#[test]
fn global_flags_have_their_own_headings_and_offline_commands_hide_connection_flags() {
    let home = tempfile::tempdir().expect("tempdir");
    let get = help(home.path(), &["get"]);
    let own = get
        .split("\nConnection Options:")
        .next()
        .unwrap_or_default();
    assert!(own.contains("--selector"), "{get}");
    assert!(
        !own.contains("--server"),
        "connection flags among get's own:\n{get}"
    );
    assert!(
        !own.contains("--output <FORMAT>"),
        "global -o among get's own:\n{get}"
    );
    assert!(
        section(&get, "Connection Options:").contains("--server <URL>"),
        "{get}"
    );
    assert!(
        section(&get, "Global Options:").contains("--output <FORMAT>"),
        "{get}"
    );
    for offline in [
        &["validate"][..],
        &["completion"],
        &["config", "use-context"],
    ] {
        let text = help(home.path(), offline);
        for flag in [
            "--server",
            "--token",
            "--kubeconfig",
            "--context",
            "--as ",
            "--request-timeout",
        ] {
            assert!(!text.contains(flag), "{offline:?} lists {flag}:\n{text}");
        }
        assert!(
            !text.contains("Connection Options:"),
            "{offline:?}:\n{text}"
        );
    }
    // Nor do the completion scripts offer them (clap_complete would list hidden flags).
    let fish = datumctl::cmd::completion::script(clap_complete::Shell::Fish);
    let offered = |sub: &str, flag: &str| {
        fish.lines().any(|l| {
            l.contains(&format!("__fish_datumctl_using_subcommand {sub}\""))
                && l.contains(&format!(" -l {flag} "))
        })
    };
    assert!(!offered("validate", "server") && !offered("serve", "token"));
    assert!(!offered("describe", "output") && offered("get", "output"));
    assert!(offered("validate", "profile") && offered("get", "server"));
    // explain asks the server when one is configured: its connection flags stay.
    assert!(help(home.path(), &["explain"]).contains("--server <URL>"));
    assert!(!help(home.path(), &["explain"]).contains("--namespace"));
    assert!(!help(home.path(), &["describe"]).contains("--output"));
}

#[test]
fn verbosity_takes_kubectl_spellings_and_never_swallows_a_subcommand() {
    let server = TestServer::start();
    let home = tempfile::tempdir().expect("tempdir");
    let run = |args: &[&str]| {
        datumctl(home.path())
            .args(args)
            .args(["--server", &server.url, "--project", "p"])
            .output()
            .expect("run")
    };
    for args in [
        &["-v", "6", "get", "btp"][..],
        &["-v=6", "get", "btp"],
        &["--v=6", "get", "btp"],
        &["get", "btp", "-v", "6"],
        &["get", "btp", "--v", "6"],
    ] {
        let o = run(args);
        assert_eq!(code(&o), 0, "{args:?}: {}", err(&o));
        assert!(
            err(&o).contains("GET "),
            "{args:?} logs no request: {}",
            err(&o)
        );
    }
    for args in [
        &["-v", "get", "btp"][..],
        &["get", "btp", "-v"],
        &["--v", "get", "btp"],
    ] {
        let o = run(args);
        assert_eq!(code(&o), 0, "{args:?}: {}", err(&o));
        assert!(
            err(&o).contains("No resources found"),
            "{args:?}: {}",
            err(&o)
        );
        assert!(!err(&o).contains("GET "), "bare -v is level 1: {}", err(&o));
    }
}

#[test]
fn apply_without_files_names_only_flags_that_exist() {
    let home = tempfile::tempdir().expect("tempdir");
    let runs: Vec<(&[&str], _)> = [
        &["apply", "--server", "http://127.0.0.1:9", "--project", "p"][..],
        &["diff", "--server", "http://127.0.0.1:9", "--project", "p"],
    ]
    .into_iter()
    .map(|args| {
        (
            args,
            datumctl(home.path()).args(args).output().expect("run"),
        )
    })
    .collect();
    // Only the flags datumctl has: no `-k` (kustomize).
    assert_session("help_and_flags__apply_without_files", &runs, &[]);
}

#[test]
fn suggestions_only_for_close_names() {
    let home = tempfile::tempdir().expect("tempdir");
    let run = |args: &[&str]| datumctl(home.path()).args(args).output().expect("run");
    // Far from every name: no suggestion (clap's own matcher offered `validate` for `lint`,
    // and `login` for `logs`). Close: the one meant.
    let cases: [&[&str]; 12] = [
        &["lint"],
        &["logs"],
        &["rollout"],
        &["deploy"],
        &["aply"],
        &["desrcibe"],
        &["delet"],
        &["config", "viw"],
        &["get", "btp", "--selektor", "a=b"],
        &["validate", "--profile", "datun"],
        &["completion", "tcsh"],
        &["get", "btp", "--frobnicate"],
    ];
    let runs: Vec<(&[&str], _)> = cases.into_iter().map(|args| (args, run(args))).collect();
    assert_session("help_and_flags__suggestions", &runs, &[]);
}

#[test]
fn flags_a_command_does_not_use_are_refused() {
    let home = tempfile::tempdir().expect("tempdir");
    let manifest =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/backend-traffic-example.yaml");
    let manifest = manifest.to_str().expect("utf-8 path");
    let run = |args: &[&str]| datumctl(home.path()).args(args).output().expect("run");
    for (args, flag) in [
        (&["describe", "btp", "x", "-o", "json"][..], "--output"),
        (&["-o", "yaml", "describe", "btp", "x"], "--output"),
        (&["diff", "-f", manifest, "-o", "yaml"], "--output"),
        (&["serve", "-o", "json"], "--output"),
        (&["serve", "--server", "http://127.0.0.1:1"], "--server"),
        (
            &["validate", "-f", manifest, "--server", "http://127.0.0.1:1"],
            "--server",
        ),
        (&["--token", "t", "validate", "-f", manifest], "--token"),
        (&["validate", "-f", manifest, "-n", "prod"], "--namespace"),
        (&["completion", "bash", "--context", "prod"], "--context"),
        (&["explain", "btp", "-n", "prod"], "--namespace"),
        (&["config", "get-contexts", "-o", "json"], "--output"),
    ] {
        let o = run(args);
        assert_eq!(code(&o), 2, "{args:?}: {}", err(&o));
        assert!(
            err(&o).contains(flag),
            "{args:?} does not name {flag}: {}",
            err(&o)
        );
        assert!(err(&o).contains("has no effect"), "{args:?}: {}", err(&o));
        assert!(out(&o).is_empty(), "{args:?} printed {}", out(&o));
    }
    // From the environment they are fine: CI exports DATUMCTL_SERVER for every step.
    let o = datumctl(home.path())
        .args(["validate", "-f", manifest])
        .env("DATUMCTL_SERVER", "http://127.0.0.1:1")
        .env("DATUMCTL_TOKEN", "t")
        .output()
        .expect("run");
    assert_eq!(code(&o), 0, "{}", err(&o));
}

#[test]
fn config_view_prints_json_or_yaml_with_secrets_redacted() {
    let home = tempfile::tempdir().expect("tempdir");
    let set = datumctl(home.path())
        .args([
            "config",
            "set-context",
            "ci",
            "--server",
            "https://api.example.com",
        ])
        .args(["--project", "p", "--token", "s3cret-value"])
        .output()
        .expect("run");
    assert_eq!(code(&set), 0, "{}", err(&set));
    let json = datumctl(home.path())
        .args(["config", "view", "-o", "json"])
        .output()
        .expect("run");
    assert_eq!(code(&json), 0, "{}", err(&json));
    let value: serde_json::Value =
        serde_json::from_str(&out(&json)).expect("config view -o json is JSON");
    assert_eq!(value["contexts"][0]["name"], "ci", "{value}");
    assert_eq!(value["contexts"][0]["token"], "REDACTED", "{value}");
    assert!(!out(&json).contains("s3cret"));
    let yaml = datumctl(home.path())
        .args(["config", "view", "-o", "yaml"])
        .output()
        .expect("run");
    assert!(
        out(&yaml).contains("name: ci") && !out(&yaml).contains("s3cret"),
        "{}",
        out(&yaml)
    );
    let wide = datumctl(home.path())
        .args(["config", "view", "-o", "wide"])
        .output()
        .expect("run");
    assert_eq!(code(&wide), 2, "{}", err(&wide));
}

#[test]
fn a_server_url_without_a_scheme_is_a_usage_error_with_the_fix() {
    let home = tempfile::tempdir().expect("tempdir");
    let flag = datumctl(home.path())
        .args(["get", "btp", "--server", "127.0.0.1:7780", "--project", "p"])
        .output()
        .expect("run");
    assert_eq!(code(&flag), 2, "{}", err(&flag));
    assert!(
        err(&flag).contains("https://127.0.0.1:7780"),
        "{}",
        err(&flag)
    );
    let env = datumctl(home.path())
        .args(["get", "btp", "--project", "p"])
        .env("DATUMCTL_SERVER", "api.example.com")
        .output()
        .expect("run");
    assert_eq!(code(&env), 2, "{}", err(&env));
    assert!(
        err(&env).contains("use https://api.example.com"),
        "{}",
        err(&env)
    );
    // set-context refuses to save one; a context written by hand fails when it is used.
    let set = datumctl(home.path())
        .args([
            "config",
            "set-context",
            "bare",
            "--server",
            "api.example.com",
            "--project",
            "p",
        ])
        .output()
        .expect("run");
    assert_eq!(code(&set), 2, "{}", err(&set));
    assert!(
        err(&set).contains("use https://api.example.com"),
        "{}",
        err(&set)
    );
    std::fs::write(
        home.path().join("datumctl-config.yaml"),
        "current-context: bare\ncontexts:\n- name: bare\n  server: api.example.com\n  project: p\n",
    )
    .expect("write config");
    let ctx = datumctl(home.path())
        .args(["get", "btp"])
        .output()
        .expect("run");
    assert_eq!(code(&ctx), 2, "{}", err(&ctx));
    assert!(err(&ctx).contains("context \"bare\""), "{}", err(&ctx));
}

#[test]
fn the_describe_status_table_fits_the_terminal_and_colours_through_the_printer() {
    let server = TestServer::start();
    let home = tempfile::tempdir().expect("tempdir");
    let manifest =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/backend-traffic-example.yaml");
    let run = |columns: &str, extra: &[&str]| {
        datumctl(home.path())
            .args(["--server", &server.url, "--project", "p"])
            .args(extra)
            .env("COLUMNS", columns)
            .output()
            .expect("run")
    };
    let applied = run("120", &["apply", "-f", manifest.to_str().expect("utf-8")]);
    assert_eq!(code(&applied), 0, "{}", err(&applied));
    let describe = |columns: &str, extra: &[&str]| {
        // The built-in status writer reports shortly after the write.
        for _ in 0..200 {
            let o = run(
                columns,
                &[&["describe", "btp", "backend-traffic-example"][..], extra].concat(),
            );
            assert_eq!(code(&o), 0, "{}", err(&o));
            let text = out(&o);
            if text.contains("ANCESTOR") {
                return text.split("Status:\n").nth(1).expect("status").to_string();
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("no status was ever written");
    };
    for columns in [80, 120] {
        let status = describe(&columns.to_string(), &[]);
        let table: Vec<&str> = status
            .lines()
            .take_while(|l| !l.starts_with("Events:"))
            .collect();
        for line in &table {
            assert!(
                line.chars().count() <= columns,
                "{} columns wide at COLUMNS={columns}:\n{status}",
                line.chars().count()
            );
        }
        // What moved out of the table to make it fit is still there.
        assert!(
            status.contains("gateway.envoyproxy.io/gatewayclass-controller"),
            "{status}"
        );
        assert!(status.contains("Policy has been accepted."), "{status}");
        assert!(
            !status.contains('\x1b'),
            "colour without a terminal: {status}"
        );
    }
    let wide = describe("250", &[]);
    let header = wide.lines().next().expect("header");
    assert!(
        header.contains("CONTROLLER") && header.contains("OBSERVED GEN"),
        "{wide}"
    );
    let coloured = describe("120", &["--color", "always"]);
    assert!(coloured.contains("\x1b[32mTrue\x1b[0m"), "{coloured}");

    // validate and diff colour through the same printer.
    let bad = home.path().join("bad.yaml");
    std::fs::write(
        &bad,
        "apiVersion: gateway.envoyproxy.io/v1alpha1\nkind: BackendTrafficPolicy\nmetadata:\n  name: x\nspec:\n  retry:\n    numRetries: -1\n",
    )
    .expect("write");
    let validate = |color: &str| {
        datumctl(home.path())
            .args([
                "validate",
                "-f",
                bad.to_str().expect("utf-8"),
                "--color",
                color,
            ])
            .output()
            .expect("run")
    };
    assert!(
        err(&validate("always")).contains("\x1b[1m"),
        "{}",
        err(&validate("always"))
    );
    assert!(
        !err(&validate("never")).contains('\x1b'),
        "{}",
        err(&validate("never"))
    );
    let changed = home.path().join("changed.yaml");
    let text = std::fs::read_to_string(&manifest)
        .expect("read")
        .replace("numRetries: 3", "numRetries: 4");
    std::fs::write(&changed, text).expect("write");
    let diff = run(
        "120",
        &[
            "diff",
            "-f",
            changed.to_str().expect("utf-8"),
            "--color",
            "always",
        ],
    );
    assert_eq!(code(&diff), 1, "{}", err(&diff));
    assert!(
        out(&diff).contains("\x1b[32m+    numRetries: 4\x1b[0m"),
        "{}",
        out(&diff)
    );
    assert!(
        out(&diff).contains("\x1b[31m-    numRetries: 3\x1b[0m"),
        "{}",
        out(&diff)
    );
}
