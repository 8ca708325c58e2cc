# Holm's adjusted p values for tests/answer.rs, from R's stats::p.adjust.
# Run from the repository root: Rscript --vanilla scripts/reference/holm.R
# Writes tests/fixtures/answer/holm.json (base R only: no package needed).
set.seed(20261206)
families <- list(
  c(0.01, 0.04, 0.03, 0.005),
  c(0.2, 0.2, 0.01),            # ties keep their order
  c(0.5),
  c(0.001, 0.9, 0.049, 0.051, 0.02),
  runif(5), runif(3), rbeta(7, 0.3, 3)
)
num <- function(x) paste(formatC(x, digits = 17, format = "g"), collapse = ", ")
rows <- vapply(families, function(p) {
  sprintf('    {"p": [%s], "holm": [%s]}', num(p), num(p.adjust(p, method = "holm")))
}, "")
dir.create("tests/fixtures/answer", showWarnings = FALSE, recursive = TRUE)
writeLines(c("{",
  sprintf('  "tool": "R %s stats::p.adjust(p, method = \\"holm\\")",', paste(R.version$major, R.version$minor, sep = ".")),
  '  "families": [', paste(rows, collapse = ",\n"), "  ]", "}"),
  "tests/fixtures/answer/holm.json")
