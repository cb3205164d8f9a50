# Reference values for the K-selection indices, computed independently with R.
# Regenerate (from the worktree root):
#   Rscript cluster/src/test/resources/reference/selection_reference.R ../shared/data cluster/src/test/resources/reference
# then: /usr/bin/python3 cluster/src/test/resources/reference/selection_reference.py ../shared/data cluster/src/test/resources/reference
# R 4.2 (Debian r-base-core), package cluster (silhouette, clusGap, maxSE), fpc (clusterboot).
# Data: UCI vertebral column, z-scored with scale(). Partitions: stats::kmeans(nstart = 200).
# Outputs:
#   selection_partitions.csv   columns k1..k5: the R k-means labels per k (k1 = all ones)
#   selection_reference.csv    k, silhouette (mean of cluster::silhouette widths),
#                              logW (clusGap d.power = 2, observed data), gap_original, se_original,
#                              gap_pca, se_pca (clusGap B = 200), jaccard_mean (clusterboot B = 100)
#   selection_maxse.csv        firstSEmax choice of cluster::maxSE on fixed gap/SE vectors
library(cluster)
library(fpc)
args <- commandArgs(trailingOnly = TRUE)
data_dir <- args[1]
out_dir <- args[2]
x <- scale(as.matrix(read.table(file.path(data_dir, "uci_vertebral_column/column_3C.dat"))[, 1:6]))
set.seed(42)
K <- 5
parts <- sapply(1:K, function(k) if (k == 1) rep(1L, nrow(x)) else kmeans(x, k, nstart = 200, iter.max = 100)$cluster)
colnames(parts) <- paste0("k", 1:K)
write.csv(parts, file.path(out_dir, "selection_partitions.csv"), row.names = FALSE, quote = FALSE)
d <- dist(x)
sil <- sapply(1:K, function(k) if (k == 1) NA else mean(silhouette(parts[, k], d)[, "sil_width"]))
# clusGap on the observed data uses exactly our partitions; reference sets are clustered by kmeans
fun <- function(z, k) {
  if (nrow(z) == nrow(x) && isTRUE(all.equal(unname(z), unname(x), tolerance = 0))) list(cluster = parts[, k])
  else kmeans(z, k, nstart = 20, iter.max = 100)
}
g_orig <- clusGap(x, fun, K.max = K, B = 200, d.power = 2, spaceH0 = "original", verbose = FALSE)$Tab
g_pca <- clusGap(x, fun, K.max = K, B = 200, d.power = 2, spaceH0 = "scaledPCA", verbose = FALSE)$Tab
jac <- sapply(1:K, function(k) if (k == 1) NA else
  mean(clusterboot(x, B = 100, bootmethod = "boot", clustermethod = kmeansCBI, krange = k,
                   runs = 20, count = FALSE, seed = 7)$bootmean))
out <- data.frame(k = 1:K, silhouette = sil, logW = g_orig[, "logW"],
                  gap_original = g_orig[, "gap"], se_original = g_orig[, "SE.sim"],
                  gap_pca = g_pca[, "gap"], se_pca = g_pca[, "SE.sim"], jaccard_mean = jac)
write.csv(out, file.path(out_dir, "selection_reference.csv"), row.names = FALSE, quote = FALSE)
print(out, digits = 17)
# maxSE on fixed vectors (deterministic rule check)
cases <- list(
  list(f = c(0.1, 0.3, 0.5, 0.45, 0.6), se = c(0.05, 0.05, 0.05, 0.05, 0.05)),
  list(f = c(0.1, 0.3, 0.5, 0.45, 0.6), se = c(0.3, 0.3, 0.3, 0.3, 0.3)),
  list(f = c(0.1, 0.2, 0.3, 0.4, 0.5), se = c(0.01, 0.01, 0.01, 0.01, 0.01)),
  list(f = c(0.5, 0.4, 0.3, 0.2, 0.1), se = c(0.01, 0.01, 0.01, 0.01, 0.01)),
  list(f = c(0.2, 0.35, 0.36, 0.30, 0.5), se = c(0.02, 0.02, 0.02, 0.02, 0.02))
)
ms <- data.frame(case = seq_along(cases),
                 f = sapply(cases, function(c) paste(c$f, collapse = ";")),
                 se = sapply(cases, function(c) paste(c$se, collapse = ";")),
                 choice = sapply(cases, function(c) maxSE(c$f, c$se, method = "firstSEmax")))
write.csv(ms, file.path(out_dir, "selection_maxse.csv"), row.names = FALSE, quote = FALSE)
print(ms)
