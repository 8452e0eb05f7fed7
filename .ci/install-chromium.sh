#!/usr/bin/env bash
# The report and Swagger UI browser tests drive Chromium through playwright-core. They look for it as
# test/reports/fixtures/chromium.ts does: $CHROMIUM_PATH when set, else /usr/bin/chromium, else a
# `chromium` on PATH. This installs Debian's when none is found; without it (no apt, no root) those
# tests skip with a printed reason.
set -uo pipefail
if [ -n "${CHROMIUM_PATH:-}" ]; then
  if [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
  echo "warning: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable; browser tests will skip" >&2
  exit 0
fi
if [ -x /usr/bin/chromium ] || command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "warning: could not install chromium; browser tests will skip" >&2
else
  echo "warning: chromium is not installed and cannot be installed here; browser tests will skip" >&2
fi
exit 0
