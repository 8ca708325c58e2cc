//! The case format: round trips, what spreadsheets write, and one test per error class.

use coprod::Error;
use coprod::io::*;
use std::path::Path;

const TINY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/tiny");
const CASE: &str = "id = \"t\"\n";
const AH: &str = "id,label,label_zh,kind,level,size,doc,quote\n";
const TH: &str = "source,target,layer,weight,doc,quote\n";
const TWO: &str = "a,A,甲,party,community,,d,q\nb,B,乙,resident,building,3,d,q\n";

fn load(case: &str, actors: &str, ties: &str) -> Result<coprod::model::MultiplexGraph, Error> {
    load_case_str("c", case, actors, ties)
}

/// The problems of a load that must fail, as display strings.
fn problems(case: &str, actors: &str, ties: &str) -> Vec<String> {
    let e = load(case, actors, ties).expect_err("must fail");
    e.problems().iter().map(|p| p.to_string()).collect()
}

fn one(case: &str, actors: &str, ties: &str) -> Error {
    match load(case, actors, ties).expect_err("must fail") {
        Error::Invalid(v) => panic!("expected one problem, got {v:?}"),
        e => e,
    }
}

#[test]
fn round_trip_through_files_is_exact() {
    let g = load_case_dir(TINY).unwrap();
    let dir = std::env::temp_dir().join(format!("coprod-rt-{}", std::process::id()));
    write_case_dir(&g, &dir).unwrap();
    let h = load_case_dir(&dir).unwrap();
    assert_eq!(g, h);
    // Writing again gives the same bytes.
    assert_eq!(actors_csv(&g), actors_csv(&h));
    assert_eq!(ties_csv(&g), ties_csv(&h));
    assert_eq!(case_toml(&g), case_toml(&h));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn round_trip_through_json_is_exact() {
    let g = load_case_dir(TINY).unwrap();
    let h = from_json(&to_json(&g)).unwrap();
    assert_eq!(g, h);
}

#[test]
fn weights_round_trip_to_the_last_bit() {
    let ties = format!(
        "{TH}a,b,resource,0.1,d,q\na,b,service,1e-300,d,q\na,b,information,12345678.901234567,d,q\n"
    );
    let g = load(CASE, &format!("{AH}{TWO}"), &ties).unwrap();
    let h = load(&case_toml(&g), &actors_csv(&g), &ties_csv(&g)).unwrap();
    let w: Vec<f64> = h.ties().map(|t| t.weight).collect();
    assert_eq!(w, [0.1, 1e-300, 12345678.901234567]);
}

#[test]
fn accepts_what_spreadsheets_write() {
    // BOM, CRLF, quoted fields with commas and newlines, spaces around fields.
    let actors = "\u{feff}id , label,label_zh,kind,level,size,doc,quote\r\n a ,\"A, the first\",甲, party ,community, ,d,\"two\r\nlines\"\r\nb,B,乙,resident,building, 3 ,d,q\r\n";
    let ties = "\u{feff}source,target,layer,weight,doc,quote\r\na , b,leadership, 2 ,d,q\r\n\r\n";
    let g = load(CASE, actors, ties).unwrap();
    assert_eq!(g.actor(0).label, "A, the first");
    assert_eq!(g.actor(0).provenance.quote, "two\r\nlines");
    assert_eq!(g.actor(1).size, Some(3));
    assert_eq!(g.ties().next().unwrap().weight, 2.0);
}

#[test]
fn empty_weight_means_one() {
    let g = load(
        CASE,
        &format!("{AH}{TWO}"),
        &format!("{TH}a,b,leadership,,d,q\n"),
    )
    .unwrap();
    assert_eq!(g.ties().next().unwrap().weight, 1.0);
}

#[test]
fn error_empty_file() {
    assert!(matches!(one(CASE, "", TH), Error::EmptyFile(p) if p.ends_with("actors.csv")));
    assert!(matches!(one(CASE, AH, TH), Error::EmptyFile(p) if p.ends_with("actors.csv")));
    assert!(
        matches!(one(CASE, &format!("{AH}{TWO}"), "\u{feff}  \n"), Error::EmptyFile(p) if p.ends_with("ties.csv"))
    );
}

#[test]
fn error_wrong_encoding() {
    let mut bytes = format!("{AH}a,A,").into_bytes();
    bytes.extend_from_slice(b"\xff\xfe,party,community,,d,q\n");
    let e = load_case_bytes(Path::new("c"), CASE.as_bytes(), &bytes, TH.as_bytes()).unwrap_err();
    match e {
        Error::Encoding { at, .. } => {
            assert_eq!(at.line, 2);
            assert_eq!(at.column, "label_zh");
            assert!(at.file.ends_with("actors.csv"));
        }
        e => panic!("{e:?}"),
    }
    let e = load_case_bytes(
        Path::new("c"),
        b"id = \"\xff\"",
        format!("{AH}{TWO}").as_bytes(),
        TH.as_bytes(),
    )
    .unwrap_err();
    assert!(matches!(e, Error::Encoding { .. }), "{e:?}");
}

#[test]
fn error_malformed_csv() {
    let e = one(CASE, &format!("{AH}a,A,甲,party,community,,d\n"), TH);
    match &e {
        Error::MalformedCsv { at, message } => {
            assert_eq!(at.line, 2);
            assert!(message.contains("7 fields"), "{message}");
        }
        e => panic!("{e:?}"),
    }
    assert!(e.to_string().starts_with("c/actors.csv:2"), "{e}");
}

#[test]
fn error_missing_and_duplicate_columns() {
    let e = one(
        CASE,
        "id,label,label_zh,kind,size,doc,quote\na,A,甲,party,,d,q\n",
        TH,
    );
    assert!(
        matches!(&e, Error::MissingColumn { column, .. } if column == "level"),
        "{e:?}"
    );
    let e = one(
        CASE,
        &format!("{AH}{TWO}"),
        "source,target,layer,weight,doc,quote,layer\n",
    );
    assert!(
        matches!(&e, Error::DuplicateColumn { column, .. } if column == "layer"),
        "{e:?}"
    );
}

#[test]
fn error_empty_and_invalid_ids() {
    let e = one(CASE, &format!("{AH},A,甲,party,community,,d,q\n"), TH);
    assert!(
        matches!(&e, Error::EmptyField { at } if at.column == "id" && at.line == 2),
        "{e:?}"
    );
    let e = one(CASE, &format!("{AH}a b,A,甲,party,community,,d,q\n"), TH);
    assert!(
        matches!(&e, Error::InvalidId { value, .. } if value == "a b"),
        "{e:?}"
    );
}

#[test]
fn error_unknown_kind_and_level() {
    let e = one(CASE, &format!("{AH}a,A,甲,church,community,,d,q\n"), TH);
    assert!(
        matches!(&e, Error::UnknownKind { value, at } if value == "church" && at.line == 2 && at.column == "kind"),
        "{e:?}"
    );
    let e = one(CASE, &format!("{AH}a,A,甲,party,province,,d,q\n"), TH);
    assert!(
        matches!(&e, Error::UnknownLevel { value, .. } if value == "province"),
        "{e:?}"
    );
}

#[test]
fn error_bad_size() {
    for bad in ["0", "-3", "2.5", "many"] {
        let e = one(CASE, &format!("{AH}a,A,甲,party,community,{bad},d,q\n"), TH);
        assert!(
            matches!(&e, Error::BadSize { value, .. } if value == bad),
            "{e:?}"
        );
    }
}

#[test]
fn error_duplicate_actor() {
    let e = one(
        CASE,
        &format!("{AH}{TWO}a,A2,甲,party,community,,d,q\n"),
        TH,
    );
    assert!(
        matches!(&e, Error::DuplicateActor { value, first_line: 2, at } if value == "a" && at.line == 4),
        "{e:?}"
    );
}

#[test]
fn error_unknown_actor_and_layer() {
    let e = one(
        CASE,
        &format!("{AH}{TWO}"),
        &format!("{TH}a,zz,leadership,,d,q\n"),
    );
    assert!(
        matches!(&e, Error::UnknownActor { value, at: Some(at), .. } if value == "zz" && at.column == "target" && at.line == 2),
        "{e:?}"
    );
    let e = one(
        CASE,
        &format!("{AH}{TWO}"),
        &format!("{TH}a,b,friendship,,d,q\n"),
    );
    assert!(
        matches!(&e, Error::UnknownLayer { value, at: Some(_), .. } if value == "friendship"),
        "{e:?}"
    );
    assert!(
        e.to_string()
            .contains("unknown layer `friendship`; available: leadership, administrative"),
        "{e}"
    );
}

#[test]
fn declared_layers_are_known_and_checked() {
    let case = "id = \"t\"\n[[layers]]\nname = \"kinship\"\ndirected = false\n";
    let g = load(
        case,
        &format!("{AH}{TWO}"),
        &format!("{TH}a,b,kinship,,d,q\n"),
    )
    .unwrap();
    assert!(!g.layer(g.layer_id("kinship").unwrap()).directed);
    let case = "id = \"t\"\n[[layers]]\nname = \"tension\"\ndirected = false\n";
    let e = one(case, &format!("{AH}{TWO}"), TH);
    assert!(
        matches!(&e, Error::DuplicateLayer { value, .. } if value == "tension"),
        "{e:?}"
    );
    let case = "id = \"t\"\n[[layers]]\nname = \"selfy\"\ndirected = true\nself_loops = true\n";
    assert!(
        load(
            case,
            &format!("{AH}{TWO}"),
            &format!("{TH}a,a,selfy,,d,q\n")
        )
        .is_ok()
    );
}

#[test]
fn error_self_loop() {
    let e = one(
        CASE,
        &format!("{AH}{TWO}"),
        &format!("{TH}a,a,leadership,,d,q\n"),
    );
    assert!(
        matches!(&e, Error::SelfLoop { value, layer, .. } if value == "a" && layer == "leadership"),
        "{e:?}"
    );
}

#[test]
fn error_bad_weight() {
    for bad in ["NaN", "nan", "inf", "-inf", "0", "-1", "abc", "1e999"] {
        let e = one(
            CASE,
            &format!("{AH}{TWO}"),
            &format!("{TH}a,b,resource,{bad},d,q\n"),
        );
        assert!(
            matches!(&e, Error::BadWeight { value, at } if value == bad && at.line == 2 && at.column == "weight"),
            "{bad}: {e:?}"
        );
    }
}

#[test]
fn error_bad_toml() {
    let e = one("id = \n", &format!("{AH}{TWO}"), TH);
    assert!(
        matches!(&e, Error::Toml { at, .. } if at.line == 1 && at.file.ends_with("case.toml")),
        "{e:?}"
    );
    let e = one("id = \"t\"\ncolour = \"red\"\n", &format!("{AH}{TWO}"), TH);
    assert!(
        matches!(&e, Error::Toml { message, at } if message.contains("colour") && at.line == 2),
        "{e:?}"
    );
    let e = one("[[facts]]\nkey = \"x\"\n", &format!("{AH}{TWO}"), TH);
    assert!(matches!(&e, Error::Toml { .. }), "{e:?}");
}

#[test]
fn error_bad_json() {
    assert!(matches!(from_json("{"), Err(Error::Json { .. })));
    let g = load(
        CASE,
        &format!("{AH}{TWO}"),
        &format!("{TH}a,b,leadership,,d,q\n"),
    )
    .unwrap();
    let bad = to_json(&g).replace("\"target\": \"b\"", "\"target\": \"zz\"");
    let e = from_json(&bad).unwrap_err();
    assert!(e.to_string().contains("zz"), "{e}");
}

#[test]
fn every_problem_in_every_file_is_reported_and_nothing_is_loaded() {
    let actors = format!(
        "{AH}a,A,甲,church,community,,d,q\nb,B,乙,resident,attic,x,d,q\nb,B,乙,resident,building,,d,q\n"
    );
    let ties = format!("{TH}a,zz,leadership,,d,q\nb,b,leadership,,d,q\na,b,feud,nan,d,q\n");
    let p = problems(CASE, &actors, &ties);
    let expect = [
        "c/actors.csv:2 (column `kind`): unknown kind `church`",
        "c/actors.csv:3 (column `level`): unknown level `attic`",
        "c/actors.csv:3 (column `size`): size `x`",
        "c/actors.csv:4 (column `id`): duplicate actor id `b` (first defined on line 3)",
        "c/ties.csv:2 (column `target`): unknown actor `zz`",
        "c/ties.csv:3 (column `target`): self-loop on `b`",
        "c/ties.csv:4 (column `layer`): unknown layer `feud`",
        "c/ties.csv:4 (column `weight`): weight `nan`",
    ];
    assert_eq!(p.len(), expect.len(), "{p:#?}");
    for (got, want) in p.iter().zip(expect) {
        assert!(got.starts_with(want), "{got} vs {want}");
    }
}

#[test]
fn missing_files_are_io_errors_naming_the_path() {
    let e = load_case_dir("/nonexistent-coprod").unwrap_err();
    assert_eq!(e.problems().len(), 3);
    assert!(e.to_string().contains("/nonexistent-coprod/case.toml"));
}

#[test]
fn ties_without_a_certainty_column_are_stated() {
    use coprod::model::Certainty;
    let g = load(
        CASE,
        &format!("{AH}{TWO}"),
        &format!("{TH}a,b,leadership,,d,q\n"),
    )
    .unwrap();
    assert!(g.ties().all(|t| t.certainty == Certainty::Stated));
    // The writer adds the column; reading that back gives the same graph.
    assert!(ties_csv(&g).starts_with("source,target,layer,weight,doc,quote,certainty\n"));
    assert_eq!(load(CASE, &format!("{AH}{TWO}"), &ties_csv(&g)).unwrap(), g);
}

#[test]
fn certainty_column_round_trips_through_files_and_json() {
    use coprod::model::Certainty;
    let ties = "source,target,layer,weight,doc,quote,certainty\n\
                a,b,leadership,,d,q,stated\na,b,information,,d,q,inferred\na,b,service,,d,q,\n";
    let g = load(CASE, &format!("{AH}{TWO}"), ties).unwrap();
    let c: Vec<Certainty> = g.ties().map(|t| t.certainty).collect();
    assert_eq!(
        c,
        [Certainty::Stated, Certainty::Inferred, Certainty::Stated]
    );
    let h = load(&case_toml(&g), &actors_csv(&g), &ties_csv(&g)).unwrap();
    assert_eq!(g, h);
    assert_eq!(ties_csv(&g), ties_csv(&h));
    assert_eq!(from_json(&to_json(&g)).unwrap(), g);
    // Stated ties are left out of the JSON; JSON without the key loads as stated.
    assert_eq!(to_json(&g).matches("\"certainty\"").count(), 1);
}

#[test]
fn error_unknown_certainty() {
    let ties = "source,target,layer,weight,doc,quote,certainty\na,b,leadership,,d,q,likely\n";
    let e = one(CASE, &format!("{AH}{TWO}"), ties);
    assert!(
        matches!(&e, Error::UnknownCertainty { value, at }
            if value == "likely" && at.line == 2 && at.column == "certainty"
                && at.file.ends_with("ties.csv")),
        "{e:?}"
    );
    assert!(
        e.to_string()
            .starts_with("c/ties.csv:2 (column `certainty`): unknown certainty `likely`"),
        "{e}"
    );
}

const OUTCOME: &str = "id = \"t\"\n\n[outcome]\nstatus = \"succeeded\"\nevidence = \"inferred\"\ndoc = \"d\"\nquote = \"q\"\n";

#[test]
fn outcome_table_loads_and_round_trips() {
    use coprod::model::{OutcomeEvidence, OutcomeStatus};
    let g = load(OUTCOME, &format!("{AH}{TWO}"), TH).unwrap();
    let o = g.meta().outcome.as_ref().unwrap();
    assert_eq!(o.status, OutcomeStatus::Succeeded);
    assert_eq!(o.evidence, OutcomeEvidence::Inferred);
    assert_eq!((o.doc.as_str(), o.quote.as_str()), ("d", "q"));
    let h = load(&case_toml(&g), &actors_csv(&g), &ties_csv(&g)).unwrap();
    assert_eq!(g, h);
    assert_eq!(from_json(&to_json(&g)).unwrap(), g);
    // No table, no outcome.
    let g = load(CASE, &format!("{AH}{TWO}"), TH).unwrap();
    assert!(g.meta().outcome.is_none());
    assert!(!case_toml(&g).contains("outcome"));
}

#[test]
fn error_bad_outcome_values_name_the_file_and_key() {
    for (from, to, key) in [
        ("\"succeeded\"", "\"won\"", "outcome.status"),
        ("\"inferred\"", "\"rumour\"", "outcome.evidence"),
    ] {
        let e = one(&OUTCOME.replace(from, to), &format!("{AH}{TWO}"), TH);
        assert!(
            matches!(&e, Error::Toml { at, message }
                if at.file.ends_with("case.toml") && at.line > 0 && message.contains(key)),
            "{e:?}"
        );
        let s = e.to_string();
        assert!(
            s.contains("case.toml") && s.contains(key) && s.contains(&to[1..to.len() - 1]),
            "{s}"
        );
    }
    // A missing key or an unknown one is an error too.
    let e = one(
        &OUTCOME.replace("evidence = \"inferred\"\n", ""),
        &format!("{AH}{TWO}"),
        TH,
    );
    assert!(
        matches!(&e, Error::Toml { message, .. } if message.contains("evidence")),
        "{e:?}"
    );
    let e = one(
        &format!("{OUTCOME}colour = \"red\"\n"),
        &format!("{AH}{TWO}"),
        TH,
    );
    assert!(
        matches!(&e, Error::Toml { message, .. } if message.contains("colour")),
        "{e:?}"
    );
}
