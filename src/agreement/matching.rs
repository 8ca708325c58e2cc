//! Matching the actors of two codings: by id, by normalised label, by a
//! user's mapping file; one actor may match several (a split or a merge).

use super::normalize_label;
use crate::error::{Error, Location, Names, Result};
use crate::model::MultiplexGraph;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Which of the two codings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// Coding A (the primary coding).
    A,
    /// Coding B.
    B,
}

impl Side {
    /// `"A"` or `"B"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::A => "A",
            Side::B => "B",
        }
    }
}

/// Why an actor of A was matched with an actor of B.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchRule {
    /// A row of the mapping file.
    Map,
    /// The same id.
    Id,
    /// The same normalised Chinese label ([`normalize_label`]).
    LabelZh,
    /// The same normalised English label.
    Label,
}

impl MatchRule {
    /// The rule's name as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchRule::Map => "map",
            MatchRule::Id => "id",
            MatchRule::LabelZh => "label_zh",
            MatchRule::Label => "label",
        }
    }
}

/// One link between an actor of A and an actor of B.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    /// The actor's id in A.
    pub a: String,
    /// The actor's id in B.
    pub b: String,
    /// Why.
    pub rule: MatchRule,
}

/// A user's mapping between the actors of two codings: rows `a,b` (an id of
/// coding A, an id of coding B), other columns (a `note`) ignored. An id may
/// appear on several rows: A's `alliances` against B's `party_alliance`,
/// `welfare_alliance` and `autonomy_alliance` is three rows (a split in B, a
/// merge in A). An actor the mapping names is matched only as it says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mapping {
    /// Where the mapping came from (for error locations).
    pub file: PathBuf,
    /// `(line, a, b)` per row (the header is line 1).
    pub rows: Vec<(u64, String, String)>,
}

impl Mapping {
    /// Parse a mapping from CSV text (UTF-8, a BOM allowed, comma-separated,
    /// header with columns `a` and `b`).
    ///
    /// ```
    /// use coprod::agreement::Mapping;
    /// let m = Mapping::parse("map.csv", "a,b,note\nalliances,party_alliance,\nalliances,welfare_alliance,split\n").unwrap();
    /// assert_eq!(m.rows.len(), 2);
    /// assert!(Mapping::parse("map.csv", "a,c\nx,y\n").unwrap_err().to_string().contains("missing column `b`"));
    /// ```
    ///
    /// # Errors
    /// [`Error::MissingColumn`] for a header without `a` or `b`;
    /// [`Error::EmptyField`] for an empty id; [`Error::MalformedCsv`] for
    /// broken CSV; every problem of the file at once in [`Error::Invalid`]
    /// when there are several.
    pub fn parse(file: impl Into<PathBuf>, text: &str) -> Result<Mapping> {
        let file = file.into();
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let mut reader = csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .flexible(false)
            .from_reader(text.as_bytes());
        let header = reader.headers().map_err(|e| Error::MalformedCsv {
            at: Location::new(&file, 1, ""),
            message: e.to_string(),
        })?;
        let col = |name: &str| {
            header
                .iter()
                .position(|h| h.eq_ignore_ascii_case(name))
                .ok_or_else(|| Error::MissingColumn {
                    at: Location::new(&file, 1, ""),
                    column: name.into(),
                })
        };
        let (ia, ib) = (col("a")?, col("b")?);
        let mut rows = Vec::new();
        let mut problems = Vec::new();
        for rec in reader.records() {
            let rec = match rec {
                Ok(r) => r,
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line());
                    problems.push(Error::MalformedCsv {
                        at: Location::new(&file, line, ""),
                        message: e.to_string(),
                    });
                    continue;
                }
            };
            let line = rec.position().map_or(0, |p| p.line());
            if rec.iter().all(str::is_empty) {
                continue;
            }
            let mut ids = [String::new(), String::new()];
            for (k, (i, name)) in [(ia, "a"), (ib, "b")].into_iter().enumerate() {
                match rec.get(i).unwrap_or("") {
                    "" => problems.push(Error::EmptyField {
                        at: Location::new(&file, line, name),
                    }),
                    v => ids[k] = v.to_string(),
                }
            }
            let [a, b] = ids;
            rows.push((line, a, b));
        }
        match problems.len() {
            0 => Ok(Mapping { file, rows }),
            1 => Err(problems.remove(0)),
            _ => Err(Error::Invalid(problems)),
        }
    }

    /// Read and parse a mapping file.
    ///
    /// # Errors
    /// [`Error::Io`] when the file cannot be read; then as [`Mapping::parse`].
    pub fn read(path: impl AsRef<Path>) -> Result<Mapping> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Mapping::parse(path, &text)
    }
}

/// An actor the label step could not match because its key names several
/// actors of the other coding (or several of its own): resolve it with a
/// mapping row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ambiguous {
    /// The actor's coding.
    pub side: Side,
    /// The actor's id.
    pub id: String,
    /// The candidates of the other coding with the same normalised label.
    pub candidates: Vec<String>,
}

/// The actors of the two codings, grouped: a group is a connected set of
/// links (one actor of A and one of B, or a split or merge), or one actor
/// that matched nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Group {
    /// The group's id in the combined graphs: its A ids joined by `__`,
    /// or its B ids for a group of B only.
    pub id: String,
    /// Its actors in A (graph order).
    pub a: Vec<String>,
    /// Its actors in B (graph order).
    pub b: Vec<String>,
}

impl Group {
    /// Whether both codings have an actor in the group.
    pub fn is_matched(&self) -> bool {
        !self.a.is_empty() && !self.b.is_empty()
    }
}

/// The result of matching two codings' actors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Matching {
    /// Every link, mapping rows first, then by A's actor order.
    pub links: Vec<Link>,
    /// The groups: those holding an A actor in A's order, then B-only
    /// groups in B's order.
    pub groups: Vec<Group>,
    /// Actors left unmatched because their label was ambiguous.
    pub ambiguous: Vec<Ambiguous>,
    /// `group_of_a[i]`: the group of A's actor `i`.
    #[serde(skip)]
    pub group_of_a: Vec<usize>,
    /// `group_of_b[i]`: the group of B's actor `i`.
    #[serde(skip)]
    pub group_of_b: Vec<usize>,
}

impl Matching {
    /// The ids of the actors of `side` that matched nothing.
    pub fn unmatched(&self, side: Side) -> Vec<&str> {
        self.groups
            .iter()
            .filter(|g| !g.is_matched())
            .flat_map(|g| match side {
                Side::A => &g.a,
                Side::B => &g.b,
            })
            .map(String::as_str)
            .collect()
    }
}

/// Match the actors of `a` and `b`: first the rows of `mapping` (an actor
/// it names is matched only as it says), then equal ids, then equal
/// normalised Chinese or English labels ([`normalize_label`]) among the
/// actors still unmatched, when the key names exactly one actor on each
/// side (otherwise the actor is listed as [`Ambiguous`]).
///
/// ```
/// use coprod::agreement::{match_actors, Side};
/// let a = coprod::io::load_case_str("a", "", "id,label,label_zh,kind,level\np,Party branch,社區黨支部,party,community\nr,Residents,居民,resident,community\n", "source,target,layer\np,r,leadership\n").unwrap();
/// let b = coprod::io::load_case_str("b", "", "id,label,label_zh,kind,level\nbranch,,社区党支部,party,community\nr,Residents,居民,resident,community\nfirm,,企业,market,community\n", "source,target,layer\nbranch,r,leadership\n").unwrap();
/// let m = match_actors(&a, &b, None).unwrap();
/// assert_eq!(m.groups.len(), 3);
/// assert_eq!(m.links[1].rule.as_str(), "label_zh"); // p and branch
/// assert_eq!(m.unmatched(Side::B), ["firm"]);
/// ```
///
/// # Errors
/// [`Error::UnknownActor`] (with the mapping file's line and column) for a
/// mapping id the coding lacks, every such row at once in [`Error::Invalid`].
#[allow(clippy::needless_range_loop)] // indices run over two graphs and their flags at once
pub fn match_actors(
    a: &MultiplexGraph,
    b: &MultiplexGraph,
    mapping: Option<&Mapping>,
) -> Result<Matching> {
    let (na, nb) = (a.actor_count(), b.actor_count());
    let mut links: Vec<(usize, usize, MatchRule)> = Vec::new();
    let mut mapped_a = vec![false; na];
    let mut mapped_b = vec![false; nb];
    if let Some(m) = mapping {
        let mut problems = Vec::new();
        for (line, ia, ib) in &m.rows {
            let find = |g: &MultiplexGraph, id: &str, col: &str| {
                g.actor_index(id).map_err(|_| Error::UnknownActor {
                    at: Some(Location::new(&m.file, *line, col)),
                    value: id.to_string(),
                    available: Names::of(g.actors().map(|x| x.id.as_str()), id),
                })
            };
            match (find(a, ia, "a"), find(b, ib, "b")) {
                (Ok(i), Ok(j)) => {
                    mapped_a[i] = true;
                    mapped_b[j] = true;
                    if !links.iter().any(|l| l.0 == i && l.1 == j) {
                        links.push((i, j, MatchRule::Map));
                    }
                }
                (ra, rb) => problems.extend(ra.err().into_iter().chain(rb.err())),
            }
        }
        match problems.len() {
            0 => {}
            1 => return Err(problems.remove(0)),
            _ => return Err(Error::Invalid(problems)),
        }
    }
    let mut linked_a = mapped_a.clone();
    let mut linked_b = mapped_b.clone();
    for i in 0..na {
        if linked_a[i] {
            continue;
        }
        if let Ok(j) = b.actor_index(&a.actor(i).id)
            && !linked_b[j]
        {
            links.push((i, j, MatchRule::Id));
            linked_a[i] = true;
            linked_b[j] = true;
        }
    }
    // Labels: keys of the actors still unlinked on each side.
    let keys = |g: &MultiplexGraph, linked: &[bool]| -> Vec<[String; 2]> {
        (0..g.actor_count())
            .map(|i| {
                if linked[i] {
                    [String::new(), String::new()]
                } else {
                    let x = g.actor(i);
                    [normalize_label(&x.label_zh), normalize_label(&x.label)]
                }
            })
            .collect()
    };
    let (ka, kb) = (keys(a, &linked_a), keys(b, &linked_b));
    let same = |x: &[String; 2], y: &[String; 2]| -> Option<MatchRule> {
        if !x[0].is_empty() && x[0] == y[0] {
            Some(MatchRule::LabelZh)
        } else if !x[1].is_empty() && x[1] == y[1] {
            Some(MatchRule::Label)
        } else {
            None
        }
    };
    let mut ambiguous = Vec::new();
    let mut label_links = Vec::new();
    for i in 0..na {
        if linked_a[i] {
            continue;
        }
        let cands: Vec<(usize, MatchRule)> = (0..nb)
            .filter(|&j| !linked_b[j])
            .filter_map(|j| same(&ka[i], &kb[j]).map(|r| (j, r)))
            .collect();
        match cands.as_slice() {
            [] => {}
            [(j, rule)] => {
                let back: Vec<usize> = (0..na)
                    .filter(|&k| !linked_a[k] && same(&ka[k], &kb[*j]).is_some())
                    .collect();
                if back.len() == 1 {
                    label_links.push((i, *j, *rule));
                } else {
                    ambiguous.push(Ambiguous {
                        side: Side::B,
                        id: b.actor(*j).id.clone(),
                        candidates: back.iter().map(|&k| a.actor(k).id.clone()).collect(),
                    });
                }
            }
            many => ambiguous.push(Ambiguous {
                side: Side::A,
                id: a.actor(i).id.clone(),
                candidates: many.iter().map(|(j, _)| b.actor(*j).id.clone()).collect(),
            }),
        }
    }
    ambiguous.sort_by(|x, y| (x.side, &x.id).cmp(&(y.side, &y.id)));
    ambiguous.dedup();
    links.extend(label_links);
    // Groups: connected components of the links, A's order first.
    let mut parent: Vec<usize> = (0..na + nb).collect();
    fn root(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for &(i, j, _) in &links {
        let (ri, rj) = (root(&mut parent, i), root(&mut parent, na + j));
        if ri != rj {
            parent[ri.max(rj)] = ri.min(rj);
        }
    }
    let mut group_of_root: BTreeMap<usize, usize> = BTreeMap::new();
    let mut groups: Vec<Group> = Vec::new();
    let mut group_of = vec![0usize; na + nb];
    for (x, slot) in group_of.iter_mut().enumerate() {
        let r = root(&mut parent, x);
        let g = *group_of_root.entry(r).or_insert_with(|| {
            groups.push(Group {
                id: String::new(),
                a: Vec::new(),
                b: Vec::new(),
            });
            groups.len() - 1
        });
        if x < na {
            groups[g].a.push(a.actor(x).id.clone());
        } else {
            groups[g].b.push(b.actor(x - na).id.clone());
        }
        *slot = g;
    }
    for g in &mut groups {
        g.id = if g.a.is_empty() {
            g.b.join("__")
        } else {
            g.a.join("__")
        };
    }
    // A B-only group's id may equal an A id used by another group (never:
    // equal ids are linked unless the mapping says otherwise); make ids unique.
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for g in &mut groups {
        let n = seen.entry(g.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            g.id = format!("{}__b{}", g.id, *n - 1);
        }
    }
    Ok(Matching {
        links: links
            .into_iter()
            .map(|(i, j, rule)| Link {
                a: a.actor(i).id.clone(),
                b: b.actor(j).id.clone(),
                rule,
            })
            .collect(),
        group_of_a: group_of[..na].to_vec(),
        group_of_b: group_of[na..].to_vec(),
        groups,
        ambiguous,
    })
}
