#!/usr/bin/env bash
# Authorize benchmark against the packaged services on embedded infrastructure (127.0.0.1, free
# ports): throughput and p50/p99/p99.9 of POST /api/v1/authorise beside the no-op ceiling of the same
# service (3 alternating rounds), then every answered decision counted in the decision log. Bounded: usually 7-8 minutes, at
# most about 12 (each warm-up lasts until the JIT compilers of all JVMs are quiet, up to a limit).
# Options go to the JVM, e.g. deploy/system-tests/benchmark.sh -Dbench.concurrency=64 -Dbench.rate=2000
# BENCH_MAIN names another benchmark class of deploy/system-tests to run on the same build (registry-benchmark.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
if [ "${REBUILD:-0}" = 1 ] || [ ! -f authorisation-service/target/quarkus-app/quarkus-run.jar ] \
   || [ ! -f decision-log-service/target/quarkus-app/quarkus-run.jar ]; then
  ./mvnw -B -q install -DskipTests
fi
./mvnw -B -q install -DskipTests -pl deploy/local,deploy/system-tests -am
./mvnw -B -q dependency:build-classpath -pl deploy/system-tests -Dmdep.outputFile=target/benchmark.classpath
exec java -Xmx1g -Dcharger-access.repo="$root" "$@" \
  -cp "deploy/system-tests/target/classes:$(cat deploy/system-tests/target/benchmark.classpath)" \
  "com.betterfleet.access.system.${BENCH_MAIN:-AuthoriseBenchmark}"
