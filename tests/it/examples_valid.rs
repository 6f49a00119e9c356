//! Every example policy passes `datumctl validate` (schema and CEL rules), as users will run it.
use crate::common;

#[test]
fn examples_directory_validates() {
    let home = tempfile::tempdir().expect("tempdir");
    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let out = common::datumctl(home.path())
        .arg("validate")
        .arg("-f")
        .arg(format!("{}/", examples.display()))
        .output()
        .expect("run datumctl validate");
    assert_eq!(
        out.status.code(),
        Some(0),
        "datumctl validate -f examples/ failed:\nstdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
