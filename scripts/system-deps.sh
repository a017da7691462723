#!/usr/bin/env bash
# Install the Debian packages the test suite uses, when running as root and they are missing.
# chromium: browser tests (driven by Playwright from pip; no browser is downloaded)
# postgresql: the suite runs again on a throwaway PostgreSQL cluster
# poppler-utils: PDF pages to PNG (pdftoppm); libreoffice-writer-nogui: DOCX opens in LibreOffice
# gettext: msgfmt checks the translation catalogues (tests/i18n)
# wrk: the HTTP load generator of the benchmarks (benchmarks/wrk_load.py; C, so it leaves the cores to the app)
set -euo pipefail
PACKAGES=(chromium postgresql poppler-utils libreoffice-writer-nogui wrk gettext)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages present: ${PACKAGES[*]}"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "missing Debian packages (not root, not installing): ${missing[*]}" >&2
  exit 0
fi
echo "installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
