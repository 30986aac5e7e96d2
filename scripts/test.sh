#!/usr/bin/env bash
# Runs every test of StrategyLayer. First installs what the tests need and is not part of the
# .NET SDK, saying what it installs:
#   - chromium          (Debian package: the PDF and real-browser tests drive /usr/bin/chromium)
#   - python3-aiosmtpd  (Debian package: the email tests start a real SMTP server on loopback)
#   - postgresql        (Debian package: the PostgreSQL store tests start a private cluster on a
#                        free loopback port in a temporary folder of their own, never the package's)
#   - fonts-wqy-microhei (Debian package: a font with CJK letters, so a printed pack shows every
#                        title it holds; the PDF tests look for each word of the HTML in the PDF)
# Then builds the solution and runs all test projects, printing "N passed, N failed" at the end.
set -uo pipefail
cd "$(dirname "$0")/.."

sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || need+=(python3-aiosmtpd)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)
if [ ${#need[@]} -gt 0 ]; then
  echo "test.sh: installing Debian packages the tests need: ${need[*]}"
  $sudo_cmd apt-get update -qq || { echo "test.sh: apt-get update failed"; exit 1; }
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null || { echo "test.sh: could not install ${need[*]}"; exit 1; }
else
  echo "test.sh: chromium, python3-aiosmtpd, fonts-wqy-microhei and postgresql are already installed"
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "test.sh: building"
if ! dotnet build StrategyLayer.sln -nologo -v quiet; then
  echo "test.sh: build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

results=$(mktemp -d)
echo "test.sh: running tests (results in $results)"
dotnet test StrategyLayer.sln --no-build -nologo --logger "trx" --results-directory "$results" 2>&1 | tee "$results/console.log"
status=${PIPESTATUS[0]}

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  p=$(grep -o 'passed="[0-9]*"' "$trx" | head -n 1 | grep -o '[0-9]*')
  f=$(grep -o 'failed="[0-9]*"' "$trx" | head -n 1 | grep -o '[0-9]*')
  e=$(grep -o 'error="[0-9]*"' "$trx" | head -n 1 | grep -o '[0-9]*')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # A test host crashed or a project failed to run: count it as a failure.
  failed=1
fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
