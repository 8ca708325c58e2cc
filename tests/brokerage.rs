//! Brokerage family against the reference fixtures (R sna 2.7, NetworkX 3.6)
//! and hand computations for the measures no tool ships.

mod common;

use common::{EXACT, assert_close, assert_scalar};
use coprod::measures::brokerage::{
    Brokerage, BrokerageOptions, Role, StructuralHolesOptions, Weights, brokerage, constraint,
    effective_size, efficiency, local_constraints,
};

/// `sna::brokerage(B, cl, &BrokerageOptions::default())` on the dichotomised matrix: every table, every node,
/// every role, on every fixture graph (all of them carry the keys).
#[test]
fn gould_fernandez_equals_sna() {
    let mut checked = 0;
    for f in common::fixtures() {
        checked += check_sna(&f);
    }
    assert!(checked >= 30 * 24);
}

/// The brokerage family's own fixtures (`scripts/reference/brokerage.py`):
/// self-loops of weight 1 and 2, loop-only nodes, an isolate, valued ties.
fn own_fixtures() -> Vec<common::Fixture> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/brokerage");
    let fs: Vec<_> = ["d_loops_14", "u_loops_14"]
        .iter()
        .map(|n| common::load_fixture(&dir.join(format!("{n}.json"))))
        .collect();
    assert!(fs.iter().all(|f| f.edges.iter().any(|e| e.0 == e.1)));
    fs
}

#[test]
fn self_loops_equal_sna_and_networkx() {
    for f in own_fixtures() {
        assert_eq!(check_sna(&f), 24);
        check_structural_holes(&f);
    }
}

/// Every `sna.brokerage` table, node and role of one fixture; returns the number of keys checked.
fn check_sna(f: &common::Fixture) -> usize {
    let mut checked = 0;
    assert!(
        f.get("sna.brokerage.raw_nli.t").is_some(),
        "{}: sna.brokerage keys missing",
        f.name
    );
    let b = brokerage(&f.csr(), &f.partition(), &BrokerageOptions::default()).unwrap();
    // The weighted graph gives the same (dichotomised) answer.
    assert_eq!(
        b.raw,
        brokerage(
            &f.csr_unweighted(),
            &f.partition(),
            &BrokerageOptions::default()
        )
        .unwrap()
        .raw
    );
    let tables = [
        ("raw", &b.raw, &b.raw_graph),
        ("exp", &b.expected, &b.expected_graph),
        ("sd", &b.sd, &b.sd_graph),
        ("z", &b.z, &b.z_graph),
    ];
    for (part, nli, gli) in tables {
        for role in Role::COLUMNS {
            let col = role.sna_name();
            let key = format!("sna.brokerage.{part}_nli.{col}");
            assert!(f.values.contains_key(&key), "{}: {key}", f.name);
            let want = common::floats(&f.values[&key]);
            assert_close(
                &Brokerage::column(nli, role),
                &want,
                EXACT,
                &format!("{} {key}", f.name),
            );
            // null is sna's NaN (0/0 where the variance is 0).
            let key = format!("sna.brokerage.{part}_gli.{col}");
            assert!(f.values.contains_key(&key), "{}: {key}", f.name);
            let want = f.scalar(&key).unwrap_or(f64::NAN);
            assert_scalar(gli[role.index()], want, EXACT, &format!("{} {key}", f.name));
            checked += 1;
        }
    }
    checked
}

/// NetworkX's structural holes, unweighted on every fixture and weighted on
/// the weighted ones.
#[test]
fn structural_holes_equal_networkx() {
    let mut weighted = 0;
    for f in common::fixtures() {
        weighted += usize::from(f.weighted);
        check_structural_holes(&f);
    }
    assert!(weighted >= 5);
}

/// Effective size, efficiency (when the fixture has it), constraint and every
/// local constraint, unweighted and (weighted fixtures) weighted.
fn check_structural_holes(f: &common::Fixture) {
    let g = f.csr();
    let mut variants = vec![("", Weights::Ignore)];
    if f.weighted {
        variants.push((".weight", Weights::Strength));
    }
    for (sfx, weight) in variants {
        let o = StructuralHolesOptions {
            weight,
            ..Default::default()
        };
        let what = |k: &str| format!("{} networkx.{k}{sfx}", f.name);
        let want = |k: &str| {
            f.nodes(&format!("networkx.{k}{sfx}"))
                .unwrap_or_else(|| panic!("missing {}", what(k)))
        };
        assert_close(
            &effective_size(&g, &o),
            &want("effective_size"),
            EXACT,
            &what("effective_size"),
        );
        if f.values.contains_key(&format!("networkx.efficiency{sfx}")) {
            assert_close(
                &efficiency(&g, &o),
                &want("efficiency"),
                EXACT,
                &what("efficiency"),
            );
        }
        assert_close(
            &constraint(&g, &o),
            &want("constraint"),
            EXACT,
            &what("constraint"),
        );
        let lc = local_constraints(&g, &o);
        let rows = f.get(&format!("networkx.local_constraint{sfx}")).unwrap();
        for (u, row) in rows.as_array().unwrap().iter().enumerate() {
            let row = common::floats(row);
            for (v, &want) in row.iter().enumerate() {
                let got = lc.get(u, v);
                if want.is_nan() {
                    assert_eq!(
                        got,
                        None,
                        "{}: ({u},{v}) is not a contact",
                        what("local_constraint")
                    );
                } else {
                    let got = got.unwrap_or_else(|| panic!("{}: ({u},{v})", what("lc")));
                    assert_scalar(
                        got,
                        want,
                        EXACT,
                        &format!("{} ({u},{v})", what("local_constraint")),
                    );
                    let single = coprod::measures::brokerage::local_constraint(&g, u, v, &o);
                    assert_scalar(single, want, EXACT, &what("local_constraint single"));
                }
            }
        }
    }
}

use coprod::measures::Direction;
use coprod::measures::brokerage::{EiOptions, burt_hierarchy, ei_index, multiplex_brokerage};
use coprod::model::{Aggregation, Csr, Partition};

/// Burt's hierarchy by hand.
///
/// ```text
///     1
///    / \        undirected, unweighted: every mutual weight M = 2
///   0---2       p_0v = 1/3 (three contacts), p_1v = p_2v = 1/2, p_30 = 1
///    \
///     3
/// ```
/// Node 0: ℓ(0,1) = (p01 + p02 p21)² = (1/3 + 1/6)² = 1/4, ℓ(0,2) = 1/4 likewise,
/// ℓ(0,3) = (1/3)² = 1/9 (no indirect path); c0 = 11/18, N = 3, C = 11/54,
/// r = (27/22, 27/22, 12/22) (sum 3), H0 = [2·(27/22) ln(27/22) + (12/22) ln(12/22)] / (3 ln 3)
/// = (0.502677 − 0.330620) / 3.295837 ≈ 0.052205.
/// Node 1: ℓ(1,0) = (1/2 + p12 p20)² = (3/4)² = 9/16, ℓ(1,2) = (1/2 + p10 p02)² = (2/3)² = 4/9;
/// c1 = 145/144, C = 145/288, r = (162/145, 128/145),
/// H1 = [(162/145) ln(162/145) + (128/145) ln(128/145)] / (2 ln 2)
/// = (0.123860 − 0.110083) / 1.386294 ≈ 0.009938.
/// Node 2 mirrors node 1; node 3 has one contact: NaN.
#[test]
fn hierarchy_by_hand() {
    let g = Csr::from_edges(
        4,
        false,
        &[(0, 1, 1.0), (0, 2, 1.0), (1, 2, 1.0), (0, 3, 1.0)],
        Aggregation::Sum,
    );
    let o = StructuralHolesOptions::default();
    let xlnx = |x: f64| x * x.ln();
    let h0 = (2.0 * xlnx(27.0 / 22.0) + xlnx(12.0 / 22.0)) / (3.0 * 3f64.ln());
    let h1 = (xlnx(162.0 / 145.0) + xlnx(128.0 / 145.0)) / (2.0 * 2f64.ln());
    assert!((h0 - 0.052205).abs() < 1e-6 && (h1 - 0.009938).abs() < 1e-6);
    assert_close(
        &burt_hierarchy(&g, &o),
        &[h0, h1, h1, f64::NAN],
        1e-12,
        "hierarchy",
    );
    // The constraint sums behind it.
    assert_close(
        &constraint(&g, &o)[..2],
        &[11.0 / 18.0, 145.0 / 144.0],
        1e-12,
        "constraint",
    );
    // Even constraint (a star's centre): no hierarchy.
    let star = Csr::from_edges(3, false, &[(0, 1, 1.0), (0, 2, 1.0)], Aggregation::Sum);
    assert_eq!(burt_hierarchy(&star, &o)[0], 0.0);
}

/// E-I index by hand on a directed graph with groups A = {0, 1}, B = {2, 3}, C = {4}, D = {5}.
///
/// ```text
///   A: 0 ⇄ 1 ──→ 2 ──→ 3 :B      arcs: 0→1 I, 1→0 I, 1→2 E, 2→3 I, 3→4 E, 4→0 E
///      ↑                │         2→2 self-loop (ignored); 5 isolated (group D)
///      └────── 4 ←──────┘ :C
/// ```
/// Out/In, graph: E = 3, I = 3 → 0.  All (symmetrised): edges {0,1} I, {1,2} E, {2,3} I,
/// {3,4} E, {0,4} E → (3 − 2)/5 = 0.2.
/// Out, actors: 0: {0→1 I} → −1; 1: {1→0 I, 1→2 E} → 0; 2: {2→3 I} → −1; 3: {3→4 E} → 1; 4 → 1.
/// In, actors: 0: {1→0 I, 4→0 E} → 0; 1: {0→1 I} → −1; 2: {1→2 E} → 1; 3: {2→3 I} → −1; 4 → 1.
/// All, actors: 0, 1, 2, 3 each one I and one E → 0; 4: two E → 1.
/// Out, groups: A {0→1 I, 1→0 I, 1→2 E} → −1/3; B {2→3 I, 3→4 E} → 0; C {4→0 E} → 1.
/// In, groups: A {0→1, 1→0 I, 4→0 E} → −1/3; B {1→2 E, 2→3 I} → 0; C {3→4 E} → 1.
/// All, groups: A {0,1} I, {1,2} E, {0,4} E → 1/3; B {2,3} I, {1,2}, {3,4} E → 1/3; C → 1.
/// Weighted (1→2 weighs 3), Out, graph: E = 3 + 1 + 1 = 5, I = 3 → 2/8 = 0.25.
#[test]
fn ei_index_by_hand() {
    let arcs = [
        (0, 1, 1.0),
        (1, 0, 1.0),
        (1, 2, 3.0),
        (2, 3, 1.0),
        (3, 4, 1.0),
        (4, 0, 1.0),
        (2, 2, 1.0),
    ];
    let g = Csr::from_edges(6, true, &arcs, Aggregation::Sum);
    let p = Partition::from_groups(vec![0, 0, 1, 1, 2, 3]);
    let nan = f64::NAN;
    let run = |direction, weight| ei_index(&g, &p, &EiOptions { direction, weight }).unwrap();
    let out = run(Direction::Out, Weights::Ignore);
    assert_eq!(out.graph, Some(0.0));
    assert_close(
        &out.actors,
        &[-1.0, 0.0, -1.0, 1.0, 1.0, nan],
        1e-15,
        "out actors",
    );
    assert_close(
        &out.groups,
        &[-1.0 / 3.0, 0.0, 1.0, nan],
        1e-15,
        "out groups",
    );
    let inn = run(Direction::In, Weights::Ignore);
    assert_eq!(inn.graph, Some(0.0));
    assert_close(
        &inn.actors,
        &[0.0, -1.0, 1.0, -1.0, 1.0, nan],
        1e-15,
        "in actors",
    );
    assert_close(
        &inn.groups,
        &[-1.0 / 3.0, 0.0, 1.0, nan],
        1e-15,
        "in groups",
    );
    let all = run(Direction::All, Weights::Ignore);
    assert_scalar(all.graph.unwrap(), 0.2, 1e-15, "all graph");
    assert_close(
        &all.actors,
        &[0.0, 0.0, 0.0, 0.0, 1.0, nan],
        1e-15,
        "all actors",
    );
    assert_close(
        &all.groups,
        &[1.0 / 3.0, 1.0 / 3.0, 1.0, nan],
        1e-15,
        "all groups",
    );
    // The undirected graph gives the All answer.
    let u = ei_index(
        &g.to_undirected(Aggregation::Sum),
        &p,
        &EiOptions::default(),
    )
    .unwrap();
    assert_close(&u.actors, &all.actors, 0.0, "undirected actors");
    assert_eq!(u.graph, all.graph);
    let w = run(Direction::Out, Weights::Strength);
    assert_scalar(w.graph.unwrap(), 0.25, 1e-15, "weighted graph");
    // No tie at all: undefined everywhere.
    let empty = Csr::from_edges(3, true, &[], Aggregation::Sum);
    let e = ei_index(
        &empty,
        &Partition::from_groups(vec![0, 1, 1]),
        &EiOptions::default(),
    )
    .unwrap();
    assert_eq!(e.graph, None);
    assert!(e.actors.iter().chain(&e.groups).all(|x| x.is_nan()));
    // A partition of the wrong size is an error.
    assert!(
        ei_index(
            &g,
            &Partition::from_groups(vec![0, 1]),
            &EiOptions::default()
        )
        .is_err()
    );
}

/// Multiplex brokerage by hand: leadership (layer 0) and resource (layer 1).
///
/// ```text
///  groups: 0 government, 1 party branch (P), 2 residents' committee, 3 firm, 4 party (P)
///  leadership: 0 → 1, 4 → 1, 1 → 2          resource: 1 → 3, 1 → 2, 0 → 3
///
///        0 ─L─→ 1 ─L,R─→ 2
///        │      ↑  └─R─→ 3
///        └──R───┼──────→ 3        (0 → 3 closes 0 → 1 → 3)
///        4 ─L───┘
/// ```
/// Open 2-paths of the union, all through broker 1:
/// (0,1,2) gov→party→community: liaison, in-tie L, out-tie L or R → [L][L] 1, [L][R] 1;
/// (0,1,3) closed by 0 → 3 (resource) in every layer pair;
/// (4,1,2) party→party→community: representative → [L][L] 1, [L][R] 1;
/// (4,1,3) party→party→firm: representative → [L][R] 1.
/// Invariant: Σ_{a,b} = Σ λ(i→j) λ(j→k): liaison 1·2 = 2, representative 1·2 + 1·1 = 3,
/// whereas the union's plain brokerage counts liaison 1, representative 2 (1 → 2 is in two layers).
#[test]
fn multiplex_brokerage_by_hand() {
    let d = |e: &[(u32, u32, f64)]| Csr::from_edges(5, true, e, Aggregation::Sum);
    let lead = d(&[(0, 1, 1.0), (4, 1, 1.0), (1, 2, 1.0)]);
    let res = d(&[(1, 3, 1.0), (1, 2, 1.0), (0, 3, 1.0)]);
    let p = Partition::from_groups(vec![0, 1, 2, 3, 1]);
    let x = multiplex_brokerage(
        &[lead.clone(), res.clone()],
        &p,
        &BrokerageOptions::default(),
    )
    .unwrap();
    assert_eq!(x.shape(), &[5, 5, 2, 2]);
    let (li, rep) = (Role::Liaison.index(), Role::Representative.index());
    assert_eq!(x[[1, li, 0, 0]], 1.0);
    assert_eq!(x[[1, li, 0, 1]], 1.0);
    assert_eq!(x[[1, rep, 0, 0]], 1.0);
    assert_eq!(x[[1, rep, 0, 1]], 2.0);
    assert_eq!(x.sum(), 5.0);
    let union = d(&[
        (0, 1, 1.0),
        (4, 1, 1.0),
        (1, 2, 1.0),
        (1, 3, 1.0),
        (0, 3, 1.0),
    ]);
    let b = brokerage(&union, &p, &BrokerageOptions::default()).unwrap();
    assert_eq!(
        (b.raw[1][li], b.raw[1][rep], b.raw_graph[5]),
        (1.0, 2.0, 3.0)
    );
    // Errors: no layers, mismatched layers.
    assert!(multiplex_brokerage(&[], &p, &BrokerageOptions::default()).is_err());
    let small = Csr::from_edges(4, true, &[], Aggregation::Sum);
    assert!(multiplex_brokerage(&[lead, small], &p, &BrokerageOptions::default()).is_err());
}

/// The Gould–Fernandez census by hand, including sna's conventions.
///
/// ```text
///  0 → 1 → 2,  1 → 3,  0 → 3,  3 ⇄ 4      groups [0, 0, 1, 1, 2]
/// ```
/// (0,1,2): g = 0,0,1 representative of 1.  (0,1,3) closed by 0 → 3.
/// (0,3,4): g = 0,1,2 liaison of 3.  (1,3,4): liaison of 3.  (4,3,4) is not a 2-path (i = k).
/// m = 6 arcs, N = 5, d = 6/20 = 0.3; exp for node 1 (group size a = 2):
/// E[b_IO] = d²(1−d)(N−a)(a−1) = 0.09 · 0.7 · 3 · 1 = 0.189.
#[test]
fn gould_fernandez_by_hand() {
    let arcs = [
        (0, 1, 1.0),
        (1, 2, 1.0),
        (1, 3, 1.0),
        (0, 3, 1.0),
        (3, 4, 1.0),
        (4, 3, 2.5),
    ];
    let g = Csr::from_edges(5, true, &arcs, Aggregation::Sum);
    let b = brokerage(
        &g,
        &Partition::from_groups(vec![0, 0, 1, 1, 2]),
        &BrokerageOptions::default(),
    )
    .unwrap();
    assert_eq!(b.raw[1], [0.0, 0.0, 1.0, 0.0, 0.0, 1.0]);
    assert_eq!(b.raw[3], [0.0, 0.0, 0.0, 0.0, 2.0, 2.0]);
    assert_eq!(b.raw_graph[5], 3.0);
    assert!((b.expected[1][2] - 0.189).abs() < 1e-15);
    // A directed 3-cycle 0 → 1 → 2 → 0: the arc k → i does not close i → j → k,
    // so each node is liaison once; the undirected triangle has no open 2-path.
    let p3 = Partition::from_groups(vec![0, 1, 2]);
    let cycle = [(0, 1, 1.0), (1, 2, 1.0), (2, 0, 1.0)];
    let c = brokerage(
        &Csr::from_edges(3, true, &cycle, Aggregation::Sum),
        &p3,
        &BrokerageOptions::default(),
    )
    .unwrap();
    assert!(c.raw.iter().all(|r| *r == [0.0, 0.0, 0.0, 0.0, 1.0, 1.0]));
    let t = brokerage(
        &Csr::from_edges(3, false, &cycle, Aggregation::Sum),
        &p3,
        &BrokerageOptions::default(),
    )
    .unwrap();
    assert_eq!(t.raw_graph[5], 0.0);
    // Zero-weight arcs are absent (sna dichotomises A != 0).
    let z = Csr::from_edges(3, true, &[(0, 1, 1.0), (1, 2, 0.0)], Aggregation::Sum);
    assert_eq!(
        brokerage(&z, &p3, &BrokerageOptions::default())
            .unwrap()
            .raw_graph[5],
        0.0
    );
    // A partition of the wrong size is an error, an empty graph too.
    assert!(
        brokerage(
            &g,
            &Partition::from_groups(vec![0]),
            &BrokerageOptions::default()
        )
        .is_err()
    );
    let empty = Csr::from_edges(0, true, &[], Aggregation::Sum);
    assert!(
        brokerage(
            &empty,
            &Partition::from_groups(vec![]),
            &BrokerageOptions::default()
        )
        .is_err()
    );
}

/// The domain reading on the bundled Jinsong case: cross-sector brokerage by
/// sector, and the multiplex story — the project's temporary party branch
/// receives leadership ties and passes them into the deliberation arena as a
/// representative of the party sector.
#[test]
fn jinsong_cross_sector_brokers() {
    use coprod::model::{Attribute, View};
    let g = coprod::cases::load("jinsong").unwrap();
    let v = View::aggregate(&g);
    let ids = v.ids();
    let p = Partition::of_view(&v, &"sector".parse::<Attribute>().unwrap()).unwrap();
    let b = brokerage(&v.csr(), &p, &BrokerageOptions::default()).unwrap();
    let at = |id: &str| ids.iter().position(|x| *x == id).unwrap();
    // The sub-district office brokers across sectors in every role.
    let so = at("subdistrict_office");
    assert!(b.raw[so][..5].iter().all(|&x| x > 0.0), "{:?}", b.raw[so]);
    assert!(b.z[so][Role::Total.index()] > 2.0);
    // Layer by layer.
    let names: Vec<String> = g.layers().iter().map(|l| l.name.clone()).collect();
    let layers: Vec<Csr> = names
        .iter()
        .map(|n| View::layer(&g, n).unwrap().csr())
        .collect();
    let x = multiplex_brokerage(&layers, &p, &BrokerageOptions::default()).unwrap();
    let layer = |n: &str| names.iter().position(|x| x == n).unwrap();
    let branch = at("jinsong_temp_party_branch");
    let rep = Role::Representative.index();
    assert!(x[[branch, rep, layer("leadership"), layer("deliberation")]] > 0.0);
}

/// One `Parallelism` switch on every census: forced sequential and forced
/// parallel give identical results on a graph below and above the automatic
/// threshold.
#[test]
fn censuses_are_identical_sequential_and_parallel() {
    use coprod::measures::Parallelism;
    use coprod::measures::brokerage::{StructuralHolesOptions, brokerage_counts, constraint};
    for n in [300, 2100] {
        let g = coprod::generate::gnm(n, 4 * n, true, 5).unwrap();
        let p = Partition::from_groups((0..n as u32).map(|u| u % 4).collect());
        let with = |parallelism| BrokerageOptions { parallelism };
        let seq = brokerage(&g, &p, &with(Parallelism::Sequential)).unwrap();
        assert_eq!(
            seq,
            brokerage(&g, &p, &with(Parallelism::Parallel)).unwrap()
        );
        assert_eq!(
            brokerage_counts(&g, &p, &with(Parallelism::Sequential)).unwrap(),
            brokerage_counts(&g, &p, &with(Parallelism::Parallel)).unwrap()
        );
        let layers = [g.clone(), coprod::generate::gnm(n, 2 * n, true, 6).unwrap()];
        assert_eq!(
            multiplex_brokerage(&layers, &p, &with(Parallelism::Sequential)).unwrap(),
            multiplex_brokerage(&layers, &p, &with(Parallelism::Parallel)).unwrap()
        );
        let sh = |parallelism| StructuralHolesOptions {
            parallelism,
            ..Default::default()
        };
        let (a, b) = (
            constraint(&g, &sh(Parallelism::Sequential)),
            constraint(&g, &sh(Parallelism::Parallel)),
        );
        assert!(a.iter().zip(&b).all(|(x, y)| x.to_bits() == y.to_bits()));
    }
}
