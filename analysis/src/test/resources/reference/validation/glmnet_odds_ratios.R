# Reference odds ratios with bootstrap percentile intervals for OddsRatios (the forest plot):
# glmnet's multinomial ridge at a fixed lambda on the UCI vertebral column data (3 classes), odds
# ratios of each class against the first (DH) per one SD (sd(), divisor n - 1) of each feature,
# intervals as the type-7 2.5% / 97.5% quantiles of the log odds ratio over B stratified bootstrap
# resamples refitted at the same lambda. The resamples are drawn here and written out (1-based
# row numbers), so the Java test refits on exactly the same rows.
# Generated with (from the worktree root):
#   Rscript analysis/src/test/resources/reference/validation/glmnet_odds_ratios.R ../shared/data analysis/src/test/resources/reference/validation
# Output: odds_ratio_resamples.csv (one resample per line), glmnet_odds_ratios.csv
# (class,term,log_or,lower,upper).
library(glmnet)
args <- commandArgs(trailingOnly = TRUE)
shared <- args[1]; out <- args[2]
v <- read.table(file.path(shared, "uci_vertebral_column", "column_3C.dat"), header = FALSE)
x <- as.matrix(v[, 1:6]); colnames(x) <- paste0("V", 1:6)
y <- factor(v[, 7], levels = c("DH", "SL", "NO"))
lam <- 0.01; B <- 40
fitAt <- function(x, y) {
  path <- exp(seq(log(10), log(lam), length.out = 60))
  fit <- glmnet(x, y, family = "multinomial", alpha = 0, lambda = path, thresh = 1e-16, maxit = 1e7)
  cf <- coef(fit, s = lam, exact = FALSE)
  sapply(cf, function(m) as.matrix(m)[-1, 1])  # features x classes
}
s <- apply(x, 2, sd)
logor <- function(b) (b - b[, 1]) * s        # each class minus DH, per SD
point <- logor(fitAt(x, y))
set.seed(20261205)
idx <- split(seq_len(nrow(x)), y)
res <- matrix(0L, B, nrow(x))
draws <- array(0, c(B, ncol(x), 3))
for (b in 1:B) {
  r <- unlist(lapply(idx, function(i) i[sample.int(length(i), length(i), replace = TRUE)]))
  res[b, ] <- r
  draws[b, , ] <- logor(fitAt(x[r, ], y[r]))
}
write.table(res, file.path(out, "odds_ratio_resamples.csv"), sep = ",", row.names = FALSE, col.names = FALSE)
rows <- list()
for (k in 2:3) for (j in 1:ncol(x)) {
  q <- quantile(draws[, j, k], c(0.025, 0.975), type = 7)
  rows[[length(rows) + 1]] <- data.frame(class = levels(y)[k], term = colnames(x)[j],
    log_or = point[j, k], lower = q[[1]], upper = q[[2]])
}
res2 <- do.call(rbind, rows)
write.csv(res2, file.path(out, "glmnet_odds_ratios.csv"), row.names = FALSE)
print(res2, digits = 10)
