#!/usr/bin/env bash
# Builds the container images of the four services from their fast-jars, with deploy/images/Dockerfile.jvm:
#
#   deploy/images/build.sh                    FROM the Dockerfile's default base (UBI 9 OpenJDK 17 runtime)
#   deploy/images/build.sh --base IMAGE       FROM another Java 17 runtime image
#   deploy/images/build.sh --local-base       FROM a Debian bookworm + OpenJDK 17 base made here with
#                                             debootstrap (root; for machines that reach no registry, like CI)
#
# Each image is tagged localhost/charger-access/<service>:<project version> (deploy/k8s names
# charger-access/<service>:<version>; overlays set the registry) and :local (what
# deploy/local/run.sh --images runs). Built with podman. Builds the jars first when one is missing;
# after a code change, rebuild the jars (./mvnw -B -q install -DskipTests), then the images.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

engine=podman
base=""
local_base=false
while [[ $# -gt 0 ]]; do
    case "$1" in
        --base)
            [[ $# -ge 2 && -n "$2" ]] || { echo "--base needs an image, e.g. --base eclipse-temurin:17-jre" >&2; exit 2; }
            base="$2"; shift 2 ;;
        --local-base) local_base=true; shift ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
done

services=(access-policy-service mode-apply-service authorisation-service decision-log-service)
# The project's own version: the <version> right after the parent POM's artifactId.
version="$(tr -d '\n' < pom.xml | sed -n 's:.*<artifactId>charger-access-parent</artifactId>[[:space:]]*<version>\([^<]*\)</version>.*:\1:p')"
[[ -n "$version" ]] || { echo "could not read the project version from pom.xml" >&2; exit 1; }

for service in "${services[@]}"; do
    if [[ ! -f "$service/target/quarkus-app/quarkus-run.jar" ]]; then
        echo "no $service/target/quarkus-app: building the jars (./mvnw -B -q install -DskipTests) ..."
        ./mvnw -B -q install -DskipTests
        break
    fi
done

if $local_base; then
    base="localhost/charger-access-jre:17-bookworm"
    if ! "$engine" image exists "$base" 2>/dev/null; then
        rootfs="$(mktemp -d /tmp/charger-access-jre.XXXXXX)"
        # --one-file-system: a debootstrap that died may leave /proc or /sys mounted inside.
        trap 'rm -rf --one-file-system "$rootfs" "$rootfs.log"' EXIT
        echo "making $base with debootstrap (about a minute) ..."
        debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates bookworm "$rootfs" >"$rootfs.log" 2>&1 \
            || { tail -20 "$rootfs.log" >&2; exit 1; }
        # Nothing a service needs; a smaller base image.
        rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc "$rootfs"/usr/share/man
        tar -C "$rootfs" -c . | "$engine" import --quiet --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - "$base" >/dev/null
    fi
fi

build_args=()
if [[ -n "$base" ]]; then
    build_args=(--build-arg "BASE_IMAGE=$base")
fi
for service in "${services[@]}"; do
    started=$(date +%s)
    "$engine" build -q ${build_args[@]+"${build_args[@]}"} -f "$here/Dockerfile.jvm" \
        -t "localhost/charger-access/$service:$version" -t "localhost/charger-access/$service:local" \
        "$service/target/quarkus-app" >/dev/null
    echo "built localhost/charger-access/$service:$version (and :local) in $(( $(date +%s) - started )) s"
done
