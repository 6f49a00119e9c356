//! `explain` rendering from any schema `Node`: the embedded one, or one converted from a
//! server's OpenAPI v3 document (client/openapi.rs).
//! Plaintext follows kubectl 1.37's layout line for line, so a script that reads kubectl reads
//! us; on top of it the non-recursive view adds the facts kubectl leaves out (defaults, bounds,
//! patterns, formats, every enum value, CEL rule messages) as indented lines.

mod text;

use super::Node;
use serde_json::Value;
use std::fmt::Write as _;
use text::{indent, wrap};

/// How the resource is named in the header and in error messages.
#[derive(Debug, Clone, Copy)]
pub struct ResourceHeader<'a> {
    pub group: &'a str,
    pub kind: &'a str,
    pub version: &'a str,
    /// The plural, which error messages use as the path's first step.
    pub plural: &'a str,
}

/// What to print below the target node.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options<'a> {
    /// Every field below the target, names and types only (kubectl's `--recursive`).
    pub recursive: bool,
    /// With `recursive`: how many levels of fields to print (1 = the target's own fields).
    pub max_depth: Option<usize>,
    /// The target's dotted field path (`spec.retry`; empty for the resource itself).
    pub path: &'a str,
    /// A note to show on a field, by its dotted path (an admission profile's restrictions).
    pub marker: Option<fn(&str) -> Option<String>>,
}

impl Options<'_> {
    fn mark(&self, path: &str) -> Option<String> {
        self.marker.and_then(|m| m(path))
    }
}

fn child_path(parent: &str, name: &str) -> String {
    if parent.is_empty() {
        name.to_string()
    } else {
        format!("{parent}.{name}")
    }
}

/// A path step that names no field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("field \"{field}\" does not exist in {parent}")]
pub struct UnknownField {
    pub field: String,
    /// `backendtrafficpolicies.spec`: where the lookup stopped.
    pub parent: String,
    /// The closest existing name, when one is close enough to be a likely typo.
    pub suggestion: Option<String>,
    /// The fields that do exist there (empty when the parent is a scalar).
    pub available: Vec<String>,
    /// The parent's type as explain prints it (`integer`, `Object`, …).
    pub parent_type: String,
}

/// The node a path leads to, and the name of its last step (`None` for the resource itself).
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    pub name: Option<&'a str>,
    pub node: &'a Node,
}

/// Follows `path` from `root`, stepping through arrays and maps as kubectl does.
pub fn lookup<'a>(
    root: &'a Node,
    plural: &str,
    path: &[&'a str],
) -> Result<Target<'a>, UnknownField> {
    let mut node = root;
    for (i, step) in path.iter().enumerate() {
        match node.field(step) {
            Some(child) => node = child,
            None => {
                let available = child_names(node);
                let suggestion = nearest(step, &available);
                let mut parent = plural.to_string();
                for p in &path[..i] {
                    parent.push('.');
                    parent.push_str(p);
                }
                return Err(UnknownField {
                    field: (*step).to_string(),
                    parent,
                    suggestion,
                    available,
                    parent_type: type_name(node),
                });
            }
        }
    }
    Ok(Target {
        name: path.last().copied(),
        node,
    })
}

/// The field names reachable one step below `node` (through arrays and maps), sorted.
fn child_names(node: &Node) -> Vec<String> {
    let mut node = node;
    loop {
        if !node.properties.is_empty() {
            let mut names: Vec<String> = node.properties.keys().cloned().collect();
            names.sort();
            return names;
        }
        match (&node.items, &node.additional_properties) {
            (Some(items), _) => node = items,
            (None, Some(values)) => node = values,
            _ => return Vec::new(),
        }
    }
}

/// The name closest to `typed` by edit distance (case-insensitive), if it is a plausible typo.
pub(crate) fn nearest(typed: &str, names: &[String]) -> Option<String> {
    let typed_lower = typed.to_lowercase();
    let (best, distance) = names
        .iter()
        .map(|n| (n, edit_distance(&typed_lower, &n.to_lowercase())))
        .min_by_key(|(_, d)| *d)?;
    let limit = (typed.chars().count() / 3).max(2);
    (distance <= limit).then(|| best.clone())
}

/// Levenshtein distance over chars.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == *cb {
                diagonal
            } else {
                1 + diagonal.min(above).min(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The type as kubectl names it (`string`, `Object`, `[]Object`, `map[string]string`,
/// `ObjectMeta`), except that int-or-string is `IntOrString` where kubectl says `Object`.
pub fn type_name(node: &Node) -> String {
    if let Some(items) = &node.items {
        return format!("[]{}", type_name(items));
    }
    if let Some(values) = &node.additional_properties {
        return format!("map[string]{}", type_name(values));
    }
    if node.all_of.len() == 1 && node.properties.is_empty() {
        return type_name(&node.all_of[0]);
    }
    if let Some(reference) = &node.reference
        && node.type_.as_deref().is_none_or(|t| t == "object")
    {
        let last = reference.rsplit('/').next().unwrap_or(reference);
        let last = last.rsplit('.').next().unwrap_or(last);
        if !last.is_empty() {
            return last.to_string();
        }
    }
    if node.int_or_string {
        return "IntOrString".to_string();
    }
    match node.type_.as_deref() {
        None | Some("object") | Some("") => "Object".to_string(),
        Some(other) => other.to_string(),
    }
}

/// The whole plaintext page for `target`, as kubectl prints it plus our detail lines.
pub fn render_plaintext(header: &ResourceHeader, target: &Target, options: &Options) -> String {
    let mut out = String::new();
    if !header.group.is_empty() {
        let _ = writeln!(out, "GROUP:      {}", header.group);
    }
    let _ = writeln!(out, "KIND:       {}", header.kind);
    let _ = writeln!(out, "VERSION:    {}", header.version);
    out.push('\n');

    let node = target.node;
    if let Some(name) = target.name {
        let _ = writeln!(out, "FIELD: {name} <{}>", type_name(node));
        if !node.enum_values.is_empty() {
            out.push_str("ENUM:");
            for value in &node.enum_values {
                out.push_str("\n    ");
                out.push_str(&enum_value(value));
            }
        }
        out.push_str("\n\n");
    }

    out.push_str("DESCRIPTION:\n");
    let mut description = String::new();
    collect_description(node, &mut description);
    if description.is_empty() {
        description.push_str("<empty>");
    }
    out.push_str(&indent(4, &wrap(76, &description)));
    out.push('\n');

    if !options.recursive {
        // The FIELD's ENUM block above already lists every value of the node itself.
        let mut details = facts(node, target.name.is_some());
        details.extend(options.mark(options.path));
        if !details.is_empty() {
            out.push_str("DETAILS:\n");
            let mut text = details.join("\n");
            text.push('\n');
            out.push_str(&indent(4, &text));
            out.push('\n');
        }
    }

    let mut fields = String::new();
    field_list(node, 1, options.path, options, &mut fields);
    if !fields.is_empty() {
        out.push_str("FIELDS:\n");
        out.push_str(&fields);
    }
    out.push('\n');
    out
}

/// The target's schema as indented JSON, for scripts.
pub fn render_json(target: &Target) -> String {
    let mut text = serde_json::to_string_pretty(target.node).unwrap_or_else(|_| "{}".to_string());
    text.push('\n');
    text
}

/// A node's description and those of its array items and map values, each ending in a newline.
fn collect_description(node: &Node, out: &mut String) {
    if let Some(text) = node.description.as_deref().filter(|t| !t.is_empty()) {
        out.push_str(text);
        out.push('\n');
    }
    for part in &node.all_of {
        collect_description(part, out);
    }
    if let Some(items) = &node.items {
        collect_description(items, out);
    }
    if let Some(values) = &node.additional_properties {
        collect_description(values, out);
    }
}

/// kubectl's field list: sorted names at `level`, through arrays, maps and `allOf`.
fn field_list(node: &Node, level: usize, path: &str, options: &Options, out: &mut String) {
    if options.recursive && options.max_depth.is_some_and(|max| level > max) {
        return;
    }
    let mut names: Vec<&String> = node.properties.keys().collect();
    names.sort();
    for name in names {
        let child = &node.properties[name];
        let child_path = child_path(path, name);
        let entry = Entry {
            parent: node,
            name,
            child,
            path: &child_path,
        };
        field_entry(&entry, level, options, out);
        if options.recursive {
            field_list(child, level + 1, &child_path, options, out);
        }
    }
    for part in &node.all_of {
        field_list(part, level, path, options, out);
    }
    if let Some(items) = &node.items {
        field_list(items, level, path, options, out);
    }
    if let Some(values) = &node.additional_properties {
        field_list(values, level, path, options, out);
    }
}

/// One field of a field list: its parent (for `required`), name, schema and dotted path.
struct Entry<'a> {
    parent: &'a Node,
    name: &'a str,
    child: &'a Node,
    path: &'a str,
}

/// Values kubectl's one-line `enum:` shows before it cuts off with `, ....`.
const ENUM_LINE_LIMIT: usize = 4;

fn field_entry(entry: &Entry, level: usize, options: &Options, out: &mut String) {
    let Entry {
        parent,
        name,
        child,
        ..
    } = *entry;
    let marker = options.mark(entry.path);
    let pad = level * 2;
    let _ = write!(out, "{:pad$}{name}\t<{}>", "", type_name(child));
    if parent.required.iter().any(|r| r == name) {
        out.push_str(" -required-");
    }
    if let (true, Some(marker)) = (options.recursive, &marker) {
        let _ = write!(out, "  [{marker}]");
    }
    if !child.enum_values.is_empty() {
        let _ = write!(out, "\n{:pad$}enum: ", "");
        for (i, value) in child.enum_values.iter().enumerate() {
            if i >= ENUM_LINE_LIMIT {
                out.push_str(", ....");
                break;
            }
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&enum_value(value));
        }
    }
    out.push('\n');
    if options.recursive {
        return;
    }
    let description = child
        .description
        .as_deref()
        .filter(|t| !t.is_empty())
        .unwrap_or("<no description>");
    out.push_str(&indent(pad + 2, &wrap(78 - pad.min(60), description)));
    out.push('\n');
    let enum_shown_in_full = child.enum_values.len() <= ENUM_LINE_LIMIT;
    for line in facts(child, enum_shown_in_full).into_iter().chain(marker) {
        let _ = writeln!(out, "{:width$}{line}", "", width = pad + 2);
    }
    out.push('\n');
}

/// An enum value as kubectl prints it: strings bare, the empty string as `""`.
fn enum_value(value: &Value) -> String {
    match value {
        Value::String(s) if s.is_empty() => "\"\"".to_string(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The schema facts of `node` that kubectl does not print, one `key: value` per line. Facts
/// of array items and map values follow, prefixed `items ` and `values `. `enum_shown` says
/// kubectl's own lines already list every value of the node's `enum`.
fn facts(node: &Node, enum_shown: bool) -> Vec<String> {
    let mut lines = Vec::new();
    push_facts(node, "", enum_shown, &mut lines);
    // kubebuilder repeats enums and patterns in `allOf` parts; say each fact once.
    let mut seen = std::collections::HashSet::new();
    lines.retain(|line| seen.insert(line.clone()));
    lines
}

/// The values a node accepts by enum: its own `enum`, narrowed by those of its `allOf` parts.
fn effective_enum(node: &Node) -> Vec<&Value> {
    let mut lists = std::iter::once(&node.enum_values)
        .chain(node.all_of.iter().map(|part| &part.enum_values))
        .filter(|list| !list.is_empty());
    let Some(first) = lists.next() else {
        return Vec::new();
    };
    let rest: Vec<&Vec<Value>> = lists.collect();
    first
        .iter()
        .filter(|v| rest.iter().all(|list| list.contains(v)))
        .collect()
}

fn push_facts(node: &Node, prefix: &str, enum_shown: bool, lines: &mut Vec<String>) {
    if let Some(default) = &node.default {
        lines.push(format!("{prefix}default: {default}"));
    }
    let accepted = effective_enum(node);
    let already_listed = enum_shown && !node.enum_values.is_empty();
    if !accepted.is_empty() && !already_listed {
        let values: Vec<String> = accepted.into_iter().map(enum_value).collect();
        lines.push(format!("{prefix}enum: {}", values.join(", ")));
    }
    push_constraints(node, prefix, lines);
    for part in &node.all_of {
        push_constraints(part, prefix, lines);
    }
    // int-or-string is spelled `anyOf: [integer, string]`; the type name already says so.
    if !node.int_or_string {
        for (i, part) in node.any_of.iter().enumerate() {
            push_facts(part, &format!("{prefix}anyOf[{i}] "), false, lines);
        }
    }
    for (i, part) in node.one_of.iter().enumerate() {
        push_facts(part, &format!("{prefix}oneOf[{i}] "), false, lines);
    }
    for rule in &node.validations {
        // A rule without a fixed message reads best as its expression.
        let text = rule.message.as_deref().unwrap_or(&rule.rule);
        lines.push(format!("{prefix}rule: {text}"));
    }
    if let Some(items) = &node.items {
        push_facts(items, &format!("{prefix}items "), false, lines);
    }
    if let Some(values) = &node.additional_properties {
        push_facts(values, &format!("{prefix}values "), false, lines);
    }
}

/// Bounds, pattern, format and nullability of one schema (a node or one of its `allOf` parts).
fn push_constraints(node: &Node, prefix: &str, lines: &mut Vec<String>) {
    if let Some(min) = &node.minimum {
        let exclusive = if node.exclusive_minimum {
            " (exclusive)"
        } else {
            ""
        };
        lines.push(format!("{prefix}minimum: {min}{exclusive}"));
    }
    if let Some(max) = &node.maximum {
        let exclusive = if node.exclusive_maximum {
            " (exclusive)"
        } else {
            ""
        };
        lines.push(format!("{prefix}maximum: {max}{exclusive}"));
    }
    let bounds = [
        ("minLength", node.min_length),
        ("maxLength", node.max_length),
        ("minItems", node.min_items),
        ("maxItems", node.max_items),
        ("minProperties", node.min_properties),
        ("maxProperties", node.max_properties),
    ];
    for (key, bound) in bounds {
        if let Some(bound) = bound {
            lines.push(format!("{prefix}{key}: {bound}"));
        }
    }
    if let Some(pattern) = &node.pattern {
        lines.push(format!("{prefix}pattern: {pattern}"));
    }
    if let Some(format) = &node.format {
        lines.push(format!("{prefix}format: {format}"));
    }
    if node.nullable {
        lines.push(format!("{prefix}nullable: true"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::embedded;

    #[test]
    fn names_types_as_kubectl_does() {
        let root = &embedded().root;
        let t = |path: &[&str]| type_name(lookup(root, "x", path).expect("path").node);
        assert_eq!(t(&["metadata"]), "ObjectMeta");
        assert_eq!(t(&["metadata", "labels"]), "map[string]string");
        assert_eq!(t(&["metadata", "managedFields"]), "[]ManagedFieldsEntry");
        assert_eq!(t(&["metadata", "managedFields", "fieldsV1"]), "FieldsV1");
        assert_eq!(t(&["spec", "targetRefs"]), "[]Object");
        assert_eq!(t(&["spec", "retry", "numRetries"]), "integer");
        assert_eq!(
            t(&["spec", "bandwidthLimit", "request", "limit", "value"]),
            "IntOrString"
        );
    }

    #[test]
    fn suggests_the_nearest_field() {
        let err = lookup(&embedded().root, "btps", &["spec", "retri"]).expect_err("typo");
        assert_eq!(err.parent, "btps.spec");
        assert_eq!(err.suggestion.as_deref(), Some("retry"));
        assert_eq!(
            err.to_string(),
            "field \"retri\" does not exist in btps.spec"
        );
        let far = lookup(&embedded().root, "btps", &["spec", "zzzzzzzz"]).expect_err("far");
        assert_eq!(far.suggestion, None);
        assert!(far.available.contains(&"retry".to_string()));
    }

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("retri", "retry"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    /// A small schema as a server might publish it: a `$ref`'d object, a map of objects, an
    /// enum with the empty string, and nodes without descriptions.
    fn sample() -> Node {
        serde_json::from_value(serde_json::json!({
            "type": "object",
            "description": "A widget.",
            "required": ["size"],
            "properties": {
                "size": { "type": "string", "enum": ["", "S", "M", "L", "XL"], "default": "M" },
                "owner": { "$ref": "io.k8s.api.core.v1.ObjectReference", "type": "object",
                           "properties": { "name": { "type": "string" } } },
                "parts": { "type": "object", "additionalProperties": {
                    "type": "object",
                    "properties": { "count": { "type": "integer", "minimum": 1 } } } }
            }
        }))
        .expect("sample schema")
    }

    const HEADER: ResourceHeader = ResourceHeader {
        group: "",
        kind: "Widget",
        version: "v1",
        plural: "widgets",
    };

    #[test]
    fn renders_a_server_shaped_node() {
        let root = sample();
        let target = lookup(&root, "widgets", &[]).expect("root");
        let page = render_plaintext(&HEADER, &target, &Options::default());
        assert_eq!(
            page,
            "KIND:       Widget\nVERSION:    v1\n\nDESCRIPTION:\n    A widget.\n    \nFIELDS:\n\
             \x20 owner\t<ObjectReference>\n    <no description>\n\n\
             \x20 parts\t<map[string]Object>\n    <no description>\n\n\
             \x20 size\t<string> -required-\n  enum: \"\", S, M, L, ....\n    <no description>\n\
             \x20   default: \"M\"\n    enum: \"\", S, M, L, XL\n\n\n"
        );
    }

    #[test]
    fn recursion_goes_through_maps_and_stops_at_max_depth() {
        let root = sample();
        let target = lookup(&root, "widgets", &[]).expect("root");
        let all = Options {
            recursive: true,
            max_depth: None,
            ..Options::default()
        };
        let page = render_plaintext(&HEADER, &target, &all);
        assert!(page.ends_with("FIELDS:\n  owner\t<ObjectReference>\n    name\t<string>\n  parts\t<map[string]Object>\n    count\t<integer>\n  size\t<string> -required-\n  enum: \"\", S, M, L, ....\n\n"), "{page}");
        let one = Options {
            recursive: true,
            max_depth: Some(1),
            ..Options::default()
        };
        assert!(!render_plaintext(&HEADER, &target, &one).contains("count"));
        let none = Options {
            recursive: true,
            max_depth: Some(0),
            ..Options::default()
        };
        assert!(!render_plaintext(&HEADER, &target, &none).contains("FIELDS:"));
        // A path through the map's values reaches their fields.
        let count = lookup(&root, "widgets", &["parts", "count"]).expect("through map");
        let page = render_plaintext(&HEADER, &count, &Options::default());
        assert!(page.contains("FIELD: count <integer>\n\n\nDESCRIPTION:\n    <empty>\nDETAILS:\n    minimum: 1\n    \n\n"), "{page}");
    }
}
