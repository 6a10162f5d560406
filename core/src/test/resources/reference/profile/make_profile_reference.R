# Regenerates the decomposition and smoother reference values in this folder
# (Debian: r-base-core r-cran-forecast r-cran-jsonlite).
# usage: Rscript make_profile_reference.R .. .   (the folder with the reference series, the output folder)
# The reference series are read from their CSV files by the tests; only the synthetic series below
# carry their values in the JSON.
# For every series: forecast::mstl components (as used for trend/seasonal strength),
# stats::supsmu(seq_len(n), x) (span "cv", bass 0), the Burg AR order chosen by AIC as
# spec.ar uses it, and stl() with a few non-default settings to exercise the other code paths.
suppressMessages({ library(forecast); library(jsonlite) })
args <- commandArgs(TRUE)
src <- args[1]; out <- args[2]
source_tag <- paste("R", paste(R.version$major, R.version$minor, sep = "."),
                    "forecast", as.character(packageVersion("forecast")))

one <- function(name, x, with_values = FALSE) {
  m <- frequency(x); n <- length(x)
  res <- list(name = name, source = source_tag, frequency = m, n = n)
  if (with_values) res$values <- as.numeric(x)
  d <- mstl(x)
  res$mstl <- list(trend = as.numeric(d[, "Trend"]), remainder = as.numeric(d[, "Remainder"]))
  sc <- grep("Season", colnames(d))
  if (length(sc)) res$mstl$seasonal <- as.numeric(d[, sc[1]])
  res$supsmu <- supsmu(seq_len(n), as.numeric(x))$y
  a <- ar(as.numeric(x), method = "burg")
  res$burg <- list(order = a$order, ar = as.numeric(a$ar), orderMax = a$order.max)
  if (m > 1 && n > 2 * m) {
    variants <- list(
      list(sWindow = 7, sDegree = 1, tWindow = NULL, tDegree = 1, robust = FALSE),
      list(sWindow = 11, sDegree = 0, tWindow = 5, tDegree = 0, robust = FALSE),
      list(sWindow = 13, sDegree = 0, tWindow = NULL, tDegree = 1, robust = TRUE))
    res$stl <- lapply(variants, function(v) {
      f <- stl(x, s.window = v$sWindow, s.degree = v$sDegree, t.window = v$tWindow,
               t.degree = v$tDegree, robust = v$robust)
      list(sWindow = v$sWindow, sDegree = v$sDegree, tWindow = unname(f$win["t"]),
           tDegree = v$tDegree, robust = v$robust,
           seasonal = as.numeric(f$time.series[, "seasonal"]),
           trend = as.numeric(f$time.series[, "trend"]),
           weights = as.numeric(f$weights))
    })
  }
  write(toJSON(res, auto_unbox = TRUE, digits = NA, pretty = FALSE),
        file.path(out, paste0(name, ".decomposition.json")))
  cat(name, "done\n")
}

for (f in list.files(src, pattern = "\\.json$")) {
  ref <- fromJSON(file.path(src, f))
  csv <- read.csv(file.path(src, sub("\\.json$", ".csv", f)))
  one(ref$name, ts(csv$value, frequency = ref$frequency))
}
# An hourly-like series with daily and weekly cycles, rounded so the JSON holds it exactly.
set.seed(42)
t <- 1:840
h <- round(100 + 0.01 * t + 10 * sin(2 * pi * t / 24) + 6 * (((t - 1) %/% 24) %% 7 >= 5) + rnorm(840, 0, 2), 4)
one("hourly_synthetic", ts(h, frequency = 24), TRUE)
# A short quarterly series just above the two-season limit, and a tiny non-seasonal one.
one("short_quarterly", ts(round(c(5, 7, 3, 9, 6, 8, 4, 10, 7, 9), 4), frequency = 4), TRUE)
one("tiny", ts(c(3, 1, 4, 1, 5, 9, 2, 6)), TRUE)
