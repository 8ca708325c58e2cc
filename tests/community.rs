//! Synthetic communities: reproducible, counts as the spec says, ties per
//! layer as the module documentation lists them.

use coprod::generate::{COMMUNITY_LAYERS, CommunitySpec, community};
use coprod::model::{Aggregation, Kind, Level};

fn spec(residents: usize) -> CommunitySpec {
    CommunitySpec {
        residents,
        ..CommunitySpec::default()
    }
}

#[test]
fn same_seed_same_community_other_seed_another() {
    let s = spec(20_000);
    let a = community(&s, 3).unwrap();
    let b = community(&s, 3).unwrap();
    assert_eq!(a, b);
    assert!(a.aggregate() == b.aggregate());
    assert!(a.ties().eq(b.ties()));
    let c = community(&s, 4).unwrap();
    assert_ne!(a.aggregate(), c.aggregate());
}

#[test]
fn counts_match_the_spec() {
    for residents in [1usize, 2, 7, 190, 1_000, 12_345, 100_000] {
        let s = spec(residents);
        let c = community(&s, 11).unwrap();
        assert_eq!(c.residents(), residents);
        let (d, b) = (s.departments as usize, c.buildings());
        assert_eq!(
            c.communities(),
            b.div_ceil(s.buildings_per_community as usize)
        );
        assert_eq!(
            c.subdistricts(),
            c.communities()
                .div_ceil(s.communities_per_subdistrict as usize)
        );
        let (sd, cm) = (c.subdistricts(), c.communities());
        let n = 1 + d + 4 * sd + 5 * cm + 2 * b + residents;
        assert_eq!(c.node_count(), n);
        assert_eq!(c.residents_start() as usize + residents, n);
        // every building but the last holds the spec's households
        assert!(c.households() <= b * s.households_per_building as usize);
        assert!(c.households() > (b - 1) * s.households_per_building as usize);
        let count = |k: Kind| c.kinds().iter().filter(|&&x| x == k).count();
        assert_eq!(count(Kind::Party), 1 + sd + cm + b + c.party_members());
        assert_eq!(count(Kind::Resident), b + residents - c.party_members());
        assert_eq!(count(Kind::Strip), d);
        assert_eq!(count(Kind::Block), sd + cm);
        assert_eq!(count(Kind::Market), sd + cm);
        assert_eq!(count(Kind::Social), cm);
        assert_eq!(count(Kind::Arena), sd + cm);
        let individuals = c
            .levels()
            .iter()
            .filter(|&&l| l == Level::Individual)
            .count();
        assert_eq!(individuals, residents);
        // ties per layer, as documented
        let layer = |name: &str| c.csr(&[name], Aggregation::Sum).unwrap();
        assert_eq!(layer("administrative").edge_count(), d * sd + cm + b);
        assert_eq!(layer("resource").edge_count(), d * sd + cm);
        assert_eq!(layer("service").edge_count(), b);
        assert_eq!(
            layer("leadership").edge_count(),
            2 * sd + 4 * cm + b + c.party_members()
        );
        let delib = layer("deliberation");
        assert!(!delib.is_directed());
        assert_eq!(delib.edge_count(), sd * (3 + d) + 5 * cm + b);
        let info = layer("information").edge_count();
        let h = c.households();
        assert!(info >= 2 * residents, "{info}");
        assert!(info <= 2 * residents + 2 * s.neighbours as usize * h);
        let all = c.aggregate();
        assert!(all.is_directed());
        assert_eq!(all.node_count(), n);
        let by_layer: usize = COMMUNITY_LAYERS
            .iter()
            .map(|(l, directed)| layer(l).edge_count() * if *directed { 1 } else { 2 })
            .sum();
        // the aggregate merges ties that several layers share
        assert!(all.edge_count() <= by_layer);
    }
}

#[test]
fn figures_come_out_as_drawn() {
    let s = spec(200_000);
    let c = community(&s, 5).unwrap();
    let per_household = c.residents() as f64 / c.households() as f64;
    // mean 2.261; sd of the mean over ~88,000 households ≈ 0.003
    assert!(
        (per_household - s.persons_per_household).abs() < 0.015,
        "{per_household}"
    );
    let share = c.party_members() as f64 / c.residents() as f64;
    // sd over 200,000 residents ≈ 0.0006
    assert!((share - 0.08).abs() < 0.004, "{share}");
    let none = CommunitySpec {
        party_member_share: 0.0,
        tension_share: 0.0,
        persons_per_household: 1.0,
        ..spec(1_000)
    };
    let c = community(&none, 1).unwrap();
    assert_eq!(c.party_members(), 0);
    assert_eq!(c.households(), 1_000);
    // only the owners' committee – property company tensions are left
    assert!(c.csr(&["tension"], Aggregation::Sum).unwrap().edge_count() <= c.communities());
}

#[test]
fn like_reads_the_case_figures() {
    let jinsong = coprod::cases::load("jinsong").unwrap();
    let s = CommunitySpec::like(&jinsong, 50_000).unwrap();
    assert_eq!(s.residents, 50_000);
    assert_eq!(s.households_per_building, 84);
    assert_eq!(s.buildings_per_community, 43);
    assert!((s.persons_per_household - 9494.0 / 4199.0).abs() < 1e-12);
    // a case without the figures names the missing fact
    let mut missing = 0;
    for g in coprod::cases::load_all().unwrap() {
        if g.meta().fact("households").is_none() {
            let e = CommunitySpec::like(&g, 1_000).unwrap_err();
            assert!(e.to_string().contains("households"), "{e}");
            missing += 1;
        }
    }
    assert!(missing > 0);
}

#[test]
fn bad_figures_are_typed_errors() {
    let bad = [
        spec(0),
        CommunitySpec {
            persons_per_household: 0.5,
            ..spec(10)
        },
        CommunitySpec {
            persons_per_household: f64::NAN,
            ..spec(10)
        },
        CommunitySpec {
            households_per_building: 0,
            ..spec(10)
        },
        CommunitySpec {
            party_member_share: 1.5,
            ..spec(10)
        },
        CommunitySpec {
            neighbours: 65,
            ..spec(10)
        },
    ];
    for s in bad {
        let e = community(&s, 0).unwrap_err();
        assert!(matches!(e, coprod::Error::InvalidParameter { .. }), "{e}");
    }
    let c = community(&spec(100), 0).unwrap();
    assert!(matches!(
        c.csr(&["friendship"], Aggregation::Sum).unwrap_err(),
        coprod::Error::UnknownLayer { .. }
    ));
}

#[test]
fn approximate_betweenness_on_a_community_is_within_epsilon() {
    use coprod::measures::centrality::*;
    let c = community(&spec(3_000), 2).unwrap();
    let g = c.aggregate();
    let exact = betweenness(&g, &BetweennessOptions::default());
    for method in [ApproxMethod::RiondatoKornaropoulos, ApproxMethod::Kadabra] {
        let opts = ApproxBetweennessOptions {
            method,
            epsilon: 0.02,
            seed: 1,
            ..Default::default()
        };
        let a = approx_betweenness(&g, &opts).unwrap();
        let err = a
            .scores
            .iter()
            .zip(&exact)
            .map(|(x, y)| (x - y).abs())
            .fold(0.0, f64::max);
        println!(
            "{method:?} on {} nodes: {} samples, VD ≤ {}, max error {err:.4}",
            g.node_count(),
            a.samples,
            a.vertex_diameter_bound
        );
        assert!(err <= 0.02);
    }
}
