#!/usr/bin/env bash
# Decision-log query benchmark: the dashboard and support queries through decision-log-service's API
# on a small log (the baseline) and on one of production size (default 3,000,000 decisions over 31
# days), median and slowest of 10 runs each. Bounded: about 8 minutes and 3 GB of temporary disk.
# Options go to the JVM, e.g. deploy/system-tests/query-benchmark.sh -Dbench.records=9000000
BENCH_MAIN=QueryScaleBenchmark exec "$(dirname "$0")/benchmark.sh" "$@"
