# Every audit from R is recorded; ledger_runs() and ledger_projects() read it back as data frames.

ec2_file <- function() testdata("nab", "ec2_request_latency_system_failure.csv")

test_that("an audit from R is one run in its project, and repeating it adds none", {
  ledger <- file.path(tempfile("ledger"), "team.db")
  dir.create(dirname(ledger))
  r <- audit(ec2_file(), models = c("naive", "seasonal-naive"), project = "latency", ledger = ledger)
  audit(ec2_file(), models = c("naive", "seasonal-naive"), project = "latency", ledger = ledger)
  runs <- ledger_runs(project = "latency", ledger = ledger)
  expect_s3_class(runs, "data.frame")
  expect_identical(nrow(runs), 1L)
  expect_identical(runs$project, "latency")
  expect_equal(runs$series, nrow(r$series))
  expect_equal(runs$strong + runs$weak + runs$none + runs$insufficientData, runs$series)
})

test_that("projects put the team beside the reference population", {
  ledger <- file.path(tempfile("ledger"), "team.db")
  dir.create(dirname(ledger))
  audit(ec2_file(), models = "naive", project = "latency", ledger = ledger)
  projects <- ledger_projects(ledger = ledger)
  expect_true("latency" %in% projects$name)
  expect_gte(sum(projects$reference), 5)
  mine <- projects[projects$name == "latency", ]
  expect_false(mine$reference)
  expect_equal(mine$runs, 1)
  expect_equal(mine$shareStrong + mine$shareWeak + mine$shareNone + mine$shareInsufficientData, 1)
})

test_that("an unknown project is an input error with one line", {
  ledger <- file.path(tempfile("ledger"), "team.db")
  dir.create(dirname(ledger))
  audit(ec2_file(), models = "naive", project = "latency", ledger = ledger)
  e <- tryCatch(ledger_runs(project = "latencyy", ledger = ledger), error = function(e) e)
  expect_s3_class(e, "signalcheck_error")
  expect_match(conditionMessage(e), "latencyy")
  expect_false(grepl("\n", conditionMessage(e)))
})
