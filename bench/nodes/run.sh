#!/usr/bin/env bash
# One Attest node against two, on one PostgreSQL database, each behind the same nginx load balancer on
# loopback: wrk measures the readiness API (GET /api/v1/readiness with a token) and the public Trust
# Center page (GET /trust) through nginx with one upstream node, then with two, in the same run.
# Usage: bench/nodes/run.sh [seconds per run, default 20]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-20}"
CONNECTIONS=32
THREADS=2

need() { command -v "$1" >/dev/null 2>&1 || { echo "installing $2"; apt-get install -y "$2" >/dev/null || sudo apt-get install -y "$2" >/dev/null; }; }
need wrk wrk
need nginx nginx
need psql postgresql-client

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

WORK="$(mktemp -d /tmp/attest-bench-nodes-XXXXXX)"
DB="attest_bench_nodes_$$"
TOKEN="attest_bench_token_$(date +%s)_0123456789"
KEY="$(head -c 32 /dev/urandom | base64)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  sleep 1
  psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
psql -h 127.0.0.1 -U postgres -q -c "create database $DB"

JAR="$(ls target/attest-*.jar 2>/dev/null | grep -v original | head -1 || true)"
if [ -z "$JAR" ]; then
  echo "building the application jar"
  ./mvnw -B -q -DskipTests package
  JAR="$(ls target/attest-*.jar | grep -v original | head -1)"
fi

start_node() { # name port
  ATTEST_DATA_DIR="$WORK/$1" ATTEST_BOOTSTRAP_API_TOKEN="$TOKEN" ATTEST_BOOTSTRAP_ADMIN_PASSWORD="bench-password-123" \
  ATTEST_MASTER_KEY="$KEY" ATTEST_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" ATTEST_DB_USER=postgres ATTEST_DB_PASSWORD= \
    java -Xmx512m -jar "$JAR" --server.port="$2" --server.address=127.0.0.1 --logging.level.root=warn \
    --attest.scheduling.enabled=false > "$WORK/$1.log" 2>&1 &
  PIDS+=($!)
}
wait_ready() { # port
  for _ in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "node on $1 did not become ready"; tail -40 "$WORK"/*.log; exit 1
}

PORT_A="$(free_port)"; PORT_B="$(free_port)"; LB_ONE="$(free_port)"; LB_TWO="$(free_port)"
echo "starting two nodes (127.0.0.1:$PORT_A, 127.0.0.1:$PORT_B) on PostgreSQL database $DB, at the same time"
start_node a "$PORT_A"
start_node b "$PORT_B"
wait_ready "$PORT_A"; wait_ready "$PORT_B"

api() { curl -sf -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" "$@"; }
api -X PUT "http://127.0.0.1:$PORT_A/api/v1/trust-center/draft" -d '{"company":"Benchmark Cloud","summary":"We run a hosted analytics database; customer data is encrypted at rest and in transit.","contactEmail":"security@bench.example","securityContact":"security@bench.example","ndaText":"Confidential.","certifications":[{"framework":"SOC 2 Type II","status":"certified","since":"2022"}]}' >/dev/null
api -X POST "http://127.0.0.1:$PORT_A/api/v1/trust-center/publish" -d '{}' >/dev/null

mkdir -p "$WORK/nginx"
cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 2048; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  upstream one { server 127.0.0.1:$PORT_A; keepalive 64; }
  upstream two { server 127.0.0.1:$PORT_A; server 127.0.0.1:$PORT_B; keepalive 64; }
  server { listen 127.0.0.1:$LB_ONE; location / { proxy_pass http://one; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host \$host:\$server_port; } }
  server { listen 127.0.0.1:$LB_TWO; location / { proxy_pass http://two; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host \$host:\$server_port; } }
}
CONF
nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" &
PIDS+=($!)
sleep 1

run() { # label url [header]
  local out
  if [ -n "${3:-}" ]; then
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "$3" "$2")
  else
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$2")
  fi
  local rps p50 p99 errors
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  printf '%-40s %10s req/s   p50 %8s   p99 %8s   non-2xx %s\n' "$1" "$rps" "$p50" "$p99" "${errors:-0}"
}

for lb in "$LB_ONE" "$LB_TWO"; do  # warm both nodes' JITs and caches
  wrk -t1 -c8 -d5s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$lb/api/v1/readiness" >/dev/null
  wrk -t1 -c8 -d5s "http://127.0.0.1:$lb/trust" >/dev/null
done

echo "wrk: $THREADS threads, $CONNECTIONS connections, ${DURATION}s each; nproc=$(nproc)"
run "readiness API, one node"  "http://127.0.0.1:$LB_ONE/api/v1/readiness" "Authorization: Bearer $TOKEN"
run "readiness API, two nodes" "http://127.0.0.1:$LB_TWO/api/v1/readiness" "Authorization: Bearer $TOKEN"
run "Trust Center page, one node"  "http://127.0.0.1:$LB_ONE/trust"
run "Trust Center page, two nodes" "http://127.0.0.1:$LB_TWO/trust"
