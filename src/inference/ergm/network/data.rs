//! The data an ERGM's terms read besides the ties: node attributes and dyadic
//! covariates (split from `network.rs`; re-exported there).

use super::Network;
use crate::error::{Error, Names, Result};
use crate::model::View;
use std::collections::BTreeMap;

/// A node attribute: one text value per node (numbers are written as text
/// and parsed where a term needs a number).
#[derive(Debug, Clone, PartialEq)]
pub struct NodeAttribute {
    values: Vec<String>,
}

impl NodeAttribute {
    /// The values, one per node.
    pub fn values(&self) -> &[String] {
        &self.values
    }

    /// Whether every value parses as a finite number.
    pub fn is_numeric(&self) -> bool {
        self.values
            .iter()
            .all(|v| v.trim().parse::<f64>().is_ok_and(f64::is_finite))
    }

    /// The values as numbers, or `None` when one does not parse.
    pub fn numbers(&self) -> Option<Vec<f64>> {
        self.values
            .iter()
            .map(|v| v.trim().parse::<f64>().ok().filter(|x| x.is_finite()))
            .collect()
    }

    /// The distinct values sorted as R's `sort(unique(x))` sorts them:
    /// numerically when every value is a number, else by bytes (R's `C`
    /// collation; the bundled attributes are lowercase ASCII, where every
    /// locale agrees).
    pub fn levels(&self) -> Vec<String> {
        let mut l: Vec<String> = self.values.clone();
        if let Some(_nums) = self.numbers() {
            l.sort_by(|a, b| {
                let (x, y): (f64, f64) = (
                    a.trim().parse().unwrap_or(0.0),
                    b.trim().parse().unwrap_or(0.0),
                );
                x.total_cmp(&y)
            });
            l.dedup_by(|a, b| a.trim().parse::<f64>().ok() == b.trim().parse::<f64>().ok());
        } else {
            l.sort();
            l.dedup();
        }
        l
    }

    /// `codes()[i]`: the index of node i's value in [`levels`](Self::levels).
    ///
    /// # Panics
    /// Never: every value is one of the levels.
    pub fn codes(&self) -> Vec<usize> {
        let levels = self.levels();
        let numeric = self.numbers().is_some();
        self.values
            .iter()
            .map(|v| {
                levels
                    .iter()
                    .position(|l| {
                        if numeric {
                            l.trim().parse::<f64>().ok() == v.trim().parse::<f64>().ok()
                        } else {
                            l == v
                        }
                    })
                    .expect("every value is a level")
            })
            .collect()
    }
}

/// A dyadic covariate x_ij: a dense n × n matrix
/// ([`ErgmData::set_dyadic`]), or the 0/1 ties of a layer of the case, kept
/// as a [`Network`] (O(n + m) memory: a dense matrix per layer would be
/// 8n² bytes, 80 GB at 10⁵ actors).
#[derive(Debug, Clone, PartialEq)]
pub enum DyadicCovariate {
    /// Row-major n × n values, `x[i * n + j]` for i → j.
    Dense {
        /// Number of nodes.
        n: usize,
        /// The values.
        x: Vec<f64>,
    },
    /// 1 where the network has the tie i → j (both ways when undirected), else 0.
    Ties(Network),
}

impl DyadicCovariate {
    /// x_ij.
    #[inline]
    pub fn get(&self, i: usize, j: usize) -> f64 {
        match self {
            DyadicCovariate::Dense { n, x } => x[i * n + j],
            DyadicCovariate::Ties(net) => net.y(i, j),
        }
    }

    /// max |x_ij|.
    pub fn max_abs(&self) -> f64 {
        match self {
            DyadicCovariate::Dense { x, .. } => x.iter().fold(0.0f64, |m, v| m.max(v.abs())),
            DyadicCovariate::Ties(net) => f64::from(u8::from(net.edge_count() > 0)),
        }
    }
}

/// A network with what the terms read: node attributes and dyadic covariates.
#[derive(Debug, Clone)]
pub struct ErgmData {
    /// The observed network.
    pub network: Network,
    /// Node ids (actor ids of a case), in node order.
    pub node_names: Vec<String>,
    attributes: BTreeMap<String, NodeAttribute>,
    dyadic: BTreeMap<String, DyadicCovariate>,
}

impl ErgmData {
    /// A network with node names `0, 1, …` and no attributes.
    pub fn new(network: Network) -> ErgmData {
        let node_names = (0..network.n()).map(|i| i.to_string()).collect();
        ErgmData {
            network,
            node_names,
            attributes: BTreeMap::new(),
            dyadic: BTreeMap::new(),
        }
    }

    /// The binary network of a view of a case (weights ignored), with every
    /// actor attribute (`kind`, `sector`, `level`, `size` where every actor has
    /// one, and the actors file's own columns) and one dyadic covariate per
    /// layer of the case (`1` where the layer has a tie i → j, read in the
    /// view's direction), for `edgecov("layer")`.
    ///
    /// # Panics
    /// Never: the per-layer views use the view's own layers and actors.
    pub fn from_view(view: &View<'_>) -> ErgmData {
        let g = view.graph();
        let idx = view.actor_indices();
        let network = arena_aware_network(view);
        let mut data = ErgmData::new(network);
        data.node_names = view.ids().iter().map(|s| s.to_string()).collect();
        let col = |f: &dyn Fn(usize) -> String| idx.iter().map(|&i| f(i)).collect::<Vec<_>>();
        data.attributes.insert(
            "kind".into(),
            NodeAttribute {
                values: col(&|i| g.actor(i).kind.to_string()),
            },
        );
        data.attributes.insert(
            "sector".into(),
            NodeAttribute {
                values: col(&|i| g.actor(i).sector().to_string()),
            },
        );
        data.attributes.insert(
            "level".into(),
            NodeAttribute {
                values: col(&|i| g.actor(i).level.to_string()),
            },
        );
        if idx.iter().all(|&i| g.actor(i).size.is_some()) {
            data.attributes.insert(
                "size".into(),
                NodeAttribute {
                    values: col(&|i| g.actor(i).size.unwrap_or(0).to_string()),
                },
            );
        }
        for c in g.attribute_columns() {
            let values = col(&|i| g.actor(i).attrs.get(&c).cloned().unwrap_or_default());
            data.attributes.insert(c, NodeAttribute { values });
        }
        let directed = data.network.is_directed();
        for spec in g.layers() {
            let layer_view = View::new(g, &crate::model::Layers::only(&[spec.name.as_str()]))
                .and_then(|v| v.without(&excluded_ids(view)))
                .expect("the view's own layers and actors exist");
            // A directed layer in an undirected view: its ties, either way.
            let layer_view = if directed {
                layer_view
            } else {
                layer_view.symmetrized()
            };
            let m = DyadicCovariate::Ties(arena_aware_network(&layer_view));
            data.dyadic.insert(spec.name.clone(), m);
        }
        data
    }

    /// Add (or replace) a node attribute.
    ///
    /// # Errors
    /// [`Error::SizeMismatch`] when it has another length than the network.
    pub fn set_attribute<S: ToString>(&mut self, name: &str, values: &[S]) -> Result<()> {
        if values.len() != self.network.n() {
            return Err(Error::SizeMismatch {
                what: format!("attribute `{name}`"),
                expected: self.network.n(),
                found: values.len(),
            });
        }
        self.attributes.insert(
            name.to_string(),
            NodeAttribute {
                values: values.iter().map(|v| v.to_string()).collect(),
            },
        );
        Ok(())
    }

    /// Add (or replace) a dyadic covariate: an n × n matrix in row-major order
    /// (`x[i * n + j]` for the dyad i → j; symmetric when undirected).
    ///
    /// # Errors
    /// [`Error::SizeMismatch`] for a matrix of another size.
    pub fn set_dyadic(&mut self, name: &str, x: Vec<f64>) -> Result<()> {
        let n = self.network.n();
        if x.len() != n * n {
            return Err(Error::SizeMismatch {
                what: format!("dyadic covariate `{name}` (n × n entries)"),
                expected: n * n,
                found: x.len(),
            });
        }
        if let Some(k) = x.iter().position(|v| !v.is_finite()) {
            return Err(Error::InvalidParameter {
                name: "dyadic covariate",
                reason: format!(
                    "`{name}`: entry ({}, {}) is {}, not a finite number",
                    k / n.max(1),
                    k % n.max(1),
                    x[k]
                ),
            });
        }
        self.dyadic
            .insert(name.to_string(), DyadicCovariate::Dense { n, x });
        Ok(())
    }

    /// A node attribute by name.
    ///
    /// # Errors
    /// [`Error::UnknownAttribute`] listing the attributes that exist.
    pub fn attribute(&self, name: &str) -> Result<&NodeAttribute> {
        self.attributes
            .get(name)
            .ok_or_else(|| Error::UnknownAttribute {
                name: name.to_string(),
                available: Names::of(self.attributes.keys(), name),
            })
    }

    /// A dyadic covariate (a layer of the case, or one set by
    /// [`set_dyadic`](Self::set_dyadic)).
    ///
    /// # Errors
    /// [`Error::UnknownName`] listing the covariates that exist.
    pub fn dyadic(&self, name: &str) -> Result<&DyadicCovariate> {
        self.dyadic.get(name).ok_or_else(|| Error::UnknownName {
            what: "dyadic covariate (layer)",
            value: name.to_string(),
            available: Names::of(self.dyadic.keys(), name),
        })
    }

    /// The names of the node attributes.
    pub fn attribute_names(&self) -> Vec<&str> {
        self.attributes.keys().map(String::as_str).collect()
    }
}

/// Ids of the actors a view leaves out.
fn excluded_ids(view: &View<'_>) -> Vec<String> {
    let kept = view.actor_indices();
    let g = view.graph();
    (0..g.actor_count())
        .filter(|i| kept.binary_search(i).is_err())
        .map(|i| g.actor(i).id.clone())
        .collect()
}

/// The binary network of a view, reading a tie of an undirected layer
/// (deliberation) with an arena at one end as member → arena only (the
/// codebook's membership; convention 5 of `data/README.md`) when the view is
/// directed, in both directions otherwise. Weights are ignored, self-loops
/// dropped.
fn arena_aware_network(view: &View<'_>) -> Network {
    let g = view.graph();
    let idx = view.actor_indices();
    let mut dense = vec![usize::MAX; g.actor_count()];
    for (d, &i) in idx.iter().enumerate() {
        dense[i] = d;
    }
    let directed = view.is_directed();
    let mut net = Network::empty(idx.len(), directed);
    let is_arena = |i: usize| g.actor(i).kind == crate::model::Kind::Arena;
    for t in view.ties() {
        let (s, d) = (dense[t.source], dense[t.target]);
        if s == d {
            continue;
        }
        let mut add = |u: usize, v: usize| {
            if !net.has(u, v) {
                net.toggle(u, v);
            }
        };
        if directed && !g.layer(t.layer).directed {
            match (is_arena(t.source), is_arena(t.target)) {
                (false, true) => add(s, d),
                (true, false) => add(d, s),
                _ => {
                    add(s, d);
                    add(d, s);
                }
            }
        } else {
            add(s, d);
        }
    }
    net
}
