//! `datumctl serve`: runs the local control plane until SIGINT/SIGTERM, on the process's
//! runtime (`main` gives serve the default number of workers and no interrupt listener: the
//! server drains on SIGINT itself).

use crate::cli::ServeArgs;
use crate::cmd::Context;
use crate::error::{CliError, CmdResult, Outcome};
use crate::server::limits::Limits;
use crate::server::tls::TlsSettings;
use crate::server::{self, Config, ServeError};
use crate::validate::Options;

/// Test hook: `NAME=VALUE,...` overrides of the server's limits (see `server::limits`).
const LIMITS_ENV: &str = "DATUMCTL_SERVE_LIMITS";

pub async fn run(args: &ServeArgs, ctx: &Context) -> CmdResult {
    let limits = match std::env::var(LIMITS_ENV) {
        Ok(spec) => Limits::with_overrides(&spec).map_err(CliError::usage)?,
        Err(_) => Limits::default(),
    };
    let config = Config {
        addr: args.addr.clone(),
        data_dir: args
            .data_dir
            .clone()
            .unwrap_or_else(server::default_data_dir),
        token_file: args.token_file.clone(),
        tls: args
            .tls_cert
            .clone()
            .zip(args.tls_key.clone())
            .map(|(cert, key)| TlsSettings {
                cert,
                key,
                client_ca: args.client_ca_file.clone(),
            }),
        status_writer: !args.no_status_writer,
        verbosity: ctx.global.verbosity,
        options: Options {
            profile: args.profile,
        },
        limits,
    };
    match server::run(config, ctx.printer.clone()).await {
        Ok(()) => Ok(Outcome::Success),
        Err(
            e @ (ServeError::Addr(_)
            | ServeError::Tokens(_)
            | ServeError::Tls(_)
            | ServeError::ClientCa(_)),
        ) => Err(CliError::usage(e)),
        Err(e) => Err(CliError::failure(e)),
    }
}
