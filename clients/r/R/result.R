# The report as data frames: one row per series, per finding, per series and model.

severities <- c("info", "warning", "critical")
verdicts <- c("strong", "weak", "none", "insufficient-data")

num <- function(x) if (is.null(x)) NA_real_ else as.numeric(x)
int <- function(x) if (is.null(x)) NA_integer_ else as.integer(x)
chr <- function(x) if (is.null(x)) NA_character_ else as.character(x)
time_text <- function(x) if (is.null(x)) NA_character_ else format(x, scientific = FALSE)

# The most severe finding, the first of them on a tie (as the console and the HTML report).
worst_finding <- function(findings) {
  best <- NULL
  for (f in findings) {
    if (is.null(best) || match(f$severity, severities) > match(best$severity, severities)) best <- f
  }
  best
}

series_frame <- function(report) {
  rows <- lapply(report$series, function(s) {
    v <- if (is.null(s$verdict)) list() else s$verdict
    e <- if (is.null(v$expected)) list() else v$expected
    b <- if (is.null(s$backtest)) list() else s$backtest
    fr <- if (is.null(s$frequency)) list() else s$frequency
    sev <- vapply(s$findings, function(f) f$severity, character(1))
    w <- worst_finding(s$findings)
    data.frame(
      id = s$id, target = chr(s$target), n = as.integer(s$n),
      start = time_text(s$start), end = time_text(s$end),
      step = chr(fr$step), season = int(fr$season), horizon = int(fr$horizon),
      verdict = chr(v$signal), skill = num(v$skill), predictability = num(v$predictability),
      best_model = chr(b$best), expected_mase = num(e$mase),
      expected_mase_low = num(e$low), expected_mase_high = num(e$high),
      useful_horizon = int(v$usefulHorizon),
      worst_finding = chr(w$check), worst_severity = chr(w$severity),
      critical = sum(sev == "critical"), warning = sum(sev == "warning"), info = sum(sev == "info"),
      headline = chr(v$headline),
      stringsAsFactors = FALSE
    )
  })
  df <- if (length(rows)) do.call(rbind, rows) else series_frame_empty()
  df$verdict <- factor(df$verdict, levels = verdicts)
  df$worst_severity <- factor(df$worst_severity, levels = severities, ordered = TRUE)
  rownames(df) <- NULL
  df
}

series_frame_empty <- function() {
  data.frame(
    id = character(), target = character(), n = integer(), start = character(), end = character(),
    step = character(), season = integer(), horizon = integer(), verdict = character(),
    skill = numeric(), predictability = numeric(), best_model = character(), expected_mase = numeric(),
    expected_mase_low = numeric(), expected_mase_high = numeric(), useful_horizon = integer(),
    worst_finding = character(), worst_severity = character(), critical = integer(),
    warning = integer(), info = integer(), headline = character(), stringsAsFactors = FALSE
  )
}

finding_row <- function(series, f) {
  first <- if (length(f$intervals)) f$intervals[[1]] else list()
  data.frame(
    series = chr(series), check = f$check, severity = f$severity, category = chr(f$category),
    count = int(f$count), from = time_text(first$from), to = time_text(first$to),
    intervals = length(f$intervals), first_row = if (length(f$rows)) as.integer(f$rows[[1]]) else NA_integer_,
    covariate = chr(f$covariate), message = chr(f$message),
    stringsAsFactors = FALSE
  )
}

findings_frame <- function(report) {
  rows <- lapply(report$findings, function(f) finding_row(NULL, f))
  for (s in report$series) rows <- c(rows, lapply(s$findings, function(f) finding_row(s$id, f)))
  df <- if (length(rows)) {
    do.call(rbind, rows)
  } else {
    data.frame(
      series = character(), check = character(), severity = character(), category = character(),
      count = integer(), from = character(), to = character(), intervals = integer(),
      first_row = integer(), covariate = character(), message = character(), stringsAsFactors = FALSE
    )
  }
  df$severity <- factor(df$severity, levels = severities, ordered = TRUE)
  rownames(df) <- NULL
  df
}

models_frame <- function(report) {
  rows <- list()
  for (s in report$series) {
    b <- s$backtest
    if (is.null(b)) next
    for (m in b$models) {
      rows[[length(rows) + 1]] <- data.frame(
        series = s$id, model = m$name, baseline = isTRUE(m$baseline),
        best = identical(m$name, b$best), skipped = isTRUE(m$skipped),
        mase = num(m$mase), smape = num(m$smape), rmsse = num(m$rmsse), mae = num(m$mae),
        rmse = num(m$rmse), me = num(m$me), owa = num(m$owa), in_sample_mase = num(m$inSampleMase),
        overfit = isTRUE(m$overfit), description = chr(m$description), reason = chr(m$reason),
        stringsAsFactors = FALSE
      )
    }
  }
  df <- if (length(rows)) do.call(rbind, rows) else data.frame()
  rownames(df) <- NULL
  df
}

read_report <- function(dir, console = "") {
  json_path <- file.path(dir, "report.json")
  report <- jsonlite::fromJSON(json_path, simplifyVector = FALSE)
  structure(
    list(
      series = series_frame(report),
      findings = findings_frame(report),
      models = models_frame(report),
      summary = report$summary,
      report = normalizePath(file.path(dir, "report.html")),
      report_json = normalizePath(json_path),
      json = report,
      console = console
    ),
    class = "signalcheck_audit"
  )
}

#' @export
print.signalcheck_audit <- function(x, ...) {
  s <- x$summary
  cat(sprintf(
    "signalcheck report of %s: %d series (strong %d, weak %d, none %d, insufficient data %d); findings: %d critical, %d warning, %d info\n",
    x$json$input$source, s$series, s$verdicts$strong, s$verdicts$weak, s$verdicts$none,
    s$verdicts[["insufficient-data"]], s$findings$critical, s$findings$warning, s$findings$info
  ))
  cat("report:", x$report, "\n")
  print(x$series[, c("id", "n", "step", "season", "verdict", "skill", "best_model", "expected_mase", "worst_finding")])
  invisible(x)
}
