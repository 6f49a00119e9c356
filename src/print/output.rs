//! `-o` for objects: yaml, json, name, jsonpath=…, custom-columns=…, or a table. Lists print as
//! kubectl's `kind: List` wrapper, item by item, so large lists need not be held whole.

use super::gotemplate::GoTemplate;
use super::json::{to_json_pretty, write_value};
use super::jsonpath::{JsonPath, JsonPathError};
use super::table::Table;
use super::yaml::to_yaml;
use crate::resource::qualified_name;
use serde_json::{Map, Value, json};

/// One `custom-columns` column: its header and the template that fills it.
#[derive(Debug, Clone)]
pub struct CustomColumn {
    pub header: String,
    pub path: JsonPath,
}

/// What `-o` asked for.
#[derive(Debug, Clone)]
pub enum OutputFormat {
    Table,
    Wide,
    Yaml,
    Json,
    Name,
    JsonPath(JsonPath),
    /// `jsonpath-as-json=…`: each action's results as a JSON array.
    JsonPathAsJson(JsonPath),
    CustomColumns(Vec<CustomColumn>),
    /// `go-template=…`, `template=…` and their `-file` forms.
    GoTemplate(GoTemplate),
}

/// kubectl's wording for a template file it cannot read.
fn read_template(path: &str, what: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ => e.to_string(),
        };
        format!("error reading {what} {path}, open {path}: {why}")
    })
}

/// A `custom-columns-file`: a line of headers and a line of field specs, whitespace-separated.
fn columns_from_file(text: &str) -> Result<Vec<CustomColumn>, String> {
    let mut lines = text.lines();
    let expected = "Expected format is one line of space separated headers, one line of space separated column specs.";
    let headers: Vec<&str> = lines
        .next()
        .ok_or_else(|| format!("invalid template, missing header line. {expected}"))?
        .split_whitespace()
        .collect();
    let specs: Vec<&str> = lines
        .next()
        .ok_or_else(|| format!("invalid template, missing spec line. {expected}"))?
        .split_whitespace()
        .collect();
    if headers.len() != specs.len() {
        return Err(format!(
            "number of headers ({}) and field specifications ({}) don't match",
            headers.len(),
            specs.len()
        ));
    }
    let spec: Vec<String> = headers
        .iter()
        .zip(&specs)
        .map(|(h, s)| format!("{h}:{s}"))
        .collect();
    parse_columns(&spec.join(","))
}

/// The `-o` names whose argument may come from kubectl's `--template` instead of `NAME=…`.
const TEMPLATED: [&str; 8] = [
    "go-template",
    "go-template-file",
    "template",
    "templatefile",
    "jsonpath",
    "jsonpath-file",
    "jsonpath-as-json",
    "custom-columns-file",
];

fn no_printer(spec: &str, allowed: &[&str]) -> String {
    format!(
        "unable to match a printer suitable for the output format {spec:?}, allowed formats are: {}",
        allowed.join(",")
    )
}

impl OutputFormat {
    /// Parses `-o` together with `--template`, as kubectl's print flags do: a bare template
    /// format (`-o jsonpath`) takes its argument from `--template`, `--template` alone means
    /// `go-template`, other formats ignore it, and an argument given both ways is refused.
    pub fn parse_with_template(
        spec: Option<&str>,
        template: Option<&str>,
        allowed: &[&str],
    ) -> Result<OutputFormat, String> {
        match (spec, template.filter(|t| !t.is_empty())) {
            (None, Some(t)) => Self::parse(Some(&format!("go-template={t}")), allowed),
            (Some(s), Some(t)) if TEMPLATED.contains(&s) => {
                Self::parse(Some(&format!("{s}={t}")), allowed)
            }
            (Some(s), Some(_)) if s.contains('=') => Err(no_printer(s, allowed)),
            _ => Self::parse(spec, allowed),
        }
    }

    /// Parses `-o`; `allowed` lists the plain names the command supports.
    pub fn parse(spec: Option<&str>, allowed: &[&str]) -> Result<OutputFormat, String> {
        let Some(spec) = spec else {
            return Ok(OutputFormat::Table);
        };
        let path = |t: &str| JsonPath::parse(t).map_err(|e| e.to_string());
        let (format, name) = if let Some(t) = spec.strip_prefix("jsonpath=") {
            (OutputFormat::JsonPath(path(t)?), "jsonpath")
        } else if let Some(t) = spec.strip_prefix("jsonpath-as-json=") {
            (OutputFormat::JsonPathAsJson(path(t)?), "jsonpath-as-json")
        } else if let Some(file) = spec.strip_prefix("jsonpath-file=") {
            let t = read_template(file, "--template")?;
            (OutputFormat::JsonPath(path(&t)?), "jsonpath-file")
        } else if let Some((name, text)) = ["go-template", "template"]
            .iter()
            .find_map(|n| {
                spec.strip_prefix(&format!("{n}="))
                    .map(|t| (*n, t.to_string()))
            })
            .or_else(|| {
                [
                    ("go-template-file", "go-template"),
                    ("templatefile", "template"),
                ]
                .iter()
                .find_map(|(n, _)| {
                    spec.strip_prefix(&format!("{n}="))
                        .map(|f| (*n, f.to_string()))
                })
            })
        {
            let text = if name.ends_with("file") {
                read_template(&text, "--template")?
            } else {
                text
            };
            let template = GoTemplate::parse(&text)
                .map_err(|e| format!("error parsing template {text}, {}", e.0))?;
            let plain = match name {
                "go-template-file" => "go-template-file",
                "templatefile" => "templatefile",
                "template" => "template",
                _ => "go-template",
            };
            (OutputFormat::GoTemplate(template), plain)
        } else if let Some(cols) = spec.strip_prefix("custom-columns=") {
            (
                OutputFormat::CustomColumns(parse_columns(cols)?),
                "custom-columns",
            )
        } else if let Some(file) = spec.strip_prefix("custom-columns-file=") {
            let text = read_template(file, "template")?;
            (
                OutputFormat::CustomColumns(columns_from_file(&text)?),
                "custom-columns-file",
            )
        } else {
            let format = match spec {
                "wide" => OutputFormat::Wide,
                "yaml" => OutputFormat::Yaml,
                "json" => OutputFormat::Json,
                "name" => OutputFormat::Name,
                s if TEMPLATED.contains(&s) => {
                    return Err("template format specified but no template given".into());
                }
                "custom-columns" => {
                    return Err(
                        "custom-columns format specified but no custom columns given".into(),
                    );
                }
                _ => return Err(no_printer(spec, allowed)),
            };
            (format, spec)
        };
        if !allowed.contains(&name) {
            return Err(no_printer(spec, allowed));
        }
        Ok(format)
    }

    pub fn is_table(&self) -> bool {
        matches!(self, OutputFormat::Table | OutputFormat::Wide)
    }

    /// One object, printed alone (`get NAME`, `apply -o yaml` of one object).
    pub fn single(&self, object: &Value) -> String {
        self.single_keeping(object, false)
    }

    /// `single`, keeping `metadata.managedFields` when `keep_managed` (`--show-managed-fields`).
    pub fn single_keeping(&self, object: &Value, keep_managed: bool) -> String {
        let shown = |o: &Value| {
            if keep_managed {
                o.clone()
            } else {
                omit_managed_fields(o)
            }
        };
        match self {
            OutputFormat::Yaml => to_yaml(&shown(object)),
            OutputFormat::Json => to_json_pretty(&shown(object)),
            OutputFormat::Name => name_line(object),
            OutputFormat::JsonPath(p) => p.render(object),
            OutputFormat::JsonPathAsJson(p) => p.render_json(object),
            // Callers that can fail run templates through `execute`; here an error prints as
            // nothing (watch lines).
            OutputFormat::GoTemplate(t) => t.execute(object).unwrap_or_default(),
            OutputFormat::CustomColumns(cols) => custom_table(cols, &[object]).render(true),
            OutputFormat::Table | OutputFormat::Wide => String::new(),
        }
    }
}

/// kubectl leaves `metadata.managedFields` out of YAML and JSON (and out of each list item).
pub fn omit_managed_fields(object: &Value) -> Value {
    let mut copy = object.clone();
    if let Some(meta) = copy.get_mut("metadata").and_then(Value::as_object_mut) {
        meta.remove("managedFields");
    }
    if let Some(items) = copy.get_mut("items").and_then(Value::as_array_mut) {
        for item in items {
            if let Some(meta) = item.get_mut("metadata").and_then(Value::as_object_mut) {
                meta.remove("managedFields");
            }
        }
    }
    copy
}

/// `backendtrafficpolicy.gateway.envoyproxy.io/NAME`
pub fn name_line(object: &Value) -> String {
    format!(
        "{}\n",
        qualified_name(object["metadata"]["name"].as_str().unwrap_or(""))
    )
}

fn parse_columns(spec: &str) -> Result<Vec<CustomColumn>, String> {
    let mut cols = Vec::new();
    for part in spec.split(',') {
        let Some((header, expr)) = part.split_once(':') else {
            return Err(format!(
                "unexpected custom-columns spec: {part}, expected <header>:<json-path-expr>"
            ));
        };
        let path = JsonPath::parse(&relaxed(expr)).map_err(|e: JsonPathError| e.to_string())?;
        cols.push(CustomColumn {
            header: header.to_string(),
            path,
        });
    }
    if cols.is_empty() {
        return Err("custom-columns format specified but no custom columns given".into());
    }
    Ok(cols)
}

/// kubectl's `RelaxedJSONPathExpression`: `metadata.name` and `.metadata.name` become
/// `{.metadata.name}`.
pub fn relaxed(expr: &str) -> String {
    let inner = expr.trim().trim_start_matches('{').trim_end_matches('}');
    if inner.starts_with('.') || inner.starts_with('$') || inner.is_empty() {
        format!("{{{inner}}}")
    } else {
        format!("{{.{inner}}}")
    }
}

/// The rows of a custom-columns table.
pub fn custom_table(cols: &[CustomColumn], objects: &[&Value]) -> Table {
    Table {
        headers: cols.iter().map(|c| c.header.clone()).collect(),
        rows: objects.iter().map(|o| custom_row(cols, o)).collect(),
    }
}

pub fn custom_row(cols: &[CustomColumn], object: &Value) -> Vec<String> {
    cols.iter()
        .map(|c| {
            let values = c.path.values(object);
            if values.is_empty() {
                "<none>".to_string()
            } else {
                values.iter().map(go_v).collect::<Vec<_>>().join(",")
            }
        })
        .collect()
}

/// Go's `%v` of an unstructured value: `map[a:b]`, `[x y]`.
pub fn go_v(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "<nil>".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) if n.is_f64() => super::yaml::go_format_g(n.as_f64().unwrap_or(0.0)),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => {
            format!("[{}]", items.iter().map(go_v).collect::<Vec<_>>().join(" "))
        }
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            let parts: Vec<String> = keys
                .into_iter()
                .map(|k| format!("{k}:{}", go_v(&m[k])))
                .collect();
            format!("map[{}]", parts.join(" "))
        }
    }
}

/// kubectl's list wrapper.
pub fn list_of(items: Vec<Value>) -> Value {
    json!({"apiVersion": "v1", "items": items, "kind": "List", "metadata": {"resourceVersion": ""}})
}

/// The encoding of a streamed list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListEncoding {
    Yaml,
    Json,
}

/// Writes a `kind: List` in YAML or JSON item by item.
pub struct ListWriter {
    yaml: bool,
    count: usize,
    /// `--show-managed-fields`: print items' `metadata.managedFields`.
    pub keep_managed: bool,
}

impl ListWriter {
    pub fn new(encoding: ListEncoding) -> ListWriter {
        ListWriter {
            yaml: encoding == ListEncoding::Yaml,
            count: 0,
            keep_managed: false,
        }
    }

    pub fn header(&self) -> String {
        if self.yaml {
            "apiVersion: v1\n".into()
        } else {
            "{\n    \"apiVersion\": \"v1\",\n    \"items\": [".into()
        }
    }

    pub fn item(&mut self, item: &Value) -> String {
        self.count += 1;
        let item = &if self.keep_managed {
            item.clone()
        } else {
            omit_managed_fields(item)
        };
        if self.yaml {
            let mut text = if self.count == 1 {
                "items:\n".to_string()
            } else {
                String::new()
            };
            text.push_str(&to_yaml(&Value::Array(vec![item.clone()])));
            text
        } else {
            let mut text = String::from(if self.count == 1 {
                "\n        "
            } else {
                ",\n        "
            });
            write_value(&mut text, item, Some(2));
            text
        }
    }

    pub fn footer(&self) -> String {
        let mut text = String::new();
        if self.yaml {
            if self.count == 0 {
                text.push_str("items: []\n");
            }
            text.push_str("kind: List\nmetadata:\n  resourceVersion: \"\"\n");
        } else {
            text.push_str(if self.count == 0 { "]" } else { "\n    ]" });
            text.push_str(",\n    \"kind\": \"List\",\n    \"metadata\": {\n        \"resourceVersion\": \"\"\n    }\n}\n");
        }
        text
    }
}

/// An empty JSON object, for callers that need one.
pub fn empty_object() -> Value {
    Value::Object(Map::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streamed_lists_equal_whole_ones() {
        let items = vec![
            json!({"metadata": {"name": "a"}, "spec": {"x": [1]}}),
            json!({"metadata": {"name": "b"}}),
        ];
        for encoding in [ListEncoding::Yaml, ListEncoding::Json] {
            let yaml = encoding == ListEncoding::Yaml;
            let mut w = ListWriter::new(encoding);
            let mut text = w.header();
            for i in &items {
                text.push_str(&w.item(i));
            }
            text.push_str(&w.footer());
            let whole = list_of(items.clone());
            let expected = if yaml {
                to_yaml(&whole)
            } else {
                to_json_pretty(&whole)
            };
            assert_eq!(text, expected);
            let empty = ListWriter::new(encoding);
            let text = format!("{}{}", empty.header(), empty.footer());
            let expected = if yaml {
                to_yaml(&list_of(vec![]))
            } else {
                to_json_pretty(&list_of(vec![]))
            };
            assert_eq!(text, expected);
        }
    }

    #[test]
    fn custom_columns_relax_paths_and_print_none() {
        let OutputFormat::CustomColumns(cols) = OutputFormat::parse(
            Some("custom-columns=NAME:metadata.name,RETRIES:.spec.retry.numRetries,L:{.metadata.labels}"),
            &["custom-columns"],
        )
        .expect("parses") else {
            panic!("not custom columns")
        };
        let o = json!({"metadata": {"name": "a", "labels": {"b": "2", "a": "1"}}});
        assert_eq!(custom_row(&cols, &o), ["a", "<none>", "map[a:1 b:2]"]);
    }

    #[test]
    fn unknown_formats_are_refused_with_the_allowed_list() {
        let e = OutputFormat::parse(Some("xml"), &["yaml", "json"]).expect_err("refused");
        assert!(e.contains("allowed formats are: yaml,json"), "{e}");
        assert!(OutputFormat::parse(Some("wide"), &["yaml"]).is_err());
    }
}
