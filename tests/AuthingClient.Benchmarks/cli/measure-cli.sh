#!/usr/bin/env bash
# The CLI as an incident tool (issue 12): rate, throttling, journal after kill -9, start-up, package.
#
#   tests/AuthingClient.Benchmarks/cli/measure-cli.sh [BEFORE_TOOL]
#
# Packs the tool from a copy of the repository in /tmp (Release), installs it with `dotnet tool
# install --tool-path`, and runs it against loopback-authing.py (127.0.0.1 only):
#   rate      600 tokens, --rate 100 --concurrency 32: seconds between the server's first and last request
#   throttle  1,500 tokens, --concurrency 64, server allows 150/s (429 + Retry-After: 1 above):
#             wall time vs the 10 s floor, 429 answers, exit code, results, peak RSS
#   bulk      20,000 tokens, --concurrency 64, no limit: tokens/s and peak RSS
#   journal   20,000 tokens with --journal, kill -9 after 6,000 requests (the server answers no more,
#             so the requests after the 6,000th are the ones in flight), then the same command again
#   start-up  one token, process start to first result line, median of 11 runs, against a loopback
#             host and with the stand-in, with the peak RSS of the stand-in run (BEFORE_TOOL too, if
#             given: the path of an `authing-revoke` executable installed from an older package)
# Prints one block per scenario. Timing is measured here, never asserted by the test suite.
set -euo pipefail

before=${1:-}
repo=$(cd "$(dirname "$0")/../../.." && pwd)
here="$repo/tests/AuthingClient.Benchmarks/cli"
work=$(mktemp -d /tmp/authing-cli.XXXXXX)
servers=()
trap 'for p in "${servers[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export AUTHING_APP_ID=bench-app AUTHING_APP_SECRET=bench-secret-0123456789
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time"; exit 1; }

tar -C "$repo" --exclude=./.git --exclude=bin --exclude=obj --exclude=BenchmarkDotNet.Artifacts -cf - . | tar -C "$work/" -xf -
mkdir -p "$work/out" "$work/pkg"
dotnet pack "$work/src/AuthingClient.Cli" -c Release -o "$work/pkg" -v:q -nologo > "$work/out/pack.log" 2>&1 || { tail -30 "$work/out/pack.log"; exit 1; }
dotnet tool install authing-revoke --tool-path "$work/tool" --add-source "$work/pkg" > /dev/null
cli="$work/tool/authing-revoke"
nupkg=$(ls "$work"/pkg/authing-revoke.*.nupkg | grep -v snupkg)
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "package: $(stat -c %s "$nupkg") bytes, $(unzip -l "$nupkg" | grep -c '\.dll$') .dll entries"

tokens() { # COUNT FILE: distinct opaque tokens, one per line
  awk -v n="$1" 'BEGIN { srand(7); a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (i = 0; i < n; i++) { t = sprintf("%08d", i); for (j = 0; j < 35; j++) t = t substr(a, int(rand() * 64) + 1, 1); print t } }' > "$2"
}
port=18300
serve() { # ARGS...: start a server on a fresh port, set $url
  port=$((port + 1)); python3 "$here/loopback-authing.py" "$port" "$@" & servers+=($!); url="http://127.0.0.1:$port"
  for _ in $(seq 50); do curl -sf "$url/stats" > /dev/null && return; sleep 0.1; done; echo "server did not start"; exit 1
}
stat_of() { curl -s "$url/stats" | python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
rss() { sed -n 's/.*Maximum resident set size (kbytes): //p' "$1" | awk '{printf "%.1f", $1/1024}'; }
wall() { sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$1" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }'; }
tokens 600 "$work/out/t600"; tokens 1500 "$work/out/t1500"; tokens 20000 "$work/out/t20000"

echo; echo "== rate: 600 tokens, --rate 100 --concurrency 32"
serve
/usr/bin/time -v "$cli" revoke --from-file "$work/out/t600" --rate 100 --concurrency 32 --app-host "$url" -q > "$work/out/r" 2> "$work/out/e" && code=0 || code=$?
echo "exit $code; results: $(sort "$work/out/r" | uniq -c | tr -s ' ' | tr '\n' ' '); wall $(wall "$work/out/e") s"
echo "server: $(stat_of "d['requests']") requests, first to last $(stat_of "round(d['last'] - d['first'], 2)") s (bounds: >= 5 s, <= 9 s)"

echo; echo "== throttle: 1500 tokens, --concurrency 64, server allows 150/s"
serve --allow 150
/usr/bin/time -v "$cli" revoke --from-file "$work/out/t1500" --concurrency 64 --app-host "$url" > "$work/out/r" 2> "$work/out/e" && code=0 || code=$?
echo "exit $code; results: $(sort "$work/out/r" | uniq -c | tr -s ' ' | tr '\n' ' '); wall $(wall "$work/out/e") s (floor 10 s, bound 15 s); peak RSS $(rss "$work/out/e") MiB"
echo "server: $(stat_of "d['requests']") requests, $(stat_of "d['throttled']") answered 429 ($(stat_of "round(100.0 * d['throttled'] / d['requests'], 1)")%, bound 15%)"
grep 'finished:' "$work/out/e" || true

echo; echo "== bulk: 20000 tokens, --concurrency 64, no limit"
serve
/usr/bin/time -v "$cli" revoke --from-file "$work/out/t20000" --concurrency 64 --app-host "$url" -q > "$work/out/r" 2> "$work/out/e" && code=0 || code=$?
w=$(wall "$work/out/e")
echo "exit $code; results: $(sort "$work/out/r" | uniq -c | tr -s ' ' | tr '\n' ' '); wall $w s, $(awk -v w="$w" 'BEGIN { printf "%.0f", 20000 / w }') tokens/s; peak RSS $(rss "$work/out/e") MiB"

echo; echo "== journal: 20000 tokens, --concurrency 64, kill -9 after 6000 requests, then the same command"
serve --hold-after 6000
journal="$work/out/run.journal"
"$cli" revoke --from-file "$work/out/t20000" --concurrency 64 --journal "$journal" --app-host "$url" -q > "$work/out/r1" 2> /dev/null & pid=$!
while [ "$(stat_of "d['requests']")" -lt 6000 ]; do sleep 0.1; done
sleep 1  # the requests after the 6,000th reach the server and wait there, in flight
kill -9 "$pid"; wait "$pid" 2>/dev/null || true
curl -s -X POST "$url/release" > /dev/null
sent1=$(stat_of "d['requests']"); recorded=$(($(wc -l < "$journal") - 1))
echo "killed: server saw $sent1 requests; journal holds $recorded settled tokens (mode $(stat -c %a "$journal")); $(wc -l < "$work/out/r1") result lines were printed"
"$cli" revoke --from-file "$work/out/t20000" --concurrency 64 --journal "$journal" --app-host "$url" -q > "$work/out/r2" 2> "$work/out/e2" && code=0 || code=$?
sent2=$(($(stat_of "d['requests']") - sent1))
echo "re-run: exit $code; results: $(sort "$work/out/r2" | uniq -c | tr -s ' ' | tr '\n' ' '); sent $sent2 requests; remaining $((20000 - recorded)); in flight at the kill $((sent1 - recorded)); distinct tokens revoked $(stat_of "d['distinct_tokens']")"

echo; echo "== start-up: one token, process start to the first result line (median of 11)"
serve
startup() { # CLI: median seconds
  for _ in $(seq 11); do
    s=$(date +%s.%N); "$1" revoke startup-token --app-host "$url" | head -1 > /dev/null; e=$(date +%s.%N)
    echo "$e - $s" | bc
  done | sort -n | sed -n 6p
}
startup_stand_in() { # CLI FLAGS...: median seconds with the stand-in, and the peak RSS of one run
  local cli=$1; shift
  for _ in $(seq 11); do
    s=$(date +%s.%N); "$cli" revoke "$@" startup-token 2> /dev/null | head -1 > /dev/null; e=$(date +%s.%N)
    echo "$e - $s" | bc
  done | sort -n | sed -n 6p | tr '\n' ' '
  /usr/bin/time -v "$cli" revoke "$@" startup-token > /dev/null 2> "$work/out/e"; echo "s, peak RSS $(rss "$work/out/e") MiB"
}
echo "this tree, loopback host: $(startup "$cli") s"
[ -n "$before" ] && echo "before,    loopback host: $(startup "$before") s"
echo "this tree, --stand-in: $(startup_stand_in "$cli" --stand-in)"
# Before --stand-in existed, the stand-in ran whenever no app host was set.
[ -n "$before" ] && echo "before,    stand-in (no app host): $(env -u AUTHING_APP_HOST bash -c "$(declare -f startup_stand_in rss); work=$work; startup_stand_in $before")"
exit 0
