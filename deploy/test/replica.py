"""Dashboards from a streaming replica: see replica.sh, which makes the replica and cleans up.

The production jar reads its statistics from the standby on REPLICA_PORT. Checked here:
figures equal what was written once the replica has caught up, and say they are not behind;
with replay paused, new entries are acknowledged but the answer shows the older figures and
says how far behind they are; after resuming, the figures catch up; with the replica stopped,
the gate still takes entries, readiness stays up, and the statistics come from the primary
(current, with a log line saying so). Standard library only.
"""
import datetime
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid

DATABASE = os.environ["REPLICA_DB"]
REPLICA_PORT = os.environ["REPLICA_PORT"]
REPLICA_DIR = os.environ["REPLICA_DIR"]
PORT = int(os.environ.get("PORT", "18311"))
ADMIN_PHONE, ADMIN_PASSWORD = "13900000000", "replica-test-admin"
BIN = "/usr/lib/postgresql/15/bin"
work = tempfile.mkdtemp(prefix="gatepost-replica.")
app = None


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    log = os.path.join(work, "app.log")
    if os.path.exists(log):
        print("--- application log (last lines)", file=sys.stderr)
        print("".join(open(log, encoding="utf-8", errors="replace").readlines()[-30:]), file=sys.stderr)
    stop_app()
    sys.exit(1)


def sql(query, port="5432"):
    return subprocess.run(["psql", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-d", DATABASE, "-At",
                           "-v", "ON_ERROR_STOP=1", "-c", query], check=True, capture_output=True, text=True).stdout.strip()


def start_app():
    global app
    env = dict(os.environ,
               QUARKUS_HTTP_PORT=str(PORT),
               QUARKUS_DATASOURCE_JDBC_URL=f"jdbc:postgresql://127.0.0.1:5432/{DATABASE}",
               QUARKUS_DATASOURCE_USERNAME="postgres",
               # The replica, as an operator configures it.
               # (a named datasource's name sits between double underscores: quarkus.datasource."replica".jdbc.url).
               QUARKUS_DATASOURCE__REPLICA__JDBC_URL=f"jdbc:postgresql://127.0.0.1:{REPLICA_PORT}/{DATABASE}",
               QUARKUS_DATASOURCE__REPLICA__USERNAME="postgres",
               MP_JWT_VERIFY_PUBLICKEY_LOCATION=os.path.join(work, "public.pem"),
               SMALLRYE_JWT_SIGN_KEY_LOCATION=os.path.join(work, "private.pem"),
               GATEPOST_PASSES_SIGNING_KEY=os.path.join(work, "pass-signing-key.pem"),
               GATEPOST_PHONE_HASH_SECRET="replica-test-secret-0123456789",
               GATEPOST_ADMIN_PHONE=ADMIN_PHONE, GATEPOST_ADMIN_PASSWORD=ADMIN_PASSWORD)
    log = open(os.path.join(work, "app.log"), "a")
    app = subprocess.Popen(["java", "-Xmx512m", "-jar", "target/quarkus-app/quarkus-run.jar"],
                           env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    deadline = time.time() + 180
    while time.time() < deadline:
        if app.poll() is not None:
            fail("the application ended while starting")
        if ready():
            return
        time.sleep(0.5)
    fail("the application is not ready after 180 s")


def ready():
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/q/health/ready", timeout=5) as r:
            return r.status == 200
    except (urllib.error.URLError, ConnectionError, OSError):
        return False


def stop_app():
    if app and app.poll() is None:
        app.send_signal(signal.SIGTERM)
        try:
            app.wait(30)
        except subprocess.TimeoutExpired:
            app.kill()


def call(method, path, body=None, token=None):
    request = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}", method=method,
                                     data=None if body is None else json.dumps(body).encode())
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            raw = response.read()
            return response.status, json.loads(raw) if raw else None
    except urllib.error.HTTPError as e:
        raw = e.read()
        return e.code, raw.decode(errors="replace")


def must(expected, answer, what):
    status, body = answer
    if status != expected:
        fail(f"{what}: HTTP {status} {body}")
    return body


def main():
    # The token key pair and the pass signing key, as an operator makes them.
    subprocess.run(["deploy/generate-keys.sh", work], check=True, capture_output=True)
    print("== the production jar with the replica configured")
    start_app()
    if "Statistics read from the replica" not in open(os.path.join(work, "app.log"), encoding="utf-8").read():
        fail("the application does not say it reads statistics from the replica")
    admin = must(200, call("POST", "/api/v1/auth/login", {"phone": ADMIN_PHONE, "password": ADMIN_PASSWORD}),
                 "sign-in")["token"]

    def place(kind, name, parent):
        body = {"kind": kind, "name": name}
        if parent:
            body["parentId"] = parent
        return must(201, call("POST", "/api/v1/places", body, admin), "create " + kind)["id"]
    county = place("COUNTY", "慶元縣", None)
    village = place("VILLAGE", "西演村", place("TOWNSHIP", "濛洲街道", county))
    gate = place("CHECKPOINT", "西演村東口", village)
    must(201, call("POST", "/api/v1/accounts", {"name": "志願者", "phone": "13900000010", "password": "volunteer-pass",
                                               "role": "VOLUNTEER", "placeId": village}, admin), "create volunteer")
    volunteer = must(200, call("POST", "/api/v1/auth/login", {"phone": "13900000010", "password": "volunteer-pass"}),
                     "volunteer sign-in")["token"]

    now = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))).replace(microsecond=0)
    today = now.date()
    summary_path = (f"/api/v1/stats/summary?placeId={county}&from={today - datetime.timedelta(days=1)}"
                    f"&to={today + datetime.timedelta(days=1)}")

    def write(count):
        entries = [{"id": str(uuid.uuid4()), "checkpointId": gate,
                    "occurredAt": (now - datetime.timedelta(minutes=5 + i % 50)).isoformat(),
                    "direction": "IN", "resident": True, "partySize": 1, "healthCode": "GREEN",
                    "healthCodeRead": "SCANNED", "temperature": 36.6, "decision": "ADMITTED"} for i in range(count)]
        body = must(200, call("POST", "/api/v1/entries/batch", {"entries": entries}, volunteer), "entries batch")
        if [r["status"] for r in body["results"]] != ["CREATED"] * count:
            fail(f"entries not all created: {body}")

    def summary():
        return must(200, call("GET", summary_path, token=admin), "summary")

    def wait_for(what, check, seconds=60):
        deadline = time.time() + seconds
        while True:
            s = summary()
            if check(s):
                return s
            if time.time() > deadline:
                fail(f"{what}: after {seconds} s the summary is {s}")
            time.sleep(0.5)

    def primary_entries():
        return int(sql(f"SELECT count(*) FROM entry WHERE checkpoint_id = '{gate}'"))

    print("== 50 entries: the replica catches up and says it is not behind")
    write(50)
    s = wait_for("caught up", lambda s: s["entries"] == 50 and s["behindSeconds"] == 0 and s["asOf"] is None)
    coverage = must(200, call("GET", f"/api/v1/stats/coverage?placeId={village}", token=admin), "coverage")
    if coverage["behindSeconds"] != 0 or coverage["asOf"] is not None:
        fail(f"coverage from a caught-up replica says it is behind: {coverage}")
    print(f"   summary: {s['entries']} entries, asOf {s['asOf']}, behindSeconds {s['behindSeconds']}")

    print("== replay paused on the replica; 30 more entries")
    sql("SELECT pg_wal_replay_pause()", REPLICA_PORT)
    time.sleep(2)  # so that "behind" is at least a second
    write(30)
    if primary_entries() != 80:
        fail(f"the primary holds {primary_entries()} entries, not 80")
    s = wait_for("behind", lambda s: s["behindSeconds"] >= 1)
    if s["entries"] != 50 or s["asOf"] is None:
        fail(f"a paused replica should show the older figures (50) with asOf: {s}")
    print(f"   summary: {s['entries']} entries (primary: 80), asOf {s['asOf']}, behindSeconds {s['behindSeconds']}")

    print("== replay resumed: the figures catch up")
    sql("SELECT pg_wal_replay_resume()", REPLICA_PORT)
    s = wait_for("caught up again", lambda s: s["entries"] == 80 and s["behindSeconds"] == 0 and s["asOf"] is None)
    print(f"   summary: {s['entries']} entries, behindSeconds {s['behindSeconds']}")

    print("== replica stopped: the gate still writes, readiness stays up, statistics come from the primary")
    subprocess.run(["runuser", "-u", "postgres", "--", f"{BIN}/pg_ctl", "-D", os.path.join(REPLICA_DIR, "data"),
                    "-m", "fast", "-w", "stop"], check=True, capture_output=True)
    write(20)
    if not ready():
        fail("not ready while the replica is stopped")
    s = wait_for("from the primary", lambda s: s["entries"] == 100, seconds=20)
    if s["behindSeconds"] != 0 or s["asOf"] is not None:
        fail(f"figures from the primary are current: {s}")
    log = open(os.path.join(work, "app.log"), encoding="utf-8", errors="replace").read()
    if "The replica cannot be reached" not in log:
        fail("no log line says the statistics fell back to the primary")
    print(f"   summary: {s['entries']} entries from the primary; log: "
          + next(line for line in log.splitlines() if "The replica cannot be reached" in line).strip()[-140:])
    stop_app()
    print("OK: dashboards from a streaming replica")


try:
    main()
finally:
    stop_app()
    shutil.rmtree(work, ignore_errors=True)  # keys and the log: printed above on failure
