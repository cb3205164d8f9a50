# Reference objectives for the clustering engine, computed independently with R.
# Regenerate (from the worktree root):
#   Rscript cluster/src/test/resources/reference/kmeans_reference.R ../shared/data cluster/src/test/resources/reference
# R 4.2 (Debian r-base-core), packages trimcluster, cluster.
# Output: kmeans_reference.csv with columns dataset,scale,method,k,trim,objective where
#   objective = sum of squared Euclidean distances of the kept points to their centre
#   (stats::kmeans: tot.withinss; trimcluster::trimkmeans: sum of disttom over non-trimmed points).
library(trimcluster)
library(cluster)
args <- commandArgs(trailingOnly = TRUE)
data_dir <- args[1]
out_dir <- args[2]
vert <- as.matrix(read.table(file.path(data_dir, "uci_vertebral_column/column_3C.dat"))[, 1:6])
smart <- as.matrix(na.omit(read.csv(file.path(data_dir, "smart2011_lowbackpain_flexord/lowbackpain_464x11.csv"))[, 1:11])) * 1.0 # 459 complete rows
sets <- list(
  list(name = "vertebral", scale = "none", x = vert),
  list(name = "vertebral", scale = "zscore", x = scale(vert)),
  list(name = "smart11", scale = "none", x = smart)
)
rows <- list()
set.seed(20261128)
for (s in sets) {
  for (k in 2:5) {
    km <- kmeans(s$x, centers = k, nstart = 500, iter.max = 100, algorithm = "Hartigan-Wong")
    rows[[length(rows) + 1]] <- data.frame(dataset = s$name, scale = s$scale, method = "kmeans",
                                           k = k, trim = 0, objective = km$tot.withinss)
    for (trim in c(0.05, 0.1)) {
      tk <- trimkmeans(s$x, k, trim = trim, runs = 100, maxit = 100)
      kept <- tk$classification <= k
      rows[[length(rows) + 1]] <- data.frame(dataset = s$name, scale = s$scale, method = "trimmed",
                                             k = k, trim = trim, objective = sum(tk$disttom[kept]))
    }
  }
}
out <- do.call(rbind, rows)
write.csv(out, file.path(out_dir, "kmeans_reference.csv"), row.names = FALSE, quote = FALSE)
print(out, digits = 15)
