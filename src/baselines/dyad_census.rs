//! The uniform graph with the case's dyad census (mutual, asymmetric, null) in each layer.

use super::sample::{subset, unordered_pair, unordered_pairs};
use super::{
    LayerTies, MAX_ISOLATE_REDRAWS, check_codebook, layer_ties, masks, no_isolates, rebuild,
};
use crate::error::{Error, Result};
use crate::model::{DyadMask, Dyads, Kind, Layers, MultiplexGraph};
use crate::random::{CoprodRng, below, rng, shuffle};

/// Options of [`dyad_census`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DyadCensusOptions {
    /// The layers randomised; the others are copied from the case. Default
    /// [`Layers::All`].
    pub layers: Layers,
    /// The dyads a tie may occupy. Default [`Dyads::Codebook`] (the
    /// codebook's structural zeros; no isolate for a case without one);
    /// [`Dyads::All`] is `sna::rguman`.
    pub dyads: Dyads,
}

impl Default for DyadCensusOptions {
    fn default() -> Self {
        DyadCensusOptions {
            layers: Layers::All,
            dyads: Dyads::Codebook,
        }
    }
}

/// The dyad census `(M, A, N)` of a directed simple graph given as sorted,
/// distinct arcs between distinct nodes of `n`: mutual, asymmetric and null
/// unordered pairs.
pub(crate) fn census(n: usize, arcs: &[(u32, u32)]) -> (u64, u64, u64) {
    let reciprocated = arcs
        .iter()
        .filter(|&&(u, v)| arcs.binary_search(&(v, u)).is_ok())
        .count() as u64;
    let mutual = reciprocated / 2;
    let asym = arcs.len() as u64 - reciprocated;
    let null = unordered_pairs(n as u64) - mutual - asym;
    (mutual, asym, null)
}

/// The uniform random graph with the case's actors and, in each directed
/// layer, the case's exact dyad census.
///
/// ```text
/// for each selected directed layer with M mutual, A asymmetric and N null
/// unordered pairs {u, v} (M + A + N = n (n − 1) / 2):
///   draw M + A of the n (n − 1) / 2 pairs uniformly,
///   make a uniform M of them mutual (u → v and v → u),
///   orient each of the other A by a fair coin (u → v or v → u);
/// every digraph with census (M, A, N) has probability
///   1 / [ C(n (n − 1) / 2; M, A, N) · 2^A ]
/// Dyads::Codebook: the same census, uniformly among the digraphs whose arcs
///   the codebook allows (DyadMask::of_layer). Where every allowed pair is
///   allowed both ways (all layers but leadership) the pairs are drawn from
///   the allowed pairs as above; in leadership (party → anyone) a pair of a
///   party and a non-party can only be u → v, so: draw M mutual pairs among
///   party–party pairs, then A distinct allowed arcs uniformly, rejecting the
///   draw if two arcs share a pair or an arc falls on a mutual pair (the
///   accepted set is uniform among the valid ones). Then, for a case without
///   isolates, redraw until no actor is isolated (codebook convention 9).
/// ```
///
/// With [`Dyads::All`], layer by layer this equals `sna::rguman(1, n, mut = M, asym = A, null = N,
/// method = "exact")`, the null distribution of `sna::cug.test(g, f, cmode =
/// "dyad.census")`. An undirected layer's census is its number of ties, so it
/// is drawn as in [`gnm`](super::gnm).
///
/// Edge cases: a layer with no tie stays empty; self-loops are copied, never
/// drawn; reciprocity `2M / (2M + A)` and density are those of the case.
///
/// Complexity: `O(n + Σ m_ℓ log m_ℓ)`.
///
/// ```
/// use coprod::baselines::{DyadCensusOptions, dyad_census};
/// let case = coprod::cases::load("x_district").unwrap();
/// let null = dyad_census(&case, &DyadCensusOptions::default(), 1).unwrap();
/// assert_eq!(null.count_by_layer(), case.count_by_layer());
/// ```
///
/// # Errors
/// [`Error::UnknownLayer`](crate::Error::UnknownLayer) for a layer name the
/// case lacks.
///
/// # References
/// Holland, P. W. & Leinhardt, S. (1976). Local structure in social networks.
/// *Sociological Methodology* 7, 1–45. <https://doi.org/10.2307/270703>.
/// Anderson, B. S., Butts, C. T. & Carley, K. M. (1999). The interaction of
/// size and density with graph-level indices. *Social Networks* 21(3), 239–267.
/// <https://doi.org/10.1016/S0378-8733(99)00011-8>
pub fn dyad_census(
    case: &MultiplexGraph,
    options: &DyadCensusOptions,
    seed: u64,
) -> Result<MultiplexGraph> {
    dyad_census_with(case, options, &mut rng(seed))
}

/// [`dyad_census`] drawing from a given generator (an ensemble's stream).
pub(crate) fn dyad_census_with(
    case: &MultiplexGraph,
    options: &DyadCensusOptions,
    rng: &mut CoprodRng,
) -> Result<MultiplexGraph> {
    check_codebook(case, options.dyads)?;
    let n = case.actor_count();
    let template = layer_ties(case, &options.layers)?;
    let masks = masks(case, &template, options.dyads)?;
    let layers = no_isolates(case, options.dyads, "dyad census", || {
        let mut layers = template.clone();
        for (lt, mask) in layers.iter_mut().zip(&masks) {
            let Some(mask) = mask else { continue };
            lt.pairs = match options.dyads {
                Dyads::All => unconstrained(rng, n, lt),
                Dyads::Codebook => constrained(rng, case, lt, mask)?,
            };
        }
        Ok(layers)
    })?;
    rebuild(case, &layers)
}

/// The census draw over every pair (`sna::rguman`, exact).
fn unconstrained(rng: &mut CoprodRng, n: usize, lt: &LayerTies) -> Vec<(u32, u32)> {
    census_on(rng, n, lt, |rng, m| {
        subset(rng, unordered_pairs(n as u64), m)
            .into_iter()
            .map(unordered_pair)
            .map(|(u, v)| (u as u32, v as u32))
            .collect()
    })
}

/// Draw `M + A` pairs with `pairs`, make `M` of them mutual and orient the
/// others by a coin (an undirected layer: the pairs are the ties).
fn census_on(
    rng: &mut CoprodRng,
    n: usize,
    lt: &LayerTies,
    pairs: impl FnOnce(&mut CoprodRng, u64) -> Vec<(u32, u32)>,
) -> Vec<(u32, u32)> {
    let (mutual, asym) = if lt.directed {
        let (m, a, _) = census(n, &lt.pairs);
        (m, a)
    } else {
        (0, lt.pairs.len() as u64)
    };
    let mut dyads = pairs(rng, mutual + asym);
    if !lt.directed {
        dyads.sort_unstable();
        return dyads;
    }
    shuffle(rng, &mut dyads);
    let mut arcs = Vec::with_capacity((2 * mutual + asym) as usize);
    for (i, &(u, v)) in dyads.iter().enumerate() {
        if (i as u64) < mutual {
            arcs.extend([(u, v), (v, u)]);
        } else if below(rng, 2) == 0 {
            arcs.push((u, v));
        } else {
            arcs.push((v, u));
        }
    }
    arcs.sort_unstable();
    arcs
}

/// The census draw within the codebook's mask of the layer.
fn constrained(
    rng: &mut CoprodRng,
    case: &MultiplexGraph,
    lt: &LayerTies,
    mask: &DyadMask,
) -> Result<Vec<(u32, u32)>> {
    let n = case.actor_count();
    // Some allowed arc whose reverse is not allowed: the leadership rule
    // (party → non-party).
    let one_way = lt.directed
        && case.layer(lt.layer).name == "leadership"
        && case.actors().any(|a| a.kind != Kind::Party);
    if !one_way {
        // Every allowed pair is allowed both ways: the pairs of the
        // undirected mask (arena–arena excluded), as in the unconstrained draw.
        let arena: Vec<bool> = case.actors().map(|a| a.kind == Kind::Arena).collect();
        let pairs = DyadMask::new(false, arena, vec![true; n]);
        return Ok(census_on(rng, n, lt, |rng, m| {
            subset(rng, pairs.count(), m)
                .into_iter()
                .map(|k| pairs.nth(k))
                .collect()
        }));
    }
    let (mutual, asym, _) = census(n, &lt.pairs);
    let party: Vec<u32> = case
        .actors()
        .enumerate()
        .filter(|(_, a)| a.kind == Kind::Party)
        .map(|(i, _)| i as u32)
        .collect();
    for _ in 0..MAX_ISOLATE_REDRAWS {
        let mut arcs: Vec<(u32, u32)> = Vec::with_capacity((2 * mutual + asym) as usize);
        let mut pairs = std::collections::BTreeSet::new();
        for k in subset(rng, unordered_pairs(party.len() as u64), mutual) {
            let (i, j) = unordered_pair(k);
            let (u, v) = (party[i as usize], party[j as usize]);
            arcs.extend([(u, v), (v, u)]);
            pairs.insert((u, v));
        }
        let mut ok = true;
        for k in subset(rng, mask.count(), asym) {
            let (u, v) = mask.nth(k);
            if !pairs.insert((u.min(v), u.max(v))) {
                ok = false;
                break;
            }
            arcs.push((u, v));
        }
        if ok {
            arcs.sort_unstable();
            return Ok(arcs);
        }
    }
    Err(Error::InvalidParameter {
        name: "dyads",
        reason: format!(
            "dyad census: no draw of layer `{}` in {MAX_ISOLATE_REDRAWS} without two arcs on one \
             pair (the layer is too dense in its allowed arcs for the rejection draw)",
            case.layer(lt.layer).name
        ),
    })
}
