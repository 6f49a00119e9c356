//! Where each value of a document was written, stored as a tree that mirrors the value, so a
//! JSON pointer (`/spec/targetRefs/0/name`) finds its line and column without a second parse.

/// A place in a source file: line and column, both counted from 1, the line from the start of
/// the file (across `---` separators), the column in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// The position of one value and of everything inside it.
#[derive(Debug, Clone)]
pub struct PosNode {
    /// Where the value starts.
    pub at: Position,
    /// Where its key starts, for a mapping entry.
    pub key_at: Option<Position>,
    pub children: PosChildren,
}

#[derive(Debug, Clone)]
pub enum PosChildren {
    Leaf,
    Seq(Vec<PosNode>),
    /// Entries in source order (keys are unique: duplicates are refused when reading).
    Map(Vec<(Box<str>, PosNode)>),
}

impl PosNode {
    pub fn leaf(at: Position, key_at: Option<Position>) -> Self {
        PosNode {
            at,
            key_at,
            children: PosChildren::Leaf,
        }
    }

    /// Moves every position `lines` lines down (for a piece parsed apart from the text before it).
    pub fn shift_lines(&mut self, lines: usize) {
        self.at.line += lines;
        if let Some(k) = self.key_at.as_mut() {
            k.line += lines;
        }
        match &mut self.children {
            PosChildren::Leaf => {}
            PosChildren::Seq(items) => items.iter_mut().for_each(|n| n.shift_lines(lines)),
            PosChildren::Map(entries) => entries.iter_mut().for_each(|(_, n)| n.shift_lines(lines)),
        }
    }

    /// The node a JSON pointer names, or the deepest node on its way when the rest is missing
    /// (a required field that is absent points at its parent). The flag says whether it was exact.
    pub fn find(&self, pointer: &str) -> (&PosNode, bool) {
        let mut node = self;
        if pointer.is_empty() {
            return (node, true);
        }
        for raw in pointer.trim_start_matches('/').split('/') {
            let token = raw.replace("~1", "/").replace("~0", "~");
            let next = match &node.children {
                PosChildren::Leaf => None,
                PosChildren::Seq(items) => token.parse::<usize>().ok().and_then(|i| items.get(i)),
                PosChildren::Map(entries) => {
                    entries.iter().find(|(k, _)| **k == *token).map(|(_, n)| n)
                }
            };
            match next {
                Some(n) => node = n,
                None => return (node, false),
            }
        }
        (node, true)
    }
}

/// Escapes one JSON pointer token (`a/b` becomes `a~1b`).
pub fn pointer_token(token: &str) -> String {
    if token.contains(['~', '/']) {
        token.replace('~', "~0").replace('/', "~1")
    } else {
        token.to_string()
    }
}
