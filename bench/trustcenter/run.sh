#!/usr/bin/env bash
# Serves the published Trust Center overview from Attest's rendering cache and the same page saved
# to disk from nginx, both on loopback, and measures each with wrk at 50 connections.
# Usage: bench/trustcenter/run.sh [seconds per run, default 20]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-20}"
CONNECTIONS=50
THREADS=2

need() { command -v "$1" >/dev/null 2>&1 || { echo "installing $2"; apt-get install -y "$2" >/dev/null || sudo apt-get install -y "$2" >/dev/null; }; }
need wrk wrk
need nginx nginx

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

WORK="$(mktemp -d /tmp/attest-bench-XXXXXX)"
APP_PORT="$(free_port)"
NGINX_PORT="$(free_port)"
TOKEN="attest_bench_token_$(date +%s)_0123456789"
APP_PID=""
NGINX_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

JAR="$(ls target/attest-*.jar 2>/dev/null | grep -v original | head -1 || true)"
if [ -z "$JAR" ]; then
  echo "building the application jar"
  ./mvnw -B -q -DskipTests package
  JAR="$(ls target/attest-*.jar | grep -v original | head -1)"
fi

echo "starting Attest on 127.0.0.1:$APP_PORT"
ATTEST_DATA_DIR="$WORK/data" ATTEST_BOOTSTRAP_API_TOKEN="$TOKEN" ATTEST_BOOTSTRAP_ADMIN_PASSWORD="bench-password-123" \
  java -Xmx512m -jar "$JAR" --server.port="$APP_PORT" --server.address=127.0.0.1 --logging.level.root=warn \
  --attest.scheduling.enabled=false > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$APP_PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -sf "http://127.0.0.1:$APP_PORT/actuator/health" >/dev/null || { echo "Attest did not start"; tail -50 "$WORK/app.log"; exit 1; }

api() { curl -sf -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" "$@"; }
CONTROLS=$(api "http://127.0.0.1:$APP_PORT/api/v1/controls" | python3 -c 'import json,sys; print(json.dumps([c["key"] for c in json.load(sys.stdin)][:40]))')
api -X PUT "http://127.0.0.1:$APP_PORT/api/v1/trust-center/draft" -d @- >/dev/null <<JSON
{"company":"Benchmark Cloud","summary":"We run a hosted analytics database. Customer data is encrypted at rest with AES-256 and in transit with TLS 1.2 or later, access is reviewed quarterly, and our controls are monitored continuously.",
 "contactEmail":"security@bench.example","securityContact":"security@bench.example","ndaText":"Confidential.",
 "certifications":[{"framework":"SOC 2 Type II","status":"certified","since":"2022","auditor":"Example Audit LLP","period":"2025-01-01 to 2025-12-31"},
                   {"framework":"ISO/IEC 27001:2022","status":"certified","since":"2023","auditor":"Example Cert Body"},
                   {"framework":"HIPAA","status":"in_progress"},{"framework":"PCI DSS v4.0","status":"planned"}],
 "controls":$CONTROLS,
 "faq":[{"question":"How is data encrypted?","answer":"AES-256 at rest, TLS 1.2+ in transit, keys in a managed KMS."},
        {"question":"Where is data hosted?","answer":"In the EU (Frankfurt) or the US (Virginia), as the customer chooses."},
        {"question":"How long do you keep data?","answer":"For the contract term plus 30 days, then it is deleted."}]}
JSON
api -X POST "http://127.0.0.1:$APP_PORT/api/v1/trust-center/publish" -d '{}' >/dev/null

mkdir -p "$WORK/www/trust" "$WORK/nginx"
curl -sf "http://127.0.0.1:$APP_PORT/trust" -o "$WORK/www/trust/index.html"
echo "page size: $(wc -c < "$WORK/www/trust/index.html") bytes"
# nginx workers run as an unprivileged user when started as root: let them read the copy.
chmod 755 "$WORK" && chmod -R a+rX "$WORK/www"
cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  types { text/html html; }
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
    location = /trust { default_type text/html; try_files /trust/index.html =404; }
  }
}
CONF
nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" &
NGINX_PID=$!
for _ in $(seq 1 20); do curl -sf "http://127.0.0.1:$NGINX_PORT/trust" >/dev/null 2>&1 && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$NGINX_PORT/trust" | cmp -s - "$WORK/www/trust/index.html" || { echo "nginx does not serve the saved page"; exit 1; }

measure() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$1" > "$WORK/wrk.txt"
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$WORK/wrk.txt")
  printf "%-22s %12s %10s\n" "$2" "$rps" "$p99"
  echo "$rps" > "$WORK/$3.rps"
}

echo "warming up Attest (30 s)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d30s "http://127.0.0.1:$APP_PORT/trust" >/dev/null
echo
echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s on loopback (workers share this machine's $(nproc) cores)"
printf "%-22s %12s %10s\n" "server" "requests/s" "p99"
measure "http://127.0.0.1:$NGINX_PORT/trust" "nginx (saved copy)" nginx
measure "http://127.0.0.1:$APP_PORT/trust" "Attest /trust (cache)" attest
python3 -c "a=float(open('$WORK/attest.rps').read()); n=float(open('$WORK/nginx.rps').read()); print(f'Attest serves {a/n*100:.0f}% of nginx requests/s')"
