# Bad calls are conditions of the command line's exit code, with its one-line message.

ec2 <- function() testdata("nab", "ec2_request_latency_system_failure.csv")

test_that("usage errors carry the command line's message", {
  cases <- list(
    list(opts = list(horizn = 5), cli = "--horizn=5"),
    list(opts = list(horizon = 0), cli = "--horizon=0"),
    list(opts = list(target = "valu"), cli = "--target=valu"),
    list(opts = list(models = c("ets", "prophet")), cli = "--models=ets,prophet")
  )
  for (case in cases) {
    e <- tryCatch(do.call(audit, c(list(ec2()), case$opts)), error = function(e) e)
    expect_s3_class(e, "signalcheck_usage_error")
    expect_s3_class(e, "signalcheck_error")
    expected <- cli_error(ec2(), case$cli)
    expect_identical(e$status, 2L)
    expect_identical(expected$status, 2L)
    expect_identical(conditionMessage(e), expected$message)
    expect_false(grepl("\n|\tat |Exception", conditionMessage(e)))
  }
})

test_that("input errors", {
  missing <- file.path(tempdir(), "missing.csv")
  e <- tryCatch(audit(missing), error = function(e) e)
  expect_s3_class(e, "signalcheck_input_error")
  expect_identical(conditionMessage(e), cli_error(missing)$message)
  empty <- data.frame(ts = as.POSIXct(character(), tz = "UTC"), v = numeric())
  expect_error(audit(empty, name = "empty"), "empty.csv has a header but no data rows", class = "signalcheck_input_error")
  other <- tempfile(fileext = ".csv")
  writeLines(c("time,value", "1,2"), other)
  expect_error(audit(c(ec2(), other)), "must share one header", class = "signalcheck_input_error")
})

test_that("bad arguments in R are usage errors", {
  expect_error(audit(42), "not numeric", class = "signalcheck_usage_error")
  expect_error(audit(ec2(), models = list("a")), "not a list", class = "signalcheck_usage_error")
  expect_error(audit(c(ec2(), "b.parquet")), "on its own", class = "signalcheck_usage_error")
})

test_that("fail_on is a condition holding the report", {
  e <- tryCatch(
    audit(testdata("nab", "ambient_temperature_system_failure.csv"), fail_on = "warning", models = "naive"),
    error = function(e) e
  )
  expect_s3_class(e, "signalcheck_fail_on")
  expect_identical(e$status, 1L)
  expect_true("time.gap" %in% e$result$findings$check)
})

test_that("each exit code has its condition", {
  bug <- "signalcheck: error: internal error (IllegalStateException: x); this is a bug"
  for (case in list(c(2, "signalcheck_usage_error"), c(3, "signalcheck_input_error"), c(4, "signalcheck_internal_error"))) {
    run <- list(status = as.integer(case[1]), stdout = "", stderr = paste0("warning: w\n", bug))
    expect_error(signalcheck:::raise_for(run), "internal error \\(IllegalStateException", class = case[2])
  }
  expect_error(
    signalcheck:::raise_for(list(status = 1L, stdout = "", stderr = "Error: Unable to access jarfile x")),
    "Java did not run signalcheck", class = "signalcheck_setup_error"
  )
})

test_that("no jar or no Java is a setup error", {
  old <- Sys.getenv(c("SIGNALCHECK_JAR", "JAVA_HOME", "PATH"), unset = NA)
  on.exit(for (k in names(old)) if (is.na(old[[k]])) Sys.unsetenv(k) else do.call(Sys.setenv, as.list(old[k])))
  Sys.setenv(SIGNALCHECK_JAR = file.path(tempdir(), "none.jar"))
  expect_error(audit(ec2()), "SIGNALCHECK_JAR", class = "signalcheck_setup_error")
  Sys.unsetenv("SIGNALCHECK_JAR")
  Sys.setenv(JAVA_HOME = tempdir(), PATH = tempdir())
  expect_error(audit(ec2()), "no Java runtime found", class = "signalcheck_setup_error")
})
