#!/usr/bin/env bash
# Makes templates/web/portfolio.png, the README's picture of the web view: builds the CLI, runs the
# demo (sandbox, sync, map, report) into a temp store, serves that store on loopback and lets
# Debian's headless chromium photograph the portfolio page. Only this script writes into the repo.
#   scripts/screenshot.sh [--web-port N]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
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

wait_for() { # URL WHAT LOG PID: until anything answers over HTTP, or the process died
  for _ in $(seq 1 240); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" 2>/dev/null || true)" != "000" ]; then return 0; fi
    if ! kill -0 "$4" 2>/dev/null; then break; fi
    sleep 0.5
  done
  echo "screenshot.sh: $2 did not answer at $1" >&2; cat "$3" >&2; exit 1
}

echo "screenshot.sh: building the CLI"
dotnet build "$root/src/StrategyLayer.Cli" -c Release -o "$work/bin" -nologo -v quiet >/dev/null
# In the work folder: the demo leaves its strategylayer.json in the folder it runs in.
cli() { (cd "$work" && dotnet "$work/bin/strategylayer.dll" "$@" --config "$root/config/strategylayer.json" --store "$work/store.db" --quiet); }
# Starts a verb in the background; the pid kept is dotnet's own, so cleanup stops the process itself.
cli_bg() { # LOG VERB ARGS...
  local log="$1"; shift
  dotnet "$work/bin/strategylayer.dll" "$@" --config "$root/config/strategylayer.json" --store "$work/store.db" --quiet >"$log" 2>&1 &
  pids+=($!)
}

echo "screenshot.sh: demo (sandbox, sync, map, report) into $work/store.db"
cli demo --out "$work/out" >"$work/demo.log" 2>&1 || { cat "$work/demo.log" >&2; exit 1; }

echo "screenshot.sh: web view on 127.0.0.1:$web_port"
cli_bg "$work/serve.log" serve --urls "http://127.0.0.1:$web_port"
wait_for "http://127.0.0.1:$web_port/api/status" "the web view" "$work/serve.log" "${pids[-1]}"
# The first portfolio request computes the live period; ask once so the picture is not of a slow first load.
curl -fsS -o /dev/null "http://127.0.0.1:$web_port/"

/usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$work/chromium" \
  --screenshot="$out" --window-size=1280,900 "http://127.0.0.1:$web_port/" >/dev/null 2>&1
echo "screenshot.sh: wrote $out"
