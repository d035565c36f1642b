#!/usr/bin/env bash
# Installs the system packages capsim needs on Debian/Ubuntu (idempotent, quiet when all are present).
# The Swift 6 toolchain itself must already be on PATH (https://www.swift.org/install/linux/).
#   libsqlite3-dev          the database (GRDB)
#   libxlsxwriter-dev       --format xlsx (the CXlsxWriter system library target)
#   libreoffice-calc-nogui  tests open the workbooks in LibreOffice and read them back
#   chromium                tests render the HTML report headless and take a screenshot
#   unzip                   tests look for native charts inside the converted OpenDocument files
# Set CAPSIM_SKIP_RENDER_TOOLS=1 to install only what building capsim needs.
set -euo pipefail

packages=(libsqlite3-dev libxlsxwriter-dev pkg-config)
if [ "${CAPSIM_SKIP_RENDER_TOOLS:-0}" != "1" ]; then
  packages+=(libreoffice-calc-nogui chromium unzip)
fi
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
