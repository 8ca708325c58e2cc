//! cohesion measures (in progress).
