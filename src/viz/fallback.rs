//! The pure-Rust renderer: [`layered`](super::layered) lays the figure out,
//! this module draws it as SVG in the style Graphviz draws it: the level (or
//! sector) bands as grey rounded boxes with their names, each kind's shape
//! and colours from [`style`](super::style) (the legend's), ties in their
//! layer's colour, dash pattern and arrow, drawn under the nodes.

use super::figure::{Figure, FigureNode};
use super::layered::{Layout, NodeBox, layout};
use super::text::{MEASURED_FAMILY, xml};
use std::fmt::Write as _;

/// The figure's graph as SVG (no title, no legend), and its layout.
pub(crate) fn pure_rust(fig: &Figure) -> (String, Layout) {
    let l = layout(fig);
    let (w, h) = (l.width.max(1.0), l.height.max(1.0));
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.1}pt" height="{h:.1}pt" viewBox="0 0 {w:.1} {h:.1}" font-family="{MEASURED_FAMILY}">"#
    );
    let mut markers: Vec<&str> = Vec::new();
    for e in &fig.edges {
        if e.style.arrow && !markers.contains(&e.style.colour) {
            markers.push(e.style.colour);
        }
    }
    out.push_str("<defs>\n");
    for c in &markers {
        let _ = writeln!(
            out,
            r#"<marker id="arrow-{}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="{c}"/></marker>"#,
            &c[1..]
        );
    }
    out.push_str("</defs>\n");
    for b in &l.bands {
        let _ = writeln!(
            out,
            r##"<g class="cluster"><rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="6" fill="#F5F5F5" stroke="#BBBBBB" stroke-width="0.8"/><text x="{:.1}" y="{:.1}" font-size="11">{}</text></g>"##,
            b.x,
            b.y,
            b.w,
            b.h,
            b.x + 6.0,
            b.y + 13.0,
            xml(&b.label)
        );
    }
    for (e, route) in fig.edges.iter().zip(&l.routes) {
        let Some(route) = route else { continue };
        let dash = match e.style.line.dasharray() {
            "" => String::new(),
            d => format!(r#" stroke-dasharray="{d}""#),
        };
        let head = if e.style.arrow {
            format!(r#" marker-end="url(#arrow-{})""#, &e.style.colour[1..])
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            r#"<g class="edge"><title>{} → {} ({})</title><path d="{}" fill="none" stroke="{}" stroke-width="1.1"{dash}{head}/></g>"#,
            xml(&fig.nodes[e.source].id),
            xml(&fig.nodes[e.target].id),
            xml(&e.layer),
            route.d,
            e.style.colour
        );
    }
    for (n, b) in fig.nodes.iter().zip(&l.nodes) {
        let _ = writeln!(
            out,
            r#"<g class="node"><title>{}</title>{}{}</g>"#,
            xml(&n.tooltip),
            shape(n, b),
            label(n, b)
        );
    }
    out.push_str("</svg>\n");
    (out, l)
}

/// The node's shape (its kind's, as the legend draws it) filling its box.
fn shape(n: &FigureNode, b: &NodeBox) -> String {
    let (x0, y0, w, h) = (b.x - b.w / 2.0, b.y - b.h / 2.0, b.w, b.h);
    let paint = format!(
        r##"fill="{}" stroke="#333333" stroke-width="0.8""##,
        n.style.fill
    );
    let poly = |pts: &[(f64, f64)]| {
        let p: Vec<String> = pts
            .iter()
            .map(|(a, c)| format!("{:.1},{:.1}", x0 + a, y0 + c))
            .collect();
        format!(r#"<polygon points="{}" {paint}/>"#, p.join(" "))
    };
    match n.style.shape {
        "octagon" => {
            let c = h * 0.3;
            poly(&[
                (c, 0.0),
                (w - c, 0.0),
                (w, c),
                (w, h - c),
                (w - c, h),
                (c, h),
                (0.0, h - c),
                (0.0, c),
            ])
        }
        "hexagon" => {
            let c = h * 0.4;
            poly(&[
                (c, 0.0),
                (w - c, 0.0),
                (w, h / 2.0),
                (w - c, h),
                (c, h),
                (0.0, h / 2.0),
            ])
        }
        "parallelogram" => {
            let c = h * 0.35;
            poly(&[(c, 0.0), (w, 0.0), (w - c, h), (0.0, h)])
        }
        "house" => {
            let roof = b.text_dy * 2.0;
            poly(&[(w / 2.0, 0.0), (w, roof), (w, h), (0.0, h), (0.0, roof)])
        }
        "ellipse" => format!(
            r#"<ellipse cx="{:.1}" cy="{:.1}" rx="{:.1}" ry="{:.1}" {paint}/>"#,
            b.x,
            b.y,
            w / 2.0,
            h / 2.0
        ),
        _ => format!(
            r#"<rect x="{x0:.1}" y="{y0:.1}" width="{w:.1}" height="{h:.1}" rx="{}" {paint}/>"#,
            if n.style.rounded { 5 } else { 0 }
        ),
    }
}

/// The node's label, its lines centred in the box.
fn label(n: &FigureNode, b: &NodeBox) -> String {
    let lines: Vec<&str> = n.label.lines().collect();
    let step = b.font * 1.2;
    let top = b.y + b.text_dy - (lines.len() as f64 - 1.0) * step / 2.0;
    let mut s = format!(
        r#"<text text-anchor="middle" dominant-baseline="central" font-size="{}" fill="{}">"#,
        b.font, n.style.text
    );
    for (k, line) in lines.iter().enumerate() {
        let _ = write!(
            s,
            r#"<tspan x="{:.1}" y="{:.1}">{}</tspan>"#,
            b.x,
            top + k as f64 * step,
            xml(line)
        );
    }
    s.push_str("</text>");
    s
}
