# Reference values for the rolling-origin backtest and the Diebold-Mariano test (R forecast 8.20).
# usage: Rscript make_backtest_reference.R ..   (run in this folder: reads ../<name>.csv, writes backtest_reference.json)
suppressMessages({ library(forecast); library(jsonlite) })
args <- commandArgs(TRUE); dir <- if (length(args)) args[1] else ".."
source(file.path(dir, "make_reference.R"))   # seasonal_test, deseason; its main block does not run when sourced

freq <- c(air_passengers = 12, nottem = 12, uk_gas = 4, co2 = 12, lynx = 1, www_usage = 1, nile = 1,
          lake_huron = 1, sunspot_year = 1, white_noise = 12, random_walk = 12)
horizon <- c(air_passengers = 12, nottem = 12, uk_gas = 8, co2 = 24, lynx = 10, www_usage = 10, nile = 10,
             lake_huron = 10, sunspot_year = 10, white_noise = 12, random_walk = 12)
K <- 3
backtests <- list()
for (name in names(freq)) {
  y <- read.csv(file.path(dir, paste0(name, ".csv")))$value
  m <- freq[[name]]; H <- horizon[[name]]; n <- length(y)
  origins <- list(); errs <- list()
  for (k in 1:K) {
    o <- n - (K - k + 1) * H
    tr <- ts(y[1:o], frequency = m); te <- y[(o + 1):(o + H)]
    ds <- deseason(tr, H)
    a <- ar(as.numeric(tr))
    f <- list(mean = meanf(tr, h = H)$mean, naive = naive(tr, h = H)$mean,
              `seasonal-naive` = if (m > 1) snaive(tr, h = H)$mean else naive(tr, h = H)$mean,
              naive2 = naive(ds$x, h = H)$mean * ds$si, drift = rwf(tr, h = H, drift = TRUE)$mean,
              ar = predict(a, n.ahead = H)$pred)
    scale <- mean(abs(diff(as.numeric(tr), lag = max(1, m))))
    origins[[k]] <- list(trainingLength = o, scale = scale, arOrder = a$order, seasonal = ds$seasonal,
      models = lapply(f, function(fc) list(forecast = as.numeric(fc), mase = mean(abs(te - fc)) / scale,
                                            smape = mean(200 * abs(te - fc) / (abs(te) + abs(fc))))))
    for (mm in names(f)) errs[[mm]] <- c(errs[[mm]], te - as.numeric(f[[mm]]))
  }
  dm <- function(a, b, h) { r <- tryCatch(dm.test(errs[[a]], errs[[b]], alternative = "greater", h = h, power = 1),
                                       error = function(e) NULL)
    if (is.null(r)) NULL else list(baseline = a, candidate = b, h = h, statistic = unname(r$statistic), pValue = r$p.value) }
  backtests[[name]] <- list(name = name, frequency = m, horizon = H, origins = origins,
    dm = Filter(Negate(is.null), list(dm("naive", "ar", H), dm("seasonal-naive", "ar", H), dm("mean", "drift", H),
                                      dm("naive", "naive2", H))))
}

set.seed(42)
dmcases <- list()
for (i in 1:12) {
  n <- sample(c(8, 20, 50, 120), 1); h <- sample(c(1, 2, 4, 7), 1); power <- sample(c(1, 2), 1)
  alt <- sample(c("two.sided", "less", "greater"), 1)
  e1 <- rnorm(n, 0, 1.3); e2 <- 0.8 * e1 + rnorm(n, 0.1, 0.7)
  r <- withCallingHandlers(dm.test(e1, e2, alternative = alt, h = h, power = power),
                           warning = function(w) invokeRestart("muffleWarning"))
  dmcases[[i]] <- list(e1 = e1, e2 = e2, h = h, power = power, alternative = alt,
                       statistic = unname(r$statistic), pValue = r$p.value, hUsed = unname(r$parameter[1]))
}
out <- list(source = paste("R", R.version$major, R.version$minor, "forecast", as.character(packageVersion("forecast"))),
            origins = K, backtests = backtests, dm = dmcases)
write(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"), "backtest_reference.json")
cat("done\n")
