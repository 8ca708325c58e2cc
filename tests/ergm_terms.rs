//! ERGM change statistics against their definitions: for every dyad of
//! random graphs, Δ_ij g(y) must equal g(y⁺ᵢⱼ) − g(y⁻ᵢⱼ), both computed from
//! scratch by the terms' own definitions (a second, independent code path).

mod common;

use coprod::inference::ergm::network::{ErgmData, Network};
use coprod::inference::ergm::terms::{Model, REGISTRY};
use proptest::prelude::*;

const UNDIRECTED: &str = "edges + nodefactor(\"c\") + nodematch(\"c\") + \
    nodematch(\"c\", diff=TRUE) + nodemix(\"c\") + nodecov(\"x\") + absdiff(\"x\") + absdiff(\"x\", pow=2) + \
    edgecov(\"w\") + kstar(2) + kstar(3) + gwdegree(0.5, fixed=TRUE) + triangle + gwesp(0.5, fixed=TRUE) + \
    gwdsp(0.7, fixed=TRUE)";

const DIRECTED: &str = "edges + mutual + nodefactor(\"c\") + nodeofactor(\"c\") + nodeifactor(\"c\", base=2) + \
    nodematch(\"c\", diff=TRUE) + nodemix(\"c\", levels2=TRUE) + nodecov(\"x\") + absdiff(\"x\") + edgecov(\"w\") + \
    istar(2) + ostar(3) + gwidegree(0.5, fixed=TRUE) + gwodegree(1.2, fixed=TRUE) + triangle + \
    gwesp(0.5, fixed=TRUE) + dgwesp(0.4, fixed=TRUE, type=\"ITP\") + dgwesp(0.3, fixed=TRUE, type=\"OSP\") + \
    dgwesp(0.2, fixed=TRUE, type=\"ISP\") + gwdsp(0.6, fixed=TRUE)";

fn data(n: usize, directed: bool, bits: &[bool], codes: &[u8], xs: &[i32], w: &[bool]) -> ErgmData {
    let mut edges = Vec::new();
    let mut k = 0;
    for i in 0..n {
        for j in 0..n {
            if i == j || (!directed && j < i) {
                continue;
            }
            if bits[k % bits.len()] {
                edges.push((i, j));
            }
            k += 1;
        }
    }
    let mut d = ErgmData::new(Network::from_edges(n, directed, &edges).unwrap());
    // The first three nodes carry the three levels, so that every level exists.
    let c: Vec<String> = (0..n)
        .map(|i| {
            ["a", "b", "c"][if i < 3 {
                i
            } else {
                codes[i % codes.len()] as usize % 3
            }]
            .to_string()
        })
        .collect();
    d.set_attribute("c", &c).unwrap();
    let x: Vec<f64> = (0..n).map(|i| f64::from(xs[i % xs.len()]) / 4.0).collect();
    d.set_attribute("x", &x).unwrap();
    let mut m = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..n {
            let (a, b) = if directed {
                (i, j)
            } else {
                (i.min(j), i.max(j))
            };
            if a != b && w[(a * n + b) % w.len()] {
                m[i * n + j] = 1.5;
            }
        }
    }
    d.set_dyadic("w", m).unwrap();
    d
}

fn check(d: &ErgmData, formula: &str) {
    let m = Model::parse(formula, d).unwrap();
    let mut net = d.network.clone();
    let mut delta = vec![0.0; m.len()];
    for (i, j) in net.dyads() {
        let was = net.has(i, j);
        if was {
            net.toggle(i, j);
        }
        let minus = m.statistics(&net);
        m.change(&net, i, j, &mut delta);
        net.toggle(i, j);
        let plus = m.statistics(&net);
        if !was {
            net.toggle(i, j);
        }
        for s in 0..m.len() {
            let want = plus[s] - minus[s];
            assert!(
                (delta[s] - want).abs() <= common::EXACT * (1.0 + want.abs()),
                "{}: dyad {i}->{j}: change {} vs definition {}",
                m.names()[s],
                delta[s],
                want
            );
        }
    }
    assert_eq!(net, d.network);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn change_statistics_equal_definitions_undirected(
        n in 3usize..9, bits in proptest::collection::vec(any::<bool>(), 1..40),
        codes in proptest::collection::vec(0u8..3, 1..9), xs in proptest::collection::vec(-8i32..8, 1..9),
        w in proptest::collection::vec(any::<bool>(), 1..20),
    ) {
        check(&data(n, false, &bits, &codes, &xs, &w), UNDIRECTED);
    }

    #[test]
    fn change_statistics_equal_definitions_directed(
        n in 3usize..8, bits in proptest::collection::vec(any::<bool>(), 1..60),
        codes in proptest::collection::vec(0u8..3, 1..9), xs in proptest::collection::vec(-8i32..8, 1..9),
        w in proptest::collection::vec(any::<bool>(), 1..20),
    ) {
        check(&data(n, true, &bits, &codes, &xs, &w), DIRECTED);
    }
}

#[test]
fn statnet_coefficient_names() {
    let d = data(
        6,
        false,
        &[true, false, false],
        &[0, 1, 2],
        &[1, 2],
        &[true],
    );
    let m = Model::parse(UNDIRECTED, &d).unwrap();
    let want = [
        "edges",
        "nodefactor.c.b",
        "nodefactor.c.c",
        "nodematch.c",
        "nodematch.c.a",
        "nodematch.c.b",
        "nodematch.c.c",
        "mix.c.a.b",
        "mix.c.b.b",
        "mix.c.a.c",
        "mix.c.b.c",
        "mix.c.c.c",
        "nodecov.x",
        "absdiff.x",
        "absdiff2.x",
        "edgecov.w",
        "kstar2",
        "kstar3",
        "gwdeg.fixed.0.5",
        "triangle",
        "gwesp.fixed.0.5",
        "gwdsp.fixed.0.7",
    ];
    assert_eq!(m.names(), want);
    let d = data(6, true, &[true, false, false], &[0, 1, 2], &[1, 2], &[true]);
    let m = Model::parse(
        "nodefactor(\"c\", levels=c(\"a\", \"c\")) + nodeofactor(\"c\", base=0) + nodemix(\"c\") + gwesp(0.5, fixed=TRUE) + dgwesp(0.5, fixed=TRUE, type=\"OSP\") + gwdsp(1, fixed=TRUE)",
        &d,
    )
    .unwrap();
    let want = [
        "nodefactor.c.a",
        "nodefactor.c.c",
        "nodeofactor.c.a",
        "nodeofactor.c.b",
        "nodeofactor.c.c",
        "mix.c.b.a",
        "mix.c.c.a",
        "mix.c.a.b",
        "mix.c.b.b",
        "mix.c.c.b",
        "mix.c.a.c",
        "mix.c.b.c",
        "mix.c.c.c",
        "gwesp.OTP.fixed.0.5",
        "gwesp.OSP.fixed.0.5",
        "gwdsp.OTP.fixed.1",
    ];
    assert_eq!(m.names(), want);
}

#[test]
fn unknown_names_are_typed_errors_listing_what_exists() {
    let d = data(5, false, &[true, false], &[0, 1], &[1], &[true]);
    let e = Model::parse("edges + gwesb(0.5, fixed=TRUE)", &d).unwrap_err();
    let msg = e.to_string();
    assert!(matches!(e, coprod::Error::UnknownName { .. }), "{msg}");
    assert!(msg.contains("gwesp"), "{msg}");
    let e = Model::parse("nodematch(\"sector\")", &d).unwrap_err();
    assert!(matches!(e, coprod::Error::UnknownAttribute { .. }), "{e}");
    assert!(e.to_string().contains('c'), "{e}");
    let e = Model::parse("nodefactor(\"c\", levels=\"z\")", &d).unwrap_err();
    assert!(e.to_string().contains("levels: a, b"), "{e}");
    let e = Model::parse("gwesp(0.5)", &d).unwrap_err();
    assert!(e.to_string().contains("fixed=TRUE"), "{e}");
    let e = Model::parse("mutual", &d).unwrap_err();
    assert!(e.to_string().contains("undirected"), "{e}");
    let e = Model::parse("kstar(2, foo=1)", &d).unwrap_err();
    assert!(e.to_string().contains("its arguments: k, attr"), "{e}");
    let e = Model::parse("edgecov(\"nolayer\")", &d).unwrap_err();
    assert!(e.to_string().contains("w"), "{e}");
    assert!(REGISTRY.iter().any(|t| t.name == "dgwesp"));
}
