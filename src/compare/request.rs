//! A comparison asked for by name: the one translation of the command
//! line's and the Python bindings' arguments into [`CompareOptions`], so
//! that `coprod compare` and `coprod.compare(...)` give the same bits.

use super::{
    AnswerOptions, Coding, CompareOptions, Comparison, DEFAULT_DIAL_DRAWS, DEFAULT_DRAWS,
    DialFitOptions, SecondCoding, baselines_named, compare_with,
};
use crate::Result;
use crate::agreement::Mapping;
use crate::model::{CoreSet, MultiplexGraph};

/// The comparison's settings as a user names them (`coprod compare`'s
/// flags; the keyword arguments of the Python `compare`).
#[derive(Debug, Clone, PartialEq)]
pub struct CompareRequest {
    /// Baseline names, or `all` (default `["all"]`).
    pub baselines: Vec<String>,
    /// Draws per random baseline (default [`DEFAULT_DRAWS`]).
    pub draws: usize,
    /// The seed of every random step (default 0).
    pub seed: u64,
    /// The core set as `--core` spells it (`kind:party`, or ids separated
    /// by commas). `None` (the default): `kind:party` for the panel and the
    /// dial, the case's registered core
    /// ([`registered_core`](crate::compare::answer::registered_core)) for the answer.
    pub core: Option<String>,
    /// The codings of the robustness table, by name (empty, the default:
    /// every coding that applies).
    pub views: Vec<String>,
    /// Fit λ̂ on the dial (default true).
    pub dial: bool,
    /// Draws per grid point of the dial (default [`DEFAULT_DIAL_DRAWS`]).
    pub dial_draws: usize,
    /// Run the pre-registered answer (default true).
    pub answer: bool,
}

impl Default for CompareRequest {
    fn default() -> Self {
        CompareRequest {
            baselines: vec!["all".to_string()],
            draws: DEFAULT_DRAWS,
            seed: 0,
            core: None,
            views: Vec::new(),
            dial: true,
            dial_draws: DEFAULT_DIAL_DRAWS,
            answer: true,
        }
    }
}

impl CompareRequest {
    /// The options of [`compare_with`] for `case`.
    ///
    /// # Errors
    /// An unknown baseline or coding name, a malformed core set: each lists
    /// what exists.
    ///
    /// ```
    /// use coprod::compare::CompareRequest;
    /// let g = coprod::cases::load("jinsong")?;
    /// let opts = CompareRequest { draws: 50, dial: false, ..CompareRequest::default() }.options(&g)?;
    /// assert_eq!(opts.draws, 50);
    /// assert!(opts.dial.is_none() && opts.answer.is_some());
    /// let bad = CompareRequest { baselines: vec!["gmn".into()], ..CompareRequest::default() };
    /// assert!(bad.options(&g).unwrap_err().to_string().contains("gnm"));
    /// # Ok::<(), coprod::Error>(())
    /// ```
    pub fn options(&self, case: &MultiplexGraph) -> Result<CompareOptions> {
        let core: CoreSet = self.core.as_deref().unwrap_or("kind:party").parse()?;
        let codings = Coding::parse_list(case, &self.views)?;
        Ok(CompareOptions {
            baselines: baselines_named(&self.baselines)?,
            draws: self.draws,
            seed: self.seed,
            dial: self.dial.then(|| DialFitOptions {
                core: core.clone(),
                draws: self.dial_draws,
                seed: self.seed,
                // The headline coding, as the verdicts.
                coding: codings.first().cloned().unwrap_or(Coding::Directed),
                ..DialFitOptions::default()
            }),
            answer: self.answer.then(|| AnswerOptions {
                seed: self.seed,
                core: self.core.is_some().then(|| core.clone()),
                ..AnswerOptions::default()
            }),
            core,
            codings,
            ..CompareOptions::default()
        })
    }

    /// Compare `case` as asked, with its second coding if given, else, for
    /// a bundled case (`bundled`: the case was loaded by its bundled name),
    /// the second coding and actor map bundled with it.
    ///
    /// # Errors
    /// Those of [`CompareRequest::options`], of loading the bundled second
    /// coding, and of [`compare_with`].
    pub fn run(
        &self,
        case: &MultiplexGraph,
        second: Option<SecondCoding<'_>>,
        bundled: bool,
    ) -> Result<Comparison> {
        let opts = self.options(case)?;
        if second.is_some() || !bundled {
            return compare_with(case, second, &opts);
        }
        let (graph, mapping) = bundled_second_coding(&case.meta().id)?;
        compare_with(
            case,
            graph.as_ref().map(|graph| SecondCoding {
                graph,
                mapping: mapping.as_ref(),
            }),
            &opts,
        )
    }
}

/// The second coding bundled with a case (`data/<case>/coding_b/`) and its
/// actor map (`coding_b_map.csv`), if the case has them.
///
/// # Errors
/// An unknown case name (listing the bundled cases); a bundled file that
/// does not load.
pub fn bundled_second_coding(case: &str) -> Result<(Option<MultiplexGraph>, Option<Mapping>)> {
    Ok((
        crate::cases::load_coding_b(case)?,
        crate::cases::coding_b_mapping(case)?,
    ))
}
