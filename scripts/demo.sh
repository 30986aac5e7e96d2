#!/usr/bin/env bash
# The README's first command: builds the `strategylayer` .NET tool from this clone, installs it (so
# that `strategylayer` works in this same shell), and runs the demo in the folder you are in: a local
# sandbox that speaks the Jira Cloud, Jira Data Center and ServiceNow APIs, and the whole pipeline
# (sync → map → report) to HTML and PDF packs in ./out. The demo leaves ./strategylayer.json and its
# store in ./data, so `strategylayer status`, `items`, `explain` and `serve` typed here read them.
#   bash scripts/demo.sh [--no-demo] [demo options, e.g. --size medium]
# Installs, and says so: Debian's chromium when it is missing (it prints the PDF packs), and a font
# with CJK letters (fonts-wqy-microhei), so that every title a pack shows also prints.
set -euo pipefail
here="$PWD"
root="$(cd "$(dirname "$0")/.." && pwd)"
run_demo=1
args=()
for a in "$@"; do
  if [ "$a" = "--no-demo" ]; then run_demo=0; else args+=("$a"); fi
done
sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)
if [ ${#need[@]} -gt 0 ]; then
  echo "demo.sh: installing Debian's ${need[*]} (prints the PDF packs)"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi

version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props")"
packages="$root/artifacts/package"
echo "demo.sh: building the strategylayer tool $version (dotnet pack, Release; a minute or two the first time)"
rm -f "$packages"/StrategyLayer.Cli.*.nupkg
dotnet pack "$root/src/StrategyLayer.Cli" -c Release -o "$packages" -nologo -v quiet >/dev/null

# A global .NET tool (~/.dotnet/tools). Reinstalled each time: the same version number may hold new code.
tools="$HOME/.dotnet/tools"
dotnet tool uninstall --global StrategyLayer.Cli >/dev/null 2>&1 || true
dotnet tool install --global StrategyLayer.Cli --version "$version" --add-source "$packages" >/dev/null
echo "demo.sh: installed strategylayer $version in $tools"

# A fresh shell (root's especially) does not have ~/.dotnet/tools on its PATH: a link in
# /usr/local/bin, which is, makes `strategylayer` work in this shell at once.
if [ "$(command -v strategylayer || true)" != "$tools/strategylayer" ] && [ "$(readlink -f "$(command -v strategylayer || echo /nonexistent)")" != "$(readlink -f "$tools/strategylayer")" ]; then
  if $sudo_cmd ln -sf "$tools/strategylayer" /usr/local/bin/strategylayer 2>/dev/null; then
    echo "demo.sh: linked /usr/local/bin/strategylayer → $tools/strategylayer"
  else
    echo "demo.sh: add the .NET tools folder to your PATH to type strategylayer: export PATH=\"\$PATH:$tools\""
  fi
fi
hash -r 2>/dev/null || true

if [ "$run_demo" -eq 1 ]; then
  cd "$here"
  echo "demo.sh: strategylayer demo ${args[*]:-} (in $here)"
  exec "$tools/strategylayer" demo "${args[@]}"
fi
