#!/usr/bin/env bash
# Suite 8: requests during a Sentinel failover (docs/performance.md, "Failover").
#
#   tests/AuthingClient.Benchmarks/measure-failover.sh [runs]   (default 3)
#
# Each run starts a primary, a replica and a Sentinel (redis-server, free 127.0.0.1 ports, no
# persistence), starts the benchmark's --failover-stall app against the Sentinel, kills the primary
# (SIGKILL) once the app is serving, and prints what one client sending GET /me back to back saw
# over the failover: once with the registry following the primary itself, once with a connection
# in StackExchange.Redis's own Sentinel mode. Every process it starts is stopped by PID.
set -euo pipefail

runs=${1:-3}
here=$(cd "$(dirname "$0")" && pwd)
command -v redis-server >/dev/null || { echo "needs redis-server: apt-get install redis-server"; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
pids=()
cleanup() { for pid in "${pids[@]}"; do { kill -9 "$pid"; wait "$pid"; } 2>/dev/null || true; done; pids=(); }
trap cleanup EXIT

until_true() { # bounded: 200 x 50 ms
  for _ in $(seq 1 200); do eval "$1" && return 0; sleep 0.05; done
  echo "timed out: $1"; return 1
}

dotnet build "$here" -c Release -v:q -nologo >/dev/null
bench="$here/bin/Release/net10.0/AuthingClient.Benchmarks"
for run in $(seq 1 "$runs"); do
  for variant in own stock; do
    work=$(mktemp -d)
    p=$(free_port); r=$(free_port); s=$(free_port)
    mkdir -p "$work/p" "$work/r" "$work/s"
    redis-server --port "$p" --bind 127.0.0.1 --save '' --appendonly no --dir "$work/p" --loglevel warning >/dev/null 2>&1 & primary=$!; pids+=("$primary")
    redis-server --port "$r" --bind 127.0.0.1 --save '' --appendonly no --dir "$work/r" --loglevel warning --replicaof 127.0.0.1 "$p" >/dev/null 2>&1 & pids+=($!)
    until_true "redis-cli -p $r info replication 2>/dev/null | grep -q master_link_status:up"
    printf 'port %s\nbind 127.0.0.1\ndir %s\nsentinel monitor probe 127.0.0.1 %s 1\nsentinel down-after-milliseconds probe 1000\nsentinel failover-timeout probe 3000\n' "$s" "$work/s" "$p" > "$work/s/sentinel.conf"
    redis-server "$work/s/sentinel.conf" --sentinel >/dev/null 2>&1 & pids+=($!)
    until_true "redis-cli -p $s sentinel replicas probe 2>/dev/null | grep -q $r"

    flag=(); [ "$variant" = stock ] && flag=(--stock-sentinel)
    "$bench" --failover-stall --redis "127.0.0.1:$s,serviceName=probe" "${flag[@]}" > "$work/out" 2>&1 & app=$!; pids+=("$app")
    until_true "grep -q READY $work/out"
    sleep 2   # some traffic before the failover
    { kill -9 "$primary"; wait "$primary"; } 2>/dev/null || true
    wait "$app"
    echo "run $run: $(grep -v READY "$work/out")"
    cleanup
    rm -rf "$work"
  done
done
