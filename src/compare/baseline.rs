//! The baselines a case is compared with: one table entry per model, so a
//! new model (the matched one-core and polycentric baselines, the λ dial, the
//! counterfactuals) plugs in by adding an entry to [`BASELINES`].

use crate::baselines::{
    BlockOptions, Core, DyadCensusOptions, GnmOptions, MatchedOptions, RewireOptions,
    SectorRewireOptions,
};
use crate::error::{Error, Names, Result};
use crate::model::{CoreSet, MultiplexGraph};
use crate::random::CoprodRng;

/// What a baseline draws from: the case as coded (after any recoding of the
/// robustness table) and the core set of the comparison.
#[derive(Debug, Clone, Copy)]
pub struct DrawContext<'a> {
    /// The case.
    pub case: &'a MultiplexGraph,
    /// The core set (read by the matched baselines and the counterfactuals;
    /// the null models ignore it).
    pub core: &'a CoreSet,
}

/// How many graphs a baseline contributes to an ensemble.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Draws {
    /// A random model: the ensemble's `R` draws, draw `i` from
    /// [`random::stream`](crate::random::stream)`(seed, i)`.
    Random,
    /// A deterministic counterfactual (e.g. the case without its core): one
    /// graph, compared value to value (no distribution, no p-value).
    Once,
}

/// One baseline: its name, what it keeps, the reference it follows and how to
/// draw one graph.
pub struct Baseline {
    /// The name `--baseline` takes.
    pub name: &'static str,
    /// What the model keeps and randomises.
    pub doc: &'static str,
    /// The reference model it equals.
    pub reference: &'static str,
    /// Random or a single counterfactual.
    pub draws: Draws,
    draw: fn(&DrawContext<'_>, &mut CoprodRng) -> Result<MultiplexGraph>,
}

impl std::fmt::Debug for Baseline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Baseline")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

impl Baseline {
    /// A baseline entry: how the models of other modules plug in.
    pub const fn new(
        name: &'static str,
        doc: &'static str,
        reference: &'static str,
        draws: Draws,
        draw: fn(&DrawContext<'_>, &mut CoprodRng) -> Result<MultiplexGraph>,
    ) -> Baseline {
        Baseline {
            name,
            doc,
            reference,
            draws,
            draw,
        }
    }

    /// One graph of the model, drawn with `rng`: the case's actors in the
    /// case's order and its layers, so every view of the case can be taken
    /// of it ([`View::on`](crate::model::View::on)).
    ///
    /// # Errors
    /// The model's errors (e.g. a case over the 2^32 − 1 actors a null model
    /// indexes).
    pub fn draw(&self, cx: &DrawContext<'_>, rng: &mut CoprodRng) -> Result<MultiplexGraph> {
        (self.draw)(cx, rng)
    }
}

/// The baselines, in report order. Every model randomises every layer
/// (`Layers::All`) with its default options (rewiring: 10 trials per tie).
///
/// The matched one-core / polycentric models, the λ dial and the
/// counterfactuals of issue 8 are built elsewhere and join this table as
/// entries (a counterfactual with [`Draws::Once`]).
pub const BASELINES: &[Baseline] = &[
    Baseline::new(
        "gnm",
        "G(n, m) per layer: the case's actors, each layer's number of ties placed uniformly",
        "sna::rgnm; cug.test(cmode = \"edges\")",
        Draws::Random,
        |cx, r| crate::baselines::gnm_with(cx.case, &GnmOptions::default(), r),
    ),
    Baseline::new(
        "dyad",
        "each layer's dyad census (mutual, asymmetric, null) kept exactly",
        "sna::rguman(method = \"exact\"); cug.test(cmode = \"dyad.census\")",
        Draws::Random,
        |cx, r| crate::baselines::dyad_census_with(cx.case, &DyadCensusOptions::default(), r),
    ),
    Baseline::new(
        "rewire",
        "every actor's in- and out-degree per layer kept (double-edge swaps)",
        "igraph rewire (degree-preserving swaps)",
        Draws::Random,
        |cx, r| {
            crate::baselines::rewire_with(cx.case, &RewireOptions::default(), r).map(|x| x.graph)
        },
    ),
    Baseline::new(
        "sector-rewire",
        "degrees and tie counts per sector pair kept per layer (swaps within sector pairs)",
        "coprod (no reference model)",
        Draws::Random,
        |cx, r| {
            crate::baselines::sector_rewire_with(cx.case, &SectorRewireOptions::default(), r)
                .map(|x| x.graph)
        },
    ),
    Baseline::new(
        "block",
        "the exact tie counts per sector pair per layer, placed uniformly within each",
        "sna::rgnmix(method = \"exact\")",
        Draws::Random,
        |cx, r| crate::baselines::block_model_with(cx.case, &BlockOptions::default(), r),
    ),
    Baseline::new(
        "layer-shuffle",
        "every layer's degrees kept, the overlap between layers broken",
        "coprod (no reference model)",
        Draws::Random,
        |cx, r| {
            crate::baselines::layer_shuffle_with(cx.case, &RewireOptions::default(), r)
                .map(|x| x.rewired.graph)
        },
    ),
    Baseline::new(
        "polycentric",
        "matched polycentric baseline: the case's actors and ties per layer, K equal autonomous centres (the core set and the strongest actor of each other sector) each heading its sector's cluster, joined by peer ties (the dial at λ = 1/K)",
        "coprod (Ostrom's polycentric model; baselines::polycentric)",
        Draws::Random,
        |cx, r| crate::baselines::polycentric_with(cx.case, &matched(cx)?, r),
    ),
    Baseline::new(
        "one-core",
        "matched one-core baseline: the case's actors and ties per layer, the core set tied to the head of every sector and down the chains by level (the dial at λ = 1)",
        "coprod (\"one core, many actors\"; baselines::one_core)",
        Draws::Random,
        |cx, r| crate::baselines::one_core_with(cx.case, &matched(cx)?, r),
    ),
];

/// The matched baselines' options for the comparison's core set.
fn matched(cx: &DrawContext<'_>) -> Result<MatchedOptions> {
    let core = match cx.core {
        CoreSet::Kind(k) => Core::Kind(*k),
        CoreSet::Ids(ids) => Core::ids(cx.case, ids)?,
    };
    Ok(MatchedOptions {
        core,
        ..Default::default()
    })
}

/// The baseline called `name`.
///
/// # Errors
/// [`Error::UnknownName`] listing the baselines' names.
pub fn baseline(name: &str) -> Result<&'static Baseline> {
    BASELINES
        .iter()
        .find(|b| b.name == name)
        .ok_or_else(|| unknown(name))
}

fn unknown(name: &str) -> Error {
    Error::UnknownName {
        what: "baseline",
        value: name.to_string(),
        available: Names::of(BASELINES.iter().map(|b| b.name).chain(["all"]), name),
    }
}

/// The baselines `names` name, in [`BASELINES`] order without repeats; `all`
/// names every one.
///
/// ```
/// use coprod::compare::baselines_named;
/// let b = baselines_named(&["rewire", "gnm", "gnm"]).unwrap();
/// assert_eq!(b.iter().map(|b| b.name).collect::<Vec<_>>(), ["gnm", "rewire"]);
/// assert_eq!(baselines_named(&["all"]).unwrap().len(), coprod::compare::BASELINES.len());
/// let e = baselines_named(&["gmn"]).unwrap_err().to_string();
/// assert!(e.contains("gnm") && e.contains("layer-shuffle"), "{e}");
/// ```
///
/// # Errors
/// [`Error::UnknownName`] for a name that is neither a baseline nor `all`,
/// listing the names; [`Error::InvalidParameter`] for an empty list.
pub fn baselines_named<S: AsRef<str>>(names: &[S]) -> Result<Vec<&'static Baseline>> {
    if names.is_empty() {
        return Err(Error::InvalidParameter {
            name: "baseline",
            reason: "no baseline named; use one of the names or `all`".into(),
        });
    }
    let mut on = vec![false; BASELINES.len()];
    for n in names {
        let n = n.as_ref();
        if n == "all" {
            on.fill(true);
        } else {
            let i = BASELINES
                .iter()
                .position(|b| b.name == n)
                .ok_or_else(|| unknown(n))?;
            on[i] = true;
        }
    }
    Ok(BASELINES
        .iter()
        .zip(on)
        .filter(|(_, on)| *on)
        .map(|(b, _)| b)
        .collect())
}
