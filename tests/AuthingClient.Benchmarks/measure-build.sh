#!/usr/bin/env bash
# Suite 4: build times of src/AuthingClient (docs/performance.md).
#
#   tests/AuthingClient.Benchmarks/measure-build.sh [RUNS]        (default 3 runs of each kind)
#
# Works on a copy of the repository in /tmp (without bin/, obj/ and .git), so it neither fights
# other builds of the working tree nor changes it. Each run, in this order:
#   clean   bin/ and obj/ of the library removed, then `dotnet build` (restore from the warm NuGet cache included)
#   no-op   `dotnet build` again, nothing changed
#   spec    openapi/authing-revocation.yaml touched, then `dotnet build`
# Every build runs at -v:n with the default build servers, as a developer types it. Prints the wall
# time of each build, the median of each kind, and the no-op/clean ratio (target <= 0.5), and checks
# that no-op builds skipped NSwag ("Skipping target \"GenerateAuthingContract\"" present, "AuthingClient:
# generating the Refit contract" absent) while clean and spec-touched builds ran it.
# Exits non-zero when a check or the target fails.
set -euo pipefail

runs=${1:-3}
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/authing-build.XXXXXX)
keep_logs=${KEEP_LOGS:-}
cleanup() { if [ -z "$keep_logs" ]; then rm -rf "$work"; else echo "logs kept in $work/logs"; fi; }
trap cleanup EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

tar -C "$repo" --exclude=./.git --exclude=bin --exclude=obj --exclude=BenchmarkDotNet.Artifacts -cf - . | tar -C "$work" -xf -
mkdir -p "$work/logs"
cd "$work"
library=src/AuthingClient
spec=openapi/authing-revocation.yaml
generating='AuthingClient: generating the Refit contract'
skipping='Skipping target "GenerateAuthingContract"'

echo "copy of $repo in $work ($(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?') + working tree)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# build KIND RUN -> prints seconds; leaves the log in logs/KIND-RUN.log
build() {
  local log="logs/$1-$2.log" start end
  start=$(date +%s.%N)
  if ! dotnet build "$library" -v:n > "$log" 2>&1; then
    echo "build $1 #$2 failed; see $log" >&2
    tail -20 "$log" >&2
    exit 1
  fi
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

declare -a clean=() noop=() touched=()
for run in $(seq 1 "$runs"); do
  rm -rf "$library/bin" "$library/obj"
  clean+=("$(build clean "$run")")
  noop+=("$(build noop "$run")")
  touch "$spec"
  touched+=("$(build spec "$run")")

  grep -q "$generating" "logs/clean-$run.log" || fail "clean build #$run did not run NSwag"
  grep -q "$generating" "logs/spec-$run.log" || fail "spec-touched build #$run did not run NSwag"
  if grep -q "$generating" "logs/noop-$run.log"; then fail "no-op build #$run ran NSwag"; fi
  skipped=$(grep -c "$skipping" "logs/noop-$run.log" || true)
  [ "$skipped" -ge 1 ] || fail "no-op build #$run does not say it skipped GenerateAuthingContract"
  printf 'run %s: clean %6.2f s   no-op %6.2f s (GenerateAuthingContract skipped in %s target framework(s))   spec-touched %6.2f s\n' \
    "$run" "${clean[-1]}" "${noop[-1]}" "$skipped" "${touched[-1]}"
done

clean_median=$(printf '%s\n' "${clean[@]}" | median)
noop_median=$(printf '%s\n' "${noop[@]}" | median)
touched_median=$(printf '%s\n' "${touched[@]}" | median)
ratio=$(echo "scale=3; $noop_median / $clean_median" | bc)
printf '\nmedian of %s runs: clean %.2f s, no-op %.2f s, spec-touched %.2f s\n' "$runs" "$clean_median" "$noop_median" "$touched_median"
printf 'no-op / clean = %.2f (target <= 0.50)\n' "$ratio"
if [ "$(echo "$ratio > 0.5" | bc)" -eq 1 ]; then fail "no-op build is more than half a clean build"; fi

echo "checks: $([ "$failures" -eq 0 ] && echo 'all passed' || echo "$failures failed")"
exit $((failures > 0))
