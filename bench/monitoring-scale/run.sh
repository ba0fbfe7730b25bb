#!/bin/sh
# Monitoring at scale, end to end over HTTP; see README.md. Run from anywhere after a build:
#   bench/monitoring-scale/run.sh --db postgres --resources 100000 --large 1000000
set -e
cd "$(dirname "$0")/../.."
[ -d target/classes ] || ./mvnw -B -q compile
# The runtime classpath, as the packaged jar has it: test libraries (Kotlin's reflection, mock servers)
# would change what Spring Boot configures and what each request costs.
CP_FILE=target/bench-runtime-classpath.txt
[ "$CP_FILE" -nt pom.xml ] || ./mvnw -B -q dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$CP_FILE" >/dev/null
exec python3 -u bench/monitoring-scale/bench.py "$@"
