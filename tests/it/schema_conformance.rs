//! The embedded schema against the upstream CRD in ../shared/reference, fact by fact: every
//! keyword of every node except descriptions (ours are our own words). `metadata` is the one
//! planned difference: upstream says `type: object`, we carry kube-apiserver's ObjectMeta,
//! checked against the field list kubectl 1.37 printed for it.
use crate::common;

use datumctl::manifest::parse_source;
use datumctl::{resource, schema};
use serde_json::Value;
use std::fs;

/// The upstream CustomResourceDefinition as JSON.
fn upstream_crd() -> Value {
    let path =
        common::reference().join("envoy-gateway/gateway.envoyproxy.io_backendtrafficpolicies.yaml");
    let text = fs::read_to_string(&path).expect("upstream CRD");
    let docs = parse_source(&path.to_string_lossy(), &text).expect("CRD parses as YAML");
    docs.into_iter().next().expect("one document").value
}

fn upstream_schema(crd: &Value) -> &Value {
    let versions = crd["spec"]["versions"].as_array().expect("versions");
    let v = versions
        .iter()
        .find(|v| v["name"] == resource::VERSION)
        .expect("the v1alpha1 version");
    &v["schema"]["openAPIV3Schema"]
}

fn ours() -> Value {
    serde_json::to_value(&schema::embedded().root).expect("schema serialises")
}

/// Schema keywords whose values are schemas themselves (everything else is a literal fact).
fn is_schema_keyword(key: &str) -> bool {
    matches!(key, "items" | "additionalProperties" | "not")
}
fn is_schema_list_keyword(key: &str) -> bool {
    matches!(key, "allOf" | "anyOf" | "oneOf")
}

/// Every difference between two schema nodes, with its path; descriptions are skipped.
fn diff_node(path: &str, upstream: &Value, ours: &Value, out: &mut Vec<String>) {
    let (Some(a), Some(b)) = (upstream.as_object(), ours.as_object()) else {
        if upstream != ours {
            out.push(format!("{path}: upstream {upstream} != ours {ours}"));
        }
        return;
    };
    let keys: Vec<&String> = a
        .keys()
        .chain(b.keys().filter(|k| !a.contains_key(*k)))
        .collect();
    for key in keys {
        if key == "description" {
            continue;
        }
        let here = format!("{path}/{key}");
        match (a.get(key), b.get(key)) {
            (Some(x), None) => out.push(format!("{here}: missing in ours (upstream {x})")),
            (None, Some(y)) => out.push(format!("{here}: only in ours ({y})")),
            (Some(x), Some(y)) if key == "properties" => diff_properties(&here, x, y, out),
            (Some(x), Some(y)) if is_schema_keyword(key) => diff_node(&here, x, y, out),
            (Some(x), Some(y)) if is_schema_list_keyword(key) => {
                match (x.as_array(), y.as_array()) {
                    (Some(xs), Some(ys)) if xs.len() == ys.len() => {
                        for (i, (p, q)) in xs.iter().zip(ys).enumerate() {
                            diff_node(&format!("{here}/{i}"), p, q, out);
                        }
                    }
                    _ => out.push(format!("{here}: upstream {x} != ours {y}")),
                }
            }
            (Some(x), Some(y)) => {
                if x != y {
                    out.push(format!("{here}: upstream {x} != ours {y}"));
                }
            }
            (None, None) => {}
        }
    }
}

fn diff_properties(path: &str, upstream: &Value, ours: &Value, out: &mut Vec<String>) {
    let (Some(a), Some(b)) = (upstream.as_object(), ours.as_object()) else {
        out.push(format!("{path}: not a map of fields"));
        return;
    };
    for (name, x) in a {
        let here = format!("{path}/{name}");
        match b.get(name) {
            None => out.push(format!("{here}: field missing in ours")),
            Some(y) if here == "/properties/metadata" => check_metadata(&here, x, y, out),
            Some(y) => diff_node(&here, x, y, out),
        }
    }
    for name in b.keys().filter(|n| !a.contains_key(*n)) {
        out.push(format!("{path}/{name}: field only in ours"));
    }
}

/// `(depth, name, required)` for every field line under `metadata` in kubectl's recursive
/// listing of this CRD, as kube-apiserver publishes ObjectMeta.
fn kube_object_meta_fields() -> Vec<(usize, String, bool)> {
    let text = fs::read_to_string(common::reference().join("kubectl/explain_recursive.txt"))
        .expect("explain_recursive.txt");
    text.lines()
        .skip_while(|l| !l.starts_with("  metadata\t"))
        .skip(1)
        .take_while(|l| l.starts_with("    "))
        .filter(|l| l.contains('\t'))
        .map(|l| {
            let depth = (l.len() - l.trim_start().len()) / 2 - 2;
            let name = l.trim_start().split('\t').next().unwrap_or("").to_string();
            (depth, name, l.ends_with(" -required-"))
        })
        .collect()
}

/// The same list from our metadata node: sorted names, through arrays and maps.
fn our_fields(node: &Value, depth: usize, out: &mut Vec<(usize, String, bool)>) {
    let mut target = node;
    loop {
        if let Some(props) = target["properties"].as_object() {
            let required: Vec<&str> = target["required"]
                .as_array()
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let mut names: Vec<&String> = props.keys().collect();
            names.sort();
            for name in names {
                out.push((depth, name.clone(), required.contains(&name.as_str())));
                our_fields(&props[name], depth + 1, out);
            }
        }
        target = if target.get("items").is_some() {
            &target["items"]
        } else if target.get("additionalProperties").is_some() {
            &target["additionalProperties"]
        } else {
            return;
        };
    }
}

fn check_metadata(path: &str, upstream: &Value, ours: &Value, out: &mut Vec<String>) {
    let mut upstream = upstream.clone();
    if let Some(m) = upstream.as_object_mut() {
        m.remove("description");
    }
    if upstream != serde_json::json!({ "type": "object" }) {
        out.push(format!(
            "{path}: upstream is no longer a bare object: {upstream}"
        ));
    }
    if ours["$ref"] != "ObjectMeta" || ours["type"] != "object" {
        out.push(format!("{path}: ours is not the ObjectMeta object"));
    }
    let mut fields = Vec::new();
    our_fields(ours, 0, &mut fields);
    let kube = kube_object_meta_fields();
    if kube.len() < 17 {
        out.push(format!(
            "{path}: reference ObjectMeta list too short: {kube:?}"
        ));
    }
    if fields != kube {
        out.push(format!(
            "{path}: ObjectMeta fields differ from kube-apiserver's:\n  ours {fields:?}\n  kube {kube:?}"
        ));
    }
}

#[test]
fn embedded_schema_equals_upstream_crd_fact_by_fact() {
    let crd = upstream_crd();
    let mut differences = Vec::new();
    diff_node("", upstream_schema(&crd), &ours(), &mut differences);
    assert!(
        differences.is_empty(),
        "{} differences between the upstream CRD and the embedded schema:\n{}",
        differences.len(),
        differences.join("\n")
    );
}

#[test]
fn resource_names_match_upstream() {
    let crd = upstream_crd();
    let s = schema::embedded();
    let names = &crd["spec"]["names"];
    assert_eq!(crd["spec"]["group"], s.group.as_str());
    assert_eq!(crd["spec"]["scope"], s.scope.as_str());
    assert_eq!(names["kind"], s.kind.as_str());
    assert_eq!(names["listKind"], s.list_kind.as_str());
    assert_eq!(names["plural"], s.plural.as_str());
    assert_eq!(names["singular"], s.singular.as_str());
    assert_eq!(names["shortNames"], serde_json::json!(s.short_names));
    assert_eq!(names["categories"], serde_json::json!(s.categories));
    assert_eq!(s.version, resource::VERSION);
    // The constants the CLI names the resource with agree with the CRD too.
    assert_eq!(names["plural"], resource::PLURAL);
    assert_eq!(names["singular"], resource::SINGULAR);
    assert_eq!(names["kind"], resource::KIND);
    assert_eq!(names["listKind"], resource::LIST_KIND);
    assert_eq!(names["shortNames"][0], resource::SHORT_NAME);
    assert_eq!(crd["spec"]["group"], resource::GROUP);
    assert!(
        s.stray_descriptions.is_empty(),
        "descriptions for no field: {:?}",
        s.stray_descriptions
    );
}

/// Counts over one schema: named field paths (not descending into metadata), and how many
/// nodes carry each keyword (a node's allOf/anyOf parts count for the node).
#[derive(Debug, Default, PartialEq)]
struct Counts {
    paths: Vec<String>,
    rules: Vec<(String, String, Option<String>)>,
    keyword_nodes: std::collections::BTreeMap<String, usize>,
    required_entries: usize,
}

const COUNTED: [&str; 10] = [
    "enum",
    "required",
    "x-kubernetes-validations",
    "x-kubernetes-int-or-string",
    "pattern",
    "format",
    "default",
    "x-kubernetes-preserve-unknown-fields",
    "anyOf",
    "allOf",
];

fn count(node: &Value, path: &str, counts: &mut Counts) {
    let parts: Vec<&Value> = std::iter::once(node)
        .chain(["allOf", "anyOf", "oneOf"].iter().flat_map(|k| {
            node[*k]
                .as_array()
                .map(|a| a.iter().collect::<Vec<_>>())
                .unwrap_or_default()
        }))
        .collect();
    for key in COUNTED {
        if parts.iter().any(|p| p.get(key).is_some()) {
            *counts.keyword_nodes.entry(key.to_string()).or_default() += 1;
        }
    }
    counts.required_entries += node["required"].as_array().map_or(0, Vec::len);
    for rule in node["x-kubernetes-validations"]
        .as_array()
        .into_iter()
        .flatten()
    {
        counts.rules.push((
            path.to_string(),
            rule["rule"].as_str().unwrap_or("").to_string(),
            rule["message"].as_str().map(str::to_string),
        ));
    }
    if let Some(props) = node["properties"].as_object() {
        for (name, child) in props {
            let p = if path.is_empty() {
                name.clone()
            } else {
                format!("{path}.{name}")
            };
            counts.paths.push(p.clone());
            if p != "metadata" {
                count(child, &p, counts);
            }
        }
    }
    if let Some(items) = node.get("items") {
        count(items, &format!("{path}[]"), counts);
    }
    if let Some(values) = node.get("additionalProperties") {
        count(values, &format!("{path}{{}}"), counts);
    }
}

/// `| metric | value |` rows of the reference statistics.
fn reference_stats() -> std::collections::HashMap<String, usize> {
    let text = fs::read_to_string(common::reference().join("envoy-gateway/schema-stats.md"))
        .expect("schema-stats.md");
    text.lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            (cells.len() == 4).then(|| Some((cells[1].to_string(), cells[2].parse().ok()?)))?
        })
        .collect()
}

#[test]
fn counts_match_the_crd_and_its_statistics() {
    let crd = upstream_crd();
    let mut theirs = Counts::default();
    count(upstream_schema(&crd), "", &mut theirs);
    let mut mine = Counts::default();
    count(&ours(), "", &mut mine);

    let under = |c: &Counts, top: &str| {
        c.paths
            .iter()
            .filter(|p| *p == top || p.starts_with(&format!("{top}.")))
            .count()
    };
    assert_eq!(mine.paths.len(), 415);
    assert_eq!(under(&mine, "spec"), 395);
    assert_eq!(under(&mine, "status"), 17);
    assert_eq!(mine.rules.len(), 76);
    assert!(
        mine.rules.iter().all(|(_, _, m)| m.is_some()),
        "every rule has a message"
    );
    assert_eq!(mine.keyword_nodes["x-kubernetes-int-or-string"], 9);

    let sorted_paths = |c: &Counts| {
        let mut p = c.paths.clone();
        p.sort();
        p
    };
    assert_eq!(sorted_paths(&mine), sorted_paths(&theirs));
    let rules = |c: &Counts| {
        let mut r = c.rules.clone();
        r.sort();
        r
    };
    assert_eq!(rules(&mine), rules(&theirs));
    assert_eq!(mine.keyword_nodes, theirs.keyword_nodes);
    assert_eq!(mine.required_entries, theirs.required_entries);

    let stats = reference_stats();
    let expect = [
        ("distinct named field paths (all)", mine.paths.len()),
        ("x-kubernetes-validations rules", mine.rules.len()),
        ("enum-constrained nodes", mine.keyword_nodes["enum"]),
        ("required lists", mine.keyword_nodes["required"]),
        ("required entries (sum)", mine.required_entries),
        (
            "nodes carrying x-kubernetes-validations",
            mine.keyword_nodes["x-kubernetes-validations"],
        ),
        (
            "x-kubernetes-int-or-string",
            mine.keyword_nodes["x-kubernetes-int-or-string"],
        ),
        ("pattern", mine.keyword_nodes["pattern"]),
        ("format", mine.keyword_nodes["format"]),
        ("default", mine.keyword_nodes["default"]),
        (
            "x-kubernetes-preserve-unknown-fields",
            mine.keyword_nodes["x-kubernetes-preserve-unknown-fields"],
        ),
        ("anyOf", mine.keyword_nodes["anyOf"]),
        ("allOf", mine.keyword_nodes["allOf"]),
    ];
    for (metric, ours) in expect {
        assert_eq!(stats.get(metric), Some(&ours), "{metric}");
    }
}

#[test]
fn cel_rules_match_the_reference_list() {
    let text = fs::read_to_string(common::reference().join("envoy-gateway/cel-rules.md"))
        .expect("cel-rules.md");
    let messages: Vec<String> = text
        .lines()
        .filter_map(|l| l.strip_prefix("- message: "))
        .map(|m| m.trim_matches('"').replace("\\\"", "\""))
        .collect();
    assert_eq!(messages.len(), 76);
    let mut mine = Counts::default();
    count(&ours(), "", &mut mine);
    let mut ours_messages: Vec<String> = mine
        .rules
        .iter()
        .filter_map(|(_, _, m)| m.clone())
        .collect();
    let mut theirs = messages;
    ours_messages.sort();
    theirs.sort();
    assert_eq!(ours_messages, theirs);
}

#[test]
fn the_comparison_reports_each_kind_of_difference() {
    let crd = upstream_crd();
    let upstream = upstream_schema(&crd).clone();
    let mut changed = upstream.clone();
    changed["properties"]["metadata"] = ours()["properties"]["metadata"].clone();
    let spec = &mut changed["properties"]["spec"]["properties"];
    spec["retry"]["properties"]["numRetries"]["default"] = serde_json::json!(3);
    spec["retry"]["properties"]["numRetries"]["description"] = serde_json::json!("ours");
    spec.as_object_mut()
        .expect("spec fields")
        .shift_remove("dns");
    spec["extra"] = serde_json::json!({ "type": "string" });
    spec["targetRefs"]["items"]["required"] = serde_json::json!([]);
    let mut differences = Vec::new();
    diff_node("", &upstream, &changed, &mut differences);
    let has = |needle: &str| differences.iter().any(|d| d.contains(needle));
    assert!(
        has(
            "/properties/spec/properties/retry/properties/numRetries/default: upstream 2 != ours 3"
        ),
        "{differences:?}"
    );
    assert!(
        has("/properties/spec/properties/dns: field missing in ours"),
        "{differences:?}"
    );
    assert!(
        has("/properties/spec/properties/extra: field only in ours"),
        "{differences:?}"
    );
    assert!(
        has("/properties/spec/properties/targetRefs/items/required"),
        "{differences:?}"
    );
    assert_eq!(
        differences.len(),
        4,
        "descriptions are not differences: {differences:?}"
    );
}
