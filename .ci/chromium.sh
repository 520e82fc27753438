#!/usr/bin/env bash
# Sourced by .ci/run: Debian's Chromium for the Web Chat browser test (Playwright drives it; its own browser download
# does not work on these machines).
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium from Debian's packages..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
