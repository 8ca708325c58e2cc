//! Planted structures for the power study: exact invariants (actors, size,
//! tie count, direction, every cell's count, no self-loop, no isolate,
//! determinism) and recovery of the planted truth by the SBM minimiser.

use coprod::baselines::{Planted, draw_planted, planted_plan, planted_truths};
use coprod::inference::sbm::{MinimizeOptions, SbmGraph, SbmOptions, minimize};
use coprod::model::{Actor, Kind, Level, MultiplexGraph, NodeSet, Provenance, View};
use coprod::random::{below, rng};

/// The drawn graph's ties per cell of the plan, as `(r, s)` counts.
fn cell_counts(view: &View<'_>, blocks: &[u32], directed: bool) -> Vec<((u32, u32), u64)> {
    let csr = view.csr();
    let mut m = std::collections::BTreeMap::new();
    for (u, v, _) in csr.edges() {
        let (r, s) = (blocks[u as usize], blocks[v as usize]);
        let key = if directed {
            (r, s)
        } else {
            (r.min(s), r.max(s))
        };
        *m.entry(key).or_insert(0u64) += 1;
    }
    m.into_iter().collect()
}

fn check_invariants(case: &MultiplexGraph, symmetric: bool) {
    let view = if symmetric {
        View::aggregate(case).symmetrized()
    } else {
        View::aggregate(case)
    };
    let core = view.node_set_of_kind(Kind::Party);
    let e = view.csr().edge_count();
    let isolated = |v: &View<'_>| {
        let c = v.csr();
        (0..c.node_count()).any(|u| c.out_degree(u) + c.in_degree(u) == 0)
    };
    assert!(!isolated(&view), "the bundled cases have no isolate");
    for truth in planted_truths() {
        let what = format!("{} {truth} symmetric={symmetric}", case.meta().id);
        let g = draw_planted(&view, &core, truth, 11).unwrap();
        // The same view of the planted graph (an undirected planted layer
        // beside the empty directed standard layers: symmetrise as the case was).
        let p = if symmetric {
            View::aggregate(&g).symmetrized()
        } else {
            View::aggregate(&g)
        };
        let csr = p.csr();
        assert_eq!(p.ids(), view.ids(), "{what}: ids");
        let kinds = |v: &View<'_>| -> Vec<Kind> {
            v.actor_indices()
                .into_iter()
                .map(|i| v.graph().actor(i).kind)
                .collect()
        };
        assert_eq!(kinds(&p), kinds(&view), "{what}: kinds (so sectors)");
        assert_eq!(csr.edge_count(), e, "{what}: tie count");
        assert_eq!(g.tie_count(), e, "{what}: one tie per pair");
        assert_eq!(p.is_directed(), view.is_directed(), "{what}: direction");
        assert!(!csr.has_self_loops(), "{what}: self-loop");
        assert!(!isolated(&p), "{what}: isolate");
        assert_eq!(
            p.node_set_of_kind(Kind::Party).members(),
            core.members(),
            "{what}: the core is the same actors"
        );
        let plan = planted_plan(&view, &core, truth).unwrap();
        assert_eq!(
            plan.cells.iter().map(|c| c.2).sum::<u64>(),
            e as u64,
            "{what}: plan sums to E"
        );
        let want: Vec<((u32, u32), u64)> = {
            let mut w: Vec<_> = plan
                .cells
                .iter()
                .filter(|c| c.2 > 0)
                .map(|&(r, s, m)| ((r, s), m))
                .collect();
            w.sort();
            w
        };
        assert_eq!(
            cell_counts(&p, &plan.blocks, plan.directed),
            want,
            "{what}: cell counts"
        );
        // Every seed: exact E and no isolate (the repair reaches every actor).
        for seed in 0..30 {
            let h = draw_planted(&view, &core, truth, seed).unwrap();
            let q = if symmetric {
                View::aggregate(&h).symmetrized()
            } else {
                View::aggregate(&h)
            };
            assert_eq!(q.csr().edge_count(), e, "{what} seed {seed}: tie count");
            assert!(!isolated(&q), "{what} seed {seed}: isolate");
        }
        // Same seed, same graph; another seed, another graph.
        assert!(
            draw_planted(&view, &core, truth, 11).unwrap() == g,
            "{what}: determinism"
        );
        assert!(
            draw_planted(&view, &core, truth, 12).unwrap() != g,
            "{what}: seed"
        );
    }
}

#[test]
fn planted_graphs_keep_actors_size_ties_and_cells() {
    for id in ["jinsong", "ly"] {
        let case = coprod::cases::load(id).unwrap();
        check_invariants(&case, false);
        check_invariants(&case, true);
    }
}

#[test]
fn the_plan_follows_the_stated_shares() {
    let case = coprod::cases::load("jinsong").unwrap();
    let view = View::aggregate(&case);
    let core = view.node_set_of_kind(Kind::Party);
    let e = view.csr().edge_count() as f64;
    let plan = planted_plan(&view, &core, Planted::OneCore).unwrap();
    assert_eq!(plan.hubs, vec![0]);
    assert!(core.iter().all(|v| plan.blocks[v] == 0));
    // Ties touching the core block: the hub–sector 80 % plus the within-core 5 %
    // (less only where a pair is full; rounding moves at most one tie per cell).
    let through: u64 = plan
        .cells
        .iter()
        .filter(|c| c.0 == 0 || c.1 == 0)
        .map(|c| c.2)
        .sum();
    let sector_sector: u64 = plan
        .cells
        .iter()
        .filter(|c| c.0 != c.1 && c.0 != 0 && c.1 != 0)
        .map(|c| c.2)
        .sum();
    eprintln!(
        "jinsong OneCore: {through} of {e} ties touch the core, {sector_sector} sector–sector"
    );
    assert!(sector_sector as f64 <= 0.05 * e + plan.cells.len() as f64);
    let c3 = planted_plan(&view, &core, Planted::Centres(3)).unwrap();
    assert_eq!(c3.hubs, vec![0, 1, 2]);
    let hub_size = |h: u32| c3.blocks.iter().filter(|&&b| b == h).count();
    assert_eq!(hub_size(0), core.len());
    assert!(hub_size(1) >= 1 && hub_size(2) >= 1);
    let none = planted_plan(&view, &core, Planted::NoStructure).unwrap();
    assert_eq!(none.cells.len(), 1);
    for bad in [Planted::Centres(1), Planted::Centres(0)] {
        assert!(planted_plan(&view, &core, bad).is_err());
    }
    let empty = NodeSet::empty(view.node_count());
    assert!(draw_planted(&view, &empty, Planted::OneCore, 1).is_err());
}

/// A 200-actor case: 10 party actors, 40 state, 30 market, 100 residents,
/// 20 arenas, 700 random directed ties (each actor given one first, so no isolate).
fn two_hundred() -> MultiplexGraph {
    let mut g = MultiplexGraph::new();
    let kinds = [
        (Kind::Party, 10),
        (Kind::Block, 40),
        (Kind::Market, 30),
        (Kind::Resident, 100),
        (Kind::Arena, 20),
    ];
    for (kind, count) in kinds {
        for i in 0..count {
            g.add_actor(Actor::new(format!("{kind}_{i}"), kind, Level::Community))
                .unwrap();
        }
    }
    let n = 200u64;
    let layer = g.layer_id("resource").unwrap();
    let mut r = rng(5);
    let mut seen = std::collections::BTreeSet::new();
    let mut v = 0;
    while seen.len() < 700 {
        let s = if v < n { v } else { below(&mut r, n) };
        let t = below(&mut r, n);
        v += 1;
        if s != t && seen.insert((s, t)) {
            g.add_tie_at(s as usize, t as usize, layer, 1.0, Provenance::default())
                .unwrap();
        }
    }
    g
}

fn best_blocks(view: &View<'_>) -> Vec<u32> {
    let sbm = SbmGraph::from_csr(&view.csr()).unwrap();
    let o = MinimizeOptions {
        seed: 1,
        restarts: 2,
        refine_levels: 2,
        kicks: 0,
        ..MinimizeOptions::default()
    };
    minimize(&sbm, &SbmOptions::default(), &o, &[])
        .unwrap()
        .blocks
}

/// Pre-stated: on a 200-actor planted one-core graph the degree-corrected
/// minimiser puts every core actor in one block, and that block is mostly
/// core (at most as many other actors as core actors); on a planted
/// no-structure graph it finds one block.
#[test]
fn the_minimiser_recovers_a_planted_core_and_no_structure() {
    let case = two_hundred();
    let view = View::aggregate(&case);
    let core = view.node_set_of_kind(Kind::Party);
    let g = draw_planted(&view, &core, Planted::OneCore, 3).unwrap();
    let b = best_blocks(&View::aggregate(&g));
    let c0 = b[core.members()[0] as usize];
    assert!(
        core.iter().all(|v| b[v] == c0),
        "core split: {:?}",
        core.iter().map(|v| b[v]).collect::<Vec<_>>()
    );
    let others = (0..b.len())
        .filter(|&v| b[v] == c0 && !core.contains(v))
        .count();
    assert!(
        others <= core.len(),
        "{others} non-core actors in the core's block"
    );
    let g = draw_planted(&view, &core, Planted::NoStructure, 3).unwrap();
    let b = best_blocks(&View::aggregate(&g));
    assert!(
        b.iter().all(|&x| x == b[0]),
        "no structure, yet {} blocks",
        b.iter().max().unwrap() + 1
    );
}
