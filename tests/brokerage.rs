//! Brokerage family against the reference fixtures (R sna 2.7, NetworkX 3.6)
//! and hand computations for the measures no tool ships.

mod common;

use common::{EXACT, assert_close, assert_scalar};
use coprod::measures::brokerage::{
    Brokerage, Role, StructuralHolesOptions, TieWeight, brokerage, constraint, effective_size,
    efficiency, local_constraints,
};

/// `sna::brokerage(B, cl)` on the dichotomised matrix: every table, every node,
/// every role, on every fixture graph (all of them carry the keys).
#[test]
fn gould_fernandez_equals_sna() {
    let mut checked = 0;
    for f in common::fixtures() {
        assert!(
            f.get("sna.brokerage.raw_nli.t").is_some(),
            "{}: sna.brokerage keys missing",
            f.name
        );
        let b = brokerage(&f.csr(), &f.partition()).unwrap();
        // The weighted graph gives the same (dichotomised) answer.
        assert_eq!(b.raw, brokerage(&f.csr_unweighted(), &f.partition()).unwrap().raw);
        let tables = [
            ("raw", &b.raw, &b.raw_graph),
            ("exp", &b.expected, &b.expected_graph),
            ("sd", &b.sd, &b.sd_graph),
            ("z", &b.z, &b.z_graph),
        ];
        for (part, nli, gli) in tables {
            for role in Role::COLUMNS {
                let col = role.sna_name();
                let key = format!("sna.brokerage.{part}_nli.{col}");
                assert!(f.values.contains_key(&key), "{}: {key}", f.name);
                let want = common::floats(&f.values[&key]);
                assert_close(&Brokerage::column(nli, role), &want, EXACT, &format!("{} {key}", f.name));
                let key = format!("sna.brokerage.{part}_gli.{col}");
                // null is sna's NaN (0/0 where the variance is 0).
                assert!(f.values.contains_key(&key), "{}: {key}", f.name);
                let want = f.scalar(&key).unwrap_or(f64::NAN);
                assert_scalar(gli[role.index()], want, EXACT, &format!("{} {key}", f.name));
                checked += 1;
            }
        }
    }
    assert!(checked >= 30 * 24);
}

/// NetworkX's structural holes, unweighted on every fixture and weighted on
/// the weighted ones.
#[test]
fn structural_holes_equal_networkx() {
    let mut weighted = 0;
    for f in common::fixtures() {
        let g = f.csr();
        let mut variants = vec![("", TieWeight::Unweighted)];
        if f.weighted {
            variants.push((".weight", TieWeight::Weighted));
            weighted += 1;
        }
        for (sfx, weight) in variants {
            let o = StructuralHolesOptions { weight };
            let what = |k: &str| format!("{} networkx.{k}{sfx}", f.name);
            let want = |k: &str| {
                f.nodes(&format!("networkx.{k}{sfx}"))
                    .unwrap_or_else(|| panic!("missing {}", what(k)))
            };
            assert_close(&effective_size(&g, &o), &want("effective_size"), EXACT, &what("effective_size"));
            assert_close(&efficiency(&g, &o), &want("efficiency"), EXACT, &what("efficiency"));
            assert_close(&constraint(&g, &o), &want("constraint"), EXACT, &what("constraint"));
            let lc = local_constraints(&g, &o);
            let rows = f.get(&format!("networkx.local_constraint{sfx}")).unwrap();
            for (u, row) in rows.as_array().unwrap().iter().enumerate() {
                let row = common::floats(row);
                for (v, &want) in row.iter().enumerate() {
                    let got = lc.get(u, v);
                    if want.is_nan() {
                        assert_eq!(got, None, "{}: ({u},{v}) is not a contact", what("local_constraint"));
                    } else {
                        let got = got.unwrap_or_else(|| panic!("{}: ({u},{v})", what("lc")));
                        assert_scalar(got, want, EXACT, &format!("{} ({u},{v})", what("local_constraint")));
                        let single = coprod::measures::brokerage::local_constraint(&g, u, v, &o);
                        assert_scalar(single, want, EXACT, &what("local_constraint single"));
                    }
                }
            }
        }
    }
    assert!(weighted >= 5);
}
