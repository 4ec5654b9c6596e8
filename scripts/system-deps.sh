#!/usr/bin/env bash
# The Debian packages the tests need, in one list used by npm test and by .ci/run.
# Checks them; installs the missing ones when run as root (or with sudo), else prints the one command to run.
set -euo pipefail

packages=(
  chromium                 # e2e tests drive the real renderer in Chromium
  libreoffice-writer-nogui # stands in for Word/WPS: .docx → PDF
  libreoffice-calc-nogui   # stands in for Excel/WPS: .xlsx → PDF, and re-saves workbooks as WPS users send them
  poppler-utils            # pdftoppm / pdftotext to look at and measure rendered pages
  fonts-noto-cjk           # CJK glyphs in Chromium and LibreOffice (without them every character is a box)
  fonts-arphic-ukai        # a Kai face standing in for 楷体_GB2312
  fonts-crosextra-carlito  # Calibri metrics
  fonts-liberation         # Times New Roman / Arial metrics
  postgresql               # server workspace tests start a throwaway cluster (initdb + pg_ctl on a loopback port)
)

missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "== system packages: all ${#packages[@]} present"
  exit 0
fi

install_cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg >/dev/null 2>&1; then
  echo "!! missing system packages (${missing[*]}), and this is not a Debian-like system: install their equivalents." >&2
  exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
  echo "== installing system packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  echo "== installing system packages with sudo: ${missing[*]}"
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "!! the tests need these system packages: ${missing[*]}" >&2
  echo "!! install them with:  sudo sh -c '$install_cmd'" >&2
  exit 1
fi
