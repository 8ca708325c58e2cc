//! Reusable buffers of one single-source shortest-path run.

use super::{bfs, dijkstra};
use crate::measures::{Direction, EdgeLength};
use crate::model::Csr;

/// Per-worker buffers of a single-source shortest-path run.
pub(crate) struct Sp {
    pub(crate) hops: Vec<u32>,
    pub(crate) dist: Vec<f64>,
    pub(crate) order: Vec<u32>,
}

impl Sp {
    pub(crate) fn new() -> Sp {
        Sp {
            hops: Vec::new(),
            dist: Vec::new(),
            order: Vec::new(),
        }
    }

    /// Run from `s`; afterwards `order` holds the reached nodes and
    /// [`Sp::d`] their distances.
    pub(crate) fn run(&mut self, g: &Csr, s: usize, dir: Direction, w: EdgeLength) {
        match w {
            EdgeLength::Hops => bfs(g, s, dir, &mut self.hops, &mut self.order),
            EdgeLength::Weight => dijkstra(g, s, dir, &mut self.dist, &mut self.order),
        }
    }

    /// Distance of a node reached by the last run.
    #[inline]
    pub(crate) fn d(&self, v: usize, weighted: bool) -> f64 {
        if weighted {
            self.dist[v]
        } else {
            self.hops[v] as f64
        }
    }
}
