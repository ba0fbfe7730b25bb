#!/usr/bin/env python3
"""Monitoring at scale, end to end: starts Attest on a fresh database, pushes resources over HTTP
with a service token and prints the four figures of issue 12. See README.md."""
import argparse, http.client, json, os, random, shutil, signal, socket, subprocess, sys, tempfile, threading, time

# The same on every run, so that --existing can use the token the first run's database holds (a throwaway database).
TOKEN = "bench-monitoring-scale-token"
TYPES = ["aws.iam.user", "tls.endpoint", "host.linux", "postgres.server", "git.repository"]
RECENT = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 86400 * 10))
ADMIN_PASSWORD = "bench-password-1234"
FLIP_CONTROL = "PH-07"  # no built-in check maps to it, so the flip check alone decides its status


def document(kind, n, failing):
    """A resource that passes every built-in check of its type, or fails one when asked."""
    if kind == "aws.iam.user":
        d = {"userName": "user%d" % n, "isRoot": False, "passwordEnabled": True, "mfaActive": not failing,
             "passwordLastUsed": RECENT, "passwordLastChanged": RECENT, "accessKey1Active": True,
             "accessKey1LastRotated": RECENT, "accessKey1LastUsed": RECENT, "accessKey2Active": False,
             "flip": False, "tags": {"team": "t%d" % (n % 40)}}
    elif kind == "tls.endpoint":
        d = {"tls10": failing, "tls11": False, "tls12": True, "tls13": True, "daysToExpiry": 200,
             "notBefore": RECENT, "chainTrusted": True, "hostnameMatches": True, "keyType": "EC", "keySize": 256,
             "signatureAlgorithm": "SHA256withECDSA", "https": True, "hsts": True, "hstsMaxAge": 31536000}
    elif kind == "host.linux":
        d = {"hostname": "h%d" % n, "sshd": True, "sshPermitRootLogin": "yes" if failing else "no",
             "sshPasswordAuthentication": "no", "sshPermitEmptyPasswords": "no", "sshMaxAuthTries": 4,
             "sshX11Forwarding": "no", "automaticUpdates": True, "firewallActive": True, "diskEncryption": True,
             "auditd": True, "timeSync": True}
    elif kind == "postgres.server":
        d = {"ssl": not failing, "passwordEncryption": "scram-sha-256", "logConnections": True,
             "logDisconnections": True, "logStatement": "ddl", "sharedPreloadLibraries": ["pgaudit"],
             "superusers": ["postgres"], "adminRole": "postgres", "majorVersion": 16}
    else:
        d = {"hasSecurityPolicy": True, "hasCodeowners": True, "dependencyUpdates": True, "commits": 120,
             "signedShare": 0.95, "secretsFound": 1 if failing else 0}
    d["serial"] = n
    return d


def resource(n, salt=0):
    kind = TYPES[n % len(TYPES)]
    failing = random.Random(n * 7919 + salt).random() < 0.10
    return {"type": kind, "id": "%s-%07d" % (kind.split(".")[-1], n), "data": document(kind, n, failing)}


CUSTOM_CHECKS = [
    ("bench-flip", "aws.iam.user", "!resource.flip", FLIP_CONTROL),
    ("bench-user-named", "aws.iam.user", "size(resource.userName) > 0", "AC-03"),
    ("bench-tag-team", "aws.iam.user", "has(resource.tags.team)", "AC-03"),
    ("bench-tls-key", "tls.endpoint", "resource.keySize >= 256", "EN-03"),
    ("bench-tls-expiry", "tls.endpoint", "resource.daysToExpiry > 7", "EN-03"),
    ("bench-host-name", "host.linux", "resource.hostname != ''", "VM-04"),
    ("bench-host-fw", "host.linux", "resource.firewallActive", "NS-01"),
    ("bench-pg-version", "postgres.server", "resource.majorVersion >= 12", "VM-05"),
    ("bench-git-commits", "git.repository", "resource.commits >= 0", "SD-02"),
    ("bench-git-secrets", "git.repository", "resource.secretsFound < 5", "SD-02"),
]


class Api:
    def __init__(self, port, timeout):
        self.port, self.timeout, self.conn = port, timeout, None

    def call(self, method, path, body=None):
        for attempt in (0, 1):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
            try:
                data = None if body is None else body if isinstance(body, bytes) else json.dumps(body).encode()
                self.conn.request(method, path, body=data, headers={"Authorization": "Bearer " + TOKEN,
                                                                   "Content-Type": "application/json", "Accept": "application/json"})
                r = self.conn.getresponse()
                raw = r.read()
                return r.status, (json.loads(raw) if raw and raw[:1] in b"[{" else raw)
            except (ConnectionError, http.client.HTTPException):
                self.conn.close()
                self.conn = None
                if attempt:
                    raise


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def start_app(args, data_dir, port):
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    cp = open(os.path.join(root, "target", "bench-runtime-classpath.txt")).read().strip()
    env = dict(os.environ, ATTEST_DATA_DIR=data_dir, ATTEST_BOOTSTRAP_API_TOKEN=TOKEN, SERVER_PORT=str(port),
               ATTEST_BOOTSTRAP_ADMIN_PASSWORD=ADMIN_PASSWORD)
    if args.db == "postgres":
        env.update(ATTEST_DB_URL="jdbc:postgresql://%s/%s" % (args.pg_host, args.pg_database), ATTEST_DB_USER="postgres",
                   ATTEST_DB_PASSWORD="")
    log = open(os.path.join(data_dir, "app.log"), "w")
    classes = args.classes or os.path.join(root, "target", "classes")
    proc = subprocess.Popen(["java", "-Xmx" + args.heap] + args.jvm_arg + ["-cp", classes + ":" + cp,
                             "dev.attest.AttestApplication"], env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    deadline = time.time() + args.start_timeout
    while time.time() < deadline:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            c.request("GET", "/actuator/health")
            if c.getresponse().status == 200:
                return proc
        except OSError:
            pass
        if proc.poll() is not None:
            sys.exit("the app stopped; see " + log.name)
        time.sleep(1)
    sys.exit("the app did not start in %d s; see %s" % (args.start_timeout, log.name))


APP_PID = None  # the server's JVM, for the CPU it spends


PG_DATABASE = None  # the benchmark's database: only its backends (and PostgreSQL's own background processes) count


def postgres_counts(pid):
    """Whether a postgres process works for the benchmark: a backend of its database, or a background
    process (WAL writer, checkpointer ...) that serves every database; other databases' backends do not."""
    try:
        with open("/proc/%s/cmdline" % pid, "rb") as f:
            title = f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return False
    words = title.split()
    # a backend's title: "postgres: 15/main: USER DATABASE HOST(PORT) STATE"
    if len(words) >= 5 and words[0] == "postgres:" and "(" in words[4]:
        return words[3] == PG_DATABASE
    return True


def cpu_seconds():
    """CPU seconds (user + system) spent so far by the server's JVM and by PostgreSQL's processes: a
    phase's cost in CPU, which the load of other work on the machine changes far less than its time."""
    tick = os.sysconf("SC_CLK_TCK")
    app = pg = 0.0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                stat = f.read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        used = (int(fields[11]) + int(fields[12])) / tick
        if int(entry) == APP_PID:
            app += used
        elif name == "postgres" and (PG_DATABASE is None or postgres_counts(entry)):
            pg += used
    return app, pg


def cpu_line(before):
    after = cpu_seconds()
    return "   CPU spent: server %.1f s, PostgreSQL %.1f s" % (after[0] - before[0], after[1] - before[1])


def heap_sampler(pid, stop, peak):
    """Largest used heap (survivors + eden + old, MiB) seen by jstat while the full run goes."""
    while not stop.is_set():
        out = subprocess.run(["jstat", "-gc", str(pid)], capture_output=True, text=True).stdout.split("\n")
        if len(out) > 1 and out[1].strip():
            cols = dict(zip(out[0].split(), out[1].split()))
            used = sum(float(cols.get(k, 0)) for k in ("S0U", "S1U", "EU", "OU")) / 1024
            peak[0] = max(peak[0], used)
        time.sleep(0.2)


ANALYZE = None  # set for PostgreSQL: the command that refreshes planner statistics


def bodies(start, end, batch, salt=0):
    """The request bodies of resources start..end-1, built before the clock starts: the client's own
    document building is not the server's cost (in Python it is about 70 ms a batch of 1,000)."""
    return [json.dumps({"source": "bench", "resources": [resource(n, salt) for n in range(s, min(end, s + batch))]}).encode()
            for s in range(start, end, batch)]


def push_range(api, start, end, batch, deadline, salt=0, clients=1, prebuilt=None):
    """Pushes resources start..end-1 in batches over `clients` connections at once (a collector
    uploading in parallel); returns (count pushed, opened, closed) or stops at the deadline."""
    sent = prebuilt if prebuilt is not None else None
    starts = list(range(start, end, batch))
    lock = threading.Lock()
    state = {"next": 0, "pushed": 0, "opened": 0, "closed": 0, "error": None, "late": False}

    def worker(conn):
        while True:
            with lock:
                if state["error"] or state["next"] >= len(starts):
                    return
                if time.time() > deadline:
                    state["late"] = True
                    return
                k = state["next"]
                state["next"] += 1
            # As autovacuum would on a growing table (it is off on some machines): without fresh statistics
            # PostgreSQL plans the id lookups of a table that grew from empty as if it were still tiny.
            if ANALYZE and k % 20 == 0 and k > 0:
                subprocess.run(ANALYZE, check=True)
            s = starts[k]
            count = min(end, s + batch) - s
            body = sent[k] if sent is not None else json.dumps(
                {"source": "bench", "resources": [resource(n, salt) for n in range(s, s + count)]}).encode()
            status, answer = conn.call("POST", "/api/v1/resources", body)
            with lock:
                if status >= 300:
                    state["error"] = "push failed: %s %s" % (status, str(answer)[:500])
                    return
                state["pushed"] += count
                if isinstance(answer, dict):
                    state["opened"] += answer.get("findingsOpened", 0) + answer.get("findingsReopened", 0)
                    state["closed"] += answer.get("findingsClosed", 0)

    conns = [api] + [Api(api.port, api.timeout) for _ in range(clients - 1)]
    threads = [threading.Thread(target=worker, args=(c,)) for c in conns]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if state["error"]:
        sys.exit(state["error"])
    if state["late"]:
        print("   stopped at the time limit after %d resources" % state["pushed"])
    return state["pushed"], state["opened"], state["closed"]


def open_findings(api, check):
    status, body = api.call("GET", "/api/v1/findings?status=open&check=%s&limit=5" % check)
    return body if status == 200 else []


WARMUP_FLIPS = 20  # flips before the measured ones, not counted


def wait_until_idle(limit=180):
    """Waits until the server has finished starting: once it answers, the JVM still compiles the code its
    start-up ran for half a minute or more, on both cores of a small machine. A deployed node has long
    done so when a collector pushes; the compilation the pushes themselves cause still counts."""
    tick = os.sysconf("SC_CLK_TCK")

    def used():
        with open("/proc/%d/stat" % APP_PID) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / tick

    t0 = time.perf_counter()
    quiet = 0
    before = used()
    while quiet < 3 and time.perf_counter() - t0 < limit:
        time.sleep(1)
        now = used()
        quiet = quiet + 1 if now - before < 0.05 else 0
        before = now
    print("   the server was busy finishing its start-up for %.0f s after it first answered; the pushes began once it was idle"
          % (time.perf_counter() - t0 - 3))

VACUUM = None  # set for PostgreSQL when its autovacuum is off: what autovacuum would have done by now


def settle():
    """Before latencies are measured on PostgreSQL with autovacuum off: VACUUM ANALYZE, once, as the
    daemon would have done on a table that grew this much (dead tuple versions of the tallies and an
    unset visibility map otherwise turn every count into a heap walk)."""
    if VACUUM:
        t0 = time.perf_counter()
        subprocess.run(VACUUM, check=True)
        print("   autovacuum is off here: VACUUM ANALYZE took %.1f s before the latencies below" % (time.perf_counter() - t0))


def flips(api, count, deadline, label):
    """Flips one user between failing and passing the flip check; time until finding and control show it."""
    latencies = []
    pushes = []  # the push's own answer, the rest is waiting for the lists to show it
    target = 3 * len(TYPES)  # an aws.iam.user: n % 5 == 0
    for i in range(-WARMUP_FLIPS, count):
        if time.time() > deadline:
            break
        fail = i % 2 == 0
        doc = resource(target)
        doc["data"]["flip"] = fail
        t0 = time.perf_counter()
        status, body = api.call("POST", "/api/v1/resources", {"source": "bench", "resources": [doc]})
        if status >= 300:
            sys.exit("flip push failed: %s %s" % (status, body))
        if i >= 0:
            pushes.append((time.perf_counter() - t0) * 1000)
        while True:
            found = any(f["resourceId"] == doc["id"] for f in open_findings(api, "bench-flip"))
            _, control = api.call("GET", "/api/v1/controls/" + FLIP_CONTROL)
            shown = control.get("testStatus") if isinstance(control, dict) else None
            if found == fail and shown == ("failing" if fail else "passing"):
                break
            if time.perf_counter() - t0 > 30:
                sys.exit("flip %d not visible after 30 s (finding %s, control %s)" % (i, found, shown))
        if i >= 0:  # the first ones warm the server's code up (just after an --existing start it is cold)
            latencies.append((time.perf_counter() - t0) * 1000)
    if latencies:
        latencies.sort()
        p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
        print("3. %s: %d flips, latency until finding and control status visible: p50 %.1f ms, p99 %.1f ms, max %.1f ms"
              % (label, len(latencies), p(0.5), p(0.99), latencies[-1]))
        pushes.sort()
        q = lambda f: pushes[min(len(pushes) - 1, int(f * len(pushes)))]
        print("   of which the push's own answer: p50 %.1f ms, p99 %.1f ms, max %.1f ms" % (q(0.5), q(0.99), pushes[-1]))


def browser_session(port):
    """Signs in as the bootstrap admin through the login form; gives an opener that keeps the session cookie."""
    import http.cookiejar, re, urllib.parse, urllib.request
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    base = "http://127.0.0.1:%d" % port
    page = opener.open(base + "/login").read().decode()
    csrf = re.search(r'name="_csrf"\s+value="([^"]+)"', page) or re.search(r'value="([^"]+)"\s+name="_csrf"', page)
    form = urllib.parse.urlencode({"username": "admin@localhost", "password": ADMIN_PASSWORD,
                                   "_csrf": csrf.group(1) if csrf else ""}).encode()
    opener.open(base + "/login", form).read()
    return opener, base


def pages(api, port, label):
    """Time to answer the pages a person opens (signed in) and the readiness API, 20 times each."""
    opener, base = browser_session(port)
    paths = ["/", "/monitoring", "/monitoring/checks/bench-flip", "/monitoring/findings", "/controls/" + FLIP_CONTROL]
    parts = []
    for path in paths + ["/api/v1/readiness", "/api/v1/findings?status=open&limit=50"]:
        times = []
        for _ in range(20):
            t0 = time.perf_counter()
            if path.startswith("/api/"):
                status, _ = api.call("GET", path)
            else:
                r = opener.open(base + path)
                r.read()
                status = r.status
            times.append((time.perf_counter() - t0) * 1000)
            if status != 200:
                sys.exit("%s answered %s" % (path, status))
        times.sort()
        parts.append("%s p50 %.0f ms, max %.0f ms" % (path, times[len(times) // 2], times[-1]))
    sys.stdout.flush()
    print("5. %s, pages and readiness: %s" % (label, "; ".join(parts)))


def copy_limit(args, count):
    """PostgreSQL's COPY of the same documents into a plain table: the floor for storing them."""
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as f:
        for n in range(count):
            r = resource(n)
            f.write("%s\t%s\t%s\n" % (r["type"], r["id"], json.dumps(r["data"]).replace("\\", "\\\\")))
        path = f.name
    psql = ["psql", "-q", "-h", args.pg_host.split(":")[0], "-U", "postgres", "-d", args.pg_database, "-v", "ON_ERROR_STOP=1"]
    subprocess.run(psql + ["-c", "create table if not exists bench_copy (type text, id text, data text)"], check=True)
    t0 = time.perf_counter()
    subprocess.run(psql + ["-c", "\\copy bench_copy from '%s'" % path], check=True)
    took = time.perf_counter() - t0
    subprocess.run(psql + ["-c", "drop table bench_copy"], check=True)
    os.unlink(path)
    return count / took


def grow(api, args, port, deadline):
    """Phases 1 to 3 (and 5) on a fresh database, then the estate grown to --large and 3 and 5 again."""
    for key, kind, expr, control in CUSTOM_CHECKS:
        status, body = api.call("POST", "/api/v1/checks", {"key": key, "title": key, "resourceType": kind, "severity": "low",
                                                           "controls": [control], "expression": expr})
        if status != 201:
            sys.exit("custom check refused: %s %s" % (status, body))
    _, checks = api.call("GET", "/api/v1/checks")
    print("db=%s resources=%d batch=%d clients=%d checks=%d (heap -Xmx%s)"
          % (args.db, args.resources, args.batch, args.clients, len(checks), args.heap))

    prebuilt = bodies(0, args.resources, args.batch)
    wait_until_idle()
    cpu0 = cpu_seconds()
    t0 = time.perf_counter()
    pushed, opened, _ = push_range(api, 0, args.resources, args.batch, deadline, clients=args.clients, prebuilt=prebuilt)
    took = time.perf_counter() - t0
    spent = cpu_line(cpu0)  # before the COPY below, which PostgreSQL spends too
    _, findings = api.call("GET", "/api/v1/findings?status=open&limit=1")
    line = "1. first push: %d resources in %.1f s = %.0f resources/s (first request to last finding committed)" % (pushed, took, pushed / took)
    if args.db == "postgres" and pushed:
        line += "; COPY of the same documents into a plain table: %.0f resources/s" % copy_limit(args, pushed)
    print(line)
    print(spent)

    cpu0 = cpu_seconds()
    t0 = time.perf_counter()
    again, opened2, closed2 = push_range(api, 0, pushed, args.batch, deadline, clients=args.clients,
                                         prebuilt=prebuilt[:(pushed + args.batch - 1) // args.batch])
    took = time.perf_counter() - t0
    print("2. same %d resources again: %.1f s = %.0f resources/s; findings opened %d, closed %d (as reported by the pushes)"
          % (again, took, again / max(took, 1e-9), opened2, closed2))
    print(cpu_line(cpu0))

    settle()
    flips(api, args.flips, deadline, "%d stored" % pushed)
    pages(api, port, "%d stored" % pushed)
    if args.large > pushed and time.time() < deadline:
        t0 = time.perf_counter()
        more, _, _ = push_range(api, pushed, args.large, args.batch, deadline, clients=args.clients)
        took = time.perf_counter() - t0
        total = pushed + more
        print("   grew the estate to %d resources (%.0f resources/s)" % (total, more / max(took, 1e-9)))
        settle()
        flips(api, args.flips, deadline, "%d stored" % total)
        pages(api, port, "%d stored" % total)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", choices=["h2", "postgres"], default="h2")
    ap.add_argument("--resources", type=int, default=100_000)
    ap.add_argument("--large", type=int, default=1_000_000, help="size for the second flip run and the full run; 0 skips")
    ap.add_argument("--flips", type=int, default=200)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--clients", type=int, default=2, help="connections pushing at once (a collector uploading in parallel)")
    ap.add_argument("--heap", default="1g")
    ap.add_argument("--jvm-arg", action="append", default=[], help="an extra JVM option (repeatable), e.g. to record a profile")
    ap.add_argument("--classes", help="compiled classes to run (default target/classes); a copy lets you rebuild meanwhile")
    ap.add_argument("--time-limit", type=int, default=3600, help="seconds; every phase stops at this overall limit")
    ap.add_argument("--request-timeout", type=int, default=600)
    ap.add_argument("--start-timeout", type=int, default=180, help="seconds to wait for the app to answer after it starts")
    ap.add_argument("--pg-host", default="127.0.0.1:5432")
    ap.add_argument("--pg-database", default="attest_bench")
    ap.add_argument("--no-full-run", action="store_true", help="skip 4, the full re-evaluation")
    ap.add_argument("--no-vacuum", action="store_true",
                    help="PostgreSQL with autovacuum off: do not VACUUM ANALYZE before the latencies are measured")
    ap.add_argument("--existing", action="store_true",
                    help="PostgreSQL only: keep the database a previous run filled and measure only 3 to 5 on it")
    args = ap.parse_args()
    deadline = time.time() + args.time_limit
    data_dir = tempfile.mkdtemp(prefix="attest-bench-")
    if args.db == "postgres" and not args.existing:
        host = args.pg_host.split(":")[0]
        subprocess.run(["psql", "-q", "-h", host, "-U", "postgres", "-c", "drop database if exists %s" % args.pg_database], check=True)
        subprocess.run(["psql", "-q", "-h", host, "-U", "postgres", "-c", "create database %s" % args.pg_database], check=True)
    global ANALYZE, VACUUM, PG_DATABASE
    PG_DATABASE = args.pg_database if args.db == "postgres" else None
    if args.db == "postgres":
        psql = ["psql", "-q", "-h", args.pg_host.split(":")[0], "-U", "postgres", "-d", args.pg_database]
        ANALYZE = psql + ["-c", "analyze"]
        autovacuum = subprocess.run(psql + ["-Atc", "show autovacuum"], capture_output=True, text=True, check=True).stdout.strip()
        VACUUM = None if autovacuum == "on" or args.no_vacuum else psql + ["-c", "vacuum analyze"]
    port = free_port()
    app = start_app(args, data_dir, port)
    global APP_PID
    APP_PID = app.pid
    try:
        api = Api(port, args.request_timeout)
        if args.existing:
            host = args.pg_host.split(":")[0]
            total = int(subprocess.run(["psql", "-Atq", "-h", host, "-U", "postgres", "-d", args.pg_database, "-c",
                                        "select count(*) from monitoring_resource"], capture_output=True, text=True, check=True).stdout)
            print("db=%s existing estate of %d resources (heap -Xmx%s)" % (args.db, total, args.heap))
            settle()
            flips(api, args.flips, deadline, "%d stored" % total)
            pages(api, port, "%d stored" % total)
        else:
            grow(api, args, port, deadline)
        if not args.no_full_run and time.time() < deadline:
            stop, peak = threading.Event(), [0.0]
            sampler = threading.Thread(target=heap_sampler, args=(app.pid, stop, peak), daemon=True)
            sampler.start()
            t0 = time.perf_counter()
            status, body = api.call("POST", "/api/v1/monitoring/evaluate")
            took = time.perf_counter() - t0
            stop.set()
            sampler.join()
            _, counts = api.call("GET", "/api/v1/monitoring/evaluations?limit=1")
            print("4. full re-evaluation (HTTP %s): %s resources in %.1f s, peak heap used %.0f MiB (-Xmx%s)"
                  % (status, body.get("resources") if isinstance(body, dict) else "?", took, peak[0], args.heap))
    except (TimeoutError, socket.timeout):
        print("   a request did not answer within %d s: stopped" % args.request_timeout)
    finally:
        os.killpg(app.pid, signal.SIGTERM)
        try:
            app.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(app.pid, signal.SIGKILL)
        if args.db == "h2":
            shutil.rmtree(data_dir, ignore_errors=True)
        else:
            print("   app log kept in " + data_dir)


if __name__ == "__main__":
    main()
