//! The whole graph as JSON (serde).

use super::case::CaseFile;
use crate::error::{Error, Location, Result};
use crate::model::{Actor, Certainty, MultiplexGraph, Provenance};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
struct TieJson {
    source: String,
    target: String,
    layer: String,
    weight: f64,
    #[serde(flatten)]
    provenance: Provenance,
    #[serde(default, skip_serializing_if = "Certainty::is_stated")]
    certainty: Certainty,
}

#[derive(Serialize, Deserialize)]
struct GraphJson {
    case: CaseFile,
    actors: Vec<Actor>,
    ties: Vec<TieJson>,
}

/// The graph as pretty-printed JSON: `{"case": …, "actors": [...], "ties": [...]}`,
/// ties naming actors and layers by id.
///
/// # Panics
/// Never: the document is strings, numbers, booleans and string-keyed maps,
/// all of which JSON can write. (A non-finite number, which only a fact's
/// value can hold, is written `null`, which [`from_json`] then rejects.)
pub fn to_json(g: &MultiplexGraph) -> String {
    let doc = GraphJson {
        case: CaseFile::from_graph(g),
        actors: g.actors().cloned().collect(),
        ties: g
            .ties()
            .map(|t| TieJson {
                source: g.actor(t.source).id.clone(),
                target: g.actor(t.target).id.clone(),
                layer: g.layer(t.layer).name.clone(),
                weight: t.weight,
                provenance: t.provenance.clone(),
                certainty: t.certainty,
            })
            .collect(),
    };
    serde_json::to_string_pretty(&doc).expect("graph serialises")
}

/// Read a graph written by [`to_json`]. Actors and ties are validated as they
/// are added; every problem is reported, located as `<json>:N` where `N` is the
/// 1-based position in the `actors` or `ties` array.
///
/// # Errors
/// [`Error::Json`] for a document that does not parse or does not have the
/// shape [`to_json`] writes (located by its line); then [`Error::Json`] for
/// each actor or tie the graph rejects ([`Error::Invalid`] if several),
/// its message that of the [`MultiplexGraph::add_actor`] or
/// [`MultiplexGraph::add_tie`] error. A `case.layers` entry that declares a
/// layer twice, or one named like a standard layer, is an [`Error::Json`]
/// at `<json>:N:case.layers`, `N` its 1-based position in the list; so is a
/// layer name that cannot be selected. An invalid `case.id` is an
/// [`Error::InvalidId`], an empty `actors` list an [`Error::CaseRule`]: the
/// invariants of [`model::case_problems`](crate::model::case_problems).
pub fn from_json(text: &str) -> Result<MultiplexGraph> {
    let doc: GraphJson = serde_json::from_str(text).map_err(|e| Error::Json {
        at: Location::new("<json>", e.line() as u64, ""),
        message: e.to_string(),
    })?;
    let (meta, extra) = doc.case.into_parts();
    let mut errors = Vec::new();
    if !meta.id.is_empty() && !crate::model::is_valid_id(&meta.id) {
        errors.push(Error::InvalidId {
            at: Location::new("<json>", 0, "case.id"),
            value: meta.id.clone(),
        });
    }
    if doc.actors.is_empty() {
        errors.push(Error::CaseRule {
            at: Location::new("<json>", 0, "actors"),
            message: "the case has no actors; at least one is needed".into(),
        });
    }
    let mut g = MultiplexGraph::with_meta(meta, Vec::new())?;
    let wrap = |what: &str, i: usize, e: Error| Error::Json {
        at: Location::new("<json>", i as u64 + 1, what),
        message: e.to_string(),
    };
    for (i, l) in extra.into_iter().enumerate() {
        if let Err(e) = g.add_layer(l) {
            errors.push(wrap("case.layers", i, e));
        }
    }
    for (i, a) in doc.actors.into_iter().enumerate() {
        if let Err(e) = g.add_actor(a) {
            errors.push(wrap("actors", i, e));
        }
    }
    for (i, t) in doc.ties.into_iter().enumerate() {
        if let Err(e) = g.add_tie_with_certainty(
            &t.source,
            &t.target,
            &t.layer,
            t.weight,
            t.provenance,
            t.certainty,
        ) {
            errors.push(wrap("ties", i, e));
        }
    }
    Error::collect(errors)?;
    Ok(g)
}
