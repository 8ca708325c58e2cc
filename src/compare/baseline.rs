//! The baselines a case is compared with: one table entry per model, so a
//! new model (the matched one-core and polycentric baselines, the λ dial, the
//! counterfactuals) plugs in by adding an entry to [`BASELINES`].

use super::panel::Statistic;
use crate::baselines::{
    BlockOptions, Core, CoreActors, DyadCensusOptions, GnmOptions, MadePolycentricOptions,
    MatchedOptions, RewireOptions, SectorRewireOptions,
};
use crate::error::{Error, Names, Result};
use crate::model::{CoreSet, Dyads, MultiplexGraph};
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
    /// The dyads the null models draw on: [`Dyads::Codebook`] (the
    /// comparison's default) or [`Dyads::All`] (the reference tools' models).
    pub dyads: Dyads,
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
    /// Why a statistic means nothing on this baseline's graph (`None`: it does).
    meaningless: fn(&Statistic) -> Option<&'static str>,
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
            meaningless: |_| None,
        }
    }

    /// A counterfactual entry ([`Draws::Once`]): one graph made from the
    /// case, and for each statistic of the panel the reason it means nothing
    /// on that graph (`None` where it does), e.g. a core statistic on a graph
    /// without the core.
    pub const fn counterfactual(
        name: &'static str,
        doc: &'static str,
        reference: &'static str,
        draw: fn(&DrawContext<'_>, &mut CoprodRng) -> Result<MultiplexGraph>,
        meaningless: fn(&Statistic) -> Option<&'static str>,
    ) -> Baseline {
        Baseline {
            name,
            doc,
            reference,
            draws: Draws::Once,
            draw,
            meaningless,
        }
    }

    /// Why `statistic` means nothing on this baseline's graphs, or `None`
    /// when it is compared. Every statistic means something on a random
    /// baseline; on a counterfactual the core statistics may not (see
    /// [`BASELINES`]).
    ///
    /// ```
    /// use coprod::compare::{baseline, statistic};
    /// let wc = baseline("without-core").unwrap();
    /// assert!(wc.meaningless(statistic("core_brokerage_share").unwrap()).is_some());
    /// assert_eq!(wc.meaningless(statistic("betweenness_centralization").unwrap()), None);
    /// assert_eq!(baseline("gnm").unwrap().meaningless(statistic("core_path_share").unwrap()), None);
    /// ```
    pub fn meaningless(&self, statistic: &Statistic) -> Option<&'static str> {
        (self.meaningless)(statistic)
    }

    /// One graph of the model, drawn with `rng`. A random baseline keeps the
    /// case's actors in the case's order and its layers, so every view of
    /// the case can be taken of it ([`View::on`](crate::model::View::on)); a
    /// counterfactual keeps the layers but may drop actors (`without-core`),
    /// so [`compare`](super::compare) takes each coding's view of it afresh.
    ///
    /// # Errors
    /// The model's errors (e.g. a case over the 2^32 − 1 actors a null model
    /// indexes).
    pub fn draw(&self, cx: &DrawContext<'_>, rng: &mut CoprodRng) -> Result<MultiplexGraph> {
        (self.draw)(cx, rng)
    }
}

/// The rewiring options of a draw: the defaults on the context's dyads.
fn rewire_options(cx: &DrawContext<'_>) -> RewireOptions {
    RewireOptions {
        dyads: cx.dyads,
        ..RewireOptions::default()
    }
}

/// The baselines, in report order. Every model randomises every layer
/// (`Layers::All`) with its default options (rewiring: 10 trials per tie).
///
/// The last two are the counterfactuals of the case ([`Draws::Once`]): one
/// graph each, compared value to value ([`Verdict::Exceeds`](super::Verdict::Exceeds)
/// and its siblings, no z, no p). What each statistic means on them:
///
/// * `without-core` ([`without_core`](crate::baselines::without_core)): the
///   case's other actors and their ties among themselves. The statistics of
///   the whole network (centralization, effective centres, hierarchy,
///   distances, efficiency, transitivity, E-I) answer "how would the network
///   look without the core?"; the core statistics are undefined (no core in
///   the graph), and so is `fragmentation_without_core`, which is that very
///   graph's fragmentation on the case: equal by construction.
///   `between_sector_distance` is undefined on both counterfactuals: it
///   averages only the pairs still connected, and cutting the core's ties
///   changes which pairs those are ([`OTHER_PAIRS`]); `global_efficiency`,
///   which counts a cut pair as 0, is compared instead.
/// * `made-polycentric` ([`made_polycentric`](crate::baselines::made_polycentric)):
///   the same actors, each core tie handed to the head of the sector at its
///   other end, the core actors kept isolated. The network statistics and
///   `fragmentation_without_core` (how cut off the others are once the core
///   is removed, when the heads hold its ties) are compared; the other core
///   statistics are undefined: the core actors have no tie by construction,
///   so their group degree, brokerage, path share and participation are 0
///   or undefined by definition, not by the data.
pub const BASELINES: &[Baseline] = &[
    Baseline::new(
        "gnm",
        "G(n, m) per layer: the case's actors, each layer's number of ties placed uniformly on the dyads the codebook allows, no isolate",
        "sna::rgnm restricted to the codebook's dyads (model::DyadMask); cug.test(cmode = \"edges\")",
        Draws::Random,
        |cx, r| {
            let o = GnmOptions {
                dyads: cx.dyads,
                ..GnmOptions::default()
            };
            crate::baselines::gnm_with(cx.case, &o, r)
        },
    ),
    Baseline::new(
        "dyad",
        "each layer's dyad census (mutual, asymmetric, null) kept exactly, on the dyads the codebook allows, no isolate",
        "sna::rguman(method = \"exact\") restricted to the codebook's dyads; cug.test(cmode = \"dyad.census\")",
        Draws::Random,
        |cx, r| {
            let o = DyadCensusOptions {
                dyads: cx.dyads,
                ..DyadCensusOptions::default()
            };
            crate::baselines::dyad_census_with(cx.case, &o, r)
        },
    ),
    Baseline::new(
        "rewire",
        "every actor's in- and out-degree per layer kept (double-edge swaps that stay on the codebook's dyads: memberships stay member – arena)",
        "igraph rewire (degree-preserving swaps), swaps onto a structural zero rejected",
        Draws::Random,
        |cx, r| crate::baselines::rewire_with(cx.case, &rewire_options(cx), r).map(|x| x.graph),
    ),
    Baseline::new(
        "sector-rewire",
        "degrees and tie counts per sector pair kept per layer (swaps within sector pairs)",
        "coprod (no reference model)",
        Draws::Random,
        |cx, r| {
            let o = SectorRewireOptions {
                rewire: rewire_options(cx),
                ..SectorRewireOptions::default()
            };
            crate::baselines::sector_rewire_with(cx.case, &o, r).map(|x| x.graph)
        },
    ),
    Baseline::new(
        "block",
        "the exact tie counts per sector pair per layer, placed uniformly within each (sectors split by codebook class), no isolate",
        "sna::rgnmix(method = \"exact\") on sector × codebook class",
        Draws::Random,
        |cx, r| {
            let o = BlockOptions {
                dyads: cx.dyads,
                ..BlockOptions::default()
            };
            crate::baselines::block_model_with(cx.case, &o, r)
        },
    ),
    Baseline::new(
        "layer-shuffle",
        "every layer's degrees kept, the overlap between layers broken",
        "coprod (no reference model)",
        Draws::Random,
        |cx, r| {
            crate::baselines::layer_shuffle_with(cx.case, &rewire_options(cx), r)
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
    Baseline::counterfactual(
        "without-core",
        "counterfactual: the case without the core set (its actors and every tie with a core end removed), one graph compared value to value",
        "coprod (baselines::without_core; the case viewed without C, as networkx G.subgraph(V \\ C))",
        |cx, _| crate::baselines::without_core(cx.case, &matched(cx)?.core).map(|c| c.graph),
        |s| {
            if s.name == "fragmentation_without_core" {
                Some(WITHOUT_CORE_SAME)
            } else if s.uses_core {
                Some(WITHOUT_CORE_NONE)
            } else if s.name == "between_sector_distance" {
                Some(OTHER_PAIRS)
            } else {
                None
            }
        },
    ),
    Baseline::counterfactual(
        "made-polycentric",
        "counterfactual: each core tie handed to the head of the sector at its other end, the core actors kept isolated, one graph compared value to value",
        "coprod (baselines::made_polycentric)",
        |cx, _| {
            let opts = MadePolycentricOptions {
                core: matched(cx)?.core,
                core_actors: CoreActors::Keep,
            };
            crate::baselines::made_polycentric(cx.case, &opts).map(|c| c.graph)
        },
        |s| {
            if s.uses_core && s.name != "fragmentation_without_core" {
                Some(MADE_POLYCENTRIC_ISOLATED)
            } else if s.name == "between_sector_distance" {
                Some(OTHER_PAIRS)
            } else {
                None
            }
        },
    ),
];

/// Why a core statistic is undefined on `without-core`.
pub const WITHOUT_CORE_NONE: &str = "the counterfactual has no core actor";
/// Why `fragmentation_without_core` is undefined on `without-core`.
pub const WITHOUT_CORE_SAME: &str =
    "the counterfactual is the case without the core: equal to the observed value by construction";
/// Why `between_sector_distance` is undefined on both counterfactuals.
pub const OTHER_PAIRS: &str = "it averages the pairs still connected, and cutting the core's ties changes which pairs those are: not the case's pairs (global_efficiency counts the cut pairs)";
/// Why a core statistic is undefined on `made-polycentric`.
pub const MADE_POLYCENTRIC_ISOLATED: &str =
    "the core actors are isolated by construction: 0 or undefined by definition, not by the data";

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
