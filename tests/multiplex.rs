//! Multiplex measures and matrices against uunet (multinet), scipy, numpy,
//! sna::gcor and networkx, via `scripts/reference/structure.py`.

// The shared helper trips `clippy::redundant_closure` (`.map(|v| floats(v))`); reported to the lead.
mod common;

use common::{EXACT, assert_close, close};
use coprod::measures::Direction;
use coprod::measures::multiplex::*;
use coprod::model::{Actor, Aggregation, Csr, Kind, Level, MultiplexGraph, Partition, Provenance};
use proptest::prelude::*;
use serde_json::Value;
use std::path::Path;

struct Mx {
    name: String,
    layers: Vec<Csr>,
    values: serde_json::Map<String, Value>,
    directed: bool,
}

fn dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/structure")
}

fn multiplex_fixtures() -> Vec<Mx> {
    let mut paths: Vec<_> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_str().unwrap().starts_with("mx_"))
        .collect();
    paths.sort();
    let out: Vec<Mx> = paths
        .iter()
        .map(|p| {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
            let n = v["n"].as_u64().unwrap() as usize;
            let directed = v["directed"].as_bool().unwrap();
            let layers = v["layers"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| {
                    let e: Vec<(u32, u32, f64)> = l
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|e| {
                            (
                                e[0].as_u64().unwrap() as u32,
                                e[1].as_u64().unwrap() as u32,
                                e[2].as_f64().unwrap(),
                            )
                        })
                        .collect();
                    Csr::from_edges(n, directed, &e, Aggregation::Sum)
                })
                .collect();
            Mx {
                name: v["name"].as_str().unwrap().to_string(),
                layers,
                values: v["values"].as_object().unwrap().clone(),
                directed,
            }
        })
        .collect();
    assert_eq!(out.len(), 5, "the five mx_* fixtures");
    out
}

impl Mx {
    fn nodes(&self, key: &str) -> Vec<f64> {
        let v = self
            .values
            .get(key)
            .unwrap_or_else(|| panic!("{}: missing key {key}", self.name));
        common::floats(v)
    }
    fn matrix(&self, key: &str) -> Vec<Vec<f64>> {
        self.values
            .get(key)
            .unwrap_or_else(|| panic!("{}: missing key {key}", self.name))
            .as_array()
            .unwrap()
            .iter()
            .map(common::floats)
            .collect()
    }
    fn modes(&self) -> Vec<(&'static str, Direction)> {
        if self.directed {
            vec![
                ("all", Direction::All),
                ("out", Direction::Out),
                ("in", Direction::In),
            ]
        } else {
            vec![("all", Direction::All)]
        }
    }
}

fn opt(x: Option<f64>) -> f64 {
    x.unwrap_or(f64::NAN)
}

#[test]
fn degree_and_participation_match_uunet_and_formula() {
    for f in multiplex_fixtures() {
        for (mode, d) in f.modes() {
            let o = DegreeOptions { direction: d };
            let what = format!("{} {mode}", f.name);
            let got = multiplex_degree(&f.layers, &o).unwrap();
            assert_close(
                &got,
                &f.nodes(&format!("uunet.degree.{mode}")),
                EXACT,
                &what,
            );
            let got = participation_coefficient(&f.layers, &o).unwrap();
            let want = f.nodes(&format!("formula.participation.{mode}"));
            assert_close(&got, &want, EXACT, &what);
        }
    }
}

#[test]
fn relevance_and_redundancy_match_uunet() {
    for f in multiplex_fixtures() {
        let l = f.layers.len();
        let mut subsets: Vec<Vec<usize>> = (0..l).map(|a| vec![a]).collect();
        subsets.push(vec![0, 1]);
        for (mode, d) in f.modes() {
            let o = DegreeOptions { direction: d };
            for s in &subsets {
                let tag: String = s.iter().map(|a| a.to_string()).collect();
                let what = format!("{} {mode} L{tag}", f.name);
                let got = relevance(&f.layers, s, &o).unwrap();
                let want = f.nodes(&format!("uunet.relevance.{mode}.L{tag}"));
                assert_close(&got, &want, EXACT, &what);
                let got = exclusive_relevance(&f.layers, s, &o).unwrap();
                let want = f.nodes(&format!("uunet.xrelevance.{mode}.L{tag}"));
                assert_close(&got, &want, EXACT, &what);
            }
            let got = connective_redundancy(&f.layers, &o).unwrap();
            let want = f.nodes(&format!("uunet.connective_redundancy.{mode}"));
            assert_close(&got, &want, EXACT, &format!("{} {mode}", f.name));
        }
    }
}

#[test]
fn overlap_and_degree_correlation_match_uunet_and_scipy() {
    for f in multiplex_fixtures() {
        let l = f.layers.len();
        let jac = f.matrix("uunet.layer_comparison.jaccard.edges");
        for (mode, d) in f.modes() {
            let o = DegreeOptions { direction: d };
            let sp = f.matrix(&format!("scipy.pearsonr.degree.{mode}"));
            let ss = f.matrix(&format!("scipy.spearmanr.degree.{mode}"));
            let up = f.matrix(&format!("uunet.layer_comparison.pearson.degree.{mode}"));
            let ur = f.matrix(&format!("uunet.layer_comparison.rho.degree.{mode}"));
            for a in 0..l {
                for b in 0..l {
                    let what = format!("{} {mode} layers {a},{b}", f.name);
                    let (x, y) = (&f.layers[a], &f.layers[b]);
                    let p = opt(degree_correlation(x, y, Correlation::Pearson, &o).unwrap());
                    let s = opt(degree_correlation(x, y, Correlation::Spearman, &o).unwrap());
                    assert!(
                        close(p, sp[a][b], EXACT),
                        "{what}: pearson {p} vs scipy {}",
                        sp[a][b]
                    );
                    assert!(
                        close(p, up[a][b], EXACT),
                        "{what}: pearson {p} vs uunet {}",
                        up[a][b]
                    );
                    assert!(
                        close(s, ss[a][b], EXACT),
                        "{what}: spearman {s} vs scipy {}",
                        ss[a][b]
                    );
                    assert!(
                        close(s, ur[a][b], EXACT),
                        "{what}: spearman {s} vs uunet {}",
                        ur[a][b]
                    );
                    let j = opt(edge_overlap(x, y).unwrap());
                    assert!(
                        close(j, jac[a][b], EXACT),
                        "{what}: jaccard {j} vs {}",
                        jac[a][b]
                    );
                }
            }
        }
    }
}

#[test]
fn layer_correlation_matches_gcor_and_corrcoef() {
    for f in multiplex_fixtures() {
        for (entries, tag) in [(Weights::Ignore, "binary"), (Weights::Strength, "weighted")] {
            let r = layer_correlation(&f.layers, entries).unwrap();
            for key in [
                format!("numpy.corrcoef.offdiag.{tag}"),
                format!("sna.gcor.{tag}"),
            ] {
                let want = f.matrix(&key);
                for (a, row) in want.iter().enumerate() {
                    let got: Vec<f64> = r.row(a).to_vec();
                    assert_close(&got, row, EXACT, &format!("{} {key} row {a}", f.name));
                }
            }
        }
    }
}

#[test]
fn mixing_matrix_matches_networkx() {
    let mut count = 0;
    for entry in std::fs::read_dir(dir()).unwrap() {
        let p = entry.unwrap().path();
        if p.file_name().unwrap().to_str().unwrap().starts_with("mx_") {
            continue;
        }
        let f = common::load_fixture(&p);
        let m = mixing_matrix(&f.csr(), &f.partition(), Weights::Ignore).unwrap();
        let want: Vec<Vec<f64>> = f
            .get("networkx.attribute_mixing_matrix")
            .expect("mixing key")
            .as_array()
            .unwrap()
            .iter()
            .map(common::floats)
            .collect();
        assert_eq!(m.nrows(), want.len(), "{}", f.name);
        for (a, row) in want.iter().enumerate() {
            assert_close(&m.row(a).to_vec(), row, EXACT, &f.name);
        }
        // Weighted entries sum to the total weight of the arcs.
        let mw = mixing_matrix(&f.csr(), &f.partition(), Weights::Strength).unwrap();
        let total: f64 = f.csr().arcs().map(|(_, _, w)| w).sum();
        assert!(close(mw.sum(), total, EXACT), "{}", f.name);
        count += 1;
    }
    assert!(count >= 20, "single-graph fixtures: {count}");
}

#[test]
fn supra_adjacency_by_hand() {
    // layer 0: 0 -> 1 (w 2); layer 1: 1 -> 2 (w 3); layer 2: empty; n = 3, M = 3
    let a = Csr::from_edges(3, true, &[(0, 1, 2.0)], Aggregation::Sum);
    let b = Csr::from_edges(3, true, &[(1, 2, 3.0)], Aggregation::Sum);
    let c = Csr::from_edges(3, true, &[], Aggregation::Sum);
    let layers = [a, b, c];
    let opts = SupraOptions {
        omega: 0.5,
        coupling: Coupling::Categorical,
        entries: Weights::Strength,
    };
    let s = supra_adjacency(&layers, &opts).unwrap();
    assert_eq!(s.dim(), (9, 9));
    assert_eq!(s[[0, 1]], 2.0);
    assert_eq!(s[[1, 0]], 0.0);
    assert_eq!(s[[3 + 1, 3 + 2]], 3.0);
    for (x, y) in [(0, 1), (0, 2), (1, 2)] {
        for u in 0..3 {
            assert_eq!(s[[x * 3 + u, y * 3 + u]], 0.5);
            assert_eq!(s[[y * 3 + u, x * 3 + u]], 0.5);
        }
    }
    // 2 + 3 intra-layer, 6 coupled ordered layer pairs x 3 nodes x 0.5
    assert_eq!(s.sum(), 5.0 + 6.0 * 3.0 * 0.5);
    let ord = SupraOptions {
        coupling: Coupling::Ordinal,
        entries: Weights::Ignore,
        ..opts
    };
    let s = supra_adjacency(&layers, &ord).unwrap();
    assert_eq!(s[[0, 6]], 0.0, "layers 0 and 2 are not consecutive");
    assert_eq!(s[[3, 6]], 0.5);
    assert_eq!(s.sum(), 2.0 + 4.0 * 3.0 * 0.5);
    // The diagonal blocks are the layers' adjacency matrices.
    let s = supra_adjacency(&layers, &SupraOptions::default()).unwrap();
    let a0 = adjacency(&layers[0], Weights::Ignore);
    assert_eq!(s.slice(ndarray::s![0..3, 0..3]), a0);
    assert!(
        supra_adjacency(
            &layers,
            &SupraOptions {
                omega: f64::NAN,
                ..opts
            }
        )
        .is_err()
    );
}

#[test]
fn layer_csrs_reads_a_multiplex_graph() {
    let mut g = MultiplexGraph::new();
    for (id, k) in [
        ("p", Kind::Party),
        ("b", Kind::Block),
        ("r", Kind::Resident),
    ] {
        g.add_actor(Actor::new(id, k, Level::Community)).unwrap();
    }
    g.add_tie("p", "b", "leadership", 1.0, Provenance::default())
        .unwrap();
    g.add_tie("p", "r", "leadership", 1.0, Provenance::default())
        .unwrap();
    g.add_tie("b", "r", "deliberation", 2.0, Provenance::default())
        .unwrap();
    g.add_tie("b", "p", "deliberation", 1.0, Provenance::default())
        .unwrap();
    let l = layer_csrs(&g, &["leadership", "deliberation"]).unwrap();
    assert!(l[0].is_directed() && l[1].is_directed());
    assert_eq!(l[1].edge_count(), 4, "two undirected ties, both ways");
    let o = DegreeOptions {
        direction: Direction::Out,
    };
    assert_eq!(multiplex_degree(&l, &o).unwrap(), [3.0, 2.0, 1.0]);
    let only_delib = layer_csrs(&g, &["deliberation"]).unwrap();
    assert!(!only_delib[0].is_directed());
    let sym = layer_csrs_symmetrized(&g, &["leadership", "deliberation"]).unwrap();
    assert!(sym.iter().all(|c| !c.is_directed()));
    assert_eq!(edge_overlap(&sym[0], &sym[1]).unwrap(), Some(1.0 / 3.0));
    assert!(layer_csrs(&g, &["nope"]).is_err());
    assert!(layer_csrs(&g, &[]).is_err());
    // Mixed directedness is an error for the measures themselves.
    let mixed = [l[0].clone(), only_delib[0].clone()];
    assert!(multiplex_degree(&mixed, &o).is_err());
    // The kind-by-kind mixing of the aggregate.
    let p = Partition::of_graph(&g, &coprod::model::Attribute::Kind).unwrap();
    let agg = coprod::model::View::aggregate(&g).csr();
    let m = mixing_matrix(&agg, &p, Weights::Ignore).unwrap();
    assert_eq!(m.sum(), agg.edge_count() as f64);
    assert!(participation_coefficient(&l[..1], &o).is_err());
    assert!(relevance(&l, &[2], &o).is_err());
}

/// Two or three layers on the same `n` nodes, from seeded `gnm`.
fn layers_strategy() -> impl Strategy<Value = Vec<Csr>> {
    (3usize..14, 1usize..4, any::<bool>(), any::<u64>()).prop_map(|(n, l, directed, seed)| {
        let max = if directed {
            n * (n - 1) / 2
        } else {
            n * (n - 1) / 4
        };
        (0..l)
            .map(|a| {
                let m = (seed as usize + 7 * a) % (max + 1);
                coprod::generate::gnm(n, m, directed, seed.wrapping_add(a as u64)).unwrap()
            })
            .collect()
    })
}

fn permute(g: &Csr, perm: &[u32]) -> Csr {
    let e: Vec<_> = g
        .edges()
        .map(|(u, v, w)| (perm[u as usize], perm[v as usize], w))
        .collect();
    Csr::from_edges(g.node_count(), g.is_directed(), &e, Aggregation::Sum)
}

proptest! {
    #[test]
    fn single_layer_is_the_plain_graph(layers in layers_strategy()) {
        let g = &layers[0];
        for d in [Direction::Out, Direction::In, Direction::All] {
            let o = DegreeOptions { direction: d };
            let k = multiplex_degree(std::slice::from_ref(g), &o).unwrap();
            for (u, &ku) in k.iter().enumerate() {
                let want = match (g.is_directed(), d) {
                    (false, _) | (true, Direction::Out) => g.out_degree(u),
                    (true, Direction::In) => g.in_degree(u),
                    (true, Direction::All) => g.out_degree(u) + g.in_degree(u),
                };
                prop_assert_eq!(ku, want as f64);
            }
            // One layer: every neighbour is reached only there.
            let r = relevance(std::slice::from_ref(g), &[0], &o).unwrap();
            let cr = connective_redundancy(std::slice::from_ref(g), &o).unwrap();
            for u in 0..g.node_count() {
                let active = k[u] > 0.0;
                prop_assert_eq!(r[u], if active { 1.0 } else { 0.0 });
                if !g.is_directed() || d != Direction::All {
                    prop_assert_eq!(cr[u], 0.0);
                }
            }
        }
        prop_assert_eq!(global_overlap(std::slice::from_ref(g)).unwrap(),
                        (g.edge_count() > 0).then_some(1.0));
    }

    #[test]
    fn bounds_and_symmetry(layers in layers_strategy()) {
        let o = DegreeOptions { direction: Direction::All };
        if layers.len() >= 2 {
            for p in participation_coefficient(&layers, &o).unwrap() {
                prop_assert!(p.is_nan() || (0.0..=1.0).contains(&p));
            }
        }
        for a in &layers {
            for b in &layers {
                prop_assert_eq!(edge_overlap(a, b).unwrap(), edge_overlap(b, a).unwrap());
                let j = edge_overlap(a, b).unwrap();
                prop_assert!(j.is_none_or(|j| (0.0..=1.0).contains(&j)));
                for m in [Correlation::Pearson, Correlation::Spearman] {
                    let x = degree_correlation(a, b, m, &o).unwrap();
                    let y = degree_correlation(b, a, m, &o).unwrap();
                    prop_assert_eq!(x, y);
                }
            }
        }
        let r = layer_correlation(&layers, Weights::Ignore).unwrap();
        prop_assert!(r.iter().zip(r.t().iter()).all(|(x, y)| x.to_bits() == y.to_bits()));
        for s in [relevance(&layers, &[0], &o).unwrap(), exclusive_relevance(&layers, &[0], &o).unwrap(),
                  connective_redundancy(&layers, &o).unwrap()] {
            prop_assert!(s.iter().all(|x| (0.0..=1.0).contains(x)));
        }
    }

    #[test]
    fn relabelling_invariance(layers in layers_strategy(), seed in any::<u64>()) {
        let n = layers[0].node_count();
        let mut perm: Vec<u32> = (0..n as u32).collect();
        let mut r = coprod::random::rng(seed);
        for i in (1..n).rev() {
            perm.swap(i, coprod::random::below(&mut r, i as u64 + 1) as usize);
        }
        let moved: Vec<Csr> = layers.iter().map(|g| permute(g, &perm)).collect();
        let o = DegreeOptions { direction: Direction::All };
        let check = |a: Vec<f64>, b: Vec<f64>| -> Result<(), TestCaseError> {
            for u in 0..n {
                let (x, y) = (a[u], b[perm[u] as usize]);
                prop_assert!(x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan()), "{} vs {}", x, y);
            }
            Ok(())
        };
        check(multiplex_degree(&layers, &o).unwrap(), multiplex_degree(&moved, &o).unwrap())?;
        check(active_layers(&layers, &o).unwrap(), active_layers(&moved, &o).unwrap())?;
        check(relevance(&layers, &[0], &o).unwrap(), relevance(&moved, &[0], &o).unwrap())?;
        check(exclusive_relevance(&layers, &[0], &o).unwrap(), exclusive_relevance(&moved, &[0], &o).unwrap())?;
        check(connective_redundancy(&layers, &o).unwrap(), connective_redundancy(&moved, &o).unwrap())?;
        if layers.len() >= 2 {
            check(participation_coefficient(&layers, &o).unwrap(), participation_coefficient(&moved, &o).unwrap())?;
        }
        prop_assert_eq!(global_overlap(&layers).unwrap(), global_overlap(&moved).unwrap());
        let (a, b) = (layer_correlation(&layers, Weights::Ignore).unwrap(), layer_correlation(&moved, Weights::Ignore).unwrap());
        prop_assert!(a.iter().zip(b.iter()).all(|(x, y)| (x.is_nan() && y.is_nan()) || (x - y).abs() < 1e-12));
    }
}
