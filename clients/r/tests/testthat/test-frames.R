# Data frames in (times, factors, NA, names) and data frames out (columns and types).

test_that("the series table has the report's values and types", {
  r <- audit(read_nab("ec2_request_latency_system_failure.csv"), time = "timestamp", target = "value")
  s <- r$series
  expect_identical(names(s)[1:12], c(
    "id", "target", "n", "start", "end", "step", "season", "horizon", "verdict", "skill",
    "predictability", "best_model"
  ))
  expect_type(s$n, "integer")
  expect_type(s$season, "integer")
  expect_type(s$skill, "double")
  expect_s3_class(s$verdict, "factor")
  expect_identical(levels(s$verdict), c("strong", "weak", "none", "insufficient-data"))
  expect_true(is.ordered(s$worst_severity))
  v <- r$json$series[[1]]$verdict
  expect_identical(as.character(s$verdict), v$signal)
  expect_identical(s$skill, v$skill)
  expect_identical(s$expected_mase, v$expected$mase)
  expect_identical(s$worst_finding, "time.duplicate")
  f <- r$findings
  expect_identical(f$check, vapply(r$json$series[[1]]$findings, `[[`, "", "check"))
  expect_true(is.ordered(f$severity))
  dup <- f[f$check == "time.duplicate", ]
  expect_identical(c(dup$from, dup$to), c("2014-03-09T03:00:00", "2014-03-09T03:00:00"))
  expect_identical(c(dup$count, dup$first_row), c(11L, 558L))
})

test_that("NA values are missing, not dropped; NA times are counted", {
  df <- read_nab("ec2_request_latency_system_failure.csv")
  df$value[101:110] <- NA
  df$value[c(501, 901, 1301)] <- NA
  df$timestamp[c(2001, 2002)] <- NA
  r <- audit(df, time = "timestamp", target = "value", models = few_models)
  expect_identical(r$json$input$rows, nrow(df))
  f <- r$findings
  expect_identical(f$count[f$check == "value.missing"], 13L)
  expect_identical(f$first_row[f$check == "value.missing"], 101L)
  expect_identical(f$count[f$check == "time.unparseable"], 2L)
})

test_that("time and number text lose nothing", {
  x <- as.POSIXct(c("2024-01-01 00:00:00", "2024-01-01 01:30:15", NA), tz = "UTC")
  expect_identical(signalcheck:::column_text(x), c("2024-01-01T00:00:00", "2024-01-01T01:30:15", ""))
  expect_identical(signalcheck:::column_text(as.POSIXct(c("2024-01-01", "2024-01-02"), tz = "UTC")), c("2024-01-01", "2024-01-02"))
  expect_identical(signalcheck:::column_text(as.Date(c("2024-01-01", NA))), c("2024-01-01", ""))
  rome <- as.POSIXct("2024-03-31 00:00:00", tz = "Europe/Rome") + 3600 * 0:2
  expect_identical(signalcheck:::column_text(rome), c(
    "2024-03-31T00:00:00+01:00", "2024-03-31T01:00:00+01:00", "2024-03-31T03:00:00+02:00"
  ))
  set.seed(1)
  v <- c(rnorm(1000), 0.1 + 0.2, 1e-300, 123456789.123456789, NA)
  back <- as.numeric(signalcheck:::column_text(v))
  expect_identical(back[1:1003], v[1:1003])
  expect_true(is.na(back[1004]))
  expect_identical(signalcheck:::column_text(factor(c("a", NA))), c("a", ""))
})

test_that("names with commas, quotes, markup and shell syntax are only names", {
  df <- read_nab("ec2_request_latency_system_failure.csv")
  names(df) <- c("time (UTC)", "latency, ms")
  df[["$(touch pwned)"]] <- df[["latency, ms"]] * 2
  df[["it's \"x\""]] <- 1
  old <- setwd(tempdir())
  on.exit(setwd(old))
  r <- audit(df, time = "time (UTC)", target = c("latency, ms", "$(touch pwned)"), models = "naive", name = "x'; touch pwned2; '")
  expect_identical(r$series$id, c("latency, ms", "$(touch pwned)"))
  expect_false(file.exists("pwned"))
  expect_false(file.exists("pwned2"))
})

test_that("options become command-line arguments", {
  args <- signalcheck:::to_args(list(
    time = c("Date", "Time"), id = NULL, target = c("a,b", "c"), known_ahead = "promo",
    horizon = 14, min = -5, max = 2.5, quiet = TRUE, no.progress = FALSE
  ))
  expect_identical(args, c(
    "--time=Date,Time", "--target=\"a,b\",c", "--known-ahead=promo", "--horizon=14",
    "--min=-5", "--max=2.5", "--quiet"
  ))
  expect_identical(signalcheck:::to_args(list(target = "a,b"), columns = c("a,b")), "--target=\"a,b\"")
})
