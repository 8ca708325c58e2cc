//! `View`: which layers of a case, and how they are read; the actor table,
//! the graph summary, Gould–Fernandez brokerage, exports, the ERGM fit and
//! the SBM candidates of that view.

use crate::errors::IntoPy;
use coprod::io::ExportFormat;
use coprod::model::{Aggregation, Layers, MultiplexGraph};
use coprod::report::{ACTOR_COLUMNS, ReportOptions, actor_table, graph_summary};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use std::sync::Arc;

/// A view of a case (build it with `Case.view(...)`).
#[pyclass(frozen, module = "coprod._native")]
pub struct View {
    g: Arc<MultiplexGraph>,
    layers: Layers,
    symmetric: bool,
    aggregation: Aggregation,
    without: Vec<String>,
    project_arenas: bool,
}

/// The view of the options, checked once here so that a bad layer or actor
/// fails when the view is made.
impl View {
    pub(crate) fn new(
        g: Arc<MultiplexGraph>,
        layers: Vec<String>,
        symmetric: bool,
        aggregation: Aggregation,
        without: Vec<String>,
        project_arenas: bool,
    ) -> coprod::Result<View> {
        let layers = if layers.is_empty() {
            Layers::Positive
        } else {
            // The command line's reading: `all`, `positive`, names.
            let mask = coprod::model::select_layers(g.layers(), &layers)?;
            let mut names: Vec<String> = g
                .layers()
                .iter()
                .zip(&mask)
                .filter(|(_, m)| **m)
                .map(|(l, _)| l.name.clone())
                .collect();
            if project_arenas && !names.iter().any(|n| n == coprod::model::COMEMBERSHIP) {
                names.push(coprod::model::COMEMBERSHIP.to_string());
            }
            Layers::Only(names)
        };
        let v = View {
            g,
            layers,
            symmetric,
            aggregation,
            without,
            project_arenas,
        };
        v.with(|_| Ok(()))?;
        Ok(v)
    }

    /// Run `f` on the library's view.
    fn with<T>(
        &self,
        f: impl FnOnce(&coprod::model::View<'_>) -> coprod::Result<T>,
    ) -> coprod::Result<T> {
        let mut v = coprod::model::View::new(&self.g, &self.layers)?
            .with_aggregation(self.aggregation)
            .without(&self.without)?;
        if self.symmetric {
            v = v.symmetrized();
        }
        f(&v)
    }

    /// `f` on the view with the GIL released.
    fn run<T: Send>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&coprod::model::View<'_>) -> coprod::Result<T> + Send,
    ) -> PyResult<T> {
        py.allow_threads(|| self.with(f)).py_err(py)
    }
}

fn py_bool(b: bool) -> &'static str {
    if b { "True" } else { "False" }
}

fn report_options(partition: &str, core: &str) -> coprod::Result<ReportOptions> {
    Ok(ReportOptions {
        partition: partition.parse()?,
        core: core.parse()?,
    })
}

fn export_format(name: &str) -> coprod::Result<ExportFormat> {
    const NAMES: [&str; 6] = ["graphml", "gexf", "pajek", "dl", "json", "dot"];
    Ok(match name {
        "graphml" => ExportFormat::GraphMl,
        "gexf" => ExportFormat::Gexf,
        "pajek" => ExportFormat::Pajek,
        "dl" => ExportFormat::UcinetDl,
        "json" => ExportFormat::NodeLinkJson,
        "dot" => ExportFormat::Dot,
        other => {
            return Err(coprod::Error::UnknownName {
                what: "export format",
                value: other.to_string(),
                available: coprod::Names::of(NAMES, other),
            });
        }
    })
}

#[pymethods]
impl View {
    fn __repr__(&self) -> String {
        let layers = match &self.layers {
            Layers::All => "all".to_string(),
            Layers::Positive => "positive".to_string(),
            Layers::Only(v) => v.join(","),
        };
        format!(
            "<coprod.View {}: layers={layers} symmetric={} aggregation={} without=[{}] project_arenas={}>",
            self.g.meta().id,
            py_bool(self.symmetric),
            format!("{:?}", self.aggregation).to_lowercase(),
            self.without.join(","),
            py_bool(self.project_arenas)
        )
    }

    /// The case id.
    #[getter]
    fn case_id(&self) -> String {
        self.g.meta().id.clone()
    }

    /// Whether the view is directed.
    fn is_directed(&self, py: Python<'_>) -> PyResult<bool> {
        self.with(|v| Ok(v.is_directed())).py_err(py)
    }

    /// Actor ids in the view's order.
    fn ids(&self, py: Python<'_>) -> PyResult<Vec<String>> {
        self.with(|v| Ok(v.ids().into_iter().map(String::from).collect()))
            .py_err(py)
    }

    /// The actor table: (ids, labels, attrs `[kind, sector, level, group]`
    /// per actor, column names, one list of values per column).
    #[pyo3(signature = (partition="sector", core="kind:party"))]
    #[allow(clippy::type_complexity)]
    fn measures(
        &self,
        py: Python<'_>,
        partition: &str,
        core: &str,
    ) -> PyResult<(
        Vec<String>,
        Vec<String>,
        Vec<[String; 4]>,
        Vec<&'static str>,
        Vec<Vec<f64>>,
    )> {
        let opts = report_options(partition, core).py_err(py)?;
        let (t, labels) = self.run(py, |v| {
            let t = actor_table(v, &opts)?;
            let g = v.graph();
            let labels = v
                .actor_indices()
                .iter()
                .map(|&i| g.actor(i).label.clone())
                .collect();
            Ok((t, labels))
        })?;
        let columns: Vec<Vec<f64>> = (0..ACTOR_COLUMNS.len())
            .map(|c| t.values.iter().map(|row| row[c]).collect())
            .collect();
        let names = ACTOR_COLUMNS.iter().map(|c| c.name).collect();
        Ok((t.ids, labels, t.attrs, names, columns))
    }

    /// The graph summary: (row names, values with None where undefined,
    /// core, best core ids, partition).
    #[pyo3(signature = (partition="sector", core="kind:party"))]
    #[allow(clippy::type_complexity)]
    fn summary(
        &self,
        py: Python<'_>,
        partition: &str,
        core: &str,
    ) -> PyResult<(
        Vec<&'static str>,
        Vec<Option<f64>>,
        String,
        Vec<String>,
        String,
    )> {
        let opts = report_options(partition, core).py_err(py)?;
        let s = self.run(py, |v| graph_summary(v, &opts))?;
        let (names, values) = s.rows.into_iter().unzip();
        Ok((names, values, s.core, s.best_core, s.partition))
    }

    /// Gould–Fernandez brokerage by `partition`: a dict with `ids`,
    /// `groups` (each actor's class), `roles`, and `raw`, `expected`,
    /// `sd`, `z` (one row of six values per actor) and the graph-level rows.
    #[pyo3(signature = (partition="sector"))]
    fn brokerage<'py>(&self, py: Python<'py>, partition: &str) -> PyResult<Bound<'py, PyDict>> {
        let attr: coprod::model::Attribute = partition.parse().py_err(py)?;
        let (b, ids, groups) = self.run(py, |v| {
            let p = coprod::model::Partition::of_view(v, &attr)?;
            let b = coprod::measures::brokerage::brokerage(&v.csr(), &p, &Default::default())?;
            let groups: Vec<String> = (0..p.len())
                .map(|u| p.labels()[p.group(u) as usize].clone())
                .collect();
            let ids: Vec<String> = v.ids().into_iter().map(String::from).collect();
            Ok((b, ids, groups))
        })?;
        let d = PyDict::new(py);
        d.set_item("ids", ids)?;
        d.set_item("groups", groups)?;
        let roles = coprod::measures::brokerage::Role::COLUMNS;
        d.set_item(
            "roles",
            roles.iter().map(|r| r.sna_name()).collect::<Vec<_>>(),
        )?;
        let rows = |rs: &[coprod::measures::brokerage::RoleRow]| -> Vec<Vec<f64>> {
            rs.iter()
                .map(|r| roles.iter().map(|&role| r[role.index()]).collect())
                .collect()
        };
        d.set_item("raw", rows(&b.raw))?;
        d.set_item("expected", rows(&b.expected))?;
        d.set_item("sd", rows(&b.sd))?;
        d.set_item("z", rows(&b.z))?;
        d.set_item(
            "graph",
            rows(&[b.raw_graph, b.expected_graph, b.sd_graph, b.z_graph]),
        )?;
        Ok(d)
    }

    /// Shortest-path betweenness of every actor alone (not the whole
    /// table): `scale` `networkx` (`nx.betweenness_centrality(G,
    /// normalized=True)`, the table's column) or `raw`; `weight` reads tie
    /// weights as lengths (`weight="weight"`). Parallel over sources, the
    /// same bits with 1 or 2 threads.
    #[pyo3(signature = (scale="networkx", weight=false))]
    fn betweenness(&self, py: Python<'_>, scale: &str, weight: bool) -> PyResult<Vec<f64>> {
        use coprod::measures::EdgeLength;
        use coprod::measures::centrality::{BetweennessOptions, BetweennessScale, betweenness};
        let scale = match scale {
            "networkx" => BetweennessScale::NetworkX,
            "raw" => BetweennessScale::Raw,
            other => {
                return Err(coprod::Error::UnknownName {
                    what: "betweenness scale",
                    value: other.to_string(),
                    available: coprod::Names::of(["networkx", "raw"], other),
                })
                .py_err(py);
            }
        };
        let opts = BetweennessOptions {
            weighting: if weight {
                EdgeLength::Weight
            } else {
                EdgeLength::Hops
            },
            scale,
            progress: coprod::progress::Progress::Hidden,
            ..Default::default()
        };
        self.run(py, |v| Ok(betweenness(&v.csr(), &opts)))
    }

    /// The view's edges `(source id, target id, weight)`, each edge once
    /// (as `coprod edges`).
    fn edges(&self, py: Python<'_>) -> PyResult<Vec<(String, String, f64)>> {
        self.run(py, |v| {
            let csr = v.csr();
            let ids = v.ids();
            Ok(csr
                .edges()
                .map(|(u, w, weight)| {
                    (
                        ids[u as usize].to_string(),
                        ids[w as usize].to_string(),
                        weight,
                    )
                })
                .collect())
        })
    }

    /// The view as text in `format`: graphml, gexf, pajek, dl, json
    /// (NetworkX node-link) or dot.
    fn export(&self, py: Python<'_>, format: &str) -> PyResult<String> {
        let f = export_format(format).py_err(py)?;
        self.run(py, |v| Ok(coprod::io::export(v, f)))
    }

    /// Fit an ERGM (statnet formula) to the view: the fit as JSON, CSV and
    /// Markdown, as `coprod ergm` writes them.
    #[pyo3(signature = (formula=None, core=None, method="auto", constraints="codebook", fix=Vec::new(), seed=1, max_iterations=40))]
    #[allow(clippy::too_many_arguments)]
    fn ergm(
        &self,
        py: Python<'_>,
        formula: Option<String>,
        core: Option<String>,
        method: &str,
        constraints: &str,
        fix: Vec<(String, String)>,
        seed: u64,
        max_iterations: usize,
    ) -> PyResult<(String, String, String, String)> {
        let opts = crate::models::ergm_options(
            &self.g,
            core,
            method,
            constraints,
            fix,
            seed,
            max_iterations,
        )
        .py_err(py)?;
        let name = self.g.meta().id.clone();
        self.run(py, |v| {
            use coprod::inference::ergm::case::{default_formula, fit_view};
            let formula = formula.unwrap_or_else(|| default_formula(v).to_string());
            let f = fit_view(v, &formula, &opts)?;
            Ok((
                formula,
                format!("{}\n", coprod::report::ergm_json(&name, &f.fit)),
                coprod::report::ergm_csv(&f.fit),
                coprod::report::ergm_markdown(&name, &f),
            ))
        })
    }

    /// The SBM candidate structures of the view as the JSON `coprod sbm
    /// --format json` writes, and the Markdown table. `partition`: an
    /// attribute name, or one block label per actor of the view.
    /// `posterior`: sample the posterior over the number of blocks (as
    /// `coprod sbm`, default true), with the command line's defaults for
    /// the `posterior_*` settings left `None`.
    #[pyo3(signature = (partition=None, labels=None, degree_corrected=true, core="kind:party", seed=0, restarts=None, posterior=true, posterior_samples=None, posterior_thin=None, posterior_burn_in=None, posterior_chains=None))]
    #[allow(clippy::too_many_arguments)]
    fn sbm(
        &self,
        py: Python<'_>,
        partition: Option<String>,
        labels: Option<Vec<String>>,
        degree_corrected: bool,
        core: &str,
        seed: u64,
        restarts: Option<usize>,
        posterior: bool,
        posterior_samples: Option<usize>,
        posterior_thin: Option<usize>,
        posterior_burn_in: Option<usize>,
        posterior_chains: Option<usize>,
    ) -> PyResult<String> {
        let posterior = posterior.then_some(crate::models::PosteriorArgs {
            samples: posterior_samples,
            thin: posterior_thin,
            burn_in: posterior_burn_in,
            chains: posterior_chains,
        });
        let core: coprod::model::CoreSet = core.parse().py_err(py)?;
        let case = self.g.meta().id.clone();
        self.run(py, |v| {
            crate::models::sbm_json(
                v,
                &case,
                partition,
                labels,
                degree_corrected,
                &core,
                seed,
                restarts,
                posterior,
            )
        })
    }

    /// The figure of the view's case as SVG, and the engine that drew it
    /// (`graphviz` or `pure-rust`).
    #[pyo3(signature = (kind="case", layer=None, by="level", size_by=None, lang="en", renderer="auto", title=None))]
    #[allow(clippy::too_many_arguments)]
    fn figure(
        &self,
        py: Python<'_>,
        kind: &str,
        layer: Option<String>,
        by: &str,
        size_by: Option<(String, Vec<(String, f64)>)>,
        lang: &str,
        renderer: &str,
        title: Option<String>,
    ) -> PyResult<(String, String)> {
        let layers = self.layers.clone();
        let g = Arc::clone(&self.g);
        let spec = crate::figure::Spec {
            kind: kind.to_string(),
            layer,
            by: by.to_string(),
            size_by,
            lang: lang.to_string(),
            renderer: renderer.to_string(),
            title,
        };
        py.allow_threads(|| crate::figure::draw(&g, layers, &spec))
            .py_err(py)
    }

    /// The `coprod measures` CSV of the view (bit for bit the command's).
    #[pyo3(signature = (partition="sector", core="kind:party"))]
    fn measures_csv(&self, py: Python<'_>, partition: &str, core: &str) -> PyResult<String> {
        use coprod::report::Table;
        let opts = report_options(partition, core).py_err(py)?;
        self.run(py, |v| Ok(actor_table(v, &opts)?.to_csv()))
    }

    /// Nothing if `name` is an actor column; else the library's error listing them.
    #[staticmethod]
    fn check_column(py: Python<'_>, name: &str) -> PyResult<()> {
        coprod::report::actor_column(name).map(|_| ()).py_err(py)
    }

    /// Every actor column: (name, what it measures, the reference it equals).
    #[staticmethod]
    fn columns<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(py);
        for c in ACTOR_COLUMNS {
            out.append((c.name, c.doc, c.reference))?;
        }
        Ok(out)
    }
}
