//! Property tests of the brokerage family on small seeded random graphs.
#![allow(clippy::needless_range_loop)]

use coprod::measures::Direction;
use coprod::measures::brokerage::{
    BrokerageOptions, EiOptions, Role, StructuralHolesOptions, Weights, brokerage, burt_hierarchy,
    constraint, effective_size, efficiency, ei_index, multiplex_brokerage,
};
use coprod::model::{Aggregation, Csr, Partition};
use coprod::{
    generate::gnm,
    random::{below, rng},
};
use proptest::prelude::*;

fn graph(n: usize, density: f64, directed: bool, seed: u64) -> Csr {
    let pairs = n * (n - 1) / if directed { 1 } else { 2 };
    // gnm accepts at most half of the possible edges.
    gnm(
        n,
        ((pairs as f64) * density.min(0.5)) as usize,
        directed,
        seed,
    )
    .unwrap()
}

fn groups(n: usize, k: u64, seed: u64) -> Vec<u32> {
    let mut r = rng(seed ^ 0x9e37);
    (0..n).map(|_| below(&mut r, k) as u32).collect()
}

/// A random permutation `perm[old] = new`.
fn permutation(n: usize, seed: u64) -> Vec<u32> {
    let mut r = rng(seed ^ 0x51);
    let mut p: Vec<u32> = (0..n as u32).collect();
    for i in (1..n).rev() {
        p.swap(i, below(&mut r, i as u64 + 1) as usize);
    }
    p
}

fn relabel(g: &Csr, perm: &[u32]) -> Csr {
    let e: Vec<_> = g
        .edges()
        .map(|(u, v, w)| (perm[u as usize], perm[v as usize], w))
        .collect();
    Csr::from_edges(g.node_count(), g.is_directed(), &e, Aggregation::Sum)
}

/// Undo a relabelling of a per-node vector: `out[old] = x[perm[old]]`.
fn back<T: Copy>(x: &[T], perm: &[u32]) -> Vec<T> {
    perm.iter().map(|&p| x[p as usize]).collect()
}

fn close(a: &[f64], b: &[f64]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            (x.is_nan() && y.is_nan()) || x == y || (x - y).abs() <= 1e-9 * y.abs().max(1.0)
        })
}

/// Open 2-path census by the definition, O(n³).
fn brute(g: &Csr, gr: &[u32]) -> Vec<[f64; 6]> {
    let n = g.node_count();
    let mut out = vec![[0.0; 6]; n];
    for i in 0..n {
        for j in 0..n {
            for k in 0..n {
                if i == j || j == k || i == k {
                    continue;
                }
                if g.has_edge(i, j) && g.has_edge(j, k) && !g.has_edge(i, k) {
                    out[j][Role::classify(gr[i], gr[j], gr[k]).index()] += 1.0;
                    out[j][5] += 1.0;
                }
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn census_equals_definition(n in 3usize..18, dens in 0.05f64..0.6, directed: bool,
                                k in 1u64..5, seed: u64) {
        let g = graph(n, dens, directed, seed);
        let gr = groups(n, k, seed);
        let b = brokerage(&g, &Partition::from_groups(gr.clone()), &BrokerageOptions::default()).unwrap();
        prop_assert_eq!(&b.raw, &brute(&g, &gr));
        // Graph level is the column sum; expected counts are non-negative.
        let t: f64 = b.raw.iter().map(|r| r[5]).sum();
        prop_assert_eq!(b.raw_graph[5], t);
        prop_assert!(b.expected.iter().flatten().all(|&x| x >= 0.0 || x.is_nan()));
    }

    #[test]
    fn relabelling_invariance(n in 3usize..25, dens in 0.05f64..0.5, directed: bool,
                              k in 1u64..5, seed: u64) {
        let g = graph(n, dens, directed, seed);
        let gr = groups(n, k, seed);
        let perm = permutation(n, seed);
        let h = relabel(&g, &perm);
        let mut hg = vec![0; n];
        for (u, &p) in perm.iter().enumerate() {
            hg[p as usize] = gr[u];
        }
        let (p, q) = (Partition::from_groups(gr), Partition::from_groups(hg));
        let (a, b) = (brokerage(&g, &p, &BrokerageOptions::default()).unwrap(), brokerage(&h, &q, &BrokerageOptions::default()).unwrap());
        prop_assert_eq!(&a.raw, &back(&b.raw, &perm));
        for c in 0..6 {
            let col = |t: &[[f64; 6]]| t.iter().map(|r| r[c]).collect::<Vec<_>>();
            prop_assert!(close(&col(&a.z), &back(&col(&b.z), &perm)));
        }
        let o = StructuralHolesOptions::default();
        prop_assert!(close(&effective_size(&g, &o), &back(&effective_size(&h, &o), &perm)));
        prop_assert!(close(&constraint(&g, &o), &back(&constraint(&h, &o), &perm)));
        prop_assert!(close(&burt_hierarchy(&g, &o), &back(&burt_hierarchy(&h, &o), &perm)));
        let eo = EiOptions::default();
        let (ea, eb) = (ei_index(&g, &p, &eo).unwrap(), ei_index(&h, &q, &eo).unwrap());
        prop_assert!(close(&ea.actors, &back(&eb.actors, &perm)));
        prop_assert_eq!(ea.graph, eb.graph);
    }

    #[test]
    fn bounded_scores(n in 2usize..25, dens in 0.05f64..0.7, directed: bool, k in 1u64..5,
                      seed: u64, weighted: bool) {
        let g = graph(n, dens, directed, seed);
        // Random positive weights for the weighted variant.
        let mut r = rng(seed);
        let e: Vec<_> = g.edges().map(|(u, v, _)| (u, v, 0.5 + below(&mut r, 8) as f64)).collect();
        let g = Csr::from_edges(n, directed, &e, Aggregation::Sum);
        let weight = if weighted { Weights::Strength } else { Weights::Ignore };
        let o = StructuralHolesOptions { weight, ..Default::default() };
        let in01 = |x: f64| x.is_nan() || (-1e-12..=1.0 + 1e-12).contains(&x);
        prop_assert!(burt_hierarchy(&g, &o).into_iter().all(in01));
        prop_assert!(efficiency(&g, &o).into_iter().all(in01));
        for (u, c) in constraint(&g, &o).into_iter().enumerate() {
            // NaN exactly for isolates (no self-loops here).
            prop_assert_eq!(c.is_nan(), g.out_degree(u) + g.in_degree(u) == 0);
        }
        let p = Partition::from_groups(groups(n, k, seed));
        for direction in [Direction::Out, Direction::In, Direction::All] {
            let ei = ei_index(&g, &p, &EiOptions { direction, weight }).unwrap();
            let pm1 = |x: &f64| x.is_nan() || (-1.0..=1.0).contains(x);
            prop_assert!(ei.actors.iter().chain(&ei.groups).all(pm1));
            prop_assert_eq!(ei.graph.is_none(), g.edge_count() == 0);
        }
    }

    /// Arc-disjoint layers: Σ over layer pairs == brokerage of the union.
    #[test]
    fn multiplex_sums_to_union(n in 3usize..20, dens in 0.05f64..0.6, layers in 1usize..4,
                               k in 1u64..5, seed: u64) {
        let union = graph(n, dens, true, seed);
        let mut r = rng(seed ^ 7);
        let mut split = vec![Vec::new(); layers];
        for (u, v, w) in union.arcs() {
            split[below(&mut r, layers as u64) as usize].push((u, v, w));
        }
        let ls: Vec<Csr> = split.iter().map(|e| Csr::from_edges(n, true, e, Aggregation::Sum)).collect();
        let p = Partition::from_groups(groups(n, k, seed));
        let x = multiplex_brokerage(&ls, &p, &BrokerageOptions::default()).unwrap();
        let b = brokerage(&union, &p, &BrokerageOptions::default()).unwrap();
        for j in 0..n {
            for role in Role::ROLES {
                let s: f64 = (0..layers).flat_map(|a| (0..layers).map(move |c| (a, c)))
                    .map(|(a, c)| x[[j, role.index(), a, c]]).sum();
                prop_assert_eq!(s, b.raw[j][role.index()]);
            }
        }
        if layers == 1 {
            for j in 0..n {
                for role in Role::ROLES {
                    prop_assert_eq!(x[[j, role.index(), 0, 0]], b.raw[j][role.index()]);
                }
            }
        }
    }

    /// Overlapping layers: Σ over layer pairs == Σ over union 2-paths of λ(i→j) λ(j→k).
    #[test]
    fn multiplex_weighted_by_multiplicity(n in 3usize..14, dens in 0.05f64..0.5,
                                          layers in 1usize..4, k in 1u64..4, seed: u64) {
        let ls: Vec<Csr> = (0..layers).map(|a| graph(n, dens, true, seed.wrapping_add(a as u64))).collect();
        let lam = |u: usize, v: usize| ls.iter().filter(|g| g.has_edge(u, v)).count() as f64;
        let gr = groups(n, k, seed);
        let x = multiplex_brokerage(&ls, &Partition::from_groups(gr.clone()), &BrokerageOptions::default()).unwrap();
        let mut want = vec![[0.0; 5]; n];
        for i in 0..n {
            for j in 0..n {
                for kk in 0..n {
                    if i == j || j == kk || i == kk || lam(i, kk) > 0.0 {
                        continue;
                    }
                    want[j][Role::classify(gr[i], gr[j], gr[kk]).index()] += lam(i, j) * lam(j, kk);
                }
            }
        }
        for j in 0..n {
            for r in 0..5 {
                let s: f64 = x.slice(ndarray::s![j, r, .., ..]).sum();
                prop_assert_eq!(s, want[j][r]);
            }
        }
    }
}
