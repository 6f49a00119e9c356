//! Field paths as Kubernetes prints them (`spec.targetRefs[0].name`) and as JSON pointers
//! (`/spec/targetRefs/0/name`), built together while walking an object.

use crate::manifest::pointer_token;

#[derive(Debug, Clone)]
enum Seg {
    Key(String),
    Index(usize),
}

/// Where the walk is: the steps from the object's root.
#[derive(Debug, Clone, Default)]
pub struct FieldPath {
    segs: Vec<Seg>,
}

impl FieldPath {
    pub fn root() -> Self {
        FieldPath::default()
    }

    pub fn key(&self, name: &str) -> Self {
        let mut p = self.clone();
        p.segs.push(Seg::Key(name.to_string()));
        p
    }

    pub fn index(&self, i: usize) -> Self {
        let mut p = self.clone();
        p.segs.push(Seg::Index(i));
        p
    }

    /// `spec.retry.numRetries`, `spec.targetRefs[0]`; the root is the empty string.
    pub fn render(&self) -> String {
        let mut s = String::new();
        for seg in &self.segs {
            match seg {
                Seg::Key(k) => {
                    if !s.is_empty() {
                        s.push('.');
                    }
                    s.push_str(k);
                }
                Seg::Index(i) => {
                    s.push('[');
                    s.push_str(&i.to_string());
                    s.push(']');
                }
            }
        }
        s
    }

    /// The same place as a JSON pointer.
    pub fn pointer(&self) -> String {
        let mut s = String::new();
        for seg in &self.segs {
            s.push('/');
            match seg {
                Seg::Key(k) => s.push_str(&pointer_token(k)),
                Seg::Index(i) => s.push_str(&i.to_string()),
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_both_forms() {
        let p = FieldPath::root()
            .key("spec")
            .key("targetRefs")
            .index(0)
            .key("a/b");
        assert_eq!(p.render(), "spec.targetRefs[0].a/b");
        assert_eq!(p.pointer(), "/spec/targetRefs/0/a~1b");
    }
}
