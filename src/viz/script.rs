//! Chinese in one script: Simplified or Traditional, converted with OpenCC's
//! dictionaries (`ferrous-opencc`, a pure-Rust OpenCC with its phrase and
//! character tables: `t2s` and `s2t`).
//!
//! Why a converter rather than a second label column: a user's case comes
//! in one script (their source's), and a figure must be in the reader's;
//! OpenCC's phrase tables choose between the Traditional characters a
//! Simplified one stands for (`发` is `發` in 发展 and `髮` in 头发), which a
//! character table cannot. The words the library writes itself ([`names`](super::names))
//! are kept in Traditional and converted the same way.
//!
//! Conversion is applied to the text content of a finished SVG (never to
//! markup, ids or attribute values other than text), so every label, legend
//! entry, title and axis of a figure or plot is in the same script.

use super::Lang;
use crate::error::Result;
use crate::model::MultiplexGraph;
use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;
use std::sync::OnceLock;

fn converter(to_simplified: bool) -> Result<&'static OpenCC> {
    static T2S: OnceLock<Option<OpenCC>> = OnceLock::new();
    static S2T: OnceLock<Option<OpenCC>> = OnceLock::new();
    let (cell, config) = if to_simplified {
        (&T2S, BuiltinConfig::T2s)
    } else {
        (&S2T, BuiltinConfig::S2t)
    };
    cell.get_or_init(|| OpenCC::from_config(config).ok())
        .as_ref()
        .ok_or_else(|| {
            super::text::render_error("opencc", "the built-in conversion tables did not load")
        })
}

/// `text` in the script of `lang`: Simplified for [`Lang::ZhHans`],
/// Traditional for [`Lang::ZhHant`], unchanged otherwise.
///
/// ```
/// use coprod::viz::{Lang, script::convert};
/// assert_eq!(convert("社區黨委", Lang::ZhHans)?, "社区党委");
/// assert_eq!(convert("社区党委", Lang::ZhHant)?, "社區黨委");
/// assert_eq!(convert("頭髮", Lang::ZhHans)?, "头发");
/// assert_eq!(convert("社区党委", Lang::En)?, "社区党委");
/// # Ok::<(), coprod::Error>(())
/// ```
///
/// # Errors
/// [`Error::Render`](crate::Error::Render) if OpenCC's built-in tables do not load.
pub fn convert(text: &str, lang: Lang) -> Result<String> {
    match lang {
        Lang::ZhHans => Ok(converter(true)?.convert(text)),
        Lang::ZhHant => Ok(converter(false)?.convert(text)),
        Lang::En | Lang::Zh => Ok(text.to_string()),
    }
}

/// The script a case's Chinese labels are written in: [`Lang::ZhHans`] when
/// more of their characters change from Simplified to Traditional than the
/// other way, else [`Lang::ZhHant`] (also for a case without Chinese labels).
///
/// # Errors
/// As [`convert`].
pub fn script_of(graph: &MultiplexGraph) -> Result<Lang> {
    let text: String = graph.actors().map(|a| a.label_zh.as_str()).collect();
    let differ = |other: &str| {
        text.chars()
            .zip(other.chars())
            .filter(|(a, b)| a != b)
            .count()
    };
    let simplified = differ(&converter(false)?.convert(&text));
    let traditional = differ(&converter(true)?.convert(&text));
    Ok(if simplified > traditional {
        Lang::ZhHans
    } else {
        Lang::ZhHant
    })
}

/// `lang` with [`Lang::Zh`] resolved to the script of `graph`'s labels.
///
/// # Errors
/// As [`convert`].
pub fn resolve(lang: Lang, graph: &MultiplexGraph) -> Result<Lang> {
    match lang {
        Lang::Zh => script_of(graph),
        other => Ok(other),
    }
}

/// An SVG document with the text between its tags in the script of `lang`
/// (markup untouched).
///
/// # Errors
/// As [`convert`].
pub fn svg(doc: &str, lang: Lang) -> Result<String> {
    if !matches!(lang, Lang::ZhHans | Lang::ZhHant) {
        return Ok(doc.to_string());
    }
    let mut out = String::with_capacity(doc.len());
    let mut rest = doc;
    while let Some(open) = rest.find('<') {
        out.push_str(&convert(&rest[..open], lang)?);
        let close = rest[open..].find('>').map_or(rest.len(), |c| c + open + 1);
        out.push_str(&rest[open..close]);
        rest = &rest[close..];
    }
    out.push_str(&convert(rest, lang)?);
    Ok(out)
}
