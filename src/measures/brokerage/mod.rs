//! brokerage measures (in progress).
