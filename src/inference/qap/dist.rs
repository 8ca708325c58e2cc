//! Student's t distribution function (sna's `classical` null uses R's `pt`).

// The regularised incomplete beta is the ERGM module's (the same Lanczos
// ln Γ and Lentz continued fraction, operation for operation).
use crate::inference::ergm::linalg::beta_inc;

/// `P(T >= |t|)` for Student's t with `df` degrees of freedom: half the
/// two-sided tail, `I_{df/(df+t^2)}(df/2, 1/2) / 2`.
fn upper_tail_abs(t: f64, df: f64) -> f64 {
    0.5 * beta_inc(df / 2.0, 0.5, df / (df + t * t))
}

/// R's `pt(t, df)`: `P(T <= t)`.
pub(crate) fn pt(t: f64, df: f64) -> f64 {
    if t.is_nan() {
        return f64::NAN;
    }
    if t > 0.0 {
        1.0 - upper_tail_abs(t, df)
    } else {
        upper_tail_abs(t, df)
    }
}

/// R's `pt(t, df, lower.tail = FALSE)`: `P(T >= t)`.
pub(crate) fn pt_upper(t: f64, df: f64) -> f64 {
    if t.is_nan() {
        return f64::NAN;
    }
    if t > 0.0 {
        upper_tail_abs(t, df)
    } else {
        1.0 - upper_tail_abs(t, df)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pt_matches_r() {
        // R 4.2.2: pt(2, 10), pt(-1.5, 3), pt(2, 1000, lower.tail = FALSE)
        assert!((pt(2.0, 10.0) - 0.963_305_982_614_629_7).abs() < 1e-13);
        assert!((pt(-1.5, 3.0) - 0.115_291_932_622_411_41).abs() < 1e-13);
        assert!((pt_upper(2.0, 1000.0) - 0.022_885_173_246_625_83).abs() < 1e-13);
        assert_eq!(pt(0.0, 5.0), 0.5);
    }
}
