#!/usr/bin/env bash
# Park's two commands (see README):
#   ./park.sh run    installs what is missing, migrates, seeds the demo, serves http://localhost:5000
#   ./park.sh test   installs what the tests need (Chromium for browser tests), runs every test
set -euo pipefail
cd "$(dirname "$0")"

apt_ensure() {
  # Installs the Debian packages given that are not installed yet.
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  # A first install can fail when another apt client holds the lock: wait for it, retry once.
  $sudo apt-get -o DPkg::Lock::Timeout=300 install -y -qq "${missing[@]}" \
    || $sudo apt-get -o DPkg::Lock::Timeout=300 install -y -qq "${missing[@]}"
}

dotnet_ensure() {
  if ! command -v dotnet >/dev/null 2>&1 || ! dotnet --list-sdks | grep -q '^10\.'; then
    echo "Park needs the .NET 10 SDK (dotnet) on PATH; install it from Microsoft's packages, then rerun." >&2
    exit 1
  fi
}

case "${1:-}" in
  run)
    dotnet_ensure
    apt_ensure fonts-noto-cjk
    export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
    export Park__DatabasePath="${Park__DatabasePath:-$PWD/data/park.db}"
    urls="${PARK_URLS:-http://localhost:5000}"
    echo "Database: $Park__DatabasePath — open $urls (demo sign-ins are printed below and shown on the sign-in page)"
    exec dotnet run --project Park.Web --no-launch-profile --urls "$urls"
    ;;
  test)
    dotnet_ensure
    apt_ensure chromium fonts-noto-cjk poppler-utils
    log=$(mktemp)
    set +e
    dotnet test --project Park.Tests 2>&1 | tee "$log"
    status=${PIPESTATUS[0]}
    set -e
    total=$(awk '/^ *total:/ {print $2}' "$log" | tail -1)
    failed=$(awk '/^ *failed:/ {print $2}' "$log" | tail -1)
    passed=$(awk '/^ *succeeded:/ {print $2}' "$log" | tail -1)
    skipped=$(awk '/^ *skipped:/ {print $2}' "$log" | tail -1)
    rm -f "$log"
    if [ -z "$total" ]; then
      echo "0 passed, 1 failed"
      echo "The test run produced no summary (build failure?)." >&2
      exit 1
    fi
    # The last line is the plain summary CI reads; the skipped count goes on the line before it.
    echo "${skipped:-0} skipped"
    echo "${passed:-0} passed, ${failed:-0} failed"
    if [ "$status" -ne 0 ] || [ "${failed:-0}" -ne 0 ] || [ "${total:-0}" -eq 0 ]; then
      exit 1
    fi
    ;;
  *)
    echo "usage: ./park.sh run | ./park.sh test" >&2
    exit 2
    ;;
esac
