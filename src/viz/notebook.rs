//! A rendered figure in a notebook: `evcxr_display` (feature `notebook`)
//! shows [`Rendered`]'s SVG inline in an evcxr notebook.

use super::Rendered;

impl Rendered {
    /// Shows the figure inline (SVG) in an evcxr notebook: the value of a
    /// cell ending in `render(&fig, &Renderer::default())?` draws itself.
    #[cfg(feature = "notebook")]
    pub fn evcxr_display(&self) {
        print!(
            "{}",
            crate::model::evcxr_content("image/svg+xml", &self.svg)
        );
    }
}
