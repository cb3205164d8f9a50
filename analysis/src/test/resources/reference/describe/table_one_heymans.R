# Reference Table 1 for TableOne on real data: the Heymans low-back-pain example (159 people),
# grouped by Carrying (1, 2, 3; people without it left out, as a trimmed outlier is). As R
# tableone prints it: median [Q1, Q3] (quantile type 7) for numeric variables, n (%) of those
# with a value for each level of a categorical one, missing counts, and the p-value of
# Kruskal-Wallis (numeric) or Pearson's chi-square without continuity correction (categorical).
# Generated with (from the worktree root):
#   Rscript analysis/src/test/resources/reference/describe/table_one_heymans.R ../shared/data analysis/src/test/resources/reference/describe
# Output: table_one_heymans.csv with columns variable,level,column,a,b,c (numeric: median, q1,
# q3; categorical: count, percent, -) and rows with column "missing" / "p" (value in a).
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(file.path(args[1], "heymans_lbp_example", "lbp_orig_159x15.csv"))
d <- d[!is.na(d$Carrying), ]
g <- factor(d$Carrying)
cols <- c(list(overall = rep(TRUE, nrow(d))), lapply(levels(g), function(l) g == l))
names(cols) <- c("overall", levels(g))
rows <- list()
add <- function(...) rows[[length(rows) + 1]] <<- data.frame(...)
for (v in c("Age", "BMI", "Pain", "Tampascale")) {
  x <- d[[v]]
  for (cn in names(cols)) {
    q <- quantile(x[cols[[cn]]], c(0.5, 0.25, 0.75), type = 7, na.rm = TRUE)
    add(variable = v, level = "", column = cn, a = q[[1]], b = q[[2]], c = q[[3]])
  }
  add(variable = v, level = "", column = "missing", a = sum(is.na(x)), b = NA, c = NA)
  add(variable = v, level = "", column = "p", a = kruskal.test(x ~ g)$p.value, b = NA, c = NA)
}
for (v in c("Gender", "Smoking", "Chronic", "Radiation")) {
  x <- d[[v]]
  for (lev in c(0, 1)) for (cn in names(cols)) {
    s <- x[cols[[cn]]]; s <- s[!is.na(s)]
    add(variable = v, level = lev, column = cn, a = sum(s == lev), b = 100 * mean(s == lev), c = NA)
  }
  add(variable = v, level = "", column = "missing", a = sum(is.na(x)), b = NA, c = NA)
  add(variable = v, level = "", column = "p", a = chisq.test(table(x, g), correct = FALSE)$p.value,
      b = NA, c = NA)
}
res <- do.call(rbind, rows)
write.csv(res, file.path(args[2], "table_one_heymans.csv"), row.names = FALSE)
print(res[res$column %in% c("p", "missing"), ], digits = 10)
