#!/usr/bin/env bash
# bench/intake: IMAP intake benchmark of coloc against a private Dovecot on 127.0.0.1.
#
#   bash bench/intake/run.sh [--runs 3] [--messages 10000] [--latency-count 100] [--no-build]
#
# Run from the repo root as root on Debian (installs dovecot-imapd + dovecot-lmtpd if missing).
# Needs ../shared/tools/gen_messages.py (override with SHARED_TOOLS=dir). Per run it:
#   1. starts a fresh Dovecot (own config, 127.0.0.1 only, free ports, Maildir in a temp dir) and fills
#      INBOX with the corpus (N generated mails + 5 broken ones);
#   2. (a) plain Jakarta Mail batch fetch of every message (read-only), 2 passes in one JVM: msgs/s of the
#      warm pass is the baseline, the cold first pass is printed too;
#   3. (b) starts the app on the same mailbox with a fresh data dir, times it until /api/messages
#      total == N+5, msgs/s, peak RSS (VmHWM), then checks the folders;
#   4. latency: delivers mails over LMTP, each timed until visible in /api/messages (IDLE): one by one,
#      then in bursts of 5 back to back, then one burst of 100 (mail arriving during a batch must not
#      wait for the next periodic check);
#   5. stops the app and Dovecot.
# Then prints per-run figures and medians; everything lands in bench/out/ (git-ignored; BENCH_OUT=dir
# to put it elsewhere).
set -euo pipefail

RUNS=3
MESSAGES=10000
LAT_COUNT=100
BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    -r|--runs) RUNS="$2"; shift 2 ;;
    -n|--messages) MESSAGES="$2"; shift 2 ;;
    --latency-count) LAT_COUNT="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) sed -n 2,16p "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
HERE="$ROOT/bench/intake"
SHARED_TOOLS="${SHARED_TOOLS:-$ROOT/../shared/tools}"
OUT="${BENCH_OUT:-$ROOT/bench/out}"
mkdir -p "$OUT"
MAIL_USER="coloc@bench.test"
MAIL_PASS="bench-imap-$$"
ADMIN_PASS="bench-admin-$$"
SEED=42

# shellcheck source=../lib/app.sh
. "$ROOT/bench/lib/app.sh"

# ---------------------------------------------------------------- prerequisites
need_pkgs=()
command -v dovecot >/dev/null 2>&1 || need_pkgs+=(dovecot-imapd)
[ -x /usr/lib/dovecot/imap ] || need_pkgs+=(dovecot-imapd)
[ -x /usr/lib/dovecot/lmtp ] || need_pkgs+=(dovecot-lmtpd)
command -v python3 >/dev/null 2>&1 || need_pkgs+=(python3)
command -v java >/dev/null 2>&1 || need_pkgs+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need_pkgs+=(maven)
command -v curl >/dev/null 2>&1 || need_pkgs+=(curl)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  bench_log "installing ${need_pkgs[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need_pkgs[@]}"
fi
[ -f "$SHARED_TOOLS/gen_messages.py" ] || { echo "no $SHARED_TOOLS/gen_messages.py (set SHARED_TOOLS)" >&2; exit 1; }

bench_build "$BUILD"
mvn -q -B -f "$HERE/pom.xml" dependency:build-classpath -Dmdep.outputFile="$OUT/angus.classpath" >/dev/null
ANGUS_CP="$(cat "$OUT/angus.classpath")"

# ---------------------------------------------------------------- corpus (cached in bench/out)
CORPUS="$OUT/corpus-n$MESSAGES-seed$SEED"
EXPECT=$((MESSAGES + 5))
if [ "$(find "$CORPUS" -maxdepth 1 -name '*.eml' 2>/dev/null | wc -l)" != "$EXPECT" ]; then
  rm -rf "$CORPUS"
  bench_log "generating $MESSAGES mails (seed $SEED)"
  python3 "$SHARED_TOOLS/gen_messages.py" -n "$MESSAGES" --out "$CORPUS" --seed "$SEED"
  python3 "$HERE/helper.py" broken "$CORPUS" $((MESSAGES + 1))
fi
CORPUS_MB="$(du -sm "$CORPUS" | cut -f1)"

bench_machine "dovecot: $(dovecot --version)" \
  "corpus: $EXPECT mails ($MESSAGES generated, seed $SEED, + 5 broken), ${CORPUS_MB} MB on disk" | tee "$OUT/machine.txt"

# ---------------------------------------------------------------- cleanup
TMP="$(mktemp -d /tmp/coloc-bench.XXXXXX)"
chmod 755 "$TMP"
APP_PID=""
DOVECOT_CONF=""
cleanup() {
  set +e
  bench_stop "$APP_PID"
  APP_PID=""
  if [ -n "$DOVECOT_CONF" ]; then
    dovecot -c "$DOVECOT_CONF" stop 2>/dev/null
    DOVECOT_CONF=""
  fi
}
trap 'cleanup; rm -rf "$TMP"' EXIT
trap 'exit 130' INT TERM


doveadm_count() { # mailbox
  doveadm -c "$DOVECOT_CONF" -f flow mailbox status -u "$MAIL_USER" messages "$1" 2>/dev/null | sed 's/.*messages=//' || echo "-"
}

api_total() { # query
  curl -s -u "admin:$ADMIN_PASS" "http://127.0.0.1:$APP_PORT/api/messages?limit=1&$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])' 2>/dev/null || echo "-"
}

run_one() {
  local k="$1" R="$TMP/run$1" RO="$OUT/run-$1"
  rm -rf "$RO"; mkdir -p "$R" "$RO" "$R/state"; chmod 755 "$R"
  read -r IMAP_PORT LMTP_PORT APP_PORT NO_SMTP_PORT <<<"$(bench_free_ports 4)"
  bench_log "run $k: imap $IMAP_PORT, lmtp $LMTP_PORT, app $APP_PORT, dir $R"

  # Dovecot: own config, loopback only, plaintext auth, passwd-file user, Maildir under $R.
  printf '%s:{PLAIN}%s\n' "$MAIL_USER" "$MAIL_PASS" >"$R/passwd"
  chmod 644 "$R/passwd"
  cat >"$R/dovecot.conf" <<EOF
base_dir = $R/run
state_dir = $R/state
log_path = $R/dovecot.log
protocols = imap lmtp
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:~/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN $R/passwd
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=$R/home/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $IMAP_PORT
  }
  inet_listener imaps {
    port = 0
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = $LMTP_PORT
  }
}
protocol imap {
  mail_max_userip_connections = 50
}
protocol lmtp {
  postmaster_address = postmaster@bench.test
}
EOF
  local maildir="$R/home/$MAIL_USER/Maildir"
  python3 "$SHARED_TOOLS/gen_messages.py" --deliver "$maildir" --out "$CORPUS" >/dev/null
  chown -R nobody:nogroup "$R/home"
  DOVECOT_CONF="$R/dovecot.conf"
  dovecot -c "$DOVECOT_CONF"
  bench_wait_port "$IMAP_PORT" 20 || { echo "dovecot did not listen" >&2; cat "$R/dovecot.log" >&2; exit 1; }
  bench_wait_port "$LMTP_PORT" 20 || { echo "dovecot lmtp did not listen" >&2; exit 1; }
  # Build Dovecot's index once (both clients then see an indexed mailbox).
  local inbox; inbox="$(doveadm_count INBOX)"
  bench_log "run $k: INBOX holds $inbox mails"
  [ "$inbox" = "$EXPECT" ] || { echo "INBOX has $inbox, expected $EXPECT" >&2; exit 1; }

  # (a) plain Jakarta Mail batch fetch, read-only.
  bench_log "run $k: (a) plain Jakarta Mail batch fetch"
  java -Xmx1g -cp "$ANGUS_CP" "$HERE/PlainFetch.java" 127.0.0.1 "$IMAP_PORT" "$MAIL_USER" "$MAIL_PASS" 500 | tee "$RO/plain.txt"
  local plain_rate plain_cold
  plain_rate="$(sed -n 's/^plain_fetch .* msgs_per_s=\([0-9.]*\).*/\1/p' "$RO/plain.txt")"
  plain_cold="$(sed -n 's/^plain_fetch .* cold_msgs_per_s=\([0-9.]*\).*/\1/p' "$RO/plain.txt")"
  [ "$(doveadm_count INBOX)" = "$EXPECT" ] || { echo "plain fetch changed INBOX" >&2; exit 1; }

  # (b) the app ingesting the same mailbox from empty.
  bench_log "run $k: (b) app ingest"
  mkdir -p "$R/data"
  local t0; t0="$(date +%s.%N)"
  # intake alone: no acknowledgement goes out (ack-limit 0); an SMTP server must be named with an IMAP host (the
  # start refuses otherwise), and the one named is a port nobody listens on
  bench_start_app "$APP_PORT" "$RO/app.log" COLOC_DATA_DIR="$R/data" COLOC_ADMIN_PASSWORD="$ADMIN_PASS" \
    COLOC_ADDRESS="$MAIL_USER" COLOC_IMAP_HOST=127.0.0.1 COLOC_IMAP_PORT="$IMAP_PORT" COLOC_IMAP_TLS=none \
    COLOC_IMAP_USER="$MAIL_USER" COLOC_IMAP_PASSWORD="$MAIL_PASS" \
    COLOC_SMTP_HOST=127.0.0.1 COLOC_SMTP_PORT="$NO_SMTP_PORT" COLOC_SMTP_TLS=none COLOC_CASES_ACK_LIMIT=0
  local ingest_ok=1
  python3 "$HERE/helper.py" ingest --port "$APP_PORT" --password "$ADMIN_PASS" --expect "$EXPECT" \
    --t0 "$t0" --log "$RO/app.log" --pid "$APP_PID" --out "$RO/ingest.json" || ingest_ok=0
  sleep 2 # let the last MOVE finish
  local left processed quarantine n_ing n_quar
  left="$(doveadm_count INBOX)"; processed="$(doveadm_count Coloc-Processed)"; quarantine="$(doveadm_count Coloc-Quarantine)"
  n_ing="$(api_total status=ingested)"; n_quar="$(api_total status=quarantined)"
  bench_log "run $k: folders INBOX=$left Coloc-Processed=$processed Coloc-Quarantine=$quarantine; api ingested=$n_ing quarantined=$n_quar"

  # latency: LMTP delivery -> visible in /api/messages, app idle in IDLE.
  local lat_ok=1
  if [ "$ingest_ok" = 1 ]; then
    python3 "$HERE/helper.py" apitime --port "$APP_PORT" --password "$ADMIN_PASS" --out "$RO/api_idle.json" || true
    bench_log "run $k: latency over $LAT_COUNT mails (LMTP delivery -> visible in /api/messages)"
    sleep 3
    python3 "$HERE/helper.py" latency --port "$APP_PORT" --password "$ADMIN_PASS" --lmtp-port "$LMTP_PORT" \
      --rcpt "$MAIL_USER" --count "$LAT_COUNT" --tag "r$k-$$" --out "$RO/latency.json" || lat_ok=0
    # bursts: mail arriving while the app fetches or commits must be taken in at once, not at the next poll
    bench_log "run $k: latency over $LAT_COUNT mails in bursts of 5, then one burst of 100"
    python3 "$HERE/helper.py" latency --port "$APP_PORT" --password "$ADMIN_PASS" --lmtp-port "$LMTP_PORT" \
      --rcpt "$MAIL_USER" --count "$LAT_COUNT" --burst 5 --tag "b5-r$k-$$" --out "$RO/burst5.json" || lat_ok=0
    python3 "$HERE/helper.py" latency --port "$APP_PORT" --password "$ADMIN_PASS" --lmtp-port "$LMTP_PORT" \
      --rcpt "$MAIL_USER" --count 100 --burst 100 --timeout 120 --tag "b100-r$k-$$" --out "$RO/burst100.json" || lat_ok=0
  else
    lat_ok=0
  fi
  local rss_all; rss_all="$(awk '/VmHWM/{printf "%.0f", $2/1024}' "/proc/$APP_PID/status" 2>/dev/null || echo "")"
  cleanup
  cp "$R/dovecot.log" "$RO/dovecot.log" 2>/dev/null || true

  python3 - "$RO" "$k" "$plain_rate" "$plain_cold" "$left" "$processed" "$quarantine" "$n_ing" "$n_quar" "$rss_all" "$EXPECT" <<'PY' | tee -a "$OUT/runs.txt"
import json, os, sys
ro, k, plain, plain_cold, left, processed, quarantine, n_ing, n_quar, rss_all, expect = sys.argv[1:]
def load(name):
    p = os.path.join(ro, name)
    return json.load(open(p)) if os.path.exists(p) else {}
ing, lat = load("ingest.json"), load("latency.json")
b5, b100 = load("burst5.json"), load("burst100.json")
num = lambda s: float(s) if s not in ("", "-") else None
r = {"run": int(k), "expected": int(expect), "plain_msgs_per_s": num(plain), "plain_cold_msgs_per_s": num(plain_cold),
     "app_complete": ing.get("complete"), "app_total": ing.get("total"),
     "app_msgs_per_s_from_ready": ing.get("msgs_per_s_from_ready"),
     "app_msgs_per_s_from_start": ing.get("msgs_per_s_from_start"),
     "app_msgs_per_s_from_connected": ing.get("msgs_per_s_from_connected"),
     "app_ready_s": ing.get("ready_s"), "app_visible_at_ready": ing.get("visible_at_ready"),
     "app_done_s": ing.get("done_s"),
     "app_peak_rss_mb": round(ing["peak_rss_mb"]) if ing.get("peak_rss_mb") else None,
     "app_peak_rss_mb_after_latency": num(rss_all),
     "inbox_left": left, "processed": processed, "quarantine": quarantine,
     "api_ingested": n_ing, "api_quarantined": n_quar,
     "latency_p50_ms": lat.get("p50_ms"), "latency_p95_ms": lat.get("p95_ms"),
     "latency_max_ms": lat.get("max_ms"), "latency_missed": lat.get("missed"),
     "burst5_p95_ms": b5.get("p95_ms"), "burst5_max_ms": b5.get("max_ms"), "burst5_missed": b5.get("missed"),
     "burst100_max_ms": b100.get("max_ms"), "burst100_missed": b100.get("missed"),
     "api_get_p50_ms": lat.get("api_get_p50_ms"), "api_get_p95_ms": lat.get("api_get_p95_ms")}
p, a = r["plain_msgs_per_s"], r["app_msgs_per_s_from_ready"]
r["ratio"] = round(a / p, 3) if p and a else None
c = r["plain_cold_msgs_per_s"]
r["ratio_vs_cold"] = round(a / c, 3) if c and a else None
json.dump(r, open(os.path.join(os.path.dirname(ro), "run-%s.json" % k), "w"), indent=1)
print("RUN %s: plain %s msg/s (cold JVM %s) | app %s msg/s from ready (%s from mailbox connected, %s from process start) | "
      "ratio %s (vs cold %s) | peak RSS %s MB | "
      "latency p50 %s ms p95 %s ms max %s ms (missed %s) | bursts of 5: p95 %s ms max %s ms, burst of 100: all in %s ms | "
      "INBOX left %s, processed %s, quarantine %s"
      % (k, p, c, a, r["app_msgs_per_s_from_connected"], r["app_msgs_per_s_from_start"], r["ratio"], r["ratio_vs_cold"],
         r["app_peak_rss_mb"], r["latency_p50_ms"],
         r["latency_p95_ms"], r["latency_max_ms"], r["latency_missed"], r["burst5_p95_ms"], r["burst5_max_ms"],
         r["burst100_max_ms"], left, processed, quarantine))
PY
}

rm -f "$OUT"/run-*.json "$OUT/runs.txt" "$OUT/summary.json"
for ((k = 1; k <= RUNS; k++)); do
  run_one "$k"
done
bench_log "medians over $RUNS run(s)"
python3 "$HERE/helper.py" summary "$OUT" | tee "$OUT/summary.txt"
