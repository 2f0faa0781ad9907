#!/usr/bin/env bash
# Suites 5-7: the replicated revoked-token registry (docs/performance.md, "Fleet").
#
#   tests/AuthingClient.Benchmarks/measure-fleet.sh [check|loopback|propagation|propagation-users|memory|memory-users|outbox]...   (default: all seven)
#
# Starts its own redis-server on a free 127.0.0.1 port (no persistence; stopped by PID on exit),
# builds the benchmarks in Release and runs, against that server:
#   check        BenchmarkDotNet --filter '*RevocationCheck*' '*JwtValidation*' (10k / 1M entries, three token kinds, beside JWT validation)
#   loopback     --fleet-loopback: JwtBearer alone vs with the replicated check vs with the IDistributedCache check
#   propagation  --propagation: time for a mark on one instance to be enforced by another (p50/p99)
#   propagation-users  --propagation --users: the same for per-user revocations
#   memory       --replica-memory: managed heap per entry of a replica that loaded 1,000,000 entries
#   memory-users --replica-memory --users --entries 100000: the same per revoked user
#   outbox       --outbox-marks: what a mark costs its caller with the outbox in memory and with OutboxPath (fsync per mark, per batch)
set -euo pipefail

suites=("$@")
[ ${#suites[@]} -gt 0 ] || suites=(check loopback propagation propagation-users memory memory-users outbox)
here=$(cd "$(dirname "$0")" && pwd)
command -v redis-server >/dev/null || { echo "needs redis-server: apt-get install redis-server"; exit 1; }

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --loglevel warning >/dev/null 2>&1 &
redis_pid=$!
trap 'kill "$redis_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done

dotnet build "$here" -c Release -v:q -nologo >/dev/null
bench="$here/bin/Release/net10.0/AuthingClient.Benchmarks"
for suite in "${suites[@]}"; do
  echo "== $suite"
  case "$suite" in
    check) (cd "$here" && dotnet run -c Release --no-build -- --filter '*RevocationCheck*' '*JwtValidation*') | grep -E '^\|' ;;
    loopback) "$bench" --fleet-loopback --redis "127.0.0.1:$port" ;;
    propagation) "$bench" --propagation --redis "127.0.0.1:$port" ;;
    propagation-users) "$bench" --propagation --users --redis "127.0.0.1:$port" ;;
    memory) "$bench" --replica-memory --redis "127.0.0.1:$port" ;;
    memory-users) "$bench" --replica-memory --users --entries 100000 --redis "127.0.0.1:$port" ;;
    outbox) "$bench" --outbox-marks --redis "127.0.0.1:$port" ;;
    *) echo "unknown suite $suite"; exit 2 ;;
  esac
done
