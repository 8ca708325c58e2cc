# sna::brokerage on graphs with self-loops and valued ties, for the brokerage family.
# Usage: Rscript brokerage.R IN.tsv OUT.tsv
#   IN.tsv: one line per graph: name <TAB> n <TAB> directed(0/1) <TAB> partition (comma list)
#           <TAB> edges "u:v:w;u:v:w..." (1-based; undirected edges once, symmetrised here)
#   OUT.tsv: name <TAB> key <TAB> comma list (%.17g; NaN, Inf, -Inf as R prints them)
# Calls brokerage(A, cl) on the *valued* matrix A (sna dichotomises internally: every
# non-zero entry is an arc) -- keys sna.brokerage.{raw,exp,sd,z}_{nli,gli}.<col>.
suppressPackageStartupMessages(library(sna))
args <- commandArgs(trailingOnly = TRUE)
inp <- read.delim(args[1], header = FALSE, colClasses = "character", quote = "")
num <- function(x) paste(sprintf("%.17g", as.numeric(x)), collapse = ",")
out <- character(0)
for (r in seq_len(nrow(inp))) {
  name <- inp[r, 1]; n <- as.integer(inp[r, 2]); directed <- inp[r, 3] == "1"
  cl <- as.integer(strsplit(inp[r, 4], ",")[[1]])
  A <- matrix(0, n, n)
  for (e in strsplit(inp[r, 5], ";")[[1]]) {
    p <- as.numeric(strsplit(e, ":")[[1]])
    A[p[1], p[2]] <- p[3]
    if (!directed) A[p[2], p[1]] <- p[3]
  }
  br <- brokerage(A, cl)
  for (part in c("raw", "exp", "sd", "z")) {
    for (col in c("w_I", "w_O", "b_IO", "b_OI", "b_O", "t")) {
      out <- c(out, paste(name, paste0("sna.brokerage.", part, "_nli.", col),
                          num(br[[paste0(part, ".nli")]][, col]), sep = "\t"))
      out <- c(out, paste(name, paste0("sna.brokerage.", part, "_gli.", col),
                          num(br[[paste0(part, ".gli")]][[col]]), sep = "\t"))
    }
  }
}
writeLines(out, args[2])
writeLines(c(paste0("R\t", R.version$major, ".", R.version$minor),
             paste0("sna\t", as.character(packageVersion("sna")))), paste0(args[2], ".versions"))
