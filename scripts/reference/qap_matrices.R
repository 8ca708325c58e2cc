# The dyadic matrices of a bundled case, built from data/<case>/actors.csv and ties.csv
# exactly as coprod's inference::qap::Dyads does (default options):
#   - actors: every actor of actors.csv except kind "arena", in file order;
#   - LAYER / L1+L2: 1 if a tie source -> target in one of the layers (deliberation and
#     tension are undirected: both directions), ties touching a dropped actor ignored;
#   - arena: 1 if both actors are members of a common arena, a member being an actor with a
#     deliberation tie to or from the arena (either column);
#   - party_dyad: 1 if either actor is of kind party; sender:K / receiver:K; same_kind.
# Diagonals are 0 (never read: diag = FALSE).
qap_case <- function(root, case) {
  a <- read.csv(file.path(root, "data", case, "actors.csv"), colClasses = "character",
                encoding = "UTF-8")
  t <- read.csv(file.path(root, "data", case, "ties.csv"), colClasses = "character",
                encoding = "UTF-8")
  keep <- a$kind != "arena"
  ids <- a$id[keep]
  kinds <- a$kind[keep]
  n <- length(ids)
  undirected <- c("deliberation", "tension")
  layer <- function(names) {
    m <- matrix(0, n, n)
    for (r in which(t$layer %in% names)) {
      i <- match(t$source[r], ids); j <- match(t$target[r], ids)
      if (is.na(i) || is.na(j) || i == j) next
      m[i, j] <- 1
      if (t$layer[r] %in% undirected) m[j, i] <- 1
    }
    m
  }
  arenas <- a$id[a$kind == "arena"]
  arena <- matrix(0, n, n)
  for (ar in arenas) {
    rows <- t$layer == "deliberation" & (t$source == ar | t$target == ar)
    mem <- unique(c(t$target[rows & t$source == ar], t$source[rows & t$target == ar]))
    idx <- sort(unique(na.omit(match(mem, ids))))
    if (length(idx) > 1) for (x in idx) for (y in idx) if (x != y) arena[x, y] <- 1
  }
  party <- kinds == "party"
  party_dyad <- outer(party, party, "|") * 1
  diag(party_dyad) <- 0
  list(ids = ids, kinds = kinds, n = n, layer = layer, arena = arena, party_dyad = party_dyad)
}
