//! The model and its views on the hand-written tiny case (tests/data/tiny).

use coprod::model::*;

fn tiny() -> MultiplexGraph {
    coprod::io::load_case_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/tiny")).unwrap()
}

fn idx(g: &MultiplexGraph, id: &str) -> usize {
    g.actor_index(id).unwrap()
}

#[test]
fn sectors_follow_kinds() {
    assert_eq!(Kind::Party.sector(), Sector::Party);
    assert_eq!(Kind::Block.sector(), Sector::State);
    assert_eq!(Kind::Strip.sector(), Sector::State);
    assert_eq!(Kind::Market.sector(), Sector::Market);
    assert_eq!(Kind::Social.sector(), Sector::Society);
    assert_eq!(Kind::Resident.sector(), Sector::Society);
    assert_eq!(Kind::Arena.sector(), Sector::Arena);
}

#[test]
fn standard_layers_have_direction_and_sign() {
    let g = MultiplexGraph::new();
    let names: Vec<_> = g.layers().iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, STANDARD_LAYERS);
    let t = g.layer(g.layer_id("tension").unwrap());
    assert!(!t.directed);
    assert_eq!(t.sign, Sign::Negative);
    assert!(!g.layer(g.layer_id("deliberation").unwrap()).directed);
    assert!(g.layer(g.layer_id("leadership").unwrap()).directed);
}

#[test]
fn extra_layers_and_user_attributes_load() {
    let g = tiny();
    let k = g.layer(g.layer_id("kinship").unwrap());
    assert!(!k.directed);
    assert_eq!(g.extra_layers().len(), 1);
    assert_eq!(g.actor_by_id("firm").unwrap().attrs["ward"], "south");
    assert!(!g.actor_by_id("housing").unwrap().attrs.contains_key("ward"));
    assert_eq!(g.actor_by_id("residents").unwrap().size, Some(120));
    assert_eq!(
        g.actor_by_id("owners").unwrap().label,
        "Owners' committee, \"elected\""
    );
    assert_eq!(
        g.meta().fact("households").unwrap().value,
        FactValue::Integer(120)
    );
    assert_eq!(
        g.meta().fact("share_aged_60_plus").unwrap().value.as_f64(),
        Some(39.6)
    );
}

#[test]
fn builder_rejects_bad_input() {
    let mut g = MultiplexGraph::new();
    g.add_actor(Actor::new("a", Kind::Party, Level::Community))
        .unwrap();
    g.add_actor(Actor::new("b", Kind::Block, Level::Community))
        .unwrap();
    assert!(
        g.add_actor(Actor::new("a", Kind::Party, Level::Community))
            .is_err()
    );
    assert!(
        g.add_actor(Actor::new("bad id", Kind::Party, Level::Community))
            .is_err()
    );
    let p = Provenance::default;
    assert!(g.add_tie("a", "zz", "leadership", 1.0, p()).is_err());
    assert!(g.add_tie("a", "b", "nolayer", 1.0, p()).is_err());
    assert!(g.add_tie("a", "a", "leadership", 1.0, p()).is_err());
    for w in [f64::NAN, f64::INFINITY, 0.0, -1.0] {
        assert!(g.add_tie("a", "b", "leadership", w, p()).is_err(), "{w}");
    }
    assert_eq!(g.tie_count(), 0);
}

/// Csr of plain edges, for comparisons.
fn plain(n: usize, directed: bool, e: &[(usize, usize, f64)]) -> Csr {
    let e: Vec<_> = e.iter().map(|&(u, v, w)| (u as u32, v as u32, w)).collect();
    Csr::from_edges(n, directed, &e, Aggregation::Sum)
}

#[test]
fn single_layer_view_equals_the_plain_graph() {
    let g = tiny();
    for (li, spec) in g.layers().iter().enumerate() {
        let edges: Vec<_> = g
            .ties()
            .filter(|t| t.layer.index() == li)
            .map(|t| (t.source, t.target, t.weight))
            .collect();
        let view = View::layer(&g, &spec.name).unwrap();
        assert_eq!(view.is_directed(), spec.directed);
        assert_eq!(
            view.csr(),
            plain(g.actor_count(), spec.directed, &edges),
            "layer {}",
            spec.name
        );
    }
}

#[test]
fn aggregate_equals_union_of_layers() {
    let g = tiny();
    let positive: Vec<&str> = g
        .layers()
        .iter()
        .filter(|l| l.sign == Sign::Positive)
        .map(|l| l.name.as_str())
        .collect();
    let agg = View::aggregate(&g).csr();
    assert!(agg.is_directed());
    // Union: every arc of every positive layer, undirected layers both ways, weights summed.
    let mut union = vec![vec![0.0f64; g.actor_count()]; g.actor_count()];
    for name in &positive {
        let c = View::layer(&g, name).unwrap().csr();
        for (u, v, w) in c.arcs() {
            union[u as usize][v as usize] += w;
        }
    }
    for (u, row) in union.iter().enumerate() {
        for (v, &w) in row.iter().enumerate() {
            assert_eq!(agg.weight(u, v).unwrap_or(0.0), w, "{u}->{v}");
        }
    }
    // community_party <-> residents information in both directions: 1 each way.
    let (cp, r) = (idx(&g, "community_party"), idx(&g, "residents"));
    assert_eq!(agg.weight(cp, r), Some(1.0));
    assert_eq!(agg.weight(r, cp), Some(1.0));
    // Tension is not in the aggregate; it is in Layers::All.
    let f = idx(&g, "firm");
    assert_eq!(agg.weight(r, f), None);
    let all = View::new(&g, &Layers::All).unwrap().csr();
    assert_eq!(all.weight(r, f), Some(1.0));
    assert_eq!(all.weight(f, r), Some(2.0)); // service + tension
}

#[test]
fn aggregation_rules_and_symmetrised_view() {
    let g = tiny();
    let (cp, r) = (idx(&g, "community_party"), idx(&g, "residents"));
    let sym = View::layer(&g, "information").unwrap().symmetrized();
    assert!(!sym.is_directed());
    let c = sym.csr();
    assert_eq!(c.weight(cp, r), Some(2.0));
    assert_eq!(c.edge_count(), 1);
    let c = View::layer(&g, "information")
        .unwrap()
        .symmetrized()
        .with_aggregation(Aggregation::Max)
        .csr();
    assert_eq!(c.weight(cp, r), Some(1.0));
    let (h, f) = (idx(&g, "housing"), idx(&g, "firm"));
    let count = View::aggregate(&g)
        .with_aggregation(Aggregation::Count)
        .csr();
    assert_eq!(count.weight(h, f), Some(1.0));
    let sum = View::aggregate(&g).csr();
    assert_eq!(sum.weight(h, f), Some(2.5));
}

#[test]
fn subgraph_without_actors_reindexes_densely() {
    let g = tiny();
    let v = View::aggregate(&g)
        .without(&["sub_party", "platform"])
        .unwrap();
    assert_eq!(v.node_count(), 6);
    assert_eq!(
        v.ids(),
        [
            "community_party",
            "office",
            "housing",
            "firm",
            "owners",
            "residents"
        ]
    );
    let c = v.csr();
    assert_eq!(c.node_count(), 6);
    assert!(v.ties().all(|t| t.source != 0 && t.target != 0));
    // housing(2) -> firm(3) resource 2.5 in dense indices.
    assert_eq!(c.weight(2, 3), Some(2.5));
    assert!(View::aggregate(&g).without(&["nobody"]).is_err());
    let no_party = View::aggregate(&g).without_kind(Kind::Party);
    assert_eq!(no_party.node_count(), 6);
}

#[test]
fn arena_projection_on_a_hand_checked_example() {
    let g = tiny();
    let p = g.project_arenas(&ArenaProjection::default()).unwrap();
    assert_eq!(p.actor_count(), 7);
    assert!(p.actor_index("platform").is_err());
    // 15 ties - 5 to the platform + C(5,2) = 10 co-membership ties.
    assert_eq!(p.tie_count(), 20);
    let co = View::layer(&p, COMEMBERSHIP).unwrap();
    assert!(!co.is_directed());
    let c = co.csr();
    let members = ["community_party", "office", "firm", "owners", "residents"];
    for a in members {
        for b in members {
            let (i, j) = (p.actor_index(a).unwrap(), p.actor_index(b).unwrap());
            assert_eq!(c.has_edge(i, j), a != b, "{a} {b}");
        }
    }
    for outsider in ["sub_party", "housing"] {
        assert_eq!(c.out_degree(p.actor_index(outsider).unwrap()), 0);
    }
    // Non-arena ties survive unchanged.
    let res = View::layer(&p, "resource").unwrap().csr();
    assert_eq!(
        res.weight(
            p.actor_index("housing").unwrap(),
            p.actor_index("firm").unwrap()
        ),
        Some(2.5)
    );
}

#[test]
fn csr_merges_and_sorts() {
    let c = plain(
        4,
        false,
        &[(2, 0, 1.0), (0, 2, 2.0), (3, 1, 1.0), (1, 1, 4.0)],
    );
    assert_eq!(c.edge_count(), 3);
    assert_eq!(c.out_neighbors(0), [2]);
    assert_eq!(c.weight(2, 0), Some(3.0));
    assert_eq!(c.out_neighbors(1), [1, 3]);
    let d = plain(3, true, &[(0, 1, 1.0), (0, 1, 1.0), (2, 1, 5.0)]);
    assert_eq!(d.edge_count(), 2);
    assert_eq!(d.in_neighbors(1), [0, 2]);
    assert_eq!(d.in_weights(1), [2.0, 5.0]);
    let u = d.to_undirected(Aggregation::Sum);
    assert_eq!(u.out_neighbors(1), [0, 2]);
    let (sub, old) = d.induced(&[false, true, true]);
    assert_eq!(old, [1, 2]);
    assert_eq!(sub.weight(1, 0), Some(5.0));
}

#[test]
fn partitions_by_any_attribute() {
    let g = tiny();
    let by_sector = Partition::of_graph(&g, &Attribute::Sector).unwrap();
    assert_eq!(
        by_sector.labels(),
        ["arena", "market", "party", "society", "state"]
    );
    assert_eq!(
        by_sector.group(idx(&g, "office")),
        by_sector.group(idx(&g, "housing"))
    );
    let by_ward = Partition::of_graph(&g, &"ward".parse().unwrap()).unwrap();
    assert_eq!(by_ward.labels(), ["", "north", "south"]);
    let v = View::aggregate(&g).without(&["sub_party"]).unwrap();
    assert_eq!(Partition::of_view(&v, &Attribute::Kind).unwrap().len(), 7);
}

#[test]
fn without_inferred_keeps_actors_and_only_stated_ties() {
    let mut g = MultiplexGraph::new();
    for (id, k) in [
        ("p", Kind::Party),
        ("b", Kind::Block),
        ("r", Kind::Resident),
    ] {
        g.add_actor(Actor::new(id, k, Level::Community)).unwrap();
    }
    let p = || Provenance::new("d", "q");
    g.add_tie("p", "b", "leadership", 1.0, p()).unwrap();
    g.add_tie_with_certainty("b", "r", "information", 2.0, p(), Certainty::Inferred)
        .unwrap();
    g.add_tie_with_certainty("p", "r", "leadership", 3.0, p(), Certainty::Stated)
        .unwrap();
    g.add_tie_with_certainty("r", "p", "information", 4.0, p(), Certainty::Inferred)
        .unwrap();
    let s = g.without_inferred();
    assert_eq!(s.meta(), g.meta());
    assert_eq!(s.layers(), g.layers());
    assert!(s.actors().eq(g.actors()));
    assert_eq!(s.actor_index("r").unwrap(), 2);
    let w: Vec<f64> = s.ties().map(|t| t.weight).collect();
    assert_eq!(w, [1.0, 3.0], "stated ties, in order");
    assert!(s.ties().all(|t| t.certainty == Certainty::Stated));
    // Idempotent, and the identity on a graph without inferred ties.
    assert_eq!(s.without_inferred(), s);
    assert_eq!(tiny().without_inferred(), tiny());
    // An isolate stays an actor.
    assert_eq!(s.actor_count(), 3);
}

#[test]
fn certainty_parses_and_projection_keeps_it() {
    assert_eq!("stated".parse::<Certainty>(), Ok(Certainty::Stated));
    assert_eq!("Inferred".parse::<Certainty>(), Ok(Certainty::Inferred));
    assert!("maybe".parse::<Certainty>().is_err());
    assert_eq!(Certainty::default(), Certainty::Stated);
    assert_eq!(Certainty::Inferred.to_string(), "inferred");
    let mut g = MultiplexGraph::new();
    for (id, k) in [
        ("forum", Kind::Arena),
        ("a", Kind::Party),
        ("b", Kind::Market),
        ("c", Kind::Resident),
    ] {
        g.add_actor(Actor::new(id, k, Level::Community)).unwrap();
    }
    let p = || Provenance::default();
    g.add_tie("a", "forum", "deliberation", 1.0, p()).unwrap();
    g.add_tie("b", "forum", "deliberation", 1.0, p()).unwrap();
    g.add_tie_with_certainty("c", "forum", "deliberation", 1.0, p(), Certainty::Inferred)
        .unwrap();
    g.add_tie_with_certainty("a", "c", "information", 1.0, p(), Certainty::Inferred)
        .unwrap();
    let pr = g.project_arenas(&ArenaProjection::default()).unwrap();
    let id = |i: usize| pr.actor(i).id.as_str();
    let got: Vec<(&str, &str, &str, Certainty)> = pr
        .ties()
        .map(|t| {
            (
                id(t.source),
                id(t.target),
                pr.layer(t.layer).name.as_str(),
                t.certainty,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("a", "c", "information", Certainty::Inferred),
            ("a", "b", COMEMBERSHIP, Certainty::Stated),
            ("a", "c", COMEMBERSHIP, Certainty::Inferred),
            ("b", "c", COMEMBERSHIP, Certainty::Inferred),
        ]
    );
}
