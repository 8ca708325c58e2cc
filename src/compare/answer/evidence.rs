//! E1 (block structure by description length) and E2 (core–periphery
//! pairs) of the pre-registered answer, on one view.

use crate::error::Result;
use crate::inference::sbm::{
    BlockPosterior, BlockShare, CANNOT_DISTINGUISH_NATS, MinimizeOptions, PosteriorOptions,
    SbmOptions, candidates,
};
use crate::measures::Weights;
use crate::measures::core_periphery::{
    KmDetectOptions, QsNull, QsTestOptions, km_config_detect, km_config_qs_test,
};
use crate::model::{Aggregation, Attribute, NodeSet, Partition, View};
use serde::Serialize;

/// One candidate partition of E1.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BlockCandidate {
    /// `one_block`, `core_vs_rest`, `core_plus_sectors`, `sectors` or `best_found`.
    pub name: String,
    /// Its number of blocks.
    pub blocks: usize,
    /// Its description length Σ, in nats.
    pub description_length: f64,
    /// `Σ(one_block) − Σ(this)`: nats it saves over no structure (posterior log odds).
    pub gain_over_one_block: f64,
}

/// E1: the block structure of the view by description length
/// (degree-corrected SBM, graph-tool's default switches).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BlockEvidence {
    /// The candidates, as [`candidates`] lists them.
    pub candidates: Vec<BlockCandidate>,
    /// The structured candidate of least Σ (every candidate but `one_block`).
    pub best_structured: String,
    /// `Σ(one_block) − Σ(best_structured)`, in nats.
    pub gain: f64,
    /// `gain ≥ ln 20`.
    pub structured: bool,
    /// Blocks of the best partition found.
    pub best_blocks: usize,
    /// The best partition's block of each actor, in view order.
    pub best_partition: Vec<u32>,
    /// The block holding most core actors (the lowest such block on a tie),
    /// `None` for an empty core.
    pub core_block: Option<u32>,
    /// Core actors in that block, and in the view.
    pub core_in_block: [usize; 2],
    /// Each block's share of the ties between blocks: ties with an end in it
    /// over all ties between blocks (the shares sum to 2).
    pub between_shares: Vec<f64>,
    /// The even share `2 / B`.
    pub even_share: f64,
    /// For each sector (by label), the block that receives the largest share
    /// of its actors' ties to other blocks (the lowest on a tie; `None`
    /// for a sector with no such tie).
    pub sector_centres: Vec<(String, Option<u32>)>,
    /// Structured, ≥ half of the core in the core's block, and that block's
    /// share of the ties between blocks the largest.
    pub core_shaped: bool,
    /// Structured, and ≥ 2 distinct sector centres, the core's block among them.
    pub several_centre_blocks: bool,
    /// Structured, and the core block's share ≤ the even share.
    pub core_block_not_central: bool,
    /// The posterior over the number of blocks, `P(B = k | A)`, from the
    /// best partition found (`None` when [`BlockOptions::posterior`] is
    /// `None`). It informs the reader and does not enter the rule
    /// (amendment 3 of the pre-registration).
    pub posterior: Option<BlockPosteriorEvidence>,
}

/// Whether E1's posterior chains mixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mixing {
    /// Split `R̂` of `B` at most [`RHAT_MIXED`] and ESS of `B` at least [`ESS_MIXED`].
    Mixed,
    /// Either fails: the shares are not to be trusted at this length.
    NotMixed,
    /// No chain ever left one number of blocks: `R̂` and the ESS are
    /// undefined; that `B` has share 1 among the samples, a share mixing
    /// cannot be checked on.
    NeverMoved,
}

/// The split-`R̂` bound of [`Mixing::Mixed`] (Vehtari et al. 2021, doi:10.1214/20-BA1221).
pub const RHAT_MIXED: f64 = 1.01;
/// The effective-sample-size bound of [`Mixing::Mixed`] (of `B`, pooled over the chains).
pub const ESS_MIXED: f64 = 100.0;

/// E1's posterior over the number of blocks, as the answer prints it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BlockPosteriorEvidence {
    /// `P(B = k | A)` for every `k` sampled, with each share's ESS and MCSE.
    pub shares: Vec<BlockShare>,
    /// `P(B = 1 | A)` (0 when never sampled).
    pub one_block: f64,
    /// Its Monte-Carlo standard error `sqrt(p (1 − p) / ESS)` (`None` when
    /// the indicator never changed).
    pub one_block_mcse: Option<f64>,
    /// The `B` of largest share.
    pub map_blocks: usize,
    /// Posterior mean of `B`.
    pub mean_blocks: f64,
    /// ESS of `B` over the chains.
    pub ess_blocks: Option<f64>,
    /// Split `R̂` of `B` across the chains.
    pub rhat_blocks: Option<f64>,
    /// Chains, samples per chain, sweeps between samples, burn-in sweeps.
    pub chains: usize,
    /// Samples kept per chain.
    pub samples: usize,
    /// Sweeps between two samples.
    pub thin: usize,
    /// Sweeps discarded per chain.
    pub burn_in: usize,
    /// Whether the chains mixed.
    pub mixing: Mixing,
    /// The same in words, printed with the shares (never left out).
    pub note: String,
}

impl BlockPosteriorEvidence {
    /// Summarise a [`BlockPosterior`] for E1, with its mixing verdict.
    pub fn from_posterior(p: &BlockPosterior) -> BlockPosteriorEvidence {
        let o = &p.options;
        let mixing = match (p.rhat_blocks, p.ess_blocks) {
            (None, _) | (_, None) if p.shares.len() == 1 => Mixing::NeverMoved,
            (Some(r), Some(e)) if r <= RHAT_MIXED && e >= ESS_MIXED => Mixing::Mixed,
            _ => Mixing::NotMixed,
        };
        let f = |x: Option<f64>| x.map_or("undefined".to_string(), |v| format!("{v:.3}"));
        let note = match mixing {
            Mixing::Mixed => format!(
                "the {} chains mixed (split R-hat of B {}, ESS of B {})",
                o.chains,
                f(p.rhat_blocks),
                f(p.ess_blocks)
            ),
            Mixing::NotMixed => format!(
                "the {} chains did NOT mix (split R-hat of B {}, ESS of B {}; mixed needs R-hat <= {RHAT_MIXED} and ESS >= {ESS_MIXED}): the shares are not to be trusted at {} samples every {} sweeps",
                o.chains,
                f(p.rhat_blocks),
                f(p.ess_blocks),
                o.samples,
                o.thin
            ),
            Mixing::NeverMoved => format!(
                "no chain left B = {} in {} samples every {} sweeps (acceptance {:.3}): R-hat and ESS are undefined, so mixing is not checked",
                p.map_blocks, o.samples, o.thin, p.acceptance
            ),
        };
        BlockPosteriorEvidence {
            shares: p.shares.clone(),
            one_block: p.one_block,
            one_block_mcse: p.shares.iter().find(|s| s.blocks == 1).and_then(|s| s.mcse),
            map_blocks: p.map_blocks,
            mean_blocks: p.mean_blocks,
            ess_blocks: p.ess_blocks,
            rhat_blocks: p.rhat_blocks,
            chains: o.chains,
            samples: o.samples,
            thin: o.thin,
            burn_in: o.burn_in,
            mixing,
            note,
        }
    }
}

/// Options of E1.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockOptions {
    /// The seed of the search and of the posterior chains.
    pub seed: u64,
    /// The posterior over the number of blocks (its seed is replaced by
    /// `seed`); `None`: not sampled. Default [`e1_posterior_options`].
    pub posterior: Option<PosteriorOptions>,
}

impl Default for BlockOptions {
    fn default() -> Self {
        BlockOptions {
            seed: 0,
            posterior: Some(e1_posterior_options()),
        }
    }
}

/// E1's chains: 4 chains, 500 burn-in sweeps, 4,000 samples every 50
/// sweeps, the length measured to mix on the bundled cases' views (README,
/// "the answer": split `R̂` and ESS of `B` per case and coding).
pub fn e1_posterior_options() -> PosteriorOptions {
    PosteriorOptions {
        samples: 4_000,
        thin: 50,
        ..PosteriorOptions::default()
    }
}

/// Compute E1 on `view` with the core set `core` (dense indices of the view).
///
/// ```text
/// Σ(b)       description length of partition b (inference::sbm), nats
/// gain       Σ(one_block) − min_{b structured} Σ(b)
/// structured gain ≥ ln 20
/// T          ties u–v with b_u ≠ b_v in the best partition (arcs if directed)
/// share_r    #{ties of T with an end in r} / |T|          (Σ_r share_r = 2)
/// centre(s)  argmax_r #{ties of T from an actor of sector s to an actor in r ≠ its own block}
/// ```
///
/// With [`BlockOptions::posterior`], the posterior over the number of
/// blocks is sampled from the best partition found
/// ([`CandidateTable::add_posterior`](crate::inference::sbm::CandidateTable::add_posterior))
/// and reported with its MCSE, ESS, `R̂` and whether the chains mixed.
///
/// # Errors
/// Those of [`candidates`] and of the posterior sampler.
pub fn block_evidence(view: &View<'_>, core: &NodeSet, o: &BlockOptions) -> Result<BlockEvidence> {
    let n = view.node_count();
    let seed = o.seed;
    let mut table = candidates(
        view,
        core,
        None,
        &SbmOptions::default(),
        &MinimizeOptions::for_size(n, seed),
    )?;
    let posterior = match &o.posterior {
        Some(p) => {
            table.add_posterior(view, &PosteriorOptions { seed, ..p.clone() })?;
            table
                .posterior_blocks
                .as_ref()
                .map(BlockPosteriorEvidence::from_posterior)
        }
        None => None,
    };
    let one = table
        .candidates
        .iter()
        .find(|c| c.name == "one_block")
        .map(|c| c.description_length)
        .unwrap_or(f64::NAN);
    let rows: Vec<BlockCandidate> = table
        .candidates
        .iter()
        .map(|c| BlockCandidate {
            name: c.name.clone(),
            blocks: c.blocks,
            description_length: c.description_length,
            gain_over_one_block: one - c.description_length,
        })
        .collect();
    let best_structured = rows
        .iter()
        .filter(|c| c.name != "one_block")
        .min_by(|a, b| a.description_length.total_cmp(&b.description_length))
        .map(|c| (c.name.clone(), c.gain_over_one_block))
        .unwrap_or_else(|| ("one_block".into(), 0.0));
    let structured = best_structured.1 >= CANNOT_DISTINGUISH_NATS;
    let best = table
        .candidates
        .iter()
        .min_by(|a, b| a.description_length.total_cmp(&b.description_length))
        .map(|c| c.partition.clone())
        .unwrap_or_else(|| vec![0; n]);
    let blocks = best.iter().map(|&b| b as usize + 1).max().unwrap_or(0);
    let mut core_count = vec![0usize; blocks];
    for v in core.iter() {
        core_count[best[v] as usize] += 1;
    }
    let core_block = if core.is_empty() {
        None
    } else {
        let max = core_count.iter().copied().max().unwrap_or(0);
        core_count.iter().position(|&c| c == max).map(|b| b as u32)
    };
    let csr = view.csr();
    let sectors = Partition::of_view(view, &Attribute::Sector)?;
    let mut ends = vec![0usize; blocks];
    let mut total = 0usize;
    let mut to_block = vec![vec![0usize; blocks]; sectors.group_count()];
    for (u, v, _) in csr.edges() {
        let (u, v) = (u as usize, v as usize);
        let (bu, bv) = (best[u] as usize, best[v] as usize);
        if bu == bv {
            continue;
        }
        total += 1;
        ends[bu] += 1;
        ends[bv] += 1;
        to_block[sectors.group(u) as usize][bv] += 1;
        to_block[sectors.group(v) as usize][bu] += 1;
    }
    let between_shares: Vec<f64> = ends
        .iter()
        .map(|&e| {
            if total == 0 {
                0.0
            } else {
                e as f64 / total as f64
            }
        })
        .collect();
    let even_share = if blocks == 0 {
        0.0
    } else {
        2.0 / blocks as f64
    };
    let sector_centres: Vec<(String, Option<u32>)> = to_block
        .iter()
        .enumerate()
        .map(|(s, row)| {
            let max = row.iter().copied().max().unwrap_or(0);
            let c = (max > 0)
                .then(|| row.iter().position(|&x| x == max).map(|b| b as u32))
                .flatten();
            (sectors.labels()[s].clone(), c)
        })
        .collect();
    let largest = between_shares.iter().copied().fold(0.0_f64, f64::max);
    let core_half = core_block.is_some_and(|b| 2 * core_count[b as usize] >= core.len());
    let core_share = core_block.map(|b| between_shares[b as usize]);
    let core_shaped =
        structured && total > 0 && core_half && core_share.is_some_and(|s| s >= largest - 1e-12);
    let mut centres: Vec<u32> = sector_centres.iter().filter_map(|c| c.1).collect();
    centres.sort_unstable();
    centres.dedup();
    let several_centre_blocks =
        structured && centres.len() >= 2 && core_block.is_some_and(|b| centres.contains(&b));
    let core_block_not_central =
        structured && blocks >= 2 && core_share.is_some_and(|s| s <= even_share + 1e-12);
    Ok(BlockEvidence {
        candidates: rows,
        best_structured: best_structured.0,
        gain: best_structured.1,
        structured,
        best_blocks: blocks,
        best_partition: best,
        core_block,
        core_in_block: [core_block.map_or(0, |b| core_count[b as usize]), core.len()],
        between_shares,
        even_share,
        sector_centres,
        core_shaped,
        several_centre_blocks,
        core_block_not_central,
        posterior,
    })
}

/// One core–periphery pair of E2.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairRow {
    /// The pair's id.
    pub id: u32,
    /// Its core actors' ids, in view order.
    pub core: Vec<String>,
    /// Its periphery actors' ids, in view order.
    pub periphery: Vec<String>,
    /// Its KM-config quality `q`.
    pub quality: f64,
    /// Core actors of the case's core set among its core nodes.
    pub core_set_members: usize,
    /// (q, s) test against the exact-degree null (double-edge swaps).
    pub p: Option<f64>,
    /// `p` below the Šidák level.
    pub significant: bool,
    /// The same test against cpnet's expected-degree null (sensitivity only).
    pub p_expected_degree: Option<f64>,
}

/// E2: KM-config core–periphery pairs with the (q, s) test.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairsEvidence {
    /// The pairs, by id.
    pub pairs: Vec<PairRow>,
    /// Randomisations of each null.
    pub randomisations: usize,
    /// The Šidák level `1 − 0.95^(1/C)` for `C` pairs.
    pub sidak_level: f64,
    /// The core's pair: the pair whose core holds the most core actors (the
    /// higher quality on a tie); `None` when no pair's core holds one.
    pub core_pair: Option<u32>,
    /// Its p value (exact-degree null), the one E2 enters Holm's family with.
    pub core_pair_p: Option<f64>,
    /// Pairs other than the core's significant at the Šidák level.
    pub other_significant: usize,
}

/// Options of E2.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairsOptions {
    /// Label-switching runs (default 10, best kept).
    pub runs: usize,
    /// Randomisations of each null (default 500, as Kojaku & Masuda).
    pub randomisations: usize,
    /// The seed.
    pub seed: u64,
}

impl Default for PairsOptions {
    fn default() -> Self {
        PairsOptions {
            runs: 10,
            randomisations: 500,
            seed: 0,
        }
    }
}

/// Compute E2 on `view` (read undirected: KM-config is defined on
/// undirected graphs) with the core set `core`.
///
/// # Errors
/// Those of [`km_config_detect`] and [`km_config_qs_test`] (a view without ties).
pub fn pairs_evidence(view: &View<'_>, core: &NodeSet, o: &PairsOptions) -> Result<PairsEvidence> {
    let g = view.csr().to_undirected(Aggregation::Max);
    let division = km_config_detect(
        &g,
        &KmDetectOptions {
            runs: o.runs,
            seed: o.seed,
            weights: Weights::Ignore,
        },
    )?;
    let test = |null| {
        km_config_qs_test(
            &g,
            &division,
            &QsTestOptions {
                randomisations: o.randomisations,
                runs: o.runs,
                null,
                seed: o.seed,
                ..QsTestOptions::default()
            },
        )
    };
    let exact = test(QsNull::DegreeSwaps)?;
    let expected = test(QsNull::ExpectedDegree)?;
    let ids = view.ids();
    let pairs: Vec<PairRow> = exact
        .pairs
        .iter()
        .map(|p| {
            let members = |as_core: bool| -> Vec<String> {
                (0..ids.len())
                    .filter(|&u| division.pair[u] == p.id && division.core[u] == as_core)
                    .map(|u| ids[u].to_string())
                    .collect()
            };
            let core_set_members = (0..ids.len())
                .filter(|&u| division.pair[u] == p.id && division.core[u] && core.contains(u))
                .count();
            PairRow {
                id: p.id,
                core: members(true),
                periphery: members(false),
                quality: p.quality,
                core_set_members,
                p: p.p_value,
                significant: p.significant == Some(true),
                p_expected_degree: expected
                    .pairs
                    .iter()
                    .find(|e| e.id == p.id)
                    .and_then(|e| e.p_value),
            }
        })
        .collect();
    let core_pair = pairs
        .iter()
        .filter(|p| p.core_set_members > 0)
        .max_by(|a, b| {
            a.core_set_members
                .cmp(&b.core_set_members)
                .then(a.quality.total_cmp(&b.quality))
                .then(b.id.cmp(&a.id))
        })
        .map(|p| p.id);
    let core_pair_p = core_pair.and_then(|id| pairs.iter().find(|p| p.id == id)?.p);
    let other_significant = pairs
        .iter()
        .filter(|p| Some(p.id) != core_pair && p.significant)
        .count();
    Ok(PairsEvidence {
        pairs,
        randomisations: o.randomisations,
        sidak_level: exact.alpha,
        core_pair,
        core_pair_p,
        other_significant,
    })
}
