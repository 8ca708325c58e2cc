//! The words of figures in English and Chinese: levels, sectors, kinds, layers.
//!
//! Chinese names are in traditional characters, as most of the cases' sources write.

use super::Lang;
use crate::model::{Kind, Level, Sector};

/// A level's name in the figure's language.
pub fn level_name(l: Level, lang: Lang) -> &'static str {
    match (l, lang) {
        (Level::District, Lang::En) => "District",
        (Level::Subdistrict, Lang::En) => "Sub-district",
        (Level::Community, Lang::En) => "Community",
        (Level::Building, Lang::En) => "Building",
        (Level::Household, Lang::En) => "Household",
        (Level::Individual, Lang::En) => "Individual",
        (Level::External, Lang::En) => "External",
        (Level::District, Lang::Zh) => "區",
        (Level::Subdistrict, Lang::Zh) => "街道",
        (Level::Community, Lang::Zh) => "社區",
        (Level::Building, Lang::Zh) => "樓院",
        (Level::Household, Lang::Zh) => "住戶",
        (Level::Individual, Lang::Zh) => "個人",
        (Level::External, Lang::Zh) => "外部",
    }
}

/// A sector's name in the figure's language.
pub fn sector_name(s: Sector, lang: Lang) -> &'static str {
    match (s, lang) {
        (Sector::Party, Lang::En) => "Party",
        (Sector::State, Lang::En) => "State",
        (Sector::Market, Lang::En) => "Market",
        (Sector::Society, Lang::En) => "Society",
        (Sector::Arena, Lang::En) => "Arenas",
        (Sector::Party, Lang::Zh) => "黨",
        (Sector::State, Lang::Zh) => "政府",
        (Sector::Market, Lang::Zh) => "市場",
        (Sector::Society, Lang::Zh) => "社會",
        (Sector::Arena, Lang::Zh) => "平臺",
    }
}

/// A kind's name in the figure's language (the legend's entries).
pub fn kind_name(k: Kind, lang: Lang) -> &'static str {
    match (k, lang) {
        (Kind::Party, Lang::En) => "party",
        (Kind::Block, Lang::En) => "block (territorial)",
        (Kind::Strip, Lang::En) => "strip (functional)",
        (Kind::Market, Lang::En) => "market",
        (Kind::Social, Lang::En) => "social organisation",
        (Kind::Resident, Lang::En) => "residents",
        (Kind::Arena, Lang::En) => "arena",
        (Kind::Party, Lang::Zh) => "黨組織",
        (Kind::Block, Lang::Zh) => "塊(屬地政府)",
        (Kind::Strip, Lang::Zh) => "條(職能部門)",
        (Kind::Market, Lang::Zh) => "企業",
        (Kind::Social, Lang::Zh) => "社會組織",
        (Kind::Resident, Lang::Zh) => "居民",
        (Kind::Arena, Lang::Zh) => "平臺",
    }
}

/// A layer's name in the figure's language (a layer outside the standard seven keeps its name).
pub fn layer_name(l: &str, lang: Lang) -> &str {
    match lang {
        Lang::En => l,
        Lang::Zh => match l {
            "leadership" => "領導",
            "administrative" => "行政",
            "deliberation" => "協商",
            "resource" => "資源",
            "service" => "服務",
            "information" => "信息",
            "tension" => "張力",
            "comembership" => "共同成員",
            other => other,
        },
    }
}
