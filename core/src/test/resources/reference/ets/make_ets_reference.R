# Reference values for the exponential-smoothing tests, computed with R's forecast package.
# usage: Rscript make_ets_reference.R   (reads the series <name>.csv and <name>.json from the
# folder above, writes <name>.ets.json beside itself)
suppressMessages({ library(forecast); library(jsonlite) })
here <- dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))))

seasonal_test <- function(x, m) {
  if (m <= 1 || length(x) < 3 * m) return(FALSE)
  r <- acf(x, plot = FALSE, lag.max = max(m, 10 * log10(length(x))))$acf[-1, 1, 1]
  lim <- 1.645 / sqrt(length(x)) * sqrt(cumsum(c(1, 2 * r^2)))
  isTRUE(abs(r[m]) > lim[m])
}
deseason <- function(x, h) {
  m <- frequency(x)
  if (seasonal_test(x, m)) {
    d <- decompose(x, type = "multiplicative")
    list(x = x / d$seasonal, si = head(rep(tail(as.numeric(d$seasonal), m), h), h), seasonal = TRUE)
  } else list(x = x, si = rep(1, h), seasonal = FALSE)
}
desc <- function(fit, h) {
  list(method = fit$method, par = as.list(fit$par), loglik = fit$loglik, aic = fit$aic,
       aicc = fit$aicc, bic = fit$bic, mse = fit$mse, initstate = as.numeric(fit$initstate),
       forecast = as.numeric(forecast(fit, h = h)$mean))
}
forms <- c("ANN", "AAN", "AAdN", "ANA", "AAA", "AAdA", "MNN", "MAN", "MAdN", "MNA", "MAA", "MAdA",
           "MNM", "MAM", "MAdM")
for (name in c("air_passengers", "nottem", "uk_gas", "co2", "lynx", "www_usage", "nile", "lake_huron",
               "sunspot_year", "white_noise", "random_walk")) {
  ref <- fromJSON(file.path(here, "..", paste0(name, ".json")))
  v <- read.csv(file.path(here, "..", paste0(name, ".csv")))$value
  m <- ref$frequency; h <- ref$horizon; origin <- ref$backtest$origin
  x <- ts(head(v, origin), frequency = m)
  ds <- deseason(x, h)
  out <- list(name = name, source = paste("R", R.version$major, R.version$minor, "forecast",
              as.character(packageVersion("forecast"))), frequency = m, horizon = h, origin = origin,
              deseasonalised = as.numeric(ds$x), seasonalIndices = ds$si)
  out$ses <- desc(ses(ds$x, h = h)$model, h)
  out$holt <- desc(holt(ds$x, h = h)$model, h)
  out$damped <- desc(holt(ds$x, h = h, damped = TRUE)$model, h)
  out$ets <- desc(ets(x), h)
  fits <- list()
  for (f in forms) {
    damped <- grepl("d", f); fm <- sub("d", "", f)
    if (substr(fm, 3, 3) != "N" && (m == 1 || m > 24)) next
    if (min(x) <= 0 && grepl("M", fm)) next
    fit <- try(ets(x, model = fm, damped = damped), silent = TRUE)
    if (!inherits(fit, "try-error")) fits[[f]] <- desc(fit, h)
  }
  out$forms <- fits
  write(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(here, paste0(name, ".ets.json")))
  cat(name, "done\n")
}

# Short series: seasonal initial states from the trend-plus-harmonic regression (n < 3m), and the
# smallest lengths the optimised forms accept.
short <- list()
ap <- ts(as.numeric(AirPassengers)[1:30], frequency = 12)
short$seasonal30 <- list(y = as.numeric(ap), frequency = 12, ets = desc(ets(ap), 12),
  forms = lapply(list(ANA = "ANA", MNM = "MNM", MAA = "MAA"), function(f) desc(ets(ap, model = f), 12)))
nl <- ts(as.numeric(Nile)[1:12])
short$nile12 <- list(y = as.numeric(nl), frequency = 1, ets = desc(ets(nl), 5),
  ses = desc(ses(nl, h = 5)$model, 5), holt = desc(holt(nl, h = 5)$model, 5),
  damped = desc(holt(nl, h = 5, damped = TRUE)$model, 5))
short$source <- paste("R", R.version$major, R.version$minor, "forecast", as.character(packageVersion("forecast")))
write(toJSON(short, auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(here, "short.ets.json"))
cat("short done\n")
