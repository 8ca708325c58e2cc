//! The invariants every case holds, however it enters (a case directory,
//! JSON, a compact binary file, or code): one rule for ids, one for layer
//! names, the standard layers' directions, at least one actor, and sums of
//! weights that stay finite. Every reader checks them through these
//! functions and reports a violation with its own location.
//!
//! ```text
//! id          1 to 255 bytes of ascii letters, digits, `_`, `-`, `.`,
//!             not only dots (so never `.` or `..`): safe as a file name
//! layer name  not empty, not `all` or `positive` (the selection words),
//!             no `,` or `+` (selection separators), no control character,
//!             no `/` or `\` (a figure is the file `layer_<name>.svg`), at
//!             most 200 bytes, unique in the case
//! standard    a layer named like a standard one has its direction, sign
//!             and no self-loops (LayerSpec::standard)
//! actors      at least one
//! weights     finite and > 0, and their sum over the whole case finite
//! ```

use super::{LayerSpec, STANDARD_LAYERS, Sign};
use crate::error::{Error, Names, Result};

/// The longest id, in bytes (a file name's limit on common file systems).
pub const MAX_ID_LEN: usize = 255;

/// The selection word for every layer (`--layers all`).
pub const ALL_LAYERS: &str = "all";

/// The selection word for every positive layer (`--layers positive`, the
/// default aggregate).
pub const POSITIVE_LAYERS: &str = "positive";

/// Whether `id` is a valid id (of an actor or a case): 1 to
/// [`MAX_ID_LEN`] bytes of ascii letters, digits, `_`, `-`, `.`, not only
/// dots. Such an id is safe to use as a file name: it never names a parent
/// directory, holds no separator and no control character.
///
/// ```
/// use coprod::model::is_valid_id;
/// assert!(is_valid_id("party_a") && is_valid_id("r1.2-b"));
/// assert!(!is_valid_id("..") && !is_valid_id("a/b") && !is_valid_id("") && !is_valid_id("dé"));
/// ```
pub fn is_valid_id(id: &str) -> bool {
    is_valid_id_bytes(id.as_bytes())
}

/// [`is_valid_id`] on bytes (a valid id is ascii, so any byte outside the
/// set, a UTF-8 lead byte included, makes it invalid).
pub fn is_valid_id_bytes(id: &[u8]) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id.iter().all(|&b| is_id_byte(b))
        && !id.iter().all(|&b| b == b'.')
}

/// Whether `b` may appear in an id.
pub fn is_id_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')
}

pub use crate::error::ID_RULE;

/// The longest layer name, in bytes: `layer_<name>.png` (a figure's file)
/// stays within a file name's 255 bytes.
pub const MAX_LAYER_NAME_LEN: usize = 200;

/// What is wrong with a layer name, if anything: empty, a selection word,
/// holding a selection separator (`,` `+`), a control character or a path
/// separator (`/` `\`: a layer's figure is the file `layer_<name>.svg`, so a
/// name must never lead out of the output directory), or longer than
/// [`MAX_LAYER_NAME_LEN`] bytes.
///
/// ```
/// use coprod::model::layer_name_problem;
/// assert!(layer_name_problem("leadership").is_none() && layer_name_problem("親屬").is_none());
/// assert!(layer_name_problem("x/../../escaped").is_some());
/// assert!(layer_name_problem("all").is_some() && layer_name_problem("a,b").is_some());
/// ```
pub fn layer_name_problem(name: &str) -> Option<String> {
    if name.trim().is_empty() {
        return Some("a layer name must not be empty".into());
    }
    if name.len() > MAX_LAYER_NAME_LEN {
        return Some(format!(
            "a layer name of {} bytes is longer than the limit of {MAX_LAYER_NAME_LEN} (its figure's file name would be too long)",
            name.len()
        ));
    }
    if let Some(c) = name.chars().find(|c| matches!(c, '/' | '\\')) {
        return Some(format!(
            "layer `{}` holds `{c}`, a path separator (a layer's figure is the file `layer_<name>.svg`)",
            name.escape_debug()
        ));
    }
    if name == ALL_LAYERS || name == POSITIVE_LAYERS {
        return Some(format!(
            "`{name}` is a selection word (`--layers {name}`), so a layer of that name could never be selected alone"
        ));
    }
    if let Some(c) = name
        .chars()
        .find(|c| matches!(c, ',' | '+') || c.is_control())
    {
        return Some(format!(
            "layer `{}` holds `{}`, which separates layers in a selection",
            name.escape_debug(),
            c.escape_debug()
        ));
    }
    None
}

/// What is wrong with a layer named like a standard one, if anything: a
/// direction, sign or self-loop rule other than the standard layer's.
pub fn standard_layer_problem(spec: &LayerSpec) -> Option<String> {
    let standard = LayerSpec::standard();
    let s = standard.iter().find(|s| s.name == spec.name)?;
    (s != spec).then(|| {
        let words = |l: &LayerSpec| {
            format!(
                "{}, {}{}",
                if l.directed { "directed" } else { "undirected" },
                if l.sign == Sign::Positive {
                    "positive"
                } else {
                    "negative"
                },
                if l.self_loops {
                    ", self-loops allowed"
                } else {
                    ""
                }
            )
        };
        format!(
            "`{}` is a standard layer ({}) but is declared {} here",
            spec.name,
            words(s),
            words(spec)
        )
    })
}

/// Every problem of a case's full layer list (standard layers included, in
/// any order): each name selectable and unique, each standard name with its
/// standard rule, at most 255 layers. `(index in the list, message)`.
pub fn layer_problems(layers: &[LayerSpec]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    if layers.len() > u8::MAX as usize {
        out.push((
            layers.len() - 1,
            format!("{} layers; at most 255", layers.len()),
        ));
    }
    let mut seen = std::collections::HashSet::new();
    for (i, l) in layers.iter().enumerate() {
        if let Some(p) = layer_name_problem(&l.name) {
            out.push((i, p));
        } else if !seen.insert(l.name.as_str()) {
            out.push((i, format!("layer `{}` declared twice", l.name)));
        } else if let Some(p) = standard_layer_problem(l) {
            out.push((i, p));
        }
    }
    out
}

/// The problems of a case as a whole: its id (empty is allowed only for a
/// case built in code), its layers ([`layer_problems`]) and its actors (at
/// least one).
pub fn case_problems(id: &str, layers: &[LayerSpec], actors: usize) -> Vec<String> {
    let mut out = Vec::new();
    if !id.is_empty() && !is_valid_id(id) {
        out.push(format!(
            "invalid case id `{}` ({ID_RULE})",
            id.escape_debug()
        ));
    }
    out.extend(layer_problems(layers).into_iter().map(|(_, p)| p));
    if actors == 0 {
        out.push("the case has no actors; at least one is needed".into());
    }
    out
}

/// A mask over `layers` of the selection `names`: none given means every
/// positive layer; [`ALL_LAYERS`] adds every layer, [`POSITIVE_LAYERS`]
/// every positive one, any other name that layer. The one parser of layer
/// selections (the command line's `--layers`, [`CompactCase::layer_mask`](super::CompactCase::layer_mask)).
///
/// ```
/// use coprod::model::{LayerSpec, select_layers};
/// let l = LayerSpec::standard();
/// assert_eq!(select_layers::<&str>(&l, &[]).unwrap(), [true, true, true, true, true, true, false]);
/// assert_eq!(select_layers(&l, &["tension", "leadership"]).unwrap(), [true, false, false, false, false, false, true]);
/// assert!(select_layers(&l, &["all"]).unwrap().iter().all(|&m| m));
/// assert!(select_layers(&l, &["nope"]).is_err());
/// ```
///
/// # Errors
/// [`Error::UnknownLayer`] for a name that is no layer, listing the layers
/// and the two words.
pub fn select_layers<S: AsRef<str>>(layers: &[LayerSpec], names: &[S]) -> Result<Vec<bool>> {
    let positive = || layers.iter().map(|l| l.sign == Sign::Positive);
    if names.is_empty() {
        return Ok(positive().collect());
    }
    let mut mask = vec![false; layers.len()];
    for name in names {
        let name = name.as_ref().trim();
        match name {
            ALL_LAYERS => mask.iter_mut().for_each(|m| *m = true),
            POSITIVE_LAYERS => mask.iter_mut().zip(positive()).for_each(|(m, p)| *m |= p),
            _ => {
                let i = layers.iter().position(|l| l.name == name).ok_or_else(|| {
                    Error::UnknownLayer {
                        at: None,
                        value: name.to_string(),
                        available: Names::of(
                            layers
                                .iter()
                                .map(|l| l.name.as_str())
                                .chain([ALL_LAYERS, POSITIVE_LAYERS]),
                            name,
                        ),
                    }
                })?;
                mask[i] = true;
            }
        }
    }
    Ok(mask)
}

/// Whether `name` is one of the seven standard layers.
pub fn is_standard_layer(name: &str) -> bool {
    STANDARD_LAYERS.contains(&name)
}

/// Ids held once, concatenated, with the end of each: how a compact case,
/// the binary reader and the streaming CSV writer keep millions of ids
/// without a `String` each.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IdPool {
    text: String,
    ends: Vec<u64>,
}

impl IdPool {
    /// An empty pool with room for `n` ids.
    pub fn with_capacity(n: usize) -> IdPool {
        IdPool {
            text: String::new(),
            ends: Vec::with_capacity(n),
        }
    }

    /// Append an id (not checked: see [`IdPool::from_parts`] for a checked pool).
    pub fn push(&mut self, id: &str) {
        self.text.push_str(id);
        self.ends.push(self.text.len() as u64);
    }

    /// A pool from concatenated ids and their lengths, every id checked
    /// against [`is_valid_id`].
    ///
    /// # Errors
    /// `(index of the first bad id, its start in text, message)` when the
    /// lengths do not sum to the text's length or an id is invalid.
    pub fn from_parts(
        text: Vec<u8>,
        lens: impl IntoIterator<Item = u32>,
    ) -> std::result::Result<IdPool, (usize, u64, String)> {
        let mut ends = Vec::new();
        let mut end = 0u64;
        for (i, len) in lens.into_iter().enumerate() {
            let start = end;
            end += u64::from(len);
            if end > text.len() as u64 {
                return Err((
                    i,
                    start,
                    format!(
                        "the id lengths run past the {} bytes of ids at actor {i}",
                        text.len()
                    ),
                ));
            }
            let id = &text[start as usize..end as usize];
            if !is_valid_id_bytes(id) {
                return Err((
                    i,
                    start,
                    format!(
                        "actor {i}: invalid id `{}` ({ID_RULE})",
                        String::from_utf8_lossy(id).escape_debug()
                    ),
                ));
            }
            ends.push(end);
        }
        if end != text.len() as u64 {
            return Err((
                ends.len(),
                end,
                format!(
                    "the id lengths sum to {end}, the ids hold {} bytes",
                    text.len()
                ),
            ));
        }
        // Every byte belongs to a valid (ascii) id, so the text is UTF-8.
        let text = String::from_utf8(text).map_err(|e| (0, 0, e.to_string()))?;
        Ok(IdPool { text, ends })
    }

    /// The number of ids.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the pool holds no id.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Id `i`.
    ///
    /// # Panics
    /// If `i` is not below [`len`](Self::len).
    pub fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] } as usize;
        &self.text[start..self.ends[i] as usize]
    }

    /// Where id `i` starts in the concatenated text.
    pub fn start(&self, i: usize) -> u64 {
        if i == 0 { 0 } else { self.ends[i - 1] }
    }

    /// Every id, in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// The first id that occurs twice, as `(first index, second index)`.
    pub fn first_duplicate(&self) -> Option<(usize, usize)> {
        let mut order: Vec<u32> = (0..self.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| {
            self.get(a as usize)
                .cmp(self.get(b as usize))
                .then(a.cmp(&b))
        });
        order
            .windows(2)
            .filter(|w| self.get(w[0] as usize) == self.get(w[1] as usize))
            .map(|w| (w[0] as usize, w[1] as usize))
            .min_by_key(|&(_, b)| b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_safe_file_names() {
        for ok in ["a", "A_b-c.d", "...x", "r0", &"x".repeat(255)] {
            assert!(is_valid_id(ok), "{ok}");
        }
        for bad in [
            "",
            ".",
            "..",
            "...",
            "a/b",
            "..\\x",
            "a b",
            "dé",
            "a\0b",
            &"x".repeat(256),
        ] {
            assert!(!is_valid_id(bad), "{bad:?}");
        }
    }

    #[test]
    fn layer_names_must_be_selectable_and_unique() {
        for bad in ["", " ", "all", "positive", "a,b", "a+b", "a\nb"] {
            assert!(layer_name_problem(bad).is_some(), "{bad:?}");
        }
        let mut l = LayerSpec::standard();
        assert!(layer_problems(&l).is_empty());
        l.push(LayerSpec::directed("leadership"));
        l[2].directed = true;
        let p = layer_problems(&l);
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(
            p[0].1
                .contains("`deliberation` is a standard layer (undirected, positive)")
        );
        assert!(p[1].1.contains("declared twice"));
    }

    #[test]
    fn pool_checks_lengths_and_ids() {
        let p = IdPool::from_parts(b"abcd".to_vec(), [1, 3]).unwrap();
        assert_eq!(p.iter().collect::<Vec<_>>(), ["a", "bcd"]);
        // A length that cuts a multi-byte character: an invalid id, no panic.
        let e = IdPool::from_parts("dé".as_bytes().to_vec(), [2, 1]).unwrap_err();
        assert_eq!(e.0, 0);
        assert!(IdPool::from_parts(b"ab".to_vec(), [1, 2]).is_err());
        assert!(IdPool::from_parts(b"ab".to_vec(), [1]).is_err());
        let d = IdPool::from_parts(b"abba".to_vec(), [1, 1, 1, 1]).unwrap();
        assert_eq!(d.first_duplicate(), Some((1, 2)));
    }
}
