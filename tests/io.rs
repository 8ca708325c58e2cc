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
    // A header and no row: its own message (issue 19), not "the file is empty".
    let e = one(CASE, AH, TH);
    assert!(
        matches!(&e, Error::NoRows { file, what: "actor" } if file.ends_with("actors.csv")),
        "{e:?}"
    );
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
fn json_layer_declared_twice_is_located() {
    let g = load(
        CASE,
        &format!("{AH}{TWO}"),
        &format!("{TH}a,b,leadership,,d,q\n"),
    )
    .unwrap();
    let mut doc: serde_json::Value = serde_json::from_str(&to_json(&g)).unwrap();
    let layer = serde_json::json!({"name": "market_talk", "directed": false});
    doc["case"]["layers"] =
        serde_json::json!([layer.clone(), {"name": "service", "directed": true}, layer]);
    let e = from_json(&doc.to_string()).unwrap_err().to_string();
    assert!(
        e.contains("<json>:2 (column `case.layers`)") && e.contains("`service`"),
        "{e}"
    );
    assert!(
        e.contains("<json>:3 (column `case.layers`)") && e.contains("`market_talk`"),
        "{e}"
    );
    assert!(!e.contains("<json>:1 (column `case.layers`)"), "{e}");
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
    // A missing directory is one error naming it (issue 19: the directory is
    // looked at, by type, before its files).
    let e = load_case_dir("/nonexistent-coprod").unwrap_err();
    assert_eq!(e.problems().len(), 1);
    assert!(e.to_string().starts_with("/nonexistent-coprod: "), "{e}");
    // case.toml is optional, so in an empty directory only the two CSV files are missing.
    let dir = std::env::temp_dir().join(format!("coprod-empty-dir-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let e = load_case_dir(&dir).unwrap_err();
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(e.problems().len(), 2);
    assert!(e.to_string().contains("/actors.csv"));
    assert!(e.to_string().contains("/ties.csv"));
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

// ---- Own data, the way spreadsheets write it (issue 12).

/// The notes of a load from bytes, as display strings.
fn notes_of(
    case: Option<&[u8]>,
    actors: &[u8],
    ties: &[u8],
) -> (coprod::model::MultiplexGraph, Vec<String>) {
    let l = load_case_bytes_with_notes(Path::new("c"), case, actors, ties).unwrap();
    (l.graph, l.notes.iter().map(|n| n.to_string()).collect())
}

#[test]
fn minimal_columns_load_and_absent_ones_read_as_empty() {
    let g = load(
        "",
        "id,kind,level\np,party,community\nr,resident,building\n",
        "source,target,layer\np,r,leadership\n",
    )
    .unwrap();
    assert_eq!(g.actor_count(), 2);
    let p = g.actor_by_id("p").unwrap();
    assert_eq!(
        (p.label.as_str(), p.label_zh.as_str(), p.size),
        ("", "", None)
    );
    assert!(p.attrs.is_empty());
    let t = g.ties().next().unwrap();
    assert_eq!(t.weight, 1.0);
    assert_eq!(t.certainty, coprod::model::Certainty::Stated);
    // Columns in any order, a user column kept; the writer writes every column.
    let g = load(
        "",
        "level,district_role,kind,id\ncommunity,x,party,p\n",
        "layer,target,source\n",
    )
    .unwrap();
    assert_eq!(g.actor(0).attrs["district_role"], "x");
    assert!(
        actors_csv(&g).starts_with("id,label,label_zh,kind,level,size,doc,quote,district_role\n")
    );
    // Each required column is still required, by name.
    for col in REQUIRED_ACTOR_COLUMNS {
        let header: Vec<&str> = REQUIRED_ACTOR_COLUMNS
            .iter()
            .copied()
            .filter(|c| *c != col)
            .collect();
        let e = one(
            "",
            &format!("{}\nx,y\n", header.join(",")),
            "source,target,layer\n",
        );
        assert!(
            matches!(&e, Error::MissingColumn { column, .. } if column == col),
            "{e:?}"
        );
    }
    for col in REQUIRED_TIE_COLUMNS {
        let header: Vec<&str> = REQUIRED_TIE_COLUMNS
            .iter()
            .copied()
            .filter(|c| *c != col)
            .collect();
        let e = one(
            "",
            "id,kind,level\np,party,community\n",
            &format!("{}\n", header.join(",")),
        );
        assert!(
            matches!(&e, Error::MissingColumn { column, .. } if column == col),
            "{e:?}"
        );
    }
}

#[test]
fn a_directory_without_case_toml_loads_named_after_itself() {
    let dir = std::env::temp_dir().join(format!("coprod-no-toml-{}", std::process::id()));
    let case = dir.join("my_case");
    std::fs::create_dir_all(&case).unwrap();
    std::fs::write(
        case.join("actors.csv"),
        "id,kind,level\np,party,community\n",
    )
    .unwrap();
    std::fs::write(case.join("ties.csv"), "source,target,layer\n").unwrap();
    let l = load_case_dir_with_notes(&case).unwrap();
    assert_eq!(l.graph.meta().id, "my_case");
    assert_eq!(l.notes.len(), 1);
    assert!(matches!(&l.notes[0], LoadNote::NoCaseToml { id, .. } if id == "my_case"));
    assert!(
        l.notes[0]
            .to_string()
            .contains("case.toml: the case id is `my_case`")
    );
    assert_eq!(load_case_dir(&case).unwrap(), l.graph);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The actors and ties of a small Chinese case, as Excel would write them.
const ZH_ACTORS: &str = "id,label,label_zh,kind,level,size,doc,quote\r\n\
    p,Party branch,社區黨支部,party,community,,d,黨支部牽頭\r\n\
    r,Residents,居民,resident,building,40,d,居民自治\r\n";
const ZH_TIES: &str = "source,target,layer,weight,doc,quote\r\np,r,leadership,,d,黨支部牽頭\r\n";

#[test]
fn gb18030_files_load_and_say_so() {
    let (actors, _, bad) = encoding_rs::GB18030.encode(ZH_ACTORS);
    assert!(!bad);
    assert!(
        std::str::from_utf8(&actors).is_err(),
        "the test needs bytes that are not UTF-8"
    );
    let (ties, _, _) = encoding_rs::GB18030.encode(ZH_TIES);
    let (case, _, _) = encoding_rs::GB18030.encode("id = \"t\"\nname = \"勁松\"\n");
    let (g, notes) = notes_of(Some(&case), &actors, &ties);
    assert_eq!(g.actor(0).label_zh, "社區黨支部");
    assert_eq!(g.ties().next().unwrap().provenance.quote, "黨支部牽頭");
    assert_eq!(g.meta().name, "勁松");
    // Without a mark GB18030 is a guess: each file is a warning naming the
    // alternatives and showing its first non-ascii line as read.
    assert_eq!(notes.len(), 3, "{notes:?}");
    for (n, f) in notes
        .iter()
        .zip(["c/case.toml", "c/actors.csv", "c/ties.csv"])
    {
        assert!(
            n.starts_with(&format!("{f} is not UTF-8 and has no byte-order mark: read as GB18030, a guess (Windows-1252")),
            "{n}"
        );
    }
    assert!(notes[1].contains("社區黨支部"), "{}", notes[1]);
    // The same case in UTF-8: the same graph, no note.
    let (h, notes) = notes_of(
        Some("id = \"t\"\nname = \"勁松\"\n".as_bytes()),
        ZH_ACTORS.as_bytes(),
        ZH_TIES.as_bytes(),
    );
    assert_eq!(g, h);
    assert!(notes.is_empty(), "{notes:?}");
}

#[test]
fn utf16_files_with_a_byte_order_mark_load_and_say_so() {
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(ZH_ACTORS.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(ZH_TIES.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let (g, notes) = notes_of(Some(b""), &le, &be);
    assert_eq!(g.actor(1).label_zh, "居民");
    assert_eq!(g.tie_count(), 1);
    assert_eq!(
        notes,
        [
            "read c/actors.csv as UTF-16LE",
            "read c/ties.csv as UTF-16BE"
        ]
    );
    // A broken code unit is a located encoding error, not a guess.
    let mut bad = le.clone();
    let at = bad.len() - 4;
    bad[at..at + 2].copy_from_slice(&0xDC00u16.to_le_bytes());
    let e = load_case_bytes_with_notes(Path::new("c"), None, &bad, ZH_TIES.as_bytes()).unwrap_err();
    let p = e.problems();
    assert!(
        matches!(p[0], Error::Encoding { expected: "UTF-16LE", at, .. } if at.line == 3),
        "{p:?}"
    );
}

#[test]
fn neither_utf8_nor_gb18030_is_a_located_error() {
    // 0xFF starts no GB18030 sequence: reported per field, as before.
    let mut actors = b"id,label,kind,level\np,".to_vec();
    actors.extend_from_slice(b"\xffx,party,community\n");
    let e = load_case_bytes_with_notes(Path::new("c"), None, &actors, b"source,target,layer\n")
        .unwrap_err();
    assert!(
        matches!(&e, Error::Encoding { at, expected: "UTF-8 or GB18030", .. } if at.line == 2 && at.column == "label"),
        "{e:?}"
    );
    assert!(e.to_string().contains("not valid UTF-8 or GB18030"), "{e}");
}

#[test]
fn semicolon_and_tab_separated_files_load_and_say_so() {
    for (d, name) in [(";", "`;`"), ("\t", "tabs")] {
        let actors = format!(
            "id{d}label{d}kind{d}level\np{d}\"A; B\"{d}party{d}community\nr{d}R{d}resident{d}building\n"
        );
        let ties = format!("source{d}target{d}layer{d}weight\np{d}r{d}leadership{d}2\n");
        let (g, notes) = notes_of(None, actors.as_bytes(), ties.as_bytes());
        assert_eq!(g.actor(0).label, "A; B");
        assert_eq!(g.ties().next().unwrap().weight, 2.0);
        assert_eq!(
            notes[1..],
            [
                format!("read c/actors.csv with {name} between columns"),
                format!("read c/ties.csv with {name} between columns")
            ]
        );
    }
}

#[test]
fn a_decimal_comma_in_a_semicolon_file_gets_a_hint() {
    let p = problems(
        "",
        "id;kind;level\np;party;community\nr;resident;building\n",
        "source;target;layer;weight\np;r;leadership;2,5\n",
    );
    assert_eq!(
        p,
        [
            "c/ties.csv:2 (column `weight`): weight `2,5` must be a finite number > 0; a decimal comma? write 2.5"
        ],
        "{p:#?}"
    );
}

#[test]
fn a_header_mixing_delimiters_names_the_column() {
    let e = load(
        "",
        "id,kind;level\np,party;community\n",
        "source,target,layer\n",
    )
    .unwrap_err();
    let p: Vec<String> = e.problems().iter().map(|p| p.to_string()).collect();
    assert!(
        p.iter()
            .any(|l| l.starts_with("c/actors.csv:1: missing column `kind`")),
        "{p:#?}"
    );
    assert!(
        p.iter().any(|l| l.starts_with(
            "c/actors.csv:1: header column `kind;level` contains `;` but the file is split on `,`"
        )),
        "{p:#?}"
    );
}

#[test]
fn ties_of_an_unreadable_actors_file_are_summed_up_in_one_line() {
    let ties = "source,target,layer\np,r,leadership\nr,p,information\nq,r,service\np,zz,resource\np,r,feud\n";
    // actors.csv lacks a required column: no actor is loaded at all.
    let p = problems("", "id,label,kind\np,P,party\nr,R,resident\n", ties);
    assert_eq!(
        p,
        [
            "c/actors.csv:1: missing column `level`",
            "c/ties.csv:2 (column `source`): 5 tie(s) name actors not loaded because c/actors.csv has problems (the first: `p`); fix that file first",
            "c/ties.csv:6 (column `layer`): unknown layer `feud`; available: leadership, administrative, deliberation, resource, service, information, tension",
        ]
        .map(String::from)
    );
    // One row unreadable (bytes in no encoding): its id may be any, so no per-tie line either.
    let mut actors = b"id,kind,level\np,party,community\n".to_vec();
    actors.extend_from_slice(b"r\xff,resident,building\n");
    let e = load_case_bytes_with_notes(Path::new("c"), None, &actors, ties.as_bytes()).unwrap_err();
    let p = e.problems();
    assert!(
        matches!(p[0], Error::Encoding { at, .. } if at.line == 3),
        "{p:?}"
    );
    assert!(
        matches!(p[1], Error::TiesOfUnloadedActors { count: 5, value, at, .. } if value == "r" && at.line == 2 && at.column == "target"),
        "{p:?}"
    );
    assert_eq!(p.len(), 3, "{p:?}");
    // A complete actors.csv with other problems keeps one line per unknown actor.
    let p = problems(
        "",
        "id,kind,level\np,church,community\nr,resident,building\n",
        "source,target,layer\np,r,leadership\np,zz,resource\n",
    );
    assert_eq!(p.len(), 2, "{p:#?}");
    assert!(
        p[1].starts_with("c/ties.csv:3 (column `target`): unknown actor `zz`"),
        "{p:#?}"
    );
}

#[test]
fn the_template_is_a_documented_empty_case_that_is_not_bundled() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/template");
    assert!(!coprod::cases::names().contains(&"template"));
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).unwrap();
    assert_eq!(read("actors.csv"), format!("{}\n", ACTOR_COLUMNS.join(",")));
    assert_eq!(
        read("ties.csv"),
        format!("{},{CERTAINTY_COLUMN}\n", TIE_COLUMNS.join(","))
    );
    assert!(read("README.md").contains("Required columns: `id`, `kind`, `level`"));
    // As it stands it has no actor; with one row it loads, named after its copy.
    let e = load_case_dir(&dir).unwrap_err();
    assert!(
        matches!(&e, Error::NoRows { file, .. } if file.ends_with("actors.csv")),
        "{e:?}"
    );
    let copy = std::env::temp_dir()
        .join(format!("coprod-template-{}", std::process::id()))
        .join("my_case");
    std::fs::create_dir_all(&copy).unwrap();
    for f in ["case.toml", "ties.csv"] {
        std::fs::write(copy.join(f), read(f)).unwrap();
    }
    std::fs::write(
        copy.join("actors.csv"),
        format!("{}p,,,party,community,,,\n", read("actors.csv")),
    )
    .unwrap();
    let g = load_case_dir(&copy).unwrap();
    assert_eq!((g.meta().id.as_str(), g.actor_count()), ("my_case", 1));
    std::fs::remove_dir_all(copy.parent().unwrap()).unwrap();
}

#[test]
fn mangled_spreadsheet_bytes_give_a_graph_or_located_errors_never_a_panic() {
    // The fuzz target's property on seeded mutations of the encodings and
    // delimiters read above: load, and what loads round-trips through the writers.
    let semi = ZH_ACTORS.replace(',', ";");
    let mut inputs: Vec<Vec<u8>> = vec![
        encoding_rs::GB18030.encode(ZH_ACTORS).0.into_owned(),
        encoding_rs::GB18030.encode(&semi).0.into_owned(),
        ZH_ACTORS.replace(',', "\t").into_bytes(),
    ];
    for bom_le in [true, false] {
        let mut b = if bom_le {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for u in ZH_ACTORS.encode_utf16() {
            b.extend(if bom_le {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            });
        }
        inputs.push(b);
    }
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    let mut loaded = 0;
    for input in &inputs {
        for _ in 0..300 {
            let mut b = input.clone();
            for _ in 0..1 + next() % 3 {
                let i = next() % b.len();
                match next() % 3 {
                    0 => b[i] = next() as u8,
                    1 => {
                        b.remove(i);
                    }
                    _ => b.insert(i, [b';', b'\t', b',', b'"', b'\n', 0x81, 0xFF][next() % 7]),
                }
            }
            match load_case_bytes_with_notes(Path::new("c"), None, &b, ZH_TIES.as_bytes()) {
                Ok(l) => {
                    loaded += 1;
                    let g = l.graph;
                    let again = load(&case_toml(&g), &actors_csv(&g), &ties_csv(&g)).unwrap();
                    assert_eq!(g, again);
                }
                Err(e) => {
                    for p in e.problems() {
                        assert!(p.to_string().starts_with("c/"), "{p}");
                    }
                }
            }
        }
    }
    assert!(loaded > 0);
}
