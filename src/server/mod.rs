//! The local control plane (`datumctl serve`): Kubernetes API semantics for
//! BackendTrafficPolicy under each project's prefix, stored in SQLite, with watches, a status
//! writer standing in for the gateway controller, optional bearer tokens and TLS.

pub mod access_review;
pub mod auth;
pub mod call;
pub mod conn;
pub mod discovery;
pub mod limits;
pub mod list;
pub mod managed;
pub mod object;
pub mod patching;
pub mod resource;
pub mod routes;
pub mod selector;
pub mod ssa;
pub mod status;
pub mod status_writer;
pub mod store;
pub mod table;
pub mod tls;
pub mod watch;
pub mod yaml;

use crate::print::Printer;
use crate::validate::Options;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

/// What `datumctl serve` was asked to do.
#[derive(Debug, Clone)]
pub struct Config {
    pub addr: String,
    pub data_dir: PathBuf,
    pub token_file: Option<PathBuf>,
    pub tls: Option<tls::TlsSettings>,
    pub status_writer: bool,
    pub verbosity: u8,
    pub options: Options,
    pub limits: limits::Limits,
}

/// What every handler shares.
pub struct App {
    pub store: store::Store,
    pub options: Options,
    /// The accepted tokens (with `--token-file`); SIGHUP reloads them.
    pub tokens: Option<std::sync::RwLock<auth::Tokens>>,
    /// `--client-ca-file`: client certificates it signed authenticate requests.
    pub client_ca: Option<auth::ClientCa>,
    /// Flips to true on SIGINT/SIGTERM so open watches end and the drain can finish.
    pub shutdown: tokio::sync::watch::Receiver<bool>,
    pub verbosity: u8,
    pub printer: Printer,
    pub limits: limits::Limits,
    pub watches: watch::WatchSlots,
}

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("invalid --addr {0:?}: expected HOST:PORT")]
    Addr(String),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: String,
        source: std::io::Error,
    },
    #[error("cannot open the store in {dir}: {source}")]
    Store {
        dir: String,
        source: store::StoreError,
    },
    #[error(
        "the data dir {dir} is in use by another `datumctl serve` ({holder}); stop it first, or give this one another --data-dir"
    )]
    Locked { dir: String, holder: String },
    #[error(transparent)]
    Tokens(#[from] auth::TokenFileError),
    #[error(transparent)]
    Tls(#[from] tls::TlsError),
    #[error(transparent)]
    ClientCa(#[from] auth::ClientCaError),
    #[error("server error: {0}")]
    Io(#[from] std::io::Error),
}

/// The default data directory: `<user data dir>/datumctl/serve`.
pub fn default_data_dir() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join("datumctl")
        .join("serve")
}

async fn shutdown_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(s) => s,
                Err(_) => {
                    let _ = interrupt.await;
                    return;
                }
            };
        tokio::select! {
            _ = interrupt => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = interrupt.await;
    }
}

/// Re-reads the token file on each SIGHUP, so a removed token stops working without a
/// restart. A file that no longer parses keeps the previous tokens, with a warning.
#[cfg(unix)]
async fn reload_tokens_on_hangup(app: Arc<App>, path: PathBuf) {
    use tokio::signal::unix::{SignalKind, signal};
    let Ok(mut hangups) = signal(SignalKind::hangup()) else {
        app.printer
            .warn("cannot listen for SIGHUP: the token file will not be reloaded");
        return;
    };
    while hangups.recv().await.is_some() {
        let Some(lock) = &app.tokens else { return };
        match auth::Tokens::load(&path) {
            Ok(tokens) => {
                let count = tokens.len();
                *lock.write().unwrap_or_else(|p| p.into_inner()) = tokens;
                app.printer.err(&format!(
                    "datumctl serve: reloaded {count} token(s) from {}\n",
                    path.display()
                ));
            }
            Err(e) => app
                .printer
                .warn(&format!("{e}; the previous tokens stay in force")),
        }
    }
}

/// Takes the data dir's exclusive lock (`serve.lock`, holding our pid) for as long as the
/// returned file lives: two servers on one store would hand out the same resourceVersions.
fn lock_data_dir(dir: &std::path::Path) -> Result<std::fs::File, ServeError> {
    use std::io::{Read, Seek, Write};
    let failed = |source: std::io::Error| ServeError::Store {
        dir: dir.display().to_string(),
        source: store::StoreError::Storage(format!("cannot lock the data dir: {source}")),
    };
    std::fs::create_dir_all(dir).map_err(failed)?;
    // Not truncated on open: the pid in it is the holder's until we hold the lock.
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(dir.join("serve.lock"))
        .map_err(failed)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            let mut text = String::new();
            let _ = file.read_to_string(&mut text);
            let holder = match text.trim().parse::<u32>() {
                Ok(pid) => format!("pid {pid}"),
                Err(_) => "pid unknown".to_string(),
            };
            return Err(ServeError::Locked {
                dir: dir.display().to_string(),
                holder,
            });
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(failed(e)),
    }
    file.set_len(0).map_err(failed)?;
    file.rewind().map_err(failed)?;
    writeln!(file, "{}", std::process::id()).map_err(failed)?;
    Ok(file)
}

/// Serves until SIGINT/SIGTERM, then drains in-flight requests and returns.
pub async fn run(config: Config, printer: Printer) -> Result<(), ServeError> {
    let addr: SocketAddr = tokio::net::lookup_host(&config.addr)
        .await
        .ok()
        .and_then(|mut a| a.next())
        .ok_or_else(|| ServeError::Addr(config.addr.clone()))?;
    let tokens = match &config.token_file {
        Some(path) => Some(auth::Tokens::load(path)?),
        None => None,
    };
    let client_ca = match config.tls.as_ref().and_then(|t| t.client_ca.as_ref()) {
        Some(path) => Some(auth::ClientCa::load(path)?),
        None => None,
    };
    let acceptor = match &config.tls {
        Some(settings) => Some(tls::acceptor(settings, client_ca.as_ref())?),
        None => None,
    };
    let _lock = lock_data_dir(&config.data_dir)?;
    let store = store::Store::open_with(&config.data_dir, config.limits.history_bytes).map_err(
        |source| ServeError::Store {
            dir: config.data_dir.display().to_string(),
            source,
        },
    )?;
    for warning in store.startup_warnings() {
        printer.warn(warning);
    }
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| ServeError::Bind {
            addr: config.addr.clone(),
            source,
        })?;
    let local = listener.local_addr()?;
    let scheme = if acceptor.is_some() { "https" } else { "http" };
    // The first stdout line carries the URL: scripts and tests read it from there.
    printer.out(&format!(
        "Serving the local control plane on {scheme}://{local}\n  project URL: {scheme}://{local}{}\n  data dir: {}\n",
        crate::layout::project_base("", "PROJECT"),
        config.data_dir.display()
    ));
    if !local.ip().is_loopback() {
        printer.warn(&format!(
            "listening on {local}, which is not a loopback address: anyone who can reach it can use this server{}",
            if tokens.is_none() && client_ca.is_none() { " (no --token-file or --client-ca-file given)" } else { "" }
        ));
    }
    #[cfg(unix)]
    if let Some(path) = &config.token_file {
        use std::os::unix::fs::PermissionsExt;
        // The tokens grant access: a file others can read gives it to them too.
        let mode = std::fs::metadata(path).map_or(0, |m| m.permissions().mode() & 0o777);
        if mode & 0o077 != 0 {
            printer.warn(&format!(
                "{} holds bearer tokens and is readable by other users (mode {mode:04o}); run `chmod 600 {}`",
                path.display(),
                path.display()
            ));
        }
    }
    let writer_task = config
        .status_writer
        .then(|| status_writer::spawn(store.clone()));
    let (stop, shutdown) = tokio::sync::watch::channel(false);
    let app = Arc::new(App {
        store,
        options: config.options,
        tokens: tokens.map(std::sync::RwLock::new),
        client_ca,
        shutdown,
        verbosity: config.verbosity,
        printer: printer.clone(),
        limits: config.limits,
        watches: watch::WatchSlots::default(),
    });
    #[cfg(unix)]
    let reload_task = config
        .token_file
        .clone()
        .map(|path| tokio::spawn(reload_tokens_on_hangup(Arc::clone(&app), path)));
    let signal = async move {
        shutdown_signal().await;
        let _ = stop.send(true);
    };
    conn::serve(listener, acceptor, Arc::clone(&app), signal).await;
    // Drained: stop the status writer, then close the store once nothing else holds it.
    #[cfg(unix)]
    if let Some(task) = reload_task {
        task.abort();
        let _ = task.await;
    }
    if let Some(task) = writer_task {
        task.abort();
        let _ = task.await;
    }
    // Handler tasks spawned by the connections let go of the app a moment after the drain.
    let mut app = app;
    for _ in 0..200 {
        match Arc::try_unwrap(app) {
            Ok(owned) => {
                let App { store, .. } = owned;
                tokio::task::spawn_blocking(move || store.close())
                    .await
                    .map_err(|e| ServeError::Io(std::io::Error::other(e.to_string())))?;
                break;
            }
            Err(shared) => {
                app = shared;
                tokio::time::sleep(std::time::Duration::from_millis(10)).await;
            }
        }
    }
    if config.verbosity >= 1 {
        printer.err("datumctl serve: stopped\n");
    }
    Ok(())
}
