# Reference values for org.backstrat.analysis.stats, computed with base R only (independent of the Java code).
# Regenerate (from the worktree root; needs ../shared/data for the real-data cases):
#   cd analysis/src/test/resources/reference/stats && Rscript stats_reference.R ../../../../../../../shared/data
# Produced with R 4.2.2 (Debian bookworm). Output files (all CSV, '.'-decimal, numbers printed with %.17g):
#   kruskal.csv, dunn.csv, chisq.csv, fisher.csv, fisher_mc.csv, padjust.csv, descriptives.csv, realdata.csv
# Arrays inside a cell are space-separated; NA is written as NA. Dunn's test is computed here from its
# textbook formula (Dunn 1964, tie correction as in Zar / dunn.test), since no Dunn package is in Debian.
args <- commandArgs(trailingOnly = TRUE)
shared <- if (length(args) >= 1) args[1] else "../../../../../../../shared/data"
fmt <- function(x) paste(ifelse(is.na(x), "NA", sprintf("%.17g", x)), collapse = " ")
fmti <- function(x) paste(as.integer(x), collapse = " ")

set.seed(20261128)
# ---------------------------------------------------------------- Kruskal-Wallis cases (values, groups)
kw <- list()
kw$no_ties_3 <- list(x = c(2.9, 3.0, 2.5, 2.6, 3.2, 3.8, 2.7, 4.0, 2.4, 2.8, 3.4, 3.7, 2.2, 2.0),
                     g = c(1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3))
kw$ties_ordinal <- list(x = c(0, 1, 1, 2, 2, 2, 3, 0, 0, 1, 1, 4, 4, 3, 3, 2, 1, 0, 0, 0, 2, 2),
                        g = c(rep(1, 7), rep(2, 8), rep(3, 7)))
kw$one_group_size_1 <- list(x = c(5.1, 4.2, 6.3, 7.7, 1.2, 3.3, 9.9, 2.2), g = c(1, 1, 1, 2, 2, 2, 2, 3))
kw$tiny_2x2 <- list(x = c(1, 2, 3, 4), g = c(1, 1, 2, 2))
kw$two_groups_ties <- list(x = c(1, 1, 1, 2, 2, 1, 2, 2, 2, 2), g = c(1, 1, 1, 1, 1, 2, 2, 2, 2, 2))
kw$extreme_values <- list(x = c(-1e300, 1e-300, 3, 1e300, -5e-324, 7, 8e307, -2, 0),
                          g = c(1, 1, 1, 2, 2, 2, 3, 3, 3))
kw$likert5_4groups <- list(x = sample(0:4, 120, replace = TRUE, prob = c(.3, .3, .2, .1, .1)) +
                             rep(c(0, 0, 1, 0), each = 30) * sample(0:1, 120, replace = TRUE),
                           g = rep(1:4, each = 30))
n <- 400
gg <- sample(1:3, n, replace = TRUE)
kw$tiny_p <- list(x = rnorm(n, mean = c(0, 1.6, 3.2)[gg]), g = gg)
gg <- rep(1:4, c(50, 80, 60, 10))
kw$continuous_4groups <- list(x = round(rexp(200, rate = c(1, 1.2, 0.8, 2)[gg]), 2), g = gg)
kw$nonconsecutive_labels <- list(x = c(3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5), g = c(7, 7, 7, 2, 2, 2, 2, 11, 11, 11, 11))

kwrows <- do.call(rbind, lapply(names(kw), function(nm) {
  d <- kw[[nm]]
  t <- kruskal.test(d$x, factor(d$g))
  n <- length(d$x)
  data.frame(case = nm, values = fmt(d$x), groups = fmti(d$g), statistic = fmt(unname(t$statistic)),
             df = fmt(unname(t$parameter)), p = fmt(t$p.value),
             epsilon_squared = fmt(unname(t$statistic) / ((n^2 - 1) / (n + 1))))
}))
write.csv(kwrows, "kruskal.csv", row.names = FALSE)

# ---------------------------------------------------------------- Dunn (textbook formula)
dunn <- function(x, g) {
  g <- factor(g); n <- length(x); r <- rank(x)
  t <- table(x); tie <- sum(t^3 - t)
  s2 <- n * (n + 1) / 12 - tie / (12 * (n - 1))
  lv <- levels(g); out <- NULL
  for (i in 1:(length(lv) - 1)) for (j in (i + 1):length(lv)) {
    a <- g == lv[i]; b <- g == lv[j]
    z <- (mean(r[a]) - mean(r[b])) / sqrt(s2 * (1 / sum(a) + 1 / sum(b)))
    out <- rbind(out, data.frame(g1 = lv[i], g2 = lv[j], z = z, p = 2 * pnorm(-abs(z))))
  }
  out
}
dunnrows <- do.call(rbind, lapply(setdiff(names(kw), "extreme_values"), function(nm) {
  d <- kw[[nm]]; o <- dunn(d$x, d$g)
  data.frame(case = nm, values = fmt(d$x), groups = fmti(d$g), g1 = o$g1, g2 = o$g2, z = fmt(o$z), p = fmt(o$p))
}))
# fmt() collapses vectors: apply row-wise instead
dunnrows$z <- unlist(lapply(setdiff(names(kw), "extreme_values"), function(nm) sprintf("%.17g", dunn(kw[[nm]]$x, kw[[nm]]$g)$z)))
dunnrows$p <- unlist(lapply(setdiff(names(kw), "extreme_values"), function(nm) sprintf("%.17g", dunn(kw[[nm]]$x, kw[[nm]]$g)$p)))
write.csv(dunnrows, "dunn.csv", row.names = FALSE)

# ---------------------------------------------------------------- contingency tables
tabs <- list()
tabs$t2x2_large <- matrix(c(45, 30, 25, 50), 2)
tabs$t2x2_small <- matrix(c(3, 1, 1, 3), 2)
tabs$t2x2_tea <- matrix(c(3, 1, 1, 3), 2)
tabs$t2x2_zero <- matrix(c(10, 0, 4, 6), 2)
tabs$t2x2_tiny_p <- matrix(c(200, 5, 10, 190), 2)
tabs$t2x3 <- matrix(c(12, 5, 7, 9, 2, 14), 2)
tabs$t3x3_small <- matrix(c(2, 0, 1, 1, 3, 0, 0, 1, 4), 3)
tabs$t3x4_mixed <- matrix(c(10, 3, 0, 12, 4, 1, 8, 2, 2, 15, 1, 0), 3)
tabs$t4x5_n200 <- matrix(c(12, 9, 8, 11, 10, 14, 6, 9, 7, 8, 12, 10, 3, 2, 4, 1, 9, 11, 13, 6), 4)
tabs$t3x4_n120 <- matrix(c(15, 12, 6, 10, 14, 3, 12, 9, 4, 16, 11, 8), 3)
tabs$t4x5_sparse <- matrix(c(5, 0, 1, 0, 3, 1, 0, 2, 0, 4, 1, 0, 2, 0, 3, 1, 0, 1, 0, 4), 4)
tabs$t3x4_tiny_p <- matrix(c(25, 1, 0, 2, 20, 1, 0, 3, 18, 1, 0, 19), 3)
tabs$t3x3_tiny_p <- matrix(c(12, 1, 0, 2, 11, 1, 0, 2, 13), 3)
tabs$t4x3_n300_rare <- matrix(c(50, 20, 2, 40, 30, 1, 45, 25, 3, 30, 40, 4), 4, byrow = TRUE)
tabs$t3x3_n2084_tiny_p <- matrix(c(400, 300, 5, 350, 420, 3, 500, 100, 6), 3, byrow = TRUE)
tabs$t2x5_rare_level <- matrix(c(60, 55, 1, 4, 20, 25, 0, 3, 30, 28), 2)
chisqrows <- NULL; fisherrows <- NULL
for (nm in names(tabs)) {
  m <- tabs[[nm]]
  cells <- fmti(t(m))  # row-major
  for (cor in c(FALSE, TRUE)) {
    if (cor && !all(dim(m) == 2)) next
    t <- suppressWarnings(chisq.test(m, correct = cor))
    v <- sqrt(unname(suppressWarnings(chisq.test(m, correct = FALSE))$statistic) / (sum(m) * (min(dim(m)) - 1)))
    # Bergsma (2013) bias-corrected Cramer's V, from the uncorrected X^2
    x2 <- unname(suppressWarnings(chisq.test(m, correct = FALSE))$statistic); N <- sum(m)
    kr <- nrow(m); kc <- ncol(m)
    phi2c <- max(0, x2 / N - (kr - 1) * (kc - 1) / (N - 1))
    vbc <- sqrt(phi2c / min(kr - (kr - 1)^2 / (N - 1) - 1, kc - (kc - 1)^2 / (N - 1) - 1))
    chisqrows <- rbind(chisqrows, data.frame(case = nm, nrow = nrow(m), ncol = ncol(m), cells = cells,
      correct = cor, statistic = fmt(unname(t$statistic)), df = fmt(unname(t$parameter)), p = fmt(t$p.value),
      cramer_v = fmt(v), cramer_v_bias_corrected = fmt(vbc), expected = fmt(t(t$expected))))
  }
  f <- fisher.test(m, workspace = 2e8)
  fisherrows <- rbind(fisherrows, data.frame(case = nm, nrow = nrow(m), ncol = ncol(m), cells = cells, p = fmt(f$p.value)))
}
write.csv(chisqrows, "chisq.csv", row.names = FALSE)
write.csv(fisherrows, "fisher.csv", row.names = FALSE)

# Monte Carlo check: a table only checked "within Monte Carlo error" of R's own simulated p
mc <- matrix(c(30, 2, 4, 25, 1, 6, 28, 3, 2, 22, 5, 3, 31, 0, 7), 3)
set.seed(1)
fm <- fisher.test(mc, simulate.p.value = TRUE, B = 1e5)
fe <- fisher.test(mc, workspace = 2e8)
write.csv(data.frame(case = "t3x5_mc", nrow = 3, ncol = 5, cells = fmti(t(mc)), p_simulated = fmt(fm$p.value),
                     B = 1e5, p_exact = fmt(fe$p.value)), "fisher_mc.csv", row.names = FALSE)

# ---------------------------------------------------------------- p.adjust
pv <- list()
pv$basic <- c(0.01, 0.02, 0.03, 0.04, 0.05)
pv$unsorted <- c(0.04, 0.001, 0.3, 0.02, 0.9, 0.0001, 0.049)
pv$ties <- c(0.01, 0.01, 0.03, 0.03, 0.03, 0.5, 0.01)
pv$with_na <- c(0.02, NA, 0.001, 0.04, NA, 0.3)
pv$capping <- c(0.4, 0.6, 0.8, 0.35, 0.99)
pv$single <- c(0.03)
pv$tiny <- c(1e-30, 3e-12, 0.2, 1e-300)
pv$ones <- c(1, 1, 0.5)
pv$random <- runif(25)^3
parows <- NULL
for (nm in names(pv)) for (me in c("holm", "BH", "bonferroni")) {
  parows <- rbind(parows, data.frame(case = nm, method = me, p = fmt(pv[[nm]]), adjusted = fmt(p.adjust(pv[[nm]], me))))
}
write.csv(parows, "padjust.csv", row.names = FALSE)

# ---------------------------------------------------------------- descriptives (quantile type 7)
ds <- list(one = c(4.2), two = c(1, 3), odd = c(5, 1, 9, 3, 7), even = c(2, 8, 4, 6, 10, 12),
           ties = c(1, 1, 1, 2, 2, 3, 3, 3, 3, 10), skew = round(rexp(37), 3), negative = c(-3.5, -1e-3, -200, 4, 0))
dsrows <- do.call(rbind, lapply(names(ds), function(nm) {
  x <- ds[[nm]]; q <- quantile(x, c(0.25, 0.5, 0.75), type = 7)
  data.frame(case = nm, values = fmt(x), n = length(x), q1 = fmt(q[1]), median = fmt(q[2]), q3 = fmt(q[3]),
             mean = fmt(mean(x)), sd = fmt(if (length(x) > 1) sd(x) else NA))
}))
write.csv(dsrows, "descriptives.csv", row.names = FALSE)

# ---------------------------------------------------------------- real data (values are NOT copied: tests re-read them)
rd <- NULL
add <- function(case, file, variable, group, test, statistic, df, p) {
  rd <<- rbind(rd, data.frame(case = case, file = file, variable = variable, group = group, test = test,
                              statistic = fmt(statistic), df = fmt(df), p = fmt(p)))
}
uci <- read.table(file.path(shared, "uci_vertebral_column/column_3C.dat"))
names(uci) <- c("pelvic_incidence", "pelvic_tilt", "lumbar_lordosis_angle", "sacral_slope", "pelvic_radius",
                "degree_spondylolisthesis", "class")
for (v in names(uci)[1:6]) {
  t <- kruskal.test(uci[[v]], factor(uci$class))
  add(paste0("uci_kw_", v), "uci_vertebral_column/column_3C.dat", v, "class", "kruskal-wallis",
      t$statistic, t$parameter, t$p.value)
  o <- dunn(uci[[v]], uci$class)
  for (k in seq_len(nrow(o))) add(paste0("uci_dunn_", v, "_", o$g1[k], "_", o$g2[k]), "uci_vertebral_column/column_3C.dat",
                                  v, paste0("class:", o$g1[k], ":", o$g2[k]), "dunn", o$z[k], NA, o$p[k])
}
hey <- read.csv(file.path(shared, "heymans_lbp_example/lbp_orig_159x15.csv"))
hf <- "heymans_lbp_example/lbp_orig_159x15.csv"
for (pair in list(c("Tampascale", "Carrying"), c("Pain", "Satisfaction"), c("Function", "Carrying"), c("Age", "Satisfaction"))) {
  ok <- !is.na(hey[[pair[1]]]) & !is.na(hey[[pair[2]]])
  t <- kruskal.test(hey[[pair[1]]][ok], factor(hey[[pair[2]]][ok]))
  add(paste0("heymans_kw_", pair[1], "_by_", pair[2]), hf, pair[1], pair[2], "kruskal-wallis", t$statistic, t$parameter, t$p.value)
}
for (pair in list(c("Chronic", "Carrying"), c("Smoking", "Satisfaction"), c("Radiation", "Carrying"), c("Gender", "Satisfaction"))) {
  tb <- table(hey[[pair[1]]], hey[[pair[2]]])
  t <- chisq.test(tb, correct = FALSE)
  add(paste0("heymans_chisq_", pair[1], "_by_", pair[2]), hf, pair[1], pair[2], "chi-square", t$statistic, t$parameter, t$p.value)
  f <- fisher.test(tb, workspace = 2e8)
  add(paste0("heymans_fisher_", pair[1], "_by_", pair[2]), hf, pair[1], pair[2], "fisher-freeman-halton", NA, NA, f$p.value)
}
sm <- read.csv(file.path(shared, "smart2011_lowbackpain_full/lowbackpain_464x36_binary.csv"))
sf <- "smart2011_lowbackpain_full/lowbackpain_464x36_binary.csv"
for (v in c("Criterion1", "Criterion4", "Criterion9", "Criterion13", "Criterion26", "Criterion36")) {
  tb <- table(sm[[v]], sm$label)
  t <- chisq.test(tb, correct = FALSE)
  add(paste0("smart_chisq_", v), sf, v, "label", "chi-square", t$statistic, t$parameter, t$p.value)
  f <- fisher.test(tb, workspace = 2e8)
  add(paste0("smart_fisher_", v), sf, v, "label", "fisher-freeman-halton", NA, NA, f$p.value)
}
write.csv(rd, "realdata.csv", row.names = FALSE)
cat("done\n")
