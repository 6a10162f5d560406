# The M4 benchmark protocol (workload W1) in R forecast, the same work as dev.signalcheck.bench.M4Protocol:
# naive, seasonal naive, naive2, ses, holt, damped and theta, one origin, mean sMAPE / MASE / OWA.
# usage: Rscript m4_protocol.R DIR FREQUENCY H M     (DIR holds FREQUENCY-train.csv[.gz] and -test.csv[.gz])
suppressMessages(library(forecast))
args <- commandArgs(TRUE)
dir <- args[1]; freq <- args[2]; H <- as.integer(args[3]); m <- as.integer(args[4])
rd <- function(name) { p <- file.path(dir, name); if (!file.exists(p)) p <- paste0(p, ".gz"); read.csv(p, stringsAsFactors = FALSE) }
train <- rd(paste0(freq, "-train.csv")); test <- rd(paste0(freq, "-test.csv"))
seasonal_test <- function(x, m) {
  if (m <= 1 || length(x) < 3 * m) return(FALSE)
  r <- acf(x, plot = FALSE, lag.max = max(m, 10 * log10(length(x))))$acf[-1, 1, 1]
  lim <- 1.645 / sqrt(length(x)) * sqrt(cumsum(c(1, 2 * r^2)))
  isTRUE(abs(r[m]) > lim[m])
}
smape <- function(a, f) mean(200 * abs(a - f) / (abs(a) + abs(f)))
mase <- function(insample, a, f, m) { s <- mean(abs(diff(insample, lag = m))); mean(abs(a - f)) / s }
theta_classic <- function(x, h) {
  n <- length(x); t <- 1:n; fit <- lm(as.numeric(x) ~ t)
  l0 <- predict(fit, data.frame(t = (n + 1):(n + h)))
  l2 <- ses(ts(2 * as.numeric(x) - fitted(fit), frequency = frequency(x)), h = h)$mean
  pmax(0, 0.5 * as.numeric(l2) + 0.5 * as.numeric(l0))
}
acc <- matrix(0, 7, 2, dimnames = list(c("naive", "seasonal-naive", "naive2", "ses", "holt", "damped", "theta"), c("smape", "mase")))
for (i in seq_len(nrow(train))) {
  x <- as.numeric(train[i, -1]); x <- x[!is.na(x)]
  a <- as.numeric(test[i, -1]); a <- a[!is.na(a)]
  x <- ts(x, frequency = m)
  if (seasonal_test(x, m)) {
    d <- decompose(x, type = "multiplicative"); xa <- x / d$seasonal
    si <- head(rep(tail(as.numeric(d$seasonal), m), H), H)
  } else { xa <- x; si <- rep(1, H) }
  f <- list(naive = naive(x, h = H)$mean,
            `seasonal-naive` = if (m > 1) snaive(x, h = H)$mean else naive(x, h = H)$mean,
            naive2 = naive(xa, h = H)$mean * si,
            ses = ses(xa, h = H)$mean * si,
            holt = holt(xa, h = H)$mean * si,
            damped = holt(xa, h = H, damped = TRUE)$mean * si,
            theta = theta_classic(xa, H) * si)
  for (k in names(f)) {
    acc[k, "smape"] <- acc[k, "smape"] + smape(a, as.numeric(f[[k]]))
    acc[k, "mase"] <- acc[k, "mase"] + mase(as.numeric(x), a, as.numeric(f[[k]]), m)
  }
}
acc <- acc / nrow(train)
owa <- (acc[, "smape"] / acc["naive2", "smape"] + acc[, "mase"] / acc["naive2", "mase"]) / 2
cat(sprintf("R M4 %s: %d series\n", freq, nrow(train)))
for (k in rownames(acc)) cat(sprintf("%-15s %9.3f %9.3f %7.3f\n", k, acc[k, "smape"], acc[k, "mase"], owa[k]))
