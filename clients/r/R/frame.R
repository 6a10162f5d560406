# Hands a data frame to the command line as one CSV file: times as ISO 8601 text (UTC times as
# written, other zones with their offset, Dates as dates), numbers with every digit they need,
# NA as an empty cell (missing, never dropped), text quoted.

iso_time <- function(x) {
  tz <- attr(x, "tzone")
  tz <- if (is.null(tz) || !nzchar(tz[1])) "" else tz[1]
  na <- is.na(x)
  secs <- unclass(x)[!na]
  utc <- tz %in% c("UTC", "GMT", "Etc/UTC", "Etc/GMT")
  fractional <- any(abs(secs - round(secs)) > 1e-6)
  local <- as.POSIXlt(x[!na], tz = tz)
  midnight <- all(local$hour == 0 & local$min == 0 & local$sec == 0)
  out <- character(length(x))
  if (utc && midnight && !fractional) {
    out[!na] <- format(x[!na], "%Y-%m-%d", tz = tz)
    return(out)
  }
  text <- format(x[!na], if (fractional) "%Y-%m-%dT%H:%M:%OS3" else "%Y-%m-%dT%H:%M:%S", tz = tz)
  if (!utc) {
    z <- format(x[!na], "%z", tz = tz)
    text <- paste0(text, substr(z, 1, 3), ":", substr(z, 4, 5))
  }
  out[!na] <- text
  out
}

number_text <- function(x) {
  out <- as.character(x)
  exact <- !is.na(x) & is.finite(x)
  short <- suppressWarnings(as.numeric(out[exact]))
  lossy <- which(exact)[short != x[exact]]
  if (length(lossy)) out[lossy] <- sprintf("%.17g", x[lossy])
  out[is.na(x)] <- ""
  out
}

column_text <- function(x) {
  if (inherits(x, "POSIXt")) {
    return(iso_time(as.POSIXct(x)))
  }
  if (inherits(x, "Date")) {
    out <- format(x, "%Y-%m-%d")
    out[is.na(x)] <- ""
    return(out)
  }
  if (is.factor(x)) x <- as.character(x)
  if (is.logical(x)) x <- as.integer(x)
  if (is.double(x)) {
    return(number_text(x))
  }
  if (is.integer(x)) {
    out <- as.character(x)
    out[is.na(x)] <- ""
    return(out)
  }
  out <- as.character(x)
  out[is.na(out)] <- ""
  out
}

write_frame <- function(df, path, keep = NULL) {
  df <- as.data.frame(df, stringsAsFactors = FALSE, optional = TRUE)
  if (!is.null(keep)) df <- df[, names(df) %in% keep, drop = FALSE]
  if (anyDuplicated(names(df))) {
    dup <- unique(names(df)[duplicated(names(df))])
    signal_error("signalcheck_usage_error", sprintf(
      "the data frame has more than one column named %s; rename them", paste0("'", dup, "'", collapse = ", ")
    ), 2L)
  }
  text <- lapply(df, column_text)
  textual <- which(vapply(df, function(x) is.character(x) || is.factor(x), logical(1)))
  out <- as.data.frame(text, stringsAsFactors = FALSE, optional = TRUE)
  names(out) <- names(df)
  utils::write.table(out,
    file = path, sep = ",", quote = if (length(textual)) textual else FALSE,
    qmethod = "double", row.names = FALSE, col.names = TRUE, na = "", fileEncoding = "UTF-8"
  )
  if (!length(textual)) {
    # names still need quoting when they hold a comma or a quote
    lines <- readLines(path, n = 1, encoding = "UTF-8")
    header <- csv_names(names(df))
    if (!identical(lines, header)) {
      body <- readLines(path, encoding = "UTF-8")[-1]
      writeLines(c(header, body), path, useBytes = TRUE)
    }
  }
  invisible(path)
}

csv_names <- function(names) {
  q <- grepl("[\",\r\n]", names)
  names[q] <- paste0("\"", gsub("\"", "\"\"", names[q], fixed = TRUE), "\"")
  paste(names, collapse = ",")
}

safe_name <- function(name) {
  s <- gsub("[^A-Za-z0-9._-]+", "_", name)
  s <- gsub("^[._]+|[._]+$", "", s)
  if (nzchar(s)) s else "data"
}

csv_like <- function(path) {
  n <- tolower(basename(path))
  n <- sub("\\.gz$", "", n)
  grepl("\\.(csv|tsv|txt)$", n)
}

# Joins CSV files that share one header into `target`, their rows in the given order.
concat_files <- function(paths, target) {
  for (p in paths) {
    if (!csv_like(p)) {
      signal_error("signalcheck_usage_error", sprintf(
        "%s: several files must be CSV, TSV or TXT files (optionally .gz) with one header; audit a Parquet or JSON file on its own",
        basename(p)
      ), 2L)
    }
    if (!file.exists(p)) signal_error("signalcheck_input_error", sprintf("%s: no such file; check the path", p), 3L)
  }
  out <- file(target, "wb")
  on.exit(close(out), add = TRUE)
  header <- NULL
  for (p in paths) {
    con <- gzfile(p, "rb") # reads plain files too
    lines <- readLines(con, warn = FALSE, encoding = "UTF-8")
    close(con)
    first <- sub("^\ufeff", "", lines[1], useBytes = FALSE)
    first <- sub("\r$", "", first)
    if (is.null(header)) {
      header <- first
      writeLines(first, out, useBytes = TRUE)
    } else if (!identical(first, header)) {
      signal_error("signalcheck_input_error", sprintf(
        "%s has the header '%s' but %s has '%s'; several files must share one header",
        basename(p), first, basename(paths[1]), header
      ), 3L)
    }
    if (length(lines) > 1) writeLines(lines[-1], out, useBytes = TRUE)
  }
  invisible(target)
}
