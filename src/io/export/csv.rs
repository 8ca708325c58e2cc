//! Plain CSV exports of a view: its edge list and its actors.

use crate::io::write::csv_string;
use crate::model::View;

/// `source,target,weight`, each edge of the view's snapshot once (an
/// undirected edge once, in the snapshot's order), weights after merging.
///
/// ```
/// use coprod::model::View;
/// let g = coprod::io::load_case_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/tiny")).unwrap();
/// let csv = coprod::io::edges_csv(&View::layer(&g, "leadership").unwrap());
/// assert!(csv.starts_with("source,target,weight\n"));
/// assert_eq!(csv.lines().count(), 1 + 3);
/// ```
pub fn edges_csv(view: &View<'_>) -> String {
    let ids = view.ids();
    let csr = view.csr();
    csv_string(|w| {
        w.write_record(["source", "target", "weight"])?;
        for (u, v, x) in csr.edges() {
            w.write_record([ids[u as usize], ids[v as usize], &x.to_string()])?;
        }
        Ok(())
    })
}

/// `id,kind,sector,level` of the view's actors, in the view's order.
pub fn nodes_csv(view: &View<'_>) -> String {
    let g = view.graph();
    csv_string(|w| {
        w.write_record(["id", "kind", "sector", "level"])?;
        for i in view.actor_indices() {
            let a = g.actor(i);
            w.write_record([
                a.id.as_str(),
                a.kind.as_str(),
                a.sector().as_str(),
                a.level.as_str(),
            ])?;
        }
        Ok(())
    })
}
