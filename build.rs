//! Packs the embedded schema (facts in YAML, our descriptions in a second YAML file) into one
//! compact JSON document at build time, so `explain` and validation start without a YAML parse.

use saphyr::{LoadableYamlNode, Scalar, Yaml};
use serde_json::Value;
use std::{env, fs, path::Path};

fn to_json(y: &Yaml) -> Value {
    match y {
        Yaml::Value(Scalar::Null) => Value::Null,
        Yaml::Value(Scalar::Boolean(b)) => Value::Bool(*b),
        Yaml::Value(Scalar::Integer(i)) => Value::from(*i),
        Yaml::Value(Scalar::FloatingPoint(f)) => Value::from(f.into_inner()),
        Yaml::Value(Scalar::String(s)) => Value::String(s.to_string()),
        Yaml::Sequence(items) => Value::Array(items.iter().map(to_json).collect()),
        Yaml::Mapping(m) => Value::Object(
            m.iter()
                .map(|(k, v)| (k.as_str().expect("string keys").to_string(), to_json(v)))
                .collect(),
        ),
        other => panic!("unsupported YAML node in schema: {other:?}"),
    }
}

fn load(path: &str) -> Value {
    println!("cargo:rerun-if-changed={path}");
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let docs = Yaml::load_from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    to_json(docs.first().expect("one document"))
}

/// On Linux with a GNU toolchain the `datumctl` binary is linked as a fixed-address (non-PIE)
/// executable, as kubectl's release binaries are. A position-independent build makes the loader
/// apply ~53,000 relocations and copy every page of `.data.rel.ro` at each start, which was a
/// third of `explain`'s whole run time. Only the binary is affected: build scripts, proc-macros
/// and the library stay position-independent.
fn link_without_pie() {
    let var = |name: &str| env::var(name).unwrap_or_default();
    if var("CARGO_CFG_TARGET_OS") == "linux" && var("CARGO_CFG_TARGET_ENV") == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}

fn main() {
    link_without_pie();
    let facts = load("src/schema/backendtrafficpolicy.yaml");
    let descriptions = load("src/schema/descriptions.yaml");
    let packed = serde_json::json!({ "facts": facts, "descriptions": descriptions });
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("schema.json");
    fs::write(out, serde_json::to_string(&packed).expect("json")).expect("write schema.json");
}
