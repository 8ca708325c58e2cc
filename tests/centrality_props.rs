//! Property tests of the centrality and centralization families on small
//! seeded random graphs.

use coprod::measures::centrality::*;
use coprod::measures::centralization::{betweenness_centralization, degree_centralization};
use coprod::measures::paths::bfs;
use coprod::measures::{Direction, EdgeLength};
use coprod::model::{Aggregation, Csr, NodeSet};
use coprod::{
    generate::gnm,
    random::{below, rng},
};
use proptest::prelude::*;

/// A random graph: n in 3..25, about 2n ties, weights in {1, 1.5, ..., 3} when `weighted`.
fn graph(n: usize, dens: usize, directed: bool, weighted: bool, seed: u64) -> Csr {
    let possible = if directed {
        n * (n - 1)
    } else {
        n * (n - 1) / 2
    };
    let g = gnm(n, (dens * n / 2).min(possible / 2), directed, seed).unwrap();
    if !weighted {
        return g;
    }
    let mut r = rng(seed ^ 0x5eed);
    let e: Vec<_> = g
        .edges()
        .map(|(u, v, _)| (u, v, 1.0 + 0.5 * below(&mut r, 5) as f64))
        .collect();
    Csr::from_edges(n, directed, &e, Aggregation::Sum)
}

/// A random permutation of 0..n and the graph relabelled by it.
fn relabel(g: &Csr, seed: u64) -> (Vec<usize>, Csr) {
    let n = g.node_count();
    let mut p: Vec<usize> = (0..n).collect();
    let mut r = rng(seed);
    for i in (1..n).rev() {
        p.swap(i, below(&mut r, i as u64 + 1) as usize);
    }
    let e: Vec<_> = g
        .edges()
        .map(|(u, v, w)| (p[u as usize] as u32, p[v as usize] as u32, w))
        .collect();
    (p, Csr::from_edges(n, g.is_directed(), &e, Aggregation::Sum))
}

fn same_up_to(p: &[usize], a: &[f64], b: &[f64]) -> Result<(), TestCaseError> {
    for (u, &x) in a.iter().enumerate() {
        let y = b[p[u]];
        prop_assert!(
            (x - y).abs() <= 1e-9 * x.abs().max(1.0) || (x.is_nan() && y.is_nan()),
            "node {u}: {x} vs {y}"
        );
    }
    Ok(())
}

fn in_unit(xs: &[f64], what: &str) -> Result<(), TestCaseError> {
    for &x in xs {
        prop_assert!(
            (-1e-12..=1.0 + 1e-12).contains(&x),
            "{what}: {x} not in [0, 1]"
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn scores_do_not_depend_on_labels(n in 3usize..25, dens in 1usize..6, directed: bool,
                                      weighted: bool, seed in 0u64..1000) {
        let g = graph(n, dens, directed, weighted, seed);
        let (p, h) = relabel(&g, seed + 1);
        let w = if weighted { EdgeLength::Weight } else { EdgeLength::Hops };
        let b = BetweennessOptions { weighting: w, ..Default::default() };
        same_up_to(&p, &betweenness(&g, &b), &betweenness(&h, &b))?;
        let c = ClosenessOptions { weighting: w, ..Default::default() };
        same_up_to(&p, &closeness(&g, &c), &closeness(&h, &c))?;
        let hm = HarmonicOptions { weighting: w, ..Default::default() };
        same_up_to(&p, &harmonic(&g, &hm), &harmonic(&h, &hm))?;
        let d = DegreeOptions::default();
        same_up_to(&p, &degree(&g, &d), &degree(&h, &d))?;
        let pr = PageRankOptions::default();
        same_up_to(&p, &pagerank(&g, &pr).unwrap(), &pagerank(&h, &pr).unwrap())?;
        let grp = [0usize, 1];
        let grp2: Vec<usize> = grp.iter().map(|&u| p[u]).collect();
        let gb = GroupBetweennessOptions::default();
        let (x, y) = (group_betweenness(&g, &NodeSet::new(g.node_count(), grp).unwrap(), &gb).unwrap(), group_betweenness(&h, &NodeSet::new(h.node_count(), grp2.iter().copied()).unwrap(), &gb).unwrap());
        prop_assert!(x.zip(y).is_none_or(|(x, y)| (x - y).abs() < 1e-9));
    }

    #[test]
    fn normalised_scores_lie_in_the_unit_interval(n in 4usize..25, dens in 1usize..6,
                                                  directed: bool, seed in 0u64..1000) {
        let g = graph(n, dens, directed, false, seed);
        in_unit(&betweenness(&g, &BetweennessOptions::default()), "betweenness")?;
        in_unit(&closeness(&g, &ClosenessOptions::default()), "closeness")?;
        let hm = HarmonicOptions { scale: HarmonicScale::ByNMinusOne, ..Default::default() };
        in_unit(&harmonic(&g, &hm), "harmonic")?;
        for dir in [Direction::In, Direction::Out] {
            let d = DegreeOptions { direction: dir, ..Default::default() };
            in_unit(&degree(&g, &d), "degree")?;
            prop_assert!(degree_centralization(&g, dir).is_some_and(|c| (0.0..=1.0 + 1e-12).contains(&c)));
        }
        prop_assert!(betweenness_centralization(&g).is_some_and(|c| (0.0..=1.0 + 1e-12).contains(&c)));
        let grp = [0usize, 2];
        in_unit(&[group_degree(&g, &NodeSet::new(g.node_count(), grp).unwrap(), Direction::Out).unwrap().unwrap()], "group degree")?;
        in_unit(&[group_betweenness(&g, &NodeSet::new(g.node_count(), grp).unwrap(), &GroupBetweennessOptions::default()).unwrap().unwrap()], "group betweenness")?;
        let pr = pagerank(&g, &PageRankOptions::default()).unwrap();
        prop_assert!((pr.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }

    /// Σ_v B(v) = Σ over connected pairs of (d(s, t) − 1): every shortest path
    /// has d − 1 inner nodes and each pair spreads one unit over its paths.
    #[test]
    fn betweenness_sums_to_the_inner_nodes_of_shortest_paths(n in 3usize..25, dens in 1usize..6,
                                                            directed: bool, seed in 0u64..1000) {
        let g = graph(n, dens, directed, false, seed);
        let raw = BetweennessOptions { scale: BetweennessScale::Raw, ..Default::default() };
        let total: f64 = betweenness(&g, &raw).iter().sum();
        let (mut d, mut o) = (Vec::new(), Vec::new());
        let mut inner = 0.0;
        for s in 0..n {
            bfs(&g, s, Direction::Out, &mut d, &mut o);
            inner += o[1..].iter().map(|&t| d[t as usize] as f64 - 1.0).sum::<f64>();
        }
        if !directed {
            inner /= 2.0;
        }
        prop_assert!((total - inner).abs() < 1e-9 * inner.max(1.0), "{total} vs {inner}");
    }

    /// The group betweenness of a single node is its betweenness, and its group
    /// degree its degree share.
    #[test]
    fn a_group_of_one_is_the_node(n in 3usize..25, dens in 1usize..6, directed: bool,
                                  weighted: bool, seed in 0u64..1000) {
        let g = graph(n, dens, directed, weighted, seed);
        let w = if weighted { EdgeLength::Weight } else { EdgeLength::Hops };
        let b = betweenness(&g, &BetweennessOptions { weighting: w, scale: BetweennessScale::Raw, ..Default::default() });
        let d = degree(&g, &DegreeOptions { direction: Direction::Out, ..Default::default() });
        for v in 0..n {
            let gb = GroupBetweennessOptions { weighting: w, scale: GroupBetweennessScale::Raw, ..Default::default() };
            let x = group_betweenness(&g, &NodeSet::new(n, [v]).unwrap(), &gb).unwrap().unwrap();
            prop_assert!((x - b[v]).abs() < 1e-9 * b[v].max(1.0), "node {v}: {x} vs {}", b[v]);
            let y = group_degree(&g, &NodeSet::new(n, [v]).unwrap(), Direction::Out).unwrap().unwrap();
            prop_assert!((y - d[v]).abs() < 1e-12);
        }
    }

    /// Where every node reaches every other, the conventions coincide:
    /// NetworkX (both), igraph's reachable-only and sna's closeness.
    #[test]
    fn closeness_conventions_agree_on_connected_graphs(n in 3usize..20, seed in 0u64..1000,
                                                       weighted: bool) {
        let g = graph(n, 5, false, weighted, seed);
        let w = if weighted { EdgeLength::Weight } else { EdgeLength::Hops };
        let mut d = Vec::new();
        let mut o = Vec::new();
        bfs(&g, 0, Direction::Out, &mut d, &mut o);
        prop_assume!(o.len() == n);
        let run = |scale| closeness(&g, &ClosenessOptions { weighting: w, scale, ..Default::default() });
        let wf = run(ClosenessScale::WassermanFaust);
        for scale in [ClosenessScale::Reachable, ClosenessScale::IgraphReachable, ClosenessScale::Sna] {
            let c = run(scale);
            for v in 0..n {
                prop_assert!((c[v] - wf[v]).abs() < 1e-12, "{scale:?} node {v}");
            }
        }
    }

    #[test]
    fn spectral_scores_do_not_depend_on_labels(n in 3usize..25, directed: bool, weighted: bool,
                                               seed in 0u64..1000) {
        let g = graph(n, 4, directed, weighted, seed);
        let (p, h) = relabel(&g, seed + 3);
        let weights = if weighted { Weights::Strength } else { Weights::Ignore };
        let k = KatzOptions { alpha: 0.02, weights, ..Default::default() };
        same_up_to(&p, &katz(&g, &k).unwrap(), &katz(&h, &k).unwrap())?;
        let pr = PageRankOptions { weights, ..Default::default() };
        same_up_to(&p, &pagerank(&g, &pr).unwrap(), &pagerank(&h, &pr).unwrap())?;
    }
}
