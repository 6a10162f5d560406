# The R client's results equal the command line's on the same data, series by series.

test_that("a file gives the command line's report", {
  path <- testdata("nab", "ec2_request_latency_system_failure.csv")
  r <- audit(path)
  cli <- cli_json(path)
  expect_identical(keys(r$json), keys(cli))
  expect_identical(r$json$input, cli$input)
  expect_identical(r$summary, cli$summary)
  expect_true(file.exists(r$report))
  expect_match(paste(readLines(r$report, warn = FALSE), collapse = "\n"), "Content-Security-Policy", fixed = TRUE)
})

test_that("a data frame read from the file gives the same series and verdicts", {
  df <- read_nab("ec2_request_latency_system_failure.csv")
  expect_s3_class(df$timestamp, "POSIXct")
  r <- audit(df, time = "timestamp", target = "value")
  cli <- cli_json(testdata("nab", "ec2_request_latency_system_failure.csv"))
  expect_identical(keys(r$json), keys(cli))
  expect_identical(r$series$start, cli$series[[1]]$start)
  expect_identical(r$series$start, "2014-03-07T03:41:00")
  expect_identical(r$json$input$rows, nrow(df))
  expect_identical(
    lapply(r$json$series[[1]]$findings, `[[`, "rows"),
    lapply(cli$series[[1]]$findings, `[[`, "rows")
  )
})

test_that("times in a zone keep their instants and carry their offsets", {
  df <- read_nab("ambient_temperature_system_failure.csv", tz = "Europe/Rome")
  r <- audit(df, time = "timestamp", target = "value", models = few_models)
  cli <- cli_json(
    testdata("nab", "ambient_temperature_system_failure.csv"), "--timezone", "UTC",
    "--models", paste(few_models, collapse = ",")
  )
  expect_identical(keys(r$json), keys(cli))
  expect_identical(r$series$start, "2013-07-04T02:00:00+02:00")
})

test_that("long layout with factor ids: M3 quarterly", {
  all <- utils::read.csv(testdata("m3", "M3_quarterly_TSTS.csv.gz"), stringsAsFactors = FALSE)
  ids <- unique(all$series_id)[1:8]
  sub <- all[all$series_id %in% ids, ]
  path <- tempfile(fileext = ".csv")
  utils::write.csv(sub, path, row.names = FALSE)
  sub$series_id <- factor(sub$series_id)
  r <- audit(sub, time = "timestamp", id = "series_id", target = "value")
  cli <- cli_json(path, "--time", "timestamp", "--id", "series_id", "--target", "value")
  expect_length(cli$series, 8)
  expect_identical(keys(r$json), keys(cli))
  expect_identical(r$series$id, ids)
  expect_identical(unique(r$series$step), "P3M")
})

test_that("several CSV files are one file, their rows in order", {
  lines <- readLines(testdata("nab", "ec2_request_latency_system_failure.csv"))
  a <- tempfile("part1-", fileext = ".csv")
  b <- tempfile("part2-", fileext = ".csv.gz")
  writeLines(lines[1:2001], a)
  con <- gzfile(b, "w")
  writeLines(c(lines[1], lines[2002:length(lines)]), con)
  close(con)
  r <- audit(c(a, b), models = few_models)
  cli <- cli_json(testdata("nab", "ec2_request_latency_system_failure.csv"), "--models", paste(few_models, collapse = ","))
  expect_identical(keys(r$json), keys(cli))
  expect_identical(r$json$input$rows, length(lines) - 1L)
})

test_that("the models table equals the report", {
  r <- audit(testdata("nab", "ec2_request_latency_system_failure.csv"), models = c("naive", "ses", "theta"))
  m <- r$json$series[[1]]$backtest$models
  expect_identical(r$models$model, vapply(m, `[[`, "", "name"))
  expect_identical(r$models$mase, vapply(m, function(x) x$mase, 0))
  expect_identical(sum(r$models$best), 1L)
  expect_identical(r$models$model[r$models$best], r$json$series[[1]]$backtest$best)
})
