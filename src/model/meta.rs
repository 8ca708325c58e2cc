//! Case metadata: what a case is, where it comes from, and the figures its sources give.

use super::Provenance;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A figure a source gives for the whole case (households, residents, shares…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// Ascii snake_case key, unique in the case (`households`, `share_aged_60_plus`…).
    pub key: String,
    /// The value.
    pub value: FactValue,
    /// Unit, when the value has one (`households`, `%`, `m2`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Source document.
    pub doc: String,
    /// Verbatim quote of the source.
    pub quote: String,
}

impl Fact {
    /// The fact's provenance.
    pub fn provenance(&self) -> Provenance {
        Provenance::new(self.doc.clone(), self.quote.clone())
    }
}

/// The value of a [`Fact`]: an integer, a real number or text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FactValue {
    /// An integer.
    Integer(i64),
    /// A real number.
    Real(f64),
    /// Text.
    Text(String),
}

impl FactValue {
    /// The value as a number, if it is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            FactValue::Integer(i) => Some(*i as f64),
            FactValue::Real(x) => Some(*x),
            FactValue::Text(_) => None,
        }
    }
}

impl fmt::Display for FactValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FactValue::Integer(i) => write!(f, "{i}"),
            FactValue::Real(x) => write!(f, "{x}"),
            FactValue::Text(s) => f.write_str(s),
        }
    }
}

/// What a case is: the `case.toml` of a case directory, less its layer declarations.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CaseMeta {
    /// Short id (the directory name), e.g. `jinsong`.
    pub id: String,
    /// Display name, e.g. `Jinsong`.
    #[serde(default)]
    pub name: String,
    /// One-line title.
    #[serde(default)]
    pub title: String,
    /// Where.
    #[serde(default)]
    pub place: String,
    /// When.
    #[serde(default)]
    pub period: String,
    /// Source documents.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Figures for the whole case.
    #[serde(default)]
    pub facts: Vec<Fact>,
}

impl CaseMeta {
    /// The fact with this key, if any.
    pub fn fact(&self, key: &str) -> Option<&Fact> {
        self.facts.iter().find(|f| f.key == key)
    }
}
