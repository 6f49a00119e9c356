//! `datumctl api-resources` and `datumctl api-versions`: what the server's discovery says it
//! serves, with kubectl's columns, filters, sort orders and output formats.

use crate::cli::ApiResourcesArgs;

use crate::client::discovery::ApiResource;
use crate::cmd::Context;
use crate::error::{CliError, CmdResult, Outcome};
use crate::print::table::Table;
use crate::print::yaml::to_yaml;
use serde::Serialize;
use serde_json::{Value, json};

/// kubectl's list of `-o` formats for api-resources, in its order; kyaml is not ours.
const FORMATS: &str = "json,name,wide,yaml";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Table,
    Wide,
    Name,
    Json,
    Yaml,
}

fn format(output: Option<&str>) -> Result<Format, CliError> {
    Ok(match output {
        None | Some("") => Format::Table,
        Some("wide") => Format::Wide,
        Some("name") => Format::Name,
        Some("json") => Format::Json,
        Some("yaml") => Format::Yaml,
        Some(other) => {
            return Err(CliError::usage(format!(
                "unable to match a printer suitable for the output format \"{other}\", allowed formats are: {FORMATS}"
            )));
        }
    })
}

pub async fn run(args: &ApiResourcesArgs, ctx: &Context) -> CmdResult {
    let format = format(ctx.global.output.as_deref())?;
    if let Some(s) = args.sort_by.as_deref()
        && !matches!(s, "" | "name" | "kind")
    {
        return Err(CliError::usage("--sort-by accepts only name or kind"));
    }
    let client = crate::cmd::connect::connect(&ctx.global, &ctx.printer).await?;
    let groups = client
        .api_groups(true)
        .await
        .map_err(|e| e.into_cli(&client.target))?;
    if groups.iter().all(|g| g.resources.iter().all(Vec::is_empty)) {
        // kubectl prints nothing at all, not even the header, for a server without resources.
        return Ok(Outcome::Success);
    }
    let mut resources: Vec<ApiResource> = crate::client::discovery::preferred(&groups)
        .into_iter()
        .filter(|r| wanted(args, r))
        .collect();
    sort(&mut resources, args.sort_by.as_deref().unwrap_or(""));
    ctx.printer
        .out(&render(format, args.no_headers, &resources));
    Ok(Outcome::Success)
}

fn wanted(args: &ApiResourcesArgs, r: &ApiResource) -> bool {
    let has_all = |have: &[String], want: &[String]| want.iter().all(|w| have.contains(w));
    !r.verbs.is_empty()
        && args.api_group.as_ref().is_none_or(|g| *g == r.group)
        && args.namespaced.is_none_or(|n| n == r.namespaced)
        && has_all(&r.verbs, &args.verbs)
        && has_all(&r.categories, &args.categories)
}

/// kubectl's order: by the field asked for (the group by default), then by name; stable.
fn sort(resources: &mut [ApiResource], by: &str) {
    resources.sort_by(|a, b| {
        let (x, y) = match by {
            "name" => (&a.name, &b.name),
            "kind" => (&a.kind, &b.kind),
            _ => (&a.group, &b.group),
        };
        x.cmp(y).then_with(|| a.name.cmp(&b.name))
    });
}

fn render(format: Format, no_headers: bool, resources: &[ApiResource]) -> String {
    match format {
        Format::Table | Format::Wide => {
            let wide = format == Format::Wide;
            let mut headers: Vec<String> =
                ["NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND"]
                    .map(String::from)
                    .to_vec();
            if wide {
                headers.extend(["VERBS".to_string(), "CATEGORIES".to_string()]);
            }
            let rows = resources
                .iter()
                .map(|r| {
                    let mut row = vec![
                        r.name.clone(),
                        r.short_names.join(","),
                        r.group_version(),
                        r.namespaced.to_string(),
                        r.kind.clone(),
                    ];
                    if wide {
                        row.extend([r.verbs.join(","), r.categories.join(",")]);
                    }
                    row
                })
                .collect();
            Table { headers, rows }.render(!no_headers)
        }
        Format::Name => resources
            .iter()
            .map(|r| match r.group.as_str() {
                "" => format!("{}\n", r.name),
                g => format!("{}.{g}\n", r.name),
            })
            .collect(),
        Format::Json => go_indent_json(&resource_list(resources), "    ") + "\n",
        Format::Yaml => to_yaml(&resource_list(resources)),
    }
}

/// The flattened `APIResourceList` kubectl prints for `-o json|yaml`, its fields in Go's
/// struct order (the JSON printer keeps it; YAML sorts keys).
fn resource_list(resources: &[ApiResource]) -> Value {
    let items: Vec<Value> = resources
        .iter()
        .map(|r| {
            let mut o = json!({
                "name": r.name,
                "singularName": r.singular_name,
                "namespaced": r.namespaced,
            });
            if !r.group.is_empty() {
                o["group"] = json!(r.group);
            }
            if !r.version.is_empty() {
                o["version"] = json!(r.version);
            }
            o["kind"] = json!(r.kind);
            o["verbs"] = json!(r.verbs);
            if !r.short_names.is_empty() {
                o["shortNames"] = json!(r.short_names);
            }
            if !r.categories.is_empty() {
                o["categories"] = json!(r.categories);
            }
            o
        })
        .collect();
    json!({"kind": "APIResourceList", "apiVersion": "v1", "groupVersion": "", "resources": items})
}

/// Go's `json.MarshalIndent(v, "", indent)` of a struct: fields in their order, `<>&` escaped.
pub fn go_indent_json(value: &Value, indent: &str) -> String {
    let mut buf = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(indent.as_bytes());
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, formatter);
    if value.serialize(&mut ser).is_err() {
        return String::new();
    }
    String::from_utf8_lossy(&buf)
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// `api-versions`: every group/version the server serves, sorted, one a line.
pub async fn run_versions(ctx: &Context) -> CmdResult {
    let client = crate::cmd::connect::connect(&ctx.global, &ctx.printer).await?;
    let groups = client
        .api_groups(false)
        .await
        .map_err(|e| e.into_cli(&client.target))?;
    let mut versions: Vec<String> = groups
        .iter()
        .flat_map(|g| {
            g.versions.iter().map(|v| match g.name.as_str() {
                "" => v.clone(),
                name => format!("{name}/{v}"),
            })
        })
        .collect();
    versions.sort();
    ctx.printer.out(
        &versions
            .iter()
            .map(|v| format!("{v}\n"))
            .collect::<String>(),
    );
    Ok(Outcome::Success)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn btp(group: &str, name: &str, kind: &str) -> ApiResource {
        ApiResource {
            name: name.into(),
            singular_name: String::new(),
            namespaced: true,
            group: group.into(),
            version: "v1".into(),
            kind: kind.into(),
            verbs: vec!["get".into()],
            short_names: vec![],
            categories: vec![],
        }
    }

    #[test]
    fn sorts_by_group_then_name_unless_asked() {
        let mut r = vec![btp("b", "x", "A"), btp("a", "z", "C"), btp("a", "y", "B")];
        sort(&mut r, "");
        assert_eq!(
            r.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(),
            ["y", "z", "x"]
        );
        sort(&mut r, "kind");
        assert_eq!(
            r.iter().map(|r| r.kind.as_str()).collect::<Vec<_>>(),
            ["A", "B", "C"]
        );
    }

    #[test]
    fn json_keeps_struct_order_with_go_indent() {
        let text = go_indent_json(&json!({"b": "<", "a": [1]}), "    ");
        assert_eq!(
            text,
            "{\n    \"b\": \"\\u003c\",\n    \"a\": [\n        1\n    ]\n}"
        );
    }
}
