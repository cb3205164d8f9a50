# Reference for Rubin's rules on a logistic regression (analysis/src/test/java/.../missing/
# RubinPoolingReferenceTest.java). Data: ../shared/data/heymans_lbp_example/lbp_orig_159x15.csv.
# mice imputes it (m = 5, its defaults, seed 20251205); the completed data sets are written out,
# so the test fits the same regression on the same sets and must agree with mice::pool exactly
# (to 1e-6): no Monte Carlo error enters. Run from the repository root:
#   Rscript analysis/src/test/resources/reference/rubin/heymans_rubin.R \
#     ../shared/data/heymans_lbp_example/lbp_orig_159x15.csv \
#     analysis/src/test/resources/reference/rubin
# Writes completed.csv (.imp, Chronic, Pain, Tampascale, Age, Radiation, Satisfaction) and
# pooled.csv: per term of glm(Chronic ~ Pain + Tampascale + Age + Radiation + Satisfaction,
# binomial) the pooled estimate, ubar, b, t, dfcom, df, riv, lambda, fmi, std.error, p.value,
# 2.5 % and 97.5 % (confidence limits with the Barnard-Rubin t quantile).
suppressPackageStartupMessages(library(mice))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
for (f in c("Chronic", "Gender", "Radiation", "Smoking", "Carrying", "Satisfaction")) {
  d[[f]] <- factor(d[[f]])
}
m <- 5
imp <- mice(d, m = m, seed = 20251205, printFlag = FALSE)
long <- complete(imp, "long")
out <- long[, c(".imp", "Chronic", "Pain", "Tampascale", "Age", "Radiation", "Satisfaction")]
header <- paste("# mice", as.character(packageVersion("mice")), "R", R.version.string, "m =", m,
                "seed = 20251205")
con <- file(file.path(args[2], "completed.csv"), "w")
writeLines(header, con)
write.csv(out, con, row.names = FALSE, quote = FALSE)
close(con)
# glm's standard errors use the weights of its last iteration: a tight tolerance makes them
# those of the estimate itself, so the comparison is not limited by glm's default 1e-8
fit <- with(imp, glm(Chronic ~ Pain + Tampascale + Age + Radiation + Satisfaction,
                     family = binomial, control = glm.control(epsilon = 1e-14, maxit = 100)))
p <- pool(fit)
s <- summary(p, conf.int = TRUE)
pooled <- data.frame(term = as.character(p$pooled$term), estimate = p$pooled$estimate,
                     ubar = p$pooled$ubar, b = p$pooled$b, t = p$pooled$t,
                     dfcom = p$pooled$dfcom, df = p$pooled$df, riv = p$pooled$riv,
                     lambda = p$pooled$lambda, fmi = p$pooled$fmi, std_error = s$std.error,
                     p_value = s$p.value, lower = s[["2.5 %"]], upper = s[["97.5 %"]])
con <- file(file.path(args[2], "pooled.csv"), "w")
writeLines(header, con)
write.csv(pooled, con, row.names = FALSE, quote = FALSE)
close(con)
