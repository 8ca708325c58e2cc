//! `coprod ergm --arenas two-mode` and `--method sa` end to end.
#[path = "common/cli.rs"]
mod cli;
use cli::coprod;

#[test]
fn two_mode_sa_fit_prints_its_terms_and_t_ratios() {
    let (code, out, err) = coprod(&[
        "ergm",
        "elevator_ss",
        "--arenas",
        "two-mode",
        "--method",
        "sa",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let names: Vec<&str> = v["terms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["term"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["edges", "b1factor.core.core", "gwb1deg.fixed.0.5"]);
    let t = v["sa"]["t_ratios"].as_array().unwrap();
    assert_eq!(t.len(), 3);
    assert!(t.iter().all(|x| x.as_f64().unwrap().abs() < 0.1), "{t:?}");
    assert!(
        v["estimator"]
            .as_str()
            .unwrap()
            .contains("stochastic approximation")
    );
}

#[test]
fn a_case_without_arena_is_named() {
    let (code, _, err) = coprod(&["ergm", "elevator_td", "--arenas", "two-mode"]);
    assert_ne!(code, 0);
    assert!(
        err.contains("elevator_td") && err.contains("no arena"),
        "{err}"
    );
}
