#!/bin/sh
# Ledger benchmarks: append rate on PostgreSQL (ATTEST_DB_URL, default jdbc:postgresql://127.0.0.1:5432/attest_bench,
# created if missing) and verification of a 1,000,000-entry export against sha256sum. Run from anywhere after a build.
set -e
cd "$(dirname "$0")/../.."
[ -d target/classes ] || ./mvnw -B -q compile
CP_FILE=target/bench-classpath.txt
[ "$CP_FILE" -nt pom.xml ] || ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null
if [ -z "$ATTEST_DB_URL" ]; then
  psql -h 127.0.0.1 -U postgres -d postgres -tAc "select 1 from pg_database where datname = 'attest_bench'" | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -d postgres -c "create database attest_bench" >/dev/null
fi
exec java -Xmx2g -cp "target/classes:$(cat "$CP_FILE")" bench/evidence/LedgerBench.java "$@"
