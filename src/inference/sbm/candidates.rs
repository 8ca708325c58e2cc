//! Candidate structures of a case scored side by side by description length.

use super::entropy::{SbmOptions, description_length};
use super::graph::SbmGraph;
use super::minimize::{MinimizeOptions, Minimum, minimize};
use super::posterior::{BlockPosterior, PosteriorOptions, posterior_blocks};
use crate::error::Result;
use crate::model::{Attribute, NodeSet, Partition, View};
use serde::Serialize;

/// Two description lengths closer than `ln 20 ≈ 2.996` nats cannot be told
/// apart: the posterior odds `P(b₁ | A) / P(b₂ | A) = exp(Σ₂ − Σ₁)` of the
/// better over the worse stay below 20:1.
pub const CANNOT_DISTINGUISH_NATS: f64 = 2.995_732_273_553_991;

/// How a structure compares with the best of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// The least description length of the table.
    Best,
    /// Within `ln 20` nats of the best: the data cannot distinguish them.
    CannotDistinguish,
    /// At least `ln 20` nats above the best (odds of 20:1 or more against it).
    Worse,
}

impl Standing {
    /// The standing of a difference `Σ − Σ_best ≥ 0`.
    pub fn of(difference: f64) -> Standing {
        if difference <= 0.0 {
            Standing::Best
        } else if difference < CANNOT_DISTINGUISH_NATS {
            Standing::CannotDistinguish
        } else {
            Standing::Worse
        }
    }
}

/// One scored structure.
#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    /// `one_block`, `core_vs_rest`, `core_plus_sectors`, `sectors`, `given`, `best_found`.
    pub name: String,
    /// What it says, in words.
    pub meaning: String,
    /// Number of non-empty blocks.
    pub blocks: usize,
    /// Description length in nats.
    pub description_length: f64,
    /// `description_length − ` the table's least, in nats.
    pub difference: f64,
    /// Against the best.
    pub standing: Standing,
    /// Block of each actor of the view, in the view's order.
    pub partition: Vec<u32>,
    /// The posterior share `P(B = blocks | A)` of this row's number of
    /// blocks, sampled by [`posterior_blocks`] (`None` until
    /// [`CandidateTable::add_posterior`] ran).
    pub posterior_blocks: Option<f64>,
}

/// A pre-registered pair: is `first` better than `second`, worse, or can the data not tell?
#[derive(Debug, Clone, Serialize)]
pub struct PairComparison {
    /// The question the pair answers.
    pub question: String,
    /// First structure.
    pub first: String,
    /// Second structure.
    pub second: String,
    /// `Σ_first − Σ_second` in nats (negative: the first is preferred).
    pub difference: f64,
    /// `first`, `second` or `cannot_distinguish` (|difference| < ln 20).
    pub preferred: String,
}

/// The candidate table of one view of a case.
#[derive(Debug, Clone, Serialize)]
pub struct CandidateTable {
    /// The switches of the description length.
    pub options: SbmOptions,
    /// The search's settings.
    pub search: MinimizeOptions,
    /// The threshold in nats (`ln 20`).
    pub threshold: f64,
    /// The structures, in the order listed in [`candidates`].
    pub candidates: Vec<Candidate>,
    /// The pre-registered comparisons.
    pub comparisons: Vec<PairComparison>,
    /// The search's result (the `best_found` row).
    pub best: Minimum,
    /// What could not be scored and why (e.g. a core with no actor in the view).
    pub notes: Vec<String>,
    /// The posterior over the number of blocks, started from `best`
    /// (`None` until [`CandidateTable::add_posterior`] ran).
    pub posterior_blocks: Option<BlockPosterior>,
}

impl CandidateTable {
    /// Sample the posterior over the number of blocks on `view` (the view
    /// the table was scored on) from the best partition found, and give each
    /// row the posterior share of its number of blocks (0 for a number never
    /// sampled).
    ///
    /// # Errors
    /// As [`posterior_blocks`]; a view whose actor count is not the table's.
    ///
    /// ```
    /// use coprod::inference::sbm::{candidates, MinimizeOptions, PosteriorOptions, SbmOptions};
    /// use coprod::model::{Kind, View};
    /// let g = coprod::cases::load("ly")?;
    /// let view = View::aggregate(&g).symmetrized();
    /// let core = view.node_set_of_kind(Kind::Party);
    /// let mut t = candidates(&view, &core, None, &SbmOptions::default(), &MinimizeOptions::default())?;
    /// t.add_posterior(&view, &PosteriorOptions { samples: 200, burn_in: 20, ..PosteriorOptions::default() })?;
    /// let one = t.candidates.iter().find(|c| c.name == "one_block").unwrap();
    /// assert_eq!(one.posterior_blocks, Some(t.posterior_blocks.as_ref().unwrap().one_block));
    /// # Ok::<(), coprod::Error>(())
    /// ```
    pub fn add_posterior(&mut self, view: &View<'_>, o: &PosteriorOptions) -> Result<()> {
        let g = SbmGraph::from_csr(&view.csr())?;
        if g.node_count() != self.best.blocks.len() {
            return Err(crate::error::Error::InvalidParameter {
                name: "view",
                reason: format!(
                    "{} actors, the table was scored on {}",
                    g.node_count(),
                    self.best.blocks.len()
                ),
            });
        }
        let p = posterior_blocks(&g, &self.best.blocks, &self.options, o)?;
        for c in &mut self.candidates {
            c.posterior_blocks = Some(
                p.shares
                    .iter()
                    .find(|s| s.blocks == c.blocks)
                    .map_or(0.0, |s| s.share),
            );
        }
        self.posterior_blocks = Some(p);
        Ok(())
    }
}

/// Score the structures of the pre-registered comparison on `view`:
///
/// * `one_block` — no structure: every actor alike (up to its degree in the
///   degree-corrected model);
/// * `core_vs_rest` — one core: the core set against everyone else;
/// * `core_plus_sectors` — the core as its own block, the rest by sector;
/// * `sectors` — several centres: one block per sector (the core's actors in
///   their own sector);
/// * `given` — the partition passed in, if any;
/// * `best_found` — [`minimize`] started also from every structure above.
///
/// Each row has its description length, its difference from the table's
/// least and its [`Standing`]; the comparisons answer "one core or no
/// structure" (`core_vs_rest` against `one_block`), "one core or several
/// centres" (`core_vs_rest` against `sectors`) and "does the core add to the
/// sectors" (`core_plus_sectors` against `sectors`). A core with no actor in
/// the view leaves its rows out with a note.
///
/// # Errors
/// As [`description_length`] and [`minimize`]; an empty view.
///
/// ```
/// use coprod::inference::sbm::{candidates, MinimizeOptions, SbmOptions, Standing};
/// use coprod::model::{Kind, View};
/// let g = coprod::cases::load("ly")?;
/// let view = View::aggregate(&g).symmetrized();
/// let core = view.node_set_of_kind(Kind::Party);
/// let t = candidates(&view, &core, None, &SbmOptions::default(), &MinimizeOptions::default())?;
/// let best = t.candidates.iter().find(|c| c.name == "best_found").unwrap();
/// assert!(t.candidates.iter().all(|c| best.description_length <= c.description_length + 1e-9));
/// assert_eq!(best.standing, Standing::Best);
/// assert_eq!(t.comparisons.len(), 3);
/// # Ok::<(), coprod::Error>(())
/// ```
pub fn candidates(
    view: &View<'_>,
    core: &NodeSet,
    given: Option<&Partition>,
    opts: &SbmOptions,
    search: &MinimizeOptions,
) -> Result<CandidateTable> {
    let g = SbmGraph::from_csr(&view.csr())?;
    let n = g.node_count();
    let sectors = Partition::of_view(view, &Attribute::Sector)?;
    let mut rows: Vec<(String, String, Vec<u32>)> = vec![(
        "one_block".into(),
        "no structure: one block".into(),
        vec![0; n],
    )];
    let mut notes = Vec::new();
    if core.is_empty() || core.len() == n {
        notes.push(format!(
            "the core set has {} of the view's {n} actors: core_vs_rest and core_plus_sectors left out",
            core.len()
        ));
    } else {
        rows.push((
            "core_vs_rest".into(),
            "one core: the core set against the rest".into(),
            (0..n).map(|v| u32::from(core.contains(v))).collect(),
        ));
        let k = sectors.group_count() as u32;
        rows.push((
            "core_plus_sectors".into(),
            "the core as one block, the rest by sector".into(),
            (0..n)
                .map(|v| {
                    if core.contains(v) {
                        k
                    } else {
                        sectors.group(v)
                    }
                })
                .collect(),
        ));
    }
    rows.push((
        "sectors".into(),
        "several centres: one block per sector".into(),
        sectors.groups().to_vec(),
    ));
    if let Some(p) = given {
        rows.push((
            "given".into(),
            "the partition given".into(),
            p.groups().to_vec(),
        ));
    }
    let starts: Vec<Vec<u32>> = rows.iter().map(|r| r.2.clone()).collect();
    let best = minimize(&g, opts, search, &starts)?;
    rows.push((
        "best_found".into(),
        "the least description length the search found".into(),
        best.blocks.clone(),
    ));
    let mut scored = Vec::with_capacity(rows.len());
    for (name, meaning, b) in rows {
        let dl = description_length(&g, &b, opts)?;
        scored.push((name, meaning, b, dl));
    }
    let least = scored
        .iter()
        .map(|x| x.3.total)
        .fold(f64::INFINITY, f64::min);
    let candidates: Vec<Candidate> = scored
        .into_iter()
        .map(|(name, meaning, partition, dl)| Candidate {
            name,
            meaning,
            blocks: dl.blocks,
            description_length: dl.total,
            difference: dl.total - least,
            standing: Standing::of(dl.total - least),
            partition,
            posterior_blocks: None,
        })
        .collect();
    let find = |name: &str| candidates.iter().find(|c| c.name == name);
    let mut comparisons = Vec::new();
    for (q, a, b) in [
        ("one core, or no structure?", "core_vs_rest", "one_block"),
        ("one core, or several centres?", "core_vs_rest", "sectors"),
        (
            "does the core add to the sectors?",
            "core_plus_sectors",
            "sectors",
        ),
    ] {
        if let (Some(x), Some(y)) = (find(a), find(b)) {
            let d = x.description_length - y.description_length;
            let preferred = if d.abs() < CANNOT_DISTINGUISH_NATS {
                "cannot_distinguish"
            } else if d < 0.0 {
                a
            } else {
                b
            };
            comparisons.push(PairComparison {
                question: q.into(),
                first: a.into(),
                second: b.into(),
                difference: d,
                preferred: preferred.into(),
            });
        }
    }
    Ok(CandidateTable {
        options: *opts,
        search: search.clone(),
        threshold: CANNOT_DISTINGUISH_NATS,
        candidates,
        comparisons,
        best,
        notes,
        posterior_blocks: None,
    })
}
