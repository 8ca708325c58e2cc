//! Inter-coder agreement: κ and α against scikit-learn and `krippendorff`
//! (fixtures of `scripts/reference/agreement.py`, within 1e-12), the matcher
//! on constructed codings with known matches, splits and merges, and the
//! confusion tables and disagreements of a hand-made pair, counted by hand.

mod common;

use coprod::agreement::{
    AgreementOptions, Combination, DisagreementKind, Mapping, MatchRule, Scope, Side, agree,
    cohen_kappa, krippendorff_alpha, match_actors,
};
use coprod::model::MultiplexGraph;
use serde_json::Value;

fn fixture() -> Value {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/agreement/agreement.json");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
    let tools = &v["tools"];
    assert!(tools["scikit-learn"].is_string() && tools["krippendorff"].is_string());
    v
}

fn case(name: &str, actors: &str, ties: &str) -> MultiplexGraph {
    coprod::io::load_case_str(name, &format!("id = \"{name}\"\n"), actors, ties).unwrap()
}

#[test]
fn kappa_and_alpha_equal_sklearn_and_krippendorff_on_label_vectors() {
    let f = fixture();
    let tables = f["tables"].as_array().unwrap();
    assert!(tables.len() >= 5, "the fixture compared nothing");
    for t in tables {
        let k = t["categories"].as_u64().unwrap() as usize;
        let mut table = vec![vec![0u64; k]; k];
        let (a, b) = (t["a"].as_array().unwrap(), t["b"].as_array().unwrap());
        for (x, y) in a.iter().zip(b) {
            table[x.as_u64().unwrap() as usize][y.as_u64().unwrap() as usize] += 1;
        }
        let name = t["name"].as_str().unwrap();
        common::opt_within(
            cohen_kappa(&table),
            &t["kappa"],
            common::CLOSED_FORM,
            &format!("{name} kappa"),
        );
        common::opt_within(
            krippendorff_alpha(&table),
            &t["alpha"],
            common::CLOSED_FORM,
            &format!("{name} alpha"),
        );
    }
}

#[test]
fn agree_equals_the_reference_on_codings() {
    let f = fixture();
    let codings = f["codings"].as_array().unwrap();
    assert!(codings.len() >= 3, "the fixture compared nothing");
    let mut layers_seen = 0;
    for c in codings {
        let name = c["name"].as_str().unwrap();
        let a = case(
            "a",
            c["a"]["actors"].as_str().unwrap(),
            c["a"]["ties"].as_str().unwrap(),
        );
        let b = case(
            "b",
            c["b"]["actors"].as_str().unwrap(),
            c["b"]["ties"].as_str().unwrap(),
        );
        let x = agree(&a, &b, &AgreementOptions::default()).unwrap();
        let want = c["layers"].as_object().unwrap();
        assert_eq!(
            x.layers.len(),
            want.len(),
            "{name}: layers either coding uses"
        );
        let rows = x
            .layers
            .iter()
            .map(|l| (l.layer.as_str(), l))
            .chain([("all", &x.overall)]);
        for (layer, got) in rows {
            let w = if layer == "all" {
                &c["overall"]
            } else {
                &want[layer]
            };
            let what = format!("{name} {layer}");
            for (k, v) in [
                ("items", got.items),
                ("both", got.both),
                ("only_a", got.only_a),
                ("only_b", got.only_b),
            ] {
                assert_eq!(v, w[k].as_u64().unwrap(), "{what} {k}");
            }
            common::opt_within(
                got.jaccard,
                &w["jaccard"],
                common::CLOSED_FORM,
                &format!("{what} jaccard"),
            );
            common::opt_within(
                got.kappa,
                &w["kappa"],
                common::CLOSED_FORM,
                &format!("{what} kappa"),
            );
            common::opt_within(
                got.alpha,
                &w["alpha"],
                common::CLOSED_FORM,
                &format!("{what} alpha"),
            );
            layers_seen += 1;
        }
    }
    assert!(layers_seen >= 20);
}

/// The fixture's hand pair, read by hand: p → r leadership agreed (A's
/// duplicate collapsed); s → f administrative reversed in B; f → r service
/// in A, resource in B; deliberation r — arena agreed and p — arena agreed
/// though written the other way round; s — arena only in B; x (only A) and
/// y (only B) each with one information tie; tension r — f only in A.
#[test]
fn hand_pair_tables_and_disagreements() {
    let f = fixture();
    let c = &f["codings"][0];
    assert_eq!(c["name"], "hand");
    let a = case(
        "a",
        c["a"]["actors"].as_str().unwrap(),
        c["a"]["ties"].as_str().unwrap(),
    );
    let b = case(
        "b",
        c["b"]["actors"].as_str().unwrap(),
        c["b"]["ties"].as_str().unwrap(),
    );
    let x = agree(&a, &b, &AgreementOptions::default()).unwrap();
    assert_eq!(x.matching.unmatched(Side::A), ["x"]);
    assert_eq!(x.matching.unmatched(Side::B), ["y"]);
    assert_eq!(
        (x.overall.both, x.overall.only_a, x.overall.only_b),
        (3, 4, 4)
    );
    let adm = x
        .layers
        .iter()
        .find(|l| l.layer == "administrative")
        .unwrap();
    assert_eq!(adm.reversed, 1);
    // direction: rows A none/one/both, columns B none/same/reversed/both
    // pairs × directed layer: {p,r} lead (one, same); {s,f} adm (one, reversed);
    // {f,r} service (one, none); {f,r} resource (none, same);
    // {x,r} information (one, none); {y,s} information (none, same)
    assert_eq!(
        x.direction.counts,
        vec![vec![0, 2, 0, 0], vec![2, 1, 1, 0], vec![0, 0, 0, 0]]
    );
    // layers: labels = 7 standard + none
    let l = &x.layer_confusion;
    let at = |r: &str, c: &str| {
        let i = l.labels.iter().position(|x| x == r).unwrap();
        let j = l.labels.iter().position(|x| x == c).unwrap();
        l.counts[i][j]
    };
    assert_eq!(at("leadership", "leadership"), 1);
    assert_eq!(at("administrative", "administrative"), 1); // reversed, same layer
    assert_eq!(at("service", "resource"), 1);
    assert_eq!(at("tension", "resource"), 1); // {f,r}: A service+tension, B resource
    assert_eq!(at("deliberation", "deliberation"), 2);
    assert_eq!(at("none", "deliberation"), 1); // s — arena
    assert_eq!(at("information", "none"), 1); // x — r
    assert_eq!(at("none", "information"), 1); // y — s
    assert_eq!(l.counts.iter().flatten().sum::<u64>(), 9);
    let kinds: Vec<(String, Side, DisagreementKind)> = x
        .disagreements
        .iter()
        .map(|d| {
            (
                format!("{} {}-{}", d.layer, d.source, d.target),
                d.only_in,
                d.kind,
            )
        })
        .collect();
    use DisagreementKind::*;
    assert_eq!(
        kinds,
        vec![
            ("administrative s-f".into(), Side::A, Reversed),
            ("administrative f-s".into(), Side::B, Reversed),
            ("deliberation s-arena".into(), Side::B, Absent),
            ("resource f-r".into(), Side::B, OtherLayer),
            ("service f-r".into(), Side::A, OtherLayer),
            ("information x-r".into(), Side::A, Unmatched),
            ("information y-s".into(), Side::B, Unmatched),
            ("tension r-f".into(), Side::A, OtherLayer),
        ]
    );
    // both quotes side by side: A's service tie against B's resource tie
    let d = &x.disagreements[4];
    assert_eq!((d.a.len(), d.b.len()), (1, 1)); // A's service tie; B's ties between f and r
    assert_eq!(d.a[0].layer, "service");
    assert_eq!(d.b[0].layer, "resource");
    // combinations
    let and = x.combined(Combination::Intersection).unwrap();
    assert_eq!((and.actor_count(), and.tie_count()), (5, 3));
    let or = x.combined(Combination::Union).unwrap();
    assert_eq!((or.actor_count(), or.tie_count()), (7, 11));
    // matched scope: the two ties of x and y are set aside
    let m = agree(
        &a,
        &b,
        &AgreementOptions {
            scope: Scope::Matched,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(m.excluded.len(), 2);
    assert_eq!(m.layers[0].items, 5 * 4);
}

const ACTORS_A: &str = "id,label,label_zh,kind,level\n\
    branch,Community party branch,社區黨支部,party,community\n\
    rc,Residents' committee,居委會,block,community\n\
    alliances,The three alliances,三大聯盟,arena,community\n\
    firm,Vision Group,愿景集團,market,community\n\
    residents,Residents,居民,resident,community\n\
    twin_a,Building head,樓長,resident,building\n\
    twin_b,Building head,樓長,resident,building\n\
    office,Sub-district office,街道辦事處,block,subdistrict\n";

const ACTORS_B: &str = "id,label,label_zh,kind,level\n\
    party_branch,,社区党支部,party,community\n\
    residents_committee,THE  residents committee,,block,community\n\
    party_alliance,Party-building alliance,党建联盟,arena,community\n\
    welfare_alliance,Public-welfare alliance,公益联盟,arena,community\n\
    autonomy_alliance,Autonomy alliance,自治联盟,arena,community\n\
    firm,Vision,願景集團,social,community\n\
    residents,Residents,居民,resident,community\n\
    head,Building head,楼长,resident,building\n\
    street,Street office,街道办,block,subdistrict\n\
    subdistrict_office,Sub-district office,街道辦事處,block,subdistrict\n";

#[test]
fn matcher_by_id_label_and_map_with_splits_and_merges() {
    let a = case(
        "a",
        ACTORS_A,
        "source,target,layer\nbranch,residents,leadership\n",
    );
    let b = case(
        "b",
        ACTORS_B,
        "source,target,layer\nparty_branch,residents,leadership\n",
    );
    let m = match_actors(&a, &b, None).unwrap();
    let link = |x: &str| {
        m.links
            .iter()
            .find(|l| l.a == x)
            .map(|l| (l.b.as_str(), l.rule))
    };
    assert_eq!(link("firm"), Some(("firm", MatchRule::Id))); // id first, whatever the labels
    assert_eq!(link("residents"), Some(("residents", MatchRule::Id)));
    assert_eq!(link("branch"), Some(("party_branch", MatchRule::LabelZh))); // 黨 = 党
    assert_eq!(link("rc"), Some(("residents_committee", MatchRule::Label))); // "The", case, '
    assert_eq!(
        link("office"),
        Some(("subdistrict_office", MatchRule::LabelZh))
    );
    // two A actors share the label of one B actor: ambiguous, not guessed
    assert_eq!(link("twin_a"), None);
    assert!(
        m.ambiguous
            .iter()
            .any(|x| x.side == Side::B && x.id == "head" && x.candidates == ["twin_a", "twin_b"])
    );
    // the alliances: no label matches; unmatched on both sides
    assert!(m.unmatched(Side::A).contains(&"alliances"));
    assert_eq!(
        m.unmatched(Side::B),
        [
            "party_alliance",
            "welfare_alliance",
            "autonomy_alliance",
            "head",
            "street"
        ]
    );
    // the mapping: a split (one A actor, three B actors) and a merge (two A, one B),
    // and it overrides the label step for what it names
    let map = Mapping::parse(
        "map.csv",
        "a,b,note\nalliances,party_alliance,\nalliances,welfare_alliance,\nalliances,autonomy_alliance,split\n\
         twin_a,head,\ntwin_b,head,merge\noffice,street,\n",
    )
    .unwrap();
    let m = match_actors(&a, &b, Some(&map)).unwrap();
    let g = m.groups.iter().find(|g| g.a == ["alliances"]).unwrap();
    assert_eq!(
        g.b,
        ["party_alliance", "welfare_alliance", "autonomy_alliance"]
    );
    assert_eq!(g.id, "alliances");
    let g = m.groups.iter().find(|g| g.b == ["head"]).unwrap();
    assert_eq!(
        (g.a.clone(), g.id.as_str()),
        (
            vec!["twin_a".to_string(), "twin_b".into()],
            "twin_a__twin_b"
        )
    );
    let g = m.groups.iter().find(|g| g.a == ["office"]).unwrap();
    assert_eq!(g.b, ["street"]); // the map wins over the label match
    assert_eq!(m.unmatched(Side::B), ["subdistrict_office"]);
    assert!(m.unmatched(Side::A).is_empty());
    assert!(m.ambiguous.is_empty());
    assert_eq!(
        m.links.iter().filter(|l| l.rule == MatchRule::Map).count(),
        6
    );
    // every actor in exactly one group
    let na: usize = m.groups.iter().map(|g| g.a.len()).sum();
    let nb: usize = m.groups.iter().map(|g| g.b.len()).sum();
    assert_eq!((na, nb), (a.actor_count(), b.actor_count()));
    // kind differences reported for matched groups: firm market vs social
    let x = agree(
        &a,
        &b,
        &AgreementOptions {
            mapping: Some(map),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(
        x.actor_differences
            .iter()
            .any(|d| d.group == "firm" && d.attribute == "kind" && d.b == ["social"])
    );
}

#[test]
fn split_ties_collapse_onto_the_group_and_inside_ties_are_set_aside() {
    let a = case(
        "a",
        ACTORS_A,
        "source,target,layer\nbranch,alliances,leadership\nfirm,alliances,deliberation\n",
    );
    let b = case(
        "b",
        ACTORS_B,
        "source,target,layer\nparty_branch,party_alliance,leadership\nparty_branch,welfare_alliance,leadership\n\
         firm,autonomy_alliance,deliberation\nparty_alliance,welfare_alliance,deliberation\n",
    );
    let map = Mapping::parse(
        "map.csv",
        "a,b\nalliances,party_alliance\nalliances,welfare_alliance\nalliances,autonomy_alliance\n",
    )
    .unwrap();
    let x = agree(
        &a,
        &b,
        &AgreementOptions {
            mapping: Some(map),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        (x.overall.both, x.overall.only_a, x.overall.only_b),
        (2, 0, 0)
    );
    assert_eq!(x.excluded.len(), 1);
    assert_eq!(x.excluded[0].reason, "inside group");
    let lead = x.disagreements.len();
    assert_eq!(lead, 0);
    // the agreed leadership item carries both of B's ties
    let or = x.combined(Combination::Union).unwrap();
    assert_eq!(or.tie_count(), 2);
}

#[test]
fn mapping_errors_name_file_line_and_value() {
    let a = case("a", ACTORS_A, "source,target,layer\n");
    let b = case("b", ACTORS_B, "source,target,layer\n");
    let map = Mapping::parse(
        "map.csv",
        "a,b\nbranch,party_branch\nbrnch,party_branch\nfirm,frim\n",
    )
    .unwrap();
    let e = match_actors(&a, &b, Some(&map)).unwrap_err().to_string();
    assert!(
        e.contains("map.csv:3 (column `a`): unknown actor `brnch`"),
        "{e}"
    );
    assert!(
        e.contains("map.csv:4 (column `b`): unknown actor `frim`"),
        "{e}"
    );
    assert!(e.contains("branch"), "lists what exists: {e}");
    let e = Mapping::parse("map.csv", "a,b\n,x\n")
        .unwrap_err()
        .to_string();
    assert!(e.contains("map.csv:2 (column `a`)"), "{e}");
    let e = Mapping::parse("map.csv", "a,b\nx,y,z\n")
        .unwrap_err()
        .to_string();
    assert!(e.contains("map.csv"), "{e}");
}

#[test]
fn identical_codings_agree_perfectly_and_layers_must_match() {
    let g = coprod::cases::load("jinsong").unwrap();
    let x = agree(&g, &g, &AgreementOptions::default()).unwrap();
    assert_eq!(x.overall.kappa, Some(1.0));
    assert_eq!(x.overall.alpha, Some(1.0));
    assert!(x.disagreements.is_empty());
    // one tie per (source, target, layer) in a bundled case: every tie is an agreed item
    assert_eq!(x.overall.both as usize, g.tie_count());
    assert!(x.excluded.is_empty());
    let and = x.combined(Combination::Intersection).unwrap();
    assert_eq!(and.tie_count(), g.tie_count());
    let a = coprod::io::load_case_str(
        "a",
        "id = \"a\"\n[[layers]]\nname = \"kin\"\ndirected = false\n",
        "id,kind,level\nx,party,community\ny,party,community\n",
        "source,target,layer\nx,y,kin\n",
    )
    .unwrap();
    let b = coprod::io::load_case_str(
        "b",
        "id = \"b\"\n[[layers]]\nname = \"kin\"\ndirected = true\n",
        "id,kind,level\nx,party,community\ny,party,community\n",
        "source,target,layer\nx,y,kin\n",
    )
    .unwrap();
    let e = agree(&a, &b, &AgreementOptions::default())
        .unwrap_err()
        .to_string();
    assert!(e.contains("`kin` is undirected"), "{e}");
}

/// The answer table's columns are the panel statistics on each reading:
/// A and B as coded, the intersection and union as `combined` builds them.
#[test]
fn answer_table_equals_the_panel_on_each_reading() {
    use coprod::compare::{Coding, PANEL, panel};
    use coprod::model::{CoreSet, Kind};
    for name in coprod::cases::names_with_coding_b() {
        let a = coprod::cases::load(name).unwrap();
        let b = coprod::cases::load_coding_b(name).unwrap().unwrap();
        let c = coprod::report::compare_codings(
            &a,
            &b,
            &AgreementOptions::default(),
            &CoreSet::default(),
        )
        .unwrap();
        let and = c.agreement.combined(Combination::Intersection).unwrap();
        let or = c.agreement.combined(Combination::Union).unwrap();
        for (k, g) in [&a, &b, &and, &or].into_iter().enumerate() {
            let view = Coding::Directed.view(g).unwrap();
            let values = panel(&view, view.node_set_of_kind(Kind::Party)).unwrap();
            for row in &c.answer {
                let i = PANEL.iter().position(|s| s.name == row.name).unwrap();
                assert_eq!(row.values[k], values[i], "{name} {} reading {k}", row.name);
            }
        }
    }
    assert!(
        !coprod::cases::names_with_coding_b().is_empty(),
        "no second coding bundled"
    );
}

/// An id core follows the matching: on B it is B's actors of the core's
/// group, on a combination the group; a core actor B lacks is undefined there.
#[test]
fn id_cores_follow_the_matching() {
    use coprod::compare::Value;
    use coprod::model::CoreSet;
    let a = case(
        "a",
        ACTORS_A,
        "source,target,layer\nbranch,residents,leadership\nfirm,residents,service\n",
    );
    let b = case(
        "b",
        ACTORS_B,
        "source,target,layer\nparty_branch,residents,leadership\nfirm,residents,service\n",
    );
    let core: CoreSet = "branch".parse().unwrap();
    let c = coprod::report::compare_codings(&a, &b, &AgreementOptions::default(), &core).unwrap();
    assert_eq!(
        c.core_ids,
        vec![
            vec!["branch".to_string()],
            vec!["party_branch".into()],
            vec!["branch".into()],
            vec!["branch".into()]
        ]
    );
    let core: CoreSet = "twin_a".parse().unwrap();
    let c = coprod::report::compare_codings(&a, &b, &AgreementOptions::default(), &core).unwrap();
    assert!(
        matches!(&c.answer[2].values[1], Value::Undefined(why) if why.contains("matched no actor of coding B"))
    );
    let bad: CoreSet = "nobody".parse().unwrap();
    assert!(coprod::report::compare_codings(&a, &b, &AgreementOptions::default(), &bad).is_err());
}

#[test]
fn outcomes_equal_the_answer_of_compare() {
    // The four readings of `coprod agree` (A directed, B, A ∩ B, A ∪ B) are
    // the same computation as compare's answer on those codings: equal bit
    // for bit. The size limit is raised above LY's size so that the ERGM
    // (E3, E4; its own tests are tests/ergm*.rs and tests/answer.rs) is not
    // fitted eleven times here: E1 and E2 still run on every reading with
    // the core read through the matching.
    use coprod::compare::answer::{AnswerOptions, SecondCoding, answer_case, registered_core};
    use coprod::model::CoreSet;
    let a = coprod::cases::load("ly").unwrap();
    let b = coprod::cases::load_coding_b("ly").unwrap().unwrap();
    let map = coprod::cases::coding_b_mapping("ly").unwrap();
    let mut opts = AnswerOptions::default();
    opts.pairs.randomisations = 40;
    opts.min_actors = 1_000;
    let c = coprod::report::compare_codings_answered(
        &a,
        &b,
        &AgreementOptions {
            mapping: map.clone(),
            ..AgreementOptions::default()
        },
        &CoreSet::default(),
        &opts,
    )
    .unwrap();
    let got = c.outcomes.as_ref().unwrap();
    let want = answer_case(
        &a,
        Some(SecondCoding {
            graph: &b,
            mapping: map.as_ref(),
        }),
        &registered_core("ly"),
        &opts,
    )
    .unwrap();
    let names: Vec<&str> = got.codings.iter().map(|x| x.coding.as_str()).collect();
    assert_eq!(names, ["directed", "coding_b", "a_and_b", "a_or_b"]);
    for x in &got.codings {
        let w = want.codings.iter().find(|w| w.coding == x.coding).unwrap();
        assert_eq!(x, w, "{}", x.coding);
    }
    assert_eq!(
        got.robust,
        got.codings
            .iter()
            .all(|x| x.decision.outcome == got.codings[0].decision.outcome)
    );
    let md = coprod::report::agreement_markdown(&c, false);
    assert!(md.contains("| A ∩ B | "), "{md}");
}
