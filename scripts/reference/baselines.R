# Reference distributions of sna's null models, for coprod's baselines.
#
#   Rscript --vanilla scripts/reference/baselines.R      (from the repo root)
#
# Writes tests/fixtures/baselines/sna_null_models.json: for one directed and
# one undirected layer of the bundled cases, the mean and sd over R draws of
# density, edgewise reciprocity, mutual dyads, isolates and the tie count of
# every sector pair, under
#   rgnm(R, n, m, mode)                                   (cug "edges")
#   rguman(R, n, mut = M, asym = A, null = N, method = "exact")   (cug "dyad.census", directed only)
#   rgnmix(R, tv = sector, mix = B, mode, method = "exact")
# tests/baselines.rs draws coprod's gnm, dyad_census and block_model on the
# same layers and compares the distributions within Monte-Carlo error.
#
# Sectors follow coprod's Kind::sector: party -> party; block, strip -> state;
# market -> market; social, resident -> society; arena -> arena. Actors are in
# actors.csv order (coprod's graph order). Repeated ties count once.

suppressPackageStartupMessages(library(sna))

R <- 2000L
SEED <- 20261201L
set.seed(SEED)

sector_of <- c(party = "party", block = "state", strip = "state", market = "market",
               social = "society", resident = "society", arena = "arena")

layer_matrix <- function(case, layer, directed) {
  actors <- read.csv(file.path("data", case, "actors.csv"), stringsAsFactors = FALSE,
                     colClasses = "character")
  ties <- read.csv(file.path("data", case, "ties.csv"), stringsAsFactors = FALSE,
                   colClasses = "character")
  ties <- ties[ties$layer == layer, ]
  n <- nrow(actors)
  A <- matrix(0, n, n)
  s <- match(ties$source, actors$id)
  t <- match(ties$target, actors$id)
  stopifnot(!anyNA(s), !anyNA(t))
  A[cbind(s, t)] <- 1
  if (!directed) A <- pmax(A, t(A))
  diag(A) <- 0
  list(A = A, sector = unname(sector_of[actors$kind]))
}

# Tie counts per sector pair: ordered "r->t" if directed, sorted "r--t" if not.
block_counts <- function(A, sector, directed) {
  labs <- sort(unique(sector))
  out <- c()
  for (r in labs) for (t in labs) {
    if (directed) {
      out[paste0(r, "->", t)] <- sum(A[sector == r, sector == t])
    } else if (r <= t) {
      x <- sum(A[sector == r, sector == t])
      out[paste0(r, "--", t)] <- if (r == t) x / 2 else x
    }
  }
  out
}

stats <- function(A, sector, directed) {
  n <- nrow(A)
  m <- if (directed) sum(A) else sum(A) / 2
  dyads <- if (directed) n * (n - 1) else n * (n - 1) / 2
  deg <- rowSums(A) + colSums(A)
  s <- c(density = m / dyads, isolates = sum(deg == 0))
  if (directed) {
    s["mutual"] <- sum(A * t(A)) / 2
    s["reciprocity"] <- grecip(A, measure = "edgewise")
  }
  c(s, block_counts(A, sector, directed))
}

summarise <- function(draws, sector, directed) {
  rows <- lapply(seq_len(dim(draws)[1]), function(i) stats(draws[i, , ], sector, directed))
  M <- do.call(rbind, rows)
  lapply(colnames(M), function(k) list(stat = k, mean = mean(M[, k]), sd = sd(M[, k])))
}

num <- function(x) sprintf("%.17g", x)
json_model <- function(name, call, summ) {
  st <- vapply(summ, function(x) sprintf('{"stat": "%s", "mean": %s, "sd": %s}',
                                         x$stat, num(x$mean), num(x$sd)), "")
  sprintf('{"model": "%s", "call": "%s", "stats": [\n        %s]}', name, call,
          paste(st, collapse = ",\n        "))
}

cases <- list(
  list(case = "x_district", layer = "information", directed = TRUE),
  list(case = "jinsong", layer = "deliberation", directed = FALSE)
)

out <- c()
for (cs in cases) {
  g <- layer_matrix(cs$case, cs$layer, cs$directed)
  A <- g$A; sec <- g$sector; n <- nrow(A); d <- cs$directed
  mode <- if (d) "digraph" else "graph"
  m <- if (d) sum(A) else sum(A) / 2
  labs <- sort(unique(sec))
  tv <- match(sec, labs)
  mix <- matrix(0, length(labs), length(labs), dimnames = list(labs, labs))
  for (i in seq_along(labs)) for (j in seq_along(labs)) {
    x <- sum(A[tv == i, tv == j])
    # rgnmix(mode = "graph") reads the upper triangle, diagonal as edge counts
    mix[i, j] <- if (d) x else if (i == j) x / 2 else if (i < j) x else 0
  }
  models <- c()
  models <- c(models, json_model("rgnm", sprintf("rgnm(%d, %d, %d, mode = '%s')", R, n, m, mode),
                                 summarise(rgnm(R, n, m, mode = mode), sec, d)))
  if (d) {
    M <- sum(A * t(A)) / 2
    Asym <- m - 2 * M
    N <- n * (n - 1) / 2 - M - Asym
    models <- c(models, json_model(
      "rguman", sprintf("rguman(%d, %d, mut = %d, asym = %d, null = %d, method = 'exact')",
                        R, n, M, Asym, N),
      summarise(rguman(R, n, mut = M, asym = Asym, null = N, method = "exact"), sec, d)))
  }
  models <- c(models, json_model(
    "rgnmix", sprintf("rgnmix(%d, tv = sector, mix = B, mode = '%s', method = 'exact')", R, mode),
    summarise(rgnmix(R, tv, mix, mode = mode, method = "exact"), sec, d)))
  obs <- stats(A, sec, d)
  obs_json <- paste(sprintf('"%s": %s', names(obs), num(obs)), collapse = ", ")
  out <- c(out, sprintf(
    '{"case": "%s", "layer": "%s", "directed": %s, "n": %d,\n    "observed": {%s},\n    "models": [\n      %s]}',
    cs$case, cs$layer, if (d) "true" else "false", n, obs_json,
    paste(models, collapse = ",\n      ")))
}

dir.create("tests/fixtures/baselines", showWarnings = FALSE, recursive = TRUE)
json <- sprintf(
  '{"tool": {"name": "R sna", "R": "%s", "sna": "%s"},\n "script": "scripts/reference/baselines.R",\n "draws": %d, "seed": %d,\n "cases": [\n  %s]}\n',
  paste(R.version$major, R.version$minor, sep = "."), as.character(packageVersion("sna")),
  R, SEED, paste(out, collapse = ",\n  "))
writeLines(json, "tests/fixtures/baselines/sna_null_models.json", sep = "")
cat("wrote tests/fixtures/baselines/sna_null_models.json\n")
