# Reference values of R sna for coprod's comparison engine (src/compare/).
#
#   Rscript --vanilla scripts/reference/compare.R      (from the repo root)
#
# Writes tests/fixtures/compare/sna.json with, for small random graphs drawn
# here (rgnm, fixed seed; each graph's arcs are stored in the fixture):
#   panel: centralization(g, degree), centralization(g, betweenness),
#          hierarchy(g, "krackhardt"), lubness(g), and the share of
#          cross-sector brokerage held by a core set,
#          sum(brokerage(g, sector)$raw.nli[core, 2:5]) / sum(raw.nli[, 2:5]);
#   cug:   cug.test(g, FUN, mode, cmode = "edges" | "dyad.census", reps = REPS)
#          for the four statistics above, with obs.stat, pgteobs, plteobs.
# tests/compare.rs recomputes the panel values exactly and draws coprod's gnm
# and dyad baselines to check the CUG tail shares within Monte-Carlo error.

suppressPackageStartupMessages(library(sna))

SEED <- 20261202L
REPS <- 5000L
set.seed(SEED)

num <- function(x) if (is.na(x) || !is.finite(x)) "null" else format(x, digits = 17)
arcs_json <- function(A) {
  e <- which(A > 0, arr.ind = TRUE)
  e <- e[order(e[, 1], e[, 2]), , drop = FALSE]
  paste0("[", paste0("[", e[, 1] - 1, ",", e[, 2] - 1, "]", collapse = ","), "]")
}
ints <- function(x) paste0("[", paste(x, collapse = ","), "]")

panel <- function(A, mode, sector, core) {
  b <- brokerage(A, sector)$raw.nli[, 2:5, drop = FALSE]
  tot <- sum(b)
  list(
    degree_centralization = centralization(A, degree, mode = mode),
    betweenness_centralization = centralization(A, betweenness, mode = mode),
    krackhardt_hierarchy = hierarchy(A, measure = "krackhardt"),
    lubness = lubness(A),
    core_brokerage_share = if (tot > 0) sum(b[core, , drop = FALSE]) / tot else NA
  )
}

graphs <- list(
  list(name = "d10", n = 10, m = 18, mode = "digraph"),
  list(name = "u10", n = 10, m = 14, mode = "graph"),
  list(name = "d14", n = 14, m = 30, mode = "digraph"),
  list(name = "u14", n = 14, m = 22, mode = "graph"),
  list(name = "d8", n = 8, m = 12, mode = "digraph")
)

cug_funs <- list(
  degree_centralization = list(f = centralization, args = list(FUN = degree)),
  betweenness_centralization = list(f = centralization, args = list(FUN = betweenness)),
  krackhardt_hierarchy = list(f = hierarchy, args = list(measure = "krackhardt")),
  lubness = list(f = lubness, args = list())
)

out <- c()
for (gr in graphs) {
  A <- rgnm(1, gr$n, gr$m, mode = gr$mode)
  sector <- sample(0:2, gr$n, replace = TRUE)
  core <- sort(sample(1:gr$n, 3))
  p <- panel(A, gr$mode, sector, core)
  pj <- paste0("\"", names(p), "\": ", sapply(p, num), collapse = ", ")
  cmodes <- if (gr$mode == "digraph") c("edges", "dyad.census") else c("edges")
  cj <- c()
  for (cm in cmodes) for (s in names(cug_funs)) {
    f <- cug_funs[[s]]
    t <- cug.test(A, f$f, mode = gr$mode, cmode = cm, reps = REPS, FUN.args = f$args)
    cj <- c(cj, sprintf(
      "{\"cmode\": \"%s\", \"statistic\": \"%s\", \"obs\": %s, \"pgteobs\": %s, \"plteobs\": %s, \"reps\": %d}",
      cm, s, num(t$obs.stat), num(t$pgteobs), num(t$plteobs), t$reps))
  }
  out <- c(out, sprintf(
    "{\"name\": \"%s\", \"n\": %d, \"directed\": %s, \"arcs\": %s, \"sector\": %s, \"core\": %s, \"panel\": {%s}, \"cug\": [%s]}",
    gr$name, gr$n, if (gr$mode == "digraph") "true" else "false", arcs_json(A),
    ints(sector), ints(core - 1), pj, paste(cj, collapse = ", ")))
}

header <- sprintf(
  "\"tool\": \"R %s, sna %s\", \"script\": \"scripts/reference/compare.R\", \"seed\": %d",
  paste(R.version$major, R.version$minor, sep = "."), as.character(packageVersion("sna")), SEED)
dir.create("tests/fixtures/compare", showWarnings = FALSE, recursive = TRUE)
writeLines(paste0("{", header, ", \"graphs\": [\n", paste(out, collapse = ",\n"), "\n]}"),
           "tests/fixtures/compare/sna.json")
cat("wrote tests/fixtures/compare/sna.json\n")
