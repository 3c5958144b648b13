#!/usr/bin/env bash
# Installs the system tools the test suite needs, when they are missing.
# Called by `make test`; needs root (CI) for apt-get.
set -euo pipefail

missing=()
command -v git >/dev/null 2>&1 || missing+=(git)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing tools: ${missing[*]} (run as root, or install them)" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
