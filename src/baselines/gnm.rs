//! G(n, m) keeping the case's actors: the number of ties of each layer, placed uniformly.

use super::sample::subset;
use super::{check_codebook, layer_ties, masks, no_isolates, rebuild};
use crate::error::Result;
use crate::model::{Dyads, Layers, MultiplexGraph};
use crate::random::{CoprodRng, rng};

/// Options of [`gnm`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GnmOptions {
    /// The layers randomised; the others are copied from the case. Default
    /// [`Layers::All`] (every layer, `tension` included — not the views' default).
    pub layers: Layers,
    /// The dyads a tie may occupy. Default [`Dyads::Codebook`]: the
    /// codebook's structural zeros hold and, for a case without isolates,
    /// the graph has none. [`Dyads::All`] is `sna::rgnm`.
    pub dyads: Dyads,
}

impl Default for GnmOptions {
    fn default() -> Self {
        GnmOptions {
            layers: Layers::All,
            dyads: Dyads::Codebook,
        }
    }
}

/// The uniform random graph with the case's actors and, in each layer, the
/// case's number of ties: Erdős–Rényi G(n, m) layer by layer.
///
/// ```text
/// for each selected layer ℓ with m_ℓ distinct ties between distinct actors:
///   D_ℓ = the dyads ℓ may hold:
///         Dyads::All       n (n − 1) ordered pairs u ≠ v if ℓ is directed,
///                          n (n − 1) / 2 unordered pairs otherwise
///         Dyads::Codebook  those pairs minus the codebook's structural zeros
///                          (arena–arena; for leadership, a source that is not
///                          a party actor): DyadMask::of_layer
///   draw m_ℓ of the |D_ℓ| dyads, every one of the C(|D_ℓ|, m_ℓ) subsets with
///   probability 1 / C(|D_ℓ|, m_ℓ)
/// Dyads::Codebook, case without isolates: redraw the whole graph until no
///   actor is isolated in the union of the layers (the uniform distribution
///   conditioned on no isolate, convention 9 of the codebook)
/// ```
///
/// With [`Dyads::All`], layer by layer, this equals `sna::rgnm(1, n, m_ℓ,
/// mode = "digraph")` (or `mode = "graph"` for an undirected layer), the null
/// distribution of `sna::cug.test(g, f, cmode = "edges")`. With the default
/// [`Dyads::Codebook`] it is that model restricted to the graphs the codebook
/// could produce. Actors, hence counts per kind, sector and level, are the
/// case's (see the [module](super) doc).
///
/// Edge cases: a layer with no tie stays empty; a layer holding every
/// allowed dyad stays as it is; self-loops are copied, never drawn.
///
/// Complexity: `O(n + Σ m_ℓ log m_ℓ)` per draw (Floyd's exact subset
/// sampling), times the redraws for isolates (on the bundled cases, the
/// share of draws kept is printed by `tests/baselines.rs`).
///
/// ```
/// use coprod::baselines::{GnmOptions, gnm};
/// let case = coprod::cases::load("jinsong").unwrap();
/// let null = gnm(&case, &GnmOptions::default(), 7).unwrap();
/// assert_eq!(null.count_by_layer(), case.count_by_layer());
/// assert!(null.actors().eq(case.actors()));
/// assert_eq!(null, gnm(&case, &GnmOptions::default(), 7).unwrap());
/// ```
///
/// # Errors
/// [`Error::UnknownLayer`](crate::Error::UnknownLayer) for a layer name the
/// case lacks; [`Error::InvalidParameter`](crate::Error::InvalidParameter)
/// under [`Dyads::Codebook`] when the case itself breaks the codebook or no
/// draw in 10,000 is free of isolates.
///
/// # References
/// Erdős, P. & Rényi, A. (1959). On random graphs I. *Publicationes
/// Mathematicae* 6, 290–297. Bentley, J. & Floyd, R. W. (1987). A sample of
/// brilliance. *Communications of the ACM* 30(9), 754–757.
/// <https://doi.org/10.1145/30401.315746>. Butts, C. T. (2008). Social network
/// analysis with sna. *Journal of Statistical Software* 24(6).
/// <https://doi.org/10.18637/jss.v024.i06>
pub fn gnm(case: &MultiplexGraph, options: &GnmOptions, seed: u64) -> Result<MultiplexGraph> {
    gnm_with(case, options, &mut rng(seed))
}

/// [`gnm`] drawing from a given generator (an ensemble's stream).
pub(crate) fn gnm_with(
    case: &MultiplexGraph,
    options: &GnmOptions,
    rng: &mut CoprodRng,
) -> Result<MultiplexGraph> {
    check_codebook(case, options.dyads)?;
    let template = layer_ties(case, &options.layers)?;
    let masks = masks(case, &template, options.dyads)?;
    let layers = no_isolates(case, options.dyads, "gnm", || {
        let mut layers = template.clone();
        for (lt, mask) in layers.iter_mut().zip(&masks) {
            let Some(mask) = mask else { continue };
            let m = lt.pairs.len() as u64;
            lt.pairs = subset(rng, mask.count(), m)
                .into_iter()
                .map(|k| mask.nth(k))
                .collect();
            lt.pairs.sort_unstable();
        }
        Ok(layers)
    })?;
    rebuild(case, &layers)
}
