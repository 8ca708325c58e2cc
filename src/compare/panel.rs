//! The panel: graph-level statistics chosen to separate one core from many
//! centres, each one table entry.

use super::statistics::{
    SectorPaths, effective_centres, participation, sector_paths, share_of_brokerage, top_share,
};
use crate::error::Result;
use crate::measures::brokerage::{BrokerageOptions, EiOptions, brokerage_counts, ei_index};
use crate::measures::centrality::{self, BetweennessOptions, BetweennessScale};
use crate::measures::centralization::{betweenness_centralization_from, degree_centralization};
use crate::measures::cohesion::{self, DistanceOptions, HierarchyOptions};
use crate::measures::core_periphery::{FragmentationOptions, fragmentation};
use crate::measures::{Direction, Parallelism};
use crate::model::{Attribute, Csr, NodeSet, Partition, View};
use std::cell::OnceCell;

/// What the one-core claim predicts for a statistic, compared with a baseline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Claim {
    /// One core gives a higher value than the baseline.
    Higher,
    /// One core gives a lower value.
    Lower,
    /// Descriptive: the claim predicts no direction.
    None,
}

/// How a value reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A share in `[0, 1]`, shown as a percentage.
    Share,
    /// A plain number.
    Number,
}

/// The inputs of the panel on one view: its snapshot, its sectors and the
/// core set, with the results several statistics share computed once.
pub struct PanelInput {
    /// The view's snapshot.
    pub csr: Csr,
    /// The actors' sectors, in the snapshot's dense order.
    pub sectors: Partition,
    /// The core set, in the snapshot's dense order.
    pub core: NodeSet,
    betweenness: OnceCell<Vec<f64>>,
    brokerage: OnceCell<Vec<[u64; 5]>>,
    participation: OnceCell<Vec<f64>>,
    sector_paths: OnceCell<SectorPaths>,
}

impl PanelInput {
    /// The inputs of `view` with the core set `core` (dense indices of the view).
    ///
    /// # Errors
    /// [`Error::SizeMismatch`](crate::Error::SizeMismatch) when `core` was
    /// built for another view.
    pub fn new(view: &View<'_>, core: NodeSet) -> Result<Self> {
        PanelInput::from_csr(
            view.csr(),
            Partition::of_view(view, &Attribute::Sector)?,
            core,
        )
    }

    /// The inputs of a bare snapshot with its sectors (one group per node) and core set.
    ///
    /// ```
    /// use coprod::compare::{PanelInput, statistic};
    /// use coprod::model::{Aggregation, Csr, NodeSet, Partition};
    /// let g = Csr::from_edges(3, false, &[(0, 1, 1.0), (0, 2, 1.0)], Aggregation::Sum);
    /// let x = PanelInput::from_csr(g, Partition::from_groups(vec![0, 1, 2]), NodeSet::new(3, [0]).unwrap()).unwrap();
    /// assert_eq!(statistic("core_brokerage_share").unwrap().compute(&x).unwrap(), Some(1.0));
    /// ```
    ///
    /// # Errors
    /// [`Error::SizeMismatch`](crate::Error::SizeMismatch) when the sectors
    /// or the core set do not have the snapshot's size.
    pub fn from_csr(csr: Csr, sectors: Partition, core: NodeSet) -> Result<Self> {
        core.check(csr.node_count())?;
        if sectors.len() != csr.node_count() {
            return Err(crate::Error::SizeMismatch {
                what: "the sectors".into(),
                expected: csr.node_count(),
                found: sectors.len(),
            });
        }
        Ok(PanelInput {
            csr,
            sectors,
            core,
            betweenness: OnceCell::new(),
            brokerage: OnceCell::new(),
            participation: OnceCell::new(),
            sector_paths: OnceCell::new(),
        })
    }

    /// Raw betweenness (hop counts), computed once.
    fn betweenness(&self) -> &[f64] {
        self.betweenness.get_or_init(|| {
            centrality::betweenness(
                &self.csr,
                &BetweennessOptions {
                    scale: BetweennessScale::Raw,
                    parallelism: Parallelism::Sequential,
                    progress: crate::progress::Progress::Hidden,
                    ..Default::default()
                },
            )
        })
    }

    fn brokerage(&self) -> Result<&[[u64; 5]]> {
        if let Some(b) = self.brokerage.get() {
            return Ok(b);
        }
        let b = brokerage_counts(&self.csr, &self.sectors, &BrokerageOptions::default())?;
        Ok(self.brokerage.get_or_init(|| b))
    }

    /// The cross-sector path share and distance, one breadth-first pass.
    fn sector_paths(&self) -> Result<SectorPaths> {
        if let Some(p) = self.sector_paths.get() {
            return Ok(*p);
        }
        let p = sector_paths(&self.csr, &self.sectors, &self.core)?;
        Ok(*self.sector_paths.get_or_init(|| p))
    }

    fn participation(&self) -> Result<&[f64]> {
        if let Some(p) = self.participation.get() {
            return Ok(p);
        }
        let p = participation(&self.csr, &self.sectors)?;
        Ok(self.participation.get_or_init(|| p))
    }

    /// The mean participation over the actors where `inside(u)`, skipping NaN.
    fn mean_participation(&self, inside: impl Fn(usize) -> bool) -> Result<Option<f64>> {
        let p = self.participation()?;
        let xs: Vec<f64> = (0..p.len())
            .filter(|&u| inside(u) && !p[u].is_nan())
            .map(|u| p[u])
            .collect();
        Ok((!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64))
    }
}

/// One statistic of the panel: name, meaning, reference, the direction the
/// one-core claim predicts, and the computation.
pub struct Statistic {
    /// Its name (a column or row name; `snake_case`).
    pub name: &'static str,
    /// What it measures, with its formula.
    pub doc: &'static str,
    /// The reference implementation it equals, or how it is checked.
    pub reference: &'static str,
    /// When it is undefined (besides an empty core set, for a core statistic).
    pub undefined: &'static str,
    /// Whether it reads the core set (undefined when the core set has no actor in the view).
    pub uses_core: bool,
    /// What the one-core claim predicts.
    pub claim: Claim,
    /// Percentage or plain number.
    pub unit: Unit,
    /// The verdict line's subject: `{core}` is replaced by the core set's
    /// name, `{value}` by the observed value.
    pub phrase: &'static str,
    compute: fn(&PanelInput) -> Result<Option<f64>>,
}

/// An observed value, or why it is undefined.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Value {
    /// The value.
    Defined(f64),
    /// Why there is none.
    Undefined(String),
}

impl Value {
    /// The value, if defined.
    pub fn get(&self) -> Option<f64> {
        match self {
            Value::Defined(x) => Some(*x),
            Value::Undefined(_) => None,
        }
    }
}

/// Why a core statistic is undefined on a view without a core actor.
pub const NO_CORE: &str = "the core set has no actor in this view";

impl Statistic {
    /// The value on `x` (`None` where undefined).
    ///
    /// # Errors
    /// None on inputs built by [`PanelInput::new`]; a measure's error otherwise.
    pub fn compute(&self, x: &PanelInput) -> Result<Option<f64>> {
        if self.uses_core && x.core.is_empty() {
            return Ok(None);
        }
        (self.compute)(x)
    }

    /// The value on `x`, or the reason it is undefined.
    ///
    /// # Errors
    /// As [`Statistic::compute`].
    pub fn value(&self, x: &PanelInput) -> Result<Value> {
        if self.uses_core && x.core.is_empty() {
            return Ok(Value::Undefined(NO_CORE.into()));
        }
        Ok(match (self.compute)(x)? {
            Some(v) => Value::Defined(v),
            None => Value::Undefined(self.undefined.into()),
        })
    }
}

const DIST: DistanceOptions = DistanceOptions {
    weighting: crate::measures::EdgeLength::Hops,
    unreachable: cohesion::Unreachable::Skip,
    parallelism: Parallelism::Sequential,
};

/// The panel, in report order. Every statistic reads the view as it is
/// (directed or symmetrised), hop counts, weights ignored; "sectors" are
/// [`Sector`](crate::model::Sector)s (party, state, market, society, arena).
///
/// | name | one core predicts |
/// |---|---|
/// | `degree_centralization`, `betweenness_centralization` | higher |
/// | `core_group_degree`, `core_group_betweenness` | higher |
/// | `core_brokerage_share`, `core_path_share` | higher |
/// | `effective_centres` | lower; `top_centre_share` higher |
/// | `core_participation` | higher; `others_participation` none |
/// | `krackhardt_hierarchy`, `lubness` | higher |
/// | `fragmentation_without_core` | higher |
/// | `ei_index`, `global_efficiency`, `transitivity` | none (descriptive) |
/// | `between_sector_distance` | lower |
///
/// Each entry's `doc` gives the formula, `reference` the call it equals.
/// The statistics that are functions of their own ([`cross_sector_path_share`](super::cross_sector_path_share)
/// and the rest of [`compare`](super)) carry the full documentation.
pub const PANEL: &[Statistic] = &[
    Statistic {
        name: "degree_centralization",
        doc: "Freeman degree centralization Σ(d* − d_i) / t_max, total degree on a directed view (t_max = 2(n−1)(n−2)), (n−1)(n−2) undirected",
        reference: "sna::centralization(g, degree) (cmode freeman)",
        undefined: "fewer than 3 actors",
        uses_core: false,
        claim: Claim::Higher,
        unit: Unit::Number,
        phrase: "degree centralization is {value}",
        compute: |x| Ok(degree_centralization(&x.csr, Direction::All)),
    },
    Statistic {
        name: "betweenness_centralization",
        doc: "Freeman betweenness centralization Σ(b* − b_i) / t_max, t_max = (n−1)²(n−2) directed, half that undirected",
        reference: "sna::centralization(g, betweenness)",
        undefined: "fewer than 3 actors",
        uses_core: false,
        claim: Claim::Higher,
        unit: Unit::Number,
        phrase: "betweenness centralization is {value}",
        // the raw betweenness the centres' shares read, Brandes run once
        compute: |x| Ok(betweenness_centralization_from(&x.csr, x.betweenness())),
    },
    Statistic {
        name: "core_group_degree",
        doc: "share of the actors outside the core set tied to it in either direction: |N(C) \\ C| / (n − |C|)",
        reference: "networkx.group_degree_centrality(G.to_undirected(), C)",
        undefined: "no actor outside the core set",
        uses_core: true,
        claim: Claim::Higher,
        unit: Unit::Share,
        phrase: "the {core} reaches {value} of the other actors directly",
        compute: |x| centrality::group_degree(&x.csr, &x.core, Direction::All),
    },
    Statistic {
        name: "core_group_betweenness",
        doc: "group betweenness Σ_{s,t ∉ C} σ_st(C)/σ_st over pairs of non-members, divided by their number of pairs",
        reference: "networkx.group_betweenness_centrality(G, C, normalized=True)",
        undefined: "fewer than 2 actors outside the core set",
        uses_core: true,
        claim: Claim::Higher,
        unit: Unit::Share,
        phrase: "the {core} has group betweenness {value}",
        // equals centrality::group_betweenness(&x.csr, &x.core, default
        // options) bit for bit, from the searches the path share runs
        compute: |x| Ok(x.sector_paths()?.group_betweenness),
    },
    Statistic {
        name: "core_brokerage_share",
        doc: "share of cross-sector Gould–Fernandez brokerage (itinerant + representative + gatekeeper + liaison 2-paths) brokered by core actors",
        reference: "sum(sna::brokerage(g, sector)$raw.nli[C, 2:5]) / sum(raw.nli[, 2:5])",
        undefined: "no open 2-path crosses sectors",
        uses_core: true,
        claim: Claim::Higher,
        unit: Unit::Share,
        phrase: "the {core} holds {value} of cross-sector brokerage",
        compute: |x| Ok(share_of_brokerage(x.brokerage()?, &x.core)),
    },
    Statistic {
        name: "core_path_share",
        doc: "mean over connected pairs of non-core actors in different sectors of the share of their shortest paths through the core set",
        reference: "brute force over networkx.all_shortest_paths (scripts/reference/compare.py)",
        undefined: "no pair of non-core actors of different sectors is connected",
        uses_core: true,
        claim: Claim::Higher,
        unit: Unit::Share,
        phrase: "{value} of the shortest paths between sectors pass through the {core}",
        compute: |x| Ok(x.sector_paths()?.path_share),
    },
    Statistic {
        name: "effective_centres",
        doc: "Laakso–Taagepera effective number 1 / Σ p_i², p_i = b_i / Σ b the betweenness shares",
        reference: "from networkx.betweenness_centrality(G, normalized=False)",
        undefined: "no actor is between two others",
        uses_core: false,
        claim: Claim::Lower,
        unit: Unit::Number,
        phrase: "the network has {value} effective centres",
        compute: |x| Ok(effective_centres(x.betweenness())),
    },
    Statistic {
        name: "top_centre_share",
        doc: "largest betweenness share max_i b_i / Σ b",
        reference: "from networkx.betweenness_centrality(G, normalized=False)",
        undefined: "no actor is between two others",
        uses_core: false,
        claim: Claim::Higher,
        unit: Unit::Share,
        phrase: "the top centre holds {value} of all betweenness",
        compute: |x| Ok(top_share(x.betweenness())),
    },
    Statistic {
        name: "core_participation",
        doc: "mean Guimerà–Amaral participation 1 − Σ_s (k_is/k_i)² of the core actors with a tie, sectors as modules",
        reference: "hand-computed (no reference implementation)",
        undefined: "no core actor has a tie",
        uses_core: true,
        claim: Claim::Higher,
        unit: Unit::Number,
        phrase: "the {core}'s ties spread over sectors with participation {value}",
        compute: |x| x.mean_participation(|u| x.core.contains(u)),
    },
    Statistic {
        name: "others_participation",
        doc: "mean Guimerà–Amaral participation of the actors with a tie outside the core set",
        reference: "hand-computed (no reference implementation)",
        undefined: "no actor outside the core set has a tie",
        uses_core: true,
        claim: Claim::None,
        unit: Unit::Number,
        phrase: "the other actors' participation is {value}",
        compute: |x| x.mean_participation(|u| !x.core.contains(u)),
    },
    Statistic {
        name: "krackhardt_hierarchy",
        doc: "Krackhardt hierarchy: share of reachable ordered pairs not mutually reachable (0 on an undirected view)",
        reference: "sna::hierarchy(g, measure=\"krackhardt\")",
        undefined: "no actor reaches another",
        uses_core: false,
        claim: Claim::Higher,
        unit: Unit::Number,
        phrase: "Krackhardt hierarchy is {value}",
        compute: |x| {
            Ok(cohesion::krackhardt_hierarchy(
                &x.csr,
                &HierarchyOptions::default(),
            ))
        },
    },
    Statistic {
        name: "lubness",
        doc: "Krackhardt least-upper-boundedness: 1 − share of pairs in a weak component without a common superior reaching every other",
        reference: "sna::lubness(g)",
        undefined: "no weak component of more than 2 actors",
        uses_core: false,
        claim: Claim::Higher,
        unit: Unit::Number,
        phrase: "least-upper-boundedness is {value}",
        compute: |x| Ok(cohesion::lubness(&x.csr)),
    },
    Statistic {
        name: "fragmentation_without_core",
        doc: "Borgatti's F = 1 − (reachable ordered pairs) / (n(n−1)) of the graph without the core set",
        reference: "1 − Σ s(s−1) / (n(n−1)) over networkx components of G − C (directed: networkx.has_path)",
        undefined: "fewer than 2 actors outside the core set",
        uses_core: true,
        claim: Claim::Higher,
        unit: Unit::Share,
        phrase: "without the {core}, {value} of the pairs of actors are cut off",
        compute: |x| {
            fragmentation(
                &x.csr,
                &x.core,
                &FragmentationOptions {
                    parallelism: Parallelism::Sequential,
                    ..Default::default()
                },
            )
        },
    },
    Statistic {
        name: "ei_index",
        doc: "Krackhardt–Stern E-I index (E − I)/(E + I) of ties between and within sectors (a reciprocated pair once)",
        reference: "hand-computed (measures::brokerage::ei_index)",
        undefined: "no tie",
        uses_core: false,
        claim: Claim::None,
        unit: Unit::Number,
        phrase: "the E-I index by sector is {value}",
        compute: |x| {
            Ok(ei_index(
                &x.csr,
                &x.sectors,
                &EiOptions {
                    direction: Direction::All,
                    ..Default::default()
                },
            )?
            .graph)
        },
    },
    Statistic {
        name: "between_sector_distance",
        doc: "mean hop distance over connected ordered pairs of actors in different sectors",
        reference: "mean of networkx.shortest_path_length over those pairs (scripts/reference/compare.py)",
        undefined: "no pair of actors of different sectors is connected",
        uses_core: false,
        claim: Claim::Lower,
        unit: Unit::Number,
        phrase: "actors of different sectors are {value} steps apart on average",
        compute: |x| Ok(x.sector_paths()?.distance),
    },
    Statistic {
        name: "global_efficiency",
        doc: "Latora–Marchiori global efficiency Σ_{s≠t} 1/d(s,t) / (n(n−1)), paths following arcs",
        reference: "networkx.global_efficiency(G) (undirected; directed by the same formula on a DiGraph)",
        undefined: "fewer than 2 actors",
        uses_core: false,
        claim: Claim::None,
        unit: Unit::Number,
        phrase: "global efficiency is {value}",
        compute: |x| Ok(cohesion::global_efficiency(&x.csr, &DIST)),
    },
    Statistic {
        name: "transitivity",
        doc: "share of (out-)neighbour pairs that are tied: Σ t_v / Σ d_v(d_v − 1)",
        reference: "networkx.transitivity(G)",
        undefined: "never (0 without triples)",
        uses_core: false,
        claim: Claim::None,
        unit: Unit::Number,
        phrase: "transitivity is {value}",
        compute: |x| Ok(Some(cohesion::transitivity(&x.csr))),
    },
];

/// The statistic called `name`.
///
/// # Errors
/// [`Error::UnknownName`](crate::Error::UnknownName) listing the panel's names.
pub fn statistic(name: &str) -> Result<&'static Statistic> {
    PANEL
        .iter()
        .find(|s| s.name == name)
        .ok_or_else(|| crate::Error::UnknownName {
            what: "statistic",
            value: name.to_string(),
            available: crate::Names::of(PANEL.iter().map(|s| s.name), name),
        })
}

/// Every statistic of the panel on `x`, in [`PANEL`] order (`None` where undefined).
///
/// # Errors
/// A measure's error (none on inputs built by [`PanelInput::new`]).
pub fn panel_values(x: &PanelInput) -> Result<Vec<Option<f64>>> {
    PANEL.iter().map(|s| s.compute(x)).collect()
}

/// Every statistic of the panel on `view` with the core set `core`, each
/// value or the reason it is undefined.
///
/// ```
/// use coprod::compare::{PANEL, Value, panel};
/// let g = coprod::cases::load("x_district").unwrap();
/// let view = coprod::model::View::aggregate(&g);
/// let core = view.node_set_of_kind(coprod::model::Kind::Party); // none in X district
/// let values = panel(&view, core).unwrap();
/// let i = PANEL.iter().position(|s| s.name == "core_brokerage_share").unwrap();
/// assert!(matches!(&values[i], Value::Undefined(why) if why.contains("no actor")));
/// assert!(values[0].get().is_some()); // degree centralization is defined
/// ```
///
/// # Errors
/// [`Error::SizeMismatch`](crate::Error::SizeMismatch) for a core set of
/// another view.
pub fn panel(view: &View<'_>, core: NodeSet) -> Result<Vec<Value>> {
    let x = PanelInput::new(view, core)?;
    PANEL.iter().map(|s| s.value(&x)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_lookup_lists_them() {
        let mut names: Vec<&str> = PANEL.iter().map(|s| s.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), PANEL.len());
        let e = statistic("core_brokerge_share").err().unwrap().to_string();
        assert!(e.contains("core_brokerage_share"), "{e}");
        for s in PANEL {
            assert!(s.phrase.contains("{value}"), "{}", s.name);
            // a statistic reads the core set exactly when its name says so
            let named = s.name.contains("core") || s.name.contains("participation");
            assert_eq!(s.uses_core, named, "{}", s.name);
        }
    }
}
