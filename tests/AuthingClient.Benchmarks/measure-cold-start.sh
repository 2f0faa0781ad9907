#!/usr/bin/env bash
# Suite 3: cold start, time to the first completed revocation in a fresh process (docs/performance.md).
#
#   tests/AuthingClient.Benchmarks/measure-cold-start.sh [N]       (default 10 runs of each variant)
#
# Builds the benchmark exe (Release) unless SKIP_BUILD=1 or EXE=path names another build of it (e.g.
# a ReadyToRun publish), starts its loopback server (--serve, in
# its own process, stops by itself after 10 minutes), then runs `--cold-start a`, `c` and `d` in
# turn N times each, after one untimed run of each (disk cache). (c) is the Refit contract through
# Refit.HttpClientFactory in a container, the floor under (d). Each run
# prints since_launch_ms (from this script's clock reading just before it started the process, runtime
# start-up included), since_process_start_ms (kernel start time, 10 ms resolution), in_main_ms
# (from Main) and cpu_ms (CPU time of the process, all threads: barely affected by other load on
# the machine); this script adds process_ms (start to exit). Prints the medians and the (d)/(a)
# ratios of since_launch_ms (the target, <= 1.5) and of cpu_ms, and (c)/(a). Exits non-zero when a run fails or
# the target is missed.
set -euo pipefail

n=${1:-10}
here=$(cd "$(dirname "$0")" && pwd)
exe=${EXE:-"$here/bin/Release/net10.0/AuthingClient.Benchmarks"}
work=$(mktemp -d /tmp/authing-cold-start.XXXXXX)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ -z "${SKIP_BUILD:-}" ] && [ -z "${EXE:-}" ]; then
  dotnet build "$here" -c Release -v:q -nologo > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
fi

"$exe" --serve --seconds 600 > "$work/serve.out" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  url=$(head -1 "$work/serve.out" 2>/dev/null || true)
  case "$url" in http://127.0.0.1:*) break ;; esac
  sleep 0.1
done
case "$url" in http://127.0.0.1:*) ;; *) echo "the loopback server did not start:"; cat "$work/serve.out"; exit 1 ;; esac
echo "loopback server at $url; machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

run() { # run VARIANT -> one result line plus process_ms
  local start line end
  start=$EPOCHREALTIME
  line=$("$exe" --cold-start "$1" --url "$url" --launched-at "$start")
  end=$EPOCHREALTIME
  echo "$line process_ms=$(echo "($end - $start) * 1000" | bc)"
}

# (c) is the floor the library sits on: the Refit contract registered through
# Refit.HttpClientFactory in a container, resolved, called once. (d) − (c) is the library's own share.
variants="a c d"
for variant in $variants; do run "$variant" > /dev/null; done
for i in $(seq 1 "$n"); do
  for variant in $variants; do
    line=$(run "$variant")
    echo "$line" | tee -a "$work/results"
    case "$line" in *revoked=true*) ;; *) echo "run $i of ($variant) did not revoke"; exit 1 ;; esac
  done
done

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
field() { grep "variant=$1 " "$work/results" | tr ' ' '\n' | sed -n "s/^$2=//p" | median; }

echo
printf '%-8s %16s %23s %11s %8s %11s\n' variant since_launch_ms since_process_start_ms in_main_ms cpu_ms process_ms
for variant in $variants; do
  printf '(%s)      %16.1f %23.1f %11.1f %8.0f %11.1f\n' "$variant" \
    "$(field "$variant" since_launch_ms)" "$(field "$variant" since_process_start_ms)" \
    "$(field "$variant" in_main_ms)" "$(field "$variant" cpu_ms)" "$(field "$variant" process_ms)"
done
ratio=$(echo "scale=3; $(field d since_launch_ms) / $(field a since_launch_ms)" | bc)
cpu_ratio=$(echo "scale=3; $(field d cpu_ms) / $(field a cpu_ms)" | bc)
floor=$(echo "scale=3; $(field c since_launch_ms) / $(field a since_launch_ms)" | bc)
printf '\nmedians of %s runs each; (d)/(a) time to first revocation = %.2f (target <= 1.50); CPU time %.2f; (c)/(a) = %.2f\n' "$n" "$ratio" "$cpu_ratio" "$floor"
[ "$(echo "$ratio <= 1.5" | bc)" -eq 1 ]
