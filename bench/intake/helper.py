#!/usr/bin/env python3
"""Helpers for bench/intake/run.sh (python3 standard library only).

  helper.py broken CORPUS_DIR START      add 5 broken mails as CORPUS_DIR/<START..START+4>.eml
  helper.py ingest --port P --password PW --expect N --t0 EPOCH --log LOG --pid PID --out JSON
                                         wait for the app to be ready, then until /api/messages total == N
  helper.py latency --port P --password PW --lmtp-port L --rcpt ADDR --count 100 [--burst B] --tag T --out JSON
                                         deliver mails over LMTP, one by one or in bursts of B back to back,
                                         time each until visible in the API
  helper.py apitime --port P --password PW --out JSON
                                         time sequential GETs of /api/messages (nothing else polling)
  helper.py summary OUT_DIR              medians of OUT_DIR/run-*.json
"""
import base64
import http.client
import json
import os
import random
import re
import smtplib
import statistics
import sys
import time
from email.message import EmailMessage
from email.utils import formatdate


BROKEN = [
    # 1. no header block at all: the file starts with body text (no blank line, no header).
    b"Bonjour,\nce message n'a aucun en-tete, juste du texte.\nCordialement\n",
    # 2. binary garbage (NULs, high bytes, no structure).
    None,
    # 3. truncated MIME: multipart whose closing boundary never comes, base64 cut mid-line.
    (b"From: =?utf-8?Q?Ren=C3=A9e_Br=C3=BBl=C3=A9?= <renee@exemple.fr>\n"
     b"To: coloc@bench.test\nSubject: =?utf-8?B?UGnDqGNlIGpvaW50ZSB0cm9ucXXDqWU=?=\n"
     b"Date: Mon, 03 Mar 2025 10:00:00 +0100\nMessage-ID: <broken-truncated-1@bench.test>\n"
     b"MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"BOUNDARY-CUT\"\n\n"
     b"--BOUNDARY-CUT\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
     b"Voici la pi\xc3\xa8ce jointe.\n\n--BOUNDARY-CUT\nContent-Type: application/pdf; name=\"doc.pdf\"\n"
     b"Content-Disposition: attachment; filename=\"doc.pdf\"\nContent-Transfer-Encoding: base64\n\n"
     b"JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFIvRmlsdGVyIC9GbGF0ZURlY29kZT4+CnN0cmVhbQp4nCvkMlAw\n"
     b"MDAwNDAxMDA0Mgo3IDAgb2JqCjw8L1R5cGUvUGFnZS9QYXJlbnQgMyAwIFIvUmVzb3VyY2VzIDYgMCBSL0NvbnRl"),
    # 4. bad charsets: unknown charset declared, 8-bit bytes, bogus encoded words.
    (b"From: =?x-unknown?Q?Jos=E9?= <jose@exemple.fr>\nTo: coloc@bench.test\n"
     b"Subject: =?bogus-charset?Q?R=E9clamation_urgente?= =?utf-8?B?!!!notbase64?=\n"
     b"Date: Tue, 04 Mar 2025 11:00:00 +0100\nMessage-ID: <broken-charset-1@bench.test>\n"
     b"MIME-Version: 1.0\nContent-Type: text/plain; charset=\"x-no-such-charset\"\n"
     b"Content-Transfer-Encoding: 8bit\n\nR\xe9clamation : le montant pr\xe9lev\xe9 est faux \xff\xfe\x80.\n"),
    # 5. malformed headers: a line without a colon, a very long unfolded line, garbage Date,
    #    two Content-Type headers, a boundary that is never used, header/body separator missing.
    (b"From: \"Unclosed quote <a@example.org>\nTo: coloc@bench.test\nSubject: " + b"x" * 3000 + b"\n"
     b"Date: not a date at all\nThis line has no colon and is not folded\n"
     b"Content-Type: multipart/alternative; boundary=\"never-used\"\nContent-Type: text/html\n"
     b"Message-ID: <broken-headers-1@bench.test>\n"
     b"<html><body><p>Body glued to the header block, no blank line</p></body></html>\n"),
]


def broken(corpus, start):
    r = random.Random(7)
    garbage = bytes(r.getrandbits(8) for _ in range(4096))
    for k, data in enumerate(BROKEN):
        if data is None:
            data = garbage
        with open(os.path.join(corpus, "%05d.eml" % (start + k)), "wb") as f:
            f.write(data)
    print("added %d broken mails (%05d..%05d.eml) to %s" % (len(BROKEN), start, start + len(BROKEN) - 1, corpus))


class Api:
    def __init__(self, port, password):
        self.port = port
        self.auth = "Basic " + base64.b64encode(("admin:" + password).encode()).decode()
        self.conn = None

    def get(self, path, auth=True, timeout=10):
        for attempt in (1, 2):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
                headers = {"Authorization": self.auth} if auth else {}
                self.conn.request("GET", path, headers=headers)
                resp = self.conn.getresponse()
                body = resp.read()
                return resp.status, body
            except (OSError, http.client.HTTPException):
                if self.conn is not None:
                    self.conn.close()
                self.conn = None
                if attempt == 2:
                    return None, b""
        return None, b""

    def total(self):
        status, body = self.get("/api/messages?limit=1")
        if status != 200:
            return None
        return json.loads(body)["total"]


def vmhwm_mb(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return None


def ingest(a):
    api = Api(a.port, a.password)
    t0 = a.t0
    deadline = time.time() + a.timeout
    t_ready = t_live = None
    # 1. ready: the log says "ready in" and /health/live is 200
    while time.time() < deadline:
        if not os.path.exists("/proc/%d" % a.pid):
            sys.exit("app process %d died before ready; see %s" % (a.pid, a.log))
        if t_ready is None:
            try:
                with open(a.log, "rb") as f:
                    if b"ready in" in f.read():
                        t_ready = time.time()
            except OSError:
                pass
        if t_ready is not None:
            status, _ = api.get("/health/live", auth=False)
            if status == 200:
                t_live = time.time()
                break
        time.sleep(0.05)
    if t_live is None:
        sys.exit("app not ready after %ds; see %s" % (a.timeout, a.log))
    at_ready = api.total() or 0
    t_first = time.time() if at_ready > 0 else None
    # 2. until total == expected; stop early if the count stalls for 60 s after the first mail shows.
    last, last_change = at_ready, time.time()
    samples = [(round(t_live - t0, 3), at_ready)]
    while time.time() < deadline:
        n = api.total()
        now = time.time()
        if n is not None:
            if n > 0 and t_first is None:
                t_first = now
            if n != last:
                last, last_change = n, now
                samples.append((round(now - t0, 3), n))
            if n >= a.expect:
                break
        if now - last_change > a.stall and last > 0:
            break
        time.sleep(0.1)
    t_done = time.time()
    done = last >= a.expect
    # when the app's reader logged "Mailbox connected" (its own timeMillis), the start of the actual intake
    t_conn = None
    try:
        with open(a.log, "rb") as f:
            for line in f:
                if b"Mailbox connected" in line:
                    mt = re.search(rb"timeMillis: (\d+)", line)
                    if mt:
                        t_conn = int(mt.group(1)) / 1000.0
                    break
    except OSError:
        pass
    res = {
        "expected": a.expect,
        "total": last,
        "complete": done,
        "ready_s": round(t_live - t0, 3),
        "log_ready_s": round(t_ready - t0, 3),
        "visible_at_ready": at_ready,
        "first_visible_s": round(t_first - t0, 3) if t_first else None,
        "done_s": round(t_done - t0, 3),
        "peak_rss_mb": vmhwm_mb(a.pid),
    }
    span_ready = t_done - t_live
    res["msgs_per_s_from_ready"] = round((last - at_ready) / span_ready, 1) if span_ready > 0 else None
    res["msgs_per_s_from_start"] = round(last / (t_done - t0), 1)
    if t_conn:
        res["mailbox_connected_s"] = round(t_conn - t0, 3)
        res["msgs_per_s_from_connected"] = round(last / (t_done - t_conn), 1) if t_done > t_conn else None
    if t_first:
        res["msgs_per_s_from_first_visible"] = round(last / (t_done - t_first), 1) if t_done > t_first else None
    res["progress"] = samples[:: max(1, len(samples) // 40)]
    with open(a.out, "w") as f:
        json.dump(res, f, indent=1)
    print("app_ingest total=%d/%d complete=%s ready_s=%.1f visible_at_ready=%d mailbox_connected_s=%s done_s=%.1f "
          "msgs_per_s_from_ready=%s msgs_per_s_from_connected=%s msgs_per_s_from_start=%s peak_rss_mb=%.0f"
          % (last, a.expect, done, res["ready_s"], at_ready, res.get("mailbox_connected_s"), res["done_s"],
             res["msgs_per_s_from_ready"], res.get("msgs_per_s_from_connected"), res["msgs_per_s_from_start"],
             res["peak_rss_mb"] or -1))
    if not done:
        sys.exit(3)


def pct(values, p):
    """Nearest-rank percentile."""
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(-(-p * len(s) // 100)) - 1))
    return s[k]


def latency_mail(a, r, i):
    mid = "lat-%s-%03d-%08x@bench.test" % (a.tag, i, r.getrandbits(32))
    m = EmailMessage()
    m["From"] = "Latence Bench <bench-%d@exemple.fr>" % i
    m["To"] = a.rcpt
    m["Subject"] = "Mesure de latence n°%d — %s" % (i, a.tag)
    m["Date"] = formatdate(localtime=True)
    m["Message-ID"] = "<%s>" % mid
    m.set_content("Bonjour,\n\nmessage de mesure %d, envoyé par bench/intake.\n\nCordialement\n" % i)
    m.add_alternative("<html><body><p>Bonjour,</p><p>message de mesure <b>%d</b>.</p></body></html>" % i,
                      subtype="html")
    return mid, m.as_bytes()


def latency(a):
    """Mails in bursts of a.burst (1 = one by one), back to back over one LMTP connection, then a pause of
    0.2-0.5 s so that the app goes back to IDLE; each mail timed from its delivery until visible in the API.
    Bursts matter: mail arriving while the app fetches or commits must not wait for the next periodic check."""
    api = Api(a.port, a.password)
    r = random.Random(a.tag)
    lat, missed, gets = [], 0, []
    i = 0
    while i < a.count:
        size = min(a.burst, a.count - i)
        sent = {}  # message id -> delivery time
        lmtp = smtplib.LMTP("127.0.0.1", a.lmtp_port)
        try:
            for _ in range(size):
                mid, data = latency_mail(a, r, i)
                i += 1
                refused = lmtp.sendmail("bench@exemple.fr", [a.rcpt], data)
                if refused:
                    sys.exit("LMTP refused %s: %r" % (mid, refused))
                sent[mid] = time.time()  # LMTP said 250 for the recipient: the mail is saved in the Maildir
        finally:
            try:
                lmtp.quit()
            except smtplib.SMTPException:
                pass
        seen = {}
        last_sent = max(sent.values())
        while len(seen) < len(sent) and time.time() - last_sent < a.timeout:
            tg = time.time()
            status, body = api.get("/api/messages?limit=%d" % (size + 5))
            gets.append(time.time() - tg)
            if status == 200:
                now = time.time()
                for it in json.loads(body).get("items", []):
                    mid = (it.get("messageId") or "").strip("<>")
                    if mid in sent and mid not in seen:
                        seen[mid] = now
            time.sleep(0.02)
        for mid, t_sent in sent.items():
            if mid in seen:
                lat.append(seen[mid] - t_sent)
            else:
                missed += 1
                lat.append(float("inf"))
        time.sleep(0.2 + r.random() * 0.3)  # let the app go back to IDLE
    finite = [x for x in lat if x != float("inf")]
    res = {
        "count": a.count, "burst": a.burst, "missed": missed,
        "p50_ms": round(pct(lat, 50) * 1000, 1) if pct(lat, 50) != float("inf") else None,
        "p95_ms": round(pct(lat, 95) * 1000, 1) if pct(lat, 95) != float("inf") else None,
        "max_ms": round(max(finite) * 1000, 1) if finite else None,
        "min_ms": round(min(finite) * 1000, 1) if finite else None,
        "api_get_p50_ms": round(pct(gets, 50) * 1000, 1) if gets else None,
        "api_get_p95_ms": round(pct(gets, 95) * 1000, 1) if gets else None,
        "api_gets": len(gets),
        "all_ms": [round(x * 1000, 1) if x != float("inf") else None for x in lat],
    }
    with open(a.out, "w") as f:
        json.dump(res, f, indent=1)
    print("latency count=%d burst=%d missed=%d p50_ms=%s p95_ms=%s max_ms=%s min_ms=%s "
          "(GET /api/messages while polling: p50 %s ms, p95 %s ms over %d calls)"
          % (a.count, a.burst, missed, res["p50_ms"], res["p95_ms"], res["max_ms"], res["min_ms"],
             res["api_get_p50_ms"], res["api_get_p95_ms"], len(gets)))


def apitime(a):
    """Sequential GETs of the list the latency poller uses, with nothing else asking: the API's own cost."""
    api = Api(a.port, a.password)
    res = {}
    for q in ("/api/messages?limit=5", "/api/messages?limit=1&status=quarantined"):
        times = []
        for _ in range(a.n):
            t = time.time()
            status, _ = api.get(q)
            times.append(time.time() - t)
            if status != 200:
                sys.exit("GET %s answered %s" % (q, status))
        res[q] = {"p50_ms": round(pct(times, 50) * 1000, 1), "max_ms": round(max(times) * 1000, 1)}
        print("api_idle GET %s x%d: p50 %.1f ms, max %.1f ms" % (q, a.n, res[q]["p50_ms"], res[q]["max_ms"]))
    with open(a.out, "w") as f:
        json.dump(res, f, indent=1)


def summary(out_dir):
    runs = []
    for name in sorted(os.listdir(out_dir)):
        if re.fullmatch(r"run-\d+\.json", name):
            with open(os.path.join(out_dir, name)) as f:
                runs.append(json.load(f))
    if not runs:
        sys.exit("no runs in " + out_dir)
    keys = ["plain_msgs_per_s", "plain_cold_msgs_per_s", "app_msgs_per_s_from_ready",
            "app_msgs_per_s_from_connected", "app_msgs_per_s_from_start", "ratio", "ratio_vs_cold",
            "app_ready_s", "app_peak_rss_mb", "latency_p50_ms", "latency_p95_ms", "latency_max_ms",
            "burst5_p95_ms", "burst5_max_ms", "burst100_max_ms",
            "api_get_p50_ms"]
    med = {}
    print("%-28s %s   median" % ("figure", "  ".join("%10s" % ("run %d" % r["run"]) for r in runs)))
    for k in keys:
        vals = [r.get(k) for r in runs]
        ok = [v for v in vals if v is not None]
        med[k] = round(statistics.median(ok), 3) if ok else None
        print("%-28s %s   %s" % (k, "  ".join("%10s" % v for v in vals), med[k]))
    med["runs"] = len(runs)
    med["goal_ratio_ge_0_5"] = med["ratio"] is not None and med["ratio"] >= 0.5
    med["goal_p95_lt_1s"] = med["latency_p95_ms"] is not None and med["latency_p95_ms"] < 1000
    med["goal_burst_p95_lt_1s"] = med["burst5_p95_ms"] is not None and med["burst5_p95_ms"] < 1000
    print("goal ratio >= 0.5: %s   goal latency p95 < 1 s: %s   goal burst-of-5 latency p95 < 1 s: %s"
          % ("MET" if med["goal_ratio_ge_0_5"] else "MISSED", "MET" if med["goal_p95_lt_1s"] else "MISSED",
             "MET" if med["goal_burst_p95_lt_1s"] else "MISSED"))
    with open(os.path.join(out_dir, "summary.json"), "w") as f:
        json.dump(med, f, indent=1)


def main():
    import argparse
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("broken"); p.add_argument("corpus"); p.add_argument("start", type=int)
    p = sub.add_parser("ingest")
    for k in ("--port", "--expect", "--pid"):
        p.add_argument(k, type=int, required=True)
    p.add_argument("--password", required=True); p.add_argument("--t0", type=float, required=True)
    p.add_argument("--log", required=True); p.add_argument("--out", required=True)
    p.add_argument("--timeout", type=int, default=1200); p.add_argument("--stall", type=int, default=60)
    p = sub.add_parser("latency")
    p.add_argument("--port", type=int, required=True); p.add_argument("--lmtp-port", type=int, required=True)
    p.add_argument("--password", required=True); p.add_argument("--rcpt", required=True)
    p.add_argument("--count", type=int, default=100); p.add_argument("--tag", required=True)
    p.add_argument("--burst", type=int, default=1)
    p.add_argument("--timeout", type=float, default=15.0); p.add_argument("--out", required=True)
    p = sub.add_parser("apitime")
    p.add_argument("--port", type=int, required=True); p.add_argument("--password", required=True)
    p.add_argument("--n", type=int, default=20); p.add_argument("--out", required=True)
    p = sub.add_parser("summary"); p.add_argument("out_dir")
    a = ap.parse_args()
    if a.cmd == "broken":
        broken(a.corpus, a.start)
    elif a.cmd == "ingest":
        ingest(a)
    elif a.cmd == "latency":
        latency(a)
    elif a.cmd == "apitime":
        apitime(a)
    else:
        summary(a.out_dir)


if __name__ == "__main__":
    main()
