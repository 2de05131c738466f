#!/usr/bin/env python3
"""Plays a morning in two stores of the demo tenant, so a newcomer sees store analytics fill.

Sets up (once) two stores with an entrance and an exit camera each, three members with biometric consent and an
enrolled face (one of them on a VIP list) and a BANNED entry; then posts camera crops: people come in over the last
100 minutes (the platform pairs sightings within a 2-hour window), most leave, the members are recognised, the banned
person shows up at the second store. Prints the stores' traffic, the alerts and a member's visits.

    python3 .ci/play-store.py [--faces DIR] [--people N]     (bash .ci/platform play runs it with the platform's settings)

DIR holds one folder per person with 1.jpg (and 2.jpg): faces-eval's london_cc_by set has that layout.
"""
import argparse, base64, json, os, random, sys, urllib.error, urllib.request
from datetime import datetime, timedelta, timezone

p = argparse.ArgumentParser()
p.add_argument("--url", default=f"http://{os.environ.get('FACECARD_HTTP_HOST', '127.0.0.1')}:{os.environ.get('FACECARD_HTTP_PORT', '9080')}")
p.add_argument("--state", default=os.environ.get("FACECARD_STATE_DIR", "/var/lib/facecard"))
p.add_argument("--faces", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "faces-eval", "london_cc_by"))
p.add_argument("--people", type=int, default=40)
a = p.parse_args()


def call(method, path, token=None, body=None, ok=(200, 201, 202, 204)):
    req = urllib.request.Request(a.url + "/api/v1" + path, method=method,
                                 data=None if body is None else json.dumps(body).encode())
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            raw = r.read()
            return r.status, (json.loads(raw) if raw else None)
    except urllib.error.HTTPError as e:
        raw = e.read()
        if e.code in ok:
            return e.code, json.loads(raw) if raw else None
        return e.code, json.loads(raw) if raw else None


def b64(path):
    with open(path, "rb") as f:
        return base64.b64encode(f.read()).decode()


people = sorted(d for d in os.listdir(a.faces) if os.path.isfile(os.path.join(a.faces, d, "1.jpg"))) if os.path.isdir(a.faces) else []
if len(people) < 8:
    sys.exit(f"need a folder of people (<person>/1.jpg, 2.jpg) with at least 8 of them: --faces (tried {a.faces})")
random.seed(27)
with open(os.path.join(a.state, "demo-admin-password")) as f:
    password = f.read().strip()
_, t = call("POST", "/auth/token", body={"tenant": "demo", "username": "demo-admin", "password": password})
admin = t["access_token"]

setup_file = os.path.join(a.state, "play-store.json")
if os.path.exists(setup_file):
    setup = json.load(open(setup_file))
else:
    setup = {"stores": [], "members": {}}
    for code in ("PLAY-1", "PLAY-2"):
        _, s = call("POST", "/stores", admin, {"name": "Play store " + code[-1], "code": code + "-" + str(random.randint(100, 999))})
        cams = {}
        for placement in ("ENTRANCE", "EXIT"):
            _, cam = call("POST", f"/stores/{s['id']}/terminals", admin, {"kind": "CAMERA", "name": placement.lower() + " camera"})
            call("PUT", f"/stores/{s['id']}/cameras/{cam['id']}", admin, {"placement": placement})
            cams[placement] = cam["apiKey"]
        setup["stores"].append({"id": s["id"], "code": code, "cameras": cams})
    for i, person in enumerate(people[:3]):
        _, m = call("POST", "/members", admin, {"name": f"Play member {i + 1}", "cardNumber": f"PLAY-{random.randint(10000, 99999)}"})
        call("POST", f"/members/{m['id']}/consents", admin, {"purpose": "BIOMETRIC_IDENTIFICATION", "granted": True,
                                                             "policyVersion": "demo", "source": "KIOSK"})
        code, _ = call("POST", f"/members/{m['id']}/faces", admin, {"photos": [b64(os.path.join(a.faces, person, "1.jpg"))]})
        setup["members"][person] = m["id"]
        print(f"member {m['id']} enrolled ({code})")
    _, vip = call("POST", "/watch-lists", admin, {"name": "VIP (play)", "kind": "VIP"})
    first = people[0]
    call("POST", f"/watch-lists/{vip['id']}/entries", admin, {"memberId": setup["members"][first], "label": "Gold customer",
                                                              "reason": "top spender 2026"})
    _, banned = call("POST", "/watch-lists", admin, {"name": "Banned (play)", "kind": "BANNED"})
    setup["banned"] = people[3]
    call("POST", f"/watch-lists/{banned['id']}/entries", admin, {"photo": b64(os.path.join(a.faces, people[3], "1.jpg")),
                                                                 "label": "incident 2026-12-01", "reason": "shoplifting, report 4411"})
    json.dump(setup, open(setup_file, "w"))

now = datetime.now(timezone.utc)
crowd = people[4:4 + a.people]
posted = 0


def see(store, placement, person, minutes_ago, photo="1.jpg"):
    global posted
    path = os.path.join(a.faces, person, photo)
    if not os.path.exists(path):
        path = os.path.join(a.faces, person, "1.jpg")
    at = (now - timedelta(minutes=minutes_ago)).strftime("%Y-%m-%dT%H:%M:%SZ")
    code, body = call("POST", "/camera/sightings", store["cameras"][placement], {"capturedAt": at, "images": [b64(path)]})
    if code != 202:
        print(f"  {placement} camera answered {code}: {body}")
    posted += 1


for i, person in enumerate(crowd):
    store = setup["stores"][i % 2]
    came = random.uniform(30, 100)
    see(store, "ENTRANCE", person, came)
    if random.random() < 0.7:
        see(store, "EXIT", person, came - random.uniform(5, 25), "2.jpg")
for person, member in setup["members"].items():
    store = setup["stores"][0]
    see(store, "ENTRANCE", person, 50, "2.jpg")
    see(store, "EXIT", person, 20)
see(setup["stores"][1], "ENTRANCE", setup["banned"], 1, "2.jpg")
print(f"posted {posted} camera sightings; the platform reads them in the background (about 10 a second)")

import time
time.sleep(max(5, posted / 8))
since = (now - timedelta(hours=3)).strftime("%Y-%m-%dT%H:00:00Z")
until = (now + timedelta(hours=1)).strftime("%Y-%m-%dT%H:00:00Z")
for store in setup["stores"]:
    _, r = call("GET", f"/stores/{store['id']}/traffic?from={since}&to={until}&by=hour", admin)
    print(f"\nstore {store['code']} ({store['id']}), by hour:")
    for b in r["buckets"]:
        print(f"  {b['start']}: footfall {b['footfall']}, members {b['members']} ({b['newMembers']} new), "
              f"male {b['male']} female {b['female']}, mean mood {b['meanMood']}")
    q = r["serviceQuality"]
    print(f"  service quality: {q['index']} (95 % CI {q['low']}..{q['high']}, {q['visits']} visits seen both ways)")
_, alerts = call("GET", "/alerts", admin)
print("\nalerts:")
for x in alerts["items"][-10:]:
    print(f"  #{x['id']} {x['kind']} at store {x['storeId']}: {x['label']}")
member = next(iter(setup["members"].values()))
_, visits = call("GET", f"/visits?memberId={member}", admin)
print(f"\nmember {member}: {len(visits['items'])} visits; latest: {visits['items'][0] if visits['items'] else None}")
print(f"\nfollow the live alerts:  curl -N {a.url}/api/v1/alerts/stream -H 'Authorization: Bearer <admin token>'")
