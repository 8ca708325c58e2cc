//! The bundled cases, compiled into the library so that
//! `coprod::cases::load("jinsong")` works from any working directory.
//!
//! Every directory of `data/` holding an `actors.csv` is bundled, except
//! `data/template`, the empty case to copy (see `build.rs`).

use crate::error::{Error, Result};
use crate::model::MultiplexGraph;

include!(concat!(env!("OUT_DIR"), "/bundled_cases.rs"));

/// Names of the bundled cases, sorted.
pub fn names() -> Vec<&'static str> {
    BUNDLED.iter().map(|c| c.0).collect()
}

/// Load a bundled case by name.
///
/// # Errors
/// [`Error::UnknownCase`] for a name that is not bundled (listing the bundled
/// names). A bundled case is loaded as [`load_case_bytes`](crate::io::load_case_bytes)
/// loads a directory, so a broken file in `data/` at build time gives that
/// loader's errors ([`Error::Invalid`] and the rest); the tests load every
/// case, so a release gives none.
pub fn load(name: &str) -> Result<MultiplexGraph> {
    let (_, case, actors, ties) =
        BUNDLED
            .iter()
            .find(|c| c.0 == name)
            .ok_or_else(|| Error::UnknownCase {
                name: name.to_string(),
                available: names().join(", "),
            })?;
    crate::io::load_case_str(&format!("data/{name}"), case, actors, ties)
}

/// Names of the bundled cases that have a second coding (`data/<case>/coding_b/`,
/// the blind recoding of issue 22), sorted.
pub fn names_with_coding_b() -> Vec<&'static str> {
    BUNDLED_B.iter().map(|c| c.0).collect()
}

/// Load a bundled case's second coding (`data/<name>/coding_b/`), `None`
/// when the case has none. Its case id is `<name>_coding_b`.
///
/// ```
/// for name in coprod::cases::names_with_coding_b() {
///     let b = coprod::cases::load_coding_b(name).unwrap().unwrap();
///     assert_eq!(b.meta().id, format!("{name}_coding_b"));
/// }
/// assert!(coprod::cases::load_coding_b("elevator_td").unwrap().is_none());
/// ```
///
/// # Errors
/// [`Error::UnknownCase`] for a name that is not bundled; then as [`load`].
pub fn load_coding_b(name: &str) -> Result<Option<MultiplexGraph>> {
    load(name)?;
    let Some((_, case, actors, ties)) = BUNDLED_B.iter().find(|c| c.0 == name) else {
        return Ok(None);
    };
    let mut g = crate::io::load_case_str(&format!("data/{name}/coding_b"), case, actors, ties)?;
    g.meta_mut().id = format!("{name}_coding_b");
    Ok(Some(g))
}

/// The actor map between a bundled case's two codings
/// (`data/<name>/coding_b_map.csv`: ids that name the same body differently),
/// `None` when the case has none.
///
/// ```
/// let m = coprod::cases::coding_b_mapping("jinsong").unwrap();
/// assert!(m.is_some());
/// assert!(coprod::cases::coding_b_mapping("elevator_td").unwrap().is_none());
/// ```
///
/// # Errors
/// [`Error::UnknownCase`] for a name that is not bundled; the map's parse
/// errors (none in a tested release).
pub fn coding_b_mapping(name: &str) -> Result<Option<crate::agreement::Mapping>> {
    load(name)?;
    BUNDLED_B_MAP
        .iter()
        .find(|c| c.0 == name)
        .map(|(_, text)| {
            crate::agreement::Mapping::parse(format!("data/{name}/coding_b_map.csv"), text)
        })
        .transpose()
}

/// The committed power study of a bundled case's answer rule
/// (`docs/power/<name>.json`, written by `coprod power <name> --format json`),
/// as JSON text; `None` when none is committed.
///
/// # Errors
/// [`Error::UnknownCase`] for a name that is not bundled.
pub fn power_json(name: &str) -> Result<Option<&'static str>> {
    load(name)?;
    Ok(BUNDLED_POWER.iter().find(|c| c.0 == name).map(|c| c.1))
}

/// Load every bundled case, in name order.
///
/// # Errors
/// The first error of [`load`] on a bundled case (none in a tested release).
pub fn load_all() -> Result<Vec<MultiplexGraph>> {
    names().into_iter().map(load).collect()
}
