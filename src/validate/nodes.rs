//! Facts about the embedded schema's nodes, computed once and looked up by the node's address
//! (the schema is static), so that walks can skip the parts of an object where nothing applies.

use crate::schema::Node;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Hashes a node address: one multiplication, high bits folded into the low ones (addresses
/// are aligned, so their own low bits carry nothing).
#[derive(Default)]
pub struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 29)
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

pub type ByNode<T> = HashMap<usize, T, BuildHasherDefault<AddressHasher>>;
pub type NodeSet = HashSet<usize, BuildHasherDefault<AddressHasher>>;

pub fn address(node: &Node) -> usize {
    node as *const Node as usize
}

/// The nodes under which (themselves included) some node satisfies `wanted`, following
/// properties, items and map values as object walks do.
pub fn subtrees_with(root: &Node, wanted: &dyn Fn(&Node) -> bool) -> NodeSet {
    fn walk(node: &Node, wanted: &dyn Fn(&Node) -> bool, out: &mut NodeSet) -> bool {
        let mut found = wanted(node);
        let children = node
            .properties
            .values()
            .chain(node.items.as_deref())
            .chain(node.additional_properties.as_deref());
        for child in children {
            found |= walk(child, wanted, out);
        }
        if found {
            out.insert(address(node));
        }
        found
    }
    let mut out = NodeSet::default();
    walk(root, wanted, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_subtrees_with_rules() {
        let root = &crate::schema::embedded().root;
        let with_rules = subtrees_with(root, &|n| !n.validations.is_empty());
        let spec = root.property("spec").expect("spec");
        let meta = root.property("metadata").expect("metadata");
        assert!(with_rules.contains(&address(root)));
        assert!(with_rules.contains(&address(spec)));
        assert!(!with_rules.contains(&address(meta)));
    }
}
