ledger_frame <- function(command, options, key) {
  run <- run_cli(c("ledger", command, "--json", to_args(options)))
  raise_for(run)
  doc <- tryCatch(
    jsonlite::fromJSON(run$stdout, simplifyVector = TRUE, flatten = TRUE),
    error = function(e) {
      signal_error("signalcheck_internal_error", sprintf(
        "'signalcheck ledger %s --json' printed no JSON document (%s)", command, conditionMessage(e)
      ), 0L, run$stderr)
    }
  )
  rows <- if (is.data.frame(doc)) doc else if (is.list(doc) && !is.null(doc[[key]])) doc[[key]] else doc
  if (is.data.frame(rows)) rows else as.data.frame(rows, stringsAsFactors = FALSE)
}

#' Every project in the ledger on one scale (`signalcheck ledger projects --json`)
#'
#' @param ledger a ledger URL or file (default: `SIGNALCHECK_LEDGER`, else the user's ledger).
#' @param ... further options of `signalcheck ledger projects`.
#' @return a data frame, one row per project.
#' @export
ledger_projects <- function(ledger = NULL, ...) {
  ledger_frame("projects", c(list(ledger = ledger), list(...)), "projects")
}

#' Recorded audits, newest first (`signalcheck ledger runs --json`)
#'
#' @param project,since,limit,ledger options of `signalcheck ledger runs`.
#' @param ... further options.
#' @return a data frame, one row per run.
#' @export
ledger_runs <- function(project = NULL, since = NULL, limit = NULL, ledger = NULL, ...) {
  ledger_frame("runs", c(list(project = project, since = since, limit = limit, ledger = ledger), list(...)), "runs")
}
