//! What a command that takes objects was pointed at, read as kubectl reads it: `TYPE [NAME…]`,
//! `TYPE/NAME…` (what `get -o name` prints, so it can be piped back), or the objects a manifest
//! names (`-f`). Shared by get, describe and delete so the rules and their wording live once.

use crate::cli::FileArgs;
use crate::error::CliError;
use crate::manifest::Document;
use crate::resource;

/// One object named on the command line or in a manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectRef {
    pub name: String,
    /// The namespace the manifest gave it, if any (names from arguments have none).
    pub namespace: Option<String>,
    /// The manifest it came from, for kubectl's `error when deleting "FILE"` prefix.
    pub source: Option<String>,
}

impl ObjectRef {
    fn named(name: &str) -> Self {
        ObjectRef {
            name: name.to_string(),
            namespace: None,
            source: None,
        }
    }
}

/// An object with the namespace its request goes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacedObject {
    pub namespace: String,
    pub name: String,
    pub source: Option<String>,
}

/// The namespace of an object whose manifest says `object_ns`, with `target_ns` the namespace
/// of this invocation (`explicit` when `-n` was typed).
pub fn namespace_for(
    object_ns: Option<&str>,
    target_ns: &str,
    explicit: bool,
) -> Result<String, CliError> {
    match object_ns.filter(|n| !n.is_empty()) {
        Some(ns) if explicit && ns != target_ns => Err(CliError::usage(format!(
            "the namespace from the provided object {ns:?} does not match the namespace {target_ns:?}. You must pass '--namespace={ns}' to perform this operation."
        ))),
        Some(ns) => Ok(ns.to_string()),
        None => Ok(target_ns.to_string()),
    }
}

/// The objects a command works on.
#[derive(Debug, PartialEq, Eq)]
pub enum Selection {
    /// Only the type was given: the whole collection (or what a selector picks from it).
    Collection,
    /// Objects named by argument or by manifest, in the order given.
    Objects(Vec<ObjectRef>),
}

/// The positional words of a command: its optional type argument followed by the names.
pub fn words(resource: Option<&String>, names: &[String]) -> Vec<String> {
    resource.into_iter().chain(names).cloned().collect()
}

impl Selection {
    /// The named objects, each with the namespace its request goes to (`None` for the whole
    /// collection). A manifest's own namespace wins over the default, but contradicting an
    /// explicit `-n` is refused, as kubectl refuses it.
    pub fn placed(
        self,
        target_ns: &str,
        explicit: bool,
    ) -> Result<Option<Vec<PlacedObject>>, CliError> {
        let Selection::Objects(refs) = self else {
            return Ok(None);
        };
        refs.into_iter()
            .map(|r| {
                Ok(PlacedObject {
                    namespace: namespace_for(r.namespace.as_deref(), target_ns, explicit)?,
                    name: r.name,
                    source: r.source,
                })
            })
            .collect::<Result<_, _>>()
            .map(Some)
    }
}

/// Reads the positional arguments (the type and names, or `TYPE/NAME`s) and `-f` of `verb`.
pub fn select(verb: &str, args: &[String], files: &FileArgs) -> Result<Selection, CliError> {
    if !files.filenames.is_empty() {
        if args.iter().any(|a| a.contains('/')) {
            return Err(CliError::usage(
                "resource/name arguments cannot be provided when a path is specified",
            ));
        }
        if !args.is_empty() {
            return Err(CliError::usage(
                "when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well",
            ));
        }
        return from_manifests(verb, files).map(Selection::Objects);
    }
    let Some((first, names)) = args.split_first() else {
        return Err(type_required(
            verb,
            &format!("{} NAME, or -f FILE", resource::SHORT_NAME),
        ));
    };
    let slashed = args.iter().filter(|a| a.contains('/')).count();
    if slashed == 0 {
        check_types(first)?;
        return Ok(if names.is_empty() {
            Selection::Collection
        } else {
            Selection::Objects(names.iter().map(|n| ObjectRef::named(n)).collect())
        });
    }
    if slashed != args.len() {
        // kubectl's own text, unbalanced parenthesis included: scripts match it as it is.
        return Err(CliError::usage(format!(
            "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'datumctl {verb} resource/<resource_name>' instead of 'datumctl {verb} resource resource/<resource_name>'"
        )));
    }
    args.iter()
        .map(|arg| type_and_name(arg).map(ObjectRef::named))
        .collect::<Result<_, _>>()
        .map(Selection::Objects)
}

/// `btp/NAME` (any spelling of the type) → `NAME`.
fn type_and_name(arg: &str) -> Result<&str, CliError> {
    let mut parts = arg.split('/');
    let (Some(kind), Some(name), None) = (parts.next(), parts.next(), parts.next()) else {
        return Err(CliError::usage(
            "arguments in resource/name form may not have more than one slash",
        ));
    };
    if kind.is_empty() || name.is_empty() {
        return Err(CliError::usage(
            "arguments in resource/name form must have a single resource and name",
        ));
    }
    check_types(kind)?;
    Ok(name)
}

/// The type argument, which kubectl lets list several types separated by commas.
pub fn check_types(types: &str) -> Result<(), CliError> {
    types.split(',').try_for_each(check_resource)
}

/// The usage error for a command given no resource type; `example` follows `datumctl VERB`.
pub fn type_required(verb: &str, example: &str) -> CliError {
    CliError::usage(format!(
        "You must specify the type of resource to {verb}: {} (also {}, {})",
        resource::PLURAL,
        resource::SINGULAR,
        resource::SHORT_NAME
    ))
    .hint(format!("e.g. datumctl {verb} {example}"))
}

/// The check every command that names the resource makes first.
pub fn check_resource(name: &str) -> Result<(), CliError> {
    if resource::is_resource_name(name) {
        return Ok(());
    }
    Err(CliError::failure(anyhow::anyhow!(unknown_type(name)))
        .hint("datumctl manages backendtrafficpolicies (also: backendtrafficpolicy, btp)"))
}

/// kubectl's words for a type the server does not serve; it reads `a.b.c` as resource `a` in
/// group `b.c` and names both.
pub fn unknown_type(name: &str) -> String {
    use crate::print::quote::go_quote;
    match name.split_once('.') {
        Some((kind, group)) => format!(
            "the server doesn't have a resource type {} in group {}",
            go_quote(kind),
            go_quote(group)
        ),
        None => format!("the server doesn't have a resource type {}", go_quote(name)),
    }
}

/// The objects the manifests name; every one must be a policy with a name.
fn from_manifests(verb: &str, files: &FileArgs) -> Result<Vec<ObjectRef>, CliError> {
    let docs = crate::manifest::read_inputs(&files.filenames, files.recursive)?;
    if docs.is_empty() {
        return Err(CliError::usage(format!("no objects passed to {verb}")));
    }
    docs.iter().map(manifest_object).collect()
}

/// A manifest's object must be a BackendTrafficPolicy: the one kind datumctl works with.
pub fn check_kind(doc: &Document) -> Result<(), CliError> {
    if doc.kind() != Some(resource::KIND) || doc.value["apiVersion"] != resource::API_VERSION {
        return Err(CliError::failure(anyhow::anyhow!(
            "no matches for kind {:?} in version {:?} in {}: datumctl works with {} only",
            doc.kind().unwrap_or(""),
            doc.value["apiVersion"].as_str().unwrap_or(""),
            doc.source,
            resource::KIND
        )));
    }
    Ok(())
}

fn manifest_object(doc: &Document) -> Result<ObjectRef, CliError> {
    check_kind(doc)?;
    let name = doc.name().ok_or_else(|| {
        CliError::usage(format!("{}: an object has no metadata.name", doc.source))
    })?;
    Ok(ObjectRef {
        name: name.to_string(),
        namespace: doc.value["metadata"]["namespace"]
            .as_str()
            .map(String::from),
        source: Some(doc.source.clone()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    fn names(selection: Selection) -> Vec<String> {
        match selection {
            Selection::Objects(refs) => refs.into_iter().map(|r| r.name).collect(),
            Selection::Collection => vec!["<collection>".into()],
        }
    }

    fn message(result: Result<Selection, CliError>) -> String {
        result.expect_err("refused").error.to_string()
    }

    #[test]
    fn reads_type_then_names() {
        let files = FileArgs::default();
        assert_eq!(
            select("get", &args(&["btp"]), &files).ok(),
            Some(Selection::Collection)
        );
        let picked = select("get", &args(&["btp", "a", "b"]), &files).expect("names");
        assert_eq!(names(picked), ["a", "b"]);
    }

    #[test]
    fn reads_every_spelling_of_type_slash_name() {
        let files = FileArgs::default();
        let picked = select(
            "describe",
            &args(&[
                "backendtrafficpolicy.gateway.envoyproxy.io/a",
                "btp/b",
                "BackendTrafficPolicies/c",
            ]),
            &files,
        )
        .expect("names");
        assert_eq!(names(picked), ["a", "b", "c"]);
    }

    #[test]
    fn refuses_what_kubectl_refuses() {
        let files = FileArgs::default();
        assert!(
            message(select("get", &args(&["btp", "btp/a"]), &files))
                .starts_with("there is no need to specify a resource type as a separate argument")
        );
        assert_eq!(
            message(select("get", &args(&["btp/a/b"]), &files)),
            "arguments in resource/name form may not have more than one slash"
        );
        assert_eq!(
            message(select("get", &args(&["btp/"]), &files)),
            "arguments in resource/name form must have a single resource and name"
        );
        assert_eq!(
            message(select("get", &args(&["pods/a"]), &files)),
            "the server doesn't have a resource type \"pods\""
        );
        assert_eq!(
            message(select(
                "get",
                &args(&["btps.v1.gateway.envoyproxy.io"]),
                &files
            )),
            "the server doesn't have a resource type \"btps\" in group \"v1.gateway.envoyproxy.io\""
        );
        assert!(message(select("get", &[], &files)).starts_with("You must specify the type"));
        let with_file = FileArgs {
            filenames: vec!["x.yaml".into()],
            recursive: false,
        };
        assert_eq!(
            message(select("get", &args(&["btp/a"]), &with_file)),
            "resource/name arguments cannot be provided when a path is specified"
        );
    }

    #[test]
    fn a_manifest_namespace_must_agree_with_an_explicit_one() {
        assert_eq!(
            namespace_for(None, "default", false).ok(),
            Some("default".into())
        );
        assert_eq!(
            namespace_for(Some("team"), "default", false).ok(),
            Some("team".into())
        );
        assert!(namespace_for(Some("team"), "default", true).is_err());
        assert_eq!(
            namespace_for(Some("team"), "team", true).ok(),
            Some("team".into())
        );
    }
}
