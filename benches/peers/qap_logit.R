# Peers comparison for netlogit (benches/peers/qap_logit.sh): sna::netlogit on the matrices of
# a bundled case built by scripts/reference/qap_matrices.R (the same construction as coprod's
# Dyads, arenas as co-membership), timed in this process.
# Usage: Rscript qap_logit.R ROOT CASE NULL REPS
args <- commandArgs(trailingOnly = TRUE)
root <- args[1]; case <- args[2]; nullhyp <- args[3]; reps <- as.integer(args[4])
suppressPackageStartupMessages(library(sna))
source(file.path(root, "scripts", "reference", "qap_matrices.R"))
cs <- qap_case(root, case)
n <- cs$n
party <- cs$kinds == "party"
sender_party <- matrix(as.numeric(party), n, n)          # 1 if i is a party actor
same_kind <- outer(cs$kinds, cs$kinds, "==") * 1
diag(sender_party) <- 0; diag(same_kind) <- 0
y <- cs$layer(c("resource", "service", "information"))
x <- list(cs$layer(c("leadership", "administrative")), cs$arena, cs$party_dyad, same_kind,
          sender_party)
set.seed(1)
t0 <- proc.time()
f <- netlogit(y, x, nullhyp = nullhyp, reps = reps)
el <- proc.time() - t0
cat(sprintf("sna\t%s\tn=%d\tnull=%s\treps=%d\tseconds=%.2f\tcpu=%.2f\tcoef=%s\tp=%s\n",
            as.character(packageVersion("sna")), n, nullhyp, reps, el[["elapsed"]],
            el[["user.self"]] + el[["sys.self"]],
            paste(sprintf("%.6f", f$coefficients), collapse = ","),
            paste(sprintf("%.4f", f$pgreqabs), collapse = ",")))
