//! multiplex measures (in progress).
