//! The bundled cases: they load, every row has provenance, and the structural
//! facts the papers state hold in the data.

use coprod::cases;
use coprod::model::{
    Certainty, FactValue, Kind, MultiplexGraph, OutcomeEvidence, OutcomeStatus, STANDARD_LAYERS,
    View,
};

fn has_tie(g: &MultiplexGraph, s: &str, t: &str, layer: &str) -> bool {
    let (s, t) = (g.actor_index(s).unwrap(), g.actor_index(t).unwrap());
    let l = g.layer_id(layer).unwrap();
    g.ties()
        .any(|x| x.source == s && x.target == t && x.layer == l)
}

/// Each actor of `chain` leads the next (leadership ties), and all are party actors.
fn assert_party_chain(g: &MultiplexGraph, chain: &[&str]) {
    for w in chain.windows(2) {
        assert!(has_tie(g, w[0], w[1], "leadership"), "{} -> {}", w[0], w[1]);
    }
    for id in chain {
        assert_eq!(g.actor_by_id(id).unwrap().kind, Kind::Party, "{id}");
    }
}

fn is_seed_file(doc: &str) -> bool {
    let b = doc.as_bytes();
    b.len() == 24
        && b[..3].iter().all(u8::is_ascii_digit)
        && b[3] == b'_'
        && b[4..20].iter().all(|c| c.is_ascii_hexdigit())
        && doc.ends_with(".txt")
}

#[test]
fn the_four_cases_and_the_stairwells_are_bundled() {
    let names = cases::names();
    for want in ["jinsong", "ly", "x_district", "elevator_td", "elevator_tx"] {
        assert!(names.contains(&want), "{want} missing from {names:?}");
    }
    assert!(matches!(
        cases::load("atlantis"),
        Err(coprod::Error::UnknownCase { .. })
    ));
}

#[test]
fn every_case_loads_with_provenance_on_every_row() {
    for g in cases::load_all().unwrap() {
        let id = &g.meta().id;
        assert!(!g.is_empty(), "{id}");
        assert_eq!(
            g.layers().len(),
            STANDARD_LAYERS.len(),
            "{id}: only the standard layers"
        );
        assert!(!g.meta().sources.is_empty(), "{id}: sources");
        let check = |what: String, doc: &str, quote: &str| {
            assert!(is_seed_file(doc), "{id}: {what}: doc `{doc}`");
            assert!(
                g.meta().sources.iter().any(|s| s == doc),
                "{id}: {what}: {doc} not in sources"
            );
            assert!(
                quote.trim().chars().count() >= 6,
                "{id}: {what}: quote `{quote}`"
            );
        };
        for a in g.actors() {
            check(
                format!("actor {}", a.id),
                &a.provenance.doc,
                &a.provenance.quote,
            );
            assert!(
                !a.label.is_empty() && !a.label_zh.is_empty(),
                "{id}: labels of {}",
                a.id
            );
        }
        for (i, t) in g.ties().enumerate() {
            check(
                format!("tie {}", i + 2),
                &t.provenance.doc,
                &t.provenance.quote,
            );
        }
        for f in &g.meta().facts {
            check(format!("fact {}", f.key), &f.doc, &f.quote);
        }
        // No isolates (codebook rule 9): every actor has a tie in some layer.
        let all = View::new(&g, &coprod::model::Layers::All)
            .unwrap()
            .symmetrized()
            .csr();
        for (i, a) in g.actors().enumerate() {
            assert!(all.out_degree(i) > 0, "{id}: {} is isolated", a.id);
        }
    }
}

#[test]
fn jinsong_party_chain_and_platform() {
    let g = cases::load("jinsong").unwrap();
    let chain = [
        "street_party_working_committee",
        "community_party_committee",
        "building_party_group",
        "party_members",
    ];
    assert_party_chain(&g, &chain);
    // The firm's temporary branch is attached to and supervised by the sub-district party working committee.
    assert!(has_tie(
        &g,
        "street_party_working_committee",
        "jinsong_temp_party_branch",
        "leadership"
    ));
    assert_eq!(g.actor_by_id("vision_group").unwrap().kind, Kind::Market);
    // The five-party platform has exactly its five members.
    let p = g.actor_index("five_party_platform").unwrap();
    let mut members: Vec<&str> = View::layer(&g, "deliberation")
        .unwrap()
        .ties()
        .filter(|t| t.target == p)
        .map(|t| g.actor(t.source).id.as_str())
        .collect();
    members.sort();
    assert_eq!(
        members,
        [
            "community_two_committees",
            "district_departments",
            "residents",
            "subdistrict_office",
            "vision_group"
        ]
    );
    // The tensions 000 names.
    let tension = View::layer(&g, "tension").unwrap().csr();
    for (a, b) in [
        ("residents", "vision_group"),
        ("residents", "property_rights_units"),
        ("vision_group", "property_rights_units"),
        ("subdistrict_office", "property_rights_units"),
    ] {
        assert!(
            tension.has_edge(g.actor_index(a).unwrap(), g.actor_index(b).unwrap()),
            "{a} -- {b}"
        );
    }
    // The 1,600 m2 of idle space for 20 years goes from the sub-district to the firm.
    assert!(has_tie(
        &g,
        "subdistrict_office",
        "vision_group",
        "resource"
    ));
    let fact = |k: &str| g.meta().fact(k).unwrap().value.clone();
    assert_eq!(fact("households"), FactValue::Integer(3605));
    assert_eq!(fact("residents_areas_1_2"), FactValue::Integer(9494));
    assert_eq!(fact("idle_space_to_firm"), FactValue::Integer(1600));
    let shares: f64 = ["rent", "parking", "property_fee", "other"]
        .iter()
        .map(|k| fact(&format!("firm_income_{k}_share")).as_f64().unwrap())
        .sum();
    assert_eq!(shares, 100.0);
    // Every one of the seven layers is used.
    assert_eq!(g.count_by_layer().len(), 7);
}

#[test]
fn ly_vertical_chain() {
    let g = cases::load("ly").unwrap();
    let chain = [
        "district_party_committee",
        "subdistrict_party_committee",
        "community_party_branch",
        "courtyard_party_groups",
    ];
    assert_party_chain(&g, &chain);
    assert!(has_tie(
        &g,
        "community_party_branch",
        "owners_committee",
        "leadership"
    ));
    // Red property: the community party organisation builds it (convention 2, pass 2).
    assert!(has_tie(
        &g,
        "community_party_branch",
        "property_company",
        "leadership"
    ));
    // The co-construction units are members of the alliance arena the branch leads.
    assert!(has_tie(
        &g,
        "community_party_branch",
        "co_construction_alliances",
        "leadership"
    ));
    assert!(has_tie(
        &g,
        "heating_company",
        "co_construction_alliances",
        "deliberation"
    ));
    // Small-stool sessions are publicity, not a platform (convention 8).
    assert!(g.actor_by_id("small_stool_study_sessions").is_err());
    assert!(has_tie(&g, "party_members", "residents", "service"));
}

#[test]
fn x_district_civil_affairs_bureau_is_the_lead_unit() {
    let g = cases::load("x_district").unwrap();
    assert!(has_tie(
        &g,
        "district_work_group",
        "civil_affairs_bureau",
        "administrative"
    ));
    // The lead unit coordinates its peers: deliberation, not administrative
    // (convention 3; the work group stays their administrative superior).
    for other in [
        "social_work_committee",
        "social_security_bureau",
        "finance_bureau",
        "audit_bureau",
    ] {
        assert!(
            has_tie(&g, "civil_affairs_bureau", other, "deliberation"),
            "{other}"
        );
        assert!(
            !has_tie(&g, "civil_affairs_bureau", other, "administrative"),
            "{other}"
        );
        assert!(
            has_tie(&g, "district_work_group", other, "administrative"),
            "{other}"
        );
    }
    // The district government (X区) sets up the work group and hires the trainer
    // (conventions 1 and 6); the council gets support in money, staff and space.
    assert!(has_tie(
        &g,
        "district_government",
        "district_work_group",
        "administrative"
    ));
    assert!(has_tie(
        &g,
        "district_government",
        "third_party_trainer",
        "administrative"
    ));
    assert!(has_tie(
        &g,
        "community_two_committees",
        "residents_council",
        "resource"
    ));
    assert!(!has_tie(
        &g,
        "two_committees_joint_meeting",
        "residents_council",
        "information"
    ));
    let pct = |k: &str| g.meta().fact(k).unwrap().clone();
    for (k, v) in [
        ("committee_topics_max_share", 20),
        ("running_costs_max_share", 10),
        ("infrastructure_share_2018", 75),
    ] {
        assert_eq!(pct(k).value, FactValue::Integer(v), "{k}");
        assert_eq!(pct(k).unit.as_deref(), Some("percent"), "{k}");
    }
    assert_eq!(
        g.meta().fact("lead_unit").unwrap().value,
        FactValue::Text("civil_affairs_bureau".into())
    );
    // The administrative core: no party node in this case.
    assert!(g.actors_of_kind(Kind::Party).is_empty());
}

#[test]
fn elevator_stairwells_have_individual_residents() {
    for name in cases::names()
        .into_iter()
        .filter(|n| n.starts_with("elevator_"))
    {
        let g = cases::load(name).unwrap();
        assert!(!g.actors_of_kind(Kind::Resident).is_empty(), "{name}");
    }
    let td = cases::load("elevator_td").unwrap();
    let o = td.meta().outcome.as_ref().unwrap();
    assert_eq!(
        (o.status, o.evidence),
        (OutcomeStatus::Succeeded, OutcomeEvidence::Stated)
    );
}

/// Every stairwell records its outcome, and the study's 12 / 7 / 5 split.
/// No coded stairwell is a failure: the data cannot test success against
/// failure (data/README.md).
#[test]
fn elevator_outcomes_and_the_shared_split() {
    let mut failed = 0;
    for name in cases::names()
        .into_iter()
        .filter(|n| n.starts_with("elevator_"))
    {
        let g = cases::load(name).unwrap();
        let o = g
            .meta()
            .outcome
            .as_ref()
            .unwrap_or_else(|| panic!("{name}"));
        assert!(o.quote.chars().count() >= 6, "{name}");
        if o.evidence == OutcomeEvidence::Unknown {
            assert_eq!(o.status, OutcomeStatus::Unknown, "{name}");
        }
        failed += usize::from(o.status == OutcomeStatus::Failed);
        let fact = |k: &str| g.meta().fact(k).unwrap().value.clone();
        assert_eq!(fact("study_sites"), FactValue::Integer(12), "{name}");
        assert_eq!(
            fact("study_sites_succeeded"),
            FactValue::Integer(7),
            "{name}"
        );
        assert_eq!(fact("study_sites_failed"), FactValue::Integer(5), "{name}");
        // The paper's leadership roles are actor columns holding a quote.
        let roles = g
            .actors()
            .filter(|a| a.attrs.keys().any(|k| k.starts_with("role_")))
            .count();
        assert!(roles > 0, "{name}: no leadership role coded");
    }
    assert_eq!(failed, 0);
}

#[test]
fn certainty_is_coded_and_views_can_drop_inferred_ties() {
    let mut inferred = 0;
    for g in cases::load_all().unwrap() {
        let s = g.without_inferred();
        assert_eq!(s.actor_count(), g.actor_count());
        let n = g
            .ties()
            .filter(|t| t.certainty == Certainty::Inferred)
            .count();
        assert_eq!(s.tie_count() + n, g.tie_count(), "{}", g.meta().id);
        inferred += n;
    }
    assert!(inferred > 0);
}

#[test]
fn bundled_cases_equal_their_directories() {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for name in cases::names() {
        let from_dir = coprod::io::load_case_dir(data.join(name)).unwrap();
        assert_eq!(cases::load(name).unwrap(), from_dir, "{name}");
    }
}

mod common;

/// The case fixtures (scripts/reference/cases.sh) were computed on exactly the
/// graphs the library builds today: same actors in the same order, same edges
/// and weights, sector partition, party actors as the group.
#[test]
fn case_fixtures_match_the_current_data() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reference");
    for name in cases::names() {
        let g = cases::load(name).unwrap();
        for (view, v) in [
            ("agg", View::aggregate(&g)),
            ("sym", View::aggregate(&g).symmetrized()),
        ] {
            let path = dir.join(format!("case_{name}_{view}.json"));
            let f = common::load_fixture(&path);
            let what =
                format!("{name} {view} (rerun scripts/reference/cases.sh if the data changed)");
            assert_eq!(f.directed, v.is_directed(), "{what}");
            assert_eq!(f.csr(), v.csr(), "{what}");
            let sectors =
                coprod::model::Partition::of_view(&v, &coprod::model::Attribute::Sector).unwrap();
            for i in 0..f.n {
                for j in 0..f.n {
                    assert_eq!(
                        f.partition[i] == f.partition[j],
                        sectors.group(i) == sectors.group(j),
                        "{what}: partition"
                    );
                }
            }
            let party: Vec<usize> = v
                .actor_indices()
                .iter()
                .enumerate()
                .filter(|&(_, &a)| g.actor(a).kind == Kind::Party)
                .map(|(d, _)| d)
                .collect();
            if !party.is_empty() {
                assert_eq!(f.group, party, "{what}: group");
            }
        }
    }
}
