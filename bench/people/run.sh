#!/usr/bin/env bash
# Figures for the people module: time to import N people from CSV (one request, all rows or none)
# and time to render the people page over N people (every person's onboarding items computed).
#
# Against a running Attest:   BASE=http://localhost:8080 TOKEN=... ADMIN_EMAIL=... ADMIN_PASSWORD=... bench/people/run.sh
# Or let the script start one on a fresh H2 data folder:   START=1 bench/people/run.sh
set -euo pipefail

N=${N:-10000}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=$(mktemp -d)
# The app runs in its own process group (setsid), so that stopping it also stops the JVM Maven forked.
trap 'if [[ -n "${APP_PID:-}" ]]; then kill -- -"$APP_PID" 2>/dev/null || true; sleep 1; fi; rm -rf "$WORK"' EXIT

if [[ "${START:-0}" == "1" ]]; then
  PORT=${PORT:-$((20000 + RANDOM % 20000))}
  BASE="http://localhost:$PORT"
  TOKEN="attest_bench_$(date +%s)_token_0123456789abcdef"
  ADMIN_EMAIL=admin@localhost
  ADMIN_PASSWORD=bench-password-123
  echo "Starting Attest on $BASE (data in $WORK/data) ..."
  cd "$ROOT"
  SERVER_PORT=$PORT ATTEST_DATA_DIR="$WORK/data" ATTEST_BOOTSTRAP_API_TOKEN=$TOKEN ATTEST_BOOTSTRAP_ADMIN_PASSWORD=$ADMIN_PASSWORD \
    setsid ./mvnw -B -q spring-boot:run > "$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 240); do
    curl -fs "$BASE/actuator/health" > /dev/null 2>&1 && break
    sleep 1
  done
  curl -fs "$BASE/actuator/health" > /dev/null || { echo "Attest did not start; see $WORK/app.log"; tail -50 "$WORK/app.log"; exit 1; }
fi
: "${BASE:?set BASE}" "${TOKEN:?set TOKEN}" "${ADMIN_EMAIL:?set ADMIN_EMAIL}" "${ADMIN_PASSWORD:?set ADMIN_PASSWORD}"

# A roster of N people: 100 managers, everyone else reporting to one of them; start dates spread over two years.
RUN=$(date +%s)
awk -v n="$N" -v run="$RUN" 'BEGIN {
  print "name,email,title,department,manager_email,employment_type,start_date"
  split("Engineering,Sales,Finance,Support,Operations,Marketing", dept, ",")
  for (i = 0; i < n; i++) {
    manager = i < 100 ? "" : sprintf("m%d.%s@bench.test", i % 100, run)
    email = i < 100 ? sprintf("m%d.%s@bench.test", i, run) : sprintf("p%d.%s@bench.test", i, run)
    printf "Person %d,%s,Engineer,%s,%s,%s,%04d-%02d-%02d\n", i, email, dept[1 + i % 6], manager, (i % 7 == 0 ? "contractor" : "employee"), 2024 + (i % 2), 1 + i % 12, 1 + i % 28
  }
}' > "$WORK/roster.csv"
echo "Roster: $N people, $(wc -c < "$WORK/roster.csv") bytes"

# A few published policies, so that every person has policy items to compute.
curl -fs -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{}' "$BASE/api/v1/policies/from-templates" > "$WORK/policies.json"
for id in $(grep -o '"id":"[0-9a-f-]*"' "$WORK/policies.json" | head -5 | cut -d'"' -f4); do
  for action in submit approve publish; do
    curl -fs -X POST -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/policies/$id/versions/1/$action" > /dev/null
  done
done

preview=$(curl -s -o "$WORK/preview.json" -w '%{http_code} %{time_total}' -X POST -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: text/csv' --data-binary @"$WORK/roster.csv" "$BASE/api/v1/people/import?dryRun=true")
import=$(curl -s -o "$WORK/import.json" -w '%{http_code} %{time_total}' -X POST -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: text/csv' --data-binary @"$WORK/roster.csv" "$BASE/api/v1/people/import")
[[ ${import%% *} == 201 ]] || { echo "import failed: $import"; head -c 600 "$WORK/import.json"; exit 1; }

# Sign in as a browser does (CSRF token from the form), then time the people page.
JAR="$WORK/cookies"
csrf=$(curl -s -c "$JAR" -b "$JAR" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | cut -d'"' -f4)
curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "username=$ADMIN_EMAIL" --data-urlencode "password=$ADMIN_PASSWORD" \
  --data-urlencode "_csrf=$csrf" "$BASE/login"
times=()
for i in 1 2 3 4 5 6; do
  t=$(curl -s -o "$WORK/people.html" -w '%{http_code} %{time_total}' -b "$JAR" "$BASE/people")
  [[ ${t%% *} == 200 ]] || { echo "people page failed: $t"; exit 1; }
  times+=("${t#* }")
done
compliance=$(curl -s -o "$WORK/compliance.json" -w '%{time_total}' -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/people/compliance")
total=$(grep -o 'data-testid="total">[0-9]*' "$WORK/people.html" | grep -o '[0-9]*$')

echo
echo "Import preview of $N rows (validate only):   ${preview#* } s"
echo "Import of $N rows (validate + save):          ${import#* } s"
echo "People page over $total people, first load:     ${times[0]} s"
echo "People page, next five loads:                   ${times[*]:1} s"
echo "Compliance API over $total people:             ${compliance} s"
