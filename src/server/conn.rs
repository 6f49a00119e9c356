//! The accept loop: each connection runs in its own task (its TLS handshake included, under a
//! short timeout, so a silent client delays nobody), HTTP/1.1 with header, body and idle
//! timeouts, a cap on open connections, and a shutdown that ends within a grace period.

use super::App;
use super::routes;
use super::tls::PeerCertificates;
use axum::body::Body;
use axum::extract::State;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};
use tokio::task::JoinSet;
use tokio_rustls::TlsAcceptor;

/// Accepts connections until `stop` completes, then lets the open ones finish their current
/// request for at most the grace period and closes what is left.
pub async fn serve(
    listener: TcpListener,
    tls: Option<TlsAcceptor>,
    app: Arc<App>,
    stop: impl Future<Output = ()>,
) {
    let limits = app.limits.clone();
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    let (drain, draining) = watch::channel(false);
    let mut connections = JoinSet::new();
    let mut at_cap = false;
    tokio::pin!(stop);
    loop {
        tokio::select! {
            _ = &mut stop => break,
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
            accepted = listener.accept() => {
                let (tcp, peer) = match accepted {
                    Ok(pair) => pair,
                    Err(e) => {
                        // Out of descriptors and the like: back off instead of spinning.
                        if app.verbosity >= 1 {
                            app.printer.err(&format!("datumctl serve: accept failed: {e}\n"));
                        }
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                };
                let Ok(permit) = Arc::clone(&slots).try_acquire_owned() else {
                    if !at_cap {
                        app.printer.warn(&format!(
                            "{} connections are open, the most allowed: closing new connections until some end",
                            limits.max_connections
                        ));
                        at_cap = true;
                    }
                    drop(tcp);
                    continue;
                };
                at_cap = false;
                let task = Connection {
                    app: Arc::clone(&app),
                    tls: tls.clone(),
                    peer,
                    draining: draining.clone(),
                    _permit: permit,
                };
                connections.spawn(task.run(tcp));
            }
        }
    }
    drop(listener);
    let _ = drain.send(true);
    let finished = tokio::time::timeout(limits.grace_period, async {
        while connections.join_next().await.is_some() {}
    })
    .await;
    if finished.is_err() {
        if app.verbosity >= 1 {
            app.printer.err(&format!(
                "datumctl serve: grace period of {:?} over: closing {} connection(s)\n",
                limits.grace_period,
                connections.len()
            ));
        }
        connections.abort_all();
        while connections.join_next().await.is_some() {}
    }
}

/// One accepted connection and what it needs to serve requests.
struct Connection {
    app: Arc<App>,
    tls: Option<TlsAcceptor>,
    peer: SocketAddr,
    draining: watch::Receiver<bool>,
    /// Held for the connection's life: its slot under the connection cap.
    _permit: OwnedSemaphorePermit,
}

impl Connection {
    async fn run(mut self, tcp: TcpStream) {
        let _ = tcp.set_nodelay(true);
        let write_timeout = self.app.limits.write_timeout;
        let Some(acceptor) = self.tls.take() else {
            return self
                .http(TokioIo::new(WriteDeadline::new(tcp, write_timeout)), None)
                .await;
        };
        let limit = self.app.limits.handshake_timeout;
        let handshake = tokio::time::timeout(limit, acceptor.accept(tcp));
        let stream = tokio::select! {
            done = handshake => match done {
                Ok(Ok(stream)) => stream,
                Ok(Err(e)) => {
                    if self.app.verbosity >= 2 {
                        self.app.printer.err(&format!("datumctl serve: TLS handshake with {} failed: {e}\n", self.peer));
                    }
                    return;
                }
                Err(_) => {
                    if self.app.verbosity >= 2 {
                        self.app.printer.err(&format!("datumctl serve: TLS handshake with {} timed out after {limit:?}\n", self.peer));
                    }
                    return;
                }
            },
            _ = self.draining.wait_for(|d| *d) => return,
        };
        let certificates =
            stream.get_ref().1.peer_certificates().map(|chain| {
                PeerCertificates(chain.iter().map(|c| c.clone().into_owned()).collect())
            });
        self.http(
            TokioIo::new(WriteDeadline::new(stream, write_timeout)),
            certificates,
        )
        .await
    }

    async fn http<IO>(mut self, io: TokioIo<IO>, certificates: Option<PeerCertificates>)
    where
        IO: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
    {
        let app = Arc::clone(&self.app);
        let service = hyper::service::service_fn(move |mut req: hyper::Request<Incoming>| {
            if let Some(chain) = &certificates {
                req.extensions_mut().insert(chain.clone());
            }
            let app = Arc::clone(&app);
            async move { Ok::<_, Infallible>(routes::handle(State(app), req.map(Body::new)).await) }
        });
        // HTTP/1.1 only: TLS offers only http/1.1 by ALPN, and plain connections do not
        // upgrade to h2c.
        let connection = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(self.app.limits.header_timeout)
            .keep_alive(true)
            .serve_connection(io, service);
        tokio::pin!(connection);
        tokio::select! {
            _ = connection.as_mut() => return,
            _ = self.draining.wait_for(|d| *d) => {}
        }
        // Finish the request in flight (bounded by the grace period), then close.
        connection.as_mut().graceful_shutdown();
        let _ = connection.await;
    }
}

/// A stream whose writes fail once one has made no progress for `limit`: a peer that stops
/// reading (a stalled watcher) loses its connection instead of holding buffers forever.
struct WriteDeadline<S> {
    inner: S,
    limit: Duration,
    stalled: Option<std::pin::Pin<Box<tokio::time::Sleep>>>,
}

impl<S> WriteDeadline<S> {
    fn new(inner: S, limit: Duration) -> Self {
        WriteDeadline {
            inner,
            limit,
            stalled: None,
        }
    }

    /// Pending from the inner stream: start (or check) the stall clock.
    fn pending<T>(
        &mut self,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<T>> {
        let limit = self.limit;
        let sleep = self
            .stalled
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(limit)));
        match sleep.as_mut().poll(cx) {
            std::task::Poll::Ready(()) => std::task::Poll::Ready(Err(std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                format!("the peer read nothing for {limit:?}"),
            ))),
            std::task::Poll::Pending => std::task::Poll::Pending,
        }
    }
}

impl<S: tokio::io::AsyncRead + Unpin> tokio::io::AsyncRead for WriteDeadline<S> {
    fn poll_read(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<S: tokio::io::AsyncWrite + Unpin> tokio::io::AsyncWrite for WriteDeadline<S> {
    fn poll_write(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &[u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        match std::pin::Pin::new(&mut self.inner).poll_write(cx, buf) {
            std::task::Poll::Pending => self.pending(cx),
            done => {
                self.stalled = None;
                done
            }
        }
    }

    fn poll_write_vectored(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> std::task::Poll<std::io::Result<usize>> {
        match std::pin::Pin::new(&mut self.inner).poll_write_vectored(cx, bufs) {
            std::task::Poll::Pending => self.pending(cx),
            done => {
                self.stalled = None;
                done
            }
        }
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        match std::pin::Pin::new(&mut self.inner).poll_flush(cx) {
            std::task::Poll::Pending => self.pending(cx),
            done => {
                self.stalled = None;
                done
            }
        }
    }

    fn poll_shutdown(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}
