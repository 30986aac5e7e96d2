#!/usr/bin/env bash
# Makes templates/web/portfolio.png, the README's picture of the web view: builds the CLI, starts
# the sandbox, syncs and maps the demo data into a temp store, serves it on loopback and lets
# Debian's headless chromium photograph the portfolio page. Only this script writes into the repo.
#   scripts/screenshot.sh [--web-port N]
# The sandbox listens on 8484, the port config/strategylayer.json names for its sources.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
sandbox_port=8484
web_port=5089
while [ $# -gt 0 ]; do
  case "$1" in
    --web-port) web_port="$2"; shift 2 ;;
    *) echo "screenshot.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
out="$root/templates/web/portfolio.png"
if [ ! -x /usr/bin/chromium ]; then
  echo "screenshot.sh: installing Debian's chromium"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

wait_for() { # URL, what: until anything answers over HTTP
  for _ in $(seq 1 120); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" 2>/dev/null || true)" != "000" ]; then return 0; fi
    sleep 0.5
  done
  echo "screenshot.sh: $2 did not answer at $1" >&2; exit 1
}

echo "screenshot.sh: building the CLI"
dotnet build "$root/src/StrategyLayer.Cli" -c Release -o "$work/bin" -nologo -v quiet >/dev/null
cli() { dotnet "$work/bin/strategylayer.dll" "$@" --config "$root/config/strategylayer.json" --store "$work/store.db" --quiet; }
# Starts a verb in the background; the pid kept is dotnet's own, so cleanup stops the process itself.
cli_bg() { # LOG VERB ARGS...
  local log="$1"; shift
  dotnet "$work/bin/strategylayer.dll" "$@" --config "$root/config/strategylayer.json" --store "$work/store.db" --quiet >"$log" 2>&1 &
  pids+=($!)
}

if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$sandbox_port/" 2>/dev/null || true)" != "000" ]; then
  echo "screenshot.sh: port $sandbox_port is in use (a sandbox already running?): stop it first" >&2; exit 1
fi
echo "screenshot.sh: sandbox on 127.0.0.1:$sandbox_port"
cli_bg "$work/sandbox.log" sandbox --port "$sandbox_port"
wait_for "http://127.0.0.1:$sandbox_port/_sandbox" "the sandbox"

echo "screenshot.sh: sync and map into $work/store.db"
cli sync
cli map

echo "screenshot.sh: web view on 127.0.0.1:$web_port"
cli_bg "$work/serve.log" serve --urls "http://127.0.0.1:$web_port"
wait_for "http://127.0.0.1:$web_port/api/status" "the web view"
# The first portfolio request computes the live period; ask once so the picture is not of a slow first load.
curl -fsS -o /dev/null "http://127.0.0.1:$web_port/"

/usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$work/chromium" \
  --screenshot="$out" --window-size=1280,900 "http://127.0.0.1:$web_port/" >/dev/null 2>&1
echo "screenshot.sh: wrote $out"
