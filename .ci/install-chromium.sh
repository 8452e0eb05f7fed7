#!/usr/bin/env bash
# The report and Swagger UI browser tests drive Debian's Chromium through playwright-core.
# Without it (no apt, no root) those tests skip with a printed reason.
set -uo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "warning: could not install chromium; browser tests will skip" >&2
else
  echo "warning: chromium is not installed and cannot be installed here; browser tests will skip" >&2
fi
exit 0
