#!/usr/bin/env bash
# Runs the StrategyLayer demo: a local sandbox that speaks the Jira Cloud, Jira Data Center and
# ServiceNow APIs, and the whole pipeline (sync → map → report) to HTML and PDF packs in out/.
# The PDF needs Debian's chromium (and a CJK font); this script installs them first if missing, and says so.
set -euo pipefail
cd "$(dirname "$0")/.."
# A font with CJK letters too, so that every title prints (the sandbox has a few).
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)
if [ ${#need[@]} -gt 0 ]; then
  echo "demo.sh: installing Debian's ${need[*]} (prints the PDF packs)"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec dotnet run --project src/StrategyLayer.Cli -c Release -- demo "$@"
