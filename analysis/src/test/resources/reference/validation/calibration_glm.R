# Reference calibration intercept and slope for Calibration (rms::val.prob's definitions).
# Generated with (from the worktree root):
#   Rscript analysis/src/test/resources/reference/validation/calibration_glm.R analysis/src/test/resources/reference/validation
# Seeded predictions that are too extreme and shifted (true logit x, predicted logit 0.4 + 1.6 x),
# outcomes drawn from the truth. Intercept: glm(y ~ offset(lp), binomial); slope: glm(y ~ lp,
# binomial), lp = qlogis(p). Output: calibration_data.csv (p, y) and calibration_glm.csv.
args <- commandArgs(trailingOnly = TRUE)
out <- args[1]
set.seed(14)
n <- 400
x <- rnorm(n)
y <- rbinom(n, 1, plogis(x))
p <- plogis(0.4 + 1.6 * x)
lp <- qlogis(p)
a <- coef(glm(y ~ offset(lp), family = binomial(), control = glm.control(epsilon = 1e-14, maxit = 100)))[1]
b <- coef(glm(y ~ lp, family = binomial(), control = glm.control(epsilon = 1e-14, maxit = 100)))[2]
write.csv(data.frame(p = sprintf("%.17g", p), y = y), file.path(out, "calibration_data.csv"), row.names = FALSE, quote = FALSE)
write.csv(data.frame(intercept = sprintf("%.17g", a), slope = sprintf("%.17g", b)), file.path(out, "calibration_glm.csv"), row.names = FALSE, quote = FALSE)
cat(a, b, "\n")
