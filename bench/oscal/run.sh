#!/usr/bin/env bash
# Time to import a generated OSCAL catalog of N controls (10,000 by default) through POST /api/v1/frameworks/import:
# schema validation, resolution, and every requirement written in one transaction. Also the shipped 800-53
# MODERATE baseline (profile resolved over the 1,189-control catalog). Prints each import's wall-clock time.
#
# Against a running Attest:   BASE=http://localhost:8080 TOKEN=... bench/oscal/run.sh
# Or let the script start one on a fresh H2 data folder:   START=1 bench/oscal/run.sh
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
  echo "Starting Attest on $BASE (data in $WORK/data) ..."
  cd "$ROOT"
  SERVER_PORT=$PORT ATTEST_DATA_DIR="$WORK/data" ATTEST_BOOTSTRAP_API_TOKEN=$TOKEN ATTEST_BOOTSTRAP_ADMIN_PASSWORD=bench-password-123 \
    setsid ./mvnw -B -q spring-boot:run > "$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 240); do
    curl -fs "$BASE/actuator/health" > /dev/null 2>&1 && break
    sleep 1
  done
  curl -fs "$BASE/actuator/health" > /dev/null || { echo "Attest did not start; see $WORK/app.log"; tail -50 "$WORK/app.log"; exit 1; }
fi
: "${BASE:?set BASE}" "${TOKEN:?set TOKEN}"

python3 "$HERE/generate.py" "$N" > "$WORK/catalog.json"
echo "Catalog: $N controls in groups of 100 (an enhancement under every fifth), $(wc -c < "$WORK/catalog.json") bytes"

RUN=$(date +%s)
result=$(curl -s -o "$WORK/import.json" -w '%{http_code} %{time_total}' -X POST -H "Authorization: Bearer $TOKEN" \
  -F "id=bench-$RUN" -F "file=@$WORK/catalog.json;filename=catalog.json" "$BASE/api/v1/frameworks/import")
[[ ${result%% *} == 201 ]] || { echo "import failed: $result"; head -c 600 "$WORK/import.json"; exit 1; }
echo "Import of $N controls: ${result#* } s ($(grep -o '"requirements":[0-9]*' "$WORK/import.json"))"

result=$(curl -s -o "$WORK/moderate.json" -w '%{http_code} %{time_total}' -X POST -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d "{\"shipped\":\"nist-800-53-moderate\",\"id\":\"m-$RUN\"}" "$BASE/api/v1/frameworks/import")
[[ ${result%% *} == 201 ]] || { echo "MODERATE import failed: $result"; head -c 600 "$WORK/moderate.json"; exit 1; }
echo "Import of the shipped 800-53 MODERATE baseline: ${result#* } s ($(grep -o '"requirements":[0-9]*' "$WORK/moderate.json"))"
