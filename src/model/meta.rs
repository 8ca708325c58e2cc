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
    /// The outcome of the case (for cases that can succeed or fail, such as a
    /// stairwell's elevator retrofit), when the case records one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
}

impl CaseMeta {
    /// The fact with this key, if any.
    pub fn fact(&self, key: &str) -> Option<&Fact> {
        self.facts.iter().find(|f| f.key == key)
    }
}

macro_rules! outcome_enum {
    ($(#[$meta:meta])* $name:ident, $key:literal { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "&'static str")]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The lowercase name used in `case.toml`.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = ();
            /// Parse the lowercase name (ASCII case-insensitive).
            fn from_str(s: &str) -> Result<Self, ()> {
                $(if s.eq_ignore_ascii_case($text) { return Ok($name::$variant); })+
                Err(())
            }
        }

        impl TryFrom<String> for $name {
            type Error = String;
            fn try_from(s: String) -> Result<Self, String> {
                s.parse().map_err(|()| {
                    let all: Vec<&str> = $name::ALL.iter().map(|v| v.as_str()).collect();
                    format!(
                        "unknown value `{s}` for `{}` (expected {})",
                        $key,
                        all.join(", ")
                    )
                })
            }
        }

        impl From<$name> for &'static str {
            fn from(v: $name) -> &'static str {
                v.as_str()
            }
        }
    };
}

outcome_enum! {
    /// How a case ended (`outcome.status` in `case.toml`).
    OutcomeStatus, "outcome.status" {
        /// The project was carried out (the elevator was installed or approved and built).
        Succeeded => "succeeded",
        /// The project was abandoned or blocked.
        Failed => "failed",
        /// The source does not let the coder tell.
        Unknown => "unknown",
    }
}

outcome_enum! {
    /// How the outcome is known (`outcome.evidence` in `case.toml`).
    OutcomeEvidence, "outcome.evidence" {
        /// The quote says how the case ended.
        Stated => "stated",
        /// Inferred, e.g. from the paper's sampling rule; the case's notes give the reasoning.
        Inferred => "inferred",
        /// No evidence either way.
        Unknown => "unknown",
    }
}

/// The outcome of a case: the `[outcome]` table of `case.toml`.
///
/// ```toml
/// [outcome]
/// status = "succeeded"        # succeeded | failed | unknown
/// evidence = "stated"         # stated | inferred | unknown
/// doc = "001_82649826f15e7fa3.txt"
/// quote = "最后申报成旧楼加装电梯试点工程,这次落实下来"
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// How the case ended.
    pub status: OutcomeStatus,
    /// How that is known.
    pub evidence: OutcomeEvidence,
    /// Source document.
    pub doc: String,
    /// Verbatim quote of the source supporting the status (or, for an unknown
    /// status, showing where the source's account stops).
    pub quote: String,
}

impl Outcome {
    /// The outcome's provenance.
    pub fn provenance(&self) -> Provenance {
        Provenance::new(self.doc.clone(), self.quote.clone())
    }
}
