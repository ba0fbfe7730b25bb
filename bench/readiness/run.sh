#!/usr/bin/env bash
# Starts Attest on a fresh embedded database with the full catalog, marks a third of the controls
# implemented (so readiness has real work), then measures the readiness API and the dashboard
# page with wrk. Prints wrk's latency distribution (p50, p99) and requests per second.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-8}
PORT=${PORT:-18080}
TOKEN=attest_bench_$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
PASSWORD=bench-password-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')

command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null; }
jar=$(ls target/attest-*.jar 2>/dev/null | grep -v original | head -1 || true)
[ -n "$jar" ] || { ./mvnw -q -B -DskipTests package; jar=$(ls target/attest-*.jar | grep -v original | head -1); }

data=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$data" /tmp/attest-bench-cookies' EXIT
ATTEST_DATA_DIR=$data SERVER_PORT=$PORT ATTEST_BOOTSTRAP_API_TOKEN=$TOKEN ATTEST_BOOTSTRAP_ADMIN_PASSWORD=$PASSWORD \
  java -jar "$jar" > "$data/app.log" 2>&1 &
pid=$!
for _ in $(seq 1 60); do curl -sf "localhost:$PORT/actuator/health" >/dev/null && break; sleep 1; done

api() { curl -sf -H "Authorization: Bearer $TOKEN" "$@"; }
keys=$(api "localhost:$PORT/api/v1/controls" | python3 -c 'import json,sys; print(" ".join(c["key"] for c in json.load(sys.stdin)))')
i=0
for key in $keys; do
  if [ $((i % 3)) -eq 0 ]; then
    api -X PATCH -H 'Content-Type: application/json' -d '{"status":"implemented","owner":"admin@localhost"}' \
      "localhost:$PORT/api/v1/controls/$key" >/dev/null
  fi
  i=$((i + 1))
done
echo "controls: $i, implemented: $(( (i + 2) / 3 ))"
api "localhost:$PORT/api/v1/readiness" | python3 -c 'import json,sys; [print("  %-9s %4d/%-4d %5.1f%%" % (r["framework"], r["ready"], r["inScope"], r["percent"])) for r in json.load(sys.stdin)]'

# A browser session for the dashboard: sign in through the form with its CSRF token.
csrf=$(curl -s -c /tmp/attest-bench-cookies "localhost:$PORT/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -b /tmp/attest-bench-cookies -c /tmp/attest-bench-cookies -o /dev/null \
  --data-urlencode "username=admin@localhost" --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$csrf" "localhost:$PORT/login"
session=$(awk '$6=="JSESSIONID"{print $7}' /tmp/attest-bench-cookies)

echo "== warm-up"
wrk -t2 -c"$CONNECTIONS" -d10s -H "Authorization: Bearer $TOKEN" "http://localhost:$PORT/api/v1/readiness" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d5s -H "Cookie: JSESSIONID=$session" "http://localhost:$PORT/" >/dev/null
echo "== GET /api/v1/readiness ($CONNECTIONS connections, $DURATION)"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "http://localhost:$PORT/api/v1/readiness" \
  | grep -E "Latency|50%|90%|99%|Requests/sec|Non-2xx"
echo "== GET / dashboard page ($CONNECTIONS connections, $DURATION)"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: JSESSIONID=$session" "http://localhost:$PORT/" \
  | grep -E "Latency|50%|90%|99%|Requests/sec|Non-2xx"
