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
        (Level::District, _) => "區",
        (Level::Subdistrict, _) => "街道",
        (Level::Community, _) => "社區",
        (Level::Building, _) => "樓院",
        (Level::Household, _) => "住戶",
        (Level::Individual, _) => "個人",
        (Level::External, _) => "外部",
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
        (Sector::Party, _) => "黨",
        (Sector::State, _) => "政府",
        (Sector::Market, _) => "市場",
        (Sector::Society, _) => "社會",
        (Sector::Arena, _) => "平臺",
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
        (Kind::Party, _) => "黨組織",
        (Kind::Block, _) => "塊(屬地政府)",
        (Kind::Strip, _) => "條(職能部門)",
        (Kind::Market, _) => "企業",
        (Kind::Social, _) => "社會組織",
        (Kind::Resident, _) => "居民",
        (Kind::Arena, _) => "平臺",
    }
}

/// A layer's name in the figure's language (a layer outside the standard seven keeps its name).
pub fn layer_name(l: &str, lang: Lang) -> &str {
    match lang {
        Lang::En => l,
        _ => match l {
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

/// The statistics of the comparison panel in English and Chinese:
/// `(name, English, Chinese)`, one entry per
/// [`PANEL`](crate::compare::PANEL) statistic (a test checks that every one has an entry).
pub const STATISTIC_NAMES: &[(&str, &str, &str)] = &[
    (
        "degree_centralization",
        "degree centralization",
        "度數中心勢",
    ),
    (
        "betweenness_centralization",
        "betweenness centralization",
        "中介中心勢",
    ),
    ("core_group_degree", "core's group degree", "核心群體度數"),
    (
        "core_group_betweenness",
        "core's group betweenness",
        "核心群體中介性",
    ),
    (
        "core_brokerage_share",
        "core's share of cross-sector brokerage",
        "核心的跨部門中介份額",
    ),
    (
        "core_path_share",
        "core's share of cross-sector paths",
        "核心的跨部門路徑份額",
    ),
    (
        "effective_centres",
        "effective number of centres",
        "有效中心數",
    ),
    (
        "top_centre_share",
        "largest betweenness share",
        "最大中介份額",
    ),
    (
        "core_participation",
        "core's participation",
        "核心的參與係數",
    ),
    (
        "others_participation",
        "others' participation",
        "其他行動者的參與係數",
    ),
    (
        "krackhardt_hierarchy",
        "Krackhardt hierarchy",
        "Krackhardt 層級性",
    ),
    ("lubness", "least upper boundedness", "最小上界性"),
    (
        "fragmentation_without_core",
        "fragmentation without the core",
        "去除核心後的碎片化",
    ),
    ("ei_index", "E-I index", "E-I 指數"),
    (
        "between_sector_distance",
        "between-sector distance",
        "跨部門距離",
    ),
    ("global_efficiency", "global efficiency", "全局效率"),
    ("transitivity", "transitivity", "傳遞性"),
];

/// The baselines of the comparison in English and Chinese: `(name, English,
/// Chinese)`, one entry per [`BASELINES`](crate::compare::BASELINES) entry
/// (a test checks that every one has an entry).
pub const BASELINE_NAMES: &[(&str, &str, &str)] = &[
    ("gnm", "G(n, m)", "G(n, m) 隨機圖"),
    ("dyad", "dyad census kept", "保留二元組普查"),
    ("rewire", "degree-preserving rewiring", "保度重連"),
    (
        "sector-rewire",
        "rewiring within sector pairs",
        "部門對內重連",
    ),
    ("block", "sector block model", "部門區塊模型"),
    ("layer-shuffle", "layer shuffle", "層間打亂"),
    ("polycentric", "matched polycentric", "匹配多中心"),
    ("one-core", "matched one core", "匹配一核"),
    (
        "without-core",
        "without the core (counterfactual)",
        "去除核心(反事實)",
    ),
    (
        "made-polycentric",
        "made polycentric (counterfactual)",
        "改為多中心(反事實)",
    ),
];

/// Actor-level measures a by-kind plot shows, in English and Chinese:
/// `(column name, English, Chinese)`, names of the report's actor table.
pub const MEASURE_NAMES: &[(&str, &str, &str)] = &[
    ("degree", "degree", "度數"),
    ("in_degree", "in-degree", "入度"),
    ("out_degree", "out-degree", "出度"),
    ("closeness", "closeness", "接近中心性"),
    ("harmonic", "harmonic centrality", "調和中心性"),
    ("betweenness", "betweenness", "中介中心性"),
    ("eigenvector", "eigenvector centrality", "特徵向量中心性"),
    ("pagerank", "PageRank", "PageRank"),
    ("core_number", "core number", "核數"),
    ("effective_size", "effective size", "有效規模"),
    ("constraint", "constraint", "約束"),
    ("brokerage", "brokerage", "中介角色總數"),
];

fn lookup(
    table: &'static [(&'static str, &'static str, &'static str)],
    what: &'static str,
    name: &str,
    lang: Lang,
) -> crate::Result<&'static str> {
    table
        .iter()
        .find(|e| e.0 == name)
        .map(|e| match lang {
            Lang::En => e.1,
            _ => e.2,
        })
        .ok_or_else(|| crate::Error::UnknownName {
            what,
            value: name.to_string(),
            available: crate::Names::of(table.iter().map(|e| e.0), name),
        })
}

/// A comparison statistic's name in the plot's language.
///
/// ```
/// use coprod::viz::{Lang, names::statistic_name};
/// assert_eq!(statistic_name("ei_index", Lang::Zh)?, "E-I 指數");
/// assert!(statistic_name("ei", Lang::En).is_err());
/// # Ok::<(), coprod::Error>(())
/// ```
///
/// # Errors
/// [`Error::UnknownName`](crate::Error::UnknownName) listing the statistics of [`STATISTIC_NAMES`].
pub fn statistic_name(name: &str, lang: Lang) -> crate::Result<&'static str> {
    lookup(STATISTIC_NAMES, "statistic", name, lang)
}

/// An actor-level measure's name in the plot's language.
///
/// # Errors
/// [`Error::UnknownName`](crate::Error::UnknownName) listing the measures of [`MEASURE_NAMES`].
pub fn measure_name(name: &str, lang: Lang) -> crate::Result<&'static str> {
    lookup(MEASURE_NAMES, "measure", name, lang)
}

/// A baseline's name in the plot's language.
///
/// # Errors
/// [`Error::UnknownName`](crate::Error::UnknownName) listing the baselines of [`BASELINE_NAMES`].
pub fn baseline_name(name: &str, lang: Lang) -> crate::Result<&'static str> {
    lookup(BASELINE_NAMES, "baseline", name, lang)
}

/// A recorded outcome in the plot's language.
pub fn outcome_name(o: crate::model::OutcomeStatus, lang: Lang) -> &'static str {
    use crate::model::OutcomeStatus as O;
    match (o, lang) {
        (O::Succeeded, Lang::En) => "succeeded",
        (O::Failed, Lang::En) => "failed",
        (O::Unknown, Lang::En) => "outcome unknown",
        (O::Succeeded, _) => "成功",
        (O::Failed, _) => "失敗",
        (O::Unknown, _) => "結果不明",
    }
}

/// The other words of the comparison plots, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlotWords {
    /// "observed".
    pub observed: &'static str,
    /// "draws" (the histogram's count axis).
    pub draws: &'static str,
    /// "undefined" (an observed value or z that does not exist).
    pub undefined: &'static str,
    /// "value" (of a counterfactual baseline drawn once).
    pub value: &'static str,
    /// The key under a distribution figure.
    pub distribution_key: &'static str,
    /// "against" (title: "jinsong against its baselines").
    pub against: &'static str,
    /// The title of the cross-case panel.
    pub cross_case_title: &'static str,
    /// The key under the cross-case panel.
    pub cross_case_key: &'static str,
    /// "by kind" (title of the centrality-by-kind plot).
    pub by_kind: &'static str,
    /// "along the dial" (title of the dial plot).
    pub along_dial: &'static str,
    /// "baseline mean ± sd" (the dial's band).
    pub mean_sd: &'static str,
    /// "estimate" (the dial's λ̂).
    pub estimate: &'static str,
    /// "no defined draw".
    pub no_draw: &'static str,
    /// "Not shown:" (a baseline grid's panels without a draw).
    pub not_shown: &'static str,
    /// What the one-core claim predicts: higher, lower, no direction.
    pub claims: [&'static str; 3],
}

/// The words of plots in `lang`.
pub fn plot_words(lang: Lang) -> PlotWords {
    match lang {
        Lang::En => PlotWords {
            observed: "observed",
            draws: "draws",
            undefined: "undefined",
            value: "value",
            distribution_key: "grey: the baseline's draws;  vermillion line: the case;  p: Monte-Carlo, in the tail the one-core claim predicts",
            against: "against its baselines",
            cross_case_title: "Cases against their baselines: z-scores",
            cross_case_key: "z = (observed − baseline mean) / sd;  grey band: |z| < 1.96;  hollow: past the axis end, value written;  green row: the case succeeded, purple: it failed",
            by_kind: "by kind",
            along_dial: "along the dial",
            mean_sd: "baseline mean ± sd",
            estimate: "estimate",
            no_draw: "no defined draw",
            not_shown: "Not shown, no defined value:",
            claims: [
                "one core predicts higher",
                "one core predicts lower",
                "descriptive",
            ],
        },
        _ => PlotWords {
            observed: "觀測值",
            draws: "抽樣數",
            undefined: "無定義",
            value: "取值",
            distribution_key: "灰色:基線抽樣;  紅線:案例;  p:蒙特卡洛檢驗,取一核假說預測的方向",
            against: "與基線比較",
            cross_case_title: "各案例與基線比較:z 值",
            cross_case_key: "z = (觀測值 − 基線均值) / 標準差;  灰帶:|z| < 1.96;  空心:超出座標軸,標出數值;  綠色行:案例成功,紫色:失敗",
            by_kind: "按類型",
            along_dial: "沿刻度 λ",
            mean_sd: "基線均值 ± 標準差",
            estimate: "估計",
            no_draw: "無有效抽樣",
            not_shown: "未顯示(無定義值):",
            claims: ["一核假說預測較高", "一核假說預測較低", "描述性"],
        },
    }
}
