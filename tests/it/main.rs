//! The one integration-test binary: every area of the suite is a module here, so the project is
//! linked into one test executable instead of one per file. Run one area with
//! `cargo test --test it serve_crud::`. `every_test_file_is_a_module` fails when a `.rs` file
//! under `tests/it/` is not declared, so no test is silently left out of the build.

// Shared support.
mod common;
mod login_provider;
mod serve_support;
mod support_faults;
mod support_side_by_side;
mod support_tls;
mod support_tls_recorder;
mod verbs_support;

// Areas.
mod ci_contract;
mod ci_errors;
mod client_apply;
mod client_commands;
mod client_config;
mod client_openapi;
mod completion_names;
mod datum_profile;
mod examples_valid;
mod explain_details;
mod explain_examples;
mod explain_layout;
mod explain_live;
mod generated_files;
mod get_forms;
mod help_and_flags;
mod kubeconfig_creds;
mod kubeconfig_tls;
mod kubectl_acceptance;
mod kubectl_requests;
mod login_browser;
mod login_device;
mod login_refresh;
mod login_service_account;
mod mcp;
mod property_apply;
mod property_loader;
mod property_serve;
mod reliability_hostile;
mod reliability_load;
mod reliability_network;
mod reliability_security;
mod reliability_watch;
mod schema_conformance;
mod schema_descriptions;
mod serve_bench;
mod serve_crud;
mod serve_durability;
mod serve_lifecycle;
mod serve_limits;
mod serve_list_watch;
mod serve_security;
mod serve_ssa;
mod serve_status;
mod validate_cli;
mod validate_conformance;
mod validate_hostile;
mod verbs_discovery;
mod verbs_edit;
mod verbs_wait;
mod verbs_write;
mod wording_1_37;

use std::path::{Path, PathBuf};

/// Every `.rs` file and every directory under `tests/it/`, except `main.rs` and each `mod.rs`,
/// with the file that must declare it as a module (`main.rs`, or the parent directory's `mod.rs`).
fn modules_and_parents(dir: &Path, parent: &Path, found: &mut Vec<(String, PathBuf, PathBuf)>) {
    let entries = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path());
    for path in entries {
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_else(|| panic!("{}: not a UTF-8 name", path.display()))
            .to_string();
        if path.is_dir() && path.file_name().is_some_and(|n| n == "snapshots") {
            // insta's snapshots of the tests beside it, not a module.
        } else if path.is_dir() {
            let own = path.join("mod.rs");
            found.push((name, path.clone(), parent.to_path_buf()));
            modules_and_parents(&path, &own, found);
        } else if path.extension().is_some_and(|e| e == "rs") && name != "main" && name != "mod" {
            found.push((name, path, parent.to_path_buf()));
        }
    }
}

#[test]
fn every_test_file_is_a_module() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it");
    let mut found = Vec::new();
    modules_and_parents(&root, &root.join("main.rs"), &mut found);
    assert!(found.len() > 50, "only {} test modules found", found.len());
    let forgotten: Vec<String> = found
        .iter()
        .filter(|(name, _, parent)| {
            let declares = |line: &str| {
                let line = line.trim();
                let line = line.strip_prefix("pub ").unwrap_or(line);
                line == format!("mod {name};")
            };
            !std::fs::read_to_string(parent).is_ok_and(|text| text.lines().any(declares))
        })
        .map(|(name, path, parent)| {
            format!(
                "{} (add `mod {name};` to {})",
                path.display(),
                parent.display()
            )
        })
        .collect();
    assert!(
        forgotten.is_empty(),
        "test files that are not part of the test binary: {forgotten:#?}"
    );
}

/// Every `.rs` file under `dir`, as text.
fn sources(dir: &Path, found: &mut String) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("read {}: {e}", dir.display())) {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push_str(&std::fs::read_to_string(&path).expect("read test source"));
        }
    }
}

#[test]
fn every_snapshot_belongs_to_a_test() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it");
    let mut text = String::new();
    sources(&root, &mut text);
    let snapshots: Vec<String> = std::fs::read_dir(root.join("snapshots"))
        .expect("tests/it/snapshots")
        .map(|entry| entry.expect("directory entry").file_name())
        .filter_map(|name| Some(name.to_str()?.strip_suffix(".snap")?.to_string()))
        .collect();
    assert!(snapshots.len() > 10, "only {} snapshots", snapshots.len());
    let orphans: Vec<&String> = snapshots
        .iter()
        .filter(|name| !text.contains(&format!("\"{name}\"")))
        .collect();
    assert!(
        orphans.is_empty(),
        "snapshots no test asserts (delete them, or the test lost its assertion): {orphans:?}"
    );
}
