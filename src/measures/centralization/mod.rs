//! centralization measures (in progress).
