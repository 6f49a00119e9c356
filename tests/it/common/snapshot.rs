//! Snapshots of what the binary printed (insta): stdout, stderr and the exit code together in one
//! transcript, with what differs from run to run (ports, uids, resource versions, times, ages,
//! temporary paths) replaced by a placeholder. Review changed snapshots with `cargo insta review`
//! or by renaming the `.snap.new` file insta writes beside the old one (README, "Tests").

use std::process::Output;

/// One run as one text: the exit code, then stdout, then stderr.
pub fn transcript(o: &Output) -> String {
    format!(
        "exit: {}\n----- stdout -----\n{}----- stderr -----\n{}",
        super::code(o),
        super::out(o),
        super::err(o)
    )
}

/// (pattern, replacement) for every value that changes between runs.
pub fn filters() -> Vec<(String, String)> {
    let temp = regex::escape(&std::env::temp_dir().to_string_lossy());
    let temp = temp.trim_end_matches('/');
    [
        // Temporary homes and data dirs (tempfile's `.tmpXXXXXX`), canonical or not.
        (format!(r"(/private)?{temp}/\.tmp[A-Za-z0-9]+"), "[TEMP]"),
        (r"(127\.0\.0\.1|localhost):\d{2,5}".into(), "$1:[PORT]"),
        (
            r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}".into(),
            "[UID]",
        ),
        (
            r#"(resourceVersion"?:\s*"?|resourceVersion=)\d+"#.into(),
            "$1[RV]",
        ),
        (r"(Resource Version:\s+)\d+".into(), "$1[RV]"),
        (
            r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})".into(),
            "[TIMESTAMP]",
        ),
        // describe's `Creation Timestamp:  Tue, 01 Dec 2026 20:11:49 +0000`.
        (
            r"[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}".into(),
            "[TIMESTAMP]",
        ),
        // An AGE cell of a table: kubectl's short duration between column gaps (three spaces)
        // or ending the line. The padding stays as printed, so alignment is still checked.
        (
            r"(?m)(   )\d+[smhdy](\d+[smhd])?(   |$)".into(),
            "$1[AGE]$3",
        ),
    ]
    .into_iter()
    .map(|(p, r)| (p, r.to_string()))
    .collect()
}

/// insta settings with `filters()`; bind them around the assertion.
pub fn settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/it/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    for (pattern, replacement) in filters() {
        settings.add_filter(&pattern, replacement);
    }
    settings
}

/// Asserts the transcript of one run against the snapshot `name` (the file
/// `tests/it/snapshots/NAME.snap`); extra `(pattern, replacement)` filters come first.
#[track_caller]
pub fn assert_transcript(name: &str, o: &Output, extra: &[(&str, &str)]) {
    assert_text(name, &transcript(o), extra);
}

/// Asserts several runs as one snapshot: each transcript under the command line that made it
/// (`$ datumctl ARGS`), for a family of related messages read side by side.
#[track_caller]
pub fn assert_session(name: &str, runs: &[(&[&str], Output)], extra: &[(&str, &str)]) {
    let text: Vec<String> = runs
        .iter()
        .map(|(args, o)| format!("$ datumctl {}\n{}", args.join(" "), transcript(o)))
        .collect();
    assert_text(name, &text.join("\n"), extra);
}

#[track_caller]
fn assert_text(name: &str, text: &str, extra: &[(&str, &str)]) {
    let mut settings = settings();
    settings.clear_filters();
    let extra = extra.iter().map(|(p, r)| (p.to_string(), r.to_string()));
    for (pattern, replacement) in extra.chain(filters()) {
        settings.add_filter(&pattern, replacement);
    }
    settings.bind(|| insta::assert_snapshot!(name, text));
}
