//! The parallel linear measures (weak components, core numbers, triangles and
//! local clustering) above their parallel thresholds: the same result on 1 and
//! 2 threads (local rayon pools), and equal to the definitions computed here
//! by plain sequential code, on random graphs and on a synthetic community.

use coprod::generate::{CommunitySpec, community, gnm};
use coprod::measures::Direction;
use coprod::measures::centrality::{DegreeOptions, DegreeScale, degree};
use coprod::measures::cohesion::{
    ClusteringOptions, CoreOptions, core_number, local_clustering, triangles, weak_components,
};
use coprod::model::{Aggregation, Csr};
use std::collections::VecDeque;

/// Above every parallel threshold (2^15 nodes).
const N: usize = (1 << 15) + 777;

fn on_threads<T: Send>(threads: usize, f: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap()
        .install(f)
}

/// Weak components by definition: a sequential BFS from every unseen node
/// in node order over ties read both ways, so components are numbered by
/// their smallest node.
fn components_by_definition(g: &Csr) -> (Vec<u32>, Vec<usize>) {
    let n = g.node_count();
    let mut label = vec![u32::MAX; n];
    let mut sizes = Vec::new();
    for s in 0..n {
        if label[s] != u32::MAX {
            continue;
        }
        let c = sizes.len() as u32;
        let mut size = 0;
        let mut q = VecDeque::from([s]);
        label[s] = c;
        while let Some(u) = q.pop_front() {
            size += 1;
            for &v in g.out_neighbors(u).iter().chain(g.in_neighbors(u)) {
                if label[v as usize] == u32::MAX {
                    label[v as usize] = c;
                    q.push_back(v as usize);
                }
            }
        }
        sizes.push(size);
    }
    (label, sizes)
}

/// Core numbers by definition: repeatedly remove a node of smallest
/// remaining degree (a lazy min-heap); a node's core number is the largest
/// smallest-degree seen up to its removal.
fn cores_by_definition(g: &Csr, dir: Direction) -> Vec<f64> {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    let n = g.node_count();
    let dir = if g.is_directed() { dir } else { Direction::Out };
    let count = |u: usize, list: &[u32]| list.iter().filter(|&&v| v as usize != u).count();
    let mut deg: Vec<usize> = (0..n)
        .map(|u| match dir {
            Direction::Out => count(u, g.out_neighbors(u)),
            Direction::In => count(u, g.in_neighbors(u)),
            Direction::All => count(u, g.out_neighbors(u)) + count(u, g.in_neighbors(u)),
        })
        .collect();
    let mut heap: BinaryHeap<Reverse<(usize, usize)>> =
        (0..n).map(|u| Reverse((deg[u], u))).collect();
    let mut gone = vec![false; n];
    let mut core = vec![0.0; n];
    let mut level = 0;
    while let Some(Reverse((d, v))) = heap.pop() {
        if gone[v] || d != deg[v] {
            continue;
        }
        gone[v] = true;
        level = level.max(d);
        core[v] = level as f64;
        let lowered: Vec<u32> = match dir {
            Direction::Out => g.in_neighbors(v).to_vec(),
            Direction::In => g.out_neighbors(v).to_vec(),
            Direction::All => [g.out_neighbors(v), g.in_neighbors(v)].concat(),
        };
        for u in lowered {
            let u = u as usize;
            if u != v && !gone[u] {
                deg[u] -= 1;
                heap.push(Reverse((deg[u], u)));
            }
        }
    }
    core
}

/// Triangles per node by definition: for every tie `{u, v}` with `u < v`,
/// the common neighbours `w > v` by merging the sorted rows.
fn triangles_by_definition(g: &Csr) -> Vec<f64> {
    let n = g.node_count();
    let mut t = vec![0.0; n];
    for u in 0..n {
        let ru = g.out_neighbors(u);
        for &v in ru.iter().filter(|&&v| v as usize > u) {
            let rv = g.out_neighbors(v as usize);
            let (mut i, mut j) = (0, 0);
            while i < ru.len() && j < rv.len() {
                match ru[i].cmp(&rv[j]) {
                    std::cmp::Ordering::Less => i += 1,
                    std::cmp::Ordering::Greater => j += 1,
                    std::cmp::Ordering::Equal => {
                        if ru[i] > v {
                            for x in [u, v as usize, ru[i] as usize] {
                                t[x] += 1.0;
                            }
                        }
                        i += 1;
                        j += 1;
                    }
                }
            }
        }
    }
    t
}

/// A G(n, m) graph with a few self-loops and triangles added.
fn random(n: usize, m: usize, directed: bool, seed: u64) -> Csr {
    let g = gnm(n, m, directed, seed).unwrap();
    let mut e: Vec<(u32, u32, f64)> = g.edges().collect();
    e.extend((0..n as u32).step_by(97).map(|u| (u, u, 1.0)));
    let at = |u: u32| u % n as u32;
    e.extend((0..n as u32).step_by(101).flat_map(|u| {
        [(u, at(u + 1)), (at(u + 1), at(u + 2)), (u, at(u + 2))].map(|(a, b)| (a, b, 1.0))
    }));
    Csr::from_edges(n, directed, &e, Aggregation::Sum)
}

/// Everything the test checks on one graph.
fn check(g: &Csr, what: &str) {
    let (label, sizes) = components_by_definition(g);
    for threads in [1, 2] {
        let c = on_threads(threads, || weak_components(g));
        assert!(
            c.membership == label,
            "{what}: membership, {threads} threads"
        );
        assert!(c.sizes == sizes, "{what}: sizes, {threads} threads");
    }
    let dirs: &[Direction] = if g.is_directed() {
        &[Direction::Out, Direction::In, Direction::All]
    } else {
        &[Direction::All]
    };
    for &direction in dirs {
        let want = cores_by_definition(g, direction);
        assert!(
            want.iter().any(|&k| k >= 1.0),
            "{what}: cores compare nothing"
        );
        for threads in [1, 2] {
            let got = on_threads(threads, || core_number(g, &CoreOptions { direction }));
            assert!(
                got == want,
                "{what}: cores {direction:?}, {threads} threads"
            );
        }
    }
    if !g.is_directed() {
        // degree: the row length, a self-loop twice; NetworkX scale / (n - 1)
        let raw: Vec<f64> = (0..g.node_count())
            .map(|u| {
                let row = g.out_neighbors(u);
                (row.len() + row.iter().filter(|&&v| v as usize == u).count()) as f64
            })
            .collect();
        assert!(raw.iter().any(|&d| d > 0.0), "{what}: no tie");
        let s = 1.0 / (g.node_count() as f64 - 1.0);
        let scaled: Vec<f64> = raw.iter().map(|d| d * s).collect();
        for threads in [1, 2] {
            for (scale, want) in [(DegreeScale::Raw, &raw), (DegreeScale::NetworkX, &scaled)] {
                let opts = DegreeOptions {
                    scale,
                    ..Default::default()
                };
                let got = on_threads(threads, || degree(g, &opts));
                assert!(&got == want, "{what}: degree {scale:?}, {threads} threads");
            }
        }
        let want = triangles_by_definition(g);
        assert!(want.iter().sum::<f64>() > 0.0, "{what}: no triangle");
        let c1 = on_threads(1, || local_clustering(g, &ClusteringOptions::default())).unwrap();
        for threads in [1, 2] {
            let t = on_threads(threads, || triangles(g));
            assert!(t == want, "{what}: triangles, {threads} threads");
            let c = on_threads(threads, || {
                local_clustering(g, &ClusteringOptions::default()).unwrap()
            });
            assert!(
                c.iter().zip(&c1).all(|(a, b)| a.to_bits() == b.to_bits()),
                "{what}: clustering bits, {threads} threads"
            );
        }
        for (u, &cu) in c1.iter().enumerate() {
            let k = g
                .out_neighbors(u)
                .iter()
                .filter(|&&v| v as usize != u)
                .count() as f64;
            let want_c = if k < 2.0 {
                0.0
            } else {
                2.0 * want[u] / (k * (k - 1.0))
            };
            assert!(cu == want_c, "{what}: clustering at {u}");
        }
    }
}

#[test]
fn random_graphs_above_the_thresholds() {
    for seed in 0..3 {
        // sparse (many components, one large), and denser (one giant)
        for (m, directed) in [(N * 3 / 4, false), (4 * N, false), (N, true), (3 * N, true)] {
            let g = random(N, m, directed, seed);
            check(&g, &format!("gnm m {m} directed {directed} seed {seed}"));
        }
    }
}

#[test]
fn community_of_100k_residents() {
    let case = coprod::cases::load("jinsong").unwrap();
    let spec = CommunitySpec::like(&case, 100_000).unwrap();
    let c = community(&spec, 7).unwrap();
    let n = c.node_count();
    let g = Csr::from_edge_iter(
        n,
        false,
        c.ties().map(|(u, v, _)| (u, v, 1.0)),
        Aggregation::Max,
    )
    .unwrap();
    assert!(n > N);
    check(&g, "community 10^5");
}

/// Components past the union–find's threshold (2^18 nodes), where two
/// threads take the parallel path: the same partition and numbering as the
/// definition.
#[test]
fn components_past_the_parallel_threshold() {
    let n = (1 << 18) + 333;
    for directed in [false, true] {
        let g = coprod::generate::gnm(n, n, directed, 11).unwrap();
        let (label, sizes) = components_by_definition(&g);
        assert!(sizes.len() > 1000, "many components: {}", sizes.len());
        for threads in [1, 2] {
            let c = on_threads(threads, || weak_components(&g));
            assert!(
                c.membership == label,
                "directed {directed}: {threads} threads"
            );
            assert!(c.sizes == sizes);
        }
    }
}
