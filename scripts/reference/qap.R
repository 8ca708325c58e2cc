# Reference values for coprod's QAP module (tests/qap.rs): R sna's gcor, gcov, qaptest,
# netlm and netlogit under each null hypothesis, and brglm2's Firth logit.
# Usage (from the repo root): Rscript --vanilla scripts/reference/qap.R [SECTION...]
#   sections: jinsong firth random gcor (default: all)
# Writes tests/fixtures/qap/*.json, each naming R, sna and brglm2 versions.
# Runs about 10 minutes on one core (10^4 replicates of netlogit per null).
suppressPackageStartupMessages({ library(sna); library(brglm2) })
source("scripts/reference/qap_matrices.R")
out_dir <- "tests/fixtures/qap"
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)
REPS <- 10000
sections <- commandArgs(trailingOnly = TRUE)
want <- function(s) length(sections) == 0 || s %in% sections

tools <- list(R = paste0(R.version$major, ".", R.version$minor),
              sna = as.character(packageVersion("sna")),
              brglm2 = as.character(packageVersion("brglm2")))
num <- function(x) {
  x <- as.numeric(x)
  s <- ifelse(is.na(x), "null", sprintf("%.17g", x))
  paste0("[", paste(s, collapse = ","), "]")
}
str1 <- function(x) paste0("\"", x, "\"")
obj <- function(fields) paste0("{", paste(paste0(str1(names(fields)), ":", fields), collapse = ","), "}")
tools_json <- obj(lapply(tools, str1))
mat_json <- function(m) num(t(m))   # row-major
write_fixture <- function(name, fields) {
  fields$tools <- tools_json
  writeLines(obj(fields), file.path(out_dir, paste0(name, ".json")))
  cat("wrote", name, "\n")
}
fit_fields <- function(f) list(coefficients = num(f$coefficients),
                               tstat = num(f$tstat),
                               pgreqabs = num(f$pgreqabs), pgreq = num(f$pgreq),
                               pleeq = num(f$pleeq))

# --- 1. Jinsong: exchange ties on leadership/administrative, arena, party dyad
cs <- qap_case(".", "jinsong")
y <- cs$layer(c("resource", "service", "information"))
x <- list(cs$layer(c("leadership", "administrative")), cs$arena, cs$party_dyad)
terms <- c("leadership+administrative", "arena", "party_dyad")
for (model in if (want("jinsong")) c("logit", "lm") else character(0)) {
  fields <- list(case = str1("jinsong"), model = str1(model),
                 y = str1("resource,service,information"),
                 x = paste0("[", paste(str1(terms), collapse = ","), "]"),
                 reps = REPS, mode = str1("digraph"))
  for (nh in c("qapspp", "qapy", "qapx", "qapallx", "classical")) {
    set.seed(20260)
    f <- if (model == "logit") netlogit(y, x, nullhyp = nh, reps = REPS)
         else netlm(y, x, nullhyp = nh, reps = REPS)
    ff <- fit_fields(f)
    names(ff) <- paste0(nh, ".", names(ff))
    fields <- c(fields, ff)
    if (nh == "classical") {
      fields$se <- num(if (model == "logit") f$se else
        sqrt(diag(chol2inv(f$qr$qr)) * sum(f$residuals^2) / f$df.residual))
    }
  }
  write_fixture(paste0("jinsong_", model), fields)
}

# --- 2. Firth (brglm2, AS_mean) where ML separates: the model above plus deliberation.
#        From its default start (the ML fit, deliberation near -15) brglmFit diverges here
#        (-1e15 after maxit); from 0 with a step factor of 0.2 it converges (152 steps).
if (want("firth")) {
xd <- c(x, list(cs$layer("deliberation")))
cells <- which(row(y) != col(y))
X <- cbind(1, sapply(xd, function(m) m[cells]))
yy <- y[cells]
fb <- glm(yy ~ X - 1, family = binomial(), method = "brglmFit", type = "AS_mean",
          epsilon = 1e-12, maxit = 10000, slowit = 0.2, start = rep(0, ncol(X)))
stopifnot(fb$converged)
sep <- netlogit(y, xd, nullhyp = "classical")
write_fixture("jinsong_firth", list(
  case = str1("jinsong"), y = str1("resource,service,information"),
  x = paste0("[", paste(str1(c(terms, "deliberation")), collapse = ","), "]"),
  firth_coefficients = num(coef(fb)), firth_se = num(sqrt(diag(vcov(fb)))),
  sna_ml_coefficients = num(sep$coefficients)))
}

# --- 3. Random matrices (coefficients, classical null) in both modes, and a small
#        qapspp run on graph mode.
set.seed(7)
for (spec in if (!want("random")) list() else list(list(name = "rand_lm_digraph", n = 25, mode = "digraph", model = "lm"),
                  list(name = "rand_lm_graph", n = 30, mode = "graph", model = "lm"),
                  list(name = "rand_logit_digraph", n = 25, mode = "digraph", model = "logit"),
                  list(name = "rand_logit_graph", n = 40, mode = "graph", model = "logit"))) {
  n <- spec$n
  sym <- function(m) { if (spec$mode == "graph") { m[upper.tri(m)] <- t(m)[upper.tri(m)] }; diag(m) <- 0; m }
  x1 <- sym(matrix(rbinom(n * n, 1, 0.3), n, n))
  x2 <- sym(matrix(round(rnorm(n * n), 2), n, n))
  x3 <- sym(matrix(rpois(n * n, 1.5), n, n))
  eta <- -1 + 1.2 * x1 + 0.5 * x2 - 0.3 * x3
  yv <- if (spec$model == "lm") sym(matrix(round(eta + rnorm(n * n), 3), n, n))
        else sym(matrix(rbinom(n * n, 1, 1 / (1 + exp(-eta))), n, n))
  xs <- list(x1, x2, x3)
  fields <- list(model = str1(spec$model), mode = str1(spec$mode), n = n,
                 y = mat_json(yv), x1 = mat_json(x1), x2 = mat_json(x2), x3 = mat_json(x3),
                 reps = REPS)
  for (nh in c("classical", "qapspp")) {
    if (nh == "qapspp" && spec$name != "rand_lm_graph") next
    set.seed(11)
    f <- if (spec$model == "lm") netlm(yv, xs, mode = spec$mode, nullhyp = nh, reps = REPS)
         else netlogit(yv, xs, mode = spec$mode, nullhyp = nh, reps = REPS)
    ff <- fit_fields(f)
    names(ff) <- paste0(nh, ".", names(ff))
    fields <- c(fields, ff)
  }
  bf <- netlm(yv, xs, mode = spec$mode, nullhyp = "classical", test.statistic = "beta")
  fields$beta_classical_pgreqabs <- num(bf$pgreqabs)
  write_fixture(spec$name, fields)
}

# --- 4. Layer correlations of Jinsong (gcor, gcov, qaptest on every pair with ties)
layers <- c("leadership", "administrative", "deliberation", "resource", "service",
            "information", "tension")
mats <- lapply(layers, cs$layer)
has <- sapply(mats, sum) > 0
layers <- layers[has]; mats <- mats[has]
undirected <- c("deliberation", "tension")
rows <- character(0)
if (want("gcor")) for (i in seq_along(layers)) for (j in seq_along(layers)) if (i < j) {
  mode <- if (layers[i] %in% undirected && layers[j] %in% undirected) "graph" else "digraph"
  set.seed(3)
  q <- qaptest(list(mats[[i]], mats[[j]]), gcor, g1 = 1, g2 = 2, mode = mode, reps = REPS)
  rows <- c(rows, obj(list(a = str1(layers[i]), b = str1(layers[j]), mode = str1(mode),
    gcor = num(gcor(mats[[i]], mats[[j]], mode = mode)),
    gcov = num(gcov(mats[[i]], mats[[j]], mode = mode)),
    pgreq = num(q$pgreq), pleeq = num(q$pleeq),
    # the same replicates with ties counted as coprod counts them (|r' - r| within 1e-10
    # relative is equal): a 0/1 layer pair takes few distinct r, so many replicates equal
    # the observed r exactly, and sna's gcor puts each on either side by rounding noise
    pgreq_ties = num(mean(q$dist >= q$testval - 1e-10 * max(1, abs(q$testval)))),
    pleeq_ties = num(mean(q$dist <= q$testval + 1e-10 * max(1, abs(q$testval)))))))
}
if (want("gcor")) write_fixture("jinsong_gcor", list(case = str1("jinsong"), reps = REPS,
  pairs = paste0("[", paste(rows, collapse = ","), "]")))
