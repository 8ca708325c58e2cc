//! The main job's web page: self-contained, every case, sortable tables,
//! the same bytes on a second run.

use std::process::Command;

fn run_main_job(dir: &std::path::Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_coprod"))
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
    let html = std::fs::read_to_string(dir.join("report/index.html")).unwrap();
    let md = std::fs::read_to_string(dir.join("report/index.md")).unwrap();
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
    assert!(
        tables
            .iter()
            .all(|t| t.attribute("class") == Some("sortable"))
    );
    assert!(html.contains("<script>") && html.contains("addEventListener('click'"));
    assert!(!html.contains("http://") && !html.contains("https://"));
    assert!(!html.contains("<link") && !html.contains(" src="));
    assert!(html.contains("cross-case") && html.contains("not part of the main job"));
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
    std::fs::remove_dir_all(&dir).unwrap();
}
