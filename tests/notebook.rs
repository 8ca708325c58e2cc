//! The README's notebook walkthrough is the notebook: its `rust,ignore`
//! blocks under "## Notebook" are `examples/notebook.ipynb`'s code cells, in
//! order, character for character. (`scripts/notebook` runs the cells.)

fn readme_cells() -> Vec<String> {
    let readme = include_str!("../README.md");
    let start = readme
        .find("\n## Notebook\n")
        .expect("README has a Notebook section");
    let section = &readme[start + 1..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |i| i + 3)];
    let mut cells = Vec::new();
    let mut cell: Option<Vec<&str>> = None;
    for line in section.lines() {
        let t = line.trim_start();
        match (&mut cell, t) {
            (None, "```rust,ignore") => cell = Some(Vec::new()),
            (Some(c), "```") => {
                cells.push(c.join("\n"));
                cell = None;
            }
            (Some(c), _) => c.push(line.strip_prefix("   ").unwrap_or(line)),
            (None, _) => {}
        }
    }
    cells
}

fn notebook_cells() -> Vec<String> {
    let nb: serde_json::Value =
        serde_json::from_str(include_str!("../examples/notebook.ipynb")).unwrap();
    assert_eq!(nb["metadata"]["kernelspec"]["name"], "rust");
    nb["cells"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["cell_type"] == "code")
        .map(|c| {
            c["source"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l.as_str().unwrap())
                .collect::<String>()
        })
        .collect()
}

#[test]
fn the_readme_walks_through_the_notebook_cell_by_cell() {
    let readme = readme_cells();
    let nb = notebook_cells();
    assert_eq!(readme.len(), 8, "{readme:#?}");
    assert_eq!(readme, nb);
    assert!(nb[0].starts_with(":dep coprod = { path = \"..\", default-features = false"));
    for step in [
        "cases::load(\"jinsong\")",
        "actor_table",
        "graph_summary",
        "scores(\"brokerage\")",
        "render(",
        "compare(&g",
        "to_gexf",
    ] {
        assert!(nb.iter().any(|c| c.contains(step)), "no cell does {step}");
    }
}
