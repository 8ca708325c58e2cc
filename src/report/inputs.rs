//! What the columns of a table compute from: one view's snapshot, its
//! partition, and the results several columns share, each computed once.

use crate::error::Result;
use crate::measures::Direction;
use crate::measures::brokerage::{self, Brokerage, EiIndex, EiOptions};
use crate::measures::centrality;
use crate::model::{Aggregation, Attribute, Csr, Partition, View};
use std::cell::OnceCell;

/// The snapshot of a view and the shared results its columns read.
pub struct Inputs<'v, 'g> {
    /// The view.
    pub view: &'v View<'g>,
    /// Its snapshot.
    pub csr: Csr,
    /// The partition for brokerage and the E-I index.
    pub partition: Partition,
    brokerage: OnceCell<Brokerage>,
    ei: OnceCell<EiIndex>,
    undirected: OnceCell<Csr>,
    eigen_in: OnceCell<bool>,
    eigen_out: OnceCell<bool>,
}

/// `cell`'s value, computing it with `f` the first time.
fn cached<T>(cell: &OnceCell<T>, f: impl FnOnce() -> Result<T>) -> Result<&T> {
    if let Some(x) = cell.get() {
        return Ok(x);
    }
    let x = f()?;
    Ok(cell.get_or_init(|| x))
}

impl<'v, 'g> Inputs<'v, 'g> {
    /// The inputs of `view` with the partition by `attr`.
    ///
    /// # Errors
    /// [`Error::UnknownAttribute`](crate::Error::UnknownAttribute) for a
    /// partition column that no actor has.
    pub fn new(view: &'v View<'g>, attr: &Attribute) -> Result<Self> {
        Ok(Inputs {
            view,
            csr: view.csr(),
            partition: Partition::of_view(view, attr)?,
            brokerage: OnceCell::new(),
            ei: OnceCell::new(),
            undirected: OnceCell::new(),
            eigen_in: OnceCell::new(),
            eigen_out: OnceCell::new(),
        })
    }

    /// Gould–Fernandez brokerage by the partition (computed once).
    ///
    /// # Errors
    /// As [`brokerage::brokerage`].
    pub fn brokerage(&self) -> Result<&Brokerage> {
        cached(&self.brokerage, || {
            brokerage::brokerage(&self.csr, &self.partition, &Default::default())
        })
    }

    /// The E-I index of all ties (every direction, a reciprocated pair once).
    ///
    /// # Errors
    /// As [`brokerage::ei_index`].
    pub fn ei(&self) -> Result<&EiIndex> {
        cached(&self.ei, || {
            brokerage::ei_index(
                &self.csr,
                &self.partition,
                &EiOptions {
                    direction: Direction::All,
                    ..Default::default()
                },
            )
        })
    }

    /// The snapshot read as undirected (itself when it already is).
    pub fn undirected(&self) -> &Csr {
        if !self.csr.is_directed() {
            return &self.csr;
        }
        self.undirected
            .get_or_init(|| self.csr.to_undirected(Aggregation::Sum))
    }

    /// Whether the principal eigenvector reading ties in `direction` is well
    /// defined ([`centrality::eigenvector_is_defined`]): not on an acyclic
    /// digraph, nor where the dominant eigenvalue is repeated.
    pub fn eigenvector_defined(&self, direction: Direction) -> bool {
        let cell = if direction == Direction::Out {
            &self.eigen_out
        } else {
            &self.eigen_in
        };
        *cell.get_or_init(|| {
            centrality::eigenvector_is_defined(
                &self.csr,
                &centrality::EigenvectorOptions {
                    direction,
                    ..Default::default()
                },
            )
        })
    }
}
