//! `edit`, driven by an EDITOR script, side by side with the real kubectl 1.37 against one
//! `datumctl serve`: a change, an unchanged file, an invalid edit reopened with the reasons,
//! a conflict, an object deleted meanwhile; and the private, removed temporary file.

use crate::common;
use crate::verbs_support;

use verbs_support::{SideBySide, comparable};

/// The editor: copies what it was given to $SEEN (numbered per round), then acts by $MODE.
const EDITOR: &str = r#"#!/bin/sh
n=$(cat "$SEEN.count" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "$SEEN.count"
cp "$1" "$SEEN.$n"
ls -l "$1" | cut -c1-10 > "$SEEN.$n.mode"
echo "$1" > "$SEEN.$n.path"
case "$MODE" in
  retries) sed -i 's/numRetries: [0-9]*/numRetries: 9/' "$1" ;;
  invalid-once) [ $n = 1 ] && sed -i 's/numRetries: [0-9]*/numRetries: -4/' "$1" ;;
  invalid-then-fixed) [ $n = 1 ] && sed -i 's/numRetries: [0-9]*/numRetries: -4/' "$1"
                      [ $n = 2 ] && sed -i 's/numRetries: -4/numRetries: 4/' "$1" ;;
  version) sed -i 's/resourceVersion: .*/resourceVersion: "5"/; s/numRetries: [0-9]*/numRetries: 1/' "$1" ;;
  delete) "$KUBECTL" --kubeconfig "$EDIT_KUBECONFIG" delete btp "$NAME" > /dev/null
          sed -i 's/numRetries: [0-9]*/numRetries: 2/' "$1" ;;
  rename) sed -i 's/^  name: .*/  name: other/' "$1" ;;
esac
exit 0
"#;

struct Editing {
    s: SideBySide,
    editor: String,
}

impl Editing {
    fn start() -> Option<Editing> {
        let s = SideBySide::start(&[])?;
        let editor = s.path("editor.sh");
        std::fs::write(&editor, EDITOR).expect("editor");
        let made = std::process::Command::new("chmod")
            .args(["+x", &editor])
            .status()
            .expect("chmod");
        assert!(made.success());
        Some(Editing { s, editor })
    }

    fn create(&self, name: &str) {
        self.s
            .same(&["create", "-f", &self.s.policy_file(name, name, 3)]);
    }

    /// Runs `edit ARGS` in both tools with the editor in `mode`; returns the comparable result
    /// and what each tool's editor saw (per round).
    fn edit(&self, mode: &str, args: &[&str], name: &str) -> (verbs_support::Seen, Vec<String>) {
        let seen = self.s.path(&format!("@seen-{mode}-{name}"));
        let kubectl = common::kubectl()
            .expect("kubectl")
            .to_string_lossy()
            .into_owned();
        let kubeconfig = self.s.path("kubeconfig");
        let target = format!("@{name}");
        let env = [
            ("EDITOR", self.editor.as_str()),
            ("MODE", mode),
            ("SEEN", seen.as_str()),
            ("KUBECTL", kubectl.as_str()),
            ("EDIT_KUBECONFIG", kubeconfig.as_str()),
            ("NAME", target.as_str()),
        ];
        let mut full = vec!["edit"];
        full.extend_from_slice(args);
        let result = self.s.same_env(&full, &env);
        let rounds = |prefix: &str| -> Vec<String> {
            let base = seen.replace('@', prefix);
            (1..10)
                .map_while(|n| std::fs::read_to_string(format!("{base}.{n}")).ok())
                .map(|t| comparable(&t))
                .collect()
        };
        let (k, d) = (rounds("k-"), rounds("d-"));
        assert_eq!(d, k, "the editor saw different files for {mode}");
        (result, d)
    }

    /// Removes the files the editors were given that the tools kept (unsaved changes).
    fn clean_kept(&self) {
        let Ok(entries) = std::fs::read_dir(self.s.env.home()) else {
            return;
        };
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().ends_with(".path")
                && let Ok(path) = std::fs::read_to_string(entry.path())
            {
                let _ = std::fs::remove_file(path.trim());
            }
        }
    }

    /// The temporary files datumctl's editor was given: private, and whether they remain.
    fn datumctl_files(&self, mode: &str, name: &str) -> Vec<(String, bool)> {
        let base = self.s.path(&format!("d-seen-{mode}-{name}"));
        (1..10)
            .map_while(|n| {
                let mode = std::fs::read_to_string(format!("{base}.{n}.mode")).ok()?;
                let path = std::fs::read_to_string(format!("{base}.{n}.path")).ok()?;
                let path = path.trim().to_string();
                let exists = std::path::Path::new(&path).exists();
                Some((mode.trim().to_string(), exists))
            })
            .collect()
    }
}

#[test]
fn an_edit_is_sent_and_an_unchanged_file_cancels() {
    let Some(e) = Editing::start() else {
        return;
    };
    e.create("a");
    let (seen, opened) = e.edit("retries", &["btp", "@a"], "a");
    assert_eq!(
        seen.stdout,
        "backendtrafficpolicy.gateway.envoyproxy.io/k-a edited"
    );
    assert!(
        opened[0].starts_with("# Please edit the object below."),
        "{}",
        opened[0]
    );
    assert_eq!(
        e.datumctl_files("retries", "a"),
        [("-rw-------".to_string(), false)]
    );

    let (seen, _) = e.edit("none", &["btp/@a"], "a");
    assert_eq!(
        (seen.stderr.as_str(), seen.code),
        ("Edit cancelled, no changes made.", 0)
    );
    assert_eq!(
        e.datumctl_files("none", "a"),
        [("-rw-------".to_string(), false)]
    );

    let (seen, opened) = e.edit("none", &["btp/@a", "-o", "json"], "a-json");
    assert_eq!(seen.stderr, "Edit cancelled, no changes made.");
    assert!(
        opened[0].starts_with("{\n    \"apiVersion\""),
        "{}",
        opened[0]
    );

    let missing =
        e.s.same_env(&["edit", "btp", "@nope"], &[("EDITOR", "true")]);
    assert!(
        missing.stderr.starts_with("Error from server (NotFound)"),
        "{missing:?}"
    );
}

#[test]
fn an_invalid_edit_is_reopened_with_the_reasons() {
    let Some(e) = Editing::start() else {
        return;
    };
    e.create("b");
    // Invalid, then left as it was: kubectl's three lines and exit 1; the copy is kept.
    let (seen, opened) = e.edit("invalid-once", &["btp", "@b"], "b");
    assert_eq!(
        seen.stderr,
        "error: backendtrafficpolicies.gateway.envoyproxy.io \"k-b\" is invalid\nA copy of your changes has been stored to \"/tmp/EDIT-FILE-.yaml\"\nerror: Edit cancelled, no valid changes were saved."
    );
    assert_eq!(seen.code, 1);
    assert_eq!(opened.len(), 2);
    assert!(opened[1].contains(
        "#\n# backendtrafficpolicies.gateway.envoyproxy.io \"k-b\" was not valid:\n# * spec.retry.numRetries: Invalid value: -4: spec.retry.numRetries in body should be greater than or equal to 0\n#\n"
    ), "{}", opened[1]);
    assert!(
        opened[1].contains("numRetries: -4"),
        "the reopened file keeps the edit"
    );
    let files = e.datumctl_files("invalid-once", "b");
    assert_eq!(
        files[0],
        ("-rw-------".to_string(), false),
        "the first round's file is removed"
    );
    assert_eq!(
        files[1],
        ("-rw-------".to_string(), true),
        "the unsaved changes are kept"
    );
    // Invalid, then fixed in the reopened file: saved.
    let (seen, _) = e.edit("invalid-then-fixed", &["btp", "@b"], "b");
    assert_eq!(
        seen.stdout,
        "backendtrafficpolicy.gateway.envoyproxy.io/k-b edited"
    );
    e.clean_kept();
}

#[test]
fn conflicts_deletions_and_renames_as_kubectl() {
    let Some(e) = Editing::start() else {
        return;
    };
    e.create("c");
    let (seen, _) = e.edit("version", &["btp", "@c"], "c");
    assert!(
        seen.stderr
            .contains("could not be patched: Operation cannot be fulfilled"),
        "{seen:?}"
    );
    assert!(
        seen.stderr.ends_with("to try this update again."),
        "{seen:?}"
    );
    let (seen, _) = e.edit("rename", &["btp", "@c"], "c");
    assert!(
        seen.stderr
            .ends_with("error: At least one of apiVersion, kind and name was changed"),
        "{seen:?}"
    );
    let (seen, _) = e.edit("delete", &["btp", "@c"], "c");
    assert_eq!(
        seen.stderr,
        "error: backendtrafficpolicies.gateway.envoyproxy.io \"k-c\" could not be found on the server\nThe edits you made on deleted resources have been saved to \"/tmp/EDIT-FILE-.yaml\""
    );
    assert_eq!(seen.code, 1);
    e.clean_kept();
}
