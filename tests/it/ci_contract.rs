//! The contract CI scripts rely on, against a real `datumctl serve` and (where it prints the same
//! thing) the real kubectl 1.37 reading the same project: `TYPE/NAME` in every spelling and `-f`
//! wherever objects are named, so `get -o name | xargs describe` works; delete's `-o name`;
//! watches that print objects (not a List) and `--watch-only` that prints only changes.

use crate::common;

use common::{code, err, out};
use std::io::BufRead;
use std::process::{Command, Stdio};
use std::sync::mpsc::Receiver;
use std::time::Duration;

const PROJECT: &str = "contract";

use common::Env;

/// Starts a long-running command whose stdout lines arrive through a channel.
fn spawn_lines(mut cmd: Command) -> (std::process::Child, Receiver<String>) {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn watch");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout).lines() {
            if tx.send(line.unwrap_or_default()).is_err() {
                return;
            }
        }
    });
    (child, rx)
}

/// Lines that arrive within `wait`, stopping early after `max`.
fn lines_within(rx: &Receiver<String>, wait: Duration, max: usize) -> Vec<String> {
    let deadline = std::time::Instant::now() + wait;
    let mut lines = Vec::new();
    while lines.len() < max {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        match rx.recv_timeout(left) {
            Ok(line) => lines.push(line),
            Err(_) => break,
        }
    }
    lines
}

fn stop(mut child: std::process::Child) {
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn names_printed_by_get_are_accepted_back_everywhere() {
    let env = Env::new(PROJECT);
    for name in ["alpha", "beta"] {
        let f = env.write(&format!("{name}.yaml"), &common::Policy::new(name).yaml());
        env.ok(&["apply", "-f", &f]);
    }
    let names = env.ok(&["get", "btp", "-o", "name"]);
    let names: Vec<&str> = names.lines().collect();
    assert_eq!(
        names,
        [
            "backendtrafficpolicy.gateway.envoyproxy.io/alpha",
            "backendtrafficpolicy.gateway.envoyproxy.io/beta"
        ]
    );
    // What `xargs datumctl describe` would run.
    let mut describe = vec!["describe"];
    describe.extend(&names);
    let described = env.ok(&describe);
    assert_eq!(
        described.lines().filter(|l| l.starts_with("Name:")).count(),
        2,
        "{described}"
    );
    for spelling in [
        "btp/alpha",
        "BTP/alpha",
        "backendtrafficpolicies/alpha",
        "backendtrafficpolicy.gateway.envoyproxy.io/alpha",
        "backendtrafficpolicies.gateway.envoyproxy.io/alpha",
    ] {
        assert_eq!(
            env.ok(&["get", spelling, "-o", "name"]),
            "backendtrafficpolicy.gateway.envoyproxy.io/alpha\n",
            "{spelling}"
        );
    }
    let deleted = env.ok(&["delete", "btp/alpha", "btp/beta", "-o", "name"]);
    assert_eq!(
        deleted,
        names.iter().map(|n| format!("{n}\n")).collect::<String>()
    );
    let gone = env.run(&["get", "btp/alpha"]);
    assert_eq!(code(&gone), 1);
    assert_eq!(
        err(&gone),
        "Error from server (NotFound): backendtrafficpolicies.gateway.envoyproxy.io \"alpha\" not found\n"
    );
}

#[test]
fn objects_named_by_a_manifest_for_get_describe_and_delete_as_kubectl() {
    let env = Env::new(PROJECT);
    let both = env.write(
        "both.yaml",
        &format!(
            "{}---\n{}",
            common::Policy::new("one").yaml(),
            common::Policy::new("two").yaml()
        ),
    );
    env.ok(&["apply", "-f", &both]);
    assert_eq!(
        env.ok(&["get", "-f", &both, "-o", "name"]),
        "backendtrafficpolicy.gateway.envoyproxy.io/one\nbackendtrafficpolicy.gateway.envoyproxy.io/two\n"
    );
    let described = env.ok(&["describe", "-f", &both]);
    assert!(described.starts_with("Name:         one\n"), "{described}");
    assert!(described.contains("\nName:         two\n"), "{described}");
    let kubectl = common::kubectl();
    if let Some(bin) = &kubectl {
        let theirs = env.kubectl(bin, &["get", "-f", &both, "-o", "name"]);
        assert_eq!(out(&theirs), env.ok(&["get", "-f", &both, "-o", "name"]));
    }
    assert_eq!(
        env.ok(&["delete", "-f", &both, "-o", "name"]),
        "backendtrafficpolicy.gateway.envoyproxy.io/one\nbackendtrafficpolicy.gateway.envoyproxy.io/two\n"
    );
    // Deleting what is gone names the manifest, as kubectl does.
    let again = env.run(&["delete", "-f", &both]);
    assert_eq!(code(&again), 1);
    if let Some(bin) = &kubectl {
        let theirs = env.kubectl(bin, &["delete", "-f", &both]);
        assert_eq!(err(&again), err(&theirs));
    }
    assert!(err(&again).starts_with(&format!(
        "Error from server (NotFound): error when deleting \"{both}\": backendtrafficpolicies.gateway.envoyproxy.io \"one\" not found\n"
    )));
}

#[test]
fn argument_mistakes_are_worded_as_kubectl_words_them() {
    let env = Env::new(PROJECT);
    let file = env.write("p.yaml", &common::Policy::new("p").yaml());
    let cases: [&[&str]; 6] = [
        &["get", "btp", "btp/p"],
        &["get", "btp/p/q"],
        &["get", "btp/"],
        &["describe", "pods/p"],
        &["get", "btp/p", "-f", &file],
        &["delete", "btp", "p", "-l", "a=b"],
    ];
    let kubectl = common::kubectl();
    for args in cases {
        let ours = env.run(args);
        let message = err(&ours);
        let first = message.lines().next().unwrap_or("").to_string();
        assert!(first.starts_with("error: "), "{args:?}: {message}");
        let expected_code = if args.contains(&"pods/p") { 1 } else { 2 };
        assert_eq!(code(&ours), expected_code, "{args:?}: {message}");
        if let Some(bin) = &kubectl {
            let theirs = env.kubectl(bin, args);
            assert_ne!(code(&theirs), 0, "{args:?}");
            let their_first = err(&theirs)
                .lines()
                .next()
                .unwrap_or("")
                .replace("kubectl", "datumctl");
            assert_eq!(first, their_first, "{args:?}");
        }
    }
}

#[test]
fn watch_only_prints_nothing_until_something_changes() {
    let env = Env::new(PROJECT);
    let f = env.write("p.yaml", &common::Policy::new("quiet").yaml());
    env.ok(&["apply", "-f", &f]);
    // Let the status writer finish with it, so the only later change is ours.
    std::thread::sleep(Duration::from_millis(800));
    let (child, rx) = spawn_lines(env.datumctl(&["get", "btp", "--watch-only", "-o", "name"]));
    let before = lines_within(&rx, Duration::from_millis(1500), 1);
    assert!(before.is_empty(), "printed before any change: {before:?}");
    let changed = env.write(
        "changed.yaml",
        &common::Policy::new("quiet")
            .yaml()
            .replace("name: quiet\n", "name: quiet\n  labels: {team: edge}\n"),
    );
    env.ok(&["apply", "-f", &changed]);
    let after = lines_within(&rx, Duration::from_secs(10), 1);
    stop(child);
    assert_eq!(after, ["backendtrafficpolicy.gateway.envoyproxy.io/quiet"]);
    // With -w as well, as kubectl accepts it (--watch-only wins): still watching, not refused.
    let mut both = env
        .datumctl(&["get", "btp", "-w", "--watch-only", "-o", "name"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    std::thread::sleep(Duration::from_millis(1500));
    let exited = both.try_wait().expect("poll");
    let _ = both.kill();
    let o = both.wait_with_output().expect("wait");
    assert!(exited.is_none(), "exited {exited:?}: {}", err(&o));
}

#[test]
fn watch_prints_objects_not_a_list() {
    let env = Env::new(PROJECT);
    for name in ["a", "b"] {
        let f = env.write(&format!("{name}.yaml"), &common::Policy::new(name).yaml());
        env.ok(&["apply", "-f", &f]);
    }
    let (child, rx) = spawn_lines(env.datumctl(&["get", "btp", "-w", "-o", "yaml"]));
    let yaml = lines_within(&rx, Duration::from_secs(3), 400);
    stop(child);
    let text = yaml.join("\n");
    let docs: Vec<&str> = text.split("\n---\n").collect();
    assert!(docs.len() >= 2, "{text}");
    assert!(!text.starts_with("---"), "{text}");
    assert!(!text.contains("kind: BackendTrafficPolicyList"), "{text}");
    for doc in docs {
        assert!(
            doc.starts_with("apiVersion: gateway.envoyproxy.io/v1alpha1\n"),
            "{doc}"
        );
    }
    let (child, rx) = spawn_lines(env.datumctl(&["get", "btp", "-w", "-o", "json"]));
    let json = lines_within(&rx, Duration::from_secs(3), 400);
    stop(child);
    let objects: Vec<serde_json::Value> = serde_json::Deserializer::from_str(&json.join("\n"))
        .into_iter()
        .collect::<Result<_, _>>()
        .expect("a stream of JSON objects");
    assert!(objects.len() >= 2, "{json:?}");
    assert!(objects.iter().all(|o| o["kind"] == "BackendTrafficPolicy"));
}
