#!/usr/bin/env bash
# bench/fanout: maintenance announcement fan-out of coloc against Postfix's smtp-sink on 127.0.0.1.
#
#   bash bench/fanout/run.sh [--runs 3] [--members 1000] [--hosts 5] [--nagle-sample 100] [--no-build]
#   bash bench/fanout/run.sh --plain-only [--runs 1]      # sink + plain sender only, synthetic mails, no app
#
# Run from the repo root as root on Debian (installs postfix for smtp-sink if missing, with debconf's
# "No configuration": no Postfix is configured or started). Per run it:
#   1. starts smtp-sink on a free port of 127.0.0.1, dumping every mail it accepts to a file in a tmpfs dir
#      and keeping its running counters (-c);
#   2. starts the app on a fresh Derby with its SMTP pointed at the sink (COLOC_SMTP_HOST/PORT, TLS none);
#   3. loads MEMBERS members with 1-3 VMs each on HOSTS hosts (plus 30 members who must get no mail: no VM,
#      only decommissioned VMs, VMs on another host) through /api/members, /api/hosts, /api/vms;
#   4. creates a maintenance over the HOSTS hosts (POST /api/maintenances), announces it
#      (POST /api/maintenances/{id}/announce) and times it until the sink has accepted MEMBERS mails;
#   5. stops the app and sends the very mails the sink captured (their bytes, each to its envelope
#      recipients) with a plain Jakarta Mail sender over ONE connection (PlainSend.java, TCP_NODELAY):
#      three passes (the first is a cold JVM; the best is the baseline), then for comparison a sample with
#      default sockets over one connection, with a connection per mail, and with TCP_NODELAY and a
#      connection per mail;
#   6. prints both rates and the ratio app / plain; medians over the runs at the end (goal ratio >= 0.5).
# Fails clearly when the build has no maintenance API. Output in bench/out/fanout/ (BENCH_OUT=dir).
set -euo pipefail

RUNS=3
MEMBERS=1000
HOSTS=5
NAGLE=100
PASSES=3  # of the plain sender over all the mails: the first is a cold JVM, the best is the baseline
BUILD=1
PLAIN_ONLY=0
while [ $# -gt 0 ]; do
  case "$1" in
    -r|--runs) RUNS="$2"; shift 2 ;;
    --members) MEMBERS="$2"; shift 2 ;;
    --hosts) HOSTS="$2"; shift 2 ;;
    --nagle-sample) NAGLE="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --plain-only) PLAIN_ONLY=1; shift ;;
    -h|--help) sed -n 2,21p "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
HERE="$ROOT/bench/fanout"
OUT="${BENCH_OUT:-$ROOT/bench/out}/fanout"
mkdir -p "$OUT"
ADMIN_PASS="bench-admin-$$"
# shellcheck source=../lib/app.sh
. "$ROOT/bench/lib/app.sh"

# ---------------------------------------------------------------- prerequisites
if ! command -v smtp-sink >/dev/null 2>&1; then
  bench_log "installing postfix (for smtp-sink; not configured, not started)"
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  # keep the package scripts from starting any service while it installs
  own_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && own_policy=1
  fi
  apt-get -o DPkg::Lock::Timeout=300 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends postfix >/dev/null
  [ "$own_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d
fi
for tool in java mvn curl python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "needs $tool" >&2; exit 1; }
done
if [ "$PLAIN_ONLY" = 0 ]; then
  bench_build "$BUILD"
fi
mvn -q -B -f "$HERE/pom.xml" dependency:build-classpath -Dmdep.outputFile="$OUT/angus.classpath" >/dev/null
ANGUS_CP="$(cat "$OUT/angus.classpath")"

bench_machine "postfix: $(dpkg-query -W -f '${Version}' postfix 2>/dev/null || echo '?')" \
  "members: $MEMBERS affected on $HOSTS hosts; plain-only: $PLAIN_ONLY" | tee "$OUT/machine.txt"

# ---------------------------------------------------------------- processes and cleanup
SHM=/dev/shm; [ -d "$SHM" ] && [ -w "$SHM" ] || SHM=/tmp
TMP="$(mktemp -d "$SHM/coloc-fanout.XXXXXX")"
chmod 755 "$TMP"
APP_PID=""
SINK_PID=""
cleanup() { set +e; bench_stop "$APP_PID"; APP_PID=""; bench_stop "$SINK_PID"; SINK_PID=""; }
trap 'cleanup; rm -rf "$TMP"' EXIT
trap 'exit 130' INT TERM

sink_msgs() { python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import helper; print(helper.sink_count(sys.argv[2]))' "$HERE" "$1"; }

run_one() {
  local k="$1" S="$TMP/sink$1" RO="$OUT/run-$1"
  rm -rf "$RO"; mkdir -p "$RO" "$S"
  local SINK_PORT APP_PORT LSMTP LIMAP
  read -r SINK_PORT APP_PORT LSMTP LIMAP <<<"$(bench_free_ports 4)"

  # smtp-sink drops its privileges when started as root; its dump dir must be its own
  local as_user=()
  if [ "$(id -u)" = 0 ]; then as_user=(-u nobody); chown nobody "$S"; fi
  smtp-sink "${as_user[@]}" -c -d "$S/dump/%H%M%S." "127.0.0.1:$SINK_PORT" 256 >"$S/counter.txt" 2>"$RO/sink.err" &
  SINK_PID=$!
  bench_wait_port "$SINK_PORT" 10 || { echo "smtp-sink did not listen" >&2; cat "$RO/sink.err" >&2; exit 1; }
  bench_log "run $k: smtp-sink on 127.0.0.1:$SINK_PORT (dumps in $S/dump)"

  local app_json="{}" rss="" mails="$S/mails"
  if [ "$PLAIN_ONLY" = 0 ]; then
    mkdir -p "$S/data"
    bench_log "run $k: starting the app on 127.0.0.1:$APP_PORT, SMTP to the sink"
    bench_start_app "$APP_PORT" "$RO/app.log" COLOC_DATA_DIR="$S/data" COLOC_ADMIN_PASSWORD="$ADMIN_PASS" \
      COLOC_ADDRESS=coloc@bench.test COLOC_SMTP_HOST=127.0.0.1 COLOC_SMTP_PORT="$SINK_PORT" COLOC_SMTP_TLS=none \
      COLOC_LOCAL_MAILBOX_SMTP_PORT="$LSMTP" COLOC_LOCAL_MAILBOX_IMAP_PORT="$LIMAP"
    bench_await_app "$APP_PORT" "$RO/app.log" || exit 1
    local BASE="http://127.0.0.1:$APP_PORT"
    bench_log "run $k: loading the inventory"
    python3 "$HERE/helper.py" load --base "$BASE" --password "$ADMIN_PASS" --members "$MEMBERS" --hosts "$HOSTS" \
      --out "$RO" | tee "$RO/load.txt"
    bench_log "run $k: announcing the maintenance"
    python3 "$HERE/helper.py" announce --base "$BASE" --password "$ADMIN_PASS" --inventory "$RO/inventory.json" \
      --dump "$S/dump" --counter "$S/counter.txt" --out "$RO/app.json" | tee "$RO/announce.txt"
    app_json="$RO/app.json"
    rss="$(awk '/VmHWM/{printf "%.0f", $2/1024}' "/proc/$APP_PID/status" 2>/dev/null || echo "")"
    bench_stop "$APP_PID"; APP_PID=""
    # what the app sent, as the sink got it; the sink dumps later mails into a new dump dir
    mv "$S/dump" "$S/app-dump"
    python3 "$HERE/helper.py" extract --dump "$S/app-dump" --out "$mails" | tee "$RO/mails.txt"
    cp "$mails/mails.json" "$RO/mails.json"
    # (not ls | head: with pipefail, ls killed by SIGPIPE on a long listing ended the whole script here)
    local emls=("$mails"/*.eml)
    mkdir -p "$RO/sample"; cp -t "$RO/sample" "${emls[@]:0:3}"
  else
    java -cp "$ANGUS_CP" "$HERE/PlainSend.java" synth "$mails" "$MEMBERS"
    python3 - "$mails" "$RO/mails.json" <<'PY'
import json, os, statistics, sys
sizes = sorted(os.path.getsize(os.path.join(sys.argv[1], f)) for f in os.listdir(sys.argv[1]) if f.endswith(".eml"))
json.dump({"mails": len(sizes), "bytes_median": int(statistics.median(sizes)), "synthetic": True}, open(sys.argv[2], "w"))
print(f"synthetic mails: {sizes[0]}-{sizes[-1]} bytes")
PY
  fi

  bench_log "run $k: plain Jakarta Mail sender, one connection"
  local before after
  before="$(sink_msgs "$S/counter.txt")"
  java -Xmx512m -cp "$ANGUS_CP" "$HERE/PlainSend.java" send "$mails" 127.0.0.1 "$SINK_PORT" "$PASSES" "$NAGLE" | tee "$RO/plain.txt"
  sleep 0.5
  after="$(sink_msgs "$S/counter.txt")"
  bench_stop "$SINK_PID"; SINK_PID=""

  python3 - "$RO" "$k" "$app_json" "$rss" "$before" "$after" "$NAGLE" "$PASSES" <<'PY' | tee -a "$OUT/runs.txt"
import json, os, re, sys
ro, k, app_json, rss, before, after, nagle, passes = sys.argv[1:]
app = json.load(open(app_json)) if app_json != "{}" else {}
mails = json.load(open(os.path.join(ro, "mails.json")))
plain = open(os.path.join(ro, "plain.txt")).read()
m = re.search(r"^plain_send mails=(\d+) bytes=\d+ mails_per_s=([\d.]+) cold_mails_per_s=([\d.]+) nagle_mails_per_s=([\d.]+)"
              r" per_connection_mails_per_s=([\d.]+) per_connection_nodelay_mails_per_s=([\d.]+)", plain, re.M)
n = int(m.group(1))
best, cold, nag, per_conn, per_conn_nd = (float(m.group(i)) for i in range(2, 7))
sink_took = int(after) - int(before)
expect_sink = int(passes) * n + 3 * min(int(nagle), n)
if sink_took != expect_sink:
    sys.exit(f"FAILED: the sink counted {sink_took} mails from the plain sender, expected {expect_sink}")
r = {"run": int(k), "mails": n, "mail_bytes_median": mails.get("bytes_median"),
     "app_mails_per_s": app.get("mails_per_s"), "app_seconds": app.get("seconds"),
     "announce_answer_s": app.get("announce_answer_s"), "first_mail_s": app.get("first_mail_s"),
     "app_extra_mails": app.get("extra"), "audience_total": app.get("audience_total"),
     "app_peak_rss_mb": int(rss) if rss else None,
     "plain_mails_per_s": best, "plain_cold_mails_per_s": cold, "plain_nagle_mails_per_s": nag or None,
     "plain_per_connection_mails_per_s": per_conn or None,
     "plain_per_connection_nodelay_mails_per_s": per_conn_nd or None,
     "plain_sink_counted": sink_took}
r["ratio"] = round(r["app_mails_per_s"] / best, 3) if r["app_mails_per_s"] else None
json.dump(r, open(os.path.join(os.path.dirname(ro), f"run-{k}.json"), "w"), indent=1)
print(f"RUN {k}: app {r['app_mails_per_s']} mails/s ({n} mails in {r['app_seconds']} s from announce; "
      f"announce answered in {r['announce_answer_s']} s) | plain Jakarta Mail, one connection, TCP_NODELAY: "
      f"{best} mails/s (cold {cold}; default sockets {nag}; a connection per mail {per_conn}, with TCP_NODELAY {per_conn_nd}) | ratio app/plain {r['ratio']} | "
      f"median mail {r['mail_bytes_median']} bytes | app peak RSS {r['app_peak_rss_mb']} MB")
PY
}

rm -f "$OUT"/run-*.json "$OUT/runs.txt" "$OUT/summary.json"
for ((k = 1; k <= RUNS; k++)); do
  run_one "$k"
done
bench_log "medians over $RUNS run(s)"
python3 "$HERE/helper.py" summary "$OUT" | tee "$OUT/summary.txt"
