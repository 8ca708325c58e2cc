//! `coprod agree`: the command over the library's agreement and answer table.
#[path = "common/cli.rs"]
mod cli;
use cli::coprod;

#[test]
fn agree_bundled_second_coding_as_csv_and_json() {
    let (code, out, err) = coprod(&[
        "agree",
        "ly",
        "ly/coding_b",
        "--format",
        "csv",
        "--no-answer",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("layer,directed,items,both,only_a,only_b,neither,reversed,jaccard,"),
        "{out}"
    );
    assert!(out.lines().last().unwrap().starts_with("all,"), "{out}");
    // the directory and the bundled name give the same result
    let (_, dir, _) = coprod(&[
        "agree",
        "ly",
        "data/ly/coding_b",
        "--format",
        "csv",
        "--no-answer",
    ]);
    assert_eq!(out, dir);
    let (code, json, err) = coprod(&[
        "agree",
        "ly",
        "ly/coding_b",
        "--format",
        "json",
        "--no-answer",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let k = v["agreement"]["overall"]["kappa"].as_f64().unwrap();
    assert!((-1.0..=1.0).contains(&k));
    assert_eq!(
        v["answer"].as_array().unwrap().len(),
        coprod::report::ANSWER_ROWS.len()
    );
    let (code, csv, _) = coprod(&[
        "agree",
        "ly",
        "ly/coding_b",
        "--format",
        "csv",
        "--table",
        "disagreements",
        "--no-answer",
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        csv.lines().count() - 1,
        v["agreement"]["disagreements"].as_array().unwrap().len()
    );
}

#[test]
fn agree_a_coding_with_itself_is_perfect_and_md_prints_the_caveat() {
    let (code, out, err) = coprod(&["agree", "jinsong", "jinsong", "--no-answer"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("prevalence paradox"), "{out}");
    assert!(
        out.contains("0 ties one coding has and the other lacks"),
        "{out}"
    );
    assert!(out.contains("| all | 7"), "{out}");
}

#[test]
fn agree_prints_whether_the_answer_changes() {
    // An elevator site under the size limit: the rule answers "cannot tell"
    // on every reading without fitting a model, so the plumbing is cheap to
    // check; that the four readings equal compare's answer is
    // tests/agreement.rs::outcomes_equal_the_answer_of_compare.
    let (code, out, err) = coprod(&["agree", "elevator_ss", "elevator_ss"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("The answer does not change"), "{out}");
    let (code, csv, err) = coprod(&[
        "agree",
        "elevator_ss",
        "elevator_ss",
        "--format",
        "csv",
        "--table",
        "outcomes",
    ]);
    assert_eq!(code, 0, "{err}");
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows[0], "reading,coding,actors,ties,outcome,clause,why");
    assert_eq!(rows.len(), 5, "{csv}");
    let outcome = |r: &str| r.split(',').nth(4).unwrap().to_string();
    assert!(
        rows[1..].iter().all(|r| outcome(r) == outcome(rows[1])),
        "{csv}"
    );
    let (_, csv, _) = coprod(&[
        "agree",
        "ly",
        "ly/coding_b",
        "--format",
        "csv",
        "--table",
        "outcomes",
        "--no-answer",
    ]);
    assert_eq!(csv, "reading,coding,actors,ties,outcome,clause,why\n");
    // An unknown core id is a usage error (exit 2) listing the actors.
    let (code, _, err) = coprod(&["agree", "ly", "ly/coding_b", "--answer-core", "nobody"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("unknown actor `nobody`; available: district_party_committee"),
        "{err}"
    );
}

#[test]
fn agree_errors_name_the_file_line_and_the_cases() {
    let dir = std::env::temp_dir().join(format!("coprod_agree_map_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let map = dir.join("map.csv");
    std::fs::write(&map, "a,b\nresidents,residents\nnobody,residents\n").unwrap();
    let (code, _, err) = coprod(&["agree", "ly", "ly/coding_b", "--map", map.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("map.csv:3 (column `a`): unknown actor `nobody`"),
        "{err}"
    );
    let (code, _, err) = coprod(&["agree", "nocase", "ly"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("jinsong"), "{err}");
    let (code, _, err) = coprod(&["agree", "ly", "elevator_td/coding_b"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("ly/coding_b"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}
