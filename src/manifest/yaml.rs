//! Builds JSON values from one YAML (or JSON) text, one event at a time, keeping the position of
//! every value, and refusing hostile input early: nesting depth, document size, value count and
//! alias expansion are all bounded before any memory is spent on them.

use super::limits::{
    DOCUMENT_COST, MAX_ALIAS_NODES, MAX_DEPTH, MAX_DOCUMENT_CHARS, MAX_DOCUMENT_VALUES, MAX_VALUES,
};
use super::position::{PosChildren, PosNode, Position};
use super::scalar::{resolve_key, resolve_plain};
use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Span};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Why a text could not be read as YAML, with where (line and column from the start of the text).
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub at: Position,
    pub message: String,
}

/// One parsed document: its value and the positions of everything in it.
#[derive(Debug)]
pub struct ParsedDocument {
    pub value: Value,
    pub positions: PosNode,
}

fn pos(span: &Span) -> Position {
    Position {
        line: span.start.line(),
        column: span.start.col() + 1,
    }
}

fn err(at: Position, message: impl Into<String>) -> SyntaxError {
    SyntaxError {
        at,
        message: message.into(),
    }
}

fn scan_err(e: &ScanError) -> SyntaxError {
    let m = e.marker();
    err(
        Position {
            line: m.line(),
            column: m.col() + 1,
        },
        e.info().to_string(),
    )
}

/// An open collection. Its children wait in the builder's scratch lists (from `start` on)
/// until it closes, so each array and map is allocated once, at its final size.
enum Frame {
    Seq {
        start: usize,
        at: Position,
        anchor: usize,
    },
    Map {
        start: usize,
        /// The key waiting for its value.
        key: Option<(String, Position)>,
        at: Position,
        anchor: usize,
    },
}

/// One entry of an open mapping.
struct Entry {
    key: String,
    key_at: Position,
    value: Value,
    pos: PosNode,
}

/// Children of the open collections, shared by all documents of a piece of text.
#[derive(Default)]
struct Scratch {
    items: Vec<(Value, PosNode)>,
    entries: Vec<Entry>,
}

/// A value just completed, on its way to its parent.
struct Built {
    value: Value,
    pos: PosNode,
    /// How many values it holds (itself included), for the alias budget.
    nodes: usize,
}

struct Builder<'b> {
    stack: Vec<Frame>,
    /// Handed from one document's builder to the next, so its lists keep their room.
    scratch: Scratch,
    /// Values (with their sizes) by anchor id, for aliases.
    anchors: HashMap<usize, (Value, usize)>,
    alias_nodes: usize,
    doc_start: usize,
    /// Values built so far in this input (every document, every chunk), against `MAX_VALUES`.
    values: &'b AtomicUsize,
    /// Values built so far in this document, against `MAX_DOCUMENT_VALUES`.
    doc_values: usize,
    /// Node counts of the open collections, parallel to `stack`.
    counts: Vec<usize>,
    done: Option<Built>,
    /// When set, a repeated key keeps its last value and is recorded here (position of the
    /// value, key) instead of failing: what a non-strict decoder does, for a caller to warn.
    duplicates: Option<Vec<(Position, String)>>,
}

impl<'b> Builder<'b> {
    fn new(doc_start: usize, values: &'b AtomicUsize, mut scratch: Scratch) -> Self {
        scratch.items.clear();
        scratch.entries.clear();
        Builder {
            // Room for the nesting of a typical policy, so most documents never regrow these.
            stack: Vec::with_capacity(16),
            scratch,
            anchors: HashMap::new(),
            alias_nodes: 0,
            doc_start,
            values,
            doc_values: 0,
            counts: Vec::with_capacity(16),
            done: None,
            duplicates: None,
        }
    }

    fn open(&mut self, frame: Frame, at: Position) -> Result<(), SyntaxError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(err(
                at,
                format!("nesting deeper than {MAX_DEPTH} levels is not supported"),
            ));
        }
        self.stack.push(frame);
        self.counts.push(1);
        Ok(())
    }

    fn open_seq(&mut self, at: Position, anchor: usize) -> Result<(), SyntaxError> {
        let start = self.scratch.items.len();
        self.open(Frame::Seq { start, at, anchor }, at)
    }

    fn open_map(&mut self, at: Position, anchor: usize) -> Result<(), SyntaxError> {
        let start = self.scratch.entries.len();
        self.open(
            Frame::Map {
                start,
                key: None,
                at,
                anchor,
            },
            at,
        )
    }

    /// Hands a finished value to the collection it belongs to (or makes it the document).
    fn push(&mut self, built: Built) -> Result<(), SyntaxError> {
        if let Some(c) = self.counts.last_mut() {
            *c += built.nodes;
        }
        match self.stack.last_mut() {
            None => self.done = Some(built),
            Some(Frame::Seq { .. }) => self.scratch.items.push((built.value, built.pos)),
            Some(Frame::Map { key, .. }) => match key.take() {
                None => {
                    let at = built.pos.at;
                    let name = match built.value {
                        Value::String(s) => s,
                        Value::Object(_) | Value::Array(_) => {
                            return Err(err(at, "mapping keys must be scalars"));
                        }
                        other => other.to_string(),
                    };
                    *key = Some((name, at));
                }
                Some((name, key_at)) => self.scratch.entries.push(Entry {
                    key: name,
                    key_at,
                    value: built.value,
                    pos: built.pos,
                }),
            },
        }
        Ok(())
    }

    /// Keeps a copy of an anchored value for its aliases; the copy counts against the budget
    /// (nested anchors would otherwise copy the same values once per level).
    fn remember(&mut self, anchor: usize, built: &Built) -> Result<(), SyntaxError> {
        if anchor > 0 {
            self.spend(built.nodes, built.pos.at)?;
            self.anchors
                .insert(anchor, (built.value.clone(), built.nodes));
        }
        Ok(())
    }

    fn close(&mut self, at_end: Position) -> Result<(), SyntaxError> {
        let frame = self
            .stack
            .pop()
            .ok_or_else(|| err(at_end, "unbalanced collection end"))?;
        let nodes = self.counts.pop().unwrap_or(1);
        let (built, anchor) = match frame {
            Frame::Seq { start, at, anchor } => {
                let n = self.scratch.items.len() - start;
                let mut items = Vec::with_capacity(n);
                let mut pos = Vec::with_capacity(n);
                for (value, p) in self.scratch.items.drain(start..) {
                    items.push(value);
                    pos.push(p);
                }
                let node = PosNode {
                    at,
                    key_at: None,
                    children: PosChildren::Seq(pos),
                };
                (
                    Built {
                        value: Value::Array(items),
                        pos: node,
                        nodes,
                    },
                    anchor,
                )
            }
            Frame::Map {
                start,
                key,
                at,
                anchor,
            } => {
                if let Some((_, key_at)) = key {
                    return Err(err(key_at, "mapping key without a value"));
                }
                let (map, pos) = build_map(
                    self.scratch.entries.drain(start..),
                    self.duplicates.as_mut(),
                )?;
                let node = PosNode {
                    at,
                    key_at: None,
                    children: PosChildren::Map(pos),
                };
                (
                    Built {
                        value: Value::Object(map),
                        pos: node,
                        nodes,
                    },
                    anchor,
                )
            }
        };
        self.remember(anchor, &built)?;
        self.push(built)
    }

    /// Counts `n` more values against the budget of the whole input.
    fn spend(&mut self, n: usize, at: Position) -> Result<(), SyntaxError> {
        self.doc_values += n;
        if self.doc_values > MAX_DOCUMENT_VALUES {
            return Err(err(
                at,
                format!("document holds more than {MAX_DOCUMENT_VALUES} values"),
            ));
        }
        if self.values.fetch_add(n, Ordering::Relaxed) + n > MAX_VALUES {
            return Err(err(
                at,
                format!("input holds more than {MAX_VALUES} values; split it into smaller files"),
            ));
        }
        Ok(())
    }

    fn expecting_key(&self) -> bool {
        matches!(self.stack.last(), Some(Frame::Map { key: None, .. }))
    }
}

type MapPositions = Vec<(Box<str>, PosNode)>;

/// A mapping from its entries in source order: duplicate keys are refused, except that an
/// explicit key may override one brought in by a `<<` merge.
fn build_map(
    entries: impl ExactSizeIterator<Item = Entry>,
    mut duplicates: Option<&mut Vec<(Position, String)>>,
) -> Result<(Map<String, Value>, MapPositions), SyntaxError> {
    let mut map = Map::with_capacity(entries.len());
    let mut pos: MapPositions = Vec::with_capacity(entries.len());
    let mut merged: Vec<String> = Vec::new();
    for e in entries {
        if e.key == "<<" {
            merge_into(&mut map, &mut pos, &mut merged, e.value, e.pos.at, e.key_at)?;
            continue;
        }
        let mut node = e.pos;
        node.key_at = Some(e.key_at);
        let boxed: Box<str> = e.key.as_str().into();
        match map.entry(e.key) {
            serde_json::map::Entry::Vacant(slot) => {
                slot.insert(e.value);
            }
            serde_json::map::Entry::Occupied(mut slot) => {
                match merged.iter().position(|m| m == slot.key()) {
                    Some(i) => {
                        merged.remove(i);
                    }
                    None => match duplicates.as_mut() {
                        Some(found) => found.push((node.at, slot.key().clone())),
                        None => {
                            return Err(err(e.key_at, format!("duplicate key {:?}", slot.key())));
                        }
                    },
                }
                pos.retain(|(k, _)| **k != **slot.key());
                slot.insert(e.value);
            }
        }
        pos.push((boxed, node));
    }
    Ok((map, pos))
}

/// Entries of a `<<: *base` merge (a mapping or a list of mappings) that the mapping lacks.
fn merge_into(
    map: &mut Map<String, Value>,
    pos: &mut MapPositions,
    merged: &mut Vec<String>,
    value: Value,
    value_at: Position,
    key_at: Position,
) -> Result<(), SyntaxError> {
    let wrong = || err(key_at, "a << merge takes a mapping or a list of mappings");
    let sources = match value {
        Value::Object(m) => vec![m],
        Value::Array(items) => items
            .into_iter()
            .map(|v| match v {
                Value::Object(m) => Ok(m),
                _ => Err(wrong()),
            })
            .collect::<Result<_, _>>()?,
        _ => return Err(wrong()),
    };
    for source in sources {
        for (k, v) in source {
            if !map.contains_key(&k) {
                pos.push((k.as_str().into(), PosNode::leaf(value_at, Some(key_at))));
                merged.push(k.clone());
                map.insert(k, v);
            }
        }
    }
    Ok(())
}

/// Parses every document of `text`; empty documents come back as `None` so that callers can
/// count them (positions stay right) and skip them.
pub fn parse_stream(text: &str) -> Result<Vec<Option<ParsedDocument>>, SyntaxError> {
    parse_chunk(text, &AtomicUsize::new(0))
}

/// Parses every document of `text`, counting its values against the shared budget `values`.
pub(super) fn parse_chunk(
    text: &str,
    values: &AtomicUsize,
) -> Result<Vec<Option<ParsedDocument>>, SyntaxError> {
    parse_events(text, values, false).map(|(docs, _)| docs)
}

/// Parses every document of `text` as a non-strict decoder does: a repeated key keeps its last
/// value. Returns the documents and each repeated key with the position of its last value.
pub fn parse_allowing_duplicates(text: &str) -> Result<Parsed, SyntaxError> {
    parse_events(text, &AtomicUsize::new(0), true)
}

/// Documents, and the repeated keys found with the position of their last value.
pub type Parsed = (Vec<Option<ParsedDocument>>, Vec<(Position, String)>);

fn parse_events(text: &str, values: &AtomicUsize, lenient: bool) -> Result<Parsed, SyntaxError> {
    let mut duplicates = Vec::new();
    let mut parser = Parser::new_from_str(text);
    let mut docs = Vec::new();
    let mut scratch = Scratch::default();
    let mut builder: Option<Builder> = None;
    while let Some(next) = parser.next_event() {
        let (event, span) = next.map_err(|e| scan_err(&e))?;
        let at = pos(&span);
        if let Some(b) = builder.as_ref()
            && span.start.index().saturating_sub(b.doc_start) > MAX_DOCUMENT_CHARS
        {
            return Err(err(
                at,
                format!(
                    "document is larger than {} MiB, the API server's request limit",
                    MAX_DOCUMENT_CHARS / (1024 * 1024)
                ),
            ));
        }
        match event {
            Event::StreamStart | Event::Nothing => {}
            Event::StreamEnd => break,
            Event::DocumentStart(_) => {
                let mut b = Builder::new(span.start.index(), values, std::mem::take(&mut scratch));
                b.duplicates = lenient.then(Vec::new);
                b.spend(DOCUMENT_COST, at)?;
                builder = Some(b);
            }
            Event::DocumentEnd => {
                let b = builder.take().map(|mut b| {
                    scratch = std::mem::take(&mut b.scratch);
                    duplicates.extend(b.duplicates.take().unwrap_or_default());
                    b
                });
                docs.push(b.and_then(|b| b.done).and_then(|built| match built.value {
                    Value::Null => None,
                    value => Some(ParsedDocument {
                        value,
                        positions: built.pos,
                    }),
                }));
            }
            Event::Alias(id) => {
                let b = builder
                    .as_mut()
                    .ok_or_else(|| err(at, "alias outside a document"))?;
                let (value, nodes) = b
                    .anchors
                    .get(&id)
                    .cloned()
                    .ok_or_else(|| err(at, "alias to an unknown anchor"))?;
                b.alias_nodes += nodes;
                if b.alias_nodes > MAX_ALIAS_NODES {
                    return Err(err(
                        at,
                        format!(
                            "aliases expand to more than {MAX_ALIAS_NODES} values (a \"billion laughs\" document?)"
                        ),
                    ));
                }
                b.spend(nodes, at)?;
                b.push(Built {
                    value,
                    pos: PosNode::leaf(at, None),
                    nodes,
                })?;
            }
            Event::Scalar(text, style, anchor, tag) => {
                let b = builder
                    .as_mut()
                    .ok_or_else(|| err(at, "value outside a document"))?;
                let plain = style == ScalarStyle::Plain;
                let forced_string = tag
                    .as_ref()
                    .is_some_and(|t| t.handle == "tag:yaml.org,2002:" && t.suffix == "str");
                let value = if b.expecting_key() {
                    Value::String(if plain && !forced_string {
                        resolve_key(text)
                    } else {
                        text.into_owned()
                    })
                } else if plain && !forced_string {
                    resolve_plain(text)
                } else {
                    Value::String(text.into_owned())
                };
                let built = Built {
                    value,
                    pos: PosNode::leaf(at, None),
                    nodes: 1,
                };
                b.spend(1, at)?;
                b.remember(anchor, &built)?;
                b.push(built)?;
            }
            Event::SequenceStart(anchor, _) => {
                let b = builder
                    .as_mut()
                    .ok_or_else(|| err(at, "sequence outside a document"))?;
                b.open_seq(at, anchor)?;
                b.spend(1, at)?;
            }
            Event::MappingStart(anchor, _) => {
                let b = builder
                    .as_mut()
                    .ok_or_else(|| err(at, "mapping outside a document"))?;
                b.open_map(at, anchor)?;
                b.spend(1, at)?;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let b = builder
                    .as_mut()
                    .ok_or_else(|| err(at, "collection end outside a document"))?;
                b.close(at)?;
            }
        }
    }
    Ok((docs, duplicates))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn one(text: &str) -> Value {
        let docs = parse_stream(text).expect("parses");
        docs.into_iter()
            .flatten()
            .next()
            .expect("one document")
            .value
    }

    #[test]
    fn reads_scalars_as_kubernetes_does() {
        let v = one("a: yes\nb: 'yes'\nc: 010\nd: 1e3\ne: ~\nf: 0x1f\ng: 1_000\nh: on\ni: 1.5\n");
        assert_eq!(
            v,
            json!({"a": true, "b": "yes", "c": 8, "d": 1000, "e": null, "f": 31, "g": 1000, "h": true, "i": 1.5})
        );
    }

    #[test]
    fn merges_and_aliases() {
        let v = one("base: &b {x: 1, z: 2}\nuse:\n  <<: *b\n  z: 3\n");
        assert_eq!(v["use"], json!({"x": 1, "z": 3}));
    }

    #[test]
    fn merges_never_override_explicit_keys() {
        let v = one("m: {a: 1, <<: {a: 2, b: 3}}\n");
        assert_eq!(v["m"], json!({"a": 1, "b": 3}));
        let v = one("m: {<<: [{a: 2}, {a: 4, c: 5}], a: 1}\n");
        assert_eq!(v["m"], json!({"a": 1, "c": 5}));
        let e = parse_stream("m: {<<: {a: 2}, a: 1, a: 3}\n").expect_err("duplicate");
        assert!(e.message.contains("duplicate key \"a\""), "{}", e.message);
    }

    #[test]
    fn refuses_duplicate_keys() {
        let e = parse_stream("a: 1\na: 2\n").expect_err("duplicate");
        assert_eq!(e.at, Position { line: 2, column: 1 });
        assert!(e.message.contains("duplicate key \"a\""), "{}", e.message);
    }

    #[test]
    fn bounds_depth_and_aliases() {
        let flow = "[".repeat(10_000);
        assert!(parse_stream(&flow).is_err());
        let block: String = (0..200).map(|i| format!("{}k:\n", " ".repeat(i))).collect();
        let e = parse_stream(&block).expect_err("deep");
        assert!(e.message.contains("nesting"), "{}", e.message);
        let mut laughs = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..9 {
            let prev = (b'a' + i - 1) as char;
            let cur = (b'a' + i) as char;
            laughs.push_str(&format!(
                "{cur}: &{cur} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
        }
        assert!(
            parse_stream(&laughs)
                .expect_err("laughs")
                .message
                .contains("aliases")
        );
    }

    #[test]
    fn empty_documents_are_none() {
        let docs = parse_stream("---\n---\na: 1\n---\n# only a comment\n").expect("parses");
        assert_eq!(docs.iter().filter(|d| d.is_some()).count(), 1);
    }
}
