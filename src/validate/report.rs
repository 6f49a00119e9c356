//! Renders the errors of one document for people (`FILE:LINE:COLUMN: message`, with a source
//! snippet and a caret on a terminal) and for CI (one JSON object per document). `validate` and
//! `apply` both print through here, so their errors read alike.

use super::{ErrorType, FieldError};
use crate::manifest::{Document, ManifestError, Position};
use serde_json::{Value, json};

/// How to render for people.
#[derive(Debug, Clone, Copy, Default)]
pub struct HumanStyle {
    /// ANSI colours.
    pub color: bool,
    /// The source line and a caret under the value after each error.
    pub snippet: bool,
}

/// Where an error points: the key of an unknown field or of a mapping or list, the value of a
/// scalar (for an absent field, the closest enclosing value).
pub fn error_position(doc: &Document, error: &FieldError) -> Position {
    if error.error_type == ErrorType::UnknownField {
        doc.key_position(&error.pointer)
            .unwrap_or(Position { line: 1, column: 1 })
    } else {
        doc.report_position(&error.pointer)
    }
}

/// The errors with their positions, in the order they appear in the file.
pub fn by_position<'e>(
    doc: &Document,
    errors: &'e [FieldError],
) -> Vec<(Position, &'e FieldError)> {
    let mut placed: Vec<_> = errors.iter().map(|e| (error_position(doc, e), e)).collect();
    placed.sort_by_key(|(at, _)| (at.line, at.column));
    placed
}

/// `FILE:LINE:COLUMN: message` for each error, with snippets when `color` (a terminal) is on.
pub fn render_human(doc: &Document, errors: &[FieldError], color: bool) -> String {
    render_human_with(
        doc,
        errors,
        HumanStyle {
            color,
            snippet: color,
        },
    )
}

pub fn render_human_with(doc: &Document, errors: &[FieldError], style: HumanStyle) -> String {
    use crate::print::{BOLD, CYAN, RED};
    let paint = |text: &str, color| crate::print::paint(style.color, text, color);
    let mut out = String::new();
    for (at, error) in by_position(doc, errors) {
        let location = format!("{}:{}:{}:", doc.source, at.line, at.column);
        out.push_str(&paint(&location, BOLD));
        out.push(' ');
        out.push_str(&error.message());
        if let Some(name) = error.suggestion() {
            out.push_str(&format!(" (did you mean {name:?}?)"));
        }
        out.push('\n');
        if style.snippet
            && let Some(line) = doc.source_line(at.line)
        {
            let number = at.line.to_string();
            let gutter = " ".repeat(number.len());
            let pad: String = line
                .chars()
                .take(at.column.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            out.push_str(&format!("{} {line}\n", paint(&format!("{number} |"), CYAN)));
            out.push_str(&format!(
                "{} {pad}{}\n",
                paint(&format!("{gutter} |"), CYAN),
                paint("^", RED)
            ));
        }
    }
    out
}

/// One field error as JSON: `file`, `line`, `column`, `field`, `type` and `message` (with
/// `path` and `reason`, the same as `field` and `type`, as they were first named), and a
/// `suggestion` for an unknown field close to a known one.
pub fn field_error_json(doc: &Document, at: Position, e: &FieldError) -> Value {
    let mut v = json!({
        "file": doc.source,
        "line": at.line,
        "column": at.column,
        "field": e.path,
        "type": e.error_type.cause_reason(),
        "message": e.message(),
        "path": e.path,
        "reason": e.error_type.cause_reason(),
    });
    if let Some(name) = e.suggestion() {
        v["suggestion"] = json!(name);
    }
    v
}

/// The record of a file that could not be read as manifests: no object, one error.
pub fn render_broken_json(error: &ManifestError) -> Value {
    let at = error.position();
    json!({
        "file": error.path(),
        "index": null,
        "name": null,
        "valid": false,
        "errors": [{
            "file": error.path(),
            "line": at.map(|p| p.line),
            "column": at.map(|p| p.column),
            "field": null,
            "type": error.reason(),
            "message": error.to_string(),
            "path": null,
            "reason": error.reason(),
        }],
    })
}

/// One JSON object for the document: file, index, name, valid, errors with positions. The
/// errors keep kube-apiserver's order (the order of a 422's causes); people read them in the
/// order of the file.
pub fn render_json(doc: &Document, errors: &[FieldError]) -> Value {
    let errors: Vec<Value> = errors
        .iter()
        .map(|e| field_error_json(doc, error_position(doc, e), e))
        .collect();
    json!({
        "file": doc.source,
        "index": doc.index,
        "name": doc.name(),
        "valid": errors.is_empty(),
        "errors": errors,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::parse_source;
    use crate::validate::{Options, validate_object};

    const TEXT: &str = "apiVersion: gateway.envoyproxy.io/v1alpha1\nkind: BackendTrafficPolicy\nmetadata:\n  name: p\nspec:\n  targetRefs:\n  - {group: gateway.networking.k8s.io, kind: HTTPRoute, name: r}\n  retry:\n    numRetries: -1\n    numRetrys: 3\n";

    #[test]
    fn human_lines_point_at_values_and_keys() {
        let docs = parse_source("p.yaml", TEXT).expect("parses");
        let mut value = docs[0].value.clone();
        let errors = validate_object(&mut value, &Options::default());
        let text = render_human_with(
            &docs[0],
            &errors,
            HumanStyle {
                color: false,
                snippet: true,
            },
        );
        assert_eq!(
            text,
            concat!(
                "p.yaml:9:17: spec.retry.numRetries: Invalid value: -1: spec.retry.numRetries in body should be greater than or equal to 0\n",
                "9 |     numRetries: -1\n",
                "  |                 ^\n",
                "p.yaml:10:5: unknown field \"spec.retry.numRetrys\" (did you mean \"numRetries\"?)\n",
                "10 |     numRetrys: 3\n",
                "   |     ^\n",
            )
        );
        // People read them in the order of the file; JSON keeps kube-apiserver's order.
        let json = render_json(&docs[0], &errors);
        assert_eq!(json["valid"], json!(false));
        assert_eq!(json["errors"][1]["line"], json!(9));
        assert_eq!(json["errors"][1]["type"], json!("FieldValueInvalid"));
        assert_eq!(json["errors"][0]["suggestion"], json!("numRetries"));
    }
}
