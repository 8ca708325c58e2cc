//! Property tests for the cohesion family: relabelling invariance, ranges,
//! census identities, and brute-force definitions on small random graphs.

use coprod::measures::Direction;
use coprod::measures::cohesion::*;
use coprod::model::{Aggregation, Csr};
use coprod::{
    generate::gnm,
    random::{rng, unit},
};
use proptest::prelude::*;

/// A seeded G(n, m) graph with weights in (0.5, 3.5], and a permutation of its nodes.
fn graph(n: usize, density: f64, directed: bool, seed: u64) -> (Csr, Vec<u32>) {
    let possible = n * n.saturating_sub(1) / if directed { 1 } else { 2 };
    let m = ((possible as f64 / 2.0) * density) as usize;
    let g = gnm(n, m, directed, seed).unwrap();
    let mut r = rng(seed ^ 0x9e37);
    let e: Vec<_> = g
        .edges()
        .map(|(u, v, _)| (u, v, 0.5 + 3.0 * unit(&mut r)))
        .collect();
    let mut perm: Vec<u32> = (0..n as u32).collect();
    for i in (1..n).rev() {
        let j = (unit(&mut r) * (i + 1) as f64) as usize;
        perm.swap(i, j.min(i));
    }
    (Csr::from_edges(n, directed, &e, Aggregation::Sum), perm)
}

fn relabel(g: &Csr, p: &[u32]) -> Csr {
    let e: Vec<_> = g
        .edges()
        .map(|(u, v, w)| (p[u as usize], p[v as usize], w))
        .collect();
    Csr::from_edges(g.node_count(), g.is_directed(), &e, Aggregation::Sum)
}

fn same_per_node(a: &[f64], b: &[f64], p: &[u32]) -> bool {
    a.iter().enumerate().all(|(u, &x)| {
        let y = b[p[u] as usize];
        (x.is_nan() && y.is_nan()) || (x - y).abs() <= 1e-12 * x.abs().max(1.0)
    })
}

fn same(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => {
            (x.is_nan() && y.is_nan()) || (x - y).abs() <= 1e-12 * x.abs().max(1.0)
        }
        (None, None) => true,
        _ => false,
    }
}

/// Reachability matrix (reflexive), by repeated squaring-free closure.
fn reach(g: &Csr) -> Vec<Vec<bool>> {
    let n = g.node_count();
    let mut r = vec![vec![false; n]; n];
    for (s, row) in r.iter_mut().enumerate() {
        let mut stack = vec![s];
        row[s] = true;
        while let Some(u) = stack.pop() {
            for &v in g.out_neighbors(u) {
                if !row[v as usize] {
                    row[v as usize] = true;
                    stack.push(v as usize);
                }
            }
        }
    }
    r
}

/// LUBness straight from Krackhardt's definition, pair by pair.
fn lubness_brute(g: &Csr) -> Option<f64> {
    let n = g.node_count();
    let r = reach(g);
    let w = weak_components(g);
    let (mut viol, mut max) = (0.0, 0.0);
    for (c, &s) in w.sizes.iter().enumerate() {
        if s <= 2 {
            continue;
        }
        max += ((s - 1) * (s - 2)) as f64 / 2.0;
        let vs: Vec<usize> = (0..n).filter(|&u| w.membership[u] as usize == c).collect();
        for (a, &i) in vs.iter().enumerate() {
            for &j in &vs[a + 1..] {
                let ub: Vec<usize> = vs.iter().copied().filter(|&k| r[k][i] && r[k][j]).collect();
                if !ub.iter().any(|&k| ub.iter().all(|&l| r[k][l])) {
                    viol += 1.0;
                }
            }
        }
    }
    (max > 0.0).then(|| 1.0 - viol / max)
}

/// Components after removing node `x` (or none), undirected reading.
fn components_without(g: &Csr, x: Option<usize>) -> usize {
    let keep: Vec<bool> = (0..g.node_count()).map(|u| Some(u) != x).collect();
    weak_components(&g.induced(&keep).0).count()
}

/// Exact vertex connectivity by brute force over node subsets (tiny graphs).
fn kappa_brute(g: &Csr) -> usize {
    let n = g.node_count();
    let strongly = |keep: &[bool]| {
        let (h, _) = g.induced(keep);
        h.node_count() <= 1 || strong_components(&h).count() == 1
    };
    for k in 0..n.saturating_sub(1) {
        // any k-subset whose removal disconnects
        let mut found = false;
        for mask in 0u32..(1 << n) {
            if mask.count_ones() as usize != k {
                continue;
            }
            let keep: Vec<bool> = (0..n).map(|u| mask & (1 << u) == 0).collect();
            if !strongly(&keep) {
                found = true;
                break;
            }
        }
        if found {
            return k;
        }
    }
    n.saturating_sub(1)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn relabelling_does_not_change_scores(n in 3usize..28, d in 0.05f64..0.9, directed: bool, seed in 0u64..10_000) {
        let (g, p) = graph(n, d, directed, seed);
        let h = relabel(&g, &p);
        for o in [ClusteringOptions::default(), ClusteringOptions { weighting: ClusteringWeighting::GeometricMean, undefined: Undefined::Nan }] {
            let (a, b) = (local_clustering(&g, &o).unwrap(), local_clustering(&h, &o).unwrap());
            prop_assert!(same_per_node(&a, &b, &p));
        }
        for dir in [Direction::In, Direction::Out, Direction::All] {
            let o = CoreOptions { direction: dir };
            prop_assert!(same_per_node(&core_number(&g, &o), &core_number(&h, &o), &p));
        }
        prop_assert!(same_per_node(&triangles(&g), &triangles(&h), &p));
        prop_assert_eq!(triad_census(&g), triad_census(&h));
        prop_assert_eq!(dyad_census(&g), dyad_census(&h));
        prop_assert!(same(Some(transitivity(&g)), Some(transitivity(&h))));
        for measure in [GtransMeasure::Weak, GtransMeasure::Strong] {
            let o = GtransOptions { measure };
            prop_assert!(same(Some(gtrans(&g, &o)), Some(gtrans(&h, &o))));
        }
        for measure in [HierarchyMeasure::Krackhardt, HierarchyMeasure::Reciprocity] {
            let o = HierarchyOptions { measure, ..Default::default() };
            prop_assert!(same(krackhardt_hierarchy(&g, &o), krackhardt_hierarchy(&h, &o)));
        }
        prop_assert!(same(lubness(&g), lubness(&h)));
        prop_assert!(same(krackhardt_efficiency(&g), krackhardt_efficiency(&h)));
        prop_assert_eq!(connectedness(&g), connectedness(&h));
        let o = DistanceOptions { unreachable: Unreachable::Skip, ..Default::default() };
        prop_assert!(same(mean_distance(&g, &o), mean_distance(&h, &o)));
        prop_assert!(same(diameter(&g, &o), diameter(&h, &o)));
        prop_assert!(same(global_efficiency(&g, &o), global_efficiency(&h, &o)));
        let exact = ConnectivityOptions { method: ConnectivityMethod::Exact };
        prop_assert_eq!(node_connectivity(&g, &exact).unwrap(), node_connectivity(&h, &exact).unwrap());
        prop_assert_eq!(edge_connectivity(&g).unwrap(), edge_connectivity(&h).unwrap());
        prop_assert_eq!(weak_components(&g).count(), weak_components(&h).count());
        prop_assert_eq!(strong_components(&g).count(), strong_components(&h).count());
        let (cg, ch) = (cut_vertices_and_bridges(&g), cut_vertices_and_bridges(&h));
        let mut mapped: Vec<u32> = cg.articulation_points.iter().map(|&u| p[u as usize]).collect();
        mapped.sort_unstable();
        prop_assert_eq!(mapped, ch.articulation_points);
        prop_assert_eq!(cg.bridges.len(), ch.bridges.len());
    }

    #[test]
    fn normalised_scores_lie_in_unit_interval(n in 2usize..30, d in 0.0f64..0.9, directed: bool, seed in 0u64..10_000) {
        let (g, _) = graph(n, d, directed, seed);
        let unit_ok = |x: f64| x.is_nan() || (-1e-12..=1.0 + 1e-12).contains(&x);
        for o in [ClusteringOptions::default(), ClusteringOptions { weighting: ClusteringWeighting::GeometricMean, ..Default::default() }] {
            prop_assert!(local_clustering(&g, &o).unwrap().into_iter().all(unit_ok));
        }
        if !directed {
            let o = ClusteringOptions { weighting: ClusteringWeighting::Barrat, ..Default::default() };
            prop_assert!(local_clustering(&g, &o).unwrap().into_iter().all(unit_ok));
        }
        let mut scalars = vec![
            density(&g, &DensityOptions::default()),
            Some(transitivity(&g)),
            Some(gtrans(&g, &GtransOptions::default())),
            Some(gtrans(&g, &GtransOptions { measure: GtransMeasure::Strong })),
            Some(connectedness(&g)),
            krackhardt_hierarchy(&g, &HierarchyOptions::default()),
            krackhardt_hierarchy(&g, &HierarchyOptions { measure: HierarchyMeasure::Reciprocity, ..Default::default() }),
            krackhardt_efficiency(&g),
            lubness(&g),
            global_efficiency(&g, &DistanceOptions::default()),
        ];
        for measure in [ReciprocityMeasure::Edgewise, ReciprocityMeasure::Dyadic, ReciprocityMeasure::DyadicNonNull] {
            scalars.push(reciprocity(&g, &ReciprocityOptions { measure }));
        }
        for s in scalars.into_iter().flatten() {
            prop_assert!(unit_ok(s), "{} out of [0, 1]", s);
        }
    }

    #[test]
    fn censuses_and_components_are_consistent(n in 1usize..30, d in 0.0f64..0.9, directed: bool, seed in 0u64..10_000) {
        let (g, _) = graph(n, d, directed, seed);
        let nn = n as u128;
        let t = triad_census(&g);
        prop_assert_eq!(t.0.iter().sum::<u128>(), if n < 3 { 0 } else { nn * (nn - 1) * (nn - 2) / 6 });
        let c = dyad_census(&g);
        prop_assert_eq!((c.mutual + c.asymmetric + c.null) as usize, n * (n - 1) / 2);
        // every strong component lies inside one weak component
        let (w, s) = (weak_components(&g), strong_components(&g));
        for u in 0..n {
            for v in 0..n {
                if s.membership[u] == s.membership[v] {
                    prop_assert_eq!(w.membership[u], w.membership[v]);
                }
            }
        }
        // canonical labels: first occurrence in node order is 0, 1, 2, ...
        let mut next = 0;
        for &l in &s.membership {
            prop_assert!(l <= next);
            if l == next { next += 1; }
        }
        // a core number never exceeds the degree that defines it
        let k = core_number(&g, &CoreOptions { direction: Direction::All });
        for (u, &x) in k.iter().enumerate() {
            let deg = if directed { g.out_degree(u) + g.in_degree(u) } else { g.out_degree(u) };
            prop_assert!(x <= deg as f64);
        }
    }

    #[test]
    fn cuts_lubness_and_connectivity_match_their_definitions(n in 1usize..9, d in 0.0f64..0.95, directed: bool, seed in 0u64..10_000) {
        let (g, _) = graph(n, d, directed, seed);
        prop_assert!(same(lubness(&g), lubness_brute(&g)));
        let exact = node_connectivity(&g, &ConnectivityOptions { method: ConnectivityMethod::Exact }).unwrap();
        prop_assert_eq!(exact, kappa_brute(&g));
        let nx = node_connectivity(&g, &ConnectivityOptions::default()).unwrap();
        prop_assert!(exact <= nx);
        prop_assert!(exact <= edge_connectivity(&g).unwrap());
        if !directed {
            prop_assert_eq!(exact, nx);
            let base = components_without(&g, None);
            let cuts = cut_vertices_and_bridges(&g);
            for u in 0..n {
                // an isolated node's removal lowers the count; others are cut vertices iff it rises
                let cut = components_without(&g, Some(u)) > base;
                prop_assert_eq!(cut, cuts.articulation_points.contains(&(u as u32)));
            }
            for &(u, v) in &cuts.bridges {
                let e: Vec<_> = g.edges().filter(|&(a, b, _)| (a, b) != (u, v)).collect();
                let h = Csr::from_edges(n, false, &e, Aggregation::Sum);
                prop_assert!(weak_components(&h).count() > base);
            }
        }
    }
}

#[test]
fn deep_graphs_do_not_overflow_the_stack() {
    // a directed path of 10^6 nodes closed into a cycle, plus a long undirected path
    let n = 1_000_000u32;
    let mut e: Vec<_> = (0..n - 1).map(|u| (u, u + 1, 1.0)).collect();
    let path = Csr::from_edges(n as usize, false, &e, Aggregation::Sum);
    let cuts = cut_vertices_and_bridges(&path);
    assert_eq!(cuts.articulation_points.len(), n as usize - 2);
    assert_eq!(cuts.bridges.len(), n as usize - 1);
    e.push((n - 1, 0, 1.0));
    let cycle = Csr::from_edges(n as usize, true, &e, Aggregation::Sum);
    assert_eq!(strong_components(&cycle).count(), 1);
    assert_eq!(weak_components(&cycle).count(), 1);
    assert_eq!(
        krackhardt_hierarchy(&cycle, &HierarchyOptions::default()),
        Some(0.0)
    );
}
