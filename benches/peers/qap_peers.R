# Peers comparison for QAP at 10^3 actors (benches/peers/qap.sh): writes a seeded random
# case directory, then times sna::netlm (qapspp) on the matrices built from it by
# scripts/reference/qap_matrices.R (the same construction as coprod's Dyads).
# Usage: Rscript qap_peers.R DIR N REPS [MODEL lm|logit] [NULL qapspp|qapy]
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]; n <- as.integer(args[2]); reps <- as.integer(args[3])
model <- if (length(args) >= 4) args[4] else "lm"
nullhyp <- if (length(args) >= 5) args[5] else "qapspp"
suppressPackageStartupMessages(library(sna))
set.seed(2026)
kinds <- sample(c("party", "block", "strip", "market", "social", "resident"), n, replace = TRUE)
n_arena <- 20
ids <- c(sprintf("a%04d", seq_len(n)), sprintf("arena%02d", seq_len(n_arena)))
dir.create(file.path(dir, "data", "peers"), recursive = TRUE, showWarnings = FALSE)
write.csv(data.frame(id = ids, kind = c(kinds, rep("arena", n_arena)), level = "community"),
          file.path(dir, "data", "peers", "actors.csv"), row.names = FALSE, quote = FALSE)
ties <- NULL
for (layer in c("leadership", "administrative", "resource")) {
  m <- 6 * n
  s <- sample(n, m, replace = TRUE); t <- sample(n, m, replace = TRUE)
  if (layer == "leadership") s <- sample(which(kinds == "party"), m, replace = TRUE)
  ok <- s != t
  ties <- rbind(ties, unique(data.frame(source = ids[s[ok]], target = ids[t[ok]], layer = layer)))
}
mem <- data.frame(source = ids[sample(n, 15 * n_arena, replace = TRUE)],
                  target = sprintf("arena%02d", rep(seq_len(n_arena), 15)), layer = "deliberation")
ties <- rbind(ties, unique(mem))
write.csv(ties, file.path(dir, "data", "peers", "ties.csv"), row.names = FALSE, quote = FALSE)
root <- Sys.getenv("COPROD_ROOT")
source(file.path(root, "scripts", "reference", "qap_matrices.R"))
cs <- qap_case(dir, "peers")
y <- cs$layer("resource")
x <- list(cs$layer(c("leadership", "administrative")), cs$arena, cs$party_dyad)
t0 <- proc.time()[["elapsed"]]
fit <- if (model == "logit") netlogit else netlm
f <- fit(y, x, nullhyp = nullhyp, reps = reps)
el <- proc.time()[["elapsed"]] - t0
fits <- reps * (if (nullhyp == "qapy") 1 else 4)
cat(sprintf("sna\t%s\t%s\t%s\tn=%d\treps=%d\tseconds=%.2f\tper_replicate_fit=%.4f\tcoef=%s\n",
            as.character(packageVersion("sna")), model, nullhyp, cs$n, reps, el, el / fits,
            paste(sprintf("%.6f", f$coefficients), collapse = ",")))
