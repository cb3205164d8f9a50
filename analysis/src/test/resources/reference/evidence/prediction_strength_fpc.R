# Reference prediction strength for PredictionStrength (fpc's definition, centroid classification).
# Generated with (from the worktree root):
#   Rscript analysis/src/test/resources/reference/evidence/prediction_strength_fpc.R ../shared/data analysis/src/test/resources/reference/evidence
# fpc 2.2 prediction.strength with kmeansCBI on the UCI vertebral column data (six columns,
# standardised), one split per call (M = 1) so each split can be replayed: prediction.strength's
# first random draw is sample(n, n), so set.seed(s); sample(n, n) gives the permutation whose
# first floor(n/2) entries are half A. kmeans runs with 200 random starts, which finds the same
# (global) optimum on each half every time, so the partitions do not depend on the starts.
# (The adjusted Rand index has its own fixture: ari_sklearn.py.)
# Output: prediction_strength_vertebral.csv (seed, k, prediction_strength, permutation as
# space-separated 1-based indices).
library(fpc)
args <- commandArgs(trailingOnly = TRUE)
shared <- args[1]; out <- args[2]
v <- read.table(file.path(shared, "uci_vertebral_column", "column_3C.dat"), header = FALSE)
x <- scale(as.matrix(v[, 1:6]))
n <- nrow(x)
rows <- list()
for (s in 1:6) for (k in 2:4) {
  set.seed(s); perm <- sample(n, n)
  set.seed(s); ps <- prediction.strength(x, Gmin = k, Gmax = k, M = 1, clustermethod = kmeansCBI, runs = 200)
  rows[[length(rows) + 1]] <- data.frame(seed = s, k = k, prediction_strength = ps$mean.pred[k],
                                         permutation = paste(perm, collapse = " "))
}
res <- do.call(rbind, rows)
write.csv(res, file.path(out, "prediction_strength_vertebral.csv"), row.names = FALSE)
print(res[, 1:3])
write.csv(x, file.path(out, "vertebral_scaled.csv"), row.names = FALSE)
