# Options to command-line arguments: known_ahead = c("a", "b") is --known-ahead=a,b. Nothing here
# knows the list of options: the command line judges them (an unknown one is its usage error).

option_flag <- function(key) paste0("--", gsub("[._]", "-", key))

option_item <- function(x) {
  if (grepl(",", x, fixed = TRUE)) {
    if (grepl("\"", x, fixed = TRUE)) {
      signal_error("signalcheck_usage_error", sprintf("the name '%s' holds both a comma and a double quote; rename it", x), 2L)
    }
    return(paste0("\"", x, "\""))
  }
  x
}

option_scalar <- function(x) {
  if (is.numeric(x)) {
    if (!is.finite(x)) signal_error("signalcheck_usage_error", sprintf("%s is not a finite number", x), 2L)
    return(if (x == round(x) && abs(x) < 1e15) format(x, scientific = FALSE) else sprintf("%.17g", x))
  }
  as.character(x)
}

to_args <- function(options, columns = NULL) {
  args <- character()
  for (key in names(options)) {
    value <- options[[key]]
    if (is.null(value) || length(value) == 0) next
    if (is.list(value)) {
      signal_error("signalcheck_usage_error", sprintf("option %s: expected a value or a vector, not a list", key), 2L)
    }
    if (is.logical(value) && length(value) == 1) {
      if (isTRUE(value)) args <- c(args, option_flag(key))
      next
    }
    if (anyNA(value)) next
    if (is.factor(value)) value <- as.character(value)
    text <- if (length(value) > 1 || (!is.null(columns) && is.character(value) && value %in% columns)) {
      paste(vapply(value, function(v) option_item(option_scalar(v)), character(1)), collapse = ",")
    } else {
      option_scalar(value)
    }
    # --name=value: a value starting with '-' (--min=-5) is not taken for an option
    args <- c(args, paste0(option_flag(key), "=", text))
  }
  args
}
