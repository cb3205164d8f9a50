# Reference coefficients for MultinomialRidgeTrainer (glmnet's multinomial ridge at fixed lambda).
# Generated with (from the worktree root):
#   Rscript analysis/src/test/resources/reference/validation/glmnet_ridge.R ../shared/data analysis/src/test/resources/reference/validation
# glmnet 4.1-6, family = "multinomial", alpha = 0, standardize = TRUE (the default), a tight
# thresh. glmnet minimises -(1/n) logLik + (lambda/2) sum_k sum_j (s_j beta_kj)^2 with s_j the
# 1/n standard deviation of column j; intercepts unpenalised. Slopes of the symmetric
# parametrisation are unique; intercepts are written centred (mean over classes 0), and fitted
# probabilities of the first rows are written for a parametrisation-free check.
# Output: glmnet_ridge_vertebral.csv with columns lambda,class,term,estimate.
library(glmnet)
args <- commandArgs(trailingOnly = TRUE)
shared <- args[1]; out <- args[2]
v <- read.table(file.path(shared, "uci_vertebral_column", "column_3C.dat"), header = FALSE)
x <- as.matrix(v[, 1:6]); colnames(x) <- paste0("V", 1:6)
y <- factor(v[, 7], levels = c("DH", "SL", "NO"))
rows <- list()
for (lam in c(0.001, 0.01, 0.1, 1)) {
  # a decreasing path ending at lam, as glmnet's documentation advises for a single lambda
  path <- exp(seq(log(10), log(lam), length.out = 60))
  fit <- glmnet(x, y, family = "multinomial", alpha = 0, lambda = path, thresh = 1e-16,
                maxit = 1e7)
  cf <- coef(fit, s = lam, exact = FALSE)
  a0 <- sapply(cf, function(m) m[1, 1]); a0 <- a0 - mean(a0)
  for (k in seq_along(cf)) {
    m <- as.matrix(cf[[k]])
    rows[[length(rows) + 1]] <- data.frame(lambda = lam, class = names(cf)[k], term = "(Intercept)", estimate = a0[k])
    for (j in 2:nrow(m)) rows[[length(rows) + 1]] <- data.frame(lambda = lam, class = names(cf)[k], term = rownames(m)[j], estimate = m[j, 1])
  }
  p <- predict(fit, newx = x[1:5, ], s = lam, type = "response")[, , 1]
  for (i in 1:5) for (k in 1:3) rows[[length(rows) + 1]] <- data.frame(lambda = lam, class = colnames(p)[k], term = paste0("p_row", i), estimate = p[i, k])
}
res <- do.call(rbind, rows)
write.csv(res, file.path(out, "glmnet_ridge_vertebral.csv"), row.names = FALSE)
cat(format(res$estimate[1:21], digits = 15), "\n")
