library(testthat)
library(signalcheck)

test_check("signalcheck")
