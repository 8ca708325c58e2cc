# R sna reference values. Called by reference.py:  Rscript sna_reference.R DIR
#
# DIR/manifest.tsv : name <TAB> n <TAB> directed(0/1) <TAB> weighted(0/1) <TAB> partition (comma list)
# DIR/<name>.edges.csv : header u,v,w ; 1-based node indices; one line per edge
#                        (undirected edges once; the matrix is symmetrised here)
# Writes DIR/<name>.out.tsv, one line per value:
#   key <TAB> S <TAB> number                      scalar
#   key <TAB> V <TAB> n1,n2,...                   vector in node order
#   key <TAB> D <TAB> name=n,name=n,...           named numbers (census)
#   key <TAB> E <TAB> message                     error (value becomes null)
#   key <TAB> W <TAB> message                     warning raised while computing key
# Numbers are printed with sprintf("%.17g") (round-trip exact); NA -> NA, NaN -> NaN.
# DIR/versions.tsv : R and sna versions.
#
# Matrices: A = valued adjacency (weights; 1 for unweighted graphs),
#           B = dichotomised adjacency (A != 0) * 1.
# For undirected graphs both are symmetric. Main keys use B; ".valued" keys use A.
# The exact calls are listed in README.md.

suppressPackageStartupMessages(library(sna))

args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]

num <- function(x) {
  x <- as.numeric(x)
  s <- sprintf("%.17g", x)
  s[is.na(x)] <- "NA"
  s[is.nan(x)] <- "NaN"
  s
}

writeLines(c(paste0("R\t", paste(R.version$major, R.version$minor, sep = ".")),
             paste0("sna\t", as.character(packageVersion("sna")))),
           file.path(dir, "versions.tsv"))

man <- read.delim(file.path(dir, "manifest.tsv"), header = TRUE,
                  colClasses = "character", quote = "")

for (r in seq_len(nrow(man))) {
  name <- man$name[r]
  n <- as.integer(man$n[r])
  directed <- man$directed[r] == "1"
  weighted <- man$weighted[r] == "1"
  cl <- as.integer(strsplit(man$partition[r], ",")[[1]])
  e <- read.csv(file.path(dir, paste0(name, ".edges.csv")), header = TRUE)
  A <- matrix(0, n, n)
  if (nrow(e) > 0) {
    A[cbind(e$u, e$v)] <- e$w
    if (!directed) A[cbind(e$v, e$u)] <- e$w
  }
  B <- (A != 0) * 1
  gm <- if (directed) "digraph" else "graph"

  out <- character(0)
  emit <- function(key, type, body) out <<- c(out, paste(key, type, body, sep = "\t"))
  run <- function(key, expr, type) {
    v <- withCallingHandlers(
      tryCatch(expr, error = function(err) {
        emit(key, "E", gsub("[\t\n]", " ", conditionMessage(err)))
        NULL
      }),
      warning = function(w) {
        emit(key, "W", gsub("[\t\n]", " ", conditionMessage(w)))
        invokeRestart("muffleWarning")
      })
    if (is.null(v)) return(invisible(NULL))
    if (type == "S") emit(key, "S", num(v)[1])
    else if (type == "V") emit(key, "V", paste(num(v), collapse = ","))
    else if (type == "D") emit(key, "D", paste(paste0(names(v), "=", num(v)), collapse = ","))
    invisible(NULL)
  }
  S <- function(key, expr) run(key, expr, "S")
  V <- function(key, expr) run(key, expr, "V")
  D <- function(key, expr) run(key, expr, "D")

  # ---- degree
  if (directed) {
    for (cm in c("indegree", "outdegree", "freeman")) {
      V(paste0("sna.degree.", cm), degree(B, gmode = "digraph", cmode = cm))
      if (weighted) V(paste0("sna.degree.", cm, ".valued"), degree(A, gmode = "digraph", cmode = cm))
      S(paste0("sna.centralization.degree.", cm),
        centralization(B, degree, mode = "digraph", cmode = cm))
    }
  } else {
    V("sna.degree", degree(B, gmode = "graph"))
    if (weighted) V("sna.degree.valued", degree(A, gmode = "graph"))
    S("sna.centralization.degree", centralization(B, degree, mode = "graph"))
  }

  # ---- closeness
  cms <- if (directed) c("directed", "undirected", "suminvdir", "suminvundir") else c("undirected", "suminvundir")
  for (cm in cms) {
    V(paste0("sna.closeness.", cm), closeness(B, gmode = gm, cmode = cm))
    # valued + undirected cmodes on digraphs skipped: sna's weak symmetrisation of a
    # valued edge list keeps one arc's value order-dependently (see README)
    if (weighted && !(directed && cm %in% c("undirected", "suminvundir")))
      V(paste0("sna.closeness.", cm, ".valued"),
        closeness(A, gmode = gm, cmode = cm, ignore.eval = FALSE))
  }
  S("sna.centralization.closeness", centralization(B, closeness, mode = gm))

  # ---- betweenness
  V("sna.betweenness", betweenness(B, gmode = gm))
  V("sna.betweenness.rescale", betweenness(B, gmode = gm, rescale = TRUE))
  if (weighted) V("sna.betweenness.valued", betweenness(A, gmode = gm, ignore.eval = FALSE))
  S("sna.centralization.betweenness", centralization(B, betweenness, mode = gm))

  # ---- eigenvector (checked for convergence/uniqueness in reference.py)
  V("sna.evcent", evcent(B, gmode = gm))
  if (weighted) V("sna.evcent.valued", evcent(A, gmode = gm))
  S("sna.centralization.evcent", centralization(B, evcent, mode = gm))

  # ---- brokerage (Gould-Fernandez), dichotomised matrix, partition cl
  br <- tryCatch(brokerage(B, cl), error = function(err) {
    emit("sna.brokerage", "E", gsub("[\t\n]", " ", conditionMessage(err))); NULL })
  if (!is.null(br)) {
    for (part in c("raw", "exp", "sd", "z")) {
      m <- br[[paste0(part, ".nli")]]
      g <- br[[paste0(part, ".gli")]]
      for (col in c("w_I", "w_O", "b_IO", "b_OI", "b_O", "t")) {
        V(paste0("sna.brokerage.", part, "_nli.", col), m[, col])
        S(paste0("sna.brokerage.", part, "_gli.", col), g[[col]])
      }
    }
  }

  # ---- Krackhardt's graph-level indices, transitivity, reciprocity, censuses, density
  S("sna.connectedness", connectedness(B))
  S("sna.hierarchy.krackhardt", hierarchy(B, measure = "krackhardt"))
  S("sna.hierarchy.reciprocity", hierarchy(B, measure = "reciprocity"))
  S("sna.efficiency", efficiency(B))
  S("sna.lubness", lubness(B))
  S("sna.gtrans", gtrans(B, mode = gm))
  S("sna.gtrans.strong", gtrans(B, mode = gm, measure = "strong"))
  if (directed) {
    for (ms in c("dyadic", "edgewise", "dyadic.nonnull"))
      S(paste0("sna.grecip.", ms), grecip(B, measure = ms))
  }
  D("sna.triad.census", { tc <- triad.census(B, mode = gm); setNames(as.numeric(tc[1, ]), colnames(tc)) })
  D("sna.dyad.census", { dc <- dyad.census(B); setNames(as.numeric(dc[1, ]), colnames(dc)) })
  S("sna.gden", gden(B, mode = gm))
  if (weighted) S("sna.gden.valued", gden(A, mode = gm))

  writeLines(out, file.path(dir, paste0(name, ".out.tsv")))
}
