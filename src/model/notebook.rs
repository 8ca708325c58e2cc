//! The evcxr display protocol, written by hand (see the `notebook` feature).
//!
//! An evcxr cell whose value has a method `evcxr_display(&self)` calls it,
//! and evcxr shows whatever that prints between a line
//! `EVCXR_BEGIN_CONTENT <mime type>` and a line `EVCXR_END_CONTENT` as that
//! type (`text/html`, `image/svg+xml`, …). The two marker lines are the whole
//! protocol, so coprod writes them itself rather than depending on the
//! `evcxr_runtime` crate (whose `Display` trait a notebook would also have to
//! import).

/// `content` framed for evcxr as `mime`: the begin line, the content, the
/// end line (a newline before it when the content lacks one).
///
/// ```text
/// EVCXR_BEGIN_CONTENT text/html
/// <table>…</table>
/// EVCXR_END_CONTENT
/// ```
#[cfg_attr(not(feature = "notebook"), allow(dead_code))]
pub(crate) fn evcxr_content(mime: &str, content: &str) -> String {
    let nl = if content.ends_with('\n') { "" } else { "\n" };
    format!("EVCXR_BEGIN_CONTENT {mime}\n{content}{nl}EVCXR_END_CONTENT\n")
}

#[cfg(test)]
mod tests {
    #[test]
    fn content_is_framed_by_the_marker_lines() {
        assert_eq!(
            super::evcxr_content("text/html", "<b>x</b>"),
            "EVCXR_BEGIN_CONTENT text/html\n<b>x</b>\nEVCXR_END_CONTENT\n"
        );
        assert_eq!(
            super::evcxr_content("image/svg+xml", "<svg/>\n"),
            "EVCXR_BEGIN_CONTENT image/svg+xml\n<svg/>\nEVCXR_END_CONTENT\n"
        );
    }
}
