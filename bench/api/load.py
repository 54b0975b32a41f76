#!/usr/bin/env python3
"""Loads the inventory for bench/api through the REST API: 50 hosts, 300 members, 1,000 VMs.

usage: load.py BASE_URL ADMIN_PASSWORD OUT_DIR
Writes OUT_DIR/token (an API token for wrk) and OUT_DIR/vm_ids.txt.
"""
import base64
import json
import random
import sys
import urllib.request

base, password, out = sys.argv[1], sys.argv[2], sys.argv[3]
auth = "Basic " + base64.b64encode(f"admin:{password}".encode()).decode()
rng = random.Random(42)


def post(path, body):
    req = urllib.request.Request(base + path, data=json.dumps(body).encode(), method="POST",
                                 headers={"Authorization": auth, "Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return json.load(r)


hosts = [post("/api/hosts", {"name": f"rack-{i:02d}", "model": "Dell R620", "rackPosition": f"U{i}",
                             "cores": 32, "memoryMiB": 262144, "storageGiB": 8000})["id"] for i in range(50)]
members = [post("/api/members", {"displayName": f"Association {i}", "email": f"contact{i}@asso{i}.example",
                                 "otherEmails": [f"tresorier{i}@asso{i}.example"], "project": f"Projet {i}",
                                 "language": "fr" if i % 3 else "en"})["id"] for i in range(300)]
vms = []
for i in range(1000):
    vms.append(post("/api/vms", {
        "name": f"vm-{i:04d}", "hostname": f"vm{i}.coloc.example", "os": rng.choice(["debian", "alpine"]),
        "osVersion": rng.choice(["12", "3.20"]), "vcpus": rng.choice([1, 2, 4]),
        "memoryMiB": rng.choice([512, 1024, 2048]), "diskGiB": rng.choice([10, 20, 40]),
        "host": hosts[i % 50], "owner": members[i % 300], "status": "active",
        "ipv4": [f"10.{i // 250}.{i % 250}.{10 + i % 7}"], "ipv6": [f"2001:db8::{i:x}"],
        "domains": [{"name": f"site{i}.asso.example", "certificateExpires": "2027-03-01"}]})["id"])
token = post("/api/tokens", {"name": "bench"})["token"]
with open(f"{out}/token", "w") as f:
    f.write(token)
with open(f"{out}/vm_ids.txt", "w") as f:
    f.write("\n".join(str(v) for v in vms))
print(f"loaded {len(hosts)} hosts, {len(members)} members, {len(vms)} VMs")
