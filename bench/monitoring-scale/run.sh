#!/bin/sh
# Monitoring at scale, end to end over HTTP; see README.md. Run from anywhere after a build:
#   bench/monitoring-scale/run.sh --db postgres --resources 100000 --large 1000000
set -e
cd "$(dirname "$0")/../.."
[ -d target/classes ] || ./mvnw -B -q compile
CP_FILE=target/bench-classpath.txt
[ "$CP_FILE" -nt pom.xml ] || ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null
exec python3 -u bench/monitoring-scale/bench.py "$@"
