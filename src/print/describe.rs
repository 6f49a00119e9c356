//! `describe`: kubectl's header block and field tree (labels for camelCase names, tab-aligned
//! values), list items marked with `- ` so they do not run together, the ancestors' conditions
//! as one table, and the events.

use super::table::{Table, age, tabwrite};
use super::yaml::go_format_g;
use crate::print::{GREEN, RED, YELLOW};
use chrono::{DateTime, Utc};
use comfy_table::{ColumnConstraint, ContentArrangement, Width};
use serde_json::{Map, Value};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

const LAST_APPLIED: &str = "kubectl.kubernetes.io/last-applied-configuration";

/// How to render: `color` paints the STATUS cells; the status table fits in `width` columns.
pub struct DescribeStyle {
    pub color: bool,
    pub now: DateTime<Utc>,
    pub width: usize,
}

/// The full description of one policy; `events` is `None` when the server has no events API.
pub fn describe(policy: &Value, events: Option<&[Value]>, style: &DescribeStyle) -> String {
    let meta = &policy["metadata"];
    let mut text = String::new();
    text.push_str(&format!("Name:\t{}\n", meta["name"].as_str().unwrap_or("")));
    text.push_str(&format!(
        "Namespace:\t{}\n",
        meta["namespace"].as_str().unwrap_or("")
    ));
    multiline(&mut text, "Labels", &meta["labels"], "=", &[]);
    multiline(
        &mut text,
        "Annotations",
        &meta["annotations"],
        ": ",
        &[LAST_APPLIED],
    );
    let mut rest = policy.as_object().cloned().unwrap_or_default();
    rest.remove("status");
    if let Some(Value::Object(m)) = rest.get_mut("metadata") {
        for skip in [
            "name",
            "namespace",
            "labels",
            "annotations",
            "managedFields",
        ] {
            m.remove(skip);
        }
    }
    tree(&mut text, "", &rest);
    let mut out = tabwrite(&text, 2);
    out.push_str(&status_section(policy, style));
    out.push_str(&events_section(events, style.now));
    out
}

/// kubectl's `printLabelsMultiline` / `printAnnotationsMultiline`: sorted, one per line.
fn multiline(text: &mut String, title: &str, map: &Value, sep: &str, skip: &[&str]) {
    let mut pairs: Vec<(&String, &Value)> = map
        .as_object()
        .map(|m| {
            m.iter()
                .filter(|(k, _)| !skip.contains(&k.as_str()))
                .collect()
        })
        .unwrap_or_default();
    pairs.sort_by(|a, b| a.0.cmp(b.0));
    if pairs.is_empty() {
        text.push_str(&format!("{title}:\t<none>\n"));
        return;
    }
    for (i, (k, v)) in pairs.iter().enumerate() {
        let lead = if i == 0 {
            format!("{title}:")
        } else {
            String::new()
        };
        let value = v.as_str().map_or_else(|| v.to_string(), str::to_string);
        // kubectl breaks long or multi-line annotations onto their own lines, cut at 140.
        let value = value.strip_suffix('\n').unwrap_or(&value);
        if sep == ": " && (value.len() + k.len() + 2 > MAX_ANNOTATION_LEN || value.contains('\n')) {
            text.push_str(&format!("{lead}\t{k}:\n"));
            for line in value.split('\n') {
                text.push_str(&format!("\t{}\n", shorten(line, MAX_ANNOTATION_LEN - 2)));
            }
        } else {
            text.push_str(&format!("{lead}\t{k}{sep}{value}\n"));
        }
    }
}

const MAX_ANNOTATION_LEN: usize = 140;

fn shorten(s: &str, max: usize) -> String {
    if s.len() > max {
        let mut end = max;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        format!("{}...", &s[..end])
    } else {
        s.to_string()
    }
}

/// The field tree, keys sorted; maps inside lists start with `- ` so items stay apart.
fn tree(text: &mut String, indent: &str, map: &Map<String, Value>) {
    let mut keys: Vec<&String> = map.keys().collect();
    keys.sort();
    for (i, key) in keys.into_iter().enumerate() {
        let _ = i;
        entry(text, indent, indent, key, &map[key]);
    }
}

/// One `Key:` line (with `first_prefix` for the first line of a list item) and its children.
fn entry(text: &mut String, first_prefix: &str, indent: &str, key: &str, value: &Value) {
    let label = smart_label(key);
    let child_indent = format!("{indent}  ");
    match value {
        Value::Object(m) => {
            text.push_str(&format!("{first_prefix}{label}:\n"));
            tree(text, &child_indent, m);
        }
        Value::Array(items) => {
            text.push_str(&format!("{first_prefix}{label}:\n"));
            for item in items {
                match item {
                    Value::Object(m) if !m.is_empty() => {
                        let item_indent = format!("{child_indent}  ");
                        let mut keys: Vec<&String> = m.keys().collect();
                        keys.sort();
                        for (j, k) in keys.into_iter().enumerate() {
                            let first = if j == 0 {
                                format!("{child_indent}- ")
                            } else {
                                item_indent.clone()
                            };
                            entry(text, &first, &item_indent, k, &m[k]);
                        }
                    }
                    other => text.push_str(&format!("{child_indent}{}\n", scalar(other))),
                }
            }
        }
        other => text.push_str(&format!("{first_prefix}{label}:\t{}\n", scalar(other))),
    }
}

/// A value as Go's `%v` prints it.
fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "<nil>".into(),
        Value::Number(n) if n.is_f64() => go_format_g(n.as_f64().unwrap_or(0.0)),
        Value::Object(m) if m.is_empty() => "map[]".into(),
        Value::Array(a) if a.is_empty() => "[]".into(),
        other => other.to_string(),
    }
}

/// kubectl's `smartLabelFor`: `targetRefs` → `Target Refs`, `uid` → `UID`; names with other
/// characters than letters and `-` stay as they are.
pub fn smart_label(field: &str) -> String {
    if field.chars().any(|c| !c.is_alphabetic() && c != '-') {
        return field.to_string();
    }
    const ACRONYMS: [&str; 5] = ["API", "URL", "UID", "OSB", "GUID"];
    camel_split(field)
        .into_iter()
        .filter(|p| p != "_")
        .map(|part| {
            let upper = part.to_uppercase();
            if ACRONYMS.contains(&upper.as_str()) {
                upper
            } else {
                let mut cs = part.chars();
                match cs.next() {
                    Some(f) => f.to_uppercase().chain(cs).collect(),
                    None => part,
                }
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// fatih/camelcase's `Split`: runs of one character class; an upper-case run followed by a
/// lower-case letter gives its last letter to the next word (`HTTPRoute` → `HTTP`, `Route`).
fn camel_split(s: &str) -> Vec<String> {
    #[derive(PartialEq, Clone, Copy)]
    enum Class {
        Lower,
        Upper,
        Digit,
        Other,
    }
    let class = |c: char| {
        if c.is_lowercase() {
            Class::Lower
        } else if c.is_uppercase() {
            Class::Upper
        } else if c.is_numeric() {
            Class::Digit
        } else {
            Class::Other
        }
    };
    let mut runs: Vec<Vec<char>> = Vec::new();
    let mut last: Option<Class> = None;
    for c in s.chars() {
        let k = class(c);
        if Some(k) == last {
            if let Some(run) = runs.last_mut() {
                run.push(c);
            }
        } else {
            runs.push(vec![c]);
        }
        last = Some(k);
    }
    for i in 0..runs.len().saturating_sub(1) {
        let upper_run = runs[i].iter().all(|c| c.is_uppercase());
        let next_lower = runs[i + 1].first().is_some_and(|c| c.is_lowercase());
        if upper_run
            && next_lower
            && let Some(moved) = runs[i].pop()
        {
            runs[i + 1].insert(0, moved);
        }
    }
    runs.into_iter()
        .filter(|r| !r.is_empty())
        .map(|r| r.into_iter().collect())
        .collect()
}

/// `Status:` with one table row per ancestor condition, and a warning for stale conditions.
fn status_section(policy: &Value, style: &DescribeStyle) -> String {
    let ancestors = policy["status"]["ancestors"].as_array();
    let Some(ancestors) = ancestors.filter(|a| !a.is_empty()) else {
        return "Status:  Pending (no controller has reported on this policy yet)\n".into();
    };
    let own_namespace = policy["metadata"]["namespace"].as_str().unwrap_or("");
    let generation = policy["metadata"]["generation"].as_i64();
    let mut table = Table {
        headers: STATUS_HEADERS.map(String::from).to_vec(),
        rows: Vec::new(),
    };
    let mut warnings = Vec::new();
    for ancestor in ancestors {
        let r = &ancestor["ancestorRef"];
        let kind = r["kind"].as_str().unwrap_or("gateway").to_lowercase();
        let name = r["name"].as_str().unwrap_or("?");
        let label = match r["namespace"].as_str() {
            Some(ns) if ns != own_namespace => format!("{kind}/{ns}/{name}"),
            _ => format!("{kind}/{name}"),
        };
        let section = r["sectionName"].as_str().unwrap_or("<none>").to_string();
        let controller = ancestor["controllerName"].as_str().unwrap_or("<none>");
        for c in ancestor["conditions"].as_array().into_iter().flatten() {
            let status = c["status"].as_str().unwrap_or("Unknown");
            let observed = c["observedGeneration"].as_i64();
            let ctype = c["type"].as_str().unwrap_or("");
            if let (Some(o), Some(g)) = (observed, generation)
                && o < g
            {
                warnings.push(format!(
                    "  Warning: {label} reported {ctype} for generation {o}; the policy is at generation {g}, so this condition may be out of date\n"
                ));
            }
            table.rows.push(vec![
                label.clone(),
                section.clone(),
                controller.to_string(),
                ctype.to_string(),
                status.to_string(),
                c["reason"].as_str().unwrap_or("").to_string(),
                observed.map_or("<none>".into(), |o| o.to_string()),
                age(c["lastTransitionTime"].as_str(), style.now),
                c["message"].as_str().unwrap_or("").to_string(),
            ]);
        }
    }
    let mut out = String::from("Status:\n");
    let width = style.width.saturating_sub(STATUS_INDENT.len());
    let (shared, table) = hoist_shared_columns(table, width);
    let mut shared_text = String::new();
    for (header, value) in shared {
        shared_text.push_str(&format!(
            "{STATUS_INDENT}{}:\t{value}\n",
            field_label(&header)
        ));
    }
    out.push_str(&tabwrite(&shared_text, 2));
    let lines = fitted(&table, width);
    // The header line is plain: the STATUS column starts where its header word does.
    let status_at = lines
        .first()
        .and_then(|header| header.find("STATUS").map(|at| header[..at].width()));
    for line in &lines {
        out.push_str(STATUS_INDENT);
        match status_at {
            Some(at) if style.color => out.push_str(&paint_status(line, at)),
            _ => out.push_str(line),
        }
        out.push('\n');
    }
    for w in warnings {
        out.push_str(&w);
    }
    out
}

const STATUS_INDENT: &str = "  ";
/// Columns between cells, as kubectl's tables.
const GAP: u16 = 3;
/// MESSAGE keeps at least this many columns, even when the table then overflows the width.
const MIN_MESSAGE: u16 = 24;

/// Columns that must stay in the table: which row is which, its verdict, and its message.
const KEPT_COLUMNS: [&str; 3] = ["ANCESTOR", "STATUS", "MESSAGE"];

/// When the table cannot fit `width` with MESSAGE at least `MIN_MESSAGE` wide, the columns
/// with one value in every row (CONTROLLER, SECTION, OBSERVED GEN… as a single gateway
/// controller writes them) move out of it, widest first, as `Header: value` lines above it:
/// nothing is lost and the rest fits. A table that fits is left whole.
fn hoist_shared_columns(mut table: Table, width: usize) -> (Vec<(String, String)>, Table) {
    let mut shared = Vec::new();
    let column_width = |t: &Table, i: usize| {
        t.rows
            .iter()
            .map(|r| r[i].width())
            .chain([t.headers[i].width()])
            .max()
            .unwrap_or(0)
    };
    loop {
        let last = table.headers.len().saturating_sub(1);
        let needed: usize = (0..last)
            .map(|i| column_width(&table, i) + usize::from(GAP))
            .sum::<usize>()
            + column_width(&table, last).min(usize::from(MIN_MESSAGE));
        if needed <= width || table.rows.is_empty() {
            break;
        }
        let widest_shared = (0..last)
            .filter(|&i| !KEPT_COLUMNS.contains(&table.headers[i].as_str()))
            .filter(|&i| table.rows.iter().all(|r| r[i] == table.rows[0][i]))
            .max_by_key(|&i| (column_width(&table, i), std::cmp::Reverse(i)));
        let Some(i) = widest_shared else {
            break;
        };
        shared.push((table.headers.remove(i), table.rows[0][i].clone()));
        for row in &mut table.rows {
            row.remove(i);
        }
    }
    // In the order the columns had.
    shared.sort_by_key(|(header, _)| original_position(header));
    (shared, table)
}

const STATUS_HEADERS: [&str; 9] = [
    "ANCESTOR",
    "SECTION",
    "CONTROLLER",
    "TYPE",
    "STATUS",
    "REASON",
    "OBSERVED GEN",
    "AGE",
    "MESSAGE",
];

fn original_position(header: &str) -> usize {
    STATUS_HEADERS
        .iter()
        .position(|h| *h == header)
        .unwrap_or(usize::MAX)
}

/// `OBSERVED GEN` → `Observed Generation`, `CONTROLLER` → `Controller`.
fn field_label(header: &str) -> String {
    if header == "OBSERVED GEN" {
        return "Observed Generation".into();
    }
    let lower = header.to_lowercase();
    let mut chars = lower.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The table laid out by comfy-table in `width` columns: every column as wide as its content,
/// except the last (MESSAGE), which wraps into what is left. Lines without trailing blanks.
fn fitted(table: &Table, width: usize) -> Vec<String> {
    let mut t = comfy_table::Table::new();
    t.load_style(comfy_table::presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(u16::try_from(width).unwrap_or(u16::MAX))
        .set_header(table.headers.clone())
        .add_rows(table.rows.clone());
    let last = table.headers.len().saturating_sub(1);
    for (i, column) in t.column_iter_mut().enumerate() {
        if i == last {
            column
                .set_padding((0, 0))
                .set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(MIN_MESSAGE)));
        } else {
            column
                .set_padding((0, GAP))
                .set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    t.lines().map(|l| l.trim_end().to_string()).collect()
}

/// Colours the STATUS cell, which starts at display column `at`, of a laid-out line (True green,
/// False red, else yellow): after layout, so that comfy-table measures plain text.
fn paint_status(line: &str, at: usize) -> String {
    let mut column = 0;
    let mut start = None;
    for (i, c) in line.char_indices() {
        if column == at {
            start = Some(i);
            break;
        }
        column += c.width().unwrap_or(0);
    }
    let Some(start) = start else {
        return line.to_string();
    };
    let word = line[start..].split(' ').next().unwrap_or("");
    let color = match word {
        "" | "STATUS" => return line.to_string(),
        "True" => GREEN,
        "False" => RED,
        _ => YELLOW,
    };
    format!(
        "{}{}{}",
        &line[..start],
        super::paint(true, word, color),
        &line[start + word.len()..]
    )
}

/// kubectl's events block, or `Events:  <none>`.
fn events_section(events: Option<&[Value]>, now: DateTime<Utc>) -> String {
    let events = match events {
        Some(e) if !e.is_empty() => e,
        _ => return "Events:  <none>\n".into(),
    };
    let mut text = String::from("Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
    text.push_str("  ----\t------\t----\t----\t-------\n");
    for e in events {
        let first = e["firstTimestamp"]
            .as_str()
            .or(e["eventTime"].as_str())
            .or(e["metadata"]["creationTimestamp"].as_str());
        let count = e["count"].as_i64().unwrap_or(1);
        let interval = if count > 1 {
            format!(
                "{} (x{count} over {})",
                age(e["lastTimestamp"].as_str().or(first), now),
                age(first, now)
            )
        } else {
            age(first, now)
        };
        let source = e["source"]["component"]
            .as_str()
            .or(e["reportingComponent"].as_str())
            .unwrap_or("");
        text.push_str(&format!(
            "  {}\t{}\t{interval}\t{source}\t{}\n",
            e["type"].as_str().unwrap_or(""),
            e["reason"].as_str().unwrap_or(""),
            e["message"].as_str().unwrap_or("").trim()
        ));
    }
    tabwrite(&text, 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn smart_labels_like_kubectl() {
        assert_eq!(smart_label("targetRefs"), "Target Refs");
        assert_eq!(smart_label("apiVersion"), "API Version");
        assert_eq!(smart_label("uid"), "UID");
        assert_eq!(smart_label("http"), "Http");
        assert_eq!(smart_label("HTTPRoute"), "HTTP Route");
        assert_eq!(smart_label("http2"), "http2");
        assert_eq!(smart_label("creationTimestamp"), "Creation Timestamp");
    }

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-27T20:16:35Z")
            .expect("time")
            .with_timezone(&Utc)
    }

    #[test]
    fn header_block_and_tree_match_kubectl_where_kubectl_is_the_reference() {
        let p = json!({"apiVersion": "gateway.envoyproxy.io/v1alpha1", "kind": "BackendTrafficPolicy",
            "metadata": {"name": "three-min", "namespace": "default", "labels": {"tier": "edge", "app": "demo"},
                         "annotations": {LAST_APPLIED: "{}"},
                         "creationTimestamp": "2026-11-27T20:14:31Z", "generation": 1, "resourceVersion": "1002",
                         "uid": "0da54108-281d-5d7d-9239-2303cb5c6db0"},
            "spec": {"loadBalancer": {"type": "RoundRobin"},
                     "retry": {"numRetries": 3, "perRetry": {"backOff": {"baseInterval": "100ms", "maxInterval": "1s"}, "timeout": "250ms"},
                               "retryOn": {"httpStatusCodes": [503], "triggers": ["5xx", "reset"]}},
                     "targetRefs": [{"group": "gateway.networking.k8s.io", "kind": "HTTPRoute", "name": "three-min-route"}]}});
        let out = describe(
            &p,
            None,
            &DescribeStyle {
                color: false,
                now: now(),
                width: 200,
            },
        );
        let expected = "\
Name:         three-min
Namespace:    default
Labels:       app=demo
              tier=edge
Annotations:  <none>
API Version:  gateway.envoyproxy.io/v1alpha1
Kind:         BackendTrafficPolicy
Metadata:
  Creation Timestamp:  2026-11-27T20:14:31Z
  Generation:          1
  Resource Version:    1002
  UID:                 0da54108-281d-5d7d-9239-2303cb5c6db0
Spec:
  Load Balancer:
    Type:  RoundRobin
  Retry:
    Num Retries:  3
    Per Retry:
      Back Off:
        Base Interval:  100ms
        Max Interval:   1s
      Timeout:          250ms
    Retry On:
      Http Status Codes:
        503
      Triggers:
        5xx
        reset
  Target Refs:
    - Group:  gateway.networking.k8s.io
      Kind:   HTTPRoute
      Name:   three-min-route
Status:  Pending (no controller has reported on this policy yet)
Events:  <none>
";
        assert_eq!(out, expected);
    }

    #[test]
    fn status_table_has_a_row_per_condition_and_warns_when_stale() {
        let p = json!({"metadata": {"name": "p", "namespace": "default", "generation": 2},
            "status": {"ancestors": [{"ancestorRef": {"group": "gateway.networking.k8s.io", "kind": "Gateway", "name": "eg", "namespace": "default"},
                "controllerName": "gateway.envoyproxy.io/gatewayclass-controller",
                "conditions": [{"type": "Accepted", "status": "True", "reason": "Accepted", "message": "Policy has been accepted.",
                                "observedGeneration": 1, "lastTransitionTime": "2026-11-27T20:14:33Z"}]}]}});
        let out = status_section(
            &p,
            &DescribeStyle {
                color: false,
                now: now(),
                width: 200,
            },
        );
        assert_eq!(
            out,
            "Status:\n  ANCESTOR     SECTION   CONTROLLER                                      TYPE       STATUS   REASON     OBSERVED GEN   AGE    MESSAGE\n  gateway/eg   <none>    gateway.envoyproxy.io/gatewayclass-controller   Accepted   True     Accepted   1              2m2s   Policy has been accepted.\n  Warning: gateway/eg reported Accepted for generation 1; the policy is at generation 2, so this condition may be out of date\n"
        );
    }

    fn two_ancestors() -> Value {
        json!({"metadata": {"name": "p", "namespace": "default", "generation": 1},
            "status": {"ancestors": [
                {"ancestorRef": {"kind": "Gateway", "name": "eg"},
                 "controllerName": "gateway.envoyproxy.io/gatewayclass-controller",
                 "conditions": [{"type": "Accepted", "status": "True", "reason": "Accepted",
                     "message": "Policy has been accepted by the gateway controller for every listener of this gateway.",
                     "observedGeneration": 1, "lastTransitionTime": "2026-11-27T20:14:33Z"}]},
                {"ancestorRef": {"kind": "Gateway", "name": "other"},
                 "controllerName": "gateway.envoyproxy.io/gatewayclass-controller",
                 "conditions": [{"type": "Accepted", "status": "False", "reason": "Conflicted",
                     "message": "Another policy with an older creation timestamp already targets this gateway.",
                     "observedGeneration": 1, "lastTransitionTime": "2026-11-27T20:14:33Z"}]}]}})
    }

    #[test]
    fn status_table_fits_the_width_by_wrapping_the_message() {
        for width in [80, 120] {
            let style = DescribeStyle {
                color: false,
                now: now(),
                width,
            };
            let out = status_section(&two_ancestors(), &style);
            assert!(
                out.lines().all(|l| l.width() <= width),
                "wider than {width}:\n{out}"
            );
            let lines: Vec<&str> = out.lines().collect();
            let header = lines
                .iter()
                .position(|l| l.contains("MESSAGE"))
                .expect("header");
            let message_at = lines[header].find("MESSAGE").expect("MESSAGE header");
            // Nothing is lost: what every row shares is printed once above the table.
            assert!(
                out.contains("gateway.envoyproxy.io/gatewayclass-controller"),
                "{out}"
            );
            assert!(
                lines.len() > header + 3,
                "the messages did not wrap at {width}:\n{out}"
            );
            let words: String = lines[header + 1..]
                .iter()
                .map(|l| l.get(message_at..).unwrap_or("").trim())
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                words.starts_with("Policy has been accepted by the gateway"),
                "{words}"
            );
            assert!(words.ends_with("already targets this gateway."), "{words}");
        }
    }

    #[test]
    fn status_cells_are_coloured_after_layout() {
        let style = DescribeStyle {
            color: true,
            now: now(),
            width: 80,
        };
        let out = status_section(&two_ancestors(), &style);
        assert!(out.contains("   \x1b[32mTrue\x1b[0m   "), "{out}");
        assert!(out.contains("   \x1b[31mFalse\x1b[0m   "), "{out}");
        let plain = status_section(
            &two_ancestors(),
            &DescribeStyle {
                color: false,
                ..style
            },
        );
        assert_eq!(
            out.replace("\x1b[32m", "")
                .replace("\x1b[31m", "")
                .replace("\x1b[0m", ""),
            plain
        );
    }

    #[test]
    fn wide_characters_before_the_status_keep_it_coloured() {
        let mut p = two_ancestors();
        p["status"]["ancestors"][0]["ancestorRef"]["name"] = json!("网关");
        let style = DescribeStyle {
            color: true,
            now: now(),
            width: 80,
        };
        let out = status_section(&p, &style);
        assert!(out.contains("\x1b[32mTrue\x1b[0m"), "{out}");
        assert!(out.contains("\x1b[31mFalse\x1b[0m"), "{out}");
    }
}
