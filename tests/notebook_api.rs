//! What a notebook user holds and sees: owned snapshots, results keyed by
//! actor id, tables that display themselves, search by label.

use coprod::measures::centrality::{DegreeOptions, betweenness, degree};
use coprod::prelude::*;

#[test]
fn scores_are_keyed_by_id_on_a_view_without_some_actors() {
    let g = cases::load("jinsong").unwrap();
    let full = View::aggregate(&g).snapshot();
    let part = View::aggregate(&g).without_kind(Kind::Party).snapshot();
    let d_full = full
        .scores("degree", degree(&full, &DegreeOptions::default()))
        .unwrap();
    let d_part = part
        .scores("degree", degree(&part, &DegreeOptions::default()))
        .unwrap();
    // The dense index of an actor differs between the views; its score is found by id.
    let id = "subdistrict_office";
    assert_ne!(full.index(id).unwrap(), part.index(id).unwrap());
    let raw = degree(&part, &DegreeOptions::default());
    assert_eq!(d_part.get(id).unwrap(), raw[part.index(id).unwrap()]);
    assert!(d_full.get(id).unwrap() > 0.0);
    // A left-out actor is an error naming the ids, never another actor's value.
    let e = d_part.get("street_party_working_committee").unwrap_err();
    assert!(e.to_string().contains("unknown actor"), "{e}");
    // Snapshots are 'static and cheap to clone: they outlive the view and the graph.
    let kept: Snapshot = {
        let g2 = cases::load("ly").unwrap();
        View::aggregate(&g2).snapshot()
    };
    let b = kept
        .scores("betweenness", betweenness(&kept, &Default::default()))
        .unwrap();
    assert_eq!(b.top(1)[0].id, "community_party_branch");
    assert_eq!(
        b.top(1)[0].label,
        "community party branch (community party organisation)"
    );
    assert_eq!(kept.clone().ids(), kept.ids());
}

#[test]
fn tables_display_as_aligned_text() {
    let g = cases::load("x_district").unwrap();
    let view = View::aggregate(&g);
    let s = graph_summary(&view, &ReportOptions::default()).unwrap();
    let text = s.to_string();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("measure"), "{text}");
    assert!(lines[1].starts_with("-------"));
    assert!(text.contains("core_actors"));
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("actors ") && l.ends_with(" 21")),
        "{text}"
    );
    let t = actor_table(&view, &ReportOptions::default()).unwrap();
    let shown = t.to_string();
    assert_eq!(shown.lines().count(), g.actor_count() + 2);
    // A score column displays sorted, highest first (ties by id), with labels.
    let col = t.scores("liaison").unwrap();
    let text = col.to_string();
    let header: Vec<&str> = text.lines().next().unwrap().split_whitespace().collect();
    assert_eq!(header, ["#", "id", "label", "liaison"], "{text}");
    assert_eq!(text.lines().count(), g.actor_count() + 1);
    let shown: Vec<&str> = text
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().nth(1).unwrap())
        .collect();
    let mut want: Vec<(f64, &str)> = col.iter().map(|(id, v)| (v, id)).collect();
    want.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    assert_eq!(shown, want.iter().map(|p| p.1).collect::<Vec<_>>());
    let first = g.actor_by_id(shown[0]).unwrap();
    assert!(
        text.lines().nth(1).unwrap().contains(&first.label),
        "{text}"
    );
    // top(k) is owned: it outlives the table and the graph it came from.
    let top = {
        let g2 = cases::load("ly").unwrap();
        let t2 = actor_table(&View::aggregate(&g2), &ReportOptions::default()).unwrap();
        t2.scores("brokerage").unwrap().top(3)
    };
    assert_eq!(top.len(), 3);
    assert!(top[0].value >= top[1].value && top[1].value >= top[2].value);
    assert!(t.scores("liason").is_err());
}

#[test]
fn actors_are_found_by_label_and_display_themselves() {
    let g = cases::load("jinsong").unwrap();
    let hits = g.find("愿景");
    assert!(hits.iter().any(|a| a.id == "vision_group"), "{hits:?}");
    let a = g.actor_by_id("vision_group").unwrap();
    assert!(
        a.to_string()
            .starts_with("vision_group (market, community): "),
        "{a}"
    );
    let t = g.ties().next().unwrap();
    assert!(
        g.describe_tie(t).contains(" [leadership] "),
        "{}",
        g.describe_tie(t)
    );
    // petgraph's DOT writer works on the graph as it is.
    let dot = format!("{}", coprod::petgraph::dot::Dot::new(g.petgraph()));
    assert!(dot.starts_with("digraph {"));
    assert!(dot.contains("vision_group (market, community)"));
}
