//! The main job's web page `index.html` (self-contained: inline CSS, the
//! figures' SVG inline, a few lines of inline JS that sort every table by its
//! header) and `index.md` (the same tables in Markdown).
//!
//! The page is built from plain values ([`CasePage`]) so this module needs
//! neither the figures' code nor the command line: the figure is SVG text
//! read from the file the job drew.

use super::page::{Block, Files, PageTable};
use crate::compare::Verdict;
use crate::error::Result;
use crate::io::write_file;
use std::path::Path;

/// The measures whose top actors each case shows.
pub const TOP_MEASURES: &[&str] = &["betweenness", "brokerage", "liaison", "degree"];

/// How many top actors per measure (fewer when fewer actors have a non-zero score).
pub const TOP_K: usize = 5;

/// One case on the page: its heading, figure, and blocks (tables, the
/// comparison) in order.
#[derive(Debug, Clone, Default)]
pub struct CasePage {
    /// The case id (`jinsong`).
    pub name: String,
    /// Its title.
    pub title: String,
    /// Actors by kind, ties by layer.
    pub summary_line: String,
    /// The aggregate figure as SVG text, if drawn.
    pub svg: Option<String>,
    /// What the section shows under the figure.
    pub blocks: Vec<PageBlock>,
    /// The headline of the case's card at the top of the page: what the
    /// report computes about the core (one sentence per line).
    pub headline: Vec<String>,
    /// Every figure and plot written for the case, relative to the page.
    pub files: Vec<String>,
    /// The pre-registered answer's card: its title (the outcome and why)
    /// and its lines (the evidence), or `None` when the rule was not run.
    pub answer: Option<(String, Vec<String>)>,
}

/// What a case's card says where the answer goes until the answer rule has run.
pub const ANSWER_NOT_RUN: &str = "answer rule not yet run";

/// A block of a page section: a [`Block`], or blocks side by side.
#[derive(Debug, Clone, PartialEq)]
pub enum PageBlock {
    /// One block.
    One(Block),
    /// Columns of blocks, side by side on the page (one after another in Markdown).
    Columns(Vec<Vec<Block>>),
}

impl PageBlock {
    /// Every table in it, in order.
    pub fn tables(&self) -> Vec<&PageTable> {
        let blocks: Vec<&Block> = match self {
            PageBlock::One(b) => vec![b],
            PageBlock::Columns(cs) => cs.iter().flatten().collect(),
        };
        blocks
            .into_iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .collect()
    }
}

/// Text escaped for HTML element content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Text escaped for a Markdown table cell.
fn escape_md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// An SVG file's text made fit to inline: the XML prolog, DOCTYPE and
/// comments before `<svg` dropped, the namespace declarations removed (HTML
/// puts an inline `<svg>` in the SVG namespace) and `xlink:` attributes (`href`,
/// `title`) written without the prefix, as SVG 2 does, so the page holds no `http` reference.
pub fn inline_svg(svg: &str) -> String {
    let body = svg.find("<svg").map_or(svg, |i| &svg[i..]);
    let mut s = body
        .replace(" xmlns=\"http://www.w3.org/2000/svg\"", "")
        .replace(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"", "")
        .replace(" xlink:", " ");
    // Comments (Graphviz writes some) can hold anything.
    while let Some(i) = s.find("<!--") {
        let Some(j) = s[i..].find("-->") else { break };
        s.replace_range(i..i + j + 3, "");
    }
    s.trim_end().to_string()
}

const CSS: &str = "body{font-family:system-ui,'Noto Sans CJK SC','Noto Sans',sans-serif;margin:2em auto;max-width:1300px;padding:0 1em;color:#222}
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc}h3{font-size:1.05em;margin:1em 0 .3em}
table{border-collapse:collapse;margin:.3em 0 1em;font-size:.9em}
th,td{border:1px solid #ddd;padding:.2em .6em;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
th{background:#f3f3f3;cursor:pointer;user-select:none}th:after{content:' \\2195';color:#aaa}
th.asc:after{content:' \\2191';color:#333}th.desc:after{content:' \\2193';color:#333}
.figure{max-width:100%;overflow:auto;border:1px solid #eee}.figure svg{max-width:100%;height:auto}
.tops{display:flex;flex-wrap:wrap;gap:1.5em}.note{color:#555;font-style:italic}
.cols{display:flex;gap:2em;align-items:flex-start;flex-wrap:wrap}.cols>div{flex:1 1 28em;min-width:0}
h4{font-size:.95em;margin:.8em 0 .2em}.files{font-size:.8em;margin:0}.cards{display:flex;flex-wrap:wrap;gap:.8em}.card{border:1px solid #ccc;border-radius:6px;padding:.4em .8em;width:22em;font-size:.9em}.card h3{margin:.2em 0}.card-title{margin:0;color:#555}.answer{background:#fff8e1;padding:.3em;border-radius:4px}table{max-width:none}.scroll{max-width:100%;overflow-x:auto}table.answers td{vertical-align:top}table.answers td:first-child{white-space:nowrap}
td.rb{white-space:nowrap;vertical-align:top}td.rb .m{display:block;font-family:ui-monospace,'DejaVu Sans Mono',monospace;font-size:.9em;color:#444}
code{background:#f3f3f3;padding:0 .2em}details{margin:.5em 0}li{margin:.2em 0}";

/// No `<` or `&` in it, so the page stays XML-ish.
const JS: &str = "document.querySelectorAll('table.sortable').forEach(function(t){
t.querySelectorAll('th').forEach(function(th,i){th.addEventListener('click',function(){
var b=t.tBodies[0],rows=Array.prototype.slice.call(b.rows),asc=!th.classList.contains('asc');
t.querySelectorAll('th').forEach(function(h){h.classList.remove('asc','desc')});th.classList.add(asc?'asc':'desc');
function key(r){var c=r.cells[i],s=c.dataset.v!==undefined?c.dataset.v:c.textContent,x=parseFloat(s);return isNaN(x)||!/^-?[0-9.eE+-]+$/.test(s)?s:x}
rows.sort(function(p,q){var a=key(p),c=key(q);var r=(typeof a==typeof c)?(c>a?-1:a>c?1:0):(typeof a=='number'?-1:1);return asc?r:-r});
rows.forEach(function(r){b.appendChild(r)})})})});";

/// A paragraph's text as HTML: escaped, `code` in backticks as `<code>`,
/// `[text](target)` as a link.
fn inline(s: &str) -> String {
    let e = escape_html(s);
    let mut out = String::with_capacity(e.len());
    for (i, part) in e.split('`').enumerate() {
        if i % 2 == 1 {
            out.push_str(&format!("<code>{part}</code>"));
        } else {
            out.push_str(&links(part));
        }
    }
    out
}

/// `[text](target)` as `<a href="target">text</a>`; anything else as it is.
fn links(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('[') {
        let after = &rest[i + 1..];
        let link = after.find("](").and_then(|j| {
            let target = &after[j + 2..];
            target
                .find(')')
                .map(|k| (&after[..j], &target[..k], j + 2 + k + 1))
        });
        match link {
            Some((text, target, len)) if !text.contains('[') => {
                out.push_str(&rest[..i]);
                out.push_str(&format!("<a href=\"{target}\">{text}</a>"));
                rest = &after[len..];
            }
            _ => {
                out.push_str(&rest[..=i]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The links to a table's files.
fn file_links(t: &PageTable) -> String {
    format!(
        "<a href=\"{0}.csv\">CSV</a> · <a href=\"{0}.json\">JSON</a>",
        escape_html(&t.stem)
    )
}

/// One sortable HTML table; numeric cells right-aligned.
fn html_table(out: &mut String, t: &PageTable) {
    if !t.title.is_empty() {
        out.push_str(&format!("<h4>{}</h4>\n", escape_html(&t.title)));
    }
    if !t.note.is_empty() {
        out.push_str(&format!("<p class=\"note\">{}</p>\n", inline(&t.note)));
    }
    if !t.stem.is_empty() {
        out.push_str(&format!("<p class=\"files\">{}</p>\n", file_links(t)));
    }
    out.push_str("<div class=\"scroll\"><table class=\"sortable\"><thead><tr>");
    for h in &t.header {
        out.push_str(&format!("<th>{}</th>", escape_html(h)));
    }
    out.push_str("</tr></thead><tbody>\n");
    let marked = t.stem.ends_with("robustness_to_coding");
    for r in &t.rows {
        out.push_str("<tr>");
        for c in r {
            let shown = c.shown();
            if let Some((value, marks)) = marked.then(|| split_marks(&shown)).flatten() {
                // The value, then the marks on their own unbroken line; sorted by the value.
                out.push_str(&format!(
                    "<td class=\"rb\" data-v=\"{0}\">{0}<span class=\"m\">{1}</span></td>",
                    escape_html(value),
                    escape_html(marks)
                ));
                continue;
            }
            let class = if c.is_numeric() { " class=\"n\"" } else { "" };
            out.push_str(&format!("<td{class}>{}</td>", escape_html(&shown)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></div>\n");
}

/// A robustness cell (`0.228 + + 0 ▼ ▼`, `48 % − 0 n/a`) as its value and
/// its marks (each a [`Verdict::mark`]); `None` when the cell is not a value
/// followed by marks only (`undefined`, a statistic's name).
fn split_marks(cell: &str) -> Option<(&str, &str)> {
    let is_mark = |m: &str| Verdict::ALL.iter().any(|v| v.mark() == m);
    let first = cell.find(' ')?;
    let value_end = if cell[first..].starts_with(" %") {
        first + 2
    } else {
        first
    };
    let (value, marks) = (&cell[..value_end], cell[value_end..].trim());
    let all_marks = !marks.is_empty() && marks.split(' ').all(is_mark);
    all_marks.then_some((value, marks))
}

/// Blocks as HTML (a table with an empty stem gets no file links).
pub(crate) fn blocks_html(blocks: &[Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        html_block(&mut out, b);
    }
    out
}

fn html_block(out: &mut String, b: &Block) {
    match b {
        Block::Heading(h) => out.push_str(&format!("<h3>{}</h3>\n", escape_html(h))),
        Block::Para(p) => out.push_str(&format!("<p>{}</p>\n", inline(p))),
        Block::List(items) => {
            out.push_str(&format!(
                "<details><summary>In words: {} lines (click to open)</summary>\n<ul>\n",
                items.len()
            ));
            for i in items {
                out.push_str(&format!("<li>{}</li>\n", inline(i)));
            }
            out.push_str("</ul>\n</details>\n");
        }
        Block::Table(t) => html_table(out, t),
    }
}

fn html_page_block(out: &mut String, b: &PageBlock) {
    match b {
        PageBlock::One(b) => html_block(out, b),
        PageBlock::Columns(cols) => {
            out.push_str("<div class=\"cols\">\n");
            for c in cols {
                out.push_str("<div>\n");
                for b in c {
                    html_block(out, b);
                }
                out.push_str("</div>\n");
            }
            out.push_str("</div>\n");
        }
    }
}

fn md_table(out: &mut String, t: &PageTable) {
    if !t.title.is_empty() {
        out.push_str(&format!("#### {}\n\n", escape_md(&t.title)));
    }
    if !t.note.is_empty() {
        out.push_str(&format!("*{}*\n\n", escape_md(&t.note)));
    }
    out.push_str(&format!("[CSV]({0}.csv) · [JSON]({0}.json)\n\n", t.stem));
    let h: Vec<String> = t.header.iter().map(|s| escape_md(s)).collect();
    out.push_str(&format!("| {} |\n", h.join(" | ")));
    out.push_str(&format!("|{}\n", "---|".repeat(t.header.len())));
    for r in &t.rows {
        let c: Vec<String> = r.iter().map(|c| escape_md(&c.shown())).collect();
        out.push_str(&format!("| {} |\n", c.join(" | ")));
    }
    out.push('\n');
}

fn md_block(out: &mut String, b: &Block) {
    match b {
        Block::Heading(h) => out.push_str(&format!("### {}\n\n", escape_md(h))),
        // Already Markdown (comparison_markdown wrote it) or plain text.
        Block::Para(p) => out.push_str(&format!("{p}\n\n")),
        Block::List(items) => {
            for i in items {
                out.push_str(&format!("- {i}\n"));
            }
            out.push('\n');
        }
        Block::Table(t) => md_table(out, t),
    }
}

fn md_page_block(out: &mut String, b: &PageBlock) {
    match b {
        PageBlock::One(b) => md_block(out, b),
        PageBlock::Columns(cols) => cols.iter().flatten().for_each(|b| md_block(out, b)),
    }
}

const INTRO: &str = "Every bundled case measured on the aggregate of its positive layers (brokerage by sector, core = the party actors), then compared with every baseline on every coding of the robustness table. Click a table header to sort; every table links to its CSV and JSON.";

/// A case's answer as its card says it, or [`ANSWER_NOT_RUN`].
fn answer_of(c: &CasePage) -> &str {
    c.answer
        .as_ref()
        .map_or(ANSWER_NOT_RUN, |(t, _)| t.as_str())
}

/// The page: the answer of every case (a table, then a card per case), the
/// blocks across cases (`cross`), then every case. The same inputs give the
/// same bytes.
pub fn index_html(cases: &[CasePage], cross: &[PageBlock]) -> String {
    let mut o = String::from(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>coprod report</title>\n<style>\n",
    );
    o.push_str(CSS);
    o.push_str("\n</style>\n</head>\n<body>\n<h1>coprod: co-production actor graphs</h1>\n");
    o.push_str(&format!("<p>{}</p>\n", escape_html(INTRO)));
    o.push_str("<section id=\"answers\">\n<h2>The answer for each case</h2>\n");
    // Every case's answer in one table, on the first screen; the cards
    // below give the evidence.
    o.push_str(
        "<table class=\"sortable answers\"><thead><tr><th>case</th><th>answer (headline coding: why)</th></tr></thead><tbody>\n",
    );
    for c in cases {
        o.push_str(&format!(
            "<tr><td><a href=\"#card-{0}\">{0}</a></td><td>{1}</td></tr>\n",
            escape_html(&c.name),
            escape_html(answer_of(c))
        ));
    }
    o.push_str("</tbody></table>\n<div class=\"cards\">\n");
    for c in cases {
        let (answer, lines) = match &c.answer {
            Some((t, l)) => (t.as_str(), l.as_slice()),
            None => (ANSWER_NOT_RUN, c.headline.as_slice()),
        };
        o.push_str(&format!(
            "<div class=\"card\" id=\"card-{0}\"><h3><a href=\"#{0}\">{0}</a></h3><p class=\"card-title\">{1}</p>\n<p class=\"answer\"><strong>Answer:</strong> <em>{2}</em></p>\n<ul>",
            escape_html(&c.name),
            escape_html(&c.title),
            escape_html(answer)
        ));
        for h in lines {
            o.push_str(&format!("<li>{}</li>", escape_html(h)));
        }
        o.push_str("</ul></div>\n");
    }
    o.push_str("</div>\n</section>\n<section id=\"cross-case\">\n<h2>Across cases</h2>\n");
    for b in cross {
        html_page_block(&mut o, b);
    }
    o.push_str("</section>\n<h2>Cases</h2>\n<ul>\n");
    for c in cases {
        o.push_str(&format!(
            "<li><a href=\"#{0}\">{0}</a>: {1}</li>\n",
            escape_html(&c.name),
            escape_html(&c.title)
        ));
    }
    o.push_str("</ul>\n");
    for c in cases {
        o.push_str(&format!(
            "<section id=\"{0}\">\n<h2>{0}: {1}</h2>\n<p>{2}</p>\n",
            escape_html(&c.name),
            escape_html(&c.title),
            escape_html(&c.summary_line)
        ));
        match &c.svg {
            Some(svg) => {
                o.push_str("<div class=\"figure\">\n");
                o.push_str(&inline_svg(svg));
                o.push_str("\n</div>\n");
            }
            None => o.push_str("<p class=\"note\">No figure drawn (coprod figure).</p>\n"),
        }
        if !c.files.is_empty() {
            o.push_str("<p class=\"files\">Figures and plots: ");
            let links: Vec<String> = c
                .files
                .iter()
                .map(|f| format!("<a href=\"{0}\">{0}</a>", escape_html(f)))
                .collect();
            o.push_str(&links.join(", "));
            o.push_str("</p>\n");
        }
        for b in &c.blocks {
            html_page_block(&mut o, b);
        }
        o.push_str("</section>\n");
    }
    o.push_str("<script>\n");
    o.push_str(JS);
    o.push_str("\n</script>\n</body>\n</html>\n");
    o
}

/// The same page in Markdown.
pub fn index_markdown(cases: &[CasePage], cross: &[PageBlock]) -> String {
    let mut o = String::from("# coprod: co-production actor graphs\n\n");
    o.push_str(&format!(
        "{INTRO}\n\n## The answer for each case\n\n| case | answer (headline coding: why) |\n|---|---|\n"
    ));
    for c in cases {
        o.push_str(&format!(
            "| {} | {} |\n",
            escape_md(&c.name),
            escape_md(answer_of(c))
        ));
    }
    o.push('\n');
    for c in cases {
        let (answer, lines) = match &c.answer {
            Some((t, l)) => (t.as_str(), l.as_slice()),
            None => (ANSWER_NOT_RUN, c.headline.as_slice()),
        };
        o.push_str(&format!(
            "### {}: {}\n\n**Answer:** *{}*\n\n",
            escape_md(&c.name),
            escape_md(&c.title),
            escape_md(answer)
        ));
        for h in lines {
            o.push_str(&format!("- {}\n", escape_md(h)));
        }
        o.push('\n');
    }
    o.push_str("## Across cases\n\n");
    for b in cross {
        md_page_block(&mut o, b);
    }
    for c in cases {
        o.push_str(&format!(
            "## {}: {}\n\n{}\n\n",
            escape_md(&c.name),
            escape_md(&c.title),
            escape_md(&c.summary_line)
        ));
        if c.svg.is_some() {
            o.push_str(&format!("![{0} aggregate]({0}/aggregate.svg)\n\n", c.name));
        }
        if !c.files.is_empty() {
            let links: Vec<String> = c.files.iter().map(|f| format!("[{f}]({f})")).collect();
            o.push_str(&format!("Figures and plots: {}\n\n", links.join(", ")));
        }
        for b in &c.blocks {
            md_page_block(&mut o, b);
        }
    }
    o
}

/// Write `index.html` and `index.md` into `out`, and beside them the CSV and
/// JSON of every table they show whose files the page writes
/// ([`Files::FromCells`]).
///
/// # Errors
/// [`Error::Io`](crate::Error::Io) naming a file that cannot be written.
pub fn write_index(out: &Path, cases: &[CasePage], cross: &[PageBlock]) -> Result<()> {
    let blocks = cases.iter().flat_map(|c| &c.blocks).chain(cross);
    for b in blocks {
        for t in b.tables() {
            if t.files == Files::FromCells {
                let csv = out.join(format!("{}.csv", t.stem));
                if let Some(dir) = csv.parent() {
                    std::fs::create_dir_all(dir).map_err(|e| crate::io::write_error(dir, e))?;
                }
                write_file(&csv, &t.to_csv())?;
                write_file(&out.join(format!("{}.json", t.stem)), &t.to_json())?;
            }
        }
    }
    write_file(&out.join("index.html"), &index_html(cases, cross))?;
    write_file(&out.join("index.md"), &index_markdown(cases, cross))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn robustness_cells_split_into_value_and_marks() {
        assert_eq!(
            split_marks("0.228 + + 0 0 + 0 + + ▼ ▼"),
            Some(("0.228", "+ + 0 0 + 0 + + ▼ ▼"))
        );
        assert_eq!(
            split_marks("48 % − − 0 n/a n/a"),
            Some(("48 %", "− − 0 n/a n/a"))
        );
        assert_eq!(split_marks("0 % 0 0 ≈"), Some(("0 %", "0 0 ≈")));
        assert_eq!(split_marks("undefined"), None);
        assert_eq!(split_marks("35 / 94 / 12"), None);
        assert_eq!(split_marks("degree_centralization"), None);
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape_html("<a href=\"x\">&'金松'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;金松&#39;"
        );
        assert_eq!(escape_md("a|b_c"), "a\\|b\\_c");
        assert_eq!(
            inline("see [a.csv](x/a.csv) and `kind:party` [not a link"),
            "see <a href=\"x/a.csv\">a.csv</a> and <code>kind:party</code> [not a link"
        );
    }

    #[test]
    fn svg_loses_its_prolog_and_namespaces() {
        let s = inline_svg(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"x\" \"http://www.w3.org/x.dtd\">\n<!-- c -->\n<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><!-- n --><a xlink:href=\"#a\"/></svg>\n",
        );
        assert_eq!(s, "<svg><a href=\"#a\"/></svg>");
    }
}
