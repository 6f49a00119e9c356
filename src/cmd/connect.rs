//! From the command line to a client: global flags and environment into `target::Overrides`,
//! the resolved target with its credential (a stored `datumctl login` wired to the renewing
//! token source), and the HTTP client. Every command that talks to a server comes through here.

use crate::auth::store::LoginToken;
use crate::cli::GlobalArgs;
use crate::client::credential::{Credential, Impersonation};
use crate::client::http::ApiClient;
use crate::client::kubeconfig::Source;
use crate::client::target::{self, Overrides, Target, TargetError};
use crate::error::CliError;
use crate::print::Printer;
use std::sync::Arc;

/// The flags and environment of this invocation, as the client layer takes them.
pub fn overrides(global: &GlobalArgs) -> Overrides {
    let env_value = std::env::var_os("KUBECONFIG");
    let kubeconfig_from_env = match (&global.kubeconfig, &env_value) {
        (Some(p), Some(v)) => p.as_os_str() == v.as_os_str(),
        _ => false,
    };
    let kubeconfig = global.kubeconfig.as_ref().map(|p| {
        if kubeconfig_from_env {
            Source::from_env_value(p.as_os_str())
        } else {
            Source::Explicit(p.clone())
        }
    });
    Overrides {
        server: global.server.clone().filter(|s| !s.is_empty()),
        project: global.project.clone(),
        token: global.token.clone().filter(|t| !t.is_empty()),
        namespace: global.namespace.clone(),
        context: global.context.clone(),
        kubeconfig,
        kubeconfig_from_env,
        certificate_authority: global.certificate_authority.clone(),
        insecure_skip_tls_verify: global.insecure_skip_tls_verify,
        tls_server_name: global.tls_server_name.clone(),
        impersonate: Impersonation {
            user: global.as_user.clone(),
            uid: global.as_uid.clone(),
            groups: global.as_group.clone(),
            extra: Vec::new(),
        },
    }
}

/// Resolves the target; a context's `datumctl login` becomes a token source that renews
/// itself when due and when the server refuses it.
pub fn target(global: &GlobalArgs) -> Result<Target, TargetError> {
    let mut target = target::resolve(&overrides(global))?;
    let stored = matches!(target.credential, Credential::Bearer(_))
        && !target.kubeconfig
        && global.token.as_deref().is_none_or(str::is_empty);
    if let (true, Some(name), Some(path)) = (stored, &target.context, &target.config_path) {
        let log = (global.verbosity >= 6).then(|| Printer::new(global.color, global.error_format));
        if let Some(source) = LoginToken::for_context(path, name, log)? {
            target.credential = Credential::Renewing(Arc::new(source));
        }
    }
    Ok(target)
}

/// Resolves the target and builds the client, or the command's error with hints.
pub async fn connect(global: &GlobalArgs, printer: &Printer) -> Result<ApiClient, CliError> {
    let mut target = target(global)?;
    let timeout = global.request_timeout.filter(|t| !t.is_zero());
    for warning in &target.warnings {
        printer.warn(warning);
    }
    warn_if_others_can_read(&target, printer);
    prime_exec_identity(&mut target).await?;
    let target_for_errors = target.clone();
    ApiClient::new(target, global.verbosity, printer.clone(), timeout)
        .map_err(|e| e.into_cli(&target_for_errors))
}

/// A plugin may answer with a client certificate: it has to be known before the TLS client is
/// built, so the plugin runs now rather than at the first request.
async fn prime_exec_identity(target: &mut Target) -> Result<(), CliError> {
    let Credential::Exec(plugin) = &target.credential else {
        return Ok(());
    };
    let out = plugin
        .credentials()
        .await
        .map_err(|e| crate::client::status::ClientError::Credential(e.into()).into_cli(target))?;
    if let (Some(cert), Some(key)) = (&out.client_certificate, &out.client_key) {
        let mut pem = cert.clone().into_bytes();
        pem.push(b'\n');
        pem.extend_from_slice(key.as_bytes());
        target.tls.identity_pem = Some(pem);
    }
    Ok(())
}

/// A credential stored in a file that group or others may read is one `cat` from leaking:
/// say so on every use, as the file is read (writes by datumctl are always 0600).
fn warn_if_others_can_read(target: &Target, printer: &Printer) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Only when the token came from a file, not from --token or DATUMCTL_TOKEN.
        let Some(path) = &target.credential_file else {
            return;
        };
        let Ok(meta) = std::fs::metadata(path) else {
            return;
        };
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            printer.warn(&format!(
                "{} holds a credential and is readable by other users (mode {mode:04o}); run `chmod 600 {}`",
                path.display(),
                path.display()
            ));
        }
    }
    #[cfg(not(unix))]
    let _ = (target, printer);
}
