use coprod::baselines::{draw_planted, planted_truths};
use coprod::inference::sbm::{MinimizeOptions, SbmGraph, SbmOptions, description_length, minimize};
use coprod::model::{Kind, View};

#[test]
fn explore() {
    for id in ["jinsong", "ly"] {
        let case = coprod::cases::load(id).unwrap();
        for sym in [false, true] {
            let view = if sym {
                View::aggregate(&case).symmetrized()
            } else {
                View::aggregate(&case)
            };
            let core = view.node_set_of_kind(Kind::Party);
            for truth in planted_truths() {
                let mut line = Vec::new();
                for seed in 0..10 {
                    let g = draw_planted(&view, &core, truth, seed).unwrap();
                    let v = if sym {
                        View::aggregate(&g).symmetrized()
                    } else {
                        View::aggregate(&g)
                    };
                    let s = SbmGraph::from_csr(&v.csr()).unwrap();
                    let o = MinimizeOptions {
                        seed,
                        restarts: 4,
                        kicks: 4,
                        ..MinimizeOptions::default()
                    };
                    let m = minimize(&s, &SbmOptions::default(), &o, &[]).unwrap();
                    let one =
                        description_length(&s, &vec![0; s.node_count()], &SbmOptions::default())
                            .unwrap()
                            .total;
                    let c0 = m.blocks[core.members()[0] as usize];
                    let together = core.iter().all(|x| m.blocks[x] == c0);
                    line.push(format!(
                        "B{} d{:.1}{}",
                        m.description_length.blocks,
                        one - m.description_length.total,
                        if together { "c" } else { "" }
                    ));
                }
                eprintln!(
                    "{id} sym={sym} n={} core={} {truth}: {}",
                    view.node_count(),
                    core.len(),
                    line.join(" ")
                );
            }
        }
    }
}
