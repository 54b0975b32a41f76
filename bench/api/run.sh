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
log() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*"; }

if ! command -v wrk >/dev/null 2>&1; then
  log "installing wrk"
  apt-get -o DPkg::Lock::Timeout=300 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq wrk >/dev/null
fi
if [ "$BUILD" = 1 ]; then
  log "building target/coloc.war"
  mvn -q -B package -DskipTests
fi
if [ ! -f target/payara-micro.jar ]; then
  mvn -q -B dependency:copy -Dartifact=fish.payara.extras:payara-micro:6.2025.10 -DoutputDirectory=target \
    -Dmdep.stripVersion=true
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
APP_PID=""
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null; true; }
trap cleanup EXIT

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
  PORT="$(free_port)"; PASS="bench-$$-$k"
  log "run $k: starting the app on 127.0.0.1:$PORT"
  env COLOC_DATA_DIR="$R/data" COLOC_ADMIN_PASSWORD="$PASS" \
    COLOC_LOCAL_MAILBOX_SMTP_PORT="$(free_port)" COLOC_LOCAL_MAILBOX_IMAP_PORT="$(free_port)" \
    java -Xmx512m -jar target/payara-micro.jar --nohazelcast --port "$PORT" \
    --prebootcommandfile server-config/pre-boot-commands.txt --postbootcommandfile server-config/post-boot-commands.txt \
    --logproperties server-config/logging.properties --systemproperties server-config/system.properties \
    --deploy target/coloc.war --contextroot / >"$R/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$PORT/health/live" >/dev/null 2>&1 && break
    sleep 0.5
  done
  BASE="http://127.0.0.1:$PORT"
  log "run $k: loading the inventory"
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
  log "run $k: floor $F_RPS req/s p99 $F_P99 ms | list $L_RPS req/s p99 $L_P99 ms | one $O_RPS req/s p99 $O_P99 ms | non-2xx $F_ERR/$L_ERR/$O_ERR | peak RSS $RSS MB"
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
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
