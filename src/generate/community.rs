//! Synthetic communities: a district of sub-districts, communities, buildings,
//! households and residents with their party, state, market and social
//! organisations, generated from a case's figures and streamed into a [`Csr`].
//!
//! See [`community`] for the structure, the ties and the randomness.

use crate::error::{Error, Result};
use crate::model::{
    Aggregation, CaseMeta, CaseSource, Csr, Fact, FactValue, Kind, LayerSpec, Level,
    MultiplexGraph, SourceActor, SourceTie,
};
use crate::random::{CoprodRng, below, stream};
use std::borrow::Cow;

/// The figures a synthetic community is generated from.
#[derive(Debug, Clone, PartialEq)]
pub struct CommunitySpec {
    /// Residents in all (exactly; at least 1).
    pub residents: usize,
    /// Mean persons per household, in `[1, 5]` (household sizes are
    /// `1 + Binomial(4, (h − 1)/4)`).
    pub persons_per_household: f64,
    /// Households per building (at least 1).
    pub households_per_building: u32,
    /// Buildings per community (at least 1).
    pub buildings_per_community: u32,
    /// Communities per sub-district (at least 1).
    pub communities_per_subdistrict: u32,
    /// District functional departments (strip), at least 1.
    pub departments: u32,
    /// Probability that a resident is a party member, in `[0, 1]`.
    pub party_member_share: f64,
    /// Neighbour ties drawn per household contact, at most 64.
    pub neighbours: u32,
    /// Probability that a household contact has a tension tie, in `[0, 1]`.
    pub tension_share: f64,
    /// Who leads the organisations of the state, the market and society:
    /// the party ([`Variant::OneCore`]), each sector's own head
    /// ([`Variant::Polycentric`]), or a mixture ([`Variant::Dial`]).
    pub variant: Variant,
    /// The case the figures come from (the generated case's name and id
    /// start with it); ascii letters, digits, `_`, `-`.
    pub name: String,
}

/// Who leads the non-party organisations of a synthetic community.
///
/// Four leadership ties per sub-district and community run from a party
/// organisation to an organisation of another sector in the one-core
/// community; each has a polycentric alternative from the head of that
/// organisation's own sector, at the same or the level above:
///
/// | one core (party leads) | polycentric (the sector's own head leads) |
/// |---|---|
/// | party working committee → sub-district office | department `s mod D` → sub-district office (state) |
/// | community party committee → residents' committee | sub-district office → residents' committee (state) |
/// | community party committee → property company | renewal service firm → property company (market) |
/// | community party committee → owners' committee | owners' committee → the head of one of its community's buildings, drawn uniformly (society) |
///
/// The party's own chain (district committee → working committees →
/// community party committees → building party groups → party members) and
/// every other layer are the same in all variants, so the variants have the
/// same actors and the same number of ties in every layer: the party is one
/// centre among four at the polycentric end, as in the
/// [matched baselines](crate::baselines::matched) — here by construction
/// rather than drawn from a case's budgets.
///
/// [`Variant::Dial`]`(λ)` keeps each of these ties from the party with
/// probability `λ` (independently, from `random::stream(seed, 2^64 − 1)`,
/// one draw per tie plus one building draw per community whatever `λ`, so
/// two values of `λ` with one seed share their draws);
/// `OneCore` is `Dial(1)` and `Polycentric` is `Dial(0)`, exactly.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Variant {
    /// The party leads every organisation (`λ = 1`).
    #[default]
    OneCore,
    /// Each sector's head leads its organisations (`λ = 0`).
    Polycentric,
    /// Each lead from the party with probability `λ` in `[0, 1]`.
    Dial(f64),
}

impl Variant {
    /// The share `λ` of the four re-sourceable leadership ties kept by the party.
    pub fn party_share(self) -> f64 {
        match self {
            Variant::OneCore => 1.0,
            Variant::Polycentric => 0.0,
            Variant::Dial(l) => l,
        }
    }
}

impl std::fmt::Display for Variant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Variant::OneCore => f.write_str("one-core"),
            Variant::Polycentric => f.write_str("polycentric"),
            Variant::Dial(l) => write!(f, "dial:{l}"),
        }
    }
}

impl std::str::FromStr for Variant {
    type Err = Error;
    /// `one-core`, `polycentric` or `dial:<λ>` with `λ` in `[0, 1]`.
    ///
    /// ```
    /// use coprod::generate::Variant;
    /// assert_eq!("polycentric".parse::<Variant>().unwrap(), Variant::Polycentric);
    /// assert_eq!("dial:0.25".parse::<Variant>().unwrap(), Variant::Dial(0.25));
    /// assert!("polycentrik".parse::<Variant>().is_err());
    /// ```
    ///
    /// # Errors
    /// [`Error::UnknownName`] listing the variants; [`Error::InvalidParameter`]
    /// for a `λ` that is not a number in `[0, 1]`.
    fn from_str(s: &str) -> Result<Variant> {
        match s {
            "one-core" => Ok(Variant::OneCore),
            "polycentric" => Ok(Variant::Polycentric),
            _ => match s.strip_prefix("dial:") {
                Some(l) => match l.parse::<f64>() {
                    Ok(l) if (0.0..=1.0).contains(&l) => Ok(Variant::Dial(l)),
                    _ => Err(Error::InvalidParameter {
                        name: "variant",
                        reason: format!("`{s}`: λ must be a number in [0, 1]"),
                    }),
                },
                None => Err(Error::UnknownName {
                    what: "variant",
                    value: s.to_string(),
                    available: crate::Names::of(["one-core", "polycentric", "dial:<λ>"], s),
                }),
            },
        }
    }
}

impl Default for CommunitySpec {
    /// Jinsong North's figures (see [`CommunitySpec::like`]) at 10^4 residents.
    fn default() -> Self {
        CommunitySpec {
            residents: 10_000,
            persons_per_household: 9494.0 / 4199.0,
            households_per_building: 84,
            buildings_per_community: 43,
            communities_per_subdistrict: 10,
            departments: 6,
            party_member_share: 0.08,
            neighbours: 2,
            tension_share: 0.01,
            variant: Variant::OneCore,
            name: "jinsong".into(),
        }
    }
}

impl CommunitySpec {
    /// The spec of a case's community at `residents` residents, from its facts:
    ///
    /// * `persons_per_household` = `residents<x>` / `households<x>` for the first
    ///   fact key `residents<x>` with a matching `households<x>` (Jinsong:
    ///   `residents_areas_1_2` / `households_areas_1_2` = 9494 / 4199 = 2.26);
    /// * `households_per_building` = `households` / `buildings`, rounded
    ///   (Jinsong: 3605 / 43 → 84);
    /// * `buildings_per_community` = `buildings` (the case is one community;
    ///   Jinsong: 43).
    ///
    /// The rest are not in the case files and keep the defaults, which are
    /// assumptions: 10 communities per sub-district, 6 district departments,
    /// party members 8% of residents (about the national share of party
    /// members), 2 neighbour ties per household, tension at 1% of households.
    ///
    /// ```
    /// use coprod::generate::CommunitySpec;
    /// let spec = CommunitySpec::like(&coprod::cases::load("jinsong").unwrap(), 1_000_000).unwrap();
    /// assert_eq!((spec.households_per_building, spec.buildings_per_community), (84, 43));
    /// assert!((spec.persons_per_household - 2.261).abs() < 1e-3);
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the fact a case lacks (`households`,
    /// `buildings`, or a `residents<x>` / `households<x>` pair).
    pub fn like(case: &MultiplexGraph, residents: usize) -> Result<CommunitySpec> {
        let meta = case.meta();
        let num = |key: &str| meta.fact(key).and_then(|f| f.value.as_f64());
        let missing = |what: &str| Error::InvalidParameter {
            name: "case",
            reason: format!(
                "case `{}` has no numeric fact {what}; facts: {}",
                meta.id,
                meta.facts
                    .iter()
                    .map(|f| f.key.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        let households = num("households").ok_or_else(|| missing("`households`"))?;
        let buildings = num("buildings").ok_or_else(|| missing("`buildings`"))?;
        let per_household = meta
            .facts
            .iter()
            .filter_map(|f| {
                let suffix = f.key.strip_prefix("residents")?;
                let r = f.value.as_f64()?;
                let h = num(&format!("households{suffix}"))?;
                (h > 0.0).then_some(r / h)
            })
            .next()
            .ok_or_else(|| missing("pair `residents<x>` / `households<x>`"))?;
        let spec = CommunitySpec {
            residents,
            persons_per_household: per_household,
            households_per_building: (households / buildings).round() as u32,
            buildings_per_community: buildings.round() as u32,
            name: meta.id.clone(),
            ..CommunitySpec::default()
        };
        spec.check()?;
        Ok(spec)
    }

    /// Every figure in its domain.
    fn check(&self) -> Result<()> {
        let bad = |name, reason: String| Err(Error::InvalidParameter { name, reason });
        if self.residents == 0 || self.residents > (u32::MAX / 2) as usize {
            return bad(
                "residents",
                format!("{} is not in 1..=2^31", self.residents),
            );
        }
        if !(1.0..=5.0).contains(&self.persons_per_household) {
            return bad(
                "persons_per_household",
                format!("{} is not in [1, 5]", self.persons_per_household),
            );
        }
        for (name, v) in [
            ("households_per_building", self.households_per_building),
            ("buildings_per_community", self.buildings_per_community),
            (
                "communities_per_subdistrict",
                self.communities_per_subdistrict,
            ),
            ("departments", self.departments),
        ] {
            if v == 0 || v > 1_000_000 {
                return bad(name, format!("{v} is not in 1..=10^6"));
            }
        }
        for (name, p) in [
            ("party_member_share", self.party_member_share),
            ("tension_share", self.tension_share),
        ] {
            if !(0.0..=1.0).contains(&p) {
                return bad(name, format!("{p} is not in [0, 1]"));
            }
        }
        let l = self.variant.party_share();
        if !(0.0..=1.0).contains(&l) {
            return bad("variant", format!("λ = {l} is not in [0, 1]"));
        }
        if !crate::model::is_valid_id(&self.name) {
            return bad(
                "name",
                format!(
                    "`{}` (use letters, digits, `_`, `-`)",
                    self.name.escape_debug()
                ),
            );
        }
        if self.neighbours > 64 {
            return bad("neighbours", format!("{} is more than 64", self.neighbours));
        }
        Ok(())
    }
}

/// The layers of a synthetic community, in the order of [`LayerSpec::standard`](crate::model::LayerSpec::standard).
pub const COMMUNITY_LAYERS: [(&str, bool); 7] = [
    ("leadership", true),
    ("administrative", true),
    ("deliberation", false),
    ("resource", true),
    ("service", true),
    ("information", true),
    ("tension", false),
];

const LEADERSHIP: u8 = 0;
const ADMINISTRATIVE: u8 = 1;
const DELIBERATION: u8 = 2;
const RESOURCE: u8 = 3;
const SERVICE: u8 = 4;
const INFORMATION: u8 = 5;
const TENSION: u8 = 6;

/// A probability as a threshold over 2^32 (integer draws only).
fn threshold(p: f64) -> u64 {
    (p.clamp(0.0, 1.0) * (1u64 << 32) as f64).round() as u64
}

/// Whether a draw with threshold `t` over 2^32 succeeds.
#[inline]
fn hit(rng: &mut CoprodRng, t: u64) -> bool {
    below(rng, 1 << 32) < t
}

/// A synthetic community: its spec, seed, node kinds and levels, and the
/// layout that lets its ties be replayed into a [`Csr`] at any time.
#[derive(Debug, Clone, PartialEq)]
pub struct Community {
    spec: CommunitySpec,
    seed: u64,
    /// First resident (counted among residents) of each building, and the total last.
    first: Vec<u32>,
    kinds: Vec<Kind>,
    levels: Vec<Level>,
    communities: usize,
    subdistricts: usize,
    party_members: usize,
    households: usize,
    household_t: u64,
    party_t: u64,
    tension_t: u64,
    lead_t: u64,
}

/// One building's households and party members, redrawn identically from
/// its stream each time its ties are replayed.
struct Plan {
    /// Household sizes.
    sizes: Vec<u8>,
    /// Whether each resident of the building is a party member.
    party: Vec<bool>,
}

/// Generate a synthetic community from `spec` with `seed`.
///
/// # Structure
/// ```text
/// district party committee ─ D district departments (strip)
/// S sub-districts     party working committee, sub-district office (block),
///                     five-party platform (arena), renewal service firm (market)
/// C communities       community party committee, residents' committee (block),
///                     owners' committee (social), property company (market),
///                     deliberation council (arena)
/// B buildings         building party group (party), building head (resident)
/// households          1 + Binomial(4, (h − 1)/4) members, h persons per household
/// R residents         party members (kind party, level individual) with
///                     probability `party_member_share`, else kind resident
/// ```
/// Buildings hold `households_per_building` households each (the last one
/// fewer), communities `buildings_per_community` buildings, sub-districts
/// `communities_per_subdistrict` communities; households are drawn until the
/// residents number exactly `residents` (the last household cut short).
///
/// # Ties, by layer (the standard layers, with their directions)
/// | layer | ties |
/// |---|---|
/// | leadership → | district party committee → each party working committee → its sub-district office and its communities' party committees → their residents', owners' committees and property companies, and their buildings' party groups → the party members of the building |
/// | administrative → | each department → each sub-district office → its residents' committees → their building heads |
/// | deliberation — | platform — its party working committee, office, firm, departments and communities' party committees; council — its community's four organisations and building heads |
/// | resource → | firm → each residents' committee of its sub-district; department → each sub-district office |
/// | service → | property company → each building head of its community |
/// | information → | building head ↔ each household's contact (its first member); contact ↔ the other members; each contact ↔ `neighbours` contacts drawn in the same building (both arcs each) |
/// | tension — | owners' committee — property company with probability 1/2 per community; each contact — a contact drawn in the same building with probability `tension_share` |
///
/// The table is the one-core community ([`Variant::OneCore`], the default);
/// [`Variant::Polycentric`] and [`Variant::Dial`] move four of the
/// leadership ties per sub-district and community to each sector's own head
/// (see [`Variant`]); nothing else changes.
///
/// At 10^6 residents with the defaults (Jinsong's figures) that is about
/// 4 · 10^6 arcs in the aggregate.
///
/// # Randomness and streaming
/// The organisations' draws come from `random::stream(seed, 0)` and building
/// `b`'s from `random::stream(seed, b + 1)`, every probability as an integer
/// threshold over 2^32, so the same spec and seed give the same community on
/// every machine. Nothing but the node kinds and one offset per building is
/// stored: [`Community::csr`] replays the ties building by building (a
/// building's ties are recomputed from its stream) straight into
/// [`Csr::from_edge_iter`]: no quadratic step and no list of all ties. The
/// snapshot itself holds 24 bytes per arc (out- and in-rows, a `u32` column
/// and an `f64` weight each); building it adds its row counters. Measured
/// with `cargo run --release --example community_memory -- 1000000`: 10^6
/// residents, 1.01 · 10^6 nodes, 3.85 · 10^6 arcs, peak resident memory 130
/// MB, 34 bytes per arc in all, generated and built in 1.5 s.
///
/// # Complexity
/// `O(n)` time and memory (one kind and level per node, one offset per
/// building); take the snapshot with [`Community::csr`] or [`Community::aggregate`].
///
/// ```
/// use coprod::generate::{community, CommunitySpec};
/// let spec = CommunitySpec { residents: 5_000, ..Default::default() };
/// let a = community(&spec, 7).unwrap();
/// assert_eq!(a.residents(), 5_000);
/// assert_eq!(a, community(&spec, 7).unwrap());
/// let g = a.aggregate();
/// assert_eq!(g.node_count(), a.node_count());
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] for a figure outside its domain (see
/// [`CommunitySpec`]'s fields).
///
/// # References
/// The default figures are Jinsong North's (`data/jinsong/case.toml`: 3605
/// households in 43 buildings; 9494 residents in the 4199 households of areas
/// 1–2); the organisations and layers follow the bundled cases' actors
/// (`data/*/actors.csv`). The other defaults are assumptions, listed at
/// [`CommunitySpec::like`].
pub fn community(spec: &CommunitySpec, seed: u64) -> Result<Community> {
    spec.check()?;
    let mut c = Community {
        spec: spec.clone(),
        seed,
        first: vec![0],
        kinds: Vec::new(),
        levels: Vec::new(),
        communities: 0,
        subdistricts: 0,
        party_members: 0,
        households: 0,
        household_t: threshold((spec.persons_per_household - 1.0) / 4.0),
        party_t: threshold(spec.party_member_share),
        tension_t: threshold(spec.tension_share),
        lead_t: threshold(spec.variant.party_share()),
    };
    // Draw the buildings until the residents are all housed.
    let mut resident_kinds = Vec::with_capacity(spec.residents);
    let mut housed = 0usize;
    while housed < spec.residents {
        let b = c.first.len() - 1;
        let plan = c.plan(b, spec.residents - housed, &mut c.rng_of(b));
        housed += plan.party.len();
        c.households += plan.sizes.len();
        for &p in &plan.party {
            c.party_members += usize::from(p);
            resident_kinds.push(if p { Kind::Party } else { Kind::Resident });
        }
        c.first.push(housed as u32);
    }
    let b = c.buildings();
    c.communities = b.div_ceil(spec.buildings_per_community as usize);
    c.subdistricts = c
        .communities
        .div_ceil(spec.communities_per_subdistrict as usize);
    let n = c.residents_start() as usize + spec.residents;
    let mut kinds = Vec::with_capacity(n);
    let mut levels = Vec::with_capacity(n);
    let mut push = |k, l, times: usize| {
        for _ in 0..times {
            kinds.push(k);
            levels.push(l);
        }
    };
    push(Kind::Party, Level::District, 1);
    push(Kind::Strip, Level::District, spec.departments as usize);
    for _ in 0..c.subdistricts {
        push(Kind::Party, Level::Subdistrict, 1);
        push(Kind::Block, Level::Subdistrict, 1);
        push(Kind::Arena, Level::Subdistrict, 1);
        push(Kind::Market, Level::Subdistrict, 1);
    }
    for _ in 0..c.communities {
        push(Kind::Party, Level::Community, 1);
        push(Kind::Block, Level::Community, 1);
        push(Kind::Social, Level::Community, 1);
        push(Kind::Market, Level::Community, 1);
        push(Kind::Arena, Level::Community, 1);
    }
    for _ in 0..b {
        push(Kind::Party, Level::Building, 1);
        push(Kind::Resident, Level::Building, 1);
    }
    kinds.extend(resident_kinds);
    levels.resize(n, Level::Individual);
    c.kinds = kinds;
    c.levels = levels;
    Ok(c)
}

impl Community {
    /// The spec it was generated from.
    pub fn spec(&self) -> &CommunitySpec {
        &self.spec
    }

    /// The seed it was generated with.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Number of nodes (organisations, building party groups and heads, residents).
    pub fn node_count(&self) -> usize {
        self.kinds.len()
    }

    /// The kind of every node, dense-index order.
    pub fn kinds(&self) -> &[Kind] {
        &self.kinds
    }

    /// The level of every node, dense-index order.
    pub fn levels(&self) -> &[Level] {
        &self.levels
    }

    /// Number of residents (equals the spec's).
    pub fn residents(&self) -> usize {
        *self.first.last().unwrap_or(&0) as usize
    }

    /// Number of households.
    pub fn households(&self) -> usize {
        self.households
    }

    /// Number of residents who are party members.
    pub fn party_members(&self) -> usize {
        self.party_members
    }

    /// Number of buildings.
    pub fn buildings(&self) -> usize {
        self.first.len() - 1
    }

    /// Number of communities.
    pub fn communities(&self) -> usize {
        self.communities
    }

    /// Number of sub-districts.
    pub fn subdistricts(&self) -> usize {
        self.subdistricts
    }

    /// The index of the first resident node; residents follow in building order.
    pub fn residents_start(&self) -> u32 {
        (1 + self.spec.departments as usize
            + 4 * self.subdistricts
            + 5 * self.communities
            + 2 * self.buildings()) as u32
    }

    /// The snapshot of the layers named in `layers` (names of
    /// [`COMMUNITY_LAYERS`]), parallel ties merged by `agg`. Directed when one
    /// of the layers is; an undirected layer's tie then gives both arcs (as
    /// [`View::csr`](crate::model::View::csr) does). Ties are replayed from the
    /// seed straight into the snapshot.
    ///
    /// # Errors
    /// [`Error::UnknownLayer`] for a name not in [`COMMUNITY_LAYERS`].
    pub fn csr<S: AsRef<str>>(&self, layers: &[S], agg: Aggregation) -> Result<Csr> {
        let mut mask = [false; 7];
        for name in layers {
            let name = name.as_ref();
            let i = COMMUNITY_LAYERS
                .iter()
                .position(|(l, _)| *l == name)
                .ok_or_else(|| Error::UnknownLayer {
                    at: None,
                    value: name.to_string(),
                    available: crate::Names::of(COMMUNITY_LAYERS.iter().map(|l| l.0), name),
                })?;
            mask[i] = true;
        }
        let directed = COMMUNITY_LAYERS.map(|l| l.1);
        crate::model::snapshot(
            self.node_count(),
            &directed,
            &mask,
            false,
            self.ties().map(|(u, v, l)| (u, v, l, 1.0)),
            agg,
        )
    }

    /// The aggregate of all seven layers (a digraph), parallel ties counted
    /// ([`Aggregation::Sum`] of weights 1).
    ///
    /// # Panics
    /// Never: the layers are the community's own and its node count fits the
    /// snapshot's `u32` indices (checked when the community was generated).
    pub fn aggregate(&self) -> Csr {
        self.csr(&COMMUNITY_LAYERS.map(|l| l.0), Aggregation::Sum)
            .expect("the community's own layers and nodes")
    }

    /// Every tie `(source, target, layer index into COMMUNITY_LAYERS)`, recomputed
    /// from the seed: the organisations' ties, then building by building.
    pub fn ties(&self) -> impl Iterator<Item = (u32, u32, u8)> + Clone + '_ {
        self.top_ties()
            .into_iter()
            .chain((0..self.buildings()).flat_map(move |b| self.building_ties(b)))
    }

    /// The id of node `i`:
    ///
    /// ```text
    /// district_party_committee, department_<d>
    /// s<s>_party_working_committee, s<s>_office, s<s>_platform, s<s>_renewal_firm
    /// c<c>_party_committee, c<c>_residents_committee, c<c>_owners_committee,
    ///     c<c>_property_company, c<c>_council
    /// b<b>_party_group, b<b>_head
    /// r<r>                                   (residents, party members included)
    /// ```
    /// with sub-districts, communities, buildings and residents numbered from 0.
    ///
    /// ```
    /// use coprod::generate::{community, CommunitySpec};
    /// let c = community(&CommunitySpec { residents: 500, ..Default::default() }, 1).unwrap();
    /// assert_eq!(c.id(0), "district_party_committee");
    /// assert_eq!(c.id(c.residents_start() as usize), "r0");
    /// ```
    ///
    /// # Panics
    /// If `i` is not below [`node_count`](Self::node_count).
    pub fn id(&self, i: usize) -> String {
        assert!(i < self.node_count(), "node {i} of {}", self.node_count());
        let d = self.spec.departments as usize;
        let subs = 1 + d;
        let comms = subs + 4 * self.subdistricts;
        let blds = comms + 5 * self.communities;
        let res = self.residents_start() as usize;
        const SUB: [&str; 4] = [
            "party_working_committee",
            "office",
            "platform",
            "renewal_firm",
        ];
        const COMM: [&str; 5] = [
            "party_committee",
            "residents_committee",
            "owners_committee",
            "property_company",
            "council",
        ];
        match i {
            0 => "district_party_committee".into(),
            _ if i < subs => format!("department_{}", i - 1),
            _ if i < comms => format!("s{}_{}", (i - subs) / 4, SUB[(i - subs) % 4]),
            _ if i < blds => format!("c{}_{}", (i - comms) / 5, COMM[(i - comms) % 5]),
            _ if i < res => {
                let k = if (i - blds).is_multiple_of(2) {
                    "party_group"
                } else {
                    "head"
                };
                format!("b{}_{k}", (i - blds) / 2)
            }
            _ => format!("r{}", i - res),
        }
    }

    /// The metadata of the generated case: id
    /// `<name>_<variant>_<residents>_seed<seed>` (the variant `one-core`,
    /// `polycentric` or `dial-<λ>`), and as facts the figures it was drawn
    /// from and the counts it came out with (residents, households,
    /// buildings, communities, sub-districts, party members), each with
    /// `doc = "coprod generate"` — synthetic figures have no source to quote.
    pub fn meta(&self) -> CaseMeta {
        let sp = &self.spec;
        let variant = sp.variant.to_string().replace(':', "-");
        let fact = |key: &str, value: FactValue, unit: &str| Fact {
            key: key.into(),
            value,
            unit: Some(unit.into()),
            doc: "coprod generate".into(),
            quote: String::new(),
        };
        let int = |x: usize| FactValue::Integer(x as i64);
        CaseMeta {
            id: format!("{}_{variant}_{}_seed{}", sp.name, sp.residents, self.seed),
            name: format!("Synthetic {} ({variant})", sp.name),
            title: format!(
                "A synthetic community generated from {}'s figures: {} residents, the {variant} variant, seed {}",
                sp.name, sp.residents, self.seed
            ),
            place: "synthetic".into(),
            period: String::new(),
            sources: Vec::new(),
            facts: vec![
                fact("residents", int(self.residents()), "residents"),
                fact("households", int(self.households), "households"),
                fact("buildings", int(self.buildings()), "buildings"),
                fact("communities", int(self.communities), "communities"),
                fact("subdistricts", int(self.subdistricts), "sub-districts"),
                fact("party_members", int(self.party_members), "residents"),
                fact("departments", int(sp.departments as usize), "departments"),
                fact("seed", FactValue::Integer(self.seed as i64), "seed"),
                fact(
                    "variant_party_share",
                    FactValue::Real(sp.variant.party_share()),
                    "share",
                ),
                fact(
                    "persons_per_household",
                    FactValue::Real(sp.persons_per_household),
                    "persons",
                ),
                fact(
                    "households_per_building",
                    int(sp.households_per_building as usize),
                    "households",
                ),
                fact(
                    "buildings_per_community",
                    int(sp.buildings_per_community as usize),
                    "buildings",
                ),
                fact(
                    "communities_per_subdistrict",
                    int(sp.communities_per_subdistrict as usize),
                    "communities",
                ),
                fact(
                    "party_member_share",
                    FactValue::Real(sp.party_member_share),
                    "share",
                ),
                fact("neighbours", int(sp.neighbours as usize), "ties"),
                fact("tension_share", FactValue::Real(sp.tension_share), "share"),
            ],
            outcome: None,
        }
    }

    fn rng_of(&self, building: usize) -> CoprodRng {
        stream(self.seed, building as u64 + 1)
    }

    /// Building `b`'s households (at most `cap` residents) and party members.
    fn plan(&self, _b: usize, cap: usize, rng: &mut CoprodRng) -> Plan {
        let mut sizes = Vec::with_capacity(self.spec.households_per_building as usize);
        let mut total = 0usize;
        for _ in 0..self.spec.households_per_building {
            if total == cap {
                break;
            }
            let mut size = 1usize;
            for _ in 0..4 {
                size += usize::from(hit(rng, self.household_t));
            }
            let size = size.min(cap - total);
            sizes.push(size as u8);
            total += size;
        }
        let party = (0..total).map(|_| hit(rng, self.party_t)).collect();
        Plan { sizes, party }
    }

    // Node indices.
    fn department(&self, d: usize) -> u32 {
        1 + d as u32
    }
    fn sub(&self, s: usize, k: u32) -> u32 {
        1 + self.spec.departments + 4 * s as u32 + k
    }
    fn comm(&self, c: usize, k: u32) -> u32 {
        1 + self.spec.departments + 4 * self.subdistricts as u32 + 5 * c as u32 + k
    }
    fn bld(&self, b: usize, k: u32) -> u32 {
        self.comm(self.communities, 0) + 2 * b as u32 + k
    }

    /// The ties among organisations (a few per community).
    fn top_ties(&self) -> Vec<(u32, u32, u8)> {
        let mut rng = stream(self.seed, 0);
        let mut vrng = stream(self.seed, u64::MAX);
        let mut t = Vec::new();
        let d = self.spec.departments as usize;
        let bpc = self.spec.buildings_per_community as usize;
        let cps = self.spec.communities_per_subdistrict as usize;
        for s in 0..self.subdistricts {
            let (pwc, office, platform, firm) = (
                self.sub(s, 0),
                self.sub(s, 1),
                self.sub(s, 2),
                self.sub(s, 3),
            );
            t.push((0, pwc, LEADERSHIP));
            let lead = if hit(&mut vrng, self.lead_t) {
                pwc
            } else {
                self.department(s % d)
            };
            t.push((lead, office, LEADERSHIP));
            for x in [pwc, office, firm] {
                t.push((platform, x, DELIBERATION));
            }
            for k in 0..d {
                let dep = self.department(k);
                t.push((dep, office, ADMINISTRATIVE));
                t.push((dep, office, RESOURCE));
                t.push((platform, dep, DELIBERATION));
            }
            for c in s * cps..((s + 1) * cps).min(self.communities) {
                let (cpc, rc, oc, pc, council) = (
                    self.comm(c, 0),
                    self.comm(c, 1),
                    self.comm(c, 2),
                    self.comm(c, 3),
                    self.comm(c, 4),
                );
                t.push((pwc, cpc, LEADERSHIP));
                t.push((platform, cpc, DELIBERATION));
                t.push((office, rc, ADMINISTRATIVE));
                t.push((firm, rc, RESOURCE));
                let keep_rc = hit(&mut vrng, self.lead_t);
                let keep_oc = hit(&mut vrng, self.lead_t);
                let first_b = c * bpc;
                let in_c = (first_b + bpc).min(self.buildings()) - first_b;
                let head = self.bld(first_b + below(&mut vrng, in_c as u64) as usize, 1);
                let keep_pc = hit(&mut vrng, self.lead_t);
                t.push(if keep_rc {
                    (cpc, rc, LEADERSHIP)
                } else {
                    (office, rc, LEADERSHIP)
                });
                t.push(if keep_oc {
                    (cpc, oc, LEADERSHIP)
                } else {
                    (oc, head, LEADERSHIP)
                });
                t.push(if keep_pc {
                    (cpc, pc, LEADERSHIP)
                } else {
                    (firm, pc, LEADERSHIP)
                });
                for x in [cpc, rc, oc, pc] {
                    t.push((council, x, DELIBERATION));
                }
                if hit(&mut rng, 1 << 31) {
                    t.push((oc, pc, TENSION));
                }
            }
        }
        t
    }

    /// Building `b`'s ties, from its own stream.
    fn building_ties(&self, b: usize) -> Vec<(u32, u32, u8)> {
        let mut rng = self.rng_of(b);
        let first = self.first[b] as usize;
        let cap = self.first[b + 1] as usize - first;
        let plan = self.plan(b, cap, &mut rng);
        let c = b / self.spec.buildings_per_community as usize;
        let (bpg, head) = (self.bld(b, 0), self.bld(b, 1));
        let r0 = self.residents_start() + first as u32;
        let mut t = Vec::with_capacity(4 * cap + 8);
        t.push((self.comm(c, 0), bpg, LEADERSHIP));
        t.push((self.comm(c, 1), head, ADMINISTRATIVE));
        t.push((self.comm(c, 4), head, DELIBERATION));
        t.push((self.comm(c, 3), head, SERVICE));
        for (i, &p) in plan.party.iter().enumerate() {
            if p {
                t.push((bpg, r0 + i as u32, LEADERSHIP));
            }
        }
        // household contacts: the first member of each household
        let mut contacts = Vec::with_capacity(plan.sizes.len());
        let mut r = r0;
        for &size in &plan.sizes {
            contacts.push(r);
            t.push((head, r, INFORMATION));
            t.push((r, head, INFORMATION));
            for m in 1..size as u32 {
                t.push((r, r + m, INFORMATION));
                t.push((r + m, r, INFORMATION));
            }
            r += size as u32;
        }
        let h = contacts.len() as u64;
        if h >= 2 {
            // another household of the building, uniformly
            let other = |rng: &mut CoprodRng, i: usize| {
                let j = below(rng, h - 1) as usize;
                contacts[if j >= i { j + 1 } else { j }]
            };
            for (i, &x) in contacts.iter().enumerate() {
                for _ in 0..self.spec.neighbours {
                    let y = other(&mut rng, i);
                    t.push((x, y, INFORMATION));
                    t.push((y, x, INFORMATION));
                }
                if hit(&mut rng, self.tension_t) {
                    t.push((x, other(&mut rng, i), TENSION));
                }
            }
        }
        t
    }
}

/// The community as a case a writer can stream
/// ([`io::write_compact`](crate::io::write_compact),
/// [`io::write_case_csv`](crate::io::write_case_csv)): the standard layers,
/// ids from [`Community::id`], ties replayed from the seed with weight 1.
impl CaseSource for Community {
    fn meta(&self) -> Cow<'_, CaseMeta> {
        Cow::Owned(Community::meta(self))
    }
    fn layers(&self) -> Cow<'_, [LayerSpec]> {
        Cow::Owned(LayerSpec::standard())
    }
    fn actor_count(&self) -> usize {
        self.node_count()
    }
    fn actors(&self) -> Box<dyn Iterator<Item = SourceActor<'_>> + '_> {
        Box::new(
            (0..self.node_count()).map(|i| (Cow::Owned(self.id(i)), self.kinds[i], self.levels[i])),
        )
    }
    fn ties(&self) -> Box<dyn Iterator<Item = SourceTie> + '_> {
        Box::new(Community::ties(self).map(|(u, v, l)| (u, v, l, 1.0)))
    }
    fn weighted(&self) -> bool {
        false
    }
}
