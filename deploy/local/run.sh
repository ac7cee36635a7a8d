#!/usr/bin/env bash
# Runs the whole charger-access system on this machine: PostgreSQL, an AMQP 1.0 broker, Keycloak
# and the four services, each on free 127.0.0.1 ports. No Docker needed.
#
#   deploy/local/run.sh            start everything, print URLs and token commands; Ctrl-C stops
#   deploy/local/run.sh --smoke    start everything, check a token and authorisation-service, stop
#   deploy/local/run.sh --build    rebuild the project first (otherwise only when jars are missing)
#   deploy/local/run.sh --images   run the services from their container images (deploy/images/build.sh)
#                                  with podman instead of from their jars
#
# State lives in deploy/local/.run (git-ignored): PostgreSQL and broker data, the identifier pepper,
# the Keycloak distribution, credentials of the current run, and the logs. Delete it to start afresh.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
run_dir="$here/.run"
cd "$root"
mkdir -p "$run_dir"

build=false
args=()
for arg in "$@"; do
    case "$arg" in
        --build) build=true ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) args+=("$arg") ;;
    esac
done

services=(access-policy-service mode-apply-service authorisation-service decision-log-service)
for service in "${services[@]}"; do
    [[ -f "$service/target/quarkus-app/quarkus-run.jar" ]] || build=true
done
[[ -d deploy/local/target/classes ]] || build=true

if $build; then
    echo "Building the project: ./mvnw -B -q install -DskipTests (a few minutes the first time) ..."
    if ! ./mvnw -B -q install -DskipTests; then
        # Services are written in parallel: one that does not build must not stop the others running.
        echo "The full build failed; building the local tooling only. Services without a jar are skipped." >&2
        ./mvnw -B -q install -DskipTests -pl deploy/local -am
    fi
fi

# The launcher's classpath, resolved once by Maven and cached: later runs need no network.
classpath_file="$run_dir/local-infra.classpath"
if [[ ! -s "$classpath_file" || deploy/local/pom.xml -nt "$classpath_file" || pom.xml -nt "$classpath_file" ]]; then
    ./mvnw -B -q -pl deploy/local org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
        -Dmdep.includeScope=runtime -Dmdep.outputFile="$classpath_file"
fi

java="java"
if [[ -n "${JAVA_HOME:-}" ]]; then
    java="$JAVA_HOME/bin/java"
fi

# exec: Ctrl-C reaches the JVM, whose shutdown hook stops everything in reverse order.
# The JBoss log manager is the one Artemis logs through; it must be set before anything logs.
exec "$java" -Xmx512m -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "deploy/local/target/classes:$(cat "$classpath_file")" \
    com.betterfleet.access.local.LocalRun --repo "$root" ${args[@]+"${args[@]}"}
