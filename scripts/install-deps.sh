#!/usr/bin/env bash
# Installs the system packages capsim needs on Debian/Ubuntu (idempotent, quiet when all are present).
# The Swift 6 toolchain itself must already be on PATH (https://www.swift.org/install/linux/).
set -euo pipefail

packages=(libsqlite3-dev)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if ((${#missing[@]})); then
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
  echo "capsim: installing ${missing[*]}" >&2
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null 2>&1; then
  echo "capsim: the Swift 6 toolchain is not on PATH; install it from https://www.swift.org/install/linux/" >&2
  exit 1
fi
