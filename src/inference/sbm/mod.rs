//! Stochastic block models compared by description length.
//!
//! A stochastic block model (SBM) explains a graph by a partition of its
//! actors into blocks: how many ties run between each pair of blocks
//! (`e_rs`), and, in the degree-corrected model, each actor's degree. Its
//! **description length** `Σ` (in nats) is the information needed to write
//! down the model's parameters and then the graph given them,
//! `Σ = −ln P(A | θ) − ln P(θ)`; the partition of least `Σ` is the model
//! the data favour (minimum description length = maximum posterior), and the
//! difference of two partitions' description lengths is their posterior log
//! odds: `ln P(b₁ | A) − ln P(b₂ | A) = Σ₂ − Σ₁`.
//!
//! * [`description_length`]: `Σ` of a given partition, equal to graph-tool's
//!   `BlockState(g, b=b, deg_corr=…).entropy()` under every switch of
//!   [`SbmOptions`] (named as graph-tool names them: `dense`, `multigraph`,
//!   `exact`, `deg_entropy`, `partition_dl`, `degree_dl`, `degree_dl_kind`,
//!   `edges_dl`, `beta_dl`), checked to `1e-9` against graph-tool 2.45 on the
//!   bundled cases and random graphs (`tests/sbm.rs`,
//!   `scripts/reference/sbm.sh`).
//! * [`minimize`]: the partition of least `Σ` a seeded search finds
//!   (agglomerative merges, zero-temperature node moves, merges and splits,
//!   iterated local search and annealing; several starts; the same result
//!   on any number of threads). `tests/sbm.rs` compares it with graph-tool's
//!   `minimize_blockmodel_dl`.
//! * [`candidates`]: the pre-registered structures of a case side by side;
//!   [`CandidateTable::add_posterior`] adds to each row the posterior share
//!   of its number of blocks.
//! * [`posterior_blocks`]: the posterior over the number of blocks,
//!   `P(B | A)` with `P(b | A) ∝ exp(−Σ(b))` over set partitions, sampled by
//!   a Metropolis–Hastings chain of single-node moves (a node to one of the
//!   `B` blocks or a new one, Hastings ratio `(B + 1)/(B′ + 1)`), with its
//!   effective sample size and split `R̂`; checked against the exact
//!   posterior of every set partition of graphs of up to 8 nodes
//!   ([`exact_block_posterior`], `tests/sbm_posterior.rs`), which is also
//!   the law graph-tool 2.45's `mcmc_sweep` samples
//!   (`scripts/reference/sbm_posterior.py`).
//!
//! # The pre-registered use: one core or several centres?
//!
//! Written before any case was run. On a view of a case (by default the
//! aggregate of the positive layers, directed) and a core set (by default
//! the party actors), the description length is computed, degree-corrected
//! (the default; a hub is then not a block by its degree alone) and plain,
//! for:
//!
//! | structure | what it stands for |
//! |---|---|
//! | `one_block` | no structure beyond the degrees |
//! | `core_vs_rest` | "one core, many actors": the core set is a block whose ties to every other actor follow one pattern |
//! | `core_plus_sectors` | the core as its own block, the other actors by sector |
//! | `sectors` | several centres: one block per sector (polycentric: each sector its own cluster) |
//! | `best_found` | the least description length the search finds, started also from each of the above |
//!
//! Two structures whose description lengths differ by less than
//! [`CANNOT_DISTINGUISH_NATS`] `= ln 20 ≈ 3.0` nats are reported as
//! **cannot distinguish**: the posterior odds of one over the other are below
//! 20:1 (the threshold of Kass & Raftery's "strong" evidence on the odds
//! scale, doi:10.1080/01621459.1995.10476572). The pre-registered readings:
//!
//! * `core_vs_rest` ≥ ln 20 below `one_block` and below `sectors`: the data
//!   favour one core over no structure and over several centres;
//! * `sectors` ≥ ln 20 below `core_vs_rest`: several centres are favoured;
//! * otherwise, or when `one_block` is within ln 20 of the best structure:
//!   this graph cannot tell (a small graph often cannot: with 20–40 actors a
//!   block costs more to describe than it saves).
//!
//! With the default core (the party actors), `core_plus_sectors` and
//! `sectors` are the same partition, because the party is a sector of the
//! codebook; they differ for a core named by ids (X district's
//! `civil_affairs_bureau`). The comparison of structures is one piece of
//! evidence for the answer rule (in `compare`), not the answer.
//!
//! # References
//! T. P. Peixoto, "Nonparametric Bayesian inference of the microcanonical
//! stochastic block model", Phys. Rev. E 95, 012317 (2017),
//! doi:10.1103/PhysRevE.95.012317. T. P. Peixoto, "Bayesian stochastic
//! blockmodeling", in *Advances in Network Clustering and Blockmodeling*
//! (Wiley, 2019), doi:10.1002/9781119483298.ch11. B. Karrer and M. E. J.
//! Newman, "Stochastic blockmodels and community structure in networks",
//! Phys. Rev. E 83, 016107 (2011), doi:10.1103/PhysRevE.83.016107.

mod candidates;
mod diagnostics;
pub(crate) use diagnostics::effective_sample_size;
mod entropy;
mod graph;
mod merge;
mod minimize;
mod posterior;
mod request;
mod special;
mod state;

pub use candidates::{
    CANNOT_DISTINGUISH_NATS, Candidate, CandidateTable, PairComparison, Standing, candidates,
};
pub use entropy::{DegreeDlKind, DescriptionLength, SbmOptions, description_length};
pub use graph::SbmGraph;
pub use minimize::{MinimizeOptions, Minimum, minimize};
pub use posterior::{
    BlockLabels, BlockPosterior, BlockShare, PosteriorOptions, exact_block_posterior,
    posterior_blocks,
};
pub use request::{SbmRequest, sbm_json};
pub use special::{PartitionCount, QTable, log_q_approx, q_table};
