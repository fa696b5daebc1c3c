#!/usr/bin/env bash
# eng/test.sh — build the solution and run every test against a real Docker engine.
#
#   bash eng/test.sh                     all tests
#   bash eng/test.sh --filter <expr>     passed through to dotnet test (as are
#                                        any other arguments)
#
# Starts the local engine (eng/engine.sh up) and builds the test images
# (eng/images.sh), installs headless Chromium when missing (eng/browser.sh),
# then builds Orchestration.sln (or .slnx) in Release and runs
# dotnet test with a TRX logger into artifacts/test-results. The last line is
# always "tests: N passed, N failed, N skipped", summed over all TRX files.
# After the tests, eng/check-package.sh packs the SDK and builds a project outside
# the solution against the package.
# Exits non-zero if anything failed or if no test passed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RESULTS=artifacts/test-results
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT="${DOTNET_CLI_TELEMETRY_OPTOUT:-1}"
export DOTNET_NOLOGO="${DOTNET_NOLOGO:-1}"

passed=0 failed=0 skipped=0

summarize() { # sum the <Counters .../> of every TRX file
  local trx counters line skip
  trx=$(find "$RESULTS" -name '*.trx' 2>/dev/null || true)
  [[ -n "$trx" ]] || return 0
  counters="$(while IFS= read -r f; do tr '\n\r' '  ' <"$f"; echo; done <<<"$trx" | grep -o '<Counters [^>]*>' || true)"
  while IFS= read -r line; do
    [[ -n "$line" ]] || continue
    passed=$((passed + $(attr passed "$line")))
    failed=$((failed + $(attr failed "$line")))
    # the VSTest TRX logger leaves notExecuted at 0 for skipped tests and only
    # counts them in total but not executed, so take whichever is larger
    skip=$(($(attr total "$line") - $(attr executed "$line")))
    ((skip > $(attr notExecuted "$line"))) || skip=$(attr notExecuted "$line")
    skipped=$((skipped + skip))
  done <<<"$counters"
}

attr() { # attr <name> <element> — numeric attribute value, 0 if absent
  local v
  v="$(sed -n "s/.*[[:space:]]$1=\"\([0-9]*\)\".*/\1/p" <<<"$2")"
  echo "${v:-0}"
}

# The summary is the very last line, whatever happens before it.
trap 'echo "tests: $passed passed, $failed failed, $skipped skipped"' EXIT

command -v dotnet >/dev/null || { echo "test: the .NET SDK (dotnet) is not on PATH; install .NET 10 SDK" >&2; exit 1; }

SLN=""
for candidate in Orchestration.sln Orchestration.slnx; do
  [[ -f "$candidate" ]] && { SLN="$candidate"; break; }
done
[[ -n "$SLN" ]] || { echo "test: no Orchestration.sln or Orchestration.slnx in $ROOT — nothing to build" >&2; exit 1; }

bash eng/engine.sh up
bash eng/images.sh
bash eng/server-images.sh   # Debian's nginx and PostgreSQL for the security-profile tests (cached rootfs)
bash eng/swarm.sh up   # the 3-node swarm of the Swarm tests (idempotent)
bash eng/browser.sh >/dev/null   # headless Chromium for the dashboard's browser tests
bash eng/stores.sh               # Redis and PostgreSQL for the leader-election tests

dotnet build "$SLN" -c Release

rm -rf "$RESULTS"
status=0
# One test assembly at a time (-m:1): several suites drive the same engines, and on a
# 2-core machine running them side by side turns load into timing failures.
dotnet test "$SLN" -c Release --no-build -m:1 --logger "trx" --results-directory "$RESULTS" "$@" || status=$?

summarize
# A project outside the solution must get the generator from the packed package alone.
if ((status == 0)) && ! bash eng/check-package.sh; then
  echo "test: the package check (eng/check-package.sh) failed" >&2
  status=1
fi
if ((status != 0)); then
  echo "test: dotnet test exited with $status" >&2
elif ((failed > 0)); then
  echo "test: $failed test(s) failed" >&2; status=1
elif ((passed == 0)); then
  echo "test: no test passed (none found or all skipped)" >&2; status=1
fi
exit "$status"
