//! Hostile input to `datumctl validate`: each class is refused with one line naming the file,
//! exit 2, in bounded time and under 512 MiB of memory — never a panic or a hang.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

/// Debug builds are several times slower; the 5 s bound is for release builds (see the report
/// of scripts/bench-validate.sh), the debug bound only catches runaways.
fn time_limit() -> Duration {
    Duration::from_secs(if cfg!(debug_assertions) { 40 } else { 5 })
}

/// Runs `datumctl validate -f FILE`; checks that no child went over 512 MiB of resident memory.
fn validate_capped(home: &Path, file: &Path) -> (Output, Duration) {
    let start = Instant::now();
    let (out, peak) = common::output_and_peak_kib(
        common::datumctl(home).args(["validate", "-f"]).arg(file),
        None,
    );
    let took = start.elapsed();
    assert!(peak < 512 * 1024, "a datumctl used {peak} KiB");
    (out, took)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write input");
    path
}

/// Exit 1 (an invalid manifest), stderr is one `FILE…` line holding `needle` and the summary,
/// within the time limit.
fn assert_refused(file: &Path, needle: &str) {
    let home = tempfile::tempdir().expect("home");
    let (out, took) = validate_capped(home.path(), file);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "one line and the summary, got: {stderr}");
    assert_eq!(lines[1], "1 document, 1 invalid");
    assert!(
        lines[0].starts_with(&format!("{}", file.display())),
        "{stderr}"
    );
    assert!(lines[0].contains(needle), "want {needle:?} in {stderr}");
    assert!(took < time_limit(), "took {took:?}");
}

#[test]
fn billion_laughs_is_refused() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = write(dir.path(), "laughs.yaml", common::alias_bomb().as_bytes());
    assert_refused(&file, "aliases expand to more than");
}

#[test]
fn nested_anchors_cannot_multiply_memory() {
    // Each level anchors a list holding the level below: copies for aliases would repeat the
    // big list once per level if they were not counted.
    let dir = tempfile::tempdir().expect("tmp");
    let mut text = String::new();
    for depth in 0..90 {
        text.push_str(&format!("{}- &l{depth}\n", "  ".repeat(depth)));
    }
    text.push_str(&"  ".repeat(90));
    text.push_str(&format!("- [{}]\n", vec!["1"; 400_000].join(",")));
    let file = write(dir.path(), "anchors.yaml", text.as_bytes());
    let home = tempfile::tempdir().expect("home");
    let (out, took) = validate_capped(home.path(), &file);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("holds more than"), "{stderr}");
    assert!(took < time_limit(), "took {took:?}");
}

#[test]
fn deep_nesting_is_refused() {
    let dir = tempfile::tempdir().expect("tmp");
    let block: String = (0..5_000)
        .map(|i| format!("{}k:\n", " ".repeat(i)))
        .collect();
    let file = write(dir.path(), "deep-block.yaml", block.as_bytes());
    assert_refused(&file, "nesting deeper than 100 levels");
    let flow = "[".repeat(1_000_000);
    let file = write(dir.path(), "deep-flow.yaml", flow.as_bytes());
    assert_refused(&file, "deep-flow.yaml:1:");
}

#[test]
fn oversized_documents_and_inputs_are_refused() {
    let dir = tempfile::tempdir().expect("tmp");
    let big = format!(
        "apiVersion: gateway.envoyproxy.io/v1alpha1\nkind: BackendTrafficPolicy\nmetadata:\n  name: big\n  annotations:\n    a: \"{}\"\n",
        "x".repeat(4 * 1024 * 1024)
    );
    let file = write(dir.path(), "big-doc.yaml", big.as_bytes());
    assert_refused(&file, "document is larger than 3 MiB");
    let huge = vec![b'#'; 64 * 1024 * 1024 + 1];
    let file = write(dir.path(), "huge.yaml", &huge);
    assert_refused(&file, "larger than 64 MiB");
}

#[test]
fn binary_and_non_utf8_input_is_refused() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = write(dir.path(), "image.yaml", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert_refused(&file, "binary data (NUL byte at offset 8)");
    let file = write(dir.path(), "latin1.yaml", b"kind: Caf\xe9\n");
    assert_refused(&file, "not UTF-8 text (invalid byte at offset 9)");
}

#[test]
fn sixty_four_megabytes_of_values_stay_bounded() {
    let dir = tempfile::tempdir().expect("tmp");
    // One document just under the size limit, full of the smallest values.
    let doc = format!("---\na:\n{}", "- 1\n".repeat(700_000));
    let file = write(dir.path(), "one.yaml", doc.as_bytes());
    assert_refused(&file, "document holds more than 250000 values");
    // Many documents, each within the limits, together too many values.
    let doc = format!("---\na:\n{}", "- 1\n".repeat(200_000));
    let mut text = String::new();
    while text.len() < 60 * 1024 * 1024 {
        text.push_str(&doc);
    }
    let file = write(dir.path(), "values.yaml", text.as_bytes());
    assert_refused(&file, "values; split it into smaller files");
    // Millions of tiny documents.
    let file = write(
        dir.path(),
        "docs.yaml",
        "---\nkind: X\n".repeat(5_000_000).as_bytes(),
    );
    assert_refused(&file, "values; split it into smaller files");
}

#[test]
fn syntax_errors_name_file_line_and_column() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = write(dir.path(), "broken.yaml", b"a: 1\n---\nb: [1, 2\nc: 3\n");
    assert_refused(&file, "broken.yaml:");
    let file = write(dir.path(), "dup.yaml", b"kind: A\nspec: {}\nkind: B\n");
    assert_refused(&file, "dup.yaml:3:1: duplicate key \"kind\"");
}
