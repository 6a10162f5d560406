# Finding the jar and a Java runtime, running the command line, mapping its exit codes.

error_prefix <- "signalcheck: error: "

#' The signalcheck jar in use
#'
#' `SIGNALCHECK_JAR`, else `options(signalcheck.jar = )`, else the jar bundled at install time,
#' else `cli/target/signalcheck.jar` of a signalcheck checkout holding the working directory.
#' @export
signalcheck_jar <- function() {
  env <- Sys.getenv("SIGNALCHECK_JAR", "")
  if (nzchar(env)) {
    if (!file.exists(env)) {
      setup_error(sprintf(
        "SIGNALCHECK_JAR is '%s', which is not a file; point it at signalcheck.jar (its lib/ folder beside it) or unset it",
        env
      ))
    }
    return(normalizePath(env))
  }
  opt <- getOption("signalcheck.jar")
  if (!is.null(opt) && file.exists(opt)) {
    return(normalizePath(opt))
  }
  bundled <- system.file("java", "signalcheck.jar", package = "signalcheck")
  if (nzchar(bundled)) {
    return(bundled)
  }
  dir <- normalizePath(getwd())
  repeat {
    candidate <- file.path(dir, "cli", "target", "signalcheck.jar")
    if (file.exists(candidate)) {
      return(candidate)
    }
    parent <- dirname(dir)
    if (identical(parent, dir)) break
    dir <- parent
  }
  setup_error(paste0(
    "signalcheck.jar not found: set SIGNALCHECK_JAR to its path, or build it in the signalcheck ",
    "checkout with './mvnw -B package -DskipTests -pl cli -am' and reinstall this package (R CMD INSTALL bundles it)"
  ))
}

#' The Java runtime in use: `$JAVA_HOME/bin/java`, else `java` on the PATH
#' @export
signalcheck_java <- function() {
  home <- Sys.getenv("JAVA_HOME", "")
  if (nzchar(home)) {
    for (name in c("java", "java.exe")) {
      p <- file.path(home, "bin", name)
      if (file.exists(p)) {
        return(p)
      }
    }
  }
  found <- Sys.which("java")
  if (nzchar(found)) {
    return(unname(found))
  }
  setup_error("no Java runtime found: install Java 17 or later (Debian: openjdk-17-jre-headless) or set JAVA_HOME")
}

# Runs `signalcheck ARGS`; returns list(status, stdout, stderr). No shell sees user text unquoted:
# every argument goes through shQuote.
run_cli <- function(args) {
  java <- signalcheck_java()
  jar <- signalcheck_jar()
  opts <- Sys.getenv("SIGNALCHECK_JAVA_OPTS", "")
  opts <- if (nzchar(opts)) strsplit(trimws(opts), "[[:space:]]+")[[1]] else character()
  out <- tempfile("signalcheck-out-")
  err <- tempfile("signalcheck-err-")
  on.exit(unlink(c(out, err)), add = TRUE)
  status <- suppressWarnings(system2(
    java, shQuote(c(opts, "-jar", jar, args)),
    stdout = out, stderr = err, stdin = ""
  ))
  read <- function(f) if (file.exists(f)) paste(readLines(f, warn = FALSE, encoding = "UTF-8"), collapse = "\n") else ""
  list(status = status, stdout = read(out), stderr = read(err))
}

error_line <- function(stderr) {
  lines <- strsplit(stderr, "\n", fixed = TRUE)[[1]]
  lines <- lines[nzchar(trimws(lines))]
  hits <- lines[startsWith(lines, error_prefix)]
  if (length(hits)) {
    return(trimws(substring(hits[length(hits)], nchar(error_prefix) + 1)))
  }
  if (length(lines)) trimws(lines[length(lines)]) else "no message"
}

signal_error <- function(class, message, status = NA_integer_, stderr = "", result = NULL) {
  cond <- structure(
    class = unique(c(class, "signalcheck_error", "error", "condition")),
    list(message = message, call = NULL, status = status, stderr = stderr, result = result)
  )
  stop(cond)
}

setup_error <- function(message) signal_error("signalcheck_setup_error", message)

# Raises the condition of a failed run: exit 2 usage, 3 input, 4 internal; anything else setup.
raise_for <- function(run) {
  if (run$status == 0) {
    return(invisible(NULL))
  }
  message <- error_line(run$stderr)
  class <- switch(as.character(run$status),
    "2" = "signalcheck_usage_error",
    "3" = "signalcheck_input_error",
    "4" = "signalcheck_internal_error",
    NULL
  )
  if (is.null(class)) {
    has_line <- grepl(error_prefix, run$stderr, fixed = TRUE)
    class <- if (has_line) "signalcheck_error" else "signalcheck_setup_error"
    if (!has_line) message <- sprintf("Java did not run signalcheck (exit %d): %s", run$status, message)
  }
  signal_error(class, message, run$status, run$stderr)
}
