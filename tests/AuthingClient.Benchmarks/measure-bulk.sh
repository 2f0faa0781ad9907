#!/usr/bin/env bash
# Suite 5: bulk revocation with the CLI (docs/performance.md).
#
#   tests/AuthingClient.Benchmarks/measure-bulk.sh [COUNT...]      (default: 10000 1000000)
#
# For each COUNT: writes COUNT distinct opaque tokens (43 base64url characters, one per line), runs
# `authing-revoke revoke --stand-in --from-file FILE` against the CLI's built-in local Authing stand-in (--stand-in,
# so nothing leaves 127.0.0.1) under /usr/bin/time -v, and prints tokens/s (COUNT /
# wall time, start-up and stand-in included) and the peak RSS. Works on a copy of the repository in
# /tmp (Release build of src/AuthingClient.Cli there), so it neither fights other builds nor changes
# the working tree. Each run is bounded by BULK_TIMEOUT seconds (default 1200).
# Exits 2, doing nothing, when the CLI has no --from-file option yet.
set -euo pipefail

counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(10000 1000000)
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/authing-bulk.XXXXXX)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time"; exit 1; }

tar -C "$repo" --exclude=./.git --exclude=bin --exclude=obj --exclude=BenchmarkDotNet.Artifacts -cf - . | tar -C "$work/" -xf -
mkdir -p "$work/out"
dotnet build "$work/src/AuthingClient.Cli" -c Release -v:q -nologo > "$work/out/build.log" 2>&1 || { tail -30 "$work/out/build.log"; exit 1; }
cli="$work/src/AuthingClient.Cli/bin/Release/net10.0/authing-revoke"

if ! "$cli" revoke --help 2>&1 | grep -q -- '--from-file'; then
  echo "PENDING: 'authing-revoke revoke' has no --from-file option yet; bulk measurement not run."
  exit 2
fi

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%10s %12s %12s %14s %10s\n' tokens wall_s tokens_per_s peak_rss_MiB exit
for count in "${counts[@]}"; do
  tokens="$work/out/tokens-$count.txt"
  # Distinct, deterministic tokens: every line is a different token.
  awk -v n="$count" 'BEGIN {
    srand(7); a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (i = 0; i < n; i++) { t = sprintf("%08d", i); for (j = 0; j < 35; j++) t = t substr(a, int(rand() * 64) + 1, 1); print t }
  }' > "$tokens"

  set +e
  timeout "${BULK_TIMEOUT:-1200}" /usr/bin/time -v "$cli" revoke --stand-in --from-file "$tokens" \
    > "$work/out/results-$count.txt" 2> "$work/out/time-$count.txt"
  status=$?
  set -e

  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/out/time-$count.txt" \
    | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
  rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/out/time-$count.txt")
  lines=$(wc -l < "$work/out/results-$count.txt")
  printf '%10s %12.1f %12.0f %14.1f %10s\n' "$count" "${wall:-0}" "$(echo "$count / ${wall:-1}" | bc -l)" "$(echo "${rss_kb:-0} / 1024" | bc -l)" "$status"
  if [ "$status" -ne 0 ] || [ "$lines" -ne "$count" ]; then
    echo "  run of $count tokens: exit $status, $lines result line(s); last lines of stderr:"
    grep -v -E '^\s+(Command|User|System|Percent|Elapsed|Average|Maximum|Major|Minor|Voluntary|Involuntary|Swaps|File|Socket|Signals|Page|Exit)' "$work/out/time-$count.txt" | tail -5
  fi
done
