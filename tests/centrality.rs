//! Centrality measures against the reference fixtures (NetworkX, igraph, R sna)
//! written by `scripts/reference/`.

mod common;

use common::{EXACT, Fixture, assert_close, assert_scalar, fixtures};
use coprod::measures::centrality::*;
use coprod::measures::{Direction, EdgeLength};
use coprod::model::NodeSet;

/// Tolerance for the power iterations (solver tol 1e-12 / 1e-13).
const ITER: f64 = 1e-6;

/// Which fixtures a key is expected on.
#[derive(Clone, Copy)]
enum On {
    All,
    Directed,
    Weighted,
    DirectedWeighted,
    UndirectedWeighted,
}

impl On {
    fn applies(self, f: &Fixture) -> bool {
        match self {
            On::All => true,
            On::Directed => f.directed,
            On::Weighted => f.weighted,
            On::DirectedWeighted => f.directed && f.weighted,
            On::UndirectedWeighted => !f.directed && f.weighted,
        }
    }
}

/// Compare `got(f)` with the per-node list `key` on every fixture it applies to;
/// the key must be present there (null = the reference tool declined, with a
/// note). Returns how many graphs were compared, and requires at least one.
fn check_nodes(key: &str, on: On, tol: f64, got: impl Fn(&Fixture) -> Vec<f64>) -> usize {
    let mut compared = 0;
    for f in fixtures() {
        if !on.applies(&f) {
            continue;
        }
        assert!(f.values.contains_key(key), "{}: key {key} missing", f.name);
        if let Some(want) = f.nodes(key) {
            assert_close(&got(&f), &want, tol, &format!("{} {key}", f.name));
            compared += 1;
        }
    }
    assert!(compared > 0, "{key}: no fixture compared");
    compared
}

fn check_scalar(key: &str, on: On, tol: f64, got: impl Fn(&Fixture) -> Option<f64>) -> usize {
    let mut compared = 0;
    for f in fixtures() {
        if !on.applies(&f) {
            continue;
        }
        assert!(f.values.contains_key(key), "{}: key {key} missing", f.name);
        if let Some(want) = f.scalar(key) {
            let g = got(&f).unwrap_or_else(|| panic!("{} {key}: got None, want {want}", f.name));
            assert_scalar(g, want, tol, &format!("{} {key}", f.name));
            compared += 1;
        }
    }
    assert!(compared > 0, "{key}: no fixture compared");
    compared
}

fn deg(dir: Direction, weights: Weights, scale: DegreeScale) -> DegreeOptions {
    DegreeOptions {
        direction: dir,
        weights,
        scale,
    }
}

#[test]
fn degree_matches_networkx_and_sna() {
    use DegreeScale::*;
    use Direction::*;
    use Weights::*;
    let n = check_nodes("networkx.degree_centrality", On::All, EXACT, |f| {
        degree(&f.csr(), &DegreeOptions::default())
    });
    assert_eq!(n, fixtures().len());
    check_nodes("networkx.in_degree_centrality", On::Directed, EXACT, |f| {
        degree(&f.csr(), &deg(In, Ignore, NetworkX))
    });
    check_nodes("networkx.out_degree_centrality", On::Directed, EXACT, |f| {
        degree(&f.csr(), &deg(Out, Ignore, NetworkX))
    });
    for (cm, dir) in [("indegree", In), ("outdegree", Out), ("freeman", All)] {
        check_nodes(&format!("sna.degree.{cm}"), On::Directed, EXACT, |f| {
            degree(&f.csr(), &deg(dir, Ignore, Raw))
        });
        check_nodes(
            &format!("sna.degree.{cm}.valued"),
            On::DirectedWeighted,
            EXACT,
            |f| degree(&f.csr(), &deg(dir, Strength, Raw)),
        );
    }
    let undirected = |f: &Fixture| !f.directed;
    for f in fixtures().into_iter().filter(undirected) {
        let want = f.nodes("sna.degree").expect("sna.degree");
        assert_close(
            &degree(&f.csr(), &deg(All, Ignore, Raw)),
            &want,
            EXACT,
            &f.name,
        );
        if f.weighted {
            let want = f.nodes("sna.degree.valued").expect("sna.degree.valued");
            assert_close(
                &degree(&f.csr(), &deg(All, Strength, Raw)),
                &want,
                EXACT,
                &f.name,
            );
        }
    }
}

fn clo(dir: Direction, w: EdgeLength, scale: ClosenessScale) -> ClosenessOptions {
    ClosenessOptions {
        direction: dir,
        weighting: w,
        scale,
        parallelism: Parallelism::Sequential,
    }
}

#[test]
fn closeness_matches_networkx_igraph_and_sna() {
    use ClosenessScale::*;
    use Direction::*;
    use EdgeLength::*;
    let n = check_nodes("networkx.closeness_centrality", On::All, EXACT, |f| {
        closeness(&f.csr(), &ClosenessOptions::default())
    });
    assert_eq!(n, fixtures().len());
    check_nodes(
        "networkx.closeness_centrality.wf_false",
        On::All,
        EXACT,
        |f| closeness(&f.csr(), &clo(In, Hops, Reachable)),
    );
    check_nodes(
        "networkx.closeness_centrality.reverse",
        On::Directed,
        EXACT,
        |f| closeness(&f.csr(), &clo(Out, Hops, WassermanFaust)),
    );
    check_nodes(
        "networkx.closeness_centrality.distance_weight",
        On::Weighted,
        EXACT,
        |f| closeness(&f.csr(), &clo(In, Weight, WassermanFaust)),
    );
    // igraph: mode "out" on digraphs, "all" on graphs
    check_nodes("igraph.closeness", On::All, EXACT, |f| {
        closeness(&f.csr(), &clo(Out, Hops, IgraphReachable))
    });
    check_nodes("igraph.closeness.weight", On::Weighted, EXACT, |f| {
        closeness(&f.csr(), &clo(Out, Weight, IgraphReachable))
    });
    check_nodes("igraph.closeness.in", On::Directed, EXACT, |f| {
        closeness(&f.csr(), &clo(In, Hops, IgraphReachable))
    });
    check_nodes(
        "igraph.closeness.in.weight",
        On::DirectedWeighted,
        EXACT,
        |f| closeness(&f.csr(), &clo(In, Weight, IgraphReachable)),
    );
    check_nodes("sna.closeness.directed", On::Directed, EXACT, |f| {
        closeness(&f.csr(), &clo(Out, Hops, Sna))
    });
    check_nodes(
        "sna.closeness.directed.valued",
        On::DirectedWeighted,
        EXACT,
        |f| closeness(&f.csr(), &clo(Out, Weight, Sna)),
    );
    check_nodes("sna.closeness.undirected", On::All, EXACT, |f| {
        closeness(&f.csr(), &clo(All, Hops, Sna))
    });
    check_nodes(
        "sna.closeness.undirected.valued",
        On::UndirectedWeighted,
        EXACT,
        |f| closeness(&f.csr(), &clo(All, Weight, Sna)),
    );
}

fn har(dir: Direction, w: EdgeLength, scale: HarmonicScale) -> HarmonicOptions {
    HarmonicOptions {
        direction: dir,
        weighting: w,
        scale,
        parallelism: Parallelism::Sequential,
    }
}

#[test]
fn harmonic_matches_networkx_igraph_and_sna() {
    use Direction::*;
    use EdgeLength::*;
    use HarmonicScale::*;
    let n = check_nodes("networkx.harmonic_centrality", On::All, EXACT, |f| {
        harmonic(&f.csr(), &HarmonicOptions::default())
    });
    assert_eq!(n, fixtures().len());
    check_nodes(
        "networkx.harmonic_centrality.reverse",
        On::Directed,
        EXACT,
        |f| harmonic(&f.csr(), &har(Out, Hops, Raw)),
    );
    check_nodes(
        "networkx.harmonic_centrality.distance_weight",
        On::Weighted,
        EXACT,
        |f| harmonic(&f.csr(), &har(In, Weight, Raw)),
    );
    check_nodes("igraph.harmonic_centrality", On::All, EXACT, |f| {
        harmonic(&f.csr(), &har(Out, Hops, ByNMinusOne))
    });
    check_nodes(
        "igraph.harmonic_centrality.weight",
        On::Weighted,
        EXACT,
        |f| harmonic(&f.csr(), &har(Out, Weight, ByNMinusOne)),
    );
    check_nodes("igraph.harmonic_centrality.in", On::Directed, EXACT, |f| {
        harmonic(&f.csr(), &har(In, Hops, ByNMinusOne))
    });
    check_nodes(
        "igraph.harmonic_centrality.in.weight",
        On::DirectedWeighted,
        EXACT,
        |f| harmonic(&f.csr(), &har(In, Weight, ByNMinusOne)),
    );
    check_nodes("sna.closeness.suminvdir", On::Directed, EXACT, |f| {
        harmonic(&f.csr(), &har(Out, Hops, ByNMinusOne))
    });
    check_nodes(
        "sna.closeness.suminvdir.valued",
        On::DirectedWeighted,
        EXACT,
        |f| harmonic(&f.csr(), &har(Out, Weight, ByNMinusOne)),
    );
    check_nodes("sna.closeness.suminvundir", On::All, EXACT, |f| {
        harmonic(&f.csr(), &har(All, Hops, ByNMinusOne))
    });
    check_nodes(
        "sna.closeness.suminvundir.valued",
        On::UndirectedWeighted,
        EXACT,
        |f| harmonic(&f.csr(), &har(All, Weight, ByNMinusOne)),
    );
}

fn bet(w: EdgeLength, endpoints: Endpoints, scale: BetweennessScale) -> BetweennessOptions {
    BetweennessOptions {
        weighting: w,
        endpoints,
        scale,
        parallelism: Parallelism::Sequential,
        ..Default::default()
    }
}

#[test]
fn betweenness_matches_networkx_igraph_and_sna() {
    use BetweennessScale::*;
    use EdgeLength::*;
    use Endpoints::*;
    let n = check_nodes("networkx.betweenness_centrality", On::All, EXACT, |f| {
        betweenness(&f.csr(), &BetweennessOptions::default())
    });
    assert_eq!(n, fixtures().len());
    check_nodes("networkx.betweenness_centrality.raw", On::All, EXACT, |f| {
        betweenness(&f.csr(), &bet(Hops, Excluded, Raw))
    });
    check_nodes(
        "networkx.betweenness_centrality.endpoints",
        On::All,
        EXACT,
        |f| betweenness(&f.csr(), &bet(Hops, Included, NetworkX)),
    );
    // exact float ties, as NetworkX: igraph differs on some decimal-weighted graphs
    let n = check_nodes(
        "networkx.betweenness_centrality.weight",
        On::Weighted,
        EXACT,
        |f| betweenness(&f.csr(), &bet(Weight, Excluded, NetworkX)),
    );
    assert_eq!(n, fixtures().iter().filter(|f| f.weighted).count());
    check_nodes("igraph.betweenness", On::All, EXACT, |f| {
        betweenness(&f.csr(), &bet(Hops, Excluded, Raw))
    });
    check_nodes("sna.betweenness", On::All, EXACT, |f| {
        betweenness(&f.csr(), &bet(Hops, Excluded, Raw))
    });
    check_nodes("sna.betweenness.rescale", On::All, EXACT, |f| {
        betweenness(&f.csr(), &bet(Hops, Excluded, SumToOne))
    });
}

#[test]
fn betweenness_sequential_equals_parallel() {
    for seed in 0..4 {
        for directed in [false, true] {
            let g = coprod::generate::gnm(300, 900, directed, seed).unwrap();
            for w in [EdgeLength::Hops, EdgeLength::Weight] {
                let mut o = bet(w, Endpoints::Excluded, BetweennessScale::NetworkX);
                let seq = betweenness(&g, &o);
                o.parallelism = Parallelism::Parallel;
                assert_eq!(seq, betweenness(&g, &o), "seed {seed} directed {directed}");
            }
            let mut o = ClosenessOptions {
                parallelism: Parallelism::Sequential,
                ..Default::default()
            };
            let seq = closeness(&g, &o);
            o.parallelism = Parallelism::Parallel;
            assert_eq!(seq, closeness(&g, &o));
            let mut o = HarmonicOptions {
                parallelism: Parallelism::Sequential,
                ..Default::default()
            };
            let seq = harmonic(&g, &o);
            o.parallelism = Parallelism::Parallel;
            assert_eq!(seq, harmonic(&g, &o));
            let grp = [0, 5, 17];
            let mut o = GroupBetweennessOptions {
                parallelism: Parallelism::Sequential,
                ..Default::default()
            };
            let grp = NodeSet::new(g.node_count(), grp).unwrap();
            let seq = group_betweenness(&g, &grp, &o).unwrap();
            o.parallelism = Parallelism::Parallel;
            assert_eq!(seq, group_betweenness(&g, &grp, &o).unwrap());
        }
    }
}

#[test]
fn spectral_measures_match_networkx_igraph_and_sna() {
    use Weights::*;
    let ev = |dir, weights, scale| EigenvectorOptions {
        direction: dir,
        weights,
        scale,
        ..Default::default()
    };
    check_nodes("networkx.eigenvector_centrality", On::All, ITER, |f| {
        eigenvector(&f.csr(), &EigenvectorOptions::default()).unwrap()
    });
    check_nodes(
        "networkx.eigenvector_centrality.weight",
        On::Weighted,
        ITER,
        |f| {
            eigenvector(
                &f.csr(),
                &ev(Direction::In, Strength, EigenvectorScale::Euclidean),
            )
            .unwrap()
        },
    );
    check_nodes("igraph.eigenvector_centrality", On::All, ITER, |f| {
        eigenvector(&f.csr(), &ev(Direction::In, Ignore, EigenvectorScale::Max)).unwrap()
    });
    check_nodes(
        "igraph.eigenvector_centrality.weight",
        On::Weighted,
        ITER,
        |f| {
            eigenvector(
                &f.csr(),
                &ev(Direction::In, Strength, EigenvectorScale::Max),
            )
            .unwrap()
        },
    );
    check_nodes("sna.evcent", On::All, ITER, |f| {
        eigenvector(
            &f.csr(),
            &ev(Direction::Out, Ignore, EigenvectorScale::Euclidean),
        )
        .unwrap()
    });
    check_nodes("sna.evcent.valued", On::Weighted, ITER, |f| {
        eigenvector(
            &f.csr(),
            &ev(Direction::Out, Strength, EigenvectorScale::Euclidean),
        )
        .unwrap()
    });
    let n = check_nodes("networkx.pagerank", On::All, 1e-9, |f| {
        pagerank(&f.csr(), &PageRankOptions::default()).unwrap()
    });
    assert_eq!(n, fixtures().len());
    let pw = PageRankOptions {
        weights: Strength,
        ..Default::default()
    };
    check_nodes("networkx.pagerank.weight", On::Weighted, 1e-9, |f| {
        pagerank(&f.csr(), &pw).unwrap()
    });
    check_nodes("igraph.pagerank", On::All, 1e-9, |f| {
        pagerank(&f.csr(), &PageRankOptions::default()).unwrap()
    });
    check_nodes("igraph.pagerank.weight", On::Weighted, 1e-9, |f| {
        pagerank(&f.csr(), &pw).unwrap()
    });
    check_nodes("networkx.katz_centrality", On::All, 1e-9, |f| {
        katz(&f.csr(), &KatzOptions::default()).unwrap()
    });
    let kw = KatzOptions {
        alpha: 0.02,
        weights: Strength,
        ..Default::default()
    };
    check_nodes("networkx.katz_centrality.weight", On::Weighted, 1e-9, |f| {
        katz(&f.csr(), &kw).unwrap()
    });
}

#[test]
fn group_centralities_match_networkx_and_the_definition() {
    let n = check_scalar("networkx.group_degree_centrality", On::All, EXACT, |f| {
        group_degree(&f.csr(), &f.group_set(), Direction::Out).unwrap()
    });
    assert_eq!(n, fixtures().len());
    check_scalar(
        "networkx.group_in_degree_centrality",
        On::Directed,
        EXACT,
        |f| group_degree(&f.csr(), &f.group_set(), Direction::In).unwrap(),
    );
    check_scalar(
        "networkx.group_out_degree_centrality",
        On::Directed,
        EXACT,
        |f| group_degree(&f.csr(), &f.group_set(), Direction::Out).unwrap(),
    );
    let n = check_scalar("networkx.group_closeness_centrality", On::All, EXACT, |f| {
        group_closeness(&f.csr(), &f.group_set(), &GroupClosenessOptions::default()).ok()
    });
    assert_eq!(n, fixtures().len());
    let gb = |scale| GroupBetweennessOptions {
        scale,
        ..Default::default()
    };
    let n = check_scalar(
        "bruteforce.group_betweenness_centrality",
        On::All,
        EXACT,
        |f| {
            group_betweenness(
                &f.csr(),
                &f.group_set(),
                &gb(GroupBetweennessScale::Normalized),
            )
            .unwrap()
        },
    );
    assert_eq!(n, fixtures().len());
    check_scalar(
        "bruteforce.group_betweenness_centrality.raw",
        On::All,
        EXACT,
        |f| group_betweenness(&f.csr(), &f.group_set(), &gb(GroupBetweennessScale::Raw)).unwrap(),
    );
    // NetworkX agrees with the definition on undirected unweighted graphs
    let mut compared = 0;
    for f in fixtures().iter().filter(|f| !f.directed && !f.weighted) {
        for (key, scale) in [
            (
                "networkx.group_betweenness_centrality",
                GroupBetweennessScale::Normalized,
            ),
            (
                "networkx.group_betweenness_centrality.raw",
                GroupBetweennessScale::Raw,
            ),
        ] {
            let want = f.scalar(key).expect(key);
            let got = group_betweenness(&f.csr(), &f.group_set(), &gb(scale))
                .unwrap()
                .unwrap();
            assert_scalar(got, want, EXACT, &format!("{} {key}", f.name));
            compared += 1;
        }
    }
    assert!(compared >= 10);
}

/// Values from `scripts/reference/centrality.py` (NetworkX), in tests/fixtures/centrality.
fn family_fixtures() -> Vec<Fixture> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/centrality");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/centrality (run scripts/reference/centrality.py)")
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths.iter().map(|p| common::load_fixture(p)).collect()
}

#[test]
fn weighted_group_closeness_and_undirected_group_degree_match_networkx() {
    let fx = family_fixtures();
    let (mut weighted, mut directed) = (0, 0);
    let opts = |direction| GroupClosenessOptions {
        direction,
        weighting: EdgeLength::Weight,
    };
    for f in &fx {
        if f.weighted {
            let key = "networkx.group_closeness_centrality.weight";
            let got = group_closeness(&f.csr(), &f.group_set(), &opts(Direction::In)).unwrap();
            assert_scalar(got, f.scalar(key).expect(key), EXACT, &f.name);
            weighted += 1;
        }
        if f.directed {
            let key = "networkx.group_degree_centrality.all";
            let got = group_degree(&f.csr(), &f.group_set(), Direction::All)
                .unwrap()
                .unwrap();
            assert_scalar(got, f.scalar(key).expect(key), EXACT, &f.name);
            if f.weighted {
                let key = "networkx.group_closeness_centrality.weight_reverse";
                let got = group_closeness(&f.csr(), &f.group_set(), &opts(Direction::Out)).unwrap();
                assert_scalar(got, f.scalar(key).expect(key), EXACT, &f.name);
            }
            directed += 1;
        }
    }
    assert!(
        weighted >= 10 && directed >= 10,
        "{weighted} weighted, {directed} directed"
    );
}

#[test]
fn tiny_graphs_follow_the_documented_edge_cases() {
    use coprod::model::{Aggregation, Csr};
    let empty = Csr::from_edges(0, false, &[], Aggregation::Sum);
    assert!(degree(&empty, &DegreeOptions::default()).is_empty());
    assert!(closeness(&empty, &ClosenessOptions::default()).is_empty());
    assert!(betweenness(&empty, &BetweennessOptions::default()).is_empty());
    assert!(eigenvector(&empty, &EigenvectorOptions::default()).is_err());
    assert!(pagerank(&empty, &PageRankOptions::default()).is_err());
    let one = Csr::from_edges(1, true, &[], Aggregation::Sum);
    assert_eq!(degree(&one, &DegreeOptions::default()), [1.0]);
    assert_eq!(closeness(&one, &ClosenessOptions::default()), [0.0]);
    assert_eq!(harmonic(&one, &HarmonicOptions::default()), [0.0]);
    assert_eq!(betweenness(&one, &BetweennessOptions::default()), [0.0]);
    let sna = clo(Direction::Out, EdgeLength::Hops, ClosenessScale::Sna);
    assert!(closeness(&one, &sna)[0].is_nan());
    // 0 -> 1, 2 isolated: igraph gives NaN to nodes that reach nobody, NetworkX 0
    let g = Csr::from_edges(3, true, &[(0, 1, 1.0)], Aggregation::Sum);
    let ig = clo(
        Direction::Out,
        EdgeLength::Hops,
        ClosenessScale::IgraphReachable,
    );
    let c = closeness(&g, &ig);
    assert!(c[0] == 1.0 && c[1].is_nan() && c[2].is_nan());
    let nx = closeness(&g, &ClosenessOptions::default());
    assert_eq!(nx, [0.0, 0.5, 0.0]); // node 1: (2−1)/1 · (2−1)/(3−1)
    assert_eq!(closeness(&g, &sna), [0.0, 0.0, 0.0]);
    // a group holding every node
    assert_eq!(
        group_degree(&g, &NodeSet::new(3, [0, 1, 2]).unwrap(), Direction::Out).unwrap(),
        None
    );
    // a node set of another graph
    assert!(group_degree(&g, &NodeSet::new(4, [3]).unwrap(), Direction::Out).is_err());
    let gb = GroupBetweennessOptions::default();
    assert_eq!(
        group_betweenness(&g, &NodeSet::new(3, [0, 1]).unwrap(), &gb).unwrap(),
        None
    );
}

#[test]
fn pagerank_l2_test_stops_where_networkit_would_and_agrees_with_the_l1_test() {
    use coprod::measures::centrality::PageRankNorm;
    // A random digraph (sinks included): both tests converge to the same vector.
    let g = coprod::generate::gnm(200, 700, true, 5).unwrap();
    let l1 = pagerank(&g, &PageRankOptions::default()).unwrap();
    let l2 = pagerank(
        &g,
        &PageRankOptions {
            tol: 1e-12,
            norm: PageRankNorm::L2,
            ..Default::default()
        },
    )
    .unwrap();
    let d: f64 = l1.iter().zip(&l2).map(|(a, b)| (a - b).abs()).sum();
    assert!(d < 1e-9, "{d}");
    // A loose L2 tolerance stops earlier, so it is further from the converged vector.
    let loose = pagerank(
        &g,
        &PageRankOptions {
            tol: 1e-3,
            norm: PageRankNorm::L2,
            ..Default::default()
        },
    )
    .unwrap();
    let dl: f64 = l1.iter().zip(&loose).map(|(a, b)| (a - b).abs()).sum();
    assert!(dl > d, "{dl} vs {d}");
}
