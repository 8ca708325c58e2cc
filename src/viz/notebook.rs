//! A rendered figure in a notebook: `evcxr_display` (feature `notebook`)
//! shows [`Rendered`] inline in an evcxr notebook, as wide as the cell.

use super::Rendered;

impl Rendered {
    /// The figure as HTML for a notebook or a page: the SVG inline, its root
    /// `width` set to `100%` of the cell and its printed width kept as
    /// `max-width`, so a wide figure (Jinsong's is about 800 pt) shrinks to
    /// the cell instead of running past it, and a small one is never blown
    /// up. The `viewBox` keeps the proportions. A root without a `viewBox`
    /// (no figure of this crate) is left as it is, in a box that scrolls.
    ///
    /// ```
    /// use coprod::viz::{Figure, FigureOptions, Renderer, render::render};
    /// let g = coprod::cases::load("jinsong")?;
    /// let opts = FigureOptions { renderer: Renderer::pure_rust(), ..FigureOptions::default() };
    /// let html = render(&Figure::case(&g, &opts)?, &opts.renderer)?.to_html();
    /// assert!(html.contains("width=\"100%\"") && html.contains("max-width:"));
    /// # Ok::<(), coprod::Error>(())
    /// ```
    pub fn to_html(&self) -> String {
        format!(
            "<div style=\"max-width:100%;overflow-x:auto\">{}</div>",
            fit_width(&self.svg)
        )
    }

    /// Shows the figure inline in an evcxr notebook ([`Rendered::to_html`]):
    /// the value of a cell ending in `render(&fig, &Renderer::default())?`
    /// draws itself at the cell's width.
    #[cfg(feature = "notebook")]
    pub fn evcxr_display(&self) {
        print!(
            "{}",
            crate::model::evcxr_content("text/html", &self.to_html())
        );
    }
}

/// The value of attribute `name` in the tag `tag`, if present.
fn attr<'a>(tag: &'a str, name: &str) -> Option<(usize, usize, &'a str)> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)?;
    let v = start + key.len();
    let end = v + tag[v..].find('"')?;
    Some((start, end + 1, &tag[v..end]))
}

/// `svg` with its root element's width `100%`, its height `auto` (by the
/// `viewBox`) and its width kept as `max-width`; unchanged without a
/// `viewBox` or a width.
fn fit_width(svg: &str) -> String {
    let Some(open) = svg.find("<svg") else {
        return svg.to_string();
    };
    let Some(close) = svg[open..].find('>').map(|i| open + i) else {
        return svg.to_string();
    };
    let tag = &svg[open..close];
    let (Some((ws, we, width)), Some(_)) = (attr(tag, "width"), attr(tag, "viewBox")) else {
        return svg.to_string();
    };
    let mut t = format!(
        "{} width=\"100%\" style=\"max-width:{width};height:auto\"{}",
        &tag[..ws],
        &tag[we..]
    );
    if let Some((hs, he, _)) = attr(&t, "height") {
        t.replace_range(hs..he, "");
    }
    format!("{}{t}{}", &svg[..open], &svg[close..])
}

#[cfg(test)]
mod tests {
    use super::fit_width;

    #[test]
    fn the_root_fits_the_cell_and_inner_svgs_keep_their_size() {
        let svg = r#"<?xml version="1.0"?><svg xmlns="x" width="781.0pt" height="420.5pt" viewBox="0 0 781.0 420.5"><svg x="1" width="20" height="10" viewBox="0 0 2 1"/></svg>"#;
        assert_eq!(
            fit_width(svg),
            r#"<?xml version="1.0"?><svg xmlns="x" width="100%" style="max-width:781.0pt;height:auto" viewBox="0 0 781.0 420.5"><svg x="1" width="20" height="10" viewBox="0 0 2 1"/></svg>"#
        );
        // Without a viewBox the width cannot be scaled: left as it is.
        let bare = r#"<svg width="10" height="5"></svg>"#;
        assert_eq!(fit_width(bare), bare);
    }
}
