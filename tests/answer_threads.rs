//! The whole answer on one view (E1 with its posterior, E2, E3, E4, Holm,
//! the rule) gives the same bits on 1 and 2 threads: every random step
//! draws from its own stream of the seed, never from a thread.

use coprod::compare::answer::{AnswerOptions, CodingAnswer, answer_view, registered_core};
use coprod::inference::sbm::PosteriorOptions;
use coprod::model::View;

fn answer_on(threads: usize) -> CodingAnswer {
    let case = coprod::cases::load("ly").unwrap();
    let view = View::aggregate(&case);
    let core = registered_core("ly").node_set(&view).unwrap();
    // The default answer with fewer Monte-Carlo draws (the test checks
    // bits, not the numbers' precision).
    let mut o = AnswerOptions {
        seed: 3,
        posterior: Some(PosteriorOptions {
            samples: 200,
            thin: 2,
            burn_in: 20,
            ..PosteriorOptions::default()
        }),
        ..AnswerOptions::default()
    };
    o.pairs.randomisations = 20;
    o.model.counterfactual_draws = 40;
    o.model.gof.draws = 20;
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap()
        .install(|| answer_view(&view, &core, "directed", &o).unwrap())
}

#[test]
fn the_answer_is_the_same_on_one_and_two_threads() {
    let one = answer_on(1);
    let two = answer_on(2);
    // Every piece of evidence ran, so every random step was compared.
    assert!(one.e1.posterior.is_some(), "E1's posterior");
    assert!(!one.e2.pairs.is_empty(), "E2's pairs");
    let e3 = one.e3.as_ref().expect("E3 fitted");
    assert!(e3.not_used.is_none(), "E3 used: {:?}", e3.not_used);
    assert!(one.e4.is_some(), "E4 drawn");
    assert!(!one.holm.is_empty(), "Holm's family");
    // Same bits: the serialised answer (f64 printed round-trip exactly)
    // and the counterfactual draws, which are not serialised.
    assert_eq!(
        serde_json::to_string(&one).unwrap(),
        serde_json::to_string(&two).unwrap()
    );
    assert_eq!(
        one.e3.as_ref().unwrap().counterfactual,
        two.e3.as_ref().unwrap().counterfactual
    );
}
