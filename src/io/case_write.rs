//! Writing case directories: `case.toml`, `actors.csv`, `ties.csv`, exactly
//! as the loader reads them back.

use super::case::{ACTOR_COLUMNS, CERTAINTY_COLUMN, CaseFile, TIE_COLUMNS};
use crate::error::{Error, Result};
use crate::model::MultiplexGraph;
use std::path::Path;

/// `actors.csv` of a graph: the standard columns, then user attributes (sorted by name).
pub fn actors_csv(g: &MultiplexGraph) -> String {
    let mut extra: Vec<&String> = g.actors().flat_map(|a| a.attrs.keys()).collect();
    extra.sort();
    extra.dedup();
    let header: Vec<&str> = ACTOR_COLUMNS
        .iter()
        .copied()
        .chain(extra.iter().map(|s| s.as_str()))
        .collect();
    // Every record has the header's length, so no write fails.
    super::csv_string(|w| {
        w.write_record(&header)?;
        for a in g.actors() {
            let size = a.size.map(|s| s.to_string()).unwrap_or_default();
            let mut rec: Vec<&str> = vec![
                &a.id,
                &a.label,
                &a.label_zh,
                a.kind.as_str(),
                a.level.as_str(),
                &size,
                &a.provenance.doc,
                &a.provenance.quote,
            ];
            rec.extend(
                extra
                    .iter()
                    .map(|k| a.attrs.get(*k).map(|s| s.as_str()).unwrap_or("")),
            );
            w.write_record(&rec)?;
        }
        Ok(())
    })
}

/// `ties.csv` of a graph, ties in order; weights in shortest round-trip form;
/// the [`CERTAINTY_COLUMN`] last.
pub fn ties_csv(g: &MultiplexGraph) -> String {
    let header: Vec<&str> = TIE_COLUMNS.into_iter().chain([CERTAINTY_COLUMN]).collect();
    // Every record has the header's length, so no write fails.
    super::csv_string(|w| {
        w.write_record(&header)?;
        for t in g.ties() {
            let weight = t.weight.to_string();
            w.write_record([
                g.actor(t.source).id.as_str(),
                g.actor(t.target).id.as_str(),
                g.layer(t.layer).name.as_str(),
                weight.as_str(),
                t.provenance.doc.as_str(),
                t.provenance.quote.as_str(),
                t.certainty.as_str(),
            ])?;
        }
        Ok(())
    })
}

/// `case.toml` of a graph: its metadata and its extra layers.
///
/// # Panics
/// Never: the metadata is strings, numbers and arrays of tables, all of
/// which TOML can write.
pub fn case_toml(g: &MultiplexGraph) -> String {
    toml::to_string(&CaseFile::from_graph(g)).expect("case metadata serialises")
}

/// Write a case directory (created if missing); loading it back gives an equal graph.
///
/// # Errors
/// [`Error::Io`] naming the directory that cannot be created or the first
/// file that cannot be written (files before it are left written).
pub fn write_case_dir(g: &MultiplexGraph, dir: impl AsRef<Path>) -> Result<()> {
    let dir = dir.as_ref();
    std::fs::create_dir_all(dir).map_err(|source| Error::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    for (f, text) in [
        ("case.toml", case_toml(g)),
        ("actors.csv", actors_csv(g)),
        ("ties.csv", ties_csv(g)),
    ] {
        let p = dir.join(f);
        std::fs::write(&p, text).map_err(|source| Error::Io { path: p, source })?;
    }
    Ok(())
}
