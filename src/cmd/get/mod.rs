//! `datumctl get backendtrafficpolicies [NAME…]`: tables (with `-o wide`, `-A`, labels), the
//! object formats of `-o`, paging with `--chunk-size`, and `-w` watching that resumes after a
//! dropped connection.

mod watch;

use crate::cli::GetArgs;
use crate::client::api::ListOptions;
use crate::client::http::ApiClient;
use crate::client::status::ClientError;
use crate::cmd::Context;
use crate::cmd::common::print_not_found;
use crate::cmd::objects::{self, PlacedObject, Selection};
use crate::error::{CliError, CmdResult, Outcome};
use crate::print::gotemplate::GoTemplate;
use crate::print::output::{
    ListEncoding, ListWriter, OutputFormat, custom_row, list_of, name_line,
};
use crate::print::policy::Columns;
use crate::print::sort_by::sort_objects;
use crate::print::table::Table;
use crate::resource::{WatchEventType, qualified_name};
use chrono::Utc;
use serde_json::Value;
use watch::{Known, WatchPrinter, known_from};

/// kubectl's `-o` names for get, in its (alphabetical) order (kyaml is not ours).
const FORMATS: [&str; 13] = [
    "custom-columns",
    "custom-columns-file",
    "go-template",
    "go-template-file",
    "json",
    "jsonpath",
    "jsonpath-as-json",
    "jsonpath-file",
    "name",
    "template",
    "templatefile",
    "wide",
    "yaml",
];

pub async fn run(args: &GetArgs, ctx: &Context) -> CmdResult {
    let selection = objects::select(
        "get",
        &objects::words(args.resource.as_ref(), &args.names),
        &args.files,
    )?;
    let format = OutputFormat::parse_with_template(
        ctx.global.output.as_deref(),
        args.template.as_deref(),
        &FORMATS,
    )
    .map_err(CliError::usage)?;
    if args.forms.sort_by.is_some() && (args.watch || args.watch_only) {
        return Err(
            CliError::usage("--sort-by cannot be used with --watch or --watch-only")
                .hint("sort a plain list, or watch without --sort-by"),
        );
    }
    if args.all_namespaces && selection != Selection::Collection {
        return Err(CliError::usage(
            "a resource cannot be retrieved by name across all namespaces",
        ));
    }
    let client = crate::cmd::connect::connect(&ctx.global, &ctx.printer).await?;
    let objects = selection.placed(&client.target.namespace, ctx.global.namespace.is_some())?;
    let wide = matches!(format, OutputFormat::Wide);
    let getter = Getter {
        args,
        objects,
        ctx,
        client: &client,
        format,
        columns: Columns {
            wide,
            namespace: args.all_namespaces,
            show_labels: args.show_labels,
            label_columns: args.label_columns.clone(),
        },
    };
    let listed = match (&getter.objects, &getter.format) {
        (objects, OutputFormat::GoTemplate(t)) if !args.watch && !args.watch_only => {
            getter.template(t, objects.as_deref()).await
        }
        (None, _) => getter.list().await,
        (Some(refs), _) => getter.named(refs).await,
    };
    listed.map_err(|e| e.into_cli(&client.target))
}

struct Getter<'a> {
    args: &'a GetArgs,
    /// The objects named by argument or manifest; `None` for the whole collection.
    objects: Option<Vec<PlacedObject>>,
    ctx: &'a Context,
    client: &'a ApiClient,
    format: OutputFormat,
    columns: Columns,
}

impl Getter<'_> {
    fn namespace(&self) -> Option<&str> {
        (!self.args.all_namespaces).then_some(self.client.target.namespace.as_str())
    }

    fn list_options(&self) -> ListOptions {
        ListOptions {
            label_selector: self.args.selector.clone(),
            field_selector: self.args.field_selector.clone(),
            limit: (self.args.chunk_size > 0).then_some(self.args.chunk_size),
            continue_token: None,
        }
    }

    fn with_headers(&self) -> bool {
        !self.args.no_headers
    }

    /// Rows of the table for these objects, in the chosen format (`table` or custom columns).
    fn rows(&self, objects: &[Value]) -> Vec<Vec<String>> {
        let now = Utc::now();
        match &self.format {
            OutputFormat::CustomColumns(cols) => {
                objects.iter().map(|o| custom_row(cols, o)).collect()
            }
            _ => objects
                .iter()
                .map(|o| {
                    let mut row = self.columns.row(o, now);
                    // --show-kind: the NAME column says TYPE/NAME, as kubectl prints it.
                    let name_at = usize::from(self.columns.namespace);
                    if self.args.forms.show_kind
                        && let Some(cell) = row.get_mut(name_at)
                    {
                        *cell = qualified_name(cell);
                    }
                    row
                })
                .collect(),
        }
    }

    /// `-o go-template=…`: one object alone, several (or a list) as kubectl's `List`; an
    /// execution error is kubectl's `error executing template` (exit 1).
    async fn template(
        &self,
        template: &GoTemplate,
        refs: Option<&[PlacedObject]>,
    ) -> Result<Outcome, ClientError> {
        let p = &self.ctx.printer;
        let mut failed = false;
        let data = match refs {
            None => {
                let (mut items, _) = self
                    .client
                    .list_all(self.namespace(), &self.list_options())
                    .await?;
                // kubectl runs the template on an empty List too, and says nothing more.
                if let Some(field) = &self.args.forms.sort_by
                    && let Err(e) = sort_objects(&mut items, field)
                {
                    p.err(&format!("error: {e}\n"));
                    return Ok(Outcome::Failed);
                }
                list_of(items)
            }
            Some(refs) => {
                let mut found = Vec::new();
                for object in refs {
                    match self
                        .client
                        .get_policy(&object.namespace, &object.name)
                        .await
                    {
                        Ok(o) => found.push(o),
                        Err(e) if e.is_not_found() && self.args.ignore_not_found => {}
                        Err(ClientError::Status(s)) if s.is_not_found() => {
                            p.err(&format!("{}\n", s.kubectl_message()));
                            failed = true;
                        }
                        Err(e) => return Err(e),
                    }
                }
                match found.len() {
                    0 => {
                        return Ok(Outcome::failed_if(failed));
                    }
                    1 if refs.len() == 1 => found.remove(0),
                    _ => list_of(found),
                }
            }
        };
        match template.execute(&data) {
            Ok(text) => p.out(&text),
            Err(e) => {
                p.err(&format!(
                    "error: error executing template {:?}: {}\n",
                    template.source(),
                    e.0
                ));
                return Ok(Outcome::Failed);
            }
        }
        Ok(Outcome::failed_if(failed))
    }

    fn keep_managed(&self) -> bool {
        self.args.forms.show_managed_fields
    }

    /// `--sort-by` over the whole list, printed at once; a field no object has, or one that
    /// cannot be ordered, is kubectl's error (exit 1).
    async fn list_sorted(&self, field: &str) -> Result<Outcome, ClientError> {
        let p = &self.ctx.printer;
        let ns = self.namespace();
        let (mut items, _) = self.client.list_all(ns, &self.list_options()).await?;
        if let Err(e) = sort_objects(&mut items, field) {
            p.err(&format!("error: {e}\n"));
            return Ok(Outcome::Failed);
        }
        let text = match &self.format {
            f if f.is_table() || matches!(f, OutputFormat::CustomColumns(_)) => {
                if items.is_empty() && !matches!(f, OutputFormat::CustomColumns(_)) {
                    p.err(&format!("{}\n", crate::resource::no_resources_found(ns)));
                    String::new()
                } else {
                    Table {
                        headers: self.headers(),
                        rows: self.rows(&items),
                    }
                    .render(self.with_headers())
                }
            }
            OutputFormat::Name => items.iter().map(name_line).collect(),
            f => f.single_keeping(&list_of(items), self.keep_managed()),
        };
        p.out(&text);
        Ok(Outcome::Success)
    }

    fn headers(&self) -> Vec<String> {
        match &self.format {
            OutputFormat::CustomColumns(cols) => cols.iter().map(|c| c.header.clone()).collect(),
            _ => self.columns.headers(),
        }
    }

    async fn named(&self, refs: &[PlacedObject]) -> Result<Outcome, ClientError> {
        let p = &self.ctx.printer;
        let mut found = Vec::new();
        let mut not_found = Vec::new();
        for object in refs {
            match self
                .client
                .get_policy(&object.namespace, &object.name)
                .await
            {
                Ok(obj) => found.push(obj),
                Err(e) if e.is_not_found() && self.args.ignore_not_found => {}
                Err(ClientError::Status(s)) if s.is_not_found() => not_found.push(s),
                Err(e) => return Err(e),
            }
        }
        let failed = !not_found.is_empty();
        let single = refs.len() == 1;
        if let Some(field) = &self.args.forms.sort_by
            && found.len() > 1
            && let Err(e) = sort_objects(&mut found, field)
        {
            print_not_found(p, &not_found);
            p.err(&format!("error: {e}\n"));
            return Ok(Outcome::Failed);
        }
        let rv = found
            .last()
            .and_then(|o| o["metadata"]["resourceVersion"].as_str())
            .map(String::from);
        if self.args.watch && !self.args.watch_only && self.args.output_watch_events {
            // The named objects print as ADDED events, as kubectl prints them.
            let mut printer = WatchPrinter::default();
            let added = WatchEventType::Added.as_str();
            let text: String = found.iter().map(|o| printer.line(self, added, o)).collect();
            p.out(&text);
            print_not_found(p, &not_found);
            return self.watch_from(rv, printer, known_from(&found)).await;
        }
        let text = match &self.format {
            f if f.is_table() || matches!(f, OutputFormat::CustomColumns(_)) => {
                if found.is_empty() {
                    String::new()
                } else {
                    Table {
                        headers: self.headers(),
                        rows: self.rows(&found),
                    }
                    .render(self.with_headers())
                }
            }
            OutputFormat::Name => found.iter().map(name_line).collect(),
            f if single => found
                .first()
                .map(|o| f.single_keeping(o, self.keep_managed()))
                .unwrap_or_default(),
            f => {
                if found.is_empty() && failed {
                    String::new()
                } else {
                    f.single_keeping(&list_of(found.clone()), self.keep_managed())
                }
            }
        };
        if !self.args.watch_only {
            p.out(&text);
        }
        print_not_found(p, &not_found);
        if self.args.watch || self.args.watch_only {
            return self.watch(rv, known_from(&found)).await;
        }
        Ok(Outcome::failed_if(failed))
    }

    async fn list(&self) -> Result<Outcome, ClientError> {
        if self.args.watch_only {
            // As kubectl: list for the current version, print nothing, show only what changes.
            let (items, meta) = self
                .client
                .list_all(self.namespace(), &self.list_options())
                .await?;
            let rv = meta["resourceVersion"].as_str().map(String::from);
            return self.watch(rv, known_from(&items)).await;
        }
        if self.args.watch && self.args.output_watch_events {
            return self.list_as_events().await;
        }
        if let Some(field) = &self.args.forms.sort_by {
            return self.list_sorted(field).await;
        }
        let p = &self.ctx.printer;
        let ns = self.namespace();
        let mut options = self.list_options();
        let mut count = 0usize;
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut list_rv: Option<String>;
        // A watch prints objects one by one, as its events will be; a plain list is one List.
        let mut writer = match &self.format {
            _ if self.args.watch => None,
            OutputFormat::Yaml => Some(ListWriter::new(ListEncoding::Yaml)),
            OutputFormat::Json => Some(ListWriter::new(ListEncoding::Json)),
            _ => None,
        };
        if let Some(w) = writer.as_mut() {
            w.keep_managed = self.keep_managed();
        }
        if let Some(w) = &writer {
            p.out(&w.header());
        }
        // What the watch continues from.
        let mut printer = WatchPrinter::default();
        // jsonpath runs on the whole List, so that one format holds every item.
        let mut whole: Vec<Value> = Vec::new();
        // What a watch starts from, to tell later what changed if it has to list again.
        let mut known = Known::new();
        loop {
            let mut page = self.client.list_page(ns, &options).await?;
            let items = match page.get_mut("items").map(Value::take) {
                Some(Value::Array(items)) => items,
                _ => Vec::new(),
            };
            count += items.len();
            if self.args.watch {
                known.extend(known_from(&items));
            }
            match &self.format {
                OutputFormat::Name => {
                    p.out(&items.iter().map(name_line).collect::<String>());
                }
                OutputFormat::JsonPath(_) | OutputFormat::JsonPathAsJson(_) if !self.args.watch => {
                    whole.extend(items)
                }
                // A watch prints each object alone, the listed ones first, as kubectl does.
                OutputFormat::Yaml
                | OutputFormat::Json
                | OutputFormat::JsonPath(_)
                | OutputFormat::JsonPathAsJson(_)
                | OutputFormat::GoTemplate(_) => {
                    let text: String = match writer.as_mut() {
                        Some(w) => items.iter().map(|i| w.item(i)).collect(),
                        None => items
                            .iter()
                            .map(|i| printer.line(self, WatchEventType::Added.as_str(), i))
                            .collect(),
                    };
                    p.out(&text);
                }
                _ => rows.extend(self.rows(&items)),
            }
            list_rv = page["metadata"]["resourceVersion"]
                .as_str()
                .map(String::from);
            if !options.next_page(&page) {
                break;
            }
        }
        if let Some(w) = &writer {
            p.out(&w.footer());
        }
        match &self.format {
            OutputFormat::JsonPath(path) if !self.args.watch => {
                p.out(&path.render(&list_of(whole)))
            }
            OutputFormat::JsonPathAsJson(path) if !self.args.watch => {
                p.out(&path.render_json(&list_of(whole)))
            }
            f if f.is_table() || matches!(f, OutputFormat::CustomColumns(_)) => {
                let custom = matches!(f, OutputFormat::CustomColumns(_));
                if count > 0 || custom {
                    let table = Table {
                        headers: self.headers(),
                        rows,
                    };
                    printer.after_table(table.widths(self.with_headers()));
                    p.out(&table.render(self.with_headers()));
                }
                if count == 0 && !custom && !(self.args.watch) {
                    p.info(&crate::resource::no_resources_found(ns));
                }
            }
            _ => {}
        }
        if self.args.watch {
            return self.watch_from(list_rv, printer, known).await;
        }
        Ok(Outcome::Success)
    }
}
