//! QAP / MR-QAP against R sna 2.7 (gcor, gcov, qaptest, netlm, netlogit) and
//! brglm2 (Firth), fixtures from scripts/reference/qap.R (tests/fixtures/qap/).
//! Coefficients, standard errors and t/z values within 1e-9; permutation
//! p-values within the Monte-Carlo tolerance of tests/common (4.5 sd of the
//! difference of two binomial proportions at 10^4 replicates each); Firth
//! within 1e-6.

mod common;

use common::{EXACT, assert_mc, assert_scalar, floats};
use coprod::Error;
use coprod::inference::qap::{
    DyadOptions, DyadicMatrix, Dyads, Estimator, GraphStatistic, LogitEstimator, Mode,
    NullHypothesis, QapOptions, QapRegression, gcor, gcov, netlm, netlogit, permutation, qaptest,
};
use coprod::measures::Parallelism;
use serde_json::Value;
use std::path::Path;

fn fixture(name: &str) -> Value {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/qap/{name}.json"));
    let text = std::fs::read_to_string(&p).expect("fixture (run scripts/reference/qap.sh)");
    let v: Value = serde_json::from_str(&text).unwrap();
    assert!(
        v["tools"]["sna"].is_string() && v["tools"]["R"].is_string(),
        "{name}: tools"
    );
    v
}

const NULLS: [(NullHypothesis, &str); 5] = [
    (NullHypothesis::Qapspp, "qapspp"),
    (NullHypothesis::Qapy, "qapy"),
    (NullHypothesis::Qapx, "qapx"),
    (NullHypothesis::Qapallx, "qapallx"),
    (NullHypothesis::Classical, "classical"),
];

fn jinsong_design() -> (DyadicMatrix, Vec<DyadicMatrix>) {
    let g = coprod::cases::load("jinsong").unwrap();
    let d = Dyads::new(&g, &DyadOptions::default()).unwrap();
    let y = d.matrix("resource+service+information").unwrap();
    let x = ["leadership+administrative", "arena", "party_dyad"]
        .iter()
        .map(|t| d.matrix(t).unwrap())
        .collect();
    (y, x)
}

fn check(fit: &QapRegression, f: &Value, nh: &str, reps: usize, what: &str) {
    let coef: Vec<f64> = fit.coefficients.iter().map(|c| c.estimate).collect();
    let tstat: Vec<f64> = fit.coefficients.iter().map(|c| c.statistic).collect();
    common::assert_close(
        &coef,
        &floats(&f[format!("{nh}.coefficients")]),
        EXACT,
        &format!("{what} {nh} coefficients"),
    );
    common::assert_close(
        &tstat,
        &floats(&f[format!("{nh}.tstat")]),
        EXACT,
        &format!("{what} {nh} t/z"),
    );
    let keys = [("pgreqabs", 0), ("pgreq", 1), ("pleeq", 2)];
    for (key, which) in keys {
        let want = floats(&f[format!("{nh}.{key}")]);
        for (k, c) in fit.coefficients.iter().enumerate() {
            let got = [c.p_abs, c.p_greater, c.p_less][which];
            let label = format!("{what} {nh} {key} `{}`", c.term);
            if nh == "classical" {
                assert_scalar(got, want[k], EXACT, &label);
            } else {
                assert_mc(got, want[k], reps, &label);
            }
        }
    }
}

#[test]
fn jinsong_netlogit_and_netlm_equal_sna_under_every_null() {
    let (y, x) = jinsong_design();
    for model in ["logit", "lm"] {
        let f = fixture(&format!("jinsong_{model}"));
        let reps = f["reps"].as_u64().unwrap() as usize;
        for (null, nh) in NULLS {
            let opts = QapOptions {
                null,
                reps,
                seed: 2026,
                mode: Mode::Digraph,
                ..Default::default()
            };
            let fit = if model == "logit" {
                netlogit(&y, &x, &opts, LogitEstimator::MaximumLikelihood).unwrap()
            } else {
                netlm(&y, &x, &opts).unwrap()
            };
            assert_eq!(fit.coefficients[0].term, "(intercept)");
            assert_eq!(fit.n_dyads, 30 * 29); // 30 non-arena actors since issue 22
            check(&fit, &f, nh, reps, &format!("jinsong {model}"));
            if nh == "classical" {
                let se: Vec<f64> = fit.coefficients.iter().map(|c| c.std_error).collect();
                common::assert_close(
                    &se,
                    &floats(&f["se"]),
                    EXACT,
                    &format!("jinsong {model} se"),
                );
            }
        }
    }
}

fn rand_matrices(f: &Value) -> (DyadicMatrix, Vec<DyadicMatrix>) {
    let n = f["n"].as_u64().unwrap() as usize;
    let m = |k: &str| DyadicMatrix::new(k, n, floats(&f[k])).unwrap();
    (m("y"), vec![m("x1"), m("x2"), m("x3")])
}

#[test]
fn random_matrices_equal_sna_in_both_modes() {
    for name in [
        "rand_lm_digraph",
        "rand_lm_graph",
        "rand_logit_digraph",
        "rand_logit_graph",
    ] {
        let f = fixture(name);
        let (y, x) = rand_matrices(&f);
        let mode = if f["mode"] == "graph" {
            Mode::Graph
        } else {
            Mode::Digraph
        };
        assert_eq!(
            Mode::Auto.resolve(&[&y, &x[0], &x[1], &x[2]]).unwrap(),
            mode
        );
        let reps = f["reps"].as_u64().unwrap() as usize;
        let logit = f["model"] == "logit";
        for (null, nh) in NULLS {
            if f.get(format!("{nh}.coefficients")).is_none() {
                continue;
            }
            let opts = QapOptions {
                null,
                reps,
                seed: 5,
                mode,
                ..Default::default()
            };
            let fit = if logit {
                netlogit(&y, &x, &opts, LogitEstimator::MaximumLikelihood).unwrap()
            } else {
                netlm(&y, &x, &opts).unwrap()
            };
            check(&fit, &f, nh, reps, name);
        }
        if !logit {
            let opts = QapOptions {
                null: NullHypothesis::Classical,
                statistic: coprod::inference::qap::TestStatistic::Beta,
                mode,
                ..Default::default()
            };
            let fit = netlm(&y, &x, &opts).unwrap();
            let got: Vec<f64> = fit.coefficients.iter().map(|c| c.p_abs).collect();
            common::assert_close(
                &got,
                &floats(&f["beta_classical_pgreqabs"]),
                EXACT,
                "beta classical",
            );
        }
    }
}

#[test]
fn firth_equals_brglm2_and_separation_is_named() {
    let f = fixture("jinsong_firth");
    let g = coprod::cases::load("jinsong").unwrap();
    let d = Dyads::new(&g, &DyadOptions::default()).unwrap();
    let (y, mut x) = jinsong_design();
    x.push(d.matrix("deliberation").unwrap());
    let opts = QapOptions {
        null: NullHypothesis::Classical,
        mode: Mode::Digraph,
        ..Default::default()
    };
    // Maximum likelihood refuses, naming the separating term.
    match netlogit(&y, &x, &opts, LogitEstimator::MaximumLikelihood) {
        Err(Error::Separation { terms, .. }) => assert_eq!(terms, vec!["deliberation".to_string()]),
        other => panic!("expected separation, got {other:?}"),
    }
    // sna's glm.fit stops near -15 on it: what coprod never prints silently.
    assert!(floats(&f["sna_ml_coefficients"])[4] < -10.0);
    let fit = netlogit(&y, &x, &opts, LogitEstimator::Auto).unwrap();
    assert_eq!(fit.estimator, Estimator::Firth);
    assert_eq!(
        fit.separation.as_ref().unwrap().terms,
        vec!["deliberation".to_string()]
    );
    let coef: Vec<f64> = fit.coefficients.iter().map(|c| c.estimate).collect();
    let se: Vec<f64> = fit.coefficients.iter().map(|c| c.std_error).collect();
    common::assert_close(
        &coef,
        &floats(&f["firth_coefficients"]),
        1e-6,
        "Firth coefficients",
    );
    common::assert_close(&se, &floats(&f["firth_se"]), 1e-6, "Firth standard errors");
    // Without the separating term, Auto is maximum likelihood.
    x.pop();
    let fit = netlogit(&y, &x, &opts, LogitEstimator::Auto).unwrap();
    assert_eq!(fit.estimator, Estimator::MaximumLikelihood);
    assert!(fit.separation.is_none());
}

#[test]
fn layer_correlations_equal_gcor_gcov_and_qaptest() {
    let f = fixture("jinsong_gcor");
    let reps = f["reps"].as_u64().unwrap() as usize;
    let g = coprod::cases::load("jinsong").unwrap();
    let d = Dyads::new(&g, &DyadOptions::default()).unwrap();
    let pairs = f["pairs"].as_array().unwrap();
    assert!(pairs.len() >= 10);
    let table = coprod::inference::qap::layer_correlations(
        &d,
        &QapOptions {
            reps,
            seed: 9,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(table.len(), pairs.len());
    for (row, want) in table.iter().zip(pairs) {
        assert_eq!(
            (row.a.as_str(), row.b.as_str()),
            (want["a"].as_str().unwrap(), want["b"].as_str().unwrap())
        );
        let (a, b) = (d.matrix(&row.a).unwrap(), d.matrix(&row.b).unwrap());
        let mode = if want["mode"] == "graph" {
            Mode::Graph
        } else {
            Mode::Digraph
        };
        assert_eq!(row.test.mode, mode, "{} {}", row.a, row.b);
        let what = format!("{}-{}", row.a, row.b);
        let r = floats(&want["gcor"])[0];
        assert_scalar(
            gcor(&a, &b, mode).unwrap().unwrap_or(f64::NAN),
            r,
            EXACT,
            &format!("{what} gcor"),
        );
        assert_scalar(
            gcov(&a, &b, mode).unwrap(),
            floats(&want["gcov"])[0],
            EXACT,
            &format!("{what} gcov"),
        );
        // sna's replicate distribution with exact ties counted on both sides (see qap.R):
        // binary layers give few distinct correlations, and sna's own pgreq / pleeq put a
        // replicate equal to the observed value on either side by rounding noise.
        let (ge, le) = (
            floats(&want["pgreq_ties"])[0],
            floats(&want["pleeq_ties"])[0],
        );
        assert_mc(row.test.p_greater, ge, reps, &format!("{what} pgreq"));
        assert_mc(row.test.p_less, le, reps, &format!("{what} pleeq"));
        let (sge, sle) = (floats(&want["pgreq"])[0], floats(&want["pleeq"])[0]);
        assert!(
            sge <= ge + 1e-12 && sle <= le + 1e-12 && sge + sle >= 1.0 - 1e-12,
            "{what}: sna's tails"
        );
    }
}

#[test]
fn same_bits_on_one_and_two_threads() {
    let (y, x) = jinsong_design();
    let g = coprod::cases::load("jinsong").unwrap();
    let d = Dyads::new(&g, &DyadOptions::default()).unwrap();
    let mut xf = x.clone();
    xf.push(d.matrix("deliberation").unwrap()); // separates: Firth replicates
    for null in [
        NullHypothesis::Qapspp,
        NullHypothesis::Qapallx,
        NullHypothesis::Qapy,
        NullHypothesis::Qapx,
    ] {
        let opts = QapOptions {
            null,
            reps: 300,
            seed: 4,
            parallelism: Parallelism::Parallel,
            ..Default::default()
        };
        let on = |t: usize| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(t)
                .build()
                .unwrap();
            pool.install(|| {
                (
                    netlogit(&y, &x, &opts, LogitEstimator::Auto).unwrap(),
                    netlm(&y, &x, &opts).unwrap(),
                )
            })
        };
        let seq = QapOptions {
            parallelism: Parallelism::Sequential,
            ..opts.clone()
        };
        let (a1, b1) = on(1);
        let (a2, b2) = on(2);
        assert_eq!(a1, a2);
        assert_eq!(b1, b2);
        assert_eq!(b1, netlm(&y, &x, &seq).unwrap());
        assert_eq!(a1, netlogit(&y, &x, &seq, LogitEstimator::Auto).unwrap());
        let firth = |o: &QapOptions| netlogit(&y, &xf, o, LogitEstimator::Auto).unwrap();
        let f1 = firth(&seq);
        assert_eq!(f1.estimator, Estimator::Firth);
        let f2 = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap()
            .install(|| firth(&opts));
        assert_eq!(f1, f2);
        let t1 = on(1).0;
        assert_eq!(t1, a1);
        let q = |t: usize| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(t)
                .build()
                .unwrap();
            pool.install(|| qaptest(&y, &x[0], GraphStatistic::Correlation, &opts).unwrap())
        };
        assert_eq!(q(1), q(2));
    }
}

#[test]
fn each_replicate_is_a_relabelling() {
    let (y, _) = jinsong_design();
    let n = y.n;
    let mut sorted_y = y.values.clone();
    sorted_y.sort_by(f64::total_cmp);
    let degrees = |m: &DyadicMatrix| {
        let mut d: Vec<(u64, u64)> = (0..n)
            .map(|i| {
                (
                    (0..n).map(|j| m.get(i, j)).sum::<f64>() as u64,
                    (0..n).map(|j| m.get(j, i)).sum::<f64>() as u64,
                )
            })
            .collect();
        d.sort();
        d
    };
    for i in 0..200 {
        let p = permutation(42, i, n);
        let mut s = p.clone();
        s.sort();
        assert_eq!(
            s,
            (0..n).collect::<Vec<_>>(),
            "replicate {i} is a permutation"
        );
        let m = y.permuted(&p);
        for a in 0..n {
            for b in 0..n {
                assert_eq!(m.get(a, b), y.get(p[a], p[b]));
            }
            assert_eq!(m.get(a, a), 0.0);
        }
        let mut v = m.values.clone();
        v.sort_by(f64::total_cmp);
        assert_eq!(v, sorted_y);
        assert_eq!(degrees(&m), degrees(&y));
    }
    assert_ne!(permutation(42, 0, n), permutation(42, 1, n));
    assert_eq!(permutation(42, 7, n), permutation(42, 7, n));
    // qapy with one replicate equals a classical refit of the relabelled outcome.
    let (_, x) = jinsong_design();
    let opts = QapOptions {
        null: NullHypothesis::Qapy,
        reps: 1,
        seed: 42,
        statistic: coprod::inference::qap::TestStatistic::Beta,
        ..Default::default()
    };
    let fit = netlm(&y, &x, &opts).unwrap();
    let yp = y.permuted(&permutation(42, 0, n));
    let refit = netlm(
        &yp,
        &x,
        &QapOptions {
            null: NullHypothesis::Classical,
            ..Default::default()
        },
    )
    .unwrap();
    for (c, r) in fit.coefficients.iter().zip(&refit.coefficients) {
        let want = if r.estimate >= c.estimate - 1e-10 * c.estimate.abs().max(1.0) {
            1.0
        } else {
            0.0
        };
        assert_eq!(c.p_greater, want, "{}", c.term);
    }
}

#[test]
fn unknown_terms_are_errors_with_a_suggestion() {
    let g = coprod::cases::load("jinsong").unwrap();
    let d = Dyads::new(&g, &DyadOptions::default()).unwrap();
    let e = d.matrix("leadershp").unwrap_err().to_string();
    assert!(e.contains("did you mean `leadership`"), "{e}");
    // said once (it was printed twice: in the message and in the list)
    for bad in [
        "leadershp",
        "sender:partty",
        "same_knd",
        "weighted:leadershp",
        "leadership+adminstrative",
    ] {
        let e = d.matrix(bad).unwrap_err().to_string();
        assert_eq!(e.matches("did you mean").count(), 1, "{e}");
    }
    assert!(e.contains("party_dyad"), "{e}");
    let e = d
        .matrix("leadership+administrativ")
        .unwrap_err()
        .to_string();
    assert!(e.contains("administrative"), "{e}");
    let e = d.matrix("sender:parti").unwrap_err().to_string();
    assert!(e.contains("sender:party"), "{e}");
    let e = d.matrix("level_difference").unwrap_err().to_string();
    assert!(
        e.contains("external") && e.contains("property_rights_units"),
        "{e}"
    );
    // weighted layers sum the weights; union is binary
    let w = d.matrix("weighted:aggregate").unwrap();
    let b = d.matrix("aggregate").unwrap();
    assert!(
        w.values
            .iter()
            .zip(&b.values)
            .all(|(w, b)| (*b == 0.0) == (*w == 0.0) && w >= b)
    );
    assert!(b.is_binary());
    // a logit of a weighted outcome is refused
    let opts = QapOptions {
        null: NullHypothesis::Classical,
        ..Default::default()
    };
    let arena = d.matrix("arena_count").unwrap();
    assert!(netlogit(&arena, &[b], &opts, LogitEstimator::Auto).is_err() || arena.is_binary());
}

#[test]
fn notebook_html_and_report_table_display_themselves() {
    let (y, mut x) = jinsong_design();
    let g = coprod::cases::load("jinsong").unwrap();
    let d = Dyads::new(&g, &DyadOptions::default()).unwrap();
    x.push(d.matrix("deliberation").unwrap());
    let opts = QapOptions {
        null: NullHypothesis::Classical,
        ..Default::default()
    };
    let html = netlogit(&y, &x, &opts, LogitEstimator::Auto)
        .unwrap()
        .to_html();
    assert!(
        html.contains("<td>party_dyad</td>") && html.contains("Separation"),
        "{html}"
    );
    let t = coprod::report::layer_correlation_table(
        &g,
        &QapOptions {
            reps: 100,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(t.to_html().contains("<td>leadership</td>"));
    assert!(
        t.to_csv()
            .starts_with("layer_a,layer_b,dyads,r,p_greater,p_less,p_abs")
    );
    assert_eq!(t.page_table().stem, "jinsong/layer_correlations");
}

#[test]
fn the_command_line_prints_json_csv_and_markdown() {
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_coprod"))
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let base = [
        "qap",
        "jinsong",
        "--model",
        "logit",
        "--y",
        "resource,service,information",
        "--x",
        "leadership+administrative,arena,party_dyad",
        "--reps",
        "200",
        "--seed",
        "3",
    ];
    let (code, out, _) = run(&[&base[..], &["--format", "json"]].concat());
    assert_eq!(code, Some(0));
    let v: Value = serde_json::from_str(&out).unwrap();
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0]["term"], "(intercept)");
    assert_eq!(rows[1]["term"], "leadership+administrative");
    assert!(
        rows.iter()
            .all(|r| r["estimate"].is_number() && r["p"].is_number())
    );
    // --y with commas is the union, the same as with +
    let (_, out_plus, _) = run(&[
        "qap",
        "jinsong",
        "--model",
        "logit",
        "--y",
        "resource+service+information",
        "--x",
        "leadership+administrative,arena,party_dyad",
        "--reps",
        "200",
        "--seed",
        "3",
        "--format",
        "json",
    ]);
    assert_eq!(out, out_plus);
    let (code, md, _) = run(&base);
    assert_eq!(code, Some(0));
    assert!(md.contains("| arena |") && md.contains("Caveats"), "{md}");
    let (code, _, err) = run(&[
        "qap", "jinsong", "--model", "lm", "--y", "resource", "--x", "arenna",
    ]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("did you mean `arena`"), "{err}");
    let (code, csv, _) = run(&[
        "qap",
        "jinsong",
        "--correlations",
        "--reps",
        "50",
        "--format",
        "csv",
    ]);
    assert_eq!(code, Some(0));
    assert!(csv.lines().count() > 5);
}

/// `coprod qap elevator_tx11 --model logit --y leadership --x administrative
/// --fit ml` said "the data separate on  (…)" with no term: the case has no
/// leadership or administrative tie between its 4 modelled actors, so the
/// outcome and the predictor are constant; each is named as such, and a
/// separation is never reported without the terms it concerns.
#[test]
fn constant_outcomes_and_terms_are_named_not_called_separation() {
    let g = coprod::cases::load("elevator_tx11").unwrap();
    let d = Dyads::new(&g, &DyadOptions::default()).unwrap();
    let m = |t: &str| d.matrix(t).unwrap();
    let opts = QapOptions {
        null: NullHypothesis::Classical,
        ..Default::default()
    };
    for est in [
        LogitEstimator::MaximumLikelihood,
        LogitEstimator::Auto,
        LogitEstimator::Firth,
    ] {
        let e = netlogit(&m("leadership"), &[m("administrative")], &opts, est).unwrap_err();
        let s = e.to_string();
        assert!(
            matches!(e, Error::InvalidParameter { name: "y", .. }),
            "{s}"
        );
        assert!(
            s.contains("`leadership` is 0 on every one of the 6 dyads"),
            "{s}"
        );
        let e = netlogit(&m("information"), &[m("administrative")], &opts, est).unwrap_err();
        let s = e.to_string();
        assert!(
            s.contains("`administrative` is 0 on every one of the 12 dyads modelled, a multiple of the intercept"),
            "{s}"
        );
    }
    let e = netlm(&m("information"), &[m("administrative")], &opts).unwrap_err();
    assert!(
        e.to_string().contains("`administrative` is 0 on every"),
        "{e}"
    );
    // A genuine separation on the same case names its term.
    match netlogit(
        &m("information"),
        &[m("deliberation")],
        &opts,
        LogitEstimator::MaximumLikelihood,
    ) {
        Err(Error::Separation { terms, .. }) => assert_eq!(terms, vec!["deliberation"]),
        other => panic!("expected separation, got {other:?}"),
    }
}

/// The attribute covariates, cell by cell, from their definitions (TERMS) on
/// the actors' kind, sector and level (Jinsong without its one actor outside
/// the territorial hierarchy); diagonals 0.
#[test]
fn attribute_covariates_follow_their_definitions() {
    use coprod::model::{Kind, Level};
    let g = coprod::cases::load("jinsong").unwrap();
    let d = Dyads::new(
        &g,
        &DyadOptions {
            without: vec!["property_rights_units".into()],
            ..Default::default()
        },
    )
    .unwrap();
    let actors: Vec<_> = d
        .ids()
        .iter()
        .map(|id| g.actor(g.actor_index(id).unwrap()))
        .collect();
    let n = d.n();
    let rank = |l: Level| Level::ALL.iter().position(|&x| x == l).unwrap() as f64;
    type Def<'a> = Box<dyn Fn(usize, usize) -> f64 + 'a>;
    let b = |v: bool| f64::from(u8::from(v));
    let defs: Vec<(&str, Def)> = vec![
        (
            "same_kind",
            Box::new(|i, j| b(actors[i].kind == actors[j].kind)),
        ),
        (
            "same_sector",
            Box::new(|i, j| b(actors[i].kind.sector() == actors[j].kind.sector())),
        ),
        (
            "same_level",
            Box::new(|i, j| b(actors[i].level == actors[j].level)),
        ),
        (
            "level_difference",
            Box::new(|i, j| (rank(actors[i].level) - rank(actors[j].level)).abs()),
        ),
        (
            "party_dyad",
            Box::new(|i, j| b(actors[i].kind == Kind::Party || actors[j].kind == Kind::Party)),
        ),
        (
            "sender:party",
            Box::new(|i, _| b(actors[i].kind == Kind::Party)),
        ),
        (
            "receiver:resident",
            Box::new(|_, j| b(actors[j].kind == Kind::Resident)),
        ),
    ];
    for (term, def) in &defs {
        let m = d.matrix(term).unwrap();
        let mut ones = 0.0;
        for i in 0..n {
            assert_eq!(m.get(i, i), 0.0, "{term} diagonal");
            for j in (0..n).filter(|&j| j != i) {
                assert_eq!(m.get(i, j), def(i, j), "{term} ({i}, {j})");
                ones += m.get(i, j);
            }
        }
        assert!(ones > 0.0, "{term} compared nothing but zeros");
    }
}
