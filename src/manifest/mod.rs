//! Reading manifests: `-f FILE|DIR|-` (repeatable), `-R`, multi-document YAML, JSON and
//! `kind: List`, into JSON values that remember where each of their values was written.
//!
//! YAML is parsed with saphyr-parser (event stream with spans), not serde_yaml (archived).
//! Plain scalars are resolved like Kubernetes' sigs.k8s.io/yaml (go-yaml v2, YAML 1.1):
//! `yes`/`no`/`on`/`off`/`y`/`n` are booleans, `010` is octal; quote a value to keep it a string.
//! Line numbers count from the start of the file, across `---` separators.
//!
//! Hostile input is refused with a one-line error naming the file, in bounded time and memory:
//! see [`limits`]. No printing here: commands render [`ManifestError`] and [`Document`]s.

mod position;
pub(crate) mod scalar;
mod stream;
mod yaml;

pub use position::{Position, pointer_token};

use position::PosNode;
use serde_json::Value;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use thiserror::Error;

/// Bounds on what one invocation reads, so any input up to 64 MiB is handled in bounded time
/// and memory.
pub mod limits {
    /// Largest input (one file or stdin) read at all.
    pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;
    /// Largest single document, in characters: kube-apiserver refuses request bodies over 3 MiB.
    pub const MAX_DOCUMENT_CHARS: usize = 3 * 1024 * 1024;
    /// Deepest nesting of mappings and sequences (the schema itself is ten levels deep).
    pub const MAX_DEPTH: usize = 100;
    /// Values that aliases of one document may expand to (no "billion laughs").
    pub const MAX_ALIAS_NODES: usize = 100_000;
    /// Values one document may hold (a policy has far fewer; bounds the memory of a piece
    /// being parsed, as several are parsed at once).
    pub const MAX_DOCUMENT_VALUES: usize = 250_000;
    /// Values held across one input, which bounds memory (about 150 bytes each).
    pub const MAX_VALUES: usize = 1_500_000;
    /// What one document costs against `MAX_VALUES` besides its values (its own bookkeeping).
    pub const DOCUMENT_COST: usize = 8;
}

/// One object read from a manifest.
#[derive(Debug, Clone)]
pub struct Document {
    /// The file it came from as given on the command line (`-` reads as `STDIN`).
    pub source: String,
    /// Its place among the objects of that source, from 0 (empty documents do not count;
    /// each item of a `kind: List` counts as one object).
    pub index: usize,
    /// The object as JSON. Positions are kept apart from it, so changing it (validation adds
    /// defaults and prunes unknown fields in place) does not move them.
    pub value: Value,
    positions: PosNode,
    /// The whole text of the source, shared by its documents, for snippets in error reports.
    text: Arc<String>,
}

impl Document {
    /// Where the value at `pointer` was written (`/spec/retry/numRetries`). When the pointer
    /// names something absent (a missing required field), the closest enclosing value's position.
    pub fn position(&self, pointer: &str) -> Option<Position> {
        Some(self.positions.find(pointer).0.at)
    }

    /// Where the key of the entry at `pointer` was written, falling back to its value's position.
    pub fn key_position(&self, pointer: &str) -> Option<Position> {
        let (node, exact) = self.positions.find(pointer);
        Some(if exact {
            node.key_at.unwrap_or(node.at)
        } else {
            node.at
        })
    }

    /// Where to point a reader at the value at `pointer`: a scalar where it is written, a
    /// mapping or sequence at its key (its first line would name one of its entries instead).
    pub fn report_position(&self, pointer: &str) -> Position {
        let (node, _) = self.positions.find(pointer);
        match (&node.children, node.key_at) {
            (position::PosChildren::Leaf, _) | (_, None) => node.at,
            (_, Some(key)) => key,
        }
    }

    /// `metadata.name`, when it is a string.
    pub fn name(&self) -> Option<&str> {
        self.value.pointer("/metadata/name").and_then(Value::as_str)
    }

    /// Line `line` (from 1) of the source text, without its line break.
    pub fn source_line(&self, line: usize) -> Option<&str> {
        self.text.lines().nth(line.checked_sub(1)?)
    }

    /// `kind`, when it is a string.
    pub fn kind(&self) -> Option<&str> {
        self.value.get("kind").and_then(Value::as_str)
    }
}

/// Why the manifests could not be read. Each renders as one line naming the file.
#[derive(Debug, Error)]
pub enum ManifestError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// kubectl's words for a missing `-f` path.
    #[error("the path {} does not exist", crate::print::quote::go_quote(path))]
    NotFound { path: String },
    #[error("{path}: larger than {} MiB; split it into smaller files", limits::MAX_INPUT_BYTES / (1024 * 1024))]
    TooLarge { path: String },
    #[error("{path}: binary data (NUL byte at offset {offset}), not a YAML or JSON manifest")]
    Binary { path: String, offset: usize },
    #[error("{path}: not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 { path: String, offset: usize },
    #[error("{path}:{line}:{column}: {message}")]
    Syntax {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: recognized file extensions are [.json .yaml .yml], and none was found")]
    NoManifests { path: String },
    #[error("{path}: URLs are not supported; download the file first")]
    Url { path: String },
    #[error("no input: give one or more -f FILE|DIR|-")]
    NoInput,
    #[error("{path}: no objects found (the file is empty or holds only comments)")]
    Empty { path: String },
}

impl ManifestError {
    /// The file the error is about, when there is one.
    pub fn path(&self) -> Option<&str> {
        match self {
            ManifestError::Io { path, .. }
            | ManifestError::NotFound { path }
            | ManifestError::TooLarge { path }
            | ManifestError::Binary { path, .. }
            | ManifestError::NotUtf8 { path, .. }
            | ManifestError::Syntax { path, .. }
            | ManifestError::NoManifests { path }
            | ManifestError::Url { path }
            | ManifestError::Empty { path } => Some(path),
            ManifestError::NoInput => None,
        }
    }

    /// The input was read but is not a manifest (syntax, binary, not UTF-8, too large, empty):
    /// an invalid manifest, reported for its file while the other files go on. The others
    /// (missing or unreadable input, no input at all) are usage errors that stop the command.
    pub fn is_content(&self) -> bool {
        matches!(
            self,
            ManifestError::Syntax { .. }
                | ManifestError::Binary { .. }
                | ManifestError::NotUtf8 { .. }
                | ManifestError::TooLarge { .. }
                | ManifestError::Empty { .. }
        )
    }

    /// A short name for the cause, the `reason` of `--error-format json`.
    pub fn reason(&self) -> &'static str {
        match self {
            ManifestError::Io { .. } => "Unreadable",
            ManifestError::NotFound { .. } => "FileNotFound",
            ManifestError::TooLarge { .. } => "TooLarge",
            ManifestError::Binary { .. } => "Binary",
            ManifestError::NotUtf8 { .. } => "NotUTF8",
            ManifestError::Syntax { .. } => "SyntaxError",
            ManifestError::NoManifests { .. } => "NoManifests",
            ManifestError::Url { .. } => "URLNotSupported",
            ManifestError::NoInput => "NoInput",
            ManifestError::Empty { .. } => "Empty",
        }
    }

    /// Where in the file the error is, when it is at one place.
    pub fn position(&self) -> Option<Position> {
        match self {
            ManifestError::Syntax { line, column, .. } => Some(Position {
                line: *line,
                column: *column,
            }),
            _ => None,
        }
    }
}

/// What lenient reading yields, in input order: each object read, and each file that could
/// not be read as manifests (an invalid manifest; the other files are still read).
#[derive(Debug)]
pub enum Input {
    Document(Document),
    Broken(ManifestError),
}

/// The objects of `inputs`, or the first file that could not be read as manifests.
pub fn documents_only(inputs: Vec<Input>) -> Result<Vec<Document>, ManifestError> {
    inputs
        .into_iter()
        .map(|i| match i {
            Input::Document(d) => Ok(d),
            Input::Broken(e) => Err(e),
        })
        .collect()
}

const EXTENSIONS: [&str; 3] = ["yaml", "yml", "json"];

/// Inputs from this size on are parsed in pieces on several threads.
const PARALLEL_PARSE_BYTES: usize = 1024 * 1024;

/// Reads every `-f` argument in order: files, directories (top level, or all levels with
/// `recursive`; files ending .yaml, .yml or .json, in name order) and `-` for stdin. Stops at
/// the first file that cannot be read as manifests (see [`read_inputs_each`] to go on).
pub fn read_inputs(filenames: &[String], recursive: bool) -> Result<Vec<Document>, ManifestError> {
    documents_only(read_inputs_each(filenames, recursive)?)
}

/// [`read_inputs`] that goes on past a file that is not a manifest (a syntax error, an empty
/// file named on the command line): each such file is one [`Input::Broken`] in its place.
/// Missing or unreadable input (a usage error) still stops it.
pub fn read_inputs_each(
    filenames: &[String],
    recursive: bool,
) -> Result<Vec<Input>, ManifestError> {
    if filenames.is_empty() {
        return Err(ManifestError::NoInput);
    }
    let mut inputs = Vec::new();
    for name in filenames {
        if name == "-" {
            let read = read_limited(std::io::stdin().lock(), "STDIN")
                .and_then(|text| parse_shared("STDIN", Arc::new(text)));
            push_source(&mut inputs, "STDIN", read, true)?;
            continue;
        }
        if name.starts_with("http://") || name.starts_with("https://") {
            return Err(ManifestError::Url { path: name.clone() });
        }
        let path = Path::new(name);
        let meta = fs::metadata(path).map_err(|e| io_error(name, e))?;
        if meta.is_dir() {
            let mut files = Vec::new();
            collect_dir(path, recursive, &mut files).map_err(|e| io_error(name, e))?;
            if files.is_empty() {
                return Err(ManifestError::NoManifests { path: name.clone() });
            }
            let before = inputs.len();
            for file in files {
                let shown = file.display().to_string();
                push_source(&mut inputs, &shown, read_file(&file, &shown), false)?;
            }
            // A directory of empty files names itself: its files are skipped one by one.
            if inputs.len() == before {
                inputs.push(Input::Broken(ManifestError::Empty { path: name.clone() }));
            }
        } else {
            push_source(&mut inputs, name, read_file(path, name), true)?;
        }
    }
    Ok(inputs)
}

/// Adds one source's objects, or its error when it is about the content; an empty file named
/// on its own is an error naming it (in a directory it is skipped, as kubectl skips it).
fn push_source(
    inputs: &mut Vec<Input>,
    shown: &str,
    read: Result<Vec<Document>, ManifestError>,
    named: bool,
) -> Result<(), ManifestError> {
    match read {
        Ok(docs) if docs.is_empty() && named => {
            inputs.push(Input::Broken(ManifestError::Empty { path: shown.into() }));
        }
        Ok(docs) => inputs.extend(docs.into_iter().map(Input::Document)),
        Err(e) if e.is_content() => inputs.push(Input::Broken(e)),
        Err(e) => return Err(e),
    }
    Ok(())
}

fn io_error(path: &str, e: std::io::Error) -> ManifestError {
    if e.kind() == std::io::ErrorKind::NotFound {
        ManifestError::NotFound { path: path.into() }
    } else {
        ManifestError::Io {
            path: path.into(),
            source: e,
        }
    }
}

/// The manifests in `dir`, in name order. Symbolic links to directories are not followed (as
/// kubectl's walk does not), so a link back to a parent cannot loop.
fn collect_dir(dir: &Path, recursive: bool, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            if recursive {
                collect_dir(&path, recursive, out)?;
            }
            continue;
        }
        let is_file = kind.is_file() || (kind.is_symlink() && path.is_file());
        let manifest = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e));
        if is_file && manifest {
            out.push(path);
        }
    }
    Ok(())
}

fn read_file(path: &Path, shown: &str) -> Result<Vec<Document>, ManifestError> {
    let file = fs::File::open(path).map_err(|e| io_error(shown, e))?;
    let text = read_limited(file, shown)?;
    parse_shared(shown, Arc::new(text))
}

/// Reads at most the input limit (plus one byte, to tell that it was over) and checks the text.
fn read_limited(reader: impl Read, shown: &str) -> Result<String, ManifestError> {
    let mut bytes = Vec::new();
    reader
        .take(limits::MAX_INPUT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(shown, e))?;
    if bytes.len() > limits::MAX_INPUT_BYTES {
        return Err(ManifestError::TooLarge { path: shown.into() });
    }
    text_of(bytes, shown)
}

/// The input as text: UTF-8 without NUL bytes (a leading byte-order mark is dropped).
fn text_of(bytes: Vec<u8>, shown: &str) -> Result<String, ManifestError> {
    if let Some(offset) = bytes.iter().position(|b| *b == 0) {
        return Err(ManifestError::Binary {
            path: shown.into(),
            offset,
        });
    }
    let mut text = String::from_utf8(bytes).map_err(|e| ManifestError::NotUtf8 {
        path: shown.into(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    Ok(text)
}

/// Repeated mapping keys: the line of the value kept, and the key.
pub type RepeatedKeys = Vec<(usize, String)>;

/// The documents of `text` read as a non-strict decoder reads them: a repeated key keeps its
/// last value. Returns their values (empty documents skipped) and each repeated key with the
/// line of its last value, for the local control plane to warn about as kube-apiserver does.
pub fn parse_allowing_duplicates(
    shown: &str,
    text: &str,
) -> Result<(Vec<Value>, RepeatedKeys), ManifestError> {
    let (docs, duplicates) =
        yaml::parse_allowing_duplicates(text).map_err(|e| ManifestError::Syntax {
            path: shown.into(),
            line: e.at.line,
            column: e.at.column,
            message: e.message,
        })?;
    let values = docs.into_iter().flatten().map(|d| d.value).collect();
    let lines = duplicates
        .into_iter()
        .map(|(at, key)| (at.line, key))
        .collect();
    Ok((values, lines))
}

/// Parses the text of one source (named `shown` in errors) into its objects: empty documents
/// are skipped and the items of a `kind: List` become objects of their own.
pub fn parse_source(shown: &str, text: &str) -> Result<Vec<Document>, ManifestError> {
    parse_shared(shown, Arc::new(text.to_string()))
}

/// `parse_source` on text the documents will share (no second copy of a large input).
fn parse_shared(shown: &str, shared: Arc<String>) -> Result<Vec<Document>, ManifestError> {
    // Large streams are parsed on every core (cut at document markers); small ones in one go.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let parsed = if shared.len() >= PARALLEL_PARSE_BYTES && threads > 1 {
        stream::parse_stream_parallel(&shared, threads)
    } else {
        yaml::parse_stream(&shared)
    }
    .map_err(|e| ManifestError::Syntax {
        path: shown.into(),
        line: e.at.line,
        column: e.at.column,
        message: e.message,
    })?;
    let mut docs = Vec::new();
    for doc in parsed.into_iter().flatten() {
        if is_list(&doc.value) {
            let (items, positions) = match (doc.value, doc.positions) {
                (Value::Object(mut map), pos) => {
                    let items = map.remove("items").unwrap_or(Value::Null);
                    let (item_pos, _) = pos.find("/items");
                    (items, item_pos.clone())
                }
                _ => unreachable!("is_list checked that it is an object"),
            };
            let Value::Array(items) = items else {
                let at = positions.at;
                return Err(ManifestError::Syntax {
                    path: shown.into(),
                    line: at.line,
                    column: at.column,
                    message: "a List needs an items array".into(),
                });
            };
            for (i, item) in items.into_iter().enumerate() {
                let (node, _) = positions.find(&format!("/{i}"));
                docs.push(Document {
                    source: shown.into(),
                    index: docs.len(),
                    value: item,
                    positions: node.clone(),
                    text: shared.clone(),
                });
            }
        } else {
            docs.push(Document {
                source: shown.into(),
                index: docs.len(),
                value: doc.value,
                positions: doc.positions,
                text: shared.clone(),
            });
        }
    }
    Ok(docs)
}

/// `apiVersion: v1`, `kind: List` (or any `…List` kind kubectl flattens the same way).
fn is_list(v: &Value) -> bool {
    v.get("kind")
        .and_then(Value::as_str)
        .is_some_and(|k| k == "List" || k.ends_with("List"))
        && v.get("items").is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_from_the_start_of_the_file() {
        let text = "a: 1\n---\n\n---\nkind: X\nspec:\n  m: [1, 2]\n";
        let docs = parse_source("f.yaml", text).expect("parses");
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1].index, 1);
        assert_eq!(
            docs[1].position("/spec/m/1"),
            Some(Position {
                line: 7,
                column: 10
            })
        );
        assert_eq!(
            docs[1].key_position("/spec/m"),
            Some(Position { line: 7, column: 3 })
        );
        // Absent: the closest enclosing value.
        assert_eq!(
            docs[1].position("/spec/missing"),
            Some(Position { line: 7, column: 3 })
        );
        // Reports point at a collection's key, at a scalar itself.
        assert_eq!(
            docs[1].report_position("/spec"),
            Position { line: 6, column: 1 }
        );
        assert_eq!(
            docs[1].report_position("/spec/m/0"),
            Position { line: 7, column: 7 }
        );
    }

    #[test]
    fn flattens_lists() {
        let text = "apiVersion: v1\nkind: List\nitems:\n- kind: A\n- kind: B\n  x: 1\n";
        let docs = parse_source("l.yaml", text).expect("parses");
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1].kind(), Some("B"));
        assert_eq!(
            docs[1].position("/x"),
            Some(Position { line: 6, column: 6 })
        );
    }

    #[test]
    fn a_broken_file_keeps_its_place_and_the_others_are_read() {
        let dir = tempfile::tempdir().expect("tmp");
        std::fs::write(dir.path().join("1.yaml"), "kind: A\n").expect("write");
        std::fs::write(dir.path().join("2.yaml"), "kind: [\n").expect("write");
        std::fs::write(dir.path().join("3.yaml"), "# empty\n").expect("write");
        std::fs::write(dir.path().join("4.yaml"), "kind: B\n").expect("write");
        let d = dir.path().to_string_lossy().into_owned();
        let inputs = read_inputs_each(std::slice::from_ref(&d), false).expect("read");
        let shape: Vec<String> = inputs
            .iter()
            .map(|i| match i {
                Input::Document(doc) => doc.kind().unwrap_or("").to_string(),
                Input::Broken(e) => e.reason().to_string(),
            })
            .collect();
        // The empty file in a directory is skipped; named on its own it is an error.
        assert_eq!(shape, ["A", "SyntaxError", "B"]);
        let empty = format!("{d}/3.yaml");
        let inputs = read_inputs_each(&[empty], false).expect("read");
        assert!(matches!(
            &inputs[..],
            [Input::Broken(ManifestError::Empty { .. })]
        ));
        // A missing file stops the reading: a usage error, not a per-file one.
        let missing = read_inputs_each(&[format!("{d}/nope.yaml")], false);
        assert!(matches!(missing, Err(ManifestError::NotFound { .. })));
        assert!(read_inputs(std::slice::from_ref(&d), false).is_err());
    }

    #[test]
    fn refuses_binary_and_bad_utf8() {
        assert!(matches!(
            text_of(b"a: \0".to_vec(), "x"),
            Err(ManifestError::Binary { offset: 3, .. })
        ));
        assert!(matches!(
            text_of(b"a: \xff".to_vec(), "x"),
            Err(ManifestError::NotUtf8 { offset: 3, .. })
        ));
    }
}
