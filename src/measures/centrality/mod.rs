//! centrality measures (in progress).
