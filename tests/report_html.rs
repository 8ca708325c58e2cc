//! The main job's web page: self-contained, every case, sortable tables,
//! every table's CSV and JSON beside it, the comparison of every case, the
//! same bytes on a second run. A few draws per baseline keep it fast.

use std::process::Command;

fn run_main_job(dir: &std::path::Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_coprod"))
        .args(["report", "--draws", "4"])
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_main_job_writes_a_self_contained_sortable_page() {
    let dir = std::env::temp_dir().join(format!("coprod-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let log = run_main_job(&dir);
    assert!(log.contains("index.html"), "{log}");
    // What the main job prints and writes for every case (this is the test
    // suite's one run of `coprod report`).
    let cases = std::fs::read_to_string(dir.join("report/cases.csv")).unwrap();
    for name in coprod::cases::names() {
        assert!(
            log.lines().any(|l| l.starts_with(&format!("{name}:"))),
            "{name} missing:\n{log}"
        );
        assert!(
            cases.lines().any(|l| l.starts_with(&format!("{name},"))),
            "{name} not in cases.csv"
        );
        let actors =
            std::fs::read_to_string(dir.join(format!("report/{name}/actors.csv"))).unwrap();
        let g = coprod::cases::load(name).unwrap();
        assert_eq!(actors.lines().count(), g.actor_count() + 1);
        assert!(dir.join(format!("report/{name}/summary.csv")).is_file());
        assert!(dir.join(format!("report/{name}/aggregate.svg")).is_file());
        let json =
            std::fs::read_to_string(dir.join(format!("report/{name}/comparison.json"))).unwrap();
        assert!(
            json.contains("\"answer\""),
            "{name}: no answer in comparison.json"
        );
    }
    assert!(log.contains("best core (fit"), "{log}");
    assert_eq!(
        log.matches("answer (pre-registered rule):").count(),
        coprod::cases::names().len(),
        "{log}"
    );
    assert!(!log.contains("support one core"), "no verdict tally: {log}");
    let html = std::fs::read_to_string(dir.join("report/index.html")).unwrap();
    let md = std::fs::read_to_string(dir.join("report/index.md")).unwrap();
    // Every card carries the rule's outcome and what the rule detects at this size.
    assert!(
        !html.contains(coprod::report::ANSWER_NOT_RUN),
        "a card without its answer"
    );
    let outcomes = [
        "one core",
        "several centres",
        "polycentric",
        "this graph cannot tell",
    ];
    let cards = html.split("<div class=\"card\" id=").skip(1).count();
    assert_eq!(cards, coprod::cases::names().len());
    for card in html.split("<div class=\"card\" id=").skip(1) {
        assert!(outcomes.iter().any(|o| card.contains(o)), "{card}");
        assert!(
            card.contains("What the rule detects at this size"),
            "{card}"
        );
    }
    // XML-ish: every element closed, attributes quoted (the DOCTYPE aside).
    let body = html.strip_prefix("<!DOCTYPE html>\n").unwrap();
    let doc = roxmltree::Document::parse(body).unwrap_or_else(|e| panic!("not XML-ish: {e}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "html");
    let count = |tag: &str| {
        root.descendants()
            .filter(|n| n.tag_name().name() == tag)
            .count()
    };
    let names = coprod::cases::names();
    assert!(count("svg") >= names.len(), "one inline figure per case");
    for name in &names {
        assert!(
            root.descendants()
                .any(|n| n.tag_name().name() == "section" && n.attribute("id") == Some(name)),
            "{name} has no section"
        );
        assert!(
            md.contains(&format!("## {}", name.replace('_', "\\_"))),
            "{name} not in index.md"
        );
    }
    let tables: Vec<_> = root
        .descendants()
        .filter(|n| n.tag_name().name() == "table")
        .collect();
    assert!(tables.len() > names.len() * 5);
    assert!(tables.iter().all(|t| {
        t.attribute("class")
            .is_some_and(|c| c.split(' ').any(|x| x == "sortable"))
    }));
    assert!(html.contains("<script>") && html.contains("addEventListener('click'"));
    assert!(!html.contains("http://") && !html.contains("https://"));
    assert!(!html.contains("<link") && !html.contains(" src="));
    assert!(html.contains("cross-case") && !html.contains("not part of the main job"));
    // Every link of the page is a file the job wrote beside it.
    let links: Vec<&str> = root
        .descendants()
        .filter_map(|n| n.attribute("href"))
        .filter(|h| !h.starts_with('#'))
        .collect();
    for h in &links {
        // A link ending in `/` is a folder the job wrote (a case's plots).
        let target = dir.join("report").join(h);
        assert!(
            if h.ends_with('/') {
                target.is_dir()
            } else {
                target.is_file()
            },
            "{h} is linked, not written"
        );
    }
    let report = dir.join("report");
    for name in &names {
        for stem in ["brokerage", "summary", "actors", "comparison"] {
            for ext in ["csv", "json"] {
                let f = format!("{name}/{stem}.{ext}");
                assert!(links.contains(&f.as_str()), "{f} not linked");
            }
        }
        for m in coprod::report::TOP_MEASURES {
            assert!(links.contains(&format!("{name}/top_{m}.csv").as_str()));
        }
        let cmp = std::fs::read_to_string(report.join(name).join("comparison.md")).unwrap();
        assert!(cmp.contains("4 draws each") && cmp.contains("## Robustness to coding"));
        assert!(
            html.contains(&format!("{name}/comparison_robustness_to_coding.csv")),
            "{name}: no robustness table"
        );
        // The brokerage table: brokers only, by total, from the actor table.
        let b = std::fs::read_to_string(report.join(name).join("brokerage.csv")).unwrap();
        let mut lines = b.lines();
        assert_eq!(
            lines.next().unwrap(),
            "id,label,sector,coordinator,itinerant,representative,gatekeeper,liaison,brokerage"
        );
        let actors = std::fs::read_to_string(report.join(name).join("actors.csv")).unwrap();
        let header: Vec<&str> = actors.lines().next().unwrap().split(',').collect();
        let total = header.iter().position(|h| *h == "brokerage").unwrap();
        let brokers = actors
            .lines()
            .skip(1)
            .filter(|l| l.split(',').nth(total).unwrap().parse::<f64>().unwrap() > 0.0)
            .count();
        assert_eq!(lines.count(), brokers, "{name}: one row per broker");
        // Top lists do not pad with zeros.
        for m in coprod::report::TOP_MEASURES {
            let t =
                std::fs::read_to_string(report.join(name).join(format!("top_{m}.csv"))).unwrap();
            let rows: Vec<&str> = t.lines().skip(1).collect();
            assert!(rows.len() <= coprod::report::TOP_K);
            for r in &rows {
                let v: f64 = r.rsplit(',').next().unwrap().parse().unwrap();
                assert!(v > 0.0, "{name} top {m}: {r}");
            }
        }
    }
    // elevator_sp has one actor with a positive betweenness: one row, said so.
    let sp = std::fs::read_to_string(report.join("elevator_sp/top_betweenness.csv")).unwrap();
    assert_eq!(sp.lines().count(), 2, "{sp}");
    assert!(html.contains("Only 1 actor has a positive betweenness."));
    let cross = std::fs::read_to_string(report.join("comparison.md")).unwrap();
    assert!(names.iter().all(|n| cross.contains(&format!("| {n} |"))));
    let all: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(report.join("comparison.json")).unwrap())
            .unwrap();
    assert_eq!(all.as_array().unwrap().len(), names.len());
    // Idempotent.
    run_main_job(&dir);
    assert_eq!(
        std::fs::read(dir.join("report/index.html")).unwrap(),
        html.as_bytes()
    );
    assert_eq!(
        std::fs::read(dir.join("report/index.md")).unwrap(),
        md.as_bytes()
    );
    assert_eq!(
        std::fs::read_to_string(report.join("comparison.md")).unwrap(),
        cross
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_main_job_compares_with_every_baseline() {
    let o = coprod::report::main_job_compare_options(coprod::compare::DEFAULT_DRAWS);
    assert_eq!(o.draws, 1000);
    let names: Vec<&str> = o.baselines.iter().map(|b| b.name).collect();
    let all: Vec<&str> = coprod::compare::BASELINES.iter().map(|b| b.name).collect();
    assert_eq!(names, all);
    assert!(o.codings.is_empty(), "every coding of the robustness table");
}
