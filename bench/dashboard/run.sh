#!/usr/bin/env bash
# bench/dashboard: how fast the admin's dashboard draws, in headless Chromium, with a full database.
#
#   bash bench/dashboard/run.sh [--cases 10000] [--vms 1000] [--iterations 10] [--no-cold] [--no-build]
#                               [--keep-data]
#
# Run from the repo root as root on Debian (installs chromium, chromium-driver and python3-selenium if missing).
#   1. starts the app from the built WAR exactly as the system tests do (Payara Micro, -Xmx512m, 127.0.0.1, free
#      port, fresh data dir, the built-in mailbox on free ports);
#   2. loads through the app's real paths (load.py): hosts, members and VMs over the REST API; the cases as mails
#      over SMTP to the built-in mailbox (a corpus generated once in bench/out/dashboard/, reused): CASES-1 new
#      conversations, each its own requester and subject, and one thread of 25 mails from one requester (In-Reply-To
#      chained) to which the admin then replies 25 times over the API: a case of 50 messages. Waits until
#      GET /api/cases?limit=1 says total >= CASES; prints how long loading took;
#   3. times the API calls those pages make with curl (the session cookie, 20 calls each, median and min);
#   4. times, in headless Chromium (measure.py), from navigation start to the inbox's first page drawn
#      (#/cases: 50 rows) and to the 50-message case drawn (#/cases/N), ITERATIONS loads each after 2 warm-up
#      loads, with the browser's cache kept (a returning admin) and cleared (cold); median, p90, min, max;
#   5. stops the app.
# --keep-data: keep bench/out/dashboard/data after the run and, when it is there from an earlier run, start on it
# and skip loading (to re-measure after a change to the server; migrations are applied to it at start).
# Goal (issue 12): median < 300 ms for each view. Output: bench/out/dashboard-*.json, bench/out/dashboard/.
set -euo pipefail

CASES=10000
VMS=1000
ITERATIONS=10
COLD=1
BUILD=1
KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --cases) CASES="$2"; shift 2 ;;
    --vms) VMS="$2"; shift 2 ;;
    --iterations) ITERATIONS="$2"; shift 2 ;;
    --no-cold) COLD=0; shift ;;
    --no-build) BUILD=0; shift ;;
    --keep-data) KEEP=1; shift ;;
    -h|--help) sed -n 2,24p "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

# the inbox's first page is 50 rows and the thread is a case of its own: fewer cases would never draw a page
[ "$CASES" -ge 51 ] || { echo "--cases must be at least 51 (the inbox's first page shows 50)" >&2; exit 2; }

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
HERE="$ROOT/bench/dashboard"
OUTROOT="${BENCH_OUT:-$ROOT/bench/out}"
OUT="$OUTROOT/dashboard"
mkdir -p "$OUT"
# shellcheck source=../lib/app.sh
. "$ROOT/bench/lib/app.sh"

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
/usr/bin/python3 -c 'import selenium' 2>/dev/null || need+=(python3-selenium)
command -v curl >/dev/null 2>&1 || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
  bench_log "installing ${need[*]}"
  apt-get -o DPkg::Lock::Timeout=300 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq "${need[@]}" >/dev/null
fi
bench_build "$BUILD"

CORPUS="$OUT/corpus-n$CASES"
if [ "$(find "$CORPUS" -maxdepth 1 -name '*.eml' 2>/dev/null | wc -l)" != "$((CASES + 24))" ]; then
  rm -rf "$CORPUS"
  bench_log "generating the corpus: $CASES cases ($((CASES - 1)) single mails + a 25-mail thread)"
  python3 "$HERE/load.py" corpus "$CORPUS" "$CASES"
fi

APP_PID=""
cleanup() {
  bench_stop "$APP_PID"
  APP_PID=""
}
trap cleanup EXIT
trap 'exit 130' INT TERM

DATA="$OUT/data"
LOADED=0
if [ "$KEEP" = 1 ] && [ -f "$OUT/load.json" ] && [ -d "$DATA" ] && [ -f "$OUT/password" ]; then
  LOADED=1
  PASS="$(cat "$OUT/password")"
else
  rm -rf "$DATA" "$OUT/load.json"
  PASS="bench-$$-$RANDOM"
  echo "$PASS" >"$OUT/password"
fi
mkdir -p "$DATA"
PORT="$(bench_free_port)"; SMTP_PORT="$(bench_free_port)"; IMAP_PORT="$(bench_free_port)"
BASE="http://127.0.0.1:$PORT"
bench_machine "chromium: $(/usr/bin/chromium --version 2>/dev/null)" | tee "$OUT/machine.txt"

bench_log "starting the app on $BASE (built-in mailbox SMTP $SMTP_PORT)"
START=$(date +%s.%N)
bench_start_app "$PORT" "$OUT/app.log" COLOC_DATA_DIR="$DATA" COLOC_ADMIN_PASSWORD="$PASS" \
  COLOC_LOCAL_MAILBOX_SMTP_PORT="$SMTP_PORT" COLOC_LOCAL_MAILBOX_IMAP_PORT="$IMAP_PORT"
bench_await_app "$PORT" "$OUT/app.log" /health/ready
bench_log "ready after $(python3 -c "import time; print(round(time.time() - $START, 1))") s"

if [ "$LOADED" = 1 ]; then
  bench_log "reusing the data loaded earlier ($(python3 -c "import json; print(json.load(open('$OUT/load.json'))['seconds'])"))"
else
  bench_log "loading $CASES cases and $VMS VMs"
  python3 "$HERE/load.py" load "$BASE" "$PASS" "$SMTP_PORT" "$CORPUS" "$CASES" "$VMS" "$OUT" | tee "$OUT/load.txt"
fi
CASE="$(python3 -c "import json; print(json.load(open('$OUT/load.json'))['thread_case'])")"

# the API calls the two pages make, timed alone with the session cookie the browser would send
JAR="$OUT/cookies"
curl -s -c "$JAR" -o /dev/null -H 'Content-Type: application/json' -H 'X-Requested-With: coloc-dashboard' \
  -d "{\"user\":\"admin\",\"password\":\"$PASS\"}" "$BASE/api/session"
api_time() { # path -> "median min" of 20 calls in ms (after 5 unmeasured ones)
  for _ in $(seq 5); do curl -s -o /dev/null -b "$JAR" -H 'X-Requested-With: coloc-dashboard' "$BASE$1"; done
  for _ in $(seq 20); do
    curl -s -o /dev/null -b "$JAR" -H 'X-Requested-With: coloc-dashboard' -w '%{time_total}\n' "$BASE$1"
  done | sort -n | awk '{a[NR]=$1} END {printf "%8.1f ms (min %.1f)", (a[10]+a[11])/2*1000, a[1]*1000}'
}
: >"$OUT/api.txt"
# what the inbox asks (the page, the counts per state in one request, the maintenances of its filter) and the case
for path in /api/session "/api/cases?limit=50" /api/cases/counts "/api/maintenances?limit=200&sort=-start" \
    "/api/cases/$CASE"; do
  printf '%-42s %s\n' "GET $path" "$(api_time "$path")" | tee -a "$OUT/api.txt"
done

bench_log "measuring in headless Chromium ($ITERATIONS loads per view and cache mode, after 2 warm-up loads)"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
COLD_FLAG=(); [ "$COLD" = 1 ] || COLD_FLAG=(--no-cold)
/usr/bin/python3 "$HERE/measure.py" "$BASE" "$PASS" "$CASE" "$OUT/measure.json" --iterations "$ITERATIONS" \
  "${COLD_FLAG[@]}" | tee "$OUT/measure.txt"
RSS="$(awk '/VmHWM/{print int($2/1024)}' /proc/$APP_PID/status)"

python3 - "$OUT" "$OUTROOT/dashboard-$STAMP.json" "$RSS" <<'PY' | tee "$OUT/summary.txt"
import json, sys
out, target, rss = sys.argv[1], sys.argv[2], int(sys.argv[3])
load = json.load(open(f"{out}/load.json"))
m = json.load(open(f"{out}/measure.json"))
machine = dict(line.rstrip("\n").split(": ", 1) for line in open(f"{out}/machine.txt") if ": " in line)
api = [line.rstrip() for line in open(f"{out}/api.txt")]
print(f"{load['cases']} cases, {load['vms']} VMs; case #{load['thread_case']} has {load['thread_messages']} messages")
print(f"loading took {load['seconds']['total']} s ({load['seconds']})")
print(f"{'view':14} {'median':>8} {'p90':>8} {'min':>8} {'max':>8}  requests  goal < 300 ms")
for key, r in m["results"].items():
    s = r["drawn_ms"]
    print(f"{key:14} {s['median']:8.1f} {s['p90']:8.1f} {s['min']:8.1f} {s['max']:8.1f}  {r['requests']:8}  "
          f"{'MET' if s['median'] < 300 else 'MISSED'}")
print(f"app peak RSS {rss} MB")
json.dump({"machine": machine, "load": load, "api_ms": api, "peak_rss_mb": rss, **m}, open(target, "w"), indent=2)
print(f"written {target}")
PY
if [ "$KEEP" = 0 ]; then
  cleanup
  rm -rf "$DATA"
fi
