column_options <- c("time", "id", "target", "covariates", "known_ahead", "known.ahead", "recorded_at", "recorded.at", "labels")

#' Audit time series with signalcheck
#'
#' Runs the signalcheck command line on a data frame or on files and returns its report as data
#' frames.
#'
#' @param data a data frame (POSIXct and Date times, factor ids and NA values are handled), a path
#'   to a file the command line reads, or several CSV paths that share one header (audited as one
#'   file, their rows in the given order).
#' @param time,target,id the time column(s), value column(s) and series key column(s); left out,
#'   the command line infers them as it does for a file.
#' @param ... any option of `signalcheck audit`, with `_` or `.` for `-`: `horizon = 14`,
#'   `origins = 10`, `models = c("ets", "theta")`, `known_ahead = "promo"`, `fail_on = "critical"`.
#'   Vectors become comma lists (a name holding a comma is quoted); `TRUE` is a bare flag.
#' @param name the name the report gives a data frame (default `dataframe`).
#' @param out a folder for report.json and report.html (default: a new folder in the session's
#'   temporary directory).
#' @return a list of class `signalcheck_audit`: `series` (one row per series: id, n, step, season,
#'   verdict, skill, predictability, best_model, expected_mase, worst_finding, …), `findings` (one
#'   row per finding with its first interval), `models` (per series and model metrics), `summary`,
#'   `report` (the path of report.html), `report_json` (the path of report.json), `json` (the
#'   report as a list) and `console` (the console summary).
#'   Errors are conditions of class `signalcheck_usage_error` (exit code 2),
#'   `signalcheck_input_error` (3), `signalcheck_internal_error` (4), `signalcheck_fail_on` (1,
#'   with `fail_on`; its `result` holds the report) and `signalcheck_setup_error` (no Java or no
#'   jar), all of class `signalcheck_error`; the message is the command line's one line.
#' @export
audit <- function(data, time = NULL, target = NULL, id = NULL, ..., name = NULL, out = NULL) {
  options <- c(list(time = time, id = id, target = target), list(...))
  if (any(!nzchar(names(options)))) {
    signal_error("signalcheck_usage_error", "every option after the data must be named (horizon = 14)", 2L)
  }
  if (is.null(out)) out <- tempfile("signalcheck-report-")
  dir.create(out, showWarnings = FALSE, recursive = TRUE)
  json_path <- file.path(out, "report.json")
  if (file.exists(json_path)) unlink(json_path) # the run writes it anew; a stale one is no answer
  tmp <- tempfile("signalcheck-input-")
  dir.create(tmp)
  on.exit(unlink(tmp, recursive = TRUE), add = TRUE)
  columns <- NULL
  if (is.data.frame(data)) {
    columns <- names(data)
    src <- file.path(tmp, paste0(safe_name(if (is.null(name)) "dataframe" else name), ".csv"))
    write_frame(data, src, keep = columns_to_write(data, options))
  } else if (is.character(data) && length(data) == 1) {
    src <- data
  } else if (is.character(data) && length(data) > 1) {
    first <- sub("\\.gz$", "", basename(data[1]), ignore.case = TRUE)
    label <- if (is.null(name)) sprintf("%s-and-%d-more", tools::file_path_sans_ext(first), length(data) - 1) else name
    src <- file.path(tmp, paste0(safe_name(label), ".csv"))
    concat_files(data, src)
  } else {
    signal_error("signalcheck_usage_error", sprintf(
      "data must be a data frame, a path or several paths, not %s", class(data)[1]
    ), 2L)
  }
  run <- run_cli(c("audit", src, paste0("--out=", out), to_args(options, columns)))
  written <- file.exists(json_path)
  if (!(run$status %in% c(0, 1)) || !written) {
    raise_for(run)
    setup_error(sprintf("signalcheck wrote no report (exit %d): %s", run$status, run$stderr))
  }
  result <- read_report(out, run$stdout)
  if (run$status == 1) {
    signal_error("signalcheck_fail_on", sprintf(
      "findings at or above --fail-on %s (%d critical, %d warning)", options$fail_on,
      result$summary$findings$critical, result$summary$findings$warning
    ), 1L, run$stderr, result)
  }
  result
}

# The columns the audit reads, when time and target are given and every named column exists;
# otherwise NULL: all columns are written, so the command line can judge and list them.
columns_to_write <- function(df, options) {
  if (is.null(options$time) || is.null(options$target)) {
    return(NULL)
  }
  time <- as.character(options$time)
  if (length(time) == 1 && !(time %in% names(df))) time <- strsplit(time, ",", fixed = TRUE)[[1]]
  others <- setdiff(column_options, "time")
  named <- unique(c(time, unlist(lapply(others, function(k) as.character(options[[k]])))))
  if (!all(named %in% names(df))) {
    return(NULL)
  }
  named
}
