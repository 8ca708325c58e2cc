//! The main job's web page `index.html` (self-contained: inline CSS, the
//! figures' SVG inline, a few lines of inline JS that sort every table by its
//! header) and `index.md` (the same tables in Markdown).
//!
//! The page is built from plain values ([`CasePage`]) so this module needs
//! neither the figures' code nor the command line: the figure is SVG text
//! read from the file the job drew.

use crate::error::Result;
use crate::io::write_file;
use std::path::Path;

/// The measures whose top actors each case shows.
pub const TOP_MEASURES: &[&str] = &["betweenness", "brokerage", "liaison", "degree"];

/// How many top actors per measure.
pub const TOP_K: usize = 5;

/// One case on the page.
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
    /// `(measure, value)` of the graph summary, undefined as `None`.
    pub graph_rows: Vec<(String, Option<f64>)>,
    /// Per measure of [`TOP_MEASURES`]: `(measure, [(id, label, value)])`.
    pub top: Vec<(String, TopActors)>,
}

/// The top actors of one measure: `(id, label, value)`, highest first.
pub type TopActors = Vec<(String, String, f64)>;

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

fn value(v: Option<f64>) -> String {
    match v {
        None => "-".into(),
        Some(v) if v.is_nan() => "-".into(),
        Some(v) => crate::model::fmt_value(v),
    }
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
.cols{display:flex;gap:2em;align-items:flex-start}";

/// No `<` or `&` in it, so the page stays XML-ish.
const JS: &str = "document.querySelectorAll('table.sortable').forEach(function(t){
t.querySelectorAll('th').forEach(function(th,i){th.addEventListener('click',function(){
var b=t.tBodies[0],rows=Array.prototype.slice.call(b.rows),asc=!th.classList.contains('asc');
t.querySelectorAll('th').forEach(function(h){h.classList.remove('asc','desc')});th.classList.add(asc?'asc':'desc');
function key(r){var s=r.cells[i].textContent,x=parseFloat(s);return isNaN(x)||!/^-?[0-9.eE+-]+$/.test(s)?s:x}
rows.sort(function(p,q){var a=key(p),c=key(q);var r=(typeof a==typeof c)?(c>a?-1:a>c?1:0):(typeof a=='number'?-1:1);return asc?r:-r});
rows.forEach(function(r){b.appendChild(r)})})})});";

/// One sortable HTML table; cells whose text is a number right-aligned.
fn html_table(out: &mut String, header: &[&str], rows: &[Vec<String>]) {
    out.push_str("<table class=\"sortable\"><thead><tr>");
    for h in header {
        out.push_str(&format!("<th>{}</th>", escape_html(h)));
    }
    out.push_str("</tr></thead><tbody>\n");
    for r in rows {
        out.push_str("<tr>");
        for c in r {
            let numeric = c.parse::<f64>().is_ok();
            out.push_str(&if numeric {
                format!("<td class=\"n\">{}</td>", escape_html(c))
            } else {
                format!("<td>{}</td>", escape_html(c))
            });
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
}

fn md_table(out: &mut String, header: &[&str], rows: &[Vec<String>]) {
    let h: Vec<String> = header.iter().map(|s| escape_md(s)).collect();
    out.push_str(&format!("| {} |\n", h.join(" | ")));
    out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
    for r in rows {
        let c: Vec<String> = r.iter().map(|s| escape_md(s)).collect();
        out.push_str(&format!("| {} |\n", c.join(" | ")));
    }
    out.push('\n');
}

fn top_rows(rows: &[(String, String, f64)]) -> Vec<Vec<String>> {
    rows.iter()
        .enumerate()
        .map(|(i, (id, label, v))| {
            vec![
                (i + 1).to_string(),
                id.clone(),
                label.clone(),
                value(Some(*v)),
            ]
        })
        .collect()
}

const NOTE: &str = "The comparison against baselines (coprod compare) is not part of the main job yet: at 1,000 draws per baseline it is too slow. Run coprod compare <case> for the verdicts and the robustness table.";

/// `cases.csv` text as a header and rows.
fn parse_csv(csv: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut lines = csv.lines();
    let header = lines
        .next()
        .map(|l| l.split(',').map(String::from).collect())
        .unwrap_or_default();
    let rows = lines
        .map(|l| {
            l.split(',')
                .map(|c| {
                    if c.is_empty() {
                        return "-".to_string();
                    }
                    c.parse::<f64>()
                        .map_or_else(|_| c.to_string(), |v| value(Some(v)))
                })
                .collect()
        })
        .collect();
    (header, rows)
}

/// The page: every case, then the cross-case table (`cases_csv`, the text
/// of `cases.csv`). The same inputs give the same bytes.
pub fn index_html(cases: &[CasePage], cases_csv: &str) -> String {
    let mut o = String::from(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>coprod report</title>\n<style>\n",
    );
    o.push_str(CSS);
    o.push_str("\n</style>\n</head>\n<body>\n<h1>coprod: co-production actor graphs</h1>\n");
    o.push_str("<p>Every bundled case measured on the aggregate of its positive layers (brokerage by sector, core = the party actors). Click a table header to sort.</p>\n");
    o.push_str(&format!(
        "<p class=\"note\">{}</p>\n<ul>\n",
        escape_html(NOTE)
    ));
    for c in cases {
        o.push_str(&format!(
            "<li><a href=\"#{0}\">{0}</a>: {1}</li>\n",
            escape_html(&c.name),
            escape_html(&c.title)
        ));
    }
    o.push_str("<li><a href=\"#cross-case\">across cases</a></li>\n</ul>\n");
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
        o.push_str("<div class=\"cols\"><div>\n<h3>Graph summary</h3>\n");
        let rows: Vec<Vec<String>> = c
            .graph_rows
            .iter()
            .map(|(n, v)| vec![n.clone(), value(*v)])
            .collect();
        html_table(&mut o, &["measure", "value"], &rows);
        o.push_str("</div>\n<div>\n<h3>Top actors</h3>\n<div class=\"tops\">\n");
        for (m, top) in &c.top {
            o.push_str(&format!("<div><h3>{}</h3>\n", escape_html(m)));
            html_table(&mut o, &["#", "id", "label", m], &top_rows(top));
            o.push_str("</div>\n");
        }
        o.push_str("</div>\n</div></div>\n</section>\n");
    }
    o.push_str("<section id=\"cross-case\">\n<h2>Across cases</h2>\n");
    let (header, rows) = parse_csv(cases_csv);
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    o.push_str("<div class=\"figure\">\n");
    html_table(&mut o, &header, &rows);
    o.push_str("</div>\n</section>\n<script>\n");
    o.push_str(JS);
    o.push_str("\n</script>\n</body>\n</html>\n");
    o
}

/// The same tables in Markdown.
pub fn index_markdown(cases: &[CasePage], cases_csv: &str) -> String {
    let mut o = String::from("# coprod: co-production actor graphs\n\n");
    o.push_str("Every bundled case measured on the aggregate of its positive layers (brokerage by sector, core = the party actors).\n\n");
    o.push_str(&format!("*{NOTE}*\n\n"));
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
        o.push_str("### Graph summary\n\n");
        let rows: Vec<Vec<String>> = c
            .graph_rows
            .iter()
            .map(|(n, v)| vec![n.clone(), value(*v)])
            .collect();
        md_table(&mut o, &["measure", "value"], &rows);
        for (m, top) in &c.top {
            o.push_str(&format!("### Top {} by {}\n\n", top.len(), escape_md(m)));
            md_table(&mut o, &["#", "id", "label", m], &top_rows(top));
        }
    }
    o.push_str("## Across cases\n\n");
    let (header, rows) = parse_csv(cases_csv);
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    md_table(&mut o, &header, &rows);
    o
}

/// Write `index.html` and `index.md` into `out`.
///
/// # Errors
/// [`Error::Io`](crate::Error::Io) naming a file that cannot be written.
pub fn write_index(out: &Path, cases: &[CasePage], cases_csv: &str) -> Result<()> {
    write_file(&out.join("index.html"), &index_html(cases, cases_csv))?;
    write_file(&out.join("index.md"), &index_markdown(cases, cases_csv))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape_html("<a href=\"x\">&'金松'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;金松&#39;"
        );
        assert_eq!(escape_md("a|b_c"), "a\\|b\\_c");
    }

    #[test]
    fn svg_loses_its_prolog_and_namespaces() {
        let s = inline_svg(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"x\" \"http://www.w3.org/x.dtd\">\n<!-- c -->\n<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><!-- n --><a xlink:href=\"#a\"/></svg>\n",
        );
        assert_eq!(s, "<svg><a href=\"#a\"/></svg>");
    }
}
