#!/usr/bin/env python3
"""Loads bench/dashboard's data through the application's real paths.

usage: load.py corpus DIR CASES        writes DIR/*.eml once: CASES-1 new conversations + one 25-mail thread
       load.py load BASE PASSWORD SMTP_PORT DIR CASES VMS OUT
         - inventory over the REST API: VMS/20 hosts, VMS*3/10 members, VMS VMs (each with owner and host);
         - the corpus over SMTP to the built-in mailbox (coloc@localhost), one connection per 1,000 mails;
         - waits until GET /api/cases?limit=1 says total >= CASES;
         - 25 admin replies over the API to the thread's case, so that it holds 50 messages.
       Writes OUT/load.json (timings, the thread's case number) and prints a summary.
"""
import base64
import json
import os
import random
import smtplib
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone

THREAD_REQUESTER = "fil.long@bench-thread.example"
THREAD_MAILS = 25  # from the requester; the admin's 25 replies over the API make 50 messages
ADMIN_REPLIES = 50 - THREAD_MAILS

SUBJECTS_FR = ["Problème d'accès à ma VM", "Demande de sauvegarde", "Renouvellement du certificat de {d}",
               "Migration vers Debian 13", "Nouvelle adresse IPv6 pour {d}", "Facture de l'hébergement",
               "Mise à jour du noyau", "Quota disque atteint sur {d}", "Ouverture du port 25",
               "Réinitialisation du mot de passe"]
SUBJECTS_EN = ["Cannot reach my VM", "Backup request", "Certificate renewal for {d}", "Upgrade to Debian 13",
               "New IPv6 address for {d}", "Hosting invoice", "Kernel update", "Disk quota reached on {d}",
               "Please open port 25", "Password reset"]
LINES_FR = ["Bonjour,", "Depuis ce matin, le site ne répond plus.", "Pourriez-vous regarder ?",
            "Merci d'avance pour votre aide.", "Nous avons redémarré la machine sans succès.",
            "Le problème apparaît aussi en IPv6.", "Bien cordialement,"]
LINES_EN = ["Hello,", "Since this morning the site does not answer.", "Could you have a look?",
            "Thanks in advance for your help.", "We restarted the machine, to no avail.",
            "It fails over IPv6 too.", "Best regards,"]


def mail(index, sender, name, subject, body, date, message_id, in_reply_to=None, references=None):
    headers = [f"From: {name} <{sender}>", "To: coloc@localhost", f"Subject: {subject}",
               f"Date: {format_datetime(date)}", f"Message-ID: <{message_id}>", "MIME-Version: 1.0",
               "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit"]
    if in_reply_to:
        headers.append(f"In-Reply-To: <{in_reply_to}>")
        headers.append("References: " + " ".join(f"<{r}>" for r in references))
    return ("\r\n".join(headers) + "\r\n\r\n" + body.replace("\n", "\r\n") + "\r\n").encode("utf-8")


def corpus(directory, cases):
    rng = random.Random(12)
    os.makedirs(directory, exist_ok=True)
    start = datetime(2026, 11, 1, 8, 0, tzinfo=timezone.utc)
    # the long thread (its files sort after the single mails: it is sent last)
    ids = []
    for k in range(THREAD_MAILS):
        mid = f"thread-{k}@bench-thread.example"
        subject = "Sauvegardes de l'association" if k == 0 else "Re: Sauvegardes de l'association"
        body = f"Message {k + 1} du fil.\n" + "\n".join(rng.sample(LINES_FR, 4))
        if ids:
            body += "\n\n> " + "\n> ".join(rng.sample(LINES_FR, 3))
        data = mail(k, THREAD_REQUESTER, "Fil Long", subject, body, start + timedelta(minutes=k), mid,
                    ids[-1] if ids else None, ids[-10:])
        ids.append(mid)
        with open(os.path.join(directory, f"t{k:03d}.eml"), "wb") as f:
            f.write(data)
    # then one new conversation per requester, each its own subject
    for i in range(1, cases):
        fr = i % 3 != 0
        d = f"asso{i}.example"
        subject = rng.choice(SUBJECTS_FR if fr else SUBJECTS_EN).format(d=d) + f" (#{i})"
        body = "\n".join(rng.sample(LINES_FR if fr else LINES_EN, 5))
        data = mail(i, f"contact{i}@{d}", f"Contact {i}", subject, body,
                    start + timedelta(minutes=THREAD_MAILS + i), f"case-{i}@{d}")
        with open(os.path.join(directory, f"c{i:06d}.eml"), "wb") as f:
            f.write(data)


class Api:
    def __init__(self, base, password):
        self.base = base
        self.auth = "Basic " + base64.b64encode(f"admin:{password}".encode()).decode()

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Authorization": self.auth, "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=60) as r:
            text = r.read()
            return json.loads(text) if text else None


def load(base, password, smtp_port, directory, cases, vms, out):
    t0 = time.monotonic()
    api = Api(base, password)
    # a Bearer token: Basic costs a PBKDF2 per request
    api.auth = "Bearer " + api.call("POST", "/api/tokens", {"name": "bench-dashboard"})["token"]
    rng = random.Random(42)
    host_count, member_count = max(1, vms // 20), max(1, vms * 3 // 10)
    with ThreadPoolExecutor(4) as pool:
        hosts = list(pool.map(lambda i: api.call("POST", "/api/hosts", {
            "name": f"rack-{i:03d}", "model": "Dell R620", "rackPosition": f"U{i}", "cores": 32,
            "memoryMiB": 262144, "storageGiB": 8000})["id"], range(host_count)))
        members = list(pool.map(lambda i: api.call("POST", "/api/members", {
            "displayName": f"Association {i}", "email": f"contact{i}@asso{i}.example",
            "otherEmails": [f"tresorier{i}@asso{i}.example"], "project": f"Projet {i}",
            "language": "fr" if i % 3 else "en"})["id"], range(member_count)))
        specs = [(i, rng.choice(["debian", "alpine"]), rng.choice([1, 2, 4]), rng.choice([512, 1024, 2048]),
                  rng.choice([10, 20, 40])) for i in range(vms)]
        list(pool.map(lambda s: api.call("POST", "/api/vms", {
            "name": f"vm-{s[0]:04d}", "hostname": f"vm{s[0]}.coloc.example", "os": s[1], "osVersion": "12",
            "vcpus": s[2], "memoryMiB": s[3], "diskGiB": s[4], "host": hosts[s[0] % host_count],
            "owner": members[s[0] % member_count], "status": "active",
            "ipv4": [f"10.{s[0] // 250}.{s[0] % 250}.{10 + s[0] % 7}"], "ipv6": [f"2001:db8::{s[0]:x}"],
            "domains": [{"name": f"site{s[0]}.asso.example", "certificateExpires": "2027-03-01"}]}), specs))
    t_inventory = time.monotonic()
    print(f"inventory: {host_count} hosts, {member_count} members, {vms} VMs in {t_inventory - t0:.1f} s",
          flush=True)

    files = sorted(os.listdir(directory))
    files = [f for f in files if f.endswith(".eml")]
    smtp = None
    for n, name in enumerate(files):
        if n % 1000 == 0:
            if smtp:
                smtp.quit()
            smtp = smtplib.SMTP("127.0.0.1", smtp_port, timeout=60)
        with open(os.path.join(directory, name), "rb") as f:
            data = f.read()
        sender = "fil.long@bench-thread.example" if name.startswith("t") else f"contact{int(name[1:7])}@asso{int(name[1:7])}.example"
        smtp.sendmail(sender, ["coloc@localhost"], data)
    smtp.quit()
    t_sent = time.monotonic()
    print(f"sent {len(files)} mails over SMTP in {t_sent - t_inventory:.1f} s", flush=True)

    total = 0
    deadline = time.monotonic() + 1800
    while time.monotonic() < deadline:
        total = api.call("GET", "/api/cases?limit=1")["total"]
        if total >= cases:
            break
        time.sleep(1)
    t_cases = time.monotonic()
    if total < cases:
        sys.exit(f"only {total} cases after 30 minutes")
    print(f"{total} cases visible {t_cases - t_sent:.1f} s after the last mail was sent", flush=True)

    thread = api.call("GET", "/api/cases?requester=" + THREAD_REQUESTER)["items"]
    if len(thread) != 1:
        sys.exit(f"expected one case of {THREAD_REQUESTER}, found {len(thread)}")
    number = thread[0]["number"]
    # the thread is sent last: its later mails may still be on their way when the count is reached
    while len(api.call("GET", f"/api/cases/{number}")["messages"]) < THREAD_MAILS:
        if time.monotonic() > deadline:
            sys.exit(f"case #{number} never got the thread's {THREAD_MAILS} mails")
        time.sleep(0.5)
    for k in range(ADMIN_REPLIES):
        api.call("POST", f"/api/cases/{number}/replies",
                 {"text": f"Réponse {k + 1} de l'admin.\nNous regardons et revenons vers vous."})
    messages = len(api.call("GET", f"/api/cases/{number}")["messages"])
    t_end = time.monotonic()
    print(f"case #{number}: {messages} messages", flush=True)
    result = {"cases": total, "vms": vms, "hosts": host_count, "members": member_count,
              "thread_case": number, "thread_messages": messages,
              "seconds": {"inventory": round(t_inventory - t0, 1), "smtp": round(t_sent - t_inventory, 1),
                          "intake_after_smtp": round(t_cases - t_sent, 1),
                          "admin_replies": round(t_end - t_cases, 1), "total": round(t_end - t0, 1)}}
    with open(os.path.join(out, "load.json"), "w") as f:
        json.dump(result, f, indent=2)
    if messages < 50:
        sys.exit(f"case #{number} has only {messages} messages")
    print(f"loaded in {t_end - t0:.1f} s", flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "corpus":
        corpus(sys.argv[2], int(sys.argv[3]))
    elif sys.argv[1] == "load":
        load(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5], int(sys.argv[6]), int(sys.argv[7]),
             sys.argv[8])
    else:
        sys.exit(__doc__)
