//! The object store: every object in memory for reads, SQLite (WAL, synchronous=FULL) for
//! durability. One writer thread applies conditional writes in batches — one transaction and
//! one fsync per batch — and only after the commit publishes them to readers and watchers, so
//! an acknowledged write is on disk and watch events follow commit order.

use rusqlite::{Connection, params};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::path::Path;
use std::sync::{Arc, OnceLock, RwLock, mpsc};
use tokio::sync::{broadcast, oneshot, watch};

/// Where an object lives: project, namespace, name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    pub project: String,
    pub namespace: String,
    pub name: String,
}

/// One stored object: its resourceVersion, its JSON value and that value already serialized.
#[derive(Debug)]
pub struct Stored {
    pub rv: u64,
    pub object: Value,
    pub json: axum::body::Bytes,
}

use crate::resource::WatchEventType;

/// The changes the store records (a watcher may see one as another: see `server::watch`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventType {
    Added,
    Modified,
    Deleted,
}

impl EventType {
    /// The watch event type this change is written as.
    pub fn wire(self) -> WatchEventType {
        match self {
            EventType::Added => WatchEventType::Added,
            EventType::Modified => WatchEventType::Modified,
            EventType::Deleted => WatchEventType::Deleted,
        }
    }

    pub fn as_str(self) -> &'static str {
        self.wire().as_str()
    }
}

/// A committed change, as watchers see it.
#[derive(Debug)]
pub struct Event {
    pub kind: EventType,
    pub key: Key,
    /// The object before a modification, so selector watches can see it enter or leave.
    pub previous: Option<Arc<Stored>>,
    pub stored: Arc<Stored>,
    /// The watch line for each way a watcher may see this event (ADDED, MODIFIED, DELETED),
    /// encoded by the first watcher that needs it and shared by all the others.
    lines: [OnceLock<axum::body::Bytes>; 3],
}

impl Event {
    /// `{"type":KIND,"object":…}` and a newline, encoded once per kind.
    pub fn line(&self, seen_as: EventType) -> axum::body::Bytes {
        let slot = match seen_as {
            EventType::Added => &self.lines[0],
            EventType::Modified => &self.lines[1],
            EventType::Deleted => &self.lines[2],
        };
        slot.get_or_init(|| watch_line(seen_as.as_str(), &self.stored.json))
            .clone()
    }
}

/// A watch line around an object's stored JSON, without decoding it again.
pub fn watch_line(kind: &str, json: &[u8]) -> axum::body::Bytes {
    let mut line = Vec::with_capacity(json.len() + kind.len() + 24);
    line.extend_from_slice(b"{\"type\":\"");
    line.extend_from_slice(kind.as_bytes());
    line.extend_from_slice(b"\",\"object\":");
    line.extend_from_slice(json);
    line.extend_from_slice(b"}\n");
    line.into()
}

/// A conditional write, decided by the writer against the latest committed state.
#[derive(Debug)]
pub enum Write {
    /// Fails with `AlreadyExists` when the key is taken.
    Create { key: Key, object: Value },
    /// Fails with `NotFound`, or `Conflict` when the stored resourceVersion is not `expected_rv`.
    Update {
        key: Key,
        expected_rv: u64,
        object: Value,
    },
    /// Removes the object; optional resourceVersion and uid preconditions.
    Delete {
        key: Key,
        expected_rv: Option<u64>,
        expected_uid: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    #[error("already exists")]
    AlreadyExists,
    #[error("not found")]
    NotFound,
    #[error("resourceVersion conflict")]
    Conflict,
    /// The object, as it would be stored, is over `MAX_OBJECT_BYTES`.
    #[error("etcdserver: request is too large")]
    TooLarge,
    #[error("precondition failed: UID in precondition: {expected}, UID in object meta: {actual}")]
    UidMismatch { expected: String, actual: String },
    #[error("storage error: {0}")]
    Storage(String),
    #[error("the store is shut down")]
    Closed,
}

/// The committed state that readers see.
pub struct State {
    pub objects: BTreeMap<Key, Arc<Stored>>,
    /// The store's one resourceVersion counter: the last committed version.
    pub rv: u64,
    /// Recent events, oldest first, for watches that resume from a resourceVersion.
    pub history: VecDeque<Arc<Event>>,
    /// The stored JSON bytes of the events in `history`.
    pub history_bytes: usize,
    /// Watches may resume from any version >= this one.
    pub oldest_resumable: u64,
}

impl State {
    /// Up to `max` events committed after `rv`, oldest first; None when events after `rv`
    /// have already left the history.
    pub fn events_after(&self, rv: u64, max: usize) -> Option<Vec<Arc<Event>>> {
        if rv < self.oldest_resumable {
            return None;
        }
        let start = self.history.partition_point(|e| e.stored.rv <= rv);
        Some(self.history.range(start..).take(max).cloned().collect())
    }

    /// The objects of one project (every project's are in one sorted map), in key order.
    pub fn project_objects<'a>(
        &'a self,
        project: &'a str,
    ) -> impl Iterator<Item = (&'a Key, &'a Arc<Stored>)> + 'a {
        let start = Key {
            project: project.to_string(),
            namespace: String::new(),
            name: String::new(),
        };
        self.objects
            .range(start..)
            .take_while(move |(k, _)| k.project == project)
    }
}

/// How many past events a watch may resume across…
const HISTORY: usize = 20_000;
/// …and how many bytes of stored JSON they may hold in all (by default; `Limits` may lower
/// it): a few large objects changing often must not fill memory with their past versions.
pub const HISTORY_BYTES: usize = 32 * 1024 * 1024;
/// The largest object the store keeps, as stored (JSON): etcd's default request limit
/// (`--max-request-bytes`, 1.5 MiB), which is what refuses it behind kube-apiserver.
pub const MAX_OBJECT_BYTES: usize = 1536 * 1024;

struct Request {
    write: Write,
    reply: oneshot::Sender<Result<Arc<Stored>, StoreError>>,
}

/// A handle to the store, cheap to clone.
#[derive(Clone)]
pub struct Store {
    /// Signs of damage seen when the store was opened, for `serve` to warn about.
    warnings: Arc<Vec<String>>,
    state: Arc<RwLock<State>>,
    events: broadcast::Sender<Arc<Event>>,
    /// The last committed resourceVersion, for watchers to wait on.
    committed: watch::Sender<u64>,
    writer: mpsc::Sender<Request>,
    /// The writer thread, joined by `close` once no other handle can send to it.
    worker: Arc<std::sync::Mutex<Option<std::thread::JoinHandle<()>>>>,
}

impl Store {
    /// Opens (or creates) the store in `dir` and starts its writer thread.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        Store::open_with(dir, HISTORY_BYTES)
    }

    /// `open`, with the history bounded to `history_bytes` of stored JSON.
    pub fn open_with(dir: &Path, history_bytes: usize) -> Result<Store, StoreError> {
        std::fs::create_dir_all(dir)
            .map_err(|e| StoreError::Storage(format!("{}: {e}", dir.display())))?;
        let mut warnings = damage_signs(dir);
        let conn = Connection::open(dir.join("datumctl.db")).map_err(storage)?;
        conn.execute_batch(
            "PRAGMA journal_mode=WAL;
             PRAGMA synchronous=FULL;
             CREATE TABLE IF NOT EXISTS objects (
                 project TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL,
                 rv INTEGER NOT NULL, body TEXT NOT NULL,
                 PRIMARY KEY (project, namespace, name));
             CREATE TABLE IF NOT EXISTS counter (id INTEGER PRIMARY KEY CHECK (id = 1), rv INTEGER NOT NULL);
             INSERT OR IGNORE INTO counter (id, rv) VALUES (1, 1000);",
        )
        .map_err(storage)?;
        // Durability rests on these two settings: refuse to run without them.
        let mode: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .map_err(storage)?;
        let sync: i64 = conn
            .query_row("PRAGMA synchronous", [], |r| r.get(0))
            .map_err(storage)?;
        if !mode.eq_ignore_ascii_case("wal") || sync != 2 {
            return Err(StoreError::Storage(format!(
                "SQLite is not in WAL mode with synchronous=FULL (journal_mode={mode}, synchronous={sync})"
            )));
        }
        let check: String = conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(storage)?;
        if check != "ok" {
            warnings.push(format!(
                "{} failed SQLite's integrity check ({check}); objects may be missing or damaged",
                dir.join("datumctl.db").display()
            ));
        }
        let rv: u64 = conn
            .query_row("SELECT rv FROM counter WHERE id = 1", [], |r| r.get(0))
            .map_err(storage)?;
        let mut objects = BTreeMap::new();
        {
            let mut stmt = conn
                .prepare("SELECT project, namespace, name, rv, body FROM objects")
                .map_err(storage)?;
            let rows = stmt
                .query_map([], |r| {
                    Ok((
                        Key {
                            project: r.get(0)?,
                            namespace: r.get(1)?,
                            name: r.get(2)?,
                        },
                        r.get::<_, u64>(3)?,
                        r.get::<_, String>(4)?,
                    ))
                })
                .map_err(storage)?;
            for row in rows {
                let (key, obj_rv, body) = row.map_err(storage)?;
                let object: Value = serde_json::from_str(&body)
                    .map_err(|e| StoreError::Storage(format!("corrupt row {key:?}: {e}")))?;
                objects.insert(
                    key,
                    Arc::new(Stored {
                        rv: obj_rv,
                        object,
                        json: body.into(),
                    }),
                );
            }
        }
        let state = Arc::new(RwLock::new(State {
            objects,
            rv,
            history: VecDeque::new(),
            history_bytes: 0,
            oldest_resumable: rv,
        }));
        // Only the status writer subscribes; it re-reads everything when it lags.
        let (events, _) = broadcast::channel(1024);
        let (committed, _) = watch::channel(rv);
        let (writer, requests) = mpsc::channel();
        let writer_state = Arc::clone(&state);
        let publish = Publish {
            events: events.clone(),
            committed: committed.clone(),
            history_bytes,
        };
        let worker = std::thread::Builder::new()
            .name("store-writer".into())
            .spawn(move || write_loop(conn, requests, writer_state, publish))
            .map_err(|e| StoreError::Storage(e.to_string()))?;
        Ok(Store {
            warnings: Arc::new(warnings),
            state,
            events,
            committed,
            writer,
            worker: Arc::new(std::sync::Mutex::new(Some(worker))),
        })
    }

    /// What looked damaged or truncated when the store was opened.
    pub fn startup_warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Finishes the queued writes and closes the database, when this is the last handle
    /// (otherwise the last one to go closes it when dropped).
    pub fn close(self) {
        let Store { writer, worker, .. } = self;
        drop(writer);
        if let Ok(worker) = Arc::try_unwrap(worker) {
            let handle = worker.into_inner().unwrap_or_else(|p| p.into_inner());
            if let Some(handle) = handle {
                let _ = handle.join();
            }
        }
    }

    /// Applies one write; answers once it is committed to disk.
    pub async fn write(&self, write: Write) -> Result<Arc<Stored>, StoreError> {
        let (reply, answer) = oneshot::channel();
        self.writer
            .send(Request { write, reply })
            .map_err(|_| StoreError::Closed)?;
        answer.await.map_err(|_| StoreError::Closed)?
    }

    pub fn get(&self, key: &Key) -> Option<Arc<Stored>> {
        self.read().objects.get(key).cloned()
    }

    /// A read lock on the committed state (held briefly: lists and watch starts).
    pub fn read(&self) -> std::sync::RwLockReadGuard<'_, State> {
        self.state.read().unwrap_or_else(|p| p.into_inner())
    }

    /// Subscribes to events committed after this call; take it while holding `read()` to pair
    /// it with a consistent snapshot.
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<Event>> {
        self.events.subscribe()
    }

    /// The last committed resourceVersion, changing after each commit: watchers wait on it
    /// and read the new events from the history.
    pub fn committed(&self) -> watch::Receiver<u64> {
        self.committed.subscribe()
    }
}

/// Where the writer announces commits.
struct Publish {
    events: broadcast::Sender<Arc<Event>>,
    committed: watch::Sender<u64>,
    history_bytes: usize,
}

/// Signs, before SQLite opens the files, that the store was truncated or its write-ahead log
/// damaged. SQLite starts regardless (an empty file is an empty database; a WAL it cannot read
/// is ignored), so these are said out loud instead of starting silently empty.
fn damage_signs(dir: &Path) -> Vec<String> {
    let db = dir.join("datumctl.db");
    let wal = dir.join("datumctl.db-wal");
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).ok();
    let mut signs = Vec::new();
    let wal_size = size(&wal).unwrap_or(0);
    if size(&db) == Some(0) && wal_size == 0 {
        signs.push(format!(
            "{} is empty (0 bytes): if this data dir held objects, the file was truncated; starting with none",
            db.display()
        ));
    }
    if wal_size > 0 {
        let header = std::fs::File::open(&wal).ok().and_then(|mut file| {
            let mut header = [0u8; 32];
            std::io::Read::read_exact(&mut file, &mut header)
                .ok()
                .map(|()| header)
        });
        let magic = header
            .as_ref()
            .map(|h| u32::from_be_bytes([h[0], h[1], h[2], h[3]]));
        let page = header.as_ref().map_or(0, |h| {
            u64::from(u32::from_be_bytes([h[8], h[9], h[10], h[11]]))
        });
        if !matches!(magic, Some(0x377f_0682 | 0x377f_0683)) || page == 0 {
            signs.push(format!(
                "{} has no valid header: SQLite will ignore it, and writes not yet copied into the database are lost",
                wal.display()
            ));
        } else if (wal_size - 32) % (24 + page) != 0 {
            signs.push(format!(
                "{} ends in a partial frame (an interrupted write): the last transaction in it may be lost",
                wal.display()
            ));
        }
    }
    signs
}

fn storage(e: rusqlite::Error) -> StoreError {
    StoreError::Storage(e.to_string())
}

/// The outcome of one write inside a batch, before the commit decides its fate.
type Pending = (
    oneshot::Sender<Result<Arc<Stored>, StoreError>>,
    Result<Arc<Stored>, StoreError>,
);

fn write_loop(
    mut conn: Connection,
    requests: mpsc::Receiver<Request>,
    state: Arc<RwLock<State>>,
    publish: Publish,
) {
    while let Ok(first) = requests.recv() {
        let mut batch = vec![first];
        while batch.len() < 512 {
            match requests.try_recv() {
                Ok(r) => batch.push(r),
                Err(_) => break,
            }
        }
        let mut rv = state.read().unwrap_or_else(|p| p.into_inner()).rv;
        let start_rv = rv;
        // Changes of this batch not yet visible to readers: key -> new value (None = deleted).
        let mut overlay: HashMap<Key, Option<Arc<Stored>>> = HashMap::new();
        let mut pending: Vec<Pending> = Vec::with_capacity(batch.len());
        let mut batch_events: Vec<Arc<Event>> = Vec::new();
        let outcome = (|| -> Result<(), rusqlite::Error> {
            let tx = conn.transaction()?;
            for request in batch {
                let current = |key: &Key| -> Option<Arc<Stored>> {
                    match overlay.get(key) {
                        Some(v) => v.clone(),
                        None => state
                            .read()
                            .unwrap_or_else(|p| p.into_inner())
                            .objects
                            .get(key)
                            .cloned(),
                    }
                };
                let result = match request.write {
                    Write::Create { key, object } => match current(&key) {
                        Some(_) => Err(StoreError::AlreadyExists),
                        None => {
                            let stored = stamp(object, rv + 1);
                            if stored.json.len() > MAX_OBJECT_BYTES {
                                pending.push((request.reply, Err(StoreError::TooLarge)));
                                continue;
                            }
                            rv += 1;
                            put(&tx, &key, &stored)?;
                            batch_events.push(event(EventType::Added, &key, &stored, None));
                            overlay.insert(key, Some(Arc::clone(&stored)));
                            Ok(stored)
                        }
                    },
                    Write::Update {
                        key,
                        expected_rv,
                        object,
                    } => match current(&key) {
                        None => Err(StoreError::NotFound),
                        Some(old) if old.rv != expected_rv => Err(StoreError::Conflict),
                        Some(old) => {
                            let stored = stamp(object, rv + 1);
                            if stored.json.len() > MAX_OBJECT_BYTES {
                                pending.push((request.reply, Err(StoreError::TooLarge)));
                                continue;
                            }
                            rv += 1;
                            put(&tx, &key, &stored)?;
                            batch_events.push(event(EventType::Modified, &key, &stored, Some(old)));
                            overlay.insert(key, Some(Arc::clone(&stored)));
                            Ok(stored)
                        }
                    },
                    Write::Delete {
                        key,
                        expected_rv,
                        expected_uid,
                    } => match current(&key) {
                        None => Err(StoreError::NotFound),
                        Some(old) if expected_rv.is_some_and(|e| e != old.rv) => {
                            Err(StoreError::Conflict)
                        }
                        Some(old)
                            if expected_uid.as_ref().is_some_and(|u| {
                                old.object["metadata"]["uid"].as_str() != Some(u)
                            }) =>
                        {
                            Err(StoreError::UidMismatch {
                                expected: expected_uid.unwrap_or_default(),
                                actual: old.object["metadata"]["uid"]
                                    .as_str()
                                    .unwrap_or_default()
                                    .to_string(),
                            })
                        }
                        Some(old) => {
                            rv += 1;
                            tx.execute(
                                "DELETE FROM objects WHERE project = ?1 AND namespace = ?2 AND name = ?3",
                                params![key.project, key.namespace, key.name],
                            )?;
                            // The DELETED event carries the deletion's own resourceVersion.
                            let stored = stamp(old.object.clone(), rv);
                            batch_events.push(event(EventType::Deleted, &key, &stored, None));
                            overlay.insert(key, None);
                            Ok(stored)
                        }
                    },
                };
                pending.push((request.reply, result));
            }
            if rv != start_rv {
                tx.execute("UPDATE counter SET rv = ?1 WHERE id = 1", params![rv])?;
            }
            tx.commit()
        })();
        match outcome {
            Ok(()) => {
                {
                    let mut st = state.write().unwrap_or_else(|p| p.into_inner());
                    for (key, value) in overlay {
                        match value {
                            Some(stored) => st.objects.insert(key, stored),
                            None => st.objects.remove(&key),
                        };
                    }
                    st.rv = rv;
                    for ev in &batch_events {
                        st.history_bytes += ev.stored.json.len();
                        st.history.push_back(Arc::clone(ev));
                        // Receivers may be absent; the status writer re-reads when it lags.
                        let _ = publish.events.send(Arc::clone(ev));
                    }
                    while st.history.len() > HISTORY || st.history_bytes > publish.history_bytes {
                        match st.history.pop_front() {
                            Some(dropped) => {
                                st.history_bytes -= dropped.stored.json.len();
                                st.oldest_resumable = dropped.stored.rv;
                            }
                            None => break,
                        }
                    }
                }
                publish.committed.send_replace(rv);
                for (reply, result) in pending {
                    let _ = reply.send(result);
                }
            }
            Err(e) => {
                let err = StoreError::Storage(e.to_string());
                for (reply, _) in pending {
                    let _ = reply.send(Err(err.clone()));
                }
            }
        }
    }
}

/// Object keys in alphabetical order, as kube-apiserver returns custom resources.
fn sort_keys(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.sort_keys();
            map.values_mut().for_each(sort_keys);
        }
        Value::Array(items) => items.iter_mut().for_each(sort_keys),
        _ => {}
    }
}

fn stamp(mut object: Value, rv: u64) -> Arc<Stored> {
    sort_keys(&mut object);
    if let Some(meta) = object.get_mut("metadata").and_then(Value::as_object_mut) {
        meta.insert("resourceVersion".into(), Value::String(rv.to_string()));
    }
    let json = serde_json::to_vec(&object).unwrap_or_default();
    Arc::new(Stored {
        rv,
        object,
        json: json.into(),
    })
}

fn put(tx: &rusqlite::Transaction<'_>, key: &Key, stored: &Stored) -> Result<(), rusqlite::Error> {
    let body = std::str::from_utf8(&stored.json).unwrap_or("{}");
    tx.execute(
        "INSERT OR REPLACE INTO objects (project, namespace, name, rv, body) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![key.project, key.namespace, key.name, stored.rv, body],
    )?;
    Ok(())
}

fn event(
    kind: EventType,
    key: &Key,
    stored: &Arc<Stored>,
    previous: Option<Arc<Stored>>,
) -> Arc<Event> {
    Arc::new(Event {
        kind,
        previous,
        key: key.clone(),
        stored: Arc::clone(stored),
        lines: Default::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn key(name: &str) -> Key {
        Key {
            project: "p".into(),
            namespace: "default".into(),
            name: name.into(),
        }
    }

    fn obj(name: &str) -> Value {
        json!({"metadata": {"name": name, "uid": "u1"}, "spec": {}})
    }

    #[tokio::test]
    async fn writes_are_conditional_and_survive_reopen() {
        let dir = tempfile::tempdir().expect("tmp");
        let store = Store::open(dir.path()).expect("open");
        let a = store
            .write(Write::Create {
                key: key("a"),
                object: obj("a"),
            })
            .await
            .expect("create");
        assert_eq!(a.rv, 1001);
        assert_eq!(
            store
                .write(Write::Create {
                    key: key("a"),
                    object: obj("a")
                })
                .await
                .unwrap_err(),
            StoreError::AlreadyExists
        );
        assert_eq!(
            store
                .write(Write::Update {
                    key: key("a"),
                    expected_rv: 1,
                    object: obj("a")
                })
                .await
                .unwrap_err(),
            StoreError::Conflict
        );
        store
            .write(Write::Update {
                key: key("a"),
                expected_rv: a.rv,
                object: obj("a"),
            })
            .await
            .expect("update");
        store.close();
        let again = Store::open(dir.path()).expect("reopen");
        let got = again.get(&key("a")).expect("persisted");
        assert_eq!(got.rv, 1002);
        assert_eq!(got.object["metadata"]["resourceVersion"], "1002");
        assert_eq!(again.read().rv, 1002);
    }
}
