//! Field paths as Kubernetes prints them (`spec.targetRefs[0].name`) and as JSON pointers
//! (`/spec/targetRefs/0/name`). A path is a chain of borrowed steps on the walk's stack, so
//! descending costs nothing; text is only built when an error needs it.

use crate::manifest::pointer_token;

#[derive(Debug, Clone, Copy)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// Where the walk is: the last step and the path it was taken from.
#[derive(Debug, Clone, Copy, Default)]
pub struct FieldPath<'a> {
    parent: Option<&'a FieldPath<'a>>,
    step: Option<Step<'a>>,
}

impl<'a> FieldPath<'a> {
    pub fn root() -> FieldPath<'static> {
        FieldPath::default()
    }

    pub fn key<'b>(&'b self, name: &'b str) -> FieldPath<'b> {
        FieldPath {
            parent: Some(self),
            step: Some(Step::Key(name)),
        }
    }

    pub fn index(&self, i: usize) -> FieldPath<'_> {
        FieldPath {
            parent: Some(self),
            step: Some(Step::Index(i)),
        }
    }

    fn steps(&self) -> Vec<Step<'a>> {
        let mut steps = Vec::new();
        let mut at: Option<&FieldPath<'a>> = Some(self);
        while let Some(p) = at {
            if let Some(s) = p.step {
                steps.push(s);
            }
            at = p.parent;
        }
        steps.reverse();
        steps
    }

    /// `spec.retry.numRetries`, `spec.targetRefs[0]`; the root is the empty string.
    pub fn render(&self) -> String {
        let mut s = String::new();
        for step in self.steps() {
            match step {
                Step::Key(k) => {
                    if !s.is_empty() {
                        s.push('.');
                    }
                    s.push_str(k);
                }
                Step::Index(i) => s.push_str(&format!("[{i}]")),
            }
        }
        s
    }

    /// The same place as a JSON pointer.
    pub fn pointer(&self) -> String {
        let mut s = String::new();
        for step in self.steps() {
            s.push('/');
            match step {
                Step::Key(k) => s.push_str(&pointer_token(k)),
                Step::Index(i) => s.push_str(&i.to_string()),
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
        let root = FieldPath::root();
        let spec = root.key("spec");
        let refs = spec.key("targetRefs");
        let first = refs.index(0);
        let p = first.key("a/b");
        assert_eq!(p.render(), "spec.targetRefs[0].a/b");
        assert_eq!(p.pointer(), "/spec/targetRefs/0/a~1b");
        assert_eq!(root.render(), "");
    }
}
