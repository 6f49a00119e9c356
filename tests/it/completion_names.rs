//! Completion of policy names from the server: `datumctl __complete-names WORDS…` (what the
//! scripts call) and the bash script itself, driven through bash against a real `datumctl serve`.

use crate::common;

use std::path::Path;
use std::process::Command;

fn apply(home: &Path, server: &str, name: &str) {
    let file = home.join(format!("{name}.yaml"));
    std::fs::write(
        &file,
        common::Policy::new(name).target("HTTPRoute", "web").yaml(),
    )
    .expect("write policy");
    let out = common::datumctl(home)
        .env("DATUMCTL_SERVER", server)
        .args(["apply", "--project", "names", "-f"])
        .arg(&file)
        .output()
        .expect("apply");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn names(home: &Path, server: &str, words: &[&str]) -> String {
    let out = common::datumctl(home)
        .env("DATUMCTL_SERVER", server)
        .arg("__complete-names")
        .args(words)
        .output()
        .expect("complete names");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "",
        "a tab press prints no errors"
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn names_come_from_the_project_the_line_names() {
    let server = common::TestServer::start();
    let home = tempfile::tempdir().expect("home");
    apply(home.path(), &server.url, "alpha");
    apply(home.path(), &server.url, "beta");
    let words = ["datumctl", "describe", "btp", "--project", "names"];
    assert_eq!(names(home.path(), &server.url, &words), "alpha\nbeta\n");
    let other = ["datumctl", "get", "btp", "--project=elsewhere"];
    assert_eq!(names(home.path(), &server.url, &other), "");
    // No server reachable: nothing, quietly.
    assert_eq!(names(home.path(), "http://127.0.0.1:9", &words), "");
}

#[test]
fn bash_completes_names_after_the_resource_only() {
    let server = common::TestServer::start();
    let home = tempfile::tempdir().expect("home");
    apply(home.path(), &server.url, "alpha");
    apply(home.path(), &server.url, "beta");
    let script = home.path().join("datumctl.bash");
    let out = common::datumctl(home.path())
        .args(["completion", "bash"])
        .output()
        .expect("script");
    std::fs::write(&script, &out.stdout).expect("write script");
    let bin_dir = common::bin().parent().expect("bin dir").to_path_buf();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let complete = |line: &str| {
        let program = format!(
            "source {}; COMP_WORDS=({line}); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); \
             COMP_LINE=\"${{COMP_WORDS[*]}}\"; COMP_POINT=${{#COMP_LINE}}; \
             _datumctl_with_names datumctl; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            script.display()
        );
        let out = Command::new("bash")
            .args(["-c", &program])
            .env("PATH", &path)
            .env("HOME", home.path())
            .env("DATUMCTL_CONFIG", home.path().join("config.yaml"))
            .env("DATUMCTL_SERVER", &server.url)
            .output()
            .expect("bash");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert_eq!(
        complete("datumctl get btp --project names ''"),
        "alpha\nbeta\n"
    );
    assert_eq!(
        complete("datumctl -n default delete backendtrafficpolicy --project names b"),
        "beta\n"
    );
    // The verbs of issue #15 that take names complete them too, past their own flags.
    for verb in [
        "wait --for=delete",
        "edit",
        "patch --type merge",
        "label",
        "annotate",
    ] {
        assert_eq!(
            complete(&format!("datumctl {verb} btp --project names a")),
            "alpha\n",
            "{verb}"
        );
    }
    // The resource position gets the static completion, not policy names.
    assert!(!complete("datumctl --project names get ''").contains("alpha"));
}

#[test]
fn zsh_and_fish_scripts_ask_for_names_too() {
    let home = tempfile::tempdir().expect("home");
    for shell in ["zsh", "fish"] {
        let out = common::datumctl(home.path())
            .args(["completion", shell])
            .output()
            .expect("script");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("datumctl __complete-names"), "{shell}");
    }
}
