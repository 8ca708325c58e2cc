//! Actors: who co-produces, of what kind, at what level.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// Where a row of data comes from: a source document and a verbatim quote of it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// The source document (for the bundled cases, a file name in `shared/seeds/`).
    pub doc: String,
    /// A verbatim substring of `doc` supporting the row.
    pub quote: String,
}

impl Provenance {
    /// A provenance from a document and a quote.
    pub fn new(doc: impl Into<String>, quote: impl Into<String>) -> Self {
        Provenance {
            doc: doc.into(),
            quote: quote.into(),
        }
    }
}

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident ($what:literal) { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "lowercase")]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The lowercase name used in data files.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = crate::Error;
            /// Parse the lowercase name (ASCII case-insensitive).
            ///
            /// # Errors
            /// [`Error::UnknownName`](crate::Error::UnknownName) listing the names.
            fn from_str(s: &str) -> Result<Self, crate::Error> {
                $(if s.eq_ignore_ascii_case($text) { return Ok($name::$variant); })+
                Err(crate::Error::UnknownName {
                    what: $what,
                    value: s.to_string(),
                    available: crate::Names::of(Self::ALL.iter().map(|x| x.as_str()), s),
                })
            }
        }
    };
}

string_enum! {
    /// What an actor is. See `data/README.md` for the codebook with examples.
    Kind ("kind") {
        /// A party organisation or party-member collective (區委, 街道黨工委, 樓門黨小組…).
        Party => "party",
        /// Territorial government, 塊 (區政府, 街道辦事處, 社區居委會…).
        Block => "block",
        /// A functional department, 條 (房管局, 民政局, 財政局…).
        Strip => "strip",
        /// A firm (the service firm, property companies, elevator firms…).
        Market => "market",
        /// An organisation of society (owners' committee, social organisations, schools,
        /// and — a project decision — property-rights work units).
        Social => "social",
        /// A resident or a group of residents.
        Resident => "resident",
        /// A platform where several actors meet (五方聯動平臺, 居民議事會…).
        Arena => "arena",
    }
}

string_enum! {
    /// The administrative or spatial level an actor sits at.
    Level ("level") {
        /// District (區) level.
        District => "district",
        /// Sub-district (街道) level.
        Subdistrict => "subdistrict",
        /// Community (社區) level.
        Community => "community",
        /// Building, courtyard or stairwell level.
        Building => "building",
        /// A household.
        Household => "household",
        /// An individual person.
        Individual => "individual",
        /// Outside the territorial hierarchy (a firm's headquarters, a university, the city).
        External => "external",
    }
}

string_enum! {
    /// The sector an actor belongs to, derived from its [`Kind`].
    ///
    /// ```text
    /// party            -> Party
    /// block, strip     -> State
    /// market           -> Market
    /// social, resident -> Society
    /// arena            -> Arena
    /// ```
    Sector ("sector") {
        /// The party.
        Party => "party",
        /// The state: block (territorial) and strip (functional) government.
        State => "state",
        /// Firms.
        Market => "market",
        /// Social organisations and residents.
        Society => "society",
        /// Platforms where actors of several sectors meet.
        Arena => "arena",
    }
}

impl Kind {
    /// The sector of this kind (see [`Sector`]).
    pub fn sector(self) -> Sector {
        match self {
            Kind::Party => Sector::Party,
            Kind::Block | Kind::Strip => Sector::State,
            Kind::Market => Sector::Market,
            Kind::Social | Kind::Resident => Sector::Society,
            Kind::Arena => Sector::Arena,
        }
    }
}

/// A node of the co-production network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// Stable id, unique in its graph (ascii letters, digits, `_`, `-`, `.`).
    pub id: String,
    /// English label.
    pub label: String,
    /// Chinese label, as the source writes it.
    pub label_zh: String,
    /// What the actor is.
    pub kind: Kind,
    /// Where it sits.
    pub level: Level,
    /// Households, people or members a group node stands for, when the source says.
    pub size: Option<u64>,
    /// Where the actor comes from.
    pub provenance: Provenance,
    /// Extra columns of `actors.csv`, by column name (user attributes usable as partitions).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attrs: BTreeMap<String, String>,
}

impl Actor {
    /// A new actor with empty labels, no size and no provenance.
    pub fn new(id: impl Into<String>, kind: Kind, level: Level) -> Self {
        let id = id.into();
        Actor {
            label: id.clone(),
            id,
            label_zh: String::new(),
            kind,
            level,
            size: None,
            provenance: Provenance::default(),
            attrs: BTreeMap::new(),
        }
    }

    /// The actor's sector (derived from its kind).
    pub fn sector(&self) -> Sector {
        self.kind.sector()
    }
}

/// `id (kind, level): label / label_zh`, the Chinese label only when there is one.
impl fmt::Display for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({}, {}): {}",
            self.id, self.kind, self.level, self.label
        )?;
        if !self.label_zh.is_empty() {
            write!(f, " / {}", self.label_zh)?;
        }
        Ok(())
    }
}
