//! The block model with the case's exact tie counts per sector pair.

use super::sample::{ordered_pair, ordered_pairs, subset, unordered_pair, unordered_pairs};
use super::{check_codebook, layer_ties, no_isolates, rebuild};
use crate::error::Result;
use crate::model::{Attribute, Dyads, Kind, Layers, MultiplexGraph, Partition};
use crate::random::{CoprodRng, rng};
use std::collections::BTreeMap;

/// Options of [`block_model`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockOptions {
    /// The layers randomised; the others are copied from the case. Default
    /// [`Layers::All`].
    pub layers: Layers,
    /// The attribute whose groups are the blocks. Default [`Attribute::Sector`].
    pub attribute: Attribute,
    /// The dyads a tie may occupy. Default [`Dyads::Codebook`]: the
    /// attribute's groups are split by codebook class (party, arena, other
    /// actors), so the counts kept per block pair keep leadership on party
    /// sources and arenas apart (with [`Attribute::Sector`] or
    /// [`Attribute::Kind`] the split changes nothing: party and arena are
    /// sectors); and for a case without isolates the graph has none.
    /// [`Dyads::All`] is `sna::rgnmix`.
    pub dyads: Dyads,
}

impl Default for BlockOptions {
    fn default() -> Self {
        BlockOptions {
            layers: Layers::All,
            attribute: Attribute::Sector,
            dyads: Dyads::Codebook,
        }
    }
}

/// The uniform random graph with the case's actors and, in each layer, the
/// case's exact number of ties between every pair of sectors.
///
/// ```text
/// V_r: the actors of sector r (or of the chosen attribute's group r), n_r = |V_r|
/// B_ℓ(r, t): ties of layer ℓ from V_r to V_t (directed), or between V_r and
///            V_t, r ≤ t (undirected)
/// dyads of block (r, t):  n_r n_t            r ≠ t
///                         n_r (n_r − 1)      r = t, directed
///                         n_r (n_r − 1) / 2  r = t, undirected
/// each block's B_ℓ(r, t) ties are drawn uniformly among its dyads,
/// independently of the other blocks and layers
/// ```
///
/// Under the default [`Dyads::Codebook`], `V_r` are the groups split by
/// codebook class (party / arena / other; the case obeys the codebook, so a
/// block that would break it has no tie to keep), and the whole graph is
/// redrawn until no actor is isolated when the case has none.
///
/// With [`Dyads::All`], layer by layer this equals `sna::rgnmix(1, tv = sector, mix = B_ℓ, mode =
/// "digraph", method = "exact")` (`mode = "graph"` with the symmetric mixing
/// matrix for an undirected layer): the blockmodel whose expected and actual
/// mixing matrix is the case's.
///
/// Edge cases: a block with no tie stays empty; a full block stays full; a
/// layer whose ties all lie in one sector pair is G(n, m) on that pair;
/// self-loops are copied, never drawn.
///
/// Complexity: `O(n + k² + Σ m_ℓ log m_ℓ)` for `k` blocks.
///
/// ```
/// use coprod::baselines::{BlockOptions, block_model};
/// let case = coprod::cases::load("ly").unwrap();
/// let null = block_model(&case, &BlockOptions::default(), 11).unwrap();
/// assert_eq!(null.count_by_layer(), case.count_by_layer());
/// ```
///
/// # Errors
/// [`Error::UnknownLayer`](crate::Error::UnknownLayer) for a layer name the
/// case lacks; [`Error::UnknownAttribute`](crate::Error::UnknownAttribute) for
/// a column no actor has.
///
/// # References
/// Holland, P. W., Laskey, K. B. & Leinhardt, S. (1983). Stochastic
/// blockmodels: first steps. *Social Networks* 5(2), 109–137.
/// <https://doi.org/10.1016/0378-8733(83)90021-7>. Butts, C. T. (2008). Social
/// network analysis with sna. *Journal of Statistical Software* 24(6).
/// <https://doi.org/10.18637/jss.v024.i06>
pub fn block_model(
    case: &MultiplexGraph,
    options: &BlockOptions,
    seed: u64,
) -> Result<MultiplexGraph> {
    block_model_with(case, options, &mut rng(seed))
}

/// [`block_model`] drawing from a given generator (an ensemble's stream).
pub(crate) fn block_model_with(
    case: &MultiplexGraph,
    options: &BlockOptions,
    rng: &mut CoprodRng,
) -> Result<MultiplexGraph> {
    check_codebook(case, options.dyads)?;
    let part = Partition::of_graph(case, &options.attribute)?;
    let g: Vec<u32> = match options.dyads {
        Dyads::All => part.groups().to_vec(),
        Dyads::Codebook => part
            .groups()
            .iter()
            .zip(case.actors())
            .map(|(&r, a)| {
                3 * r
                    + match a.kind {
                        Kind::Party => 0,
                        Kind::Arena => 1,
                        _ => 2,
                    }
            })
            .collect(),
    };
    let groups = g.iter().map(|&r| r as usize + 1).max().unwrap_or(0);
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); groups];
    for (u, &r) in g.iter().enumerate() {
        members[r as usize].push(u as u32);
    }
    let template = layer_ties(case, &options.layers)?;
    let layers = no_isolates(case, options.dyads, "block model", || {
        let mut layers = template.clone();
        draw_blocks(&mut layers, &g, &members, rng);
        Ok(layers)
    })?;
    rebuild(case, &layers)
}

/// Each selected layer's ties redrawn within their blocks.
fn draw_blocks(
    layers: &mut [super::LayerTies],
    g: &[u32],
    members: &[Vec<u32>],
    rng: &mut CoprodRng,
) {
    for lt in layers.iter_mut().filter(|l| l.selected) {
        // Block counts in block order (a BTreeMap: deterministic iteration).
        let mut counts: BTreeMap<(u32, u32), u64> = BTreeMap::new();
        for &(u, v) in &lt.pairs {
            let (r, t) = (g[u as usize], g[v as usize]);
            let key = if lt.directed {
                (r, t)
            } else {
                (r.min(t), r.max(t))
            };
            *counts.entry(key).or_insert(0) += 1;
        }
        let mut pairs = Vec::with_capacity(lt.pairs.len());
        for (&(r, t), &m) in &counts {
            let (a, b) = (&members[r as usize], &members[t as usize]);
            let (na, nb) = (a.len() as u64, b.len() as u64);
            if r != t {
                for k in subset(rng, na * nb, m) {
                    let (x, y) = (a[(k / nb) as usize], b[(k % nb) as usize]);
                    pairs.push(if lt.directed {
                        (x, y)
                    } else {
                        (x.min(y), x.max(y))
                    });
                }
            } else if lt.directed {
                for k in subset(rng, ordered_pairs(na), m) {
                    let (i, j) = ordered_pair(na, k);
                    pairs.push((a[i as usize], a[j as usize]));
                }
            } else {
                for k in subset(rng, unordered_pairs(na), m) {
                    let (i, j) = unordered_pair(k);
                    // members are ascending, so a[i] < a[j]
                    pairs.push((a[i as usize], a[j as usize]));
                }
            }
        }
        pairs.sort_unstable();
        lt.pairs = pairs;
    }
}
