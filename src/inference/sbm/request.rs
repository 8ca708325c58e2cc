//! The SBM table asked for by name: the one path from `coprod sbm`'s and the
//! Python `View.sbm`'s arguments to the candidate table and its JSON, so
//! that both give the same bits.

use super::{CandidateTable, MinimizeOptions, PosteriorOptions, SbmOptions, candidates};
use crate::Result;
use crate::error::Error;
use crate::model::{CoreSet, Partition, View};

/// What `coprod sbm` computes on a view.
#[derive(Debug, Clone, PartialEq)]
pub struct SbmRequest {
    /// A partition to score beside the searched ones (`given`).
    pub given: Option<Partition>,
    /// The degree-corrected description length (default true).
    pub degree_corrected: bool,
    /// The core set of the "core vs rest" structure (default `kind:party`).
    pub core: CoreSet,
    /// The search's seed, also the posterior's (default 0).
    pub seed: u64,
    /// Independent starts of the search (`None`, the default: by size,
    /// [`MinimizeOptions::for_size`]).
    pub restarts: Option<usize>,
    /// The posterior over the number of blocks (`None`: not sampled); its
    /// seed is replaced by `seed`. Default: [`PosteriorOptions::default`].
    pub posterior: Option<PosteriorOptions>,
}

impl Default for SbmRequest {
    fn default() -> Self {
        SbmRequest {
            given: None,
            degree_corrected: true,
            core: CoreSet::default(),
            seed: 0,
            restarts: None,
            posterior: Some(PosteriorOptions::default()),
        }
    }
}

impl SbmRequest {
    /// The candidate table of `view`, with the posterior over the number of
    /// blocks when asked.
    ///
    /// # Errors
    /// A core id the view lacks; those of [`candidates`] and
    /// [`CandidateTable::add_posterior`].
    pub fn table(&self, view: &View<'_>) -> Result<CandidateTable> {
        let core = self.core.node_set(view)?;
        let opts = SbmOptions::default().with_degree_corrected(self.degree_corrected);
        let sized = MinimizeOptions::for_size(view.node_count(), self.seed);
        let search = MinimizeOptions {
            restarts: self.restarts.unwrap_or(sized.restarts),
            ..sized
        };
        let mut t = candidates(view, &core, self.given.as_ref(), &opts, &search)?;
        if let Some(p) = &self.posterior {
            t.add_posterior(
                view,
                &PosteriorOptions {
                    seed: self.seed,
                    ..p.clone()
                },
            )?;
        }
        Ok(t)
    }
}

/// The JSON document of `coprod sbm --format json`: the case, the model,
/// the description lengths of the given and the best partition, the best
/// partition by actor id, the posterior over the number of blocks, the ids
/// and the whole table.
///
/// # Errors
/// [`Error::InvalidParameter`] if the table does not serialise (a NaN
/// cannot occur in a computed table).
pub fn sbm_json(case: &str, view: &View<'_>, t: &CandidateTable) -> Result<String> {
    let ids = view.ids();
    let given = t
        .candidates
        .iter()
        .find(|c| c.name == "given")
        .map(|c| c.description_length);
    let partition: Vec<serde_json::Value> = ids
        .iter()
        .zip(&t.best.blocks)
        .map(|(id, b)| serde_json::json!({"id": id, "block": b}))
        .collect();
    let doc = serde_json::json!({
        "case": case,
        "model": if t.options.degree_corrected { "degree_corrected" } else { "plain" },
        "description_length": {
            "given": given,
            "best_found": t.best.description_length.total,
        },
        "best_found": {
            "blocks": t.best.description_length.blocks,
            "parts": t.best.description_length,
            "partition": partition,
            "per_start": t.best.per_start,
        },
        "posterior_blocks": t.posterior_blocks,
        "ids": ids,
        "table": t,
    });
    serde_json::to_string_pretty(&doc).map_err(|e| Error::InvalidParameter {
        name: "format",
        reason: e.to_string(),
    })
}
