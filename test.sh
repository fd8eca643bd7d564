#!/usr/bin/env bash
# Runs every test of Café IA Live and ends with one line "N passed, N failed".
# On a fresh Debian machine it first installs what the tests need: Chromium (browser tests),
# poppler-utils (pdftotext reads the printed poster) and PostgreSQL (cluster tests), via apt-get (as root, or through sudo). npm packages are installed
# by the gateway's build (npm ci), NuGet packages by dotnet's restore.
set -euo pipefail
cd "$(dirname "$0")"

install_system_packages() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/pdftotext ] || missing+=(poppler-utils)
  compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null || missing+=(postgresql)
  if [ ${#missing[@]} -eq 0 ]; then return; fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "Installing ${missing[*]} with apt-get..."
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
}

install_system_packages

results=TestResults
rm -rf "$results"
dotnet build CafeIA.sln -c Release -nologo -clp:ErrorsOnly

set +e
dotnet test CafeIA.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results"
status=$?
# The front end's unit tests (Vitest; npm ci ran during the build), counted in the same line.
(cd Web && npx vitest run)
web_status=$?
if [ "$status" -eq 0 ]; then status=$web_status; fi
set -e

passed=0
failed=0
trx_files=("$results"/*.trx)
for trx in "${trx_files[@]}"; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  passed=$((passed + $(sed -E 's/.* passed="([0-9]+)".*/\1/' <<< "$counters")))
  failed=$((failed + $(sed -E 's/.* failed="([0-9]+)".*/\1/' <<< "$counters")))
done
junit="$results/vitest.junit.xml"
if [ -f "$junit" ]; then
  suites=$(grep -o '<testsuites [^>]*>' "$junit" | head -n 1)
  web_tests=$(sed -E 's/.* tests="([0-9]+)".*/\1/' <<< "$suites")
  web_failed=$(( $(sed -E 's/.* failures="([0-9]+)".*/\1/' <<< "$suites") + $(sed -E 's/.* errors="([0-9]+)".*/\1/' <<< "$suites") ))
  passed=$((passed + web_tests - web_failed))
  failed=$((failed + web_failed))
elif [ "$web_status" -ne 0 ]; then
  failed=$((failed + 1))
fi
# A test host that crashed writes no counters: never report that run as green.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

# Name what failed just above the totals, so the end of the log says which test and why.
if [ "$failed" -gt 0 ]; then
  echo "Failed tests:"
  for trx in "${trx_files[@]}"; do
    [ -f "$trx" ] || continue
    python3 - "$trx" <<'PY' || grep -o 'testName="[^"]*"[^>]*outcome="Failed"' "$trx" | sed -E 's/testName="([^"]*)".*/  \1/'  || true
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for r in ET.parse(sys.argv[1]).getroot().iterfind(".//t:UnitTestResult", ns):
    if r.get("outcome") != "Failed":
        continue
    message = r.find(".//t:ErrorInfo/t:Message", ns)
    text = (message.text or "").strip().splitlines() if message is not None else []
    print("  " + r.get("testName", "?"))
    for line in text[:6]:
        print("      " + line[:300])
PY
  done
  if [ -f "$junit" ]; then
    grep -o '<testcase [^>]*>[[:space:]]*<failure' "$junit" | sed -E 's/.* name="([^"]*)".*/  vitest: \1/' || true
  fi
fi
echo "$passed passed, $failed failed"
exit "$status"
