//! The visual vocabulary of every figure: colours, shapes and line styles.
//!
//! # Palette
//!
//! Colours are the eight of Okabe & Ito (2008), *Color Universal Design*
//! (<https://jfly.uni-koeln.de/color/>), chosen to stay distinct under the
//! common forms of colour-vision deficiency. Kinds are told apart by colour
//! **and** shape, layers by colour **and** line style, so a figure printed in
//! grey still reads.
//!
//! ```text
//! kind      colour                    shape
//! party     vermillion      #D55E00   octagon
//! block     blue            #0072B2   box
//! strip     sky blue        #56B4E9   box, rounded corners
//! market    orange          #E69F00   parallelogram
//! social    bluish green    #009E73   ellipse
//! resident  yellow          #F0E442   house
//! arena     reddish purple  #CC79A7   hexagon
//!
//! layer           colour                  line     arrow
//! leadership      black           #000000 solid    party -> led
//! administrative  blue            #0072B2 solid    superior -> subordinate
//! deliberation    reddish purple  #CC79A7 solid    none (undirected)
//! resource        bluish green    #009E73 solid    giver -> receiver
//! service         orange          #E69F00 solid    provider -> user
//! information     sky blue        #56B4E9 dotted   sender -> receiver
//! tension         vermillion      #D55E00 dashed   none (undirected)
//! comembership    grey            #777777 solid    none (arena projection)
//! other layers    grey            #777777 solid    as the layer is directed
//! ```

use crate::model::{Kind, LayerSpec, Sign};

/// The eight Okabe–Ito colours, as `(name, #RRGGBB)`.
pub const OKABE_ITO: [(&str, &str); 8] = [
    ("black", "#000000"),
    ("orange", "#E69F00"),
    ("sky blue", "#56B4E9"),
    ("bluish green", "#009E73"),
    ("yellow", "#F0E442"),
    ("blue", "#0072B2"),
    ("vermillion", "#D55E00"),
    ("reddish purple", "#CC79A7"),
];

/// Grey for layers outside the standard seven.
pub const OTHER_LAYER_COLOUR: &str = "#777777";

/// How the actors of one kind are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindStyle {
    /// Fill colour, `#RRGGBB`.
    pub fill: &'static str,
    /// Text colour on that fill (white on the dark fills, black on the light ones).
    pub text: &'static str,
    /// Graphviz shape name.
    pub shape: &'static str,
    /// Whether the corners are rounded (Graphviz `style=rounded`).
    pub rounded: bool,
}

/// The style of a kind (see the module's table).
pub fn kind_style(kind: Kind) -> KindStyle {
    let (fill, text, shape, rounded) = match kind {
        Kind::Party => ("#D55E00", "#FFFFFF", "octagon", false),
        Kind::Block => ("#0072B2", "#FFFFFF", "box", false),
        Kind::Strip => ("#56B4E9", "#000000", "box", true),
        Kind::Market => ("#E69F00", "#000000", "parallelogram", false),
        Kind::Social => ("#009E73", "#FFFFFF", "ellipse", false),
        Kind::Resident => ("#F0E442", "#000000", "house", false),
        Kind::Arena => ("#CC79A7", "#000000", "hexagon", false),
    };
    KindStyle {
        fill,
        text,
        shape,
        rounded,
    }
}

/// Line style of a layer's ties.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// A solid line.
    Solid,
    /// A dashed line.
    Dashed,
    /// A dotted line.
    Dotted,
}

impl Line {
    /// The Graphviz `style` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Line::Solid => "solid",
            Line::Dashed => "dashed",
            Line::Dotted => "dotted",
        }
    }

    /// The SVG `stroke-dasharray` value, empty for a solid line.
    pub fn dasharray(self) -> &'static str {
        match self {
            Line::Solid => "",
            Line::Dashed => "5,2",
            Line::Dotted => "1,2",
        }
    }
}

/// How the ties of one layer are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayerStyle {
    /// Line colour, `#RRGGBB`.
    pub colour: &'static str,
    /// Solid, dashed or dotted.
    pub line: Line,
    /// Whether ties carry an arrow head (the layer is directed).
    pub arrow: bool,
}

/// The style of a layer (see the module's table). An undirected layer never
/// gets an arrow head; a negative layer outside the standard seven is dashed.
pub fn layer_style(spec: &LayerSpec) -> LayerStyle {
    let (colour, line) = match spec.name.as_str() {
        "leadership" => ("#000000", Line::Solid),
        "administrative" => ("#0072B2", Line::Solid),
        "deliberation" => ("#CC79A7", Line::Solid),
        "resource" => ("#009E73", Line::Solid),
        "service" => ("#E69F00", Line::Solid),
        "information" => ("#56B4E9", Line::Dotted),
        "tension" => ("#D55E00", Line::Dashed),
        _ if spec.sign == Sign::Negative => (OTHER_LAYER_COLOUR, Line::Dashed),
        _ => (OTHER_LAYER_COLOUR, Line::Solid),
    };
    LayerStyle {
        colour,
        line,
        arrow: spec.directed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_have_distinct_colours_and_shapes() {
        let styles: Vec<KindStyle> = Kind::ALL.iter().map(|&k| kind_style(k)).collect();
        for (i, a) in styles.iter().enumerate() {
            for b in &styles[i + 1..] {
                assert_ne!(a.fill, b.fill);
                assert_ne!((a.shape, a.rounded), (b.shape, b.rounded));
            }
            assert!(OKABE_ITO.iter().any(|(_, c)| *c == a.fill));
        }
    }

    #[test]
    fn standard_layers_are_distinct_and_tension_is_dashed_red() {
        let specs = LayerSpec::standard();
        let styles: Vec<LayerStyle> = specs.iter().map(layer_style).collect();
        for (i, a) in styles.iter().enumerate() {
            for b in &styles[i + 1..] {
                assert_ne!((a.colour, a.line), (b.colour, b.line));
            }
        }
        let tension = styles[6];
        assert_eq!(
            (tension.colour, tension.line, tension.arrow),
            ("#D55E00", Line::Dashed, false)
        );
        assert!(!styles[2].arrow, "deliberation is undirected");
    }
}
