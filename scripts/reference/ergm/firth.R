# Firth-penalised logistic regression of tie indicators on change statistics, by R brglm2.
# Called by fitting.py: Rscript --vanilla firth.R IN.tsv OUT.tsv
# IN.tsv: header y, x1..xp (no intercept column added: the first x is the edges column of ones).
# OUT.tsv: one row per coefficient: estimate, se; last line: converged (TRUE/FALSE), iterations,
# brglm2 and R versions.
suppressPackageStartupMessages(library(brglm2))
args <- commandArgs(trailingOnly = TRUE)
d <- read.delim(args[1])
X <- as.matrix(d[, -1, drop = FALSE])
fit <- glm(d$y ~ X - 1, family = binomial("logit"), method = "brglmFit", type = "AS_mean",
           control = brglmControl(epsilon = 1e-12, maxit = 500))
s <- summary(fit)$coefficients
out <- data.frame(estimate = sprintf("%.17g", s[, 1]), se = sprintf("%.17g", s[, 2]))
write.table(out, args[2], sep = "\t", quote = FALSE, row.names = FALSE)
cat(sprintf("%s\t%d\t%s\t%s\n", fit$converged, fit$iter, as.character(packageVersion("brglm2")),
            paste(R.version$major, R.version$minor, sep = ".")), file = args[2], append = TRUE)
