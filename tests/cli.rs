//! The binary as a user runs it.
#[path = "common/cli.rs"]
mod cli;
use cli::coprod;

#[test]
fn validate_a_good_case_prints_one_line_and_exits_0() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/tiny");
    let (code, out, _) = coprod(&["validate", dir]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 1);
    assert!(
        out.contains(
            "8 actors (party 2, block 1, strip 1, market 1, social 1, resident 1, arena 1)"
        ),
        "{out}"
    );
    assert!(out.contains("15 ties (leadership 3,"), "{out}");
}

#[test]
fn validate_a_bad_case_lists_every_problem_and_exits_1() {
    let dir = std::env::temp_dir().join(format!("coprod-cli-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("case.toml"), "id = \"bad\"\n").unwrap();
    std::fs::write(
        dir.join("actors.csv"),
        "id,label,label_zh,kind,level,size,doc,quote\na,A,甲,church,community,,d,q\nb,B,乙,party,community,,d,q\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("ties.csv"),
        "source,target,layer,weight,doc,quote\nb,zz,leadership,-2,d,q\n",
    )
    .unwrap();
    let (code, out, err) = coprod(&["validate", dir.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(
        lines[0].contains("actors.csv:2 (column `kind`): unknown kind `church`"),
        "{out}"
    );
    assert!(
        lines[1].contains("ties.csv:2 (column `target`): unknown actor `zz`"),
        "{out}"
    );
    assert!(
        lines[2].contains("ties.csv:2 (column `weight`): weight `-2`"),
        "{out}"
    );
    assert!(err.contains("3 problem(s)"), "{err}");
}

#[test]
fn measures_shows_who_holds_the_cross_sector_brokerage() {
    let (code, out, err) = coprod(&["measures", "jinsong"]);
    assert_eq!(code, 0, "{err}");
    let mut lines = out.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(&header[..5], ["id", "kind", "sector", "level", "group"]);
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert_eq!(
        rows.len(),
        coprod::cases::load("jinsong").unwrap().actor_count()
    );
    let office = rows.iter().find(|r| r[0] == "subdistrict_office").unwrap();
    for role in [
        "coordinator",
        "itinerant",
        "representative",
        "gatekeeper",
        "liaison",
    ] {
        assert!(office[col(role)].parse::<f64>().unwrap() > 0.0, "{role}");
    }
    let (code, out, _) = coprod(&[
        "measures",
        "jinsong",
        "--format",
        "json",
        "--partition",
        "kind",
        "--layers",
        "leadership,resource",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["group"], "party");
}

#[test]
fn summary_and_columns() {
    let (code, out, _) = coprod(&["summary", "x_district", "--format", "json", "--symmetric"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["directed"], 0.0);
    assert!(v["core_actors"] == 0.0 && v["core_fit"].is_null());
    let (code, out, _) = coprod(&["columns"]);
    assert_eq!(code, 0);
    for col in coprod::report::ACTOR_COLUMNS {
        assert!(out.contains(&format!("  {}: ", col.name)), "{}", col.name);
    }
    let (code, _, err) = coprod(&["summary", "nowhere"]);
    assert_eq!(code, 2);
    assert!(err.contains("no bundled case `nowhere`"), "{err}");
}

#[test]
fn multiplex_brokerage_splits_roles_by_layer() {
    let (code, out, err) = coprod(&["multiplex-brokerage", "jinsong"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out.lines().next().unwrap(),
        "id,kind,sector,group,role,layer_in,layer_out,count"
    );
    // The firm's temporary party branch passes leadership on into deliberation.
    assert!(
        out.lines().any(|l| l.starts_with(
            "jinsong_temp_party_branch,party,party,party,representative,leadership,deliberation,"
        )),
        "{out}"
    );
    assert!(
        out.lines()
            .skip(1)
            .all(|l| l.rsplit(',').next().unwrap().parse::<f64>().unwrap() > 0.0)
    );
    let (code, _, err) = coprod(&[
        "multiplex-brokerage",
        "jinsong",
        "--layers",
        "leadership,gossip",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown layer `gossip`; available: leadership, administrative"),
        "{err}"
    );
}

/// A typo'd name is exit 2 and an error that lists what exists, never a
/// silent default (each of these exited 0 or named nothing before).
#[test]
fn typos_are_errors_that_list_what_exists() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["summary", "jinsong", "--partition", "sectr"],
            "no attribute `sectr`; available: kind, sector, level",
        ),
        (
            &["measures", "jinsong", "--partition", "sectr"],
            "no attribute `sectr`; available: kind, sector, level",
        ),
        (
            &["multiplex-brokerage", "jinsong", "--partition", "sectr"],
            "no attribute `sectr`",
        ),
        (
            &["summary", "jinsong", "--layers", "leadershp"],
            "unknown layer `leadershp`; available: leadership,",
        ),
        (
            &["summary", "jinsong", "--core", "kind:parti"],
            "unknown kind `parti`; available: party, block, strip, market, social, resident, arena",
        ),
        (
            &["summary", "jinsong", "--core", "subdistrict_ofice"],
            "unknown actor `subdistrict_ofice`; available: ",
        ),
        (
            &["edges", "jinsong", "--without", "subdistrict_ofice"],
            "unknown actor `subdistrict_ofice`; available: ",
        ),
        (&["nodes", "jinsongg"], "no bundled case `jinsongg`"),
    ];
    for (args, want) in cases {
        let (code, out, err) = coprod(args);
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(err.contains(want), "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?} printed {out}");
    }
    // The actor list names the real ids.
    let (_, _, err) = coprod(&["summary", "jinsong", "--core", "subdistrict_ofice"]);
    assert!(err.contains("subdistrict_office"), "{err}");
}

/// Every command that takes a case takes the same view options.
#[test]
fn view_options_on_every_case_command() {
    for cmd in [
        "edges",
        "nodes",
        "measures",
        "summary",
        "multiplex-brokerage",
    ] {
        for extra in [
            &["--symmetric"][..],
            &["--layers", "all,tension"],
            &["--layers", "positive"],
            &["--aggregation", "max"],
            &["--without", "residents"],
            &["--project-arenas"],
        ] {
            let mut args = vec![cmd, "jinsong"];
            args.extend_from_slice(extra);
            let (code, out, err) = coprod(&args);
            assert_eq!(code, 0, "{args:?}: {err}");
            assert!(!out.is_empty(), "{args:?}");
        }
    }
    // `all` anywhere in the list is every layer, tension included.
    let (_, all, _) = coprod(&["edges", "jinsong", "--layers", "all"]);
    let (_, all_tension, _) = coprod(&["edges", "jinsong", "--layers", "all,tension"]);
    let (_, positive, _) = coprod(&["edges", "jinsong"]);
    assert_eq!(all, all_tension);
    assert!(all.lines().count() > positive.lines().count());
    // Left-out actors are left out of the multiplex census too.
    let (_, out, _) = coprod(&["multiplex-brokerage", "jinsong", "--without", "residents"]);
    assert!(!out.lines().any(|l| l.starts_with("residents,")), "{out}");
    let (_, sym, _) = coprod(&["multiplex-brokerage", "jinsong", "--symmetric"]);
    let (_, dir, _) = coprod(&["multiplex-brokerage", "jinsong"]);
    assert_ne!(sym, dir);
}

/// `--output FILE` writes the table to the file and nothing to stdout; an
/// unwritable path is exit 1 naming the path.
#[test]
fn output_goes_to_a_file() {
    let dir = std::env::temp_dir().join(format!("coprod-cli-out-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("s.csv");
    let (code, out, _) = coprod(&["summary", "ly", "--output", file.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(out.is_empty());
    let (_, stdout, _) = coprod(&["summary", "ly"]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), stdout);
    let bad = dir.join("no/such/dir/s.csv");
    let (code, _, err) = coprod(&["summary", "ly", "-o", bad.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(code, 1);
    assert!(err.contains("no/such/dir/s.csv"), "{err}");
}

/// Another core set for the hypothesis rows (X district's lead unit).
#[test]
fn summary_tests_any_core_set() {
    let (code, out, err) = coprod(&[
        "summary",
        "x_district",
        "--format",
        "json",
        "--core",
        "civil_affairs_bureau",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["core_actors"], 1.0);
    assert_eq!(v["core"], "civil_affairs_bureau");
    assert!(v["core_group_degree"].as_f64().unwrap() > 0.0);
}

/// A bad case directory given to any command lists every problem (exit 1),
/// as `validate` does.
#[test]
fn a_bad_case_directory_is_exit_1_with_every_problem() {
    let dir = std::env::temp_dir().join(format!("coprod-cli-bad2-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("case.toml"), "id = \"bad\"\n").unwrap();
    std::fs::write(
        dir.join("actors.csv"),
        "id,label,label_zh,kind,level,size,doc,quote\na,A,甲,church,community,,d,q\nb,B,乙,party,community,,d,q\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("ties.csv"),
        "source,target,layer,weight,doc,quote\nb,a,leadership,-2,d,q\n",
    )
    .unwrap();
    for cmd in ["summary", "measures", "edges", "multiplex-brokerage"] {
        let (code, out, err) = coprod(&[cmd, dir.to_str().unwrap()]);
        assert_eq!(code, 1, "{cmd}: {err}");
        assert!(out.is_empty());
        assert!(
            err.contains("unknown kind `church`") && err.contains("weight `-2`"),
            "{cmd}: {err}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn validate_says_which_encoding_and_delimiter_it_read() {
    let dir = std::env::temp_dir().join(format!("coprod-cli-gbk-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (actors, _, _) =
        encoding_rs::GB18030.encode("id;label_zh;kind;level\np;社區黨支部;party;community\n");
    std::fs::write(dir.join("actors.csv"), &actors).unwrap();
    std::fs::write(dir.join("ties.csv"), "source,target,layer\n").unwrap();
    let (code, out, _) = coprod(&["validate", dir.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(code, 0, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert!(
        lines[0].starts_with("no ") && lines[0].contains("case.toml"),
        "{out}"
    );
    // GB18030 without a mark is a guess: a warning naming the alternatives,
    // with the first non-ascii line as read.
    assert!(
        lines[1].starts_with("warning: ")
            && lines[1].contains("actors.csv is not UTF-8")
            && lines[1].contains("read as GB18030, a guess (Windows-1252")
            && lines[1].contains("社區黨支部"),
        "{out}"
    );
    assert!(
        lines[2].ends_with("actors.csv with `;` between columns"),
        "{out}"
    );
    assert!(lines[3].contains("1 actors (party 1)"), "{out}");
}

#[test]
fn export_writes_each_format_with_the_view_options() {
    let dir = std::env::temp_dir().join(format!("coprod-cli-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for format in ["graphml", "gexf", "pajek", "dl", "json", "dot"] {
        let path = dir.join(format!("x.{format}"));
        let (code, out, err) = coprod(&[
            "export",
            "jinsong",
            "--format",
            format,
            "--layers",
            "leadership",
            "--output",
            path.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{format}: {err}");
        assert!(out.is_empty());
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("street_party_working_committee"), "{format}");
        // Only the leadership layer, as a value of any format.
        for other in [
            ">deliberation<",
            "\"deliberation\"",
            ",deliberation",
            "\nresource",
        ] {
            assert!(!text.contains(other), "{format}: {other}");
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
    let (code, _, err) = coprod(&["export", "jinsong", "--format", "gml"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = coprod(&["export", "jinsong", "--format", "gexf", "--layers", "feud"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown layer `feud`; available: leadership"),
        "{err}"
    );
}

#[test]
fn compare_writes_verdicts_robustness_and_rejects_unknown_baselines() {
    // 20 draws: the test checks the report's shape and the errors, not the numbers.
    let (code, out, err) = coprod(&[
        "compare",
        "elevator_tx",
        "--baseline",
        "gnm,rewire",
        "--draws",
        "20",
        "--views",
        "directed,symmetric",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("## Exploratory: verdicts against each baseline (directed"),
        "{out}"
    );
    // elevator_tx has fewer than 10 actors: the pre-registered rule does not decide.
    assert!(
        out.contains("## The answer: this graph cannot tell"),
        "{out}"
    );
    assert!(out.contains("below the size limit"), "{out}");
    assert!(out.contains("## Robustness to coding"), "{out}");
    assert!(out.contains("| directed | symmetric |"), "{out}");
    assert!(err.is_empty(), "no progress bar off a terminal: {err}");
    let (code, csv, _) = coprod(&[
        "compare",
        "elevator_tx",
        "--baseline",
        "gnm",
        "--draws",
        "5",
        "--views",
        "directed",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0);
    assert!(
        csv.starts_with("case,coding,statistic,claim,observed"),
        "{csv}"
    );
    let (code, _, err) = coprod(&["compare", "elevator_tx", "--baseline", "polycentrc"]);
    assert_eq!(code, 2);
    for name in [
        "gnm",
        "dyad",
        "rewire",
        "sector-rewire",
        "block",
        "layer-shuffle",
        "polycentric",
        "one-core",
        "all",
    ] {
        assert!(err.contains(name), "{err}");
    }
    let (code, _, err) = coprod(&["compare", "elevator_tx", "--core", "nobody", "--draws", "2"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn compare_fits_the_dial_unless_told_not_to() {
    let args = [
        "compare",
        "elevator_sp", // elevator_sy since issue 22 has one leadership tie to its arena: λ̂ undefined
        "--baseline",
        "gnm",
        "--draws",
        "5",
        "--views",
        "directed",
        "--dial-draws",
        "6",
    ];
    let (code, out, _) = coprod(&args);
    assert_eq!(code, 0);
    assert!(out.contains("## Where on the dial"), "{out}");
    // λ̂ is printed only where the posterior predictive check passes;
    // otherwise the section says the dial does not reproduce the case.
    assert!(
        (out.contains("λ̂ = ") && out.contains("K = 4 centres"))
            || out.contains("The dial does not reproduce this case (K = 4)"),
        "{out}"
    );
    let (code, out, _) = coprod(&[&args[..], &["--no-dial"]].concat());
    assert_eq!(code, 0);
    assert!(!out.contains("Where on the dial"), "{out}");
    let (code, csv, _) = coprod(&[&args[..], &["--format", "csv"]].concat());
    assert_eq!(code, 0);
    let header = csv.lines().next().unwrap();
    assert!(
        header.ends_with(",lambda_hat,lambda_low,lambda_high,dial_check_p"),
        "{header}"
    );
    let row = csv.lines().nth(1).unwrap();
    let cells: Vec<&str> = row.split(',').rev().take(4).collect();
    let check: f64 = cells[0].parse().unwrap();
    assert!((0.0..=1.0).contains(&check), "{row}");
    if check >= 0.05 {
        let lambda: f64 = cells[3].parse().unwrap();
        assert!((0.25..=1.0).contains(&lambda), "{row}");
    } else {
        assert!(cells[1..].iter().all(|c| c.is_empty()), "{row}");
    }
    // X district has no party actor: the λ̂ cells are empty.
    let (code, csv, _) = coprod(&[
        "compare",
        "x_district",
        "--baseline",
        "gnm",
        "--draws",
        "3",
        "--views",
        "directed",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0);
    assert!(csv.lines().nth(1).unwrap().ends_with(",,,"), "{csv}");
}

#[test]
fn compare_with_plots_writes_a_figure_per_statistic_and_the_cross_case_panel() {
    let dir = std::env::temp_dir().join(format!("coprod-cli-plots-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let d = dir.to_str().unwrap();
    let (code, _, err) = coprod(&[
        "compare",
        "elevator_sp",
        "--draws",
        "20",
        "--baseline",
        "gnm,polycentric",
        "--views",
        "directed",
        "--plots",
        d,
    ]);
    assert_eq!(code, 0, "{err}");
    for s in coprod::compare::PANEL {
        let f = dir.join("elevator_sp").join(format!("{}.svg", s.name));
        let text = std::fs::read_to_string(&f).unwrap_or_else(|e| panic!("{f:?}: {e}"));
        roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{f:?}: {e}"));
        assert!(text.contains(&format!("statistic {}", s.name)), "{f:?}");
        assert!(err.contains(f.to_str().unwrap()), "{err}");
    }
    for f in [
        dir.join("elevator_sp").join("betweenness_by_kind.svg"),
        dir.join("cross_case.svg"),
    ] {
        let text = std::fs::read_to_string(&f).unwrap_or_else(|e| panic!("{f:?}: {e}"));
        roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{f:?}: {e}"));
    }
    let (code, _, err) = coprod(&[
        "compare",
        "elevator_sp",
        "--draws",
        "5",
        "--plots",
        d,
        "--lang",
        "fr",
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("en, zh"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn columns_lists_the_comparison_panel_and_every_baseline() {
    let (code, out, err) = coprod(&["columns"]);
    assert_eq!(code, 0, "{err}");
    let panel = out
        .split("coprod compare: the panel")
        .nth(1)
        .expect("a panel section");
    for s in coprod::compare::PANEL {
        let line = panel
            .lines()
            .find(|l| l.starts_with(&format!("  {}: claim ", s.name)))
            .unwrap_or_else(|| panic!("no line for {}", s.name));
        assert!(line.contains(s.reference), "{line}");
    }
    assert!(
        panel.contains("  core_brokerage_share: claim higher;"),
        "{panel}"
    );
    assert!(
        panel.contains("  effective_centres: claim lower;"),
        "{panel}"
    );
    let baselines = out
        .split("coprod compare --baseline: the baselines")
        .nth(1)
        .expect("a baseline section");
    for b in coprod::compare::BASELINES {
        let line = baselines
            .lines()
            .find(|l| l.starts_with(&format!("  {}: ", b.name)))
            .unwrap_or_else(|| panic!("no line for {}", b.name));
        assert!(line.contains(b.doc) && line.contains(b.reference), "{line}");
    }
    assert!(
        baselines.contains("  without-core: counterfactual, one graph"),
        "{baselines}"
    );
    assert!(baselines.contains("  gnm: random"), "{baselines}");
}

#[test]
fn ergm_fits_a_case_and_names_what_fails() {
    // A dyad-independent formula: the MLE is a logistic regression (fast, exact).
    let (code, out, err) = coprod(&[
        "ergm",
        "jinsong",
        "--formula",
        "edges + nodematch(\"sector\") + nodefactor(\"core\", levels=\"core\")",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let terms = v["terms"].as_array().unwrap();
    assert_eq!(terms.len(), 3);
    assert_eq!(terms[0]["term"], "edges");
    assert!(
        terms
            .iter()
            .all(|t| t["estimate"].is_f64() && t["se"].as_f64().unwrap() > 0.0)
    );
    assert!(
        v["estimator"]
            .as_str()
            .unwrap()
            .starts_with("MLE (dyad-independent")
    );
    // An unknown term lists the nearest ones; exit 2 (a usage error).
    let (code, _, err) = coprod(&[
        "ergm",
        "jinsong",
        "--formula",
        "edges + gwesb(0.5, fixed=TRUE)",
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("gwesp"), "{err}");
    // A case without a party actor: the core must be named.
    let (code, _, err) = coprod(&["ergm", "elevator_td"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--core"), "{err}");
}

#[test]
fn ergm_steps_times_a_chain_and_plots_draws_the_final_sample() {
    let f = "edges + nodematch(\"sector\") + gwesp(0.5, fixed=TRUE)";
    // --steps: one chain at the given coefficients, no fit.
    let (code, out, err) = coprod(&[
        "ergm",
        "jinsong",
        "--symmetric",
        "--formula",
        f,
        "--steps",
        "5000",
        "--coef",
        "-3,0.4,0.5",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["steps"], 5001);
    assert_eq!(v["names"][2], "gwesp.fixed.0.5");
    assert_eq!(v["observed"][0], 64.0, "Jinsong's symmetrised ties");
    assert_eq!(v["statistics"].as_array().unwrap().len(), 3);
    assert!(v["steps_per_second"].as_f64().unwrap() > 0.0);
    // A wrong number of coefficients names the statistics.
    let (code, _, err) = coprod(&[
        "ergm",
        "jinsong",
        "--symmetric",
        "--formula",
        f,
        "--steps",
        "10",
        "--coef",
        "1,2",
    ]);
    assert_ne!(code, 0);
    assert!(err.contains("nodematch.sector"), "{err}");
    let dir = std::env::temp_dir().join(format!("coprod_ergm_plots_{}", std::process::id()));
    let d = dir.to_str().unwrap();
    // An MPLE has no chain: --plots is refused, nothing written.
    let (code, _, err) = coprod(&[
        "ergm",
        "jinsong",
        "--formula",
        "edges + nodematch(\"sector\")",
        "--plots",
        d,
    ]);
    assert_ne!(code, 0);
    assert!(err.contains("--method mcmle"), "{err}");
    assert!(!dir.exists());
    // An MCMC-MLE fit: the trace and density of every statistic.
    let (code, _, err) = coprod(&[
        "ergm",
        "jinsong",
        "--symmetric",
        "--formula",
        f,
        "--method",
        "mcmle",
        "--plots",
        d,
    ]);
    assert_eq!(code, 0, "{err}");
    let svg = std::fs::read_to_string(dir.join("mcmc_diagnostics.svg")).unwrap();
    for name in ["edges", "nodematch.sector", "gwesp.fixed.0.5"] {
        assert!(svg.contains(&format!("Trace of {name}")), "{name}");
        assert!(svg.contains(&format!("Density of {name}")), "{name}");
    }
    assert!(dir.join("mcmc_diagnostics.png").exists());
    std::fs::remove_dir_all(&dir).unwrap();
}
