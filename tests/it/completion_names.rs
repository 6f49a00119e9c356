//! Completion of policy names from the server: `datumctl __complete-names WORDS…` (what the
//! scripts call) and the bash script itself, driven through bash against a real `datumctl serve`.

use crate::common;

use common::Env;
use std::process::Command;

/// A fresh server with the policies `alpha` and `beta` in project `names`.
fn with_alpha_and_beta() -> Env {
    let env = Env::new("names");
    for name in ["alpha", "beta"] {
        let file = env.write(
            &format!("{name}.yaml"),
            &common::Policy::new(name).target("HTTPRoute", "web").yaml(),
        );
        env.ok(&["apply", "-f", &file]);
    }
    env
}

/// What `__complete-names WORDS…` offers, asking `server`; the project comes only from the
/// words, as on a command line being typed.
fn names(env: &Env, server: &str, words: &[&str]) -> String {
    let out = env
        .cmd()
        .env_remove("DATUM_PROJECT")
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
    let env = with_alpha_and_beta();
    let url = &env.server.url;
    let words = ["datumctl", "describe", "btp", "--project", "names"];
    assert_eq!(names(&env, url, &words), "alpha\nbeta\n");
    let other = ["datumctl", "get", "btp", "--project=elsewhere"];
    assert_eq!(names(&env, url, &other), "");
    // No server reachable: nothing, quietly.
    assert_eq!(names(&env, "http://127.0.0.1:9", &words), "");
}

#[test]
fn bash_completes_names_after_the_resource_only() {
    let env = with_alpha_and_beta();
    let (home, server) = (&env.home, &env.server);
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
