# Reference k-medoids objectives from R cluster::pam (exact BUILD + SWAP).
# Regenerate (from the worktree root):
#   Rscript cluster/src/test/resources/reference/pam_reference.R ../shared/data cluster/src/test/resources/reference
# Output pam_reference.csv: dataset, scale, k, objective = pam(...)$objective["swap"] * n
#   (total Euclidean distance of the points to their medoid).
library(cluster)
args <- commandArgs(trailingOnly = TRUE)
x <- as.matrix(read.table(file.path(args[1], "uci_vertebral_column/column_3C.dat"))[, 1:6])
sets <- list(list(scale = "none", x = x), list(scale = "zscore", x = scale(x)))
rows <- list()
for (s in sets) for (k in 2:5) {
  p <- pam(s$x, k, metric = "euclidean")
  rows[[length(rows) + 1]] <- data.frame(dataset = "vertebral", scale = s$scale, k = k,
                                         objective = unname(p$objective["swap"]) * nrow(s$x))
}
out <- do.call(rbind, rows)
write.csv(out, file.path(args[2], "pam_reference.csv"), row.names = FALSE, quote = FALSE)
print(out, digits = 15)
