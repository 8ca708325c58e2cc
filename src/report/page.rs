//! The pieces of the report page: a [`PageTable`] (one table the page shows,
//! written beside it as CSV and JSON from the same cells) and [`Block`]s
//! (headings, paragraphs, lists, tables) read from the Markdown that
//! [`comparison_markdown`](super::comparison_markdown) and
//! [`cross_case_markdown`](super::cross_case_markdown) write, so the page and
//! `comparison.md` say the same thing.

use crate::io::{csv_number, json_number};

/// One cell: text, or a number (`None` undefined) that the page rounds for a
/// reader and CSV / JSON keep exact.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text, shown as it is.
    Text(String),
    /// A number; `None` (or NaN) is undefined: `-` on the page, empty in
    /// CSV, `null` in JSON.
    Num(Option<f64>),
}

impl Cell {
    /// The cell for a reader: numbers to 3 significant digits (an integer
    /// part of 100 or more in full, zero up to rounding `0`), undefined `-`.
    pub fn shown(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Num(Some(v)) => crate::model::fmt_value(*v),
            Cell::Num(None) => "-".into(),
        }
    }

    fn csv(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Num(v) => v.map_or(String::new(), csv_number),
        }
    }

    fn json(&self) -> serde_json::Value {
        match self {
            Cell::Text(s) => s.clone().into(),
            Cell::Num(v) => json_number(v.unwrap_or(f64::NAN)),
        }
    }

    /// Whether the page right-aligns it.
    pub fn is_numeric(&self) -> bool {
        match self {
            Cell::Num(_) => true,
            Cell::Text(s) => s.parse::<f64>().is_ok(),
        }
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}

impl From<f64> for Cell {
    fn from(v: f64) -> Cell {
        Cell::Num(Some(v).filter(|v| !v.is_nan()))
    }
}

impl From<Option<f64>> for Cell {
    fn from(v: Option<f64>) -> Cell {
        Cell::Num(v.filter(|v| !v.is_nan()))
    }
}

/// Who writes a table's CSV and JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Files {
    /// The page's writer, from the table's cells ([`PageTable::to_csv`], [`PageTable::to_json`]).
    FromCells,
    /// The caller, who already wrote `<stem>.csv` and `<stem>.json` (e.g.
    /// the graph summary's own [`Table`](super::Table) files).
    Beside,
}

/// One table the page shows, and the stem of its CSV and JSON files
/// (relative to the page: `jinsong/brokerage` → `jinsong/brokerage.csv`).
#[derive(Debug, Clone, PartialEq)]
pub struct PageTable {
    /// The file stem, relative to the report directory, `/`-separated.
    pub stem: String,
    /// The heading above the table.
    pub title: String,
    /// A sentence under the heading (e.g. why fewer rows than asked), or empty.
    pub note: String,
    /// Column names.
    pub header: Vec<String>,
    /// Rows of cells, each as long as the header.
    pub rows: Vec<Vec<Cell>>,
    /// Who writes the files.
    pub files: Files,
}

impl PageTable {
    /// A table whose files the page's writer writes from its cells.
    pub fn new(stem: impl Into<String>, title: impl Into<String>, header: &[&str]) -> PageTable {
        PageTable {
            stem: stem.into(),
            title: title.into(),
            note: String::new(),
            header: header.iter().map(|s| (*s).to_string()).collect(),
            rows: Vec::new(),
            files: Files::FromCells,
        }
    }

    /// The table as CSV: the header, then the rows (numbers exact, undefined empty).
    pub fn to_csv(&self) -> String {
        crate::io::csv_string(|w| {
            w.write_record(&self.header)?;
            for r in &self.rows {
                w.write_record(r.iter().map(Cell::csv))?;
            }
            Ok(())
        })
    }

    /// The table as a JSON array of objects keyed by the header (numbers
    /// exact, undefined `null`).
    pub fn to_json(&self) -> String {
        let rows: Vec<serde_json::Value> = self
            .rows
            .iter()
            .map(|r| {
                let mut o = serde_json::Map::new();
                for (h, c) in self.header.iter().zip(r) {
                    o.insert(h.clone(), c.json());
                }
                serde_json::Value::Object(o)
            })
            .collect();
        serde_json::to_string_pretty(&rows).unwrap_or_default()
    }
}

/// A piece of a page section.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A sub-heading.
    Heading(String),
    /// A paragraph (inline `code` in backticks).
    Para(String),
    /// A bulleted list.
    List(Vec<String>),
    /// A table.
    Table(PageTable),
}

/// A heading as a file name: lower-case letters and digits joined by `_`,
/// without a trailing parenthesis ("The panel against each baseline
/// (directed)" → `the_panel_against_each_baseline`).
pub fn slug(heading: &str) -> String {
    let h = heading.split(" (").next().unwrap_or(heading);
    let words: Vec<String> = h
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.join("_")
}

/// The cells of one Markdown table row: split on `|` not escaped by `\`,
/// trimmed, `\|` unescaped.
fn md_cells(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut cells = Vec::new();
    let mut cur = String::new();
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cur.push('|');
                chars.next();
            }
            '|' => cells.push(std::mem::take(&mut cur).trim().to_string()),
            c => cur.push(c),
        }
    }
    cells.push(cur.trim().to_string());
    cells
}

/// The blocks of Markdown as [`comparison_markdown`](super::comparison_markdown)
/// writes it: `#` (the document's title) is dropped, `##` headings, `- `
/// lists, `|` tables (the first row the header, the second the rule) and
/// paragraphs. Each table's stem is `prefix` + `_` + the [`slug`] of the
/// heading above it (`prefix` alone before any heading).
pub fn markdown_blocks(md: &str, prefix: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut heading = String::new();
    let mut para: Vec<&str> = Vec::new();
    let mut list: Vec<String> = Vec::new();
    let mut table: Vec<&str> = Vec::new();
    let flush = |out: &mut Vec<Block>,
                 para: &mut Vec<&str>,
                 list: &mut Vec<String>,
                 table: &mut Vec<&str>,
                 heading: &str| {
        if !para.is_empty() {
            out.push(Block::Para(para.join(" ")));
            para.clear();
        }
        if !list.is_empty() {
            out.push(Block::List(std::mem::take(list)));
        }
        if !table.is_empty() {
            let header = md_cells(table[0]);
            let stem = if heading.is_empty() {
                prefix.to_string()
            } else {
                format!("{prefix}_{}", slug(heading))
            };
            let mut t = PageTable::new(stem, "", &[]);
            t.header = header;
            t.rows = table
                .iter()
                .skip(2)
                .map(|l| md_cells(l).into_iter().map(Cell::Text).collect())
                .collect();
            out.push(Block::Table(t));
            table.clear();
        }
    };
    for line in md.lines() {
        let l = line.trim_end();
        if l.starts_with("# ") {
            flush(&mut out, &mut para, &mut list, &mut table, &heading);
        } else if let Some(h) = l.strip_prefix("## ") {
            flush(&mut out, &mut para, &mut list, &mut table, &heading);
            heading = h.to_string();
            out.push(Block::Heading(heading.clone()));
        } else if l.starts_with('|') {
            if table.is_empty() {
                flush(&mut out, &mut para, &mut list, &mut table, &heading);
            }
            table.push(l);
        } else if let Some(item) = l.strip_prefix("- ") {
            if list.is_empty() {
                flush(&mut out, &mut para, &mut list, &mut table, &heading);
            }
            list.push(item.to_string());
        } else if l.is_empty() {
            flush(&mut out, &mut para, &mut list, &mut table, &heading);
        } else {
            if !list.is_empty() || !table.is_empty() {
                flush(&mut out, &mut para, &mut list, &mut table, &heading);
            }
            para.push(l);
        }
    }
    flush(&mut out, &mut para, &mut list, &mut table, &heading);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_blocks() {
        let md = "# t\n\nSome `code` here\nand more.\n\n## Verdicts (directed)\n\n- a\n- b\n\n## Robustness to coding\n\nEach cell.\n\n| s | x \\| y |\n|---|---|\n| 1 | a \\| b |\n";
        let b = markdown_blocks(md, "comparison");
        assert_eq!(b[0], Block::Para("Some `code` here and more.".into()));
        assert_eq!(b[1], Block::Heading("Verdicts (directed)".into()));
        assert_eq!(b[2], Block::List(vec!["a".into(), "b".into()]));
        assert_eq!(b[4], Block::Para("Each cell.".into()));
        let Block::Table(t) = &b[5] else {
            panic!("{b:?}")
        };
        assert_eq!(t.stem, "comparison_robustness_to_coding");
        assert_eq!(t.header, ["s", "x | y"]);
        assert_eq!(t.rows, [vec![Cell::from("1"), Cell::from("a | b")]]);
        assert_eq!(b.len(), 6);
    }

    #[test]
    fn cells_keep_numbers_exact_in_csv_and_json() {
        let mut t = PageTable::new("x", "X", &["id", "v"]);
        t.rows.push(vec!["a".into(), (1.0 / 3.0).into()]);
        t.rows.push(vec!["b, c".into(), f64::NAN.into()]);
        assert_eq!(t.to_csv(), "id,v\na,0.3333333333333333\n\"b, c\",\n");
        let j: serde_json::Value = serde_json::from_str(&t.to_json()).unwrap();
        assert_eq!(j[0]["v"], 1.0 / 3.0);
        assert!(j[1]["v"].is_null());
        assert_eq!(t.rows[0][1].shown(), "0.333");
        assert_eq!(t.rows[1][1].shown(), "-");
    }
}
