//! A set of actors of a snapshot: the one type every group measure takes.

use crate::error::{Error, Result};

/// A set of nodes of a snapshot of `n` nodes (dense indices `0..n`): a core,
/// a group, the actors to remove.
///
/// Members are kept sorted and without repeats, together with a membership
/// mask, so a measure can both iterate over the members and test membership
/// in `O(1)`. A node set knows the size of the snapshot it belongs to, and
/// every measure that takes one checks it against the graph
/// ([`Error::SizeMismatch`]), so a set built for one view cannot silently be
/// read on another. Build one from a view by id or kind with
/// [`View::node_set`](super::View::node_set) and
/// [`View::node_set_of_kind`](super::View::node_set_of_kind).
///
/// ```
/// use coprod::model::NodeSet;
/// let s = NodeSet::new(5, [3, 1, 3]).unwrap();
/// assert_eq!(s.members(), [1, 3]);
/// assert!(s.contains(3) && !s.contains(0));
/// assert_eq!(s.complement().members(), [0, 2, 4]);
/// assert!(NodeSet::new(5, [5]).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NodeSet {
    members: Vec<u32>,
    mask: Vec<bool>,
}

impl NodeSet {
    /// The set of `members` among `n` nodes (repeats count once).
    ///
    /// # Errors
    /// [`Error::NodeOutOfRange`] for a member `>= n`; [`Error::InvalidParameter`]
    /// if `n` exceeds the `u32` indices of a snapshot.
    pub fn new(n: usize, members: impl IntoIterator<Item = usize>) -> Result<NodeSet> {
        if n > u32::MAX as usize {
            return Err(Error::InvalidParameter {
                name: "n",
                reason: format!("{n} nodes is more than a snapshot indexes"),
            });
        }
        let mut mask = vec![false; n];
        for u in members {
            if u >= n {
                return Err(Error::NodeOutOfRange { index: u, n });
            }
            mask[u] = true;
        }
        Ok(NodeSet::from_mask(mask))
    }

    /// The set of the nodes `u` with `mask[u]`, among `mask.len()` nodes.
    pub fn from_mask(mask: Vec<bool>) -> NodeSet {
        let members = (0..mask.len() as u32)
            .filter(|&u| mask[u as usize])
            .collect();
        NodeSet { members, mask }
    }

    /// The empty set among `n` nodes.
    pub fn empty(n: usize) -> NodeSet {
        NodeSet::from_mask(vec![false; n])
    }

    /// The number of nodes of the snapshot the set belongs to.
    pub fn universe(&self) -> usize {
        self.mask.len()
    }

    /// The number of members.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether the set has no member.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// Whether node `u` is a member (`false` for `u` outside the snapshot).
    #[inline]
    pub fn contains(&self, u: usize) -> bool {
        self.mask.get(u).copied().unwrap_or(false)
    }

    /// The members, ascending.
    pub fn members(&self) -> &[u32] {
        &self.members
    }

    /// The members, ascending, as `usize`.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = usize> + '_ {
        self.members.iter().map(|&u| u as usize)
    }

    /// `mask()[u]` is whether `u` is a member.
    pub fn mask(&self) -> &[bool] {
        &self.mask
    }

    /// The nodes that are not members.
    pub fn complement(&self) -> NodeSet {
        NodeSet::from_mask(self.mask.iter().map(|&x| !x).collect())
    }

    /// Check that the set belongs to a snapshot of `n` nodes.
    ///
    /// # Errors
    /// [`Error::SizeMismatch`] when the set was built for another size.
    pub fn check(&self, n: usize) -> Result<()> {
        if self.universe() == n {
            Ok(())
        } else {
            Err(Error::SizeMismatch {
                what: "the node set".into(),
                expected: n,
                found: self.universe(),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_and_mask_agree() {
        let s = NodeSet::new(6, [5, 0, 2, 2]).unwrap();
        assert_eq!(s.members(), [0, 2, 5]);
        assert_eq!(s.mask(), [true, false, true, false, false, true]);
        assert_eq!(s.len(), 3);
        assert_eq!(NodeSet::from_mask(s.mask().to_vec()), s);
        assert!(NodeSet::empty(3).is_empty());
        assert!(!s.contains(99));
    }

    #[test]
    fn out_of_range_and_wrong_size_are_errors() {
        assert!(matches!(
            NodeSet::new(3, [3]),
            Err(Error::NodeOutOfRange { index: 3, n: 3 })
        ));
        assert!(matches!(
            NodeSet::empty(3).check(4),
            Err(Error::SizeMismatch {
                expected: 4,
                found: 3,
                ..
            })
        ));
    }
}
