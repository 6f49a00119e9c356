//! `datumctl create -f …`: create each policy a manifest holds, as `kubectl create -f` does
//! (refused when it exists), after checking it locally with the server's own validator. Also
//! home of what the writing verbs share: the local verdict worded as the server words it, and
//! kubectl's result line.

use crate::cli::{CreateArgs, DryRun, ValidateArg, WriteArgs};
use crate::client::api::WriteOptions;
use crate::client::http::ApiClient;
use crate::client::status::{ApiStatus, ClientError};
use crate::client::target::effective_profile;
use crate::cmd::Context;
use crate::cmd::common::{
    Action, Failures, dry_run_suffix, error_text, object_namespace, read_documents,
};
use crate::error::{CliError, CmdResult, Outcome};
use crate::print::output::{OutputFormat, name_line};
use crate::print::yaml::to_yaml;
use crate::resource::qualified_name;
use crate::validate::FieldValidation;
use crate::validate::{Options, Profile};
use serde_json::Value;

/// `-o` of the writing verbs: none (kubectl's `… created` line), name, yaml or json.
pub fn write_format(ctx: &Context) -> Result<Option<OutputFormat>, CliError> {
    match ctx.global.output.as_deref() {
        None => Ok(None),
        Some(o) => OutputFormat::parse(Some(o), &["name", "yaml", "json"])
            .map(Some)
            .map_err(CliError::usage),
    }
}

/// Prints results in kubectl's shapes, `---` between YAML documents.
pub struct ResultPrinter {
    format: Option<OutputFormat>,
    printed: usize,
}

impl ResultPrinter {
    pub fn new(format: Option<OutputFormat>) -> Self {
        ResultPrinter { format, printed: 0 }
    }

    /// The text for `object` after `verb` (`created`, `replaced (dry run)`, …).
    pub fn line(&mut self, object: &Value, verb: &str) -> String {
        self.printed += 1;
        match &self.format {
            None => format!(
                "{} {verb}\n",
                qualified_name(object["metadata"]["name"].as_str().unwrap_or(""))
            ),
            Some(OutputFormat::Name) => name_line(object),
            Some(OutputFormat::Yaml) => {
                let sep = if self.printed > 1 { "---\n" } else { "" };
                format!(
                    "{sep}{}",
                    to_yaml(&crate::print::output::omit_managed_fields(object))
                )
            }
            Some(f) => f.single(object),
        }
    }
}

/// The server's own verdict on writing `object` over `previous` (`None` for a create): unknown
/// fields, schema, defaults, CEL rules and the profile's admission rules, refused in the
/// server's words and status (a strict decoding error is a 400, an invalid object a 422).
pub fn local_refusal(
    object: &Value,
    previous: Option<&Value>,
    profile: Profile,
) -> Option<ApiStatus> {
    let refused = crate::server::object::admit(
        &mut object.clone(),
        previous,
        FieldValidation::Strict,
        &Options { profile },
    )
    .err()?;
    Some(ApiStatus::from_body(
        refused.code,
        &serde_json::to_vec(&refused.to_status()).unwrap_or_default(),
    ))
}

/// `--validate` of a verb that sends whole manifests: strict refuses an invalid object here as
/// the server would; warn and ignore leave the verdict to the server, asked for the same field
/// validation, as kubectl does (its warnings are relayed as every server warning is).
#[derive(Debug, Clone, Copy)]
pub struct LocalCheck {
    pub profile: Profile,
    pub mode: FieldValidation,
}

impl LocalCheck {
    /// The local verdict on `object`, as the server would word a refusal.
    pub fn refusal(&self, object: &Value) -> Option<ApiStatus> {
        match self.mode {
            FieldValidation::Strict => local_refusal(object, None, self.profile),
            FieldValidation::Warn | FieldValidation::Ignore => None,
        }
    }

    /// `options` with the server asked to validate fields as this check does.
    pub fn sent_with(&self, options: WriteOptions) -> WriteOptions {
        WriteOptions {
            field_validation: Some(self.mode),
            ..options
        }
    }
}

/// What create and replace set up alike once connected: the local check, the write options
/// (field manager `datumctl-VERB` unless given) and the word of the result lines (`created`,
/// `replaced (dry run)`, …).
pub fn manifest_write(
    write: &WriteArgs,
    validate: &ValidateArg,
    client: &ApiClient,
    verb: &str,
) -> (LocalCheck, WriteOptions, String) {
    let check = LocalCheck {
        profile: profile_for(write.profile, client),
        mode: validate.mode,
    };
    let options = check.sent_with(write_options(write.dry_run, &write.field_manager, verb));
    (
        check,
        options,
        format!("{verb}d{}", dry_run_suffix(write.dry_run)),
    )
}

/// The profile objects are checked against before they are sent.
pub fn profile_for(flag: Option<Profile>, client: &ApiClient) -> Profile {
    effective_profile(flag, Some(&client.target))
}

/// Write options with the field manager kubectl's verb would record, unless one was given.
pub fn write_options(
    dry_run: Option<DryRun>,
    manager: &Option<String>,
    verb: &str,
) -> WriteOptions {
    WriteOptions {
        server_dry_run: dry_run == Some(DryRun::Server),
        field_manager: Some(
            manager
                .clone()
                .unwrap_or_else(|| format!("datumctl-{verb}")),
        ),
        force: false,
        field_validation: Some(FieldValidation::Strict),
    }
}

/// Every document must be a BackendTrafficPolicy.
pub fn check_kinds(docs: &[crate::manifest::Document]) -> Result<(), CliError> {
    docs.iter().try_for_each(crate::cmd::objects::check_kind)
}

pub async fn run(args: &CreateArgs, ctx: &Context) -> CmdResult {
    if args.files.filenames.is_empty() {
        return Err(CliError::usage("must specify one of -f and -k"));
    }
    let mut out = ResultPrinter::new(write_format(ctx)?);
    let docs = read_documents(&args.files)?;
    check_kinds(&docs)?;
    let client = crate::cmd::connect::connect(&ctx.global, &ctx.printer).await?;
    let (check, options, verb) = manifest_write(&args.write, &args.validate, &client, "create");
    let explicit = ctx.global.namespace.is_some();
    let p = &ctx.printer;
    let mut failed = false;
    for doc in &docs {
        let ns = object_namespace(doc, &client.target.namespace, explicit)?;
        let mut object = doc.value.clone();
        if let Some(meta) = object.get_mut("metadata").and_then(Value::as_object_mut) {
            meta.insert("namespace".into(), Value::String(ns.clone()));
        }
        let result = match check.refusal(&object) {
            Some(status) => Err(ClientError::Status(Box::new(status))),
            None if args.write.dry_run == Some(DryRun::Client) => Ok(object),
            None => client.create_policy(&ns, &object, &options).await,
        };
        match result {
            Ok(created) => p.out(&out.line(&created, &verb)),
            Err(e @ ClientError::Status(_)) => {
                p.err(&format!(
                    "{}\n",
                    error_text(&e, Action::Creating, &doc.source, Failures::Alone)
                ));
                failed = true;
            }
            Err(e) => return Err(e.into_cli(&client.target)),
        }
    }
    Ok(Outcome::failed_if(failed))
}
