//! Reading a drawn figure back: how wide it is, how small its text prints
//! at a given width, and how many times its ties cross. Used to compare the
//! Graphviz and the pure-Rust layouts on the same case, and by the tests
//! that keep the figures legible in one column of a paper.
//!
//! Both renderers write each tie as one `<g class="edge">` group holding a
//! `<path d="…">` of absolute `M`, `C`, `S` and `L` commands (Graphviz's
//! own output and this crate's), so the same reader counts both.

use crate::error::Result;

/// One column of a two-column paper: 8.5 cm in points.
pub const COLUMN_WIDTH_PT: f64 = 8.5 / 2.54 * 72.0;

/// The width of an SVG document in points (its root's `width`; `px` as 0.75 pt).
///
/// # Errors
/// [`Error::Render`](crate::Error::Render) when the root has no width.
pub fn svg_width_pt(svg: &str) -> Result<f64> {
    let bad = || super::text::render_error("inspect", "no <svg width=...> at the root");
    let start = svg.find("<svg").ok_or_else(bad)?;
    let end = svg[start..].find('>').ok_or_else(bad)? + start;
    let tag = &svg[start..end];
    let w = attr(tag, "width").ok_or_else(bad)?;
    let w = w.trim();
    let v = if let Some(n) = w.strip_suffix("pt") {
        n.parse::<f64>().ok()
    } else if let Some(n) = w.strip_suffix("px") {
        n.parse::<f64>().ok().map(|x| x * 0.75)
    } else {
        w.parse::<f64>().ok()
    };
    v.ok_or_else(bad)
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let s = tag.find(&key)? + key.len();
    let e = tag[s..].find('"')? + s;
    Some(&tag[s..e])
}

/// The smallest `font-size` (points) of the document's text elements
/// (Graphviz writes `font-size="10.00"`), `f64::INFINITY` when none is set.
pub fn smallest_font_pt(svg: &str) -> f64 {
    let mut min = f64::INFINITY;
    let mut rest = svg;
    while let Some(i) = rest.find("<text") {
        let end = rest[i..].find('>').map_or(rest.len(), |e| e + i);
        if let Some(v) = attr(&rest[i..end], "font-size").and_then(|v| v.parse::<f64>().ok()) {
            min = min.min(v);
        }
        rest = &rest[end..];
    }
    min
}

/// The size `pt` text prints at when the document is scaled to `width` points.
///
/// # Errors
/// As [`svg_width_pt`].
pub fn printed_size(svg: &str, pt: f64, width: f64) -> Result<f64> {
    Ok(pt * width / svg_width_pt(svg)?)
}

/// The number of pairs of ties that cross at least once, on each tie's path
/// flattened to 16 segments per curve; a meeting within 2 pt of an end of
/// either tie (ties meeting at an actor) is not a crossing. Pairs, not
/// points: two ties running side by side in a bundle may touch many times
/// where a reader sees one crossing or none.
pub fn edge_crossings(svg: &str) -> usize {
    let paths: Vec<Vec<(f64, f64)>> = edge_paths(svg).iter().map(|d| flatten(d)).collect();
    let near_end = |p: (f64, f64), path: &[(f64, f64)]| {
        let close = |q: &(f64, f64)| (p.0 - q.0).hypot(p.1 - q.1) < 2.0;
        path.first().is_some_and(close) || path.last().is_some_and(close)
    };
    let boxes: Vec<(f64, f64, f64, f64)> = paths.iter().map(|p| bbox(p)).collect();
    let mut n = 0;
    for i in 0..paths.len() {
        for j in i + 1..paths.len() {
            let (a, b) = (boxes[i], boxes[j]);
            if a.2 < b.0 || b.2 < a.0 || a.3 < b.1 || b.3 < a.1 {
                continue;
            }
            let crosses = paths[i].windows(2).any(|s| {
                paths[j].windows(2).any(|t| {
                    intersect(s[0], s[1], t[0], t[1])
                        .is_some_and(|p| !near_end(p, &paths[i]) && !near_end(p, &paths[j]))
                })
            });
            n += usize::from(crosses);
        }
    }
    n
}

fn bbox(p: &[(f64, f64)]) -> (f64, f64, f64, f64) {
    p.iter().fold(
        (
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ),
        |b, q| (b.0.min(q.0), b.1.min(q.1), b.2.max(q.0), b.3.max(q.1)),
    )
}

/// The `d` of the first `<path` in every `<g … class="edge">` group.
fn edge_paths(svg: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find("class=\"edge\"") {
        rest = &rest[i..];
        let group_end = rest.find("</g>").unwrap_or(rest.len());
        let group = &rest[..group_end];
        if let Some(p) = group.find("<path") {
            let tag_end = group[p..].find('>').map_or(group.len(), |e| e + p);
            if let Some(d) = attr(&group[p..tag_end], "d") {
                out.push(d.to_string());
            }
        }
        rest = &rest[group_end..];
    }
    out
}

/// A path of absolute `M`, `L`, `C` and `S` commands as a polyline.
fn flatten(d: &str) -> Vec<(f64, f64)> {
    let mut tokens: Vec<Tok> = Vec::new();
    let mut num = String::new();
    let flush = |num: &mut String, tokens: &mut Vec<Tok>| {
        if let Ok(v) = num.parse() {
            tokens.push(Tok::Num(v));
        }
        num.clear();
    };
    for c in d.chars() {
        match c {
            'M' | 'L' | 'C' | 'S' => {
                flush(&mut num, &mut tokens);
                tokens.push(Tok::Cmd(c));
            }
            '-' if !num.is_empty() && !num.ends_with('e') => {
                flush(&mut num, &mut tokens);
                num.push(c);
            }
            c if c.is_ascii_digit() || c == '.' || c == '-' || c == 'e' => num.push(c),
            _ => flush(&mut num, &mut tokens),
        }
    }
    flush(&mut num, &mut tokens);
    let mut pts: Vec<(f64, f64)> = Vec::new();
    let mut cmd = 'M';
    let mut nums: Vec<f64> = Vec::new();
    let mut last_ctrl: Option<(f64, f64)> = None;
    let mut run = |cmd: char, nums: &mut Vec<f64>, pts: &mut Vec<(f64, f64)>| {
        let need = match cmd {
            'C' => 6,
            'S' => 4,
            _ => 2,
        };
        while nums.len() >= need {
            let v: Vec<f64> = nums.drain(..need).collect();
            let cur = pts.last().copied().unwrap_or((v[0], v[1]));
            match cmd {
                'M' | 'L' => {
                    pts.push((v[0], v[1]));
                    last_ctrl = None;
                }
                _ => {
                    let (c1, c2, end) = if cmd == 'C' {
                        ((v[0], v[1]), (v[2], v[3]), (v[4], v[5]))
                    } else {
                        let c1 = last_ctrl.map_or(cur, |c| (2.0 * cur.0 - c.0, 2.0 * cur.1 - c.1));
                        (c1, (v[0], v[1]), (v[2], v[3]))
                    };
                    for k in 1..=16 {
                        let t = k as f64 / 16.0;
                        let u = 1.0 - t;
                        let b = |a: f64, b: f64, c: f64, d: f64| {
                            u * u * u * a
                                + 3.0 * u * u * t * b
                                + 3.0 * u * t * t * c
                                + t * t * t * d
                        };
                        pts.push((b(cur.0, c1.0, c2.0, end.0), b(cur.1, c1.1, c2.1, end.1)));
                    }
                    last_ctrl = Some(c2);
                }
            }
        }
    };
    for t in tokens {
        match t {
            Tok::Cmd(c) => {
                run(cmd, &mut nums, &mut pts);
                nums.clear();
                cmd = c;
            }
            Tok::Num(v) => nums.push(v),
        }
    }
    run(cmd, &mut nums, &mut pts);
    pts
}

enum Tok {
    Cmd(char),
    Num(f64),
}

/// The point where segments `ab` and `cd` cross (proper crossings only).
fn intersect(a: (f64, f64), b: (f64, f64), c: (f64, f64), d: (f64, f64)) -> Option<(f64, f64)> {
    let r = (b.0 - a.0, b.1 - a.1);
    let s = (d.0 - c.0, d.1 - c.1);
    let den = r.0 * s.1 - r.1 * s.0;
    if den.abs() < 1e-12 {
        return None;
    }
    let q = (c.0 - a.0, c.1 - a.1);
    let t = (q.0 * s.1 - q.1 * s.0) / den;
    let u = (q.0 * r.1 - q.1 * r.0) / den;
    // Half-open on one end so that a crossing at a shared vertex of two
    // consecutive segments counts once.
    if (0.0..1.0).contains(&t) && (0.0..1.0).contains(&u) {
        Some((a.0 + t * r.0, a.1 + t * r.1))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_crossing_lines_cross_once_and_a_shared_end_is_not_a_crossing() {
        let svg = r#"<svg width="100pt"><g class="edge"><path d="M 0 0 L 10 10"/></g>
<g class="edge"><path d="M 0,10 L 10,0"/></g><g class="edge"><path d="M10 10 L 20 0"/></g></svg>"#;
        assert_eq!(edge_crossings(svg), 1);
        assert_eq!(svg_width_pt(svg).unwrap(), 100.0);
        // A curve crossed by two vertical lines, and a third line crossing the curve twice.
        let svg = r#"<g class="edge"><path d="M0,0C10,20 20,20 30,0"/></g><g class="edge"><path d="M 5 -5 L 5 30"/></g><g class="edge"><path d="M 25 -5 L 25 30"/></g><g class="edge"><path d="M -5 5 L 35 5"/></g>"#;
        // curve × each vertical, curve × horizontal (twice: one pair), each vertical × horizontal.
        assert_eq!(edge_crossings(svg), 5);
    }
}
