#!/usr/bin/env bash
# Audit-trail write rate on PostgreSQL: entries per second appended through the real code path
# (one transaction per entry, chain head locked, SHA-256 computed), then the verification rate.
# Usage: bench/auditlog/run.sh [entries] [writers]   (needs psql and a PostgreSQL at PGHOST, default 127.0.0.1)
set -euo pipefail
cd "$(dirname "$0")/../.."
ENTRIES=${1:-2000}
WRITERS=${2:-4}
PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
DB=attest_bench_auditlog_$$
psql -h "$PGHOST" -U "$PGUSER" -d postgres -qc "create database $DB"
trap 'psql -h "$PGHOST" -U "$PGUSER" -d postgres -qc "drop database if exists $DB with (force)"' EXIT
ATTEST_DB_URL="jdbc:postgresql://$PGHOST:5432/$DB" ATTEST_DB_USER="$PGUSER" \
  ./mvnw -B -q test -Dtest=AuditTrailBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.entries="$ENTRIES" -Dbench.writers="$WRITERS" >/dev/null
grep '^BENCH' target/surefire-reports/dev.attest.auditlog.internal.AuditTrailBenchmark-output.txt | sed 's/^BENCH //'
