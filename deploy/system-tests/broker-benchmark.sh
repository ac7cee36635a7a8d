#!/usr/bin/env bash
# The broker's acknowledgement floor under Authorize's latency: the embedded broker alone at a fixed
# rate (durable and non-durable sends) beside a plain write + fsync on the same disk (the baseline).
# Bounded: about 2 minutes. Options go to the JVM, e.g. deploy/system-tests/broker-benchmark.sh -Dbench.rate=300
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
./mvnw -B -q install -DskipTests -pl deploy/local,deploy/system-tests -am
./mvnw -B -q dependency:build-classpath -pl deploy/system-tests -Dmdep.outputFile=target/benchmark.classpath
exec java -Xmx512m "$@" \
  -cp "deploy/system-tests/target/classes:$(cat deploy/system-tests/target/benchmark.classpath)" \
  com.betterfleet.access.system.BrokerAckBenchmark
