# Shared by the tests: the repository's testdata/, the command line run directly, a ledger of the
# tests' own (audits run by the tests are never recorded in the user's ledger).

Sys.setenv(SIGNALCHECK_LEDGER = file.path(tempdir(), "ledger.db"))

testdata <- function(...) {
  root <- Sys.getenv("SIGNALCHECK_TESTDATA", "")
  if (!nzchar(root)) {
    dir <- normalizePath(getwd())
    repeat {
      if (dir.exists(file.path(dir, "testdata", "nab"))) {
        root <- file.path(dir, "testdata")
        break
      }
      parent <- dirname(dir)
      if (identical(parent, dir)) stop("testdata/ not found above ", getwd(), "; set SIGNALCHECK_TESTDATA")
      dir <- parent
    }
  }
  file.path(root, ...)
}

# fewer models where the point is what reaches the engine, not the model search (faster tests)
few_models <- c("naive", "seasonal-naive", "ses", "theta", "ar")

cli_cache <- new.env()

cli_json <- function(path, ...) {
  args <- c("audit", path, "--json", "-", "--no-progress", ...)
  key <- paste(args, collapse = "\u001f")
  if (is.null(cli_cache[[key]])) {
    run <- signalcheck:::run_cli(args)
    if (run$status != 0) stop(run$stderr)
    cli_cache[[key]] <- jsonlite::fromJSON(run$stdout, simplifyVector = FALSE)
  }
  cli_cache[[key]]
}

cli_error <- function(path, ...) {
  run <- signalcheck:::run_cli(c("audit", path, "--json", "-", ...))
  list(status = run$status, message = signalcheck:::error_line(run$stderr))
}

series_key <- function(s) {
  list(
    id = s$id, n = s$n, step = s$frequency$step, season = s$frequency$season,
    verdict = s$verdict$signal, skill = s$verdict$skill, predictability = s$verdict$predictability,
    best = s$backtest$best, expected = s$verdict$expected$mase,
    findings = lapply(s$findings, function(f) c(f$check, f$severity, f$count))
  )
}

keys <- function(report) lapply(report$series, series_key)

read_nab <- function(file, tz = "UTC") {
  df <- utils::read.csv(testdata("nab", file), stringsAsFactors = FALSE)
  df$timestamp <- as.POSIXct(df$timestamp, tz = "UTC")
  if (tz != "UTC") attr(df$timestamp, "tzone") <- tz
  df
}
