//! The two codings' ties on the matched actors: items (dyad × layer), the
//! per-layer tables, the confusion tables and the disagreements.

use super::matching::{Matching, Side};
use super::statistics::{kappa_parts, krippendorff_alpha};
use crate::error::{Error, Result};
use crate::model::{Certainty, LayerSpec, MultiplexGraph};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// One tie of a coding as written: its ends (the coding's own ids), layer,
/// certainty and provenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TieRef {
    /// Source id in its coding.
    pub source: String,
    /// Target id in its coding.
    pub target: String,
    /// The layer.
    pub layer: String,
    /// Stated or inferred.
    pub certainty: Certainty,
    /// Source document.
    pub doc: String,
    /// The supporting quote.
    pub quote: String,
}

/// An item: `(layer, i, j)` over group indices; `i < j` in an undirected layer.
pub(super) type Item = (usize, usize, usize);

/// The ties of both codings projected onto the groups.
pub(super) struct Projected {
    /// The layers of both codings: A's, then those only B declares.
    pub specs: Vec<LayerSpec>,
    /// Per side, every item with the ties that give it.
    pub items: [BTreeMap<Item, Vec<TieRef>>; 2],
    /// Per side, ties not compared: both ends in one group, or an end
    /// outside the scope.
    pub excluded: Vec<Excluded>,
}

/// A tie left out of the comparison, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Excluded {
    /// Its coding.
    pub side: Side,
    /// The tie.
    pub tie: TieRef,
    /// `inside group` (both ends matched to one actor of the other coding)
    /// or `outside scope` (an end matched nothing, with `Scope::Matched`).
    pub reason: &'static str,
}

fn tie_ref(g: &MultiplexGraph, t: &crate::model::Tie) -> TieRef {
    TieRef {
        source: g.actor(t.source).id.clone(),
        target: g.actor(t.target).id.clone(),
        layer: g.layer(t.layer).name.clone(),
        certainty: t.certainty,
        doc: t.provenance.doc.clone(),
        quote: t.provenance.quote.clone(),
    }
}

/// The layers of `a`, then those only `b` declares.
///
/// # Errors
/// [`Error::InvalidParameter`] when a layer of both differs in direction or sign.
pub(super) fn merged_layers(a: &MultiplexGraph, b: &MultiplexGraph) -> Result<Vec<LayerSpec>> {
    let mut specs = a.layers().to_vec();
    for l in b.layers() {
        match specs.iter().find(|s| s.name == l.name) {
            Some(s) if s.directed != l.directed || s.sign != l.sign => {
                return Err(Error::InvalidParameter {
                    name: "layer",
                    reason: format!(
                        "`{}` is {} in coding A and {} in coding B; declare it alike in both case.toml files",
                        l.name,
                        describe(s),
                        describe(l)
                    ),
                });
            }
            Some(_) => {}
            None => specs.push(l.clone()),
        }
    }
    Ok(specs)
}

fn describe(l: &LayerSpec) -> String {
    format!(
        "{} and {:?}",
        if l.directed { "directed" } else { "undirected" },
        l.sign
    )
    .to_lowercase()
}

/// Project both codings' ties onto the groups of `m` that are in scope.
pub(super) fn project(
    a: &MultiplexGraph,
    b: &MultiplexGraph,
    m: &Matching,
    in_scope: &[bool],
) -> Result<Projected> {
    let specs = merged_layers(a, b)?;
    let mut items: [BTreeMap<Item, Vec<TieRef>>; 2] = [BTreeMap::new(), BTreeMap::new()];
    let mut excluded = Vec::new();
    for (k, (g, group_of, side)) in [(a, &m.group_of_a, Side::A), (b, &m.group_of_b, Side::B)]
        .into_iter()
        .enumerate()
    {
        for t in g.ties() {
            let r = tie_ref(g, t);
            let (i, j) = (group_of[t.source], group_of[t.target]);
            let layer = specs
                .iter()
                .position(|s| s.name == r.layer)
                .expect("merged layers hold every layer of both codings");
            if i == j {
                excluded.push(Excluded {
                    side,
                    tie: r,
                    reason: "inside group",
                });
            } else if !in_scope[i] || !in_scope[j] {
                excluded.push(Excluded {
                    side,
                    tie: r,
                    reason: "outside scope",
                });
            } else {
                let (i, j) = if specs[layer].directed {
                    (i, j)
                } else {
                    (i.min(j), i.max(j))
                };
                items[k].entry((layer, i, j)).or_default().push(r);
            }
        }
    }
    Ok(Projected {
        specs,
        items,
        excluded,
    })
}

/// Agreement on one layer (or pooled over layers): the 2 × 2 table of items
/// (tie present or absent in each coding) and the statistics of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LayerAgreement {
    /// The layer, or `all` for the pooled row.
    pub layer: String,
    /// Whether items are ordered dyads (directed layer) or unordered.
    pub directed: bool,
    /// Items: dyads among the actors in scope (`U(U−1)` ordered or
    /// `U(U−1)/2` unordered for `U` actors), summed over layers when pooled.
    pub items: u64,
    /// Ties both codings have.
    pub both: u64,
    /// Ties only A has.
    pub only_a: u64,
    /// Ties only B has.
    pub only_b: u64,
    /// Dyads neither codes.
    pub neither: u64,
    /// Of the directed items only one coding has: pairs where A has i → j
    /// only and B j → i only (each such pair is one tie only in A and one
    /// only in B).
    pub reversed: u64,
    /// `both / (both + only_a + only_b)`; `None` without any tie.
    pub jaccard: Option<f64>,
    /// Positive specific agreement `2·both / (2·both + only_a + only_b)`
    /// (Dice); `None` without any tie.
    pub positive_agreement: Option<f64>,
    /// Observed agreement `p_o` over all items; `None` without items.
    pub observed: Option<f64>,
    /// Chance agreement `p_e` ([`cohen_kappa`](super::cohen_kappa)).
    pub expected: Option<f64>,
    /// Cohen's κ over the items.
    pub kappa: Option<f64>,
    /// Krippendorff's α (nominal) over the items.
    pub alpha: Option<f64>,
}

impl LayerAgreement {
    pub(super) fn from_counts(
        layer: &str,
        directed: bool,
        items: u64,
        both: u64,
        only_a: u64,
        only_b: u64,
        reversed: u64,
    ) -> Self {
        let neither = items - both - only_a - only_b;
        let table = vec![vec![neither, only_b], vec![only_a, both]];
        let ties = both + only_a + only_b;
        let parts = kappa_parts(&table);
        LayerAgreement {
            layer: layer.into(),
            directed,
            items,
            both,
            only_a,
            only_b,
            neither,
            reversed,
            jaccard: (ties > 0).then(|| both as f64 / ties as f64),
            positive_agreement: (ties > 0)
                .then(|| 2.0 * both as f64 / (2 * both + only_a + only_b) as f64),
            observed: (items > 0).then(|| (both + neither) as f64 / items as f64),
            expected: parts.map(|p| p.2),
            kappa: super::cohen_kappa(&table),
            alpha: krippendorff_alpha(&table),
        }
    }

    /// The confusion table `[[neither, only_b], [only_a, both]]` (rows A:
    /// absent, present; columns B).
    pub fn table(&self) -> [[u64; 2]; 2] {
        [[self.neither, self.only_b], [self.only_a, self.both]]
    }

    /// The prevalence caveat to print beside κ: how rare ties are among the
    /// items and what that does to κ.
    ///
    /// ```
    /// use coprod::agreement::{AgreementOptions, agree};
    /// let g = coprod::cases::load("ly").unwrap();
    /// let x = agree(&g, &g, &AgreementOptions::default()).unwrap();
    /// assert_eq!(x.overall.kappa, Some(1.0));
    /// assert!(x.overall.prevalence_caveat().contains("prevalence paradox"));
    /// ```
    pub fn prevalence_caveat(&self) -> String {
        let share = |x: u64| {
            if self.items == 0 {
                0.0
            } else {
                100.0 * x as f64 / self.items as f64
            }
        };
        let f = |x: Option<f64>| x.map_or("undefined".to_string(), |v| format!("{v:.3}"));
        format!(
            "Of {} {} items, {:.1} % are ties in A and {:.1} % in B: with ties this rare, chance agreement p_e = {} comes almost entirely from dyads both leave empty, so κ = {} can be low while raw agreement p_o = {} is near 1, and it moves with the prevalence of ties as much as with the coders' agreement (the prevalence paradox, Feinstein & Cicchetti 1990, doi:10.1016/0895-4356(90)90158-L). Read it beside Jaccard = {} and positive agreement = {}, which ignore the agreed absences.",
            self.items,
            if self.directed {
                "ordered dyad × layer"
            } else {
                "dyad × layer"
            },
            share(self.both + self.only_a),
            share(self.both + self.only_b),
            f(self.expected),
            f(self.kappa),
            f(self.observed),
            f(self.jaccard),
            f(self.positive_agreement),
        )
    }
}

/// Per layer and pooled, over the items of `p` among `u` actors in scope.
pub(super) fn layer_agreements(p: &Projected, u: u64) -> (Vec<LayerAgreement>, LayerAgreement) {
    let mut rows = Vec::new();
    let (mut items, mut both, mut oa, mut ob, mut rev) = (0, 0, 0, 0, 0);
    let pairs = u * u.saturating_sub(1);
    for (l, spec) in p.specs.iter().enumerate() {
        let ka: BTreeSet<&Item> = p.items[0].keys().filter(|k| k.0 == l).collect();
        let kb: BTreeSet<&Item> = p.items[1].keys().filter(|k| k.0 == l).collect();
        if ka.is_empty() && kb.is_empty() {
            continue;
        }
        let n = if spec.directed { pairs } else { pairs / 2 };
        let b = ka.intersection(&kb).count() as u64;
        let a_only: Vec<&&Item> = ka.difference(&kb).collect();
        let r = if spec.directed {
            a_only
                .iter()
                .filter(|k| {
                    let rev = (l, k.2, k.1);
                    kb.contains(&rev) && !ka.contains(&rev) && !kb.contains(**k)
                })
                .count() as u64
        } else {
            0
        };
        let row = LayerAgreement::from_counts(
            &spec.name,
            spec.directed,
            n,
            b,
            a_only.len() as u64,
            kb.len() as u64 - b,
            r,
        );
        items += n;
        both += row.both;
        oa += row.only_a;
        ob += row.only_b;
        rev += r;
        rows.push(row);
    }
    let all_directed = rows.iter().all(|r| r.directed);
    let pooled = LayerAgreement::from_counts("all", all_directed, items, both, oa, ob, rev);
    (rows, pooled)
}

/// How the two codings orient the ties of one layer between one pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Orientation {
    /// No tie.
    None,
    /// One direction: A's when A has one, else B's (so B's `Same` and
    /// `Reversed` read against A).
    Same,
    /// The opposite direction.
    Reversed,
    /// Both directions.
    Both,
}

/// Direction confusion over the directed layers: per layer and unordered
/// pair where either coding has a tie, A's orientation (rows: none, one
/// direction, both) against B's (columns: none, the same direction, the
/// reversed, both).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DirectionTable {
    /// Row labels (A).
    pub rows: Vec<Orientation>,
    /// Column labels (B).
    pub columns: Vec<Orientation>,
    /// `counts[r][c]`: pair × layer cases (the none–none cell is 0: not counted).
    pub counts: Vec<Vec<u64>>,
}

pub(super) fn direction_table(p: &Projected) -> DirectionTable {
    use Orientation::*;
    let rows = vec![None, Same, Both];
    let columns = vec![None, Same, Reversed, Both];
    let mut counts = vec![vec![0u64; 4]; 3];
    let pairs: BTreeSet<Item> = p.items[0]
        .keys()
        .chain(p.items[1].keys())
        .filter(|k| p.specs[k.0].directed)
        .map(|&(l, i, j)| (l, i.min(j), i.max(j)))
        .collect();
    for (l, i, j) in pairs {
        let has = |s: usize, x: usize, y: usize| p.items[s].contains_key(&(l, x, y));
        let (af, ab) = (has(0, i, j), has(0, j, i));
        let (bf, bb) = (has(1, i, j), has(1, j, i));
        // orient so that A's single direction (else B's) is "forward"
        let (bf, bb) = if !af && (ab || (bb && !bf)) {
            (bb, bf)
        } else {
            (bf, bb)
        };
        let r = match (af || ab, af && ab) {
            (false, _) => 0,
            (true, false) => 1,
            (true, true) => 2,
        };
        let c = match (bf, bb) {
            (false, false) => 0,
            (true, false) => 1,
            (false, true) => 2,
            (true, true) => 3,
        };
        counts[r][c] += 1;
    }
    DirectionTable {
        rows,
        columns,
        counts,
    }
}

/// Layer confusion: per unordered pair of actors where either coding has a
/// tie (any layer, either direction), the layers both code count on the
/// diagonal; each layer only A codes is crossed with each layer only B
/// codes (A says `resource` where B says `service`), or with `none` when B
/// codes no other layer there (and likewise for B).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LayerConfusion {
    /// Row (A) and column (B) labels: the layers, then `none`.
    pub labels: Vec<String>,
    /// `counts[r][c]`.
    pub counts: Vec<Vec<u64>>,
}

pub(super) fn layer_confusion(p: &Projected) -> LayerConfusion {
    let nl = p.specs.len();
    let mut labels: Vec<String> = p.specs.iter().map(|s| s.name.clone()).collect();
    labels.push("none".into());
    let mut counts = vec![vec![0u64; nl + 1]; nl + 1];
    let mut sets: BTreeMap<(usize, usize), [BTreeSet<usize>; 2]> = BTreeMap::new();
    for s in 0..2 {
        for &(l, i, j) in p.items[s].keys() {
            sets.entry((i.min(j), i.max(j))).or_default()[s].insert(l);
        }
    }
    for [la, lb] in sets.values() {
        for l in la.intersection(lb) {
            counts[*l][*l] += 1;
        }
        let oa: Vec<usize> = la.difference(lb).copied().collect();
        let ob: Vec<usize> = lb.difference(la).copied().collect();
        match (oa.is_empty(), ob.is_empty()) {
            (true, true) => {}
            (false, true) => oa.iter().for_each(|&l| counts[l][nl] += 1),
            (true, false) => ob.iter().for_each(|&l| counts[nl][l] += 1),
            (false, false) => {
                for &x in &oa {
                    for &y in &ob {
                        counts[x][y] += 1;
                    }
                }
            }
        }
    }
    LayerConfusion { labels, counts }
}

/// What the other coding has where one coding has a tie it lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DisagreementKind {
    /// An end matched no actor of the other coding.
    Unmatched,
    /// The other coding has the tie in the opposite direction, same layer.
    Reversed,
    /// The other coding ties the pair in another layer only.
    OtherLayer,
    /// The other coding has no tie between the pair.
    Absent,
}

impl DisagreementKind {
    /// The kind as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            DisagreementKind::Unmatched => "unmatched actor",
            DisagreementKind::Reversed => "reversed",
            DisagreementKind::OtherLayer => "other layer",
            DisagreementKind::Absent => "absent",
        }
    }
}

/// A tie one coding has and the other lacks, with both codings' ties
/// between the pair side by side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Disagreement {
    /// The layer.
    pub layer: String,
    /// The source group's id (the lower one in an undirected layer).
    pub source: String,
    /// The target group's id.
    pub target: String,
    /// The coding that has the tie.
    pub only_in: Side,
    /// What the other coding has between the pair.
    pub kind: DisagreementKind,
    /// A's ties between the pair: the item's ties when A has it, else every
    /// tie A has between the two (any layer, either direction).
    pub a: Vec<TieRef>,
    /// B's, likewise.
    pub b: Vec<TieRef>,
}

pub(super) fn disagreements(p: &Projected, m: &Matching) -> Vec<Disagreement> {
    let mut out = Vec::new();
    let between = |s: usize, i: usize, j: usize| -> Vec<TieRef> {
        p.items[s]
            .iter()
            .filter(|(k, _)| (k.1 == i && k.2 == j) || (k.1 == j && k.2 == i))
            .flat_map(|(_, v)| v.iter().cloned())
            .collect()
    };
    for s in 0..2 {
        let o = 1 - s;
        for (&(l, i, j), ties) in &p.items[s] {
            if p.items[o].contains_key(&(l, i, j)) {
                continue;
            }
            let other = between(o, i, j);
            let kind = if !m.groups[i].is_matched() || !m.groups[j].is_matched() {
                DisagreementKind::Unmatched
            } else if p.specs[l].directed && p.items[o].contains_key(&(l, j, i)) {
                DisagreementKind::Reversed
            } else if !other.is_empty() {
                DisagreementKind::OtherLayer
            } else {
                DisagreementKind::Absent
            };
            let (a, b) = if s == 0 {
                (ties.clone(), other)
            } else {
                (other, ties.clone())
            };
            out.push((
                (l, i, j, s),
                Disagreement {
                    layer: p.specs[l].name.clone(),
                    source: m.groups[i].id.clone(),
                    target: m.groups[j].id.clone(),
                    only_in: if s == 0 { Side::A } else { Side::B },
                    kind,
                    a,
                    b,
                },
            ));
        }
    }
    out.sort_by_key(|x| x.0);
    out.into_iter().map(|x| x.1).collect()
}
