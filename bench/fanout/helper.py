#!/usr/bin/env python3
"""Helpers for bench/fanout/run.sh (python3 standard library only).

  helper.py load --base URL --password PW --members 1000 --hosts 5 --out DIR
                                     load the inventory through the REST API: MEMBERS affected members with
                                     1-3 VMs each on HOSTS hosts, plus 30 members who must get no mail;
                                     writes DIR/inventory.json
  helper.py announce --base URL --password PW --inventory JSON --dump DIR --counter FILE --out JSON
                                     create a maintenance over the hosts, announce it and time it until the
                                     sink has accepted one mail per affected member
  helper.py extract --dump DIR --out DIR
                                     turn smtp-sink's dump files into the exact mails (.eml) and their
                                     envelopes (manifest.tsv) for PlainSend.java; prints their sizes
  helper.py summary OUT_DIR          medians of OUT_DIR/run-*.json
"""
import base64
import json
import os
import random
import re
import statistics
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone


class Api:
    def __init__(self, base, password):
        self.base = base.rstrip("/")
        self.auth = "Basic " + base64.b64encode(f"admin:{password}".encode()).decode()

    def call(self, method, path, body=None, content_type="application/json", timeout=600):
        """Answers (status, json or text); never raises on an HTTP error status."""
        headers = {"Authorization": self.auth, "Accept": "application/json"}
        data = None
        if method in ("POST", "PUT", "PATCH"):
            # the API wants a JSON content type on every write, even one without a body (CSRF guard)
            data = b"" if body is None else json.dumps(body).encode()
            headers["Content-Type"] = content_type
        req = urllib.request.Request(self.base + path, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                status, raw = r.status, r.read()
        except urllib.error.HTTPError as e:
            status, raw = e.code, e.read()
        try:
            return status, json.loads(raw) if raw else None
        except ValueError:
            return status, raw.decode("utf-8", "replace")

    def post(self, path, body):
        status, answer = self.call("POST", path, body)
        if status not in (200, 201):
            raise RuntimeError(f"POST {path} -> {status}: {answer}")
        return answer


# ------------------------------------------------------------------------------------------------ load

def load(a):
    api = Api(a.base, a.password)
    rng = random.Random(42)
    t0 = time.time()
    pool = ThreadPoolExecutor(4)

    def host(i, name):
        return api.post("/api/hosts", {"name": name, "model": "Dell R740", "rackPosition": f"U{10 + i}",
                                       "cores": 512, "memoryMiB": 4194304, "storageGiB": 200000})["id"]

    hosts = [host(i, f"garage-{i + 1}") for i in range(a.hosts)]
    other_host = host(a.hosts, "cave-1")  # not in the maintenance

    def member(i, kind):
        lang = "en" if i % 3 == 0 else "fr"
        return api.post("/api/members", {
            "displayName": f"Association {kind} {i}", "email": f"contact{i}@{kind}{i}.example",
            "project": f"Projet {kind} {i}", "language": lang})["id"]

    members = list(pool.map(lambda i: member(i, "asso"), range(a.members)))
    vm_specs = []
    n = 0

    def vm_spec(owner, host_id, status="active"):
        nonlocal n
        n += 1
        k = n
        spec = {"name": f"vm-{k:05d}", "hostname": f"vm{k}.coloc.example", "os": rng.choice(["debian", "alpine"]),
                "osVersion": rng.choice(["12", "3.20"]), "vcpus": rng.choice([1, 2]),
                "memoryMiB": rng.choice([512, 1024, 2048]), "diskGiB": rng.choice([10, 20]),
                "host": host_id, "owner": owner, "status": status,
                "ipv4": [f"10.{k // 250 % 250}.{k % 250}.{1 + k // 62500}"], "ipv6": [f"2001:db8::{k:x}"],
                "domains": [{"name": f"site{k}.asso.example", "certificateExpires": "2027-06-01"}]}
        if rng.random() < 0.3:
            spec["domains"].append({"name": f"www.site{k}.asso.example", "certificateExpires": "2027-06-01"})
        vm_specs.append(spec)

    for m in members:
        for _ in range(rng.randint(1, 3)):
            vm_spec(m, rng.choice(hosts))
    # members who must get no mail: no VM at all, only decommissioned VMs there, VMs only on another host
    no_vm = list(pool.map(lambda i: member(i, "sans-vm"), range(10)))
    decommissioned = list(pool.map(lambda i: member(i, "ancienne-vm"), range(10)))
    elsewhere = list(pool.map(lambda i: member(i, "ailleurs"), range(10)))
    for m in decommissioned:
        vm_spec(m, rng.choice(hosts), "decommissioned")
    for m in elsewhere:
        vm_spec(m, other_host)
    vms = list(pool.map(lambda s: api.post("/api/vms", s)["id"], vm_specs))
    affected_vms = sum(1 for s in vm_specs if s["owner"] in set(members))
    inv = {"hosts": hosts, "other_host": other_host, "members": members, "vms": len(vms),
           "affected_vms": affected_vms, "not_affected_members": no_vm + decommissioned + elsewhere,
           "seconds": round(time.time() - t0, 1)}
    with open(os.path.join(a.out, "inventory.json"), "w") as f:
        json.dump(inv, f)
    print(f"loaded {len(hosts) + 1} hosts, {len(members)} affected members with {affected_vms} VMs on "
          f"{len(hosts)} hosts, 30 members who must get no mail, {len(vms)} VMs in all, in {inv['seconds']} s")


# -------------------------------------------------------------------------------------------- announce

def sink_count(counter_file):
    """smtp-sink -c writes 'sess=N quit=N mesg=N' records separated by CR; the last one is current."""
    try:
        with open(counter_file, "rb") as f:
            f.seek(max(0, os.path.getsize(counter_file) - 200))
            tail = f.read().decode("ascii", "replace")
    except OSError:
        return 0
    found = re.findall(r"mesg=(\d+)", tail)
    return int(found[-1]) if found else 0


def dumps(dump_dir):
    """(count, newest mtime) of the dump files: smtp-sink writes the last line of a mail when it gets '.'."""
    count, newest = 0, 0.0
    try:
        with os.scandir(dump_dir) as it:
            for e in it:
                if e.is_file():
                    count += 1
                    newest = max(newest, e.stat().st_mtime)
    except FileNotFoundError:
        pass
    return count, newest


def announce(a):
    api = Api(a.base, a.password)
    with open(a.inventory) as f:
        inv = json.load(f)
    expected = len(inv["members"])
    # a window a week ahead, at night in Paris, so that no reminder is due while the bench runs
    start = (datetime.now(timezone.utc) + timedelta(days=7)).replace(hour=0, minute=30, second=0, microsecond=0)
    body = {"title": "Remplacement des disques des garages",
            "description": "Les serveurs des garages seront arrêtés pour changer leurs disques. "
                           "Vos machines virtuelles seront éteintes proprement puis redémarrées.",
            "titleEn": "Disk replacement in the garages",
            "descriptionEn": "The garage servers will be stopped to replace their disks. "
                             "Your virtual machines will be shut down cleanly and started again.",
            "start": start.isoformat(), "end": (start + timedelta(hours=2)).isoformat(),
            "timeZone": "Europe/Paris", "hosts": inv["hosts"]}
    status, created = api.call("POST", "/api/maintenances", body)
    if status in (404, 405):
        sys.exit(f"FAILED: this build has no maintenance API (POST /api/maintenances answered {status}). "
                 "bench/fanout needs issue 10's /api/maintenances and /api/maintenances/{id}/announce.")
    if status not in (200, 201) or not isinstance(created, dict) or "id" not in created:
        sys.exit(f"FAILED: POST /api/maintenances answered {status}: {created}")
    mid = created["id"]
    status, audience = api.call("GET", f"/api/maintenances/{mid}/audience")
    audience_total = audience.get("total") if status == 200 and isinstance(audience, dict) else None
    if audience_total is None:
        print(f"note: GET /api/maintenances/{mid}/audience answered {status}; expecting {expected} mails")
    elif audience_total != expected:
        print(f"WARNING: the audience holds {audience_total} members, the bench made {expected} affected ones")

    base_count, _ = dumps(a.dump)
    base_msgs = sink_count(a.counter)
    t0 = time.time()
    status, answer = api.call("POST", f"/api/maintenances/{mid}/announce")
    t_answer = time.time()
    if status in (404, 405):
        sys.exit(f"FAILED: POST /api/maintenances/{mid}/announce answered {status}: {answer}; "
                 "this build has no announce action")
    if status not in (200, 201, 202, 204):
        sys.exit(f"FAILED: POST /api/maintenances/{mid}/announce answered {status}: {answer}")
    print(f"announce answered {status} after {t_answer - t0:.2f} s; waiting for {expected} mails at the sink")

    curve, last_count, last_change = [], -1, time.time()
    first_at, done_at, done = None, None, False
    while True:
        now = time.time()
        count, newest = dumps(a.dump)
        got = count - base_count
        if got > 0 and first_at is None:
            first_at = now
        curve.append([round(now - t0, 2), got])
        if got != last_count:
            last_count, last_change = got, now
        if got >= expected and sink_count(a.counter) - base_msgs >= expected:
            done = True
            break
        if now - t0 > a.timeout or now - last_change > a.stall:
            break
        time.sleep(0.05)
    # the newest dump's mtime is when the sink took the last '.' of the last mail
    count, newest = dumps(a.dump)
    done_at = newest if done else None
    time.sleep(a.grace)  # anything sent to someone who must get no mail arrives now
    total_after, _ = dumps(a.dump)
    got = total_after - base_count
    r = {"maintenance": mid, "expected": expected, "audience_total": audience_total,
         "announce_status": status, "announce_answer_s": round(t_answer - t0, 3),
         "first_mail_s": round(first_at - t0, 3) if first_at else None,
         "complete": done, "received": got, "extra": max(0, got - expected),
         "seconds": round(done_at - t0, 3) if done else None,
         "mails_per_s": round(expected / (done_at - t0), 1) if done else None,
         "curve": curve[::10]}
    with open(a.out, "w") as f:
        json.dump(r, f, indent=1)
    if not done:
        sys.exit(f"FAILED: the sink accepted {got} of {expected} mails within the time limit "
                 f"({a.timeout} s, or {a.stall} s without a new mail)")
    print(f"app fan-out: {expected} mails accepted by the sink {r['seconds']} s after announce "
          f"({r['mails_per_s']} mails/s; announce answered after {r['announce_answer_s']} s, "
          f"first mail after {r['first_mail_s']} s); extra mails: {r['extra']}")


# --------------------------------------------------------------------------------------------- extract

def extract(a):
    """smtp-sink dumps: its own X-*-Args and 3-line Received header, then the mail as received (still
    dot-stuffed, LF line ends), then one empty line. Writes the mail with CRLF, as it was on the wire."""
    os.makedirs(a.out, exist_ok=True)
    files = sorted((e for e in os.scandir(a.dump) if e.is_file()), key=lambda e: e.stat().st_mtime)
    sizes, with_calendar, with_ics_file, multipart = [], 0, 0, 0
    with open(os.path.join(a.out, "manifest.tsv"), "w") as mf:
        for k, e in enumerate(files, 1):
            with open(e.path, "rb") as f:
                lines = f.read().split(b"\n")
            if lines and lines[-1] == b"":
                lines.pop()
            if lines and lines[-1] == b"":
                lines.pop()  # the empty line smtp-sink appends
            mail_from, rcpts, i = "", [], 0
            while i < len(lines):
                line = lines[i]
                i += 1
                if line.startswith(b"X-Mail-Args: "):
                    mail_from = re.match(rb"X-Mail-Args: <?([^> ]*)", line).group(1).decode()
                elif line.startswith(b"X-Rcpt-Args: "):
                    rcpts.append(re.match(rb"X-Rcpt-Args: <?([^> ]*)", line).group(1).decode())
                elif line.startswith(b"Received: "):
                    while i < len(lines) and lines[i][:1] in (b" ", b"\t"):
                        i += 1
                    break
            body = [l[1:] if l.startswith(b"..") else l for l in lines[i:]]
            data = b"\r\n".join(l.rstrip(b"\r") for l in body) + b"\r\n"
            name = f"{k:05d}.eml"
            with open(os.path.join(a.out, name), "wb") as out:
                out.write(data)
            mf.write(f"{name}\t{mail_from}\t{','.join(rcpts)}\n")
            sizes.append(len(data))
            low = data.lower()
            with_calendar += b"content-type: text/calendar" in low
            with_ics_file += bool(re.search(rb'filename="?[^"\r\n]*\.ics', low))
            multipart += b"content-type: multipart/" in low
    if not sizes:
        sys.exit("FAILED: no dumped mail in " + a.dump)
    sizes.sort()
    info = {"mails": len(sizes), "bytes_min": sizes[0], "bytes_median": int(statistics.median(sizes)),
            "bytes_max": sizes[-1], "over_8kib": sum(s > 8192 for s in sizes), "multipart": multipart,
            "with_calendar_part": with_calendar, "with_ics_attachment": with_ics_file}
    with open(os.path.join(a.out, "mails.json"), "w") as f:
        json.dump(info, f)
    print(f"captured {info['mails']} mails: {info['bytes_min']}-{info['bytes_max']} bytes "
          f"(median {info['bytes_median']}), over 8 KiB: {info['over_8kib']}, multipart: {multipart}, "
          f"with a text/calendar part: {with_calendar}, with an .ics attachment: {with_ics_file}")
    if info["over_8kib"] < len(sizes):
        print("WARNING: not every mail is over 8 KiB; the figures still compare the same mails")


# --------------------------------------------------------------------------------------------- summary

def summary(out_dir):
    runs = []
    for name in sorted(os.listdir(out_dir)):
        if re.fullmatch(r"run-\d+\.json", name):
            with open(os.path.join(out_dir, name)) as f:
                runs.append(json.load(f))
    if not runs:
        sys.exit("no runs in " + out_dir)
    keys = ["app_mails_per_s", "app_seconds", "announce_answer_s", "first_mail_s",
            "plain_mails_per_s", "plain_cold_mails_per_s", "plain_nagle_mails_per_s",
            "plain_per_connection_mails_per_s", "plain_per_connection_nodelay_mails_per_s", "ratio",
            "mail_bytes_median", "app_peak_rss_mb"]
    med = {}
    print("%-42s %s   median" % ("figure", "  ".join("%10s" % ("run %d" % r["run"]) for r in runs)))
    for k in keys:
        vals = [r.get(k) for r in runs]
        ok = [v for v in vals if v is not None]
        med[k] = round(statistics.median(ok), 3) if ok else None
        print("%-42s %s   %s" % (k, "  ".join("%10s" % v for v in vals), med[k]))
    med["runs"] = len(runs)
    med["goal_ratio_ge_0_5"] = med["ratio"] is not None and med["ratio"] >= 0.5
    goal = "not measured (no app run)" if med["ratio"] is None else "MET" if med["goal_ratio_ge_0_5"] else "MISSED"
    print(f"median of {len(runs)} run(s): app {med['app_mails_per_s']} mails/s, plain Jakarta Mail "
          f"{med['plain_mails_per_s']} mails/s, ratio {med['ratio']}; goal ratio >= 0.5: {goal}")
    with open(os.path.join(out_dir, "summary.json"), "w") as f:
        json.dump(med, f, indent=1)


def main():
    import argparse
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("load")
    p.add_argument("--base", required=True); p.add_argument("--password", required=True)
    p.add_argument("--members", type=int, default=1000); p.add_argument("--hosts", type=int, default=5)
    p.add_argument("--out", required=True)
    p = sub.add_parser("announce")
    p.add_argument("--base", required=True); p.add_argument("--password", required=True)
    p.add_argument("--inventory", required=True); p.add_argument("--dump", required=True)
    p.add_argument("--counter", required=True); p.add_argument("--out", required=True)
    p.add_argument("--timeout", type=float, default=900); p.add_argument("--stall", type=float, default=120)
    p.add_argument("--grace", type=float, default=3)
    p = sub.add_parser("extract"); p.add_argument("--dump", required=True); p.add_argument("--out", required=True)
    p = sub.add_parser("summary"); p.add_argument("out_dir")
    a = ap.parse_args()
    {"load": lambda: load(a), "announce": lambda: announce(a),
     "extract": lambda: extract(a), "summary": lambda: summary(a.out_dir)}[a.cmd]()


if __name__ == "__main__":
    main()
