#!/usr/bin/env bash
# bench/api: REST API throughput and tail latency of the inventory, against the framework floor.
#
#   bash bench/api/run.sh [--runs 3] [--duration 15] [--connections 50] [--no-build]
#
# Run from the repo root as root on Debian (installs wrk if missing). Per run: starts the app on a fresh
# Derby (127.0.0.1, free port), loads 50 hosts, 300 members and 1,000 VMs through the API, then runs wrk
# (2 threads, 50 connections, Bearer token) against
#   floor  GET /api/ping                       (HTTP + auth + JAX-RS + JSON, nothing else)
#   list   GET /api/vms?limit=50&sort=name
#   one    GET /api/vms/{id}                   (random id of the loaded VMs)
# and prints req/s, p99 and the ratio of each to the floor; medians over the runs at the end.
# Goal (issue 3): ratio >= 0.5 and p99 < 50 ms at 50 connections. Output in bench/out/api/.
set -euo pipefail

RUNS=3
DURATION=15
CONNECTIONS=50
BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) sed -n 2,14p "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
HERE="$ROOT/bench/api"
OUT="${BENCH_OUT:-$ROOT/bench/out}/api"
mkdir -p "$OUT"
# shellcheck source=../lib/app.sh
. "$ROOT/bench/lib/app.sh"

if ! command -v wrk >/dev/null 2>&1; then
  bench_log "installing wrk"
  apt-get -o DPkg::Lock::Timeout=300 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq wrk >/dev/null
fi
bench_build "$BUILD"

APP_PID=""
trap 'bench_stop "$APP_PID"' EXIT

# wrk --latency output -> "req_per_s p99_ms"
parse_wrk() {
  python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
m = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", text)
p99 = float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
print(f"{rps:.1f} {p99:.2f} {errors.group(1) if errors else 0}")
PY
}

: > "$OUT/runs.txt"
for k in $(seq 1 "$RUNS"); do
  R="$OUT/run-$k"; rm -rf "$R"; mkdir -p "$R/data"
  PORT="$(bench_free_port)"; PASS="bench-$$-$k"
  bench_log "run $k: starting the app on 127.0.0.1:$PORT"
  bench_start_app "$PORT" "$R/app.log" COLOC_DATA_DIR="$R/data" COLOC_ADMIN_PASSWORD="$PASS" \
    COLOC_LOCAL_MAILBOX_SMTP_PORT="$(bench_free_port)" COLOC_LOCAL_MAILBOX_IMAP_PORT="$(bench_free_port)"
  bench_await_app "$PORT" "$R/app.log"
  BASE="http://127.0.0.1:$PORT"
  bench_log "run $k: loading the inventory"
  python3 "$HERE/load.py" "$BASE" "$PASS" "$R" | tee "$R/load.txt"
  TOKEN="$(cat "$R/token")"
  export TOKEN VM_IDS="$R/vm_ids.txt"
  AUTH="Authorization: Bearer $TOKEN"
  # warm the JIT and the pools on every endpoint first
  for path in /api/ping "/api/vms?limit=50&sort=name" "/api/vms/$(head -1 "$R/vm_ids.txt")"; do
    wrk -t2 -c"$CONNECTIONS" -d5s -H "$AUTH" "$BASE$path" >/dev/null
  done
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "$AUTH" "$BASE/api/ping" >"$R/floor.txt"
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "$AUTH" "$BASE/api/vms?limit=50&sort=name" >"$R/list.txt"
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$HERE/random_vm.lua" "$BASE" >"$R/one.txt"
  read -r F_RPS F_P99 F_ERR < <(parse_wrk "$R/floor.txt")
  read -r L_RPS L_P99 L_ERR < <(parse_wrk "$R/list.txt")
  read -r O_RPS O_P99 O_ERR < <(parse_wrk "$R/one.txt")
  RSS="$(awk '/VmHWM/{print int($2/1024)}' /proc/$APP_PID/status)"
  echo "$k $F_RPS $F_P99 $L_RPS $L_P99 $O_RPS $O_P99 $RSS $F_ERR $L_ERR $O_ERR" >>"$OUT/runs.txt"
  bench_log "run $k: floor $F_RPS req/s p99 $F_P99 ms | list $L_RPS req/s p99 $L_P99 ms | one $O_RPS req/s p99 $O_P99 ms | non-2xx $F_ERR/$L_ERR/$O_ERR | peak RSS $RSS MB"
  bench_stop "$APP_PID"; APP_PID=""
done

python3 - "$OUT/runs.txt" "$CONNECTIONS" <<'PY' | tee "$OUT/summary.txt"
import statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
med = lambda i: statistics.median(r[i] for r in rows)
floor, fp99, lst, lp99, one, op99, rss = (med(i) for i in range(1, 8))
print(f"median of {len(rows)} run(s), {sys.argv[2]} connections, Bearer token, 1,000 VMs")
print(f"{'endpoint':34} {'req/s':>9} {'p99 ms':>8} {'ratio':>6}")
print(f"{'floor  GET /api/ping':34} {floor:9.1f} {fp99:8.2f} {1:6.2f}")
print(f"{'list   GET /api/vms?limit=50&sort=name':34} {lst:9.1f} {lp99:8.2f} {lst / floor:6.2f}")
print(f"{'one    GET /api/vms/{id}':34} {one:9.1f} {op99:8.2f} {one / floor:6.2f}")
print(f"peak RSS {rss:.0f} MB")
for name, rps, p99 in (("list", lst, lp99), ("one", one, op99)):
    ok = rps / floor >= 0.5 and p99 < 50
    print(f"goal {name}: ratio >= 0.5 and p99 < 50 ms: {'MET' if ok else 'MISSED'}")
PY
