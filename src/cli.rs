//! The command line, as clap types only. Completions and man pages are generated from these.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Help heading of the flags that choose and reach a server (every command's, not its own).
pub const CONNECTION_HEADING: &str = "Connection Options";
/// Help heading of the other flags every command takes (output, colour, logging, errors).
pub const GLOBAL_HEADING: &str = "Global Options";

/// Global flags that choose or reach a server. Offline commands declare them unused
/// (`#[command(unused_globals(CONNECTION))]`): hidden from their help and refused when typed.
pub const CONNECTION: &[&str] = &[
    "server",
    "project",
    "token",
    "kubeconfig",
    "context",
    "certificate_authority",
    "insecure_skip_tls_verify",
    "tls_server_name",
    "as_user",
    "as_group",
    "as_uid",
    "request_timeout",
];

/// `examples!("what it does" => "datumctl …", …)`: a kubectl-style `Examples:` section, for
/// `#[command(after_help = examples!(…))]` on every command. It is shown by `-h` and `--help`,
/// becomes the EXAMPLES section of the man page, and tests/it/help_and_flags.rs parses (and, against
/// a `datumctl serve`, runs) every line, so each must be a valid command.
macro_rules! examples {
    ($($what:literal => $line:literal),+ $(,)?) => {
        concat!("Examples:", $("\n  # ", $what, "\n  ", $line, "\n"),+)
    };
}

/// Marks global flags a command has no use for: they are hidden from its help, man page and
/// completions, and `refuse_unused_globals` refuses them when typed (never when they come
/// from the environment).
pub trait UnusedGlobals: Sized {
    fn unused_globals(self, ids: &[&str]) -> Self;
    /// `ids` except those in `used`.
    fn unused_globals_but(self, ids: &[&str], used: &[&str]) -> Self {
        let unused: Vec<&str> = ids.iter().copied().filter(|i| !used.contains(i)).collect();
        self.unused_globals(&unused)
    }
}

impl UnusedGlobals for clap::Command {
    fn unused_globals(self, ids: &[&str]) -> Self {
        // A subcommand that already has an argument with a global's id does not receive the
        // global (clap's propagation skips it), so a hidden copy takes its place.
        // Built once: `Cli::command()` runs this for every offline command on every invocation.
        static GLOBALS: std::sync::OnceLock<Vec<clap::Arg>> = std::sync::OnceLock::new();
        let globals = GLOBALS.get_or_init(|| {
            <GlobalArgs as Args>::augment_args(clap::Command::new("globals"))
                .get_arguments()
                .cloned()
                .collect()
        });
        globals
            .iter()
            .filter(|a| ids.contains(&a.get_id().as_str()))
            // Without its heading, so that the headings keep their order in help.
            .fold(self, |cmd, arg| {
                cmd.arg(arg.clone().hide(true).help_heading(None::<&str>))
            })
    }
}

#[derive(Debug, Parser)]
#[command(
    name = "datumctl",
    version,
    about = "Manage Datum Cloud BackendTrafficPolicies: apply, get, describe, explain, validate, and a local control plane",
    propagate_version = true,
    max_term_width = 100,
    after_help = examples!(
        "Check manifests offline, no server needed" =>
            "datumctl validate -f examples/",
        "Start a local control plane (in another terminal)" =>
            "datumctl serve --data-dir ./datumctl-data",
        "Apply a policy to it and look at the result" =>
            "datumctl apply -f examples/backend-traffic-example.yaml --server http://127.0.0.1:7780 --project my-project",
        "Document a field" =>
            "datumctl explain btp.spec.retry",
    )
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)
    #[arg(long, global = true, env = "DATUMCTL_SERVER", value_name = "URL", help_heading = CONNECTION_HEADING)]
    pub server: Option<String>,
    /// Datum project whose control plane to talk to
    #[arg(long, global = true, env = "DATUM_PROJECT", value_name = "ID", help_heading = CONNECTION_HEADING)]
    pub project: Option<String>,
    /// Bearer token for the API server
    #[arg(
        long,
        global = true,
        env = "DATUMCTL_TOKEN",
        hide_env_values = true,
        value_name = "TOKEN",
        help_heading = CONNECTION_HEADING
    )]
    pub token: Option<String>,
    /// Namespace inside the project
    #[arg(short = 'n', long, global = true, value_name = "NAMESPACE", help_heading = CONNECTION_HEADING)]
    pub namespace: Option<String>,
    /// Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)
    #[arg(short = 'o', long, global = true, value_name = "FORMAT", help_heading = GLOBAL_HEADING)]
    pub output: Option<String>,
    /// When to colour output
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN", help_heading = GLOBAL_HEADING)]
    pub color: ColorChoice,
    /// Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers
    /// and bodies (credentials redacted)
    #[arg(short = 'v', long = "verbose", visible_alias = "v", global = true, default_value_t = 0, value_name = "LEVEL",
          value_parser = clap::value_parser!(u8).range(0..=9), help_heading = GLOBAL_HEADING)]
    pub verbosity: u8,
    /// How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)
    #[arg(long, global = true, value_name = "DURATION", value_parser = crate::client::http::request_timeout_arg,
          help_heading = CONNECTION_HEADING)]
    pub request_timeout: Option<std::time::Duration>,
    /// Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project
    #[arg(long, global = true, env = "KUBECONFIG", value_name = "FILE", help_heading = CONNECTION_HEADING)]
    pub kubeconfig: Option<PathBuf>,
    /// Context to use from the config file (or from the kubeconfig with --kubeconfig)
    #[arg(long, global = true, value_name = "NAME", help_heading = CONNECTION_HEADING)]
    pub context: Option<String>,
    /// PEM file of the certificate authority that signed the server's certificate
    #[arg(long, global = true, value_name = "FILE", help_heading = CONNECTION_HEADING)]
    pub certificate_authority: Option<PathBuf>,
    /// Do not verify the server's TLS certificate (insecure)
    #[arg(long, global = true, help_heading = CONNECTION_HEADING)]
    pub insecure_skip_tls_verify: bool,
    /// Act as this user (Impersonate-User; the credential must be allowed to impersonate)
    #[arg(long = "as", global = true, value_name = "USER", help_heading = CONNECTION_HEADING)]
    pub as_user: Option<String>,
    /// With --as: act as a member of this group (repeatable)
    #[arg(long = "as-group", global = true, value_name = "GROUP", help_heading = CONNECTION_HEADING)]
    pub as_group: Vec<String>,
    /// With --as: the UID of the user to act as
    #[arg(long = "as-uid", global = true, value_name = "UID", help_heading = CONNECTION_HEADING)]
    pub as_uid: Option<String>,
    /// Name to send as SNI and to check in the server's certificate, instead of the URL's host
    #[arg(long, global = true, value_name = "NAME", help_heading = CONNECTION_HEADING)]
    pub tls_server_name: Option<String>,
    /// How to print errors
    #[arg(long, global = true, value_enum, default_value_t = ErrorFormat::Human, value_name = "FORMAT", help_heading = GLOBAL_HEADING)]
    pub error_format: ErrorFormat,
    /// The global arguments given on the command line itself (not from the environment).
    #[arg(skip)]
    pub from_command_line: Vec<GlobalFlag>,
}

impl GlobalArgs {
    /// Whether `flag` was typed on the command line (not taken from the environment).
    pub fn given(&self, flag: GlobalFlag) -> bool {
        self.from_command_line.contains(&flag)
    }
}

/// The global arguments whose origin matters (`config set-context` and `login` store only
/// what was typed, never what came from the environment).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GlobalFlag {
    Server,
    Project,
    Token,
    Namespace,
    CertificateAuthority,
    InsecureSkipTlsVerify,
}

impl GlobalFlag {
    pub const ALL: [GlobalFlag; 6] = [
        GlobalFlag::Server,
        GlobalFlag::Project,
        GlobalFlag::Token,
        GlobalFlag::Namespace,
        GlobalFlag::CertificateAuthority,
        GlobalFlag::InsecureSkipTlsVerify,
    ];

    /// The clap id of the field in `GlobalArgs`.
    pub fn id(self) -> &'static str {
        match self {
            GlobalFlag::Server => "server",
            GlobalFlag::Project => "project",
            GlobalFlag::Token => "token",
            GlobalFlag::Namespace => "namespace",
            GlobalFlag::CertificateAuthority => "certificate_authority",
            GlobalFlag::InsecureSkipTlsVerify => "insecure_skip_tls_verify",
        }
    }
}

use crate::print::{ColorChoice, ErrorFormat};
use crate::validate::FieldValidation;
pub use crate::validate::Profile;
use clap_complete::Shell;

/// Each subcommand's own arguments are built only when it runs (or for help, completions and
/// man pages), which saves every invocation building the arguments of all the others.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// Create or update policies from files, directories or stdin
    #[command(after_help = examples!(
        "Apply a policy from a file to a project" =>
            "datumctl apply -f examples/backend-traffic-example.yaml --project my-project",
        "Apply every manifest in a directory and its subdirectories" =>
            "datumctl apply -f examples/ -R",
        "Let the server check a change without storing it, and print the result" =>
            "datumctl apply -f examples/global-rate-limit.yaml --dry-run=server -o yaml",
        "Apply from stdin with server-side apply" =>
            "cat examples/consistent-hashing.yaml | datumctl apply --server-side -f -",
    ))]
    Apply(ApplyArgs),
    /// List policies or fetch them by name
    #[command(after_help = examples!(
        "List the policies of the current project" =>
            "datumctl get btp",
        "List them with their targets and status" =>
            "datumctl get backendtrafficpolicies -o wide",
        "Print one policy as YAML" =>
            "datumctl get btp/backend-traffic-example -o yaml",
        "Print one field of a policy" =>
            "datumctl get btp backend-traffic-example -o jsonpath='{.spec.retry.numRetries}'",
        "Names of the policies with a label, for scripts" =>
            "datumctl get btp -l app=web -o name",
        "Watch policies change" =>
            "datumctl get btp --watch",
    ))]
    Get(GetArgs),
    /// Show a policy in detail, with its ancestors' status conditions
    #[command(unused_globals(&["output"]), after_help = examples!(
        "Describe a policy, with its ancestors' status conditions" =>
            "datumctl describe btp backend-traffic-example",
        "Describe the policies a manifest names" =>
            "datumctl describe -f examples/backend-traffic-example.yaml",
        "Describe every policy get lists" =>
            "datumctl get btp -o name | xargs datumctl describe",
    ))]
    Describe(DescribeArgs),
    /// Document the fields of the resource
    #[command(unused_globals(&["namespace"]), after_help = examples!(
        "Document the resource and its top-level fields" =>
            "datumctl explain backendtrafficpolicies",
        "Document one field, with its defaults and constraints" =>
            "datumctl explain btp.spec.retry",
        "Show the field tree below a path, two levels deep" =>
            "datumctl explain btp.spec --recursive --max-depth 2",
        "Use the embedded schema, and mark what Datum Cloud restricts" =>
            "datumctl explain btp.spec.rateLimit --offline --profile datum",
    ))]
    Explain(ExplainArgs),
    /// Delete policies by name, file or label selector
    #[command(after_help = examples!(
        "Delete a policy by name" =>
            "datumctl delete btp backend-traffic-example",
        "Delete the policies a manifest names" =>
            "datumctl delete -f examples/global-rate-limit.yaml",
        "Delete the policies with a label" =>
            "datumctl delete btp -l team=payments",
        "Show which policies --all would delete, without deleting them" =>
            "datumctl delete btp --all --dry-run=client",
    ))]
    Delete(DeleteArgs),
    /// Show what apply would change
    #[command(unused_globals(&["output"]), after_help = examples!(
        "Show what applying a file would change (exit 1 when something would)" =>
            "datumctl diff -f examples/backend-traffic-example.yaml",
        "Compare a directory against a server-side apply that takes over conflicting fields" =>
            "datumctl diff -f examples/ --server-side --force-conflicts",
    ))]
    Diff(DiffArgs),
    /// Check manifests offline against the embedded schema and its CEL rules
    #[command(unused_globals(CONNECTION), unused_globals(&["namespace"]), after_help = examples!(
        "Check a manifest, with file:line:column errors" =>
            "datumctl validate -f examples/backend-traffic-example.yaml",
        "Check a directory tree and report as JSON, for CI" =>
            "datumctl validate -f examples/ -R -o json",
        "Check against Datum Cloud's admission rules" =>
            "datumctl validate -f examples/consistent-hashing.yaml --profile datum",
        "Check a manifest from stdin" =>
            "cat examples/consistent-hashing.yaml | datumctl validate -f -",
    ))]
    Validate(ValidateArgs),
    /// Run a local control plane that serves the project API
    #[command(unused_globals(CONNECTION), unused_globals(&["namespace", "output"]), after_help = examples!(
        "Serve on 127.0.0.1:7780, storing in the user's data directory" =>
            "datumctl serve",
        "Serve from a scratch directory, without the built-in status writer" =>
            "datumctl serve --addr 127.0.0.1:8080 --data-dir ./datumctl-data --no-status-writer",
        "Serve TLS on every interface, to holders of a token" =>
            "datumctl serve --addr 0.0.0.0:7780 --token-file tokens.txt --tls-cert server.crt --tls-key server.key",
    ))]
    Serve(ServeArgs),
    /// Print a shell completion script
    #[command(unused_globals(CONNECTION), unused_globals(&["namespace", "output"]), after_help = examples!(
        "Load completions into the current bash session" =>
            "source <(datumctl completion bash)",
        "Install them for zsh (in a directory of $fpath)" =>
            "datumctl completion zsh > \"${fpath[1]}/_datumctl\"",
        "Install them for fish" =>
            "datumctl completion fish > ~/.config/fish/completions/datumctl.fish",
    ))]
    Completion(CompletionArgs),
    /// Manage contexts in the datumctl config file
    #[command(subcommand, after_help = examples!(
        "Save a context for a local control plane and make it current" =>
            "datumctl config set-context local --server http://127.0.0.1:7780 --project my-project",
        "List contexts" =>
            "datumctl config get-contexts",
    ))]
    Config(ConfigCommand),
    /// Manage credentials for the current context
    #[command(subcommand, after_help = examples!(
        "Show who the current credential belongs to" =>
            "datumctl auth whoami",
        "Let kubectl use this login for a project" =>
            "datumctl auth update-kubeconfig --project my-project",
    ))]
    Auth(AuthCommand),
    /// Log in to Datum Cloud (browser, device code, or a service-account key)
    #[command(
        unused_globals(&["token", "namespace", "kubeconfig", "certificate_authority", "insecure_skip_tls_verify",
            "tls_server_name", "as_user", "as_group", "as_uid", "request_timeout", "output"]),
        after_help = examples!(
            "Log in through the browser" =>
                "datumctl login",
            "Log in on a machine without a browser, with a device code" =>
                "datumctl login --no-browser",
            "Log in non-interactively with a service-account key, and choose a project" =>
                "datumctl login --credentials key.json --project my-project",
        )
    )]
    Login(LoginArgs),
    /// Remove the stored credential of the current context
    #[command(
        unused_globals(&["namespace", "output"]),
        unused_globals_but(CONNECTION, &["context"]),
        after_help = examples!(
            "Log out of the current context" =>
                "datumctl logout",
            "Log out of another context" =>
                "datumctl logout --context prod",
        )
    )]
    Logout,
    /// Serve the policy tools to an AI agent over the Model Context Protocol (stdio)
    #[command(after_help = MCP_EXAMPLES)]
    Mcp(McpArgs),
    /// Wait until policies meet a condition (every ancestor Accepted, a JSONPath value, deletion)
    #[command(after_help = WAIT_EXAMPLES)]
    Wait(WaitArgs),
    /// Edit a policy in $KUBE_EDITOR or $EDITOR and send the changes
    #[command(after_help = EDIT_EXAMPLES)]
    Edit(EditArgs),
    /// Create policies from files or stdin (refused when they exist)
    #[command(after_help = CREATE_EXAMPLES)]
    Create(CreateArgs),
    /// Replace policies with the content of files or stdin
    #[command(after_help = REPLACE_EXAMPLES)]
    Replace(ReplaceArgs),
    /// Change fields of a policy with a JSON merge patch or a JSON patch
    #[command(after_help = PATCH_EXAMPLES)]
    Patch(PatchArgs),
    /// Add, change or remove labels of policies
    #[command(after_help = LABEL_EXAMPLES)]
    Label(MetadataArgs),
    /// Add, change or remove annotations of policies
    #[command(after_help = ANNOTATE_EXAMPLES)]
    Annotate(MetadataArgs),
    /// Print the API resources the server supports
    #[command(after_help = API_RESOURCES_EXAMPLES)]
    ApiResources(ApiResourcesArgs),
    /// Print the API versions the server supports, as group/version
    #[command(after_help = API_VERSIONS_EXAMPLES)]
    ApiVersions,
    /// Print the client and server versions
    #[command(after_help = VERSION_EXAMPLES)]
    Version(VersionArgs),
}

#[derive(Debug, Clone, Default, Args)]
pub struct FileArgs {
    /// File, directory or - for stdin (repeatable)
    #[arg(short = 'f', long = "filename", value_name = "FILE")]
    pub filenames: Vec<String>,
    /// Recurse into directories given with -f
    #[arg(short = 'R', long)]
    pub recursive: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DryRun {
    None,
    Client,
    Server,
}

#[derive(Debug, Args)]
pub struct ApplyArgs {
    #[command(flatten)]
    pub files: FileArgs,
    /// Use server-side apply
    #[arg(long)]
    pub server_side: bool,
    /// Field manager name recorded by the server
    #[arg(long, value_name = "NAME")]
    pub field_manager: Option<String>,
    /// With --server-side: take ownership of fields other managers own
    #[arg(long)]
    pub force_conflicts: bool,
    /// Only show what would be sent (client) or let the server check without persisting (server)
    #[arg(long, value_enum, value_name = "MODE", num_args = 0..=1, default_missing_value = "client")]
    pub dry_run: Option<DryRun>,
    #[command(flatten)]
    pub validate: ValidateArg,
    /// Rules to validate against (default: datum for Datum Cloud servers, upstream otherwise)
    #[arg(long, value_enum)]
    pub profile: Option<Profile>,
    /// How many objects to send at once
    #[arg(long, default_value_t = 16, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub concurrency: u16,
    /// With -o yaml|json: keep metadata.managedFields in the printed objects
    #[arg(long)]
    pub show_managed_fields: bool,
}

#[derive(Debug, Args)]
pub struct GetArgs {
    /// Resource type (backendtrafficpolicies, backendtrafficpolicy, btp), or TYPE/NAME
    pub resource: Option<String>,
    /// Names (or TYPE/NAMEs) to fetch (all when none)
    pub names: Vec<String>,
    #[command(flatten)]
    pub files: FileArgs,
    /// Label selector (e.g. app=web,tier!=db)
    #[arg(short = 'l', long, value_name = "SELECTOR")]
    pub selector: Option<String>,
    /// Field selector (metadata.name, metadata.namespace)
    #[arg(long, value_name = "SELECTOR")]
    pub field_selector: Option<String>,
    /// List across all namespaces
    #[arg(short = 'A', long)]
    pub all_namespaces: bool,
    /// After listing, watch for changes
    #[arg(short = 'w', long)]
    pub watch: bool,
    /// Watch for changes without listing first
    #[arg(long)]
    pub watch_only: bool,
    /// With --watch: print the event type with each object
    #[arg(long)]
    pub output_watch_events: bool,
    /// Fetch large lists in pages of this size (0 disables paging)
    #[arg(long, default_value_t = 500, value_name = "N")]
    pub chunk_size: u32,
    /// Omit the header row of tables
    #[arg(long)]
    pub no_headers: bool,
    /// Add a LABELS column
    #[arg(long)]
    pub show_labels: bool,
    /// Add a column for each of these label keys
    #[arg(
        short = 'L',
        long = "label-columns",
        value_name = "KEY",
        value_delimiter = ','
    )]
    pub label_columns: Vec<String>,
    /// Exit 0 when a named object does not exist
    #[arg(long)]
    pub ignore_not_found: bool,
    /// The template (or template file) for -o go-template, jsonpath and their -file forms;
    /// alone, it means -o go-template
    #[arg(long, value_name = "TEMPLATE")]
    pub template: Option<String>,
    #[command(flatten)]
    pub forms: GetFormArgs,
}

#[derive(Debug, Args)]
pub struct DescribeArgs {
    /// Resource type (backendtrafficpolicy, backendtrafficpolicies, btp), or TYPE/NAME
    pub resource: Option<String>,
    /// Names (or TYPE/NAMEs) to describe (all matching the selector when none)
    pub names: Vec<String>,
    #[command(flatten)]
    pub files: FileArgs,
    /// Label selector
    #[arg(short = 'l', long, value_name = "SELECTOR")]
    pub selector: Option<String>,
    /// Describe across all namespaces
    #[arg(short = 'A', long)]
    pub all_namespaces: bool,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// RESOURCE[.field.path], e.g. backendtrafficpolicies.spec.retry
    pub path: Option<String>,
    /// Print every field below the path, names and types only
    #[arg(long)]
    pub recursive: bool,
    /// With --recursive: stop after this many levels
    #[arg(long, value_name = "N")]
    pub max_depth: Option<usize>,
    /// Use the embedded schema even when a server is configured
    #[arg(long)]
    pub offline: bool,
    /// Mark fields that Datum Cloud restricts
    #[arg(long, value_enum)]
    pub profile: Option<Profile>,
    /// The group/version to explain (the server's preferred one when not given)
    #[arg(long, value_name = "GROUP/VERSION")]
    pub api_version: Option<String>,
}

#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// Resource type (optional with -f), or TYPE/NAME
    pub resource: Option<String>,
    /// Names (or TYPE/NAMEs) to delete
    pub names: Vec<String>,
    #[command(flatten)]
    pub files: FileArgs,
    /// Delete every object matching this label selector
    #[arg(short = 'l', long, value_name = "SELECTOR")]
    pub selector: Option<String>,
    /// Delete every policy in the namespace
    #[arg(long)]
    pub all: bool,
    /// Only show what would be deleted
    #[arg(long, value_enum, value_name = "MODE", num_args = 0..=1, default_missing_value = "client")]
    pub dry_run: Option<DryRun>,
    /// Exit 0 when an object does not exist
    #[arg(long)]
    pub ignore_not_found: bool,
    #[command(flatten)]
    pub removal: DeleteWaitArgs,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    #[command(flatten)]
    pub files: FileArgs,
    /// Compare against a server-side apply instead of a client-side one
    #[arg(long)]
    pub server_side: bool,
    /// Field manager name for the dry-run apply
    #[arg(long, value_name = "NAME")]
    pub field_manager: Option<String>,
    /// With --server-side: take ownership of conflicting fields in the dry run
    #[arg(long)]
    pub force_conflicts: bool,
    /// Rules to validate against (default: datum for Datum Cloud servers, upstream otherwise)
    #[arg(long, value_enum)]
    pub profile: Option<Profile>,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    #[command(flatten)]
    pub files: FileArgs,
    /// Rules to validate against
    #[arg(long, value_enum, default_value_t = Profile::Upstream)]
    pub profile: Profile,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on
    #[arg(long, default_value = "127.0.0.1:7780", value_name = "HOST:PORT")]
    pub addr: String,
    /// Directory for the SQLite store (default: the user's data directory)
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// File of accepted bearer tokens, one per line: TOKEN[,PROJECT...]
    #[arg(long, value_name = "FILE")]
    pub token_file: Option<PathBuf>,
    /// PEM certificate chain to serve TLS with
    #[arg(long, value_name = "PEM", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,
    /// PEM private key to serve TLS with
    #[arg(long, value_name = "PEM", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,
    /// PEM CA certificates: a client certificate they signed authenticates as its CN (groups:
    /// its O), for every project; clients without one still need a --token-file token
    #[arg(long, value_name = "PEM", requires = "tls_cert")]
    pub client_ca_file: Option<PathBuf>,
    /// Do not write status.ancestors as a gateway controller would
    #[arg(long)]
    pub no_status_writer: bool,
    /// Admission rules to enforce
    #[arg(long, value_enum, default_value_t = Profile::Upstream)]
    pub profile: Profile,
}

#[derive(Debug, Args)]
pub struct CompletionArgs {
    /// Shell to complete for
    #[arg(value_enum)]
    pub shell: Shell,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Create or update a context
    #[command(
        unused_globals(&["kubeconfig", "context", "tls_server_name", "as_user", "as_group", "as_uid",
            "request_timeout", "output"]),
        after_help = examples!(
            "Save a context for a local control plane (the first one saved becomes current)" =>
                "datumctl config set-context local --server http://127.0.0.1:7780 --project my-project",
            "Save a context for Datum Cloud with a token kept in a file" =>
                "datumctl config set-context prod --server https://api.datum.net --project my-project --token-file ~/.datum/token",
        )
    )]
    SetContext(SetContextArgs),
    /// Make a context the current one
    #[command(unused_globals(CONNECTION), unused_globals(&["namespace", "output"]), after_help = examples!(
        "Switch to the context named local" =>
            "datumctl config use-context local",
    ))]
    UseContext {
        /// Context name
        name: String,
    },
    /// List contexts
    #[command(unused_globals(CONNECTION), unused_globals(&["namespace", "output"]), after_help = examples!(
        "List contexts; the current one is marked with *" =>
            "datumctl config get-contexts",
    ))]
    GetContexts,
    /// Print the current context's name
    #[command(unused_globals(CONNECTION), unused_globals(&["namespace", "output"]), after_help = examples!(
        "Print the current context's name" =>
            "datumctl config current-context",
    ))]
    CurrentContext,
    /// Print the config file (tokens redacted), as YAML or with -o json
    #[command(unused_globals(CONNECTION), unused_globals(&["namespace"]), after_help = examples!(
        "Print the config file, tokens redacted" =>
            "datumctl config view",
        "Print it as JSON" =>
            "datumctl config view -o json",
    ))]
    View,
    /// Remove a context
    #[command(unused_globals(CONNECTION), unused_globals(&["namespace", "output"]), after_help = examples!(
        "Remove the context named prod" =>
            "datumctl config delete-context prod",
    ))]
    DeleteContext {
        /// Context name
        name: String,
    },
}

/// `config set-context NAME --server … --project … --namespace … --token … --certificate-authority …
/// --insecure-skip-tls-verify`: those flags are the global ones, taken only when given on the
/// command line (see `GlobalArgs::from_command_line`), never from the environment.
#[derive(Debug, Args)]
pub struct SetContextArgs {
    /// Context name
    pub name: String,
    /// File holding the bearer token
    #[arg(long, value_name = "FILE")]
    pub token_file: Option<PathBuf>,
    /// Admission profile of the server
    #[arg(long, value_enum)]
    pub profile: Option<Profile>,
}

#[derive(Debug, Subcommand)]
pub enum AuthCommand {
    /// Store a bearer token for the current context
    #[command(
        unused_globals_but(CONNECTION, &["context"]),
        unused_globals(&["namespace", "output"]),
        after_help = examples!(
            "Store the token in token.txt for the current context" =>
                "datumctl auth login --token-stdin < token.txt",
        )
    )]
    Login {
        /// Read the token from standard input
        #[arg(long)]
        token_stdin: bool,
    },
    /// Show who the current credential belongs to
    #[command(unused_globals(&["namespace", "output"]), after_help = examples!(
        "Show the server, project, context and credential in use" =>
            "datumctl auth whoami",
        "The same for another context" =>
            "datumctl auth whoami --context local",
    ))]
    Whoami,
    /// Print the current access token (for piping into other tools); with
    /// `-o client.authentication.k8s.io/v1` (or v1beta1, or json), as a kubectl ExecCredential
    #[command(unused_globals(&["namespace"]), after_help = examples!(
        "Print the token, renewed first when it is about to expire" =>
            "datumctl auth get-token",
        "Print it as a kubectl ExecCredential" =>
            "datumctl auth get-token -o client.authentication.k8s.io/v1",
    ))]
    GetToken,
    /// Write a kubeconfig entry that lets kubectl use this login for a project
    ///
    /// Writes (merging into an existing file, mode 0600) a cluster for the project's
    /// control-plane URL, a user whose credential is an exec plugin running this datumctl
    /// (by the absolute path of the running binary) as `auth get-token --output
    /// client.authentication.k8s.io/v1`, and a context `datumctl-PROJECT` made current. The
    /// file is --kubeconfig, else the first file of KUBECONFIG, else ~/.kube/config. The login
    /// used is the one of --context (else the current datumctl context). Run it again after
    /// moving the datumctl binary.
    #[command(
        unused_globals(&["server", "token", "namespace", "tls_server_name", "as_user", "as_group",
            "as_uid", "request_timeout", "output"]),
        after_help = examples!(
            "Let kubectl use the current login for a project" =>
                "datumctl auth update-kubeconfig --project my-project",
            "Write the entry to another kubeconfig file" =>
                "datumctl auth update-kubeconfig --project my-project --kubeconfig ./kubeconfig",
        )
    )]
    UpdateKubeconfig,
    /// Check whether an action is allowed (VERB TYPE[/NAME] or VERB /URL)
    #[command(after_help = CAN_I_EXAMPLES)]
    CanI(CanIArgs),
}

#[derive(Debug, Args)]
pub struct LoginArgs {
    /// OpenID Connect issuer host
    #[arg(long, default_value = "auth.datum.net", value_name = "HOST")]
    pub hostname: String,
    /// OAuth client id (also DATUMCTL_CLIENT_ID or the context)
    #[arg(long, env = "DATUMCTL_CLIENT_ID", value_name = "ID")]
    pub client_id: Option<String>,
    /// Use the device code flow instead of opening a browser
    #[arg(long)]
    pub no_browser: bool,
    /// Service-account key file (JSON) for non-interactive login
    #[arg(long, value_name = "FILE")]
    pub credentials: Option<PathBuf>,
    /// With --credentials: reference the key where it is instead of copying it
    #[arg(long)]
    pub keep_key_in_place: bool,
}

const MCP_EXAMPLES: &str = "Examples:
  # Let an MCP host (an agent, an editor) start datumctl with the current context
  datumctl mcp

  # Pin the server and project the tools talk to
  datumctl mcp --server https://api.datum.net --project my-project

  # Try the tools against a local control plane (datumctl serve on its default address)
  datumctl mcp --server http://127.0.0.1:7780 --project demo";

// `datumctl mcp` takes only the global flags: they choose the target as for every command,
// resolved again at each tool call.
#[derive(Debug, Args)]
pub struct McpArgs {}
// --- kubectl's everyday verbs: wait, edit, create, replace, patch, label, annotate ---

const WAIT_EXAMPLES: &str = "Examples:
  # Wait until every ancestor of a policy has accepted its current generation
  datumctl wait btp/backend-traffic-example --for=condition=Accepted

  # Apply, then block the CI job until the policy is accepted or refused
  datumctl apply -f policy.yaml
  datumctl wait -f policy.yaml --for=condition=Accepted --timeout=2m

  # Wait for a field to reach a value
  datumctl wait btp/backend-traffic-example --for=jsonpath='{.spec.retry.numRetries}'=3

  # Wait for every policy with a label to be deleted
  datumctl wait btp -l app=web --for=delete --timeout=60s";

const EDIT_EXAMPLES: &str = "Examples:
  # Edit a policy in the default editor
  datumctl edit btp backend-traffic-example

  # Edit it as JSON, with another editor
  KUBE_EDITOR=nano datumctl edit btp/backend-traffic-example -o json";

const CREATE_EXAMPLES: &str = "Examples:
  # Create the policies a manifest holds
  datumctl create -f policy.yaml

  # Let the server check them without creating anything
  datumctl create -f policy.yaml --dry-run=server";

const REPLACE_EXAMPLES: &str = "Examples:
  # Replace a policy with the content of a manifest
  datumctl replace -f policy.yaml

  # Delete and re-create it
  datumctl replace --force -f policy.yaml";

const PATCH_EXAMPLES: &str = "Examples:
  # Change one field with a JSON merge patch
  datumctl patch btp backend-traffic-example --type merge -p '{\"spec\":{\"retry\":{\"numRetries\":5}}}'

  # Remove a field with a JSON patch
  datumctl patch btp/backend-traffic-example --type json -p '[{\"op\":\"remove\",\"path\":\"/spec/retry\"}]'

  # Read the patch from a file
  datumctl patch btp backend-traffic-example --type merge --patch-file patch.json";

const LABEL_EXAMPLES: &str = "Examples:
  # Add a label
  datumctl label btp backend-traffic-example team=edge

  # Change it, then remove it
  datumctl label btp backend-traffic-example team=core --overwrite
  datumctl label btp backend-traffic-example team-

  # Label every policy in the namespace
  datumctl label btp --all tier=gold";

const ANNOTATE_EXAMPLES: &str = "Examples:
  # Add an annotation
  datumctl annotate btp backend-traffic-example owner=platform

  # List the annotations of a policy
  datumctl annotate btp backend-traffic-example --list

  # Remove it, only if the policy is still at resource version 42
  datumctl annotate btp backend-traffic-example owner- --resource-version=42";

#[derive(Debug, Args)]
pub struct WaitArgs {
    /// Resource type, or TYPE/NAME
    pub resource: Option<String>,
    /// Names (or TYPE/NAMEs) to wait for
    pub names: Vec<String>,
    #[command(flatten)]
    pub files: FileArgs,
    /// The condition: delete, create, condition=NAME[=VALUE], jsonpath='{…}'[=VALUE]
    #[arg(long = "for", value_name = "CONDITION")]
    pub for_condition: Option<String>,
    /// How long to wait (0 checks once; negative waits a week)
    #[arg(
        long,
        default_value = "30s",
        value_name = "DURATION",
        allow_hyphen_values = true
    )]
    pub timeout: String,
    /// Label selector
    #[arg(short = 'l', long, value_name = "SELECTOR")]
    pub selector: Option<String>,
    /// Field selector
    #[arg(long, value_name = "SELECTOR")]
    pub field_selector: Option<String>,
    /// Wait for every policy in the namespace
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// Resource type, or TYPE/NAME
    pub resource: Option<String>,
    /// Name (or TYPE/NAME) of the policy to edit
    pub names: Vec<String>,
    #[command(flatten)]
    pub files: FileArgs,
    /// Field manager name recorded by the server
    #[arg(long, value_name = "NAME")]
    pub field_manager: Option<String>,
    /// Rules to validate against (default: datum for Datum Cloud servers, upstream otherwise)
    #[arg(long, value_enum)]
    pub profile: Option<Profile>,
}

/// The flags create, replace and patch share.
#[derive(Debug, Clone, Args)]
pub struct WriteArgs {
    /// Only show the result (client) or let the server check it without persisting (server)
    #[arg(long, value_enum, value_name = "MODE", num_args = 0..=1, default_missing_value = "client")]
    pub dry_run: Option<DryRun>,
    /// Field manager name recorded by the server
    #[arg(long, value_name = "NAME")]
    pub field_manager: Option<String>,
    /// Rules to validate against (default: datum for Datum Cloud servers, upstream otherwise)
    #[arg(long, value_enum)]
    pub profile: Option<Profile>,
}

/// kubectl's `--validate`, for the verbs that send whole manifests (apply, create, replace).
#[derive(Debug, Clone, Args)]
pub struct ValidateArg {
    /// Validate manifests before sending them (true/strict, warn, false/ignore)
    #[arg(long = "validate", value_enum, value_name = "MODE", default_value = "true", num_args = 0..=1, default_missing_value = "true")]
    pub mode: FieldValidation,
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    #[command(flatten)]
    pub files: FileArgs,
    #[command(flatten)]
    pub write: WriteArgs,
    #[command(flatten)]
    pub validate: ValidateArg,
}

#[derive(Debug, Args)]
pub struct ReplaceArgs {
    #[command(flatten)]
    pub files: FileArgs,
    /// Delete the policies, wait until they are gone, then create them anew
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub write: WriteArgs,
    #[command(flatten)]
    pub validate: ValidateArg,
}

#[derive(Debug, Args)]
pub struct PatchArgs {
    /// Resource type, or TYPE/NAME
    pub resource: Option<String>,
    /// Names (or TYPE/NAMEs) to patch
    pub names: Vec<String>,
    #[command(flatten)]
    pub files: FileArgs,
    /// The patch, as JSON or YAML
    #[arg(short = 'p', long, value_name = "PATCH")]
    pub patch: Option<String>,
    /// A file holding the patch
    #[arg(long, value_name = "FILE")]
    pub patch_file: Option<String>,
    /// merge (RFC 7386) or json (RFC 6902); strategic is refused for this custom resource
    #[arg(long = "type", default_value = "strategic", value_name = "TYPE")]
    pub patch_type: String,
    #[command(flatten)]
    pub write: WriteArgs,
}

/// `label` and `annotate`: the same mechanism on two maps of metadata.
#[derive(Debug, Args)]
pub struct MetadataArgs {
    /// Resource type or TYPE/NAME, then names, then KEY=VALUE and KEY- changes
    pub words: Vec<String>,
    #[command(flatten)]
    pub files: FileArgs,
    /// Allow changing a key that already has a value
    #[arg(long)]
    pub overwrite: bool,
    /// Print the current keys and values instead of changing them
    #[arg(long)]
    pub list: bool,
    /// Label selector
    #[arg(short = 'l', long, value_name = "SELECTOR")]
    pub selector: Option<String>,
    /// Every policy in the namespace
    #[arg(long)]
    pub all: bool,
    /// Refuse the change unless the policy is still at this resource version
    #[arg(long, value_name = "VERSION")]
    pub resource_version: Option<String>,
    /// Only show the result (client) or let the server check without persisting (server)
    #[arg(long, value_enum, value_name = "MODE", num_args = 0..=1, default_missing_value = "client")]
    pub dry_run: Option<DryRun>,
    /// Field manager name recorded by the server
    #[arg(long, value_name = "NAME")]
    pub field_manager: Option<String>,
}
/// `get`'s output refinements beyond kubectl's basic printers.
#[derive(Debug, Clone, Default, Args)]
pub struct GetFormArgs {
    /// Sort the list by this JSONPath (e.g. '{.metadata.name}' or .spec.retry.numRetries)
    #[arg(long, value_name = "JSONPATH")]
    pub sort_by: Option<String>,
    /// With -o yaml|json: keep metadata.managedFields in the printed objects
    #[arg(long)]
    pub show_managed_fields: bool,
    /// Print the resource type with each name (TYPE/NAME)
    #[arg(long)]
    pub show_kind: bool,
}

/// `delete`'s waiting and grace-period flags, as kubectl's.
#[derive(Debug, Clone, Args)]
pub struct DeleteWaitArgs {
    /// Wait until the objects are gone before returning (--wait=false returns at once)
    #[arg(long, value_name = "BOOL", default_value_t = true, num_args = 0..=1, require_equals = true,
          default_missing_value = "true", action = clap::ArgAction::Set)]
    pub wait: bool,
    /// Seconds the object is given to terminate (negative: the server's default)
    #[arg(long, value_name = "SECONDS", default_value_t = -1, allow_negative_numbers = true)]
    pub grace_period: i64,
    /// Signal the object to go at once (the same as --grace-period=1)
    #[arg(long)]
    pub now: bool,
    /// Remove the objects at once, without a grace period (needs --grace-period 0 or none)
    #[arg(long)]
    pub force: bool,
    /// How long --wait waits (e.g. 30s, 5m; 0 waits a week, as kubectl)
    #[arg(long, value_name = "DURATION", default_value = "0s")]
    pub timeout: String,
}

#[derive(Debug, Clone, Args)]
pub struct ApiResourcesArgs {
    /// Only resources of this API group ('' for the core group)
    #[arg(long, value_name = "GROUP")]
    pub api_group: Option<String>,
    /// Only namespaced resources (true) or only cluster-scoped ones (false)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true,
          default_missing_value = "true")]
    pub namespaced: Option<bool>,
    /// Only resources that support all of these verbs
    #[arg(long, value_name = "VERB", value_delimiter = ',')]
    pub verbs: Vec<String>,
    /// Only resources in all of these categories
    #[arg(long, value_name = "CATEGORY", value_delimiter = ',')]
    pub categories: Vec<String>,
    /// Sort by name or kind (default: by group, then name)
    #[arg(long, value_name = "FIELD")]
    pub sort_by: Option<String>,
    /// Omit the header row
    #[arg(long)]
    pub no_headers: bool,
    /// Accepted for kubectl's scripts: datumctl keeps no discovery cache, so it always asks
    #[arg(long)]
    pub cached: bool,
}

#[derive(Debug, Clone, Args)]
pub struct VersionArgs {
    /// Only the client's version (no server needed)
    #[arg(long)]
    pub client: bool,
}

#[derive(Debug, Clone, Args)]
pub struct CanIArgs {
    /// The verb: get, list, watch, create, update, patch, delete, deletecollection, '*'
    pub verb: Option<String>,
    /// TYPE, TYPE/NAME or a non-resource URL starting with /
    pub resource: Option<String>,
    /// Anything more is refused, as kubectl does
    #[arg(hide = true)]
    pub extra: Vec<String>,
    /// Check in all namespaces of the project
    #[arg(short = 'A', long)]
    pub all_namespaces: bool,
    /// Print nothing: the exit code is the answer (0 yes, 1 no)
    #[arg(short = 'q', long)]
    pub quiet: bool,
    /// A subresource, such as status
    #[arg(long, value_name = "NAME")]
    pub subresource: Option<String>,
    /// List everything the credential may do in the namespace
    #[arg(long)]
    pub list: bool,
    /// With --list: omit the header row
    #[arg(long)]
    pub no_headers: bool,
}

const API_RESOURCES_EXAMPLES: &str = "Examples:
  # Print the supported API resources
  datumctl api-resources

  # With their verbs and categories
  datumctl api-resources -o wide

  # Only their names, sorted by kind
  datumctl api-resources -o name --sort-by=kind

  # Only namespaced resources that can be listed, in one API group
  datumctl api-resources --namespaced=true --verbs=list --api-group=gateway.envoyproxy.io";

const API_VERSIONS_EXAMPLES: &str = "Examples:
  # Print the supported API versions
  datumctl api-versions";

const VERSION_EXAMPLES: &str = "Examples:
  # Print the client and server versions for the current context
  datumctl version

  # Only the client version, as JSON
  datumctl version --client -o json";

const CAN_I_EXAMPLES: &str = "Examples:
  # Check whether I can create policies in the current namespace
  datumctl auth can-i create backendtrafficpolicies

  # Check whether I can delete one policy, in any namespace
  datumctl auth can-i delete btp/backend-traffic-example -A

  # Check whether I can write a policy's status
  datumctl auth can-i update btp --subresource=status

  # Use the exit code only (0 yes, 1 no)
  datumctl auth can-i list btp --quiet && echo allowed

  # List everything I may do in the current namespace
  datumctl auth can-i --list";
