# Reference for the MICE check (analysis/src/test/java/.../missing/MiceReferenceTest.java).
# Data: ../shared/data/heymans_lbp_example/lbp_orig_159x15.csv (159 people, 10 columns with
# missing values). Run from the repository root:
#   Rscript analysis/src/test/resources/reference/mice/heymans_mice.R \
#     ../shared/data/heymans_lbp_example/lbp_orig_159x15.csv \
#     > analysis/src/test/resources/reference/mice/heymans_mice.csv
# mice's defaults: pmm for numeric columns, logreg for the binary factor (Radiation), polyreg
# for the 3-level factors (Carrying, Satisfaction); every other column predicts every column.
# Output (long form): quantity,term,estimate,between_var,within_var
#   completed_mean  <column>   mean over the m completed data sets of the column's mean
#                              (for a factor: the share of its highest level), the variance
#                              of those m means (B), and 0
#   lm_pooled       <term>     Rubin's rules for lm(Function ~ Pain + Tampascale + Age +
#                              Radiation + Satisfaction): pooled estimate, B and mean W (Ubar)
suppressPackageStartupMessages(library(mice))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
for (f in c("Chronic", "Gender", "Radiation", "Smoking", "Carrying", "Satisfaction")) {
  d[[f]] <- factor(d[[f]])
}
m <- 50
imp <- mice(d, m = m, maxit = 10, seed = 20251205, printFlag = FALSE)
out <- data.frame()
for (v in names(d)[colSums(is.na(d)) > 0]) {
  per <- sapply(seq_len(m), function(i) {
    x <- complete(imp, i)[[v]]
    if (is.factor(x)) mean(x == levels(x)[nlevels(x)]) else mean(x)
  })
  out <- rbind(out, data.frame(quantity = "completed_mean", term = v, estimate = mean(per),
                               between_var = var(per), within_var = 0))
}
fit <- with(imp, lm(Function ~ Pain + Tampascale + Age + Radiation + Satisfaction))
p <- pool(fit)$pooled
out <- rbind(out, data.frame(quantity = "lm_pooled", term = as.character(p$term),
                             estimate = p$estimate, between_var = p$b, within_var = p$ubar))
cat("# mice", as.character(packageVersion("mice")), "R", R.version.string, "m =", m,
    "maxit = 10 seed = 20251205\n")
write.csv(out, stdout(), row.names = FALSE, quote = FALSE)
