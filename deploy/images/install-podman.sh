#!/usr/bin/env bash
# Installs what deploy/images/build.sh --local-base needs on a Debian machine, if missing: podman,
# runc and debootstrap (Debian's packages; about 15 s). Needs root. Used by .ci/run.
set -euo pipefail
missing=()
for tool in podman runc debootstrap; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [[ ${#missing[@]} -eq 0 ]]; then
    exit 0
fi
if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    echo "missing: ${missing[*]}; install them (Debian: apt-get install podman runc debootstrap)" >&2
    exit 1
fi
echo "installing ${missing[*]} from Debian's packages ..."
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y -q podman runc debootstrap >/dev/null; then
    # A fresh machine may have no package lists yet.
    apt-get update -q >/dev/null
    apt-get install -y -q podman runc debootstrap >/dev/null
fi
podman --version
