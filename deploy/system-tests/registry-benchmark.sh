#!/usr/bin/env bash
# Registry scale benchmark: authorisation-service with the pod's heap and collector, seeded with
# growing registries through the registry API, restarted, then measured: time to ready, live heap per
# identifier, full-GC pause, resident set against the pod limit, Authorize latency at 1,000 req/s.
# The first size is the baseline of the same run. Bounded: about 10 minutes with the default sizes.
# Options go to the JVM, e.g. deploy/system-tests/registry-benchmark.sh -Dbench.registry-sizes=1000,100000
BENCH_MAIN=RegistryScaleBenchmark exec "$(dirname "$0")/benchmark.sh" "$@"
