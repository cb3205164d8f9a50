# Reference coefficients for MultinomialLogisticTrainer (unpenalised maximum likelihood).
# Generated with (from the worktree root):
#   Rscript analysis/src/test/resources/reference/validation/multinom_nnet.R ../shared/data analysis/src/test/resources/reference/validation
# R 4.2, nnet::multinom with tight options; the first class (factor level order given below) is the reference.
# Output: one CSV per data set with columns dataset,class,term,estimate and the log-likelihood as term "logLik".
library(nnet)
args <- commandArgs(trailingOnly = TRUE)
shared <- args[1]; out <- args[2]

fit_and_write <- function(name, x, y) {
  df <- data.frame(x, y = y)
  fit <- multinom(y ~ ., data = df, maxit = 10000, reltol = 1e-14, abstol = 1e-300, trace = FALSE)
  cf <- coef(fit)
  if (is.null(dim(cf))) cf <- matrix(cf, nrow = 1, dimnames = list(levels(y)[2], names(cf)))
  rows <- list()
  for (k in rownames(cf)) for (t in colnames(cf)) rows[[length(rows) + 1]] <-
    data.frame(dataset = name, class = k, term = t, estimate = cf[k, t])
  rows[[length(rows) + 1]] <- data.frame(dataset = name, class = "", term = "logLik",
                                         estimate = as.numeric(logLik(fit)))
  res <- do.call(rbind, rows)
  write.csv(res, file.path(out, paste0("multinom_", name, ".csv")), row.names = FALSE)
  cat(name, "convergence:", fit$convergence, "logLik:", format(as.numeric(logLik(fit)), digits = 15), "\n")
}

# UCI vertebral column: 6 features, classes in the order DH (reference), SL, NO.
v <- read.table(file.path(shared, "uci_vertebral_column", "column_3C.dat"), header = FALSE)
fit_and_write("vertebral", v[, 1:6], factor(v[, 7], levels = c("DH", "SL", "NO")))

# Heymans LBP example: Satisfaction (1 reference, 2, 3) from Gender, Smoking, Chronic, Age, BMI, Duration;
# complete cases on these columns.
h <- read.csv(file.path(shared, "heymans_lbp_example", "lbp_orig_159x15.csv"))
cols <- c("Gender", "Smoking", "Chronic", "Age", "BMI", "Duration")
h <- h[complete.cases(h[, c(cols, "Satisfaction")]), ]
fit_and_write("heymans", h[, cols], factor(h$Satisfaction, levels = c(1, 2, 3)))
