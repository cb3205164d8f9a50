# Trimmed k-means (trimcluster::trimkmeans, k = 3, trim = 0.05) on a preprocessed feature matrix
# (CSV without header, one row per person), for calibrate.py. Writes one row per person:
# cluster (trimmed k-means classification, k + 1 = trimmed), trimmed (0/1) and nearest (the
# nearest centre, also for trimmed points), all 1-based.
#
# Command (called by calibrate.py; by hand):
#   Rscript core/src/test/resources/reference/synth/trimmed_kmeans.R features.csv out.csv
suppressPackageStartupMessages(library(trimcluster))
args <- commandArgs(trailingOnly = TRUE)
x <- as.matrix(read.csv(args[1], header = FALSE))
set.seed(20260101)
fit <- trimkmeans(x, k = 3, trim = 0.05, runs = 10)
centres <- fit$means
d2 <- sapply(seq_len(nrow(centres)), function(j) rowSums(sweep(x, 2, centres[j, ])^2))
nearest <- max.col(-d2, ties.method = "first")
out <- data.frame(cluster = fit$classification, trimmed = as.integer(fit$classification == 4),
                  nearest = nearest)
write.csv(out, args[2], row.names = FALSE)
