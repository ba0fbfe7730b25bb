#!/bin/sh
# Evaluation benchmark: 50 checks over 100,000 resources; prints resource-checks per second and the
# ratio of (parse + evaluate) to a bare Jackson parse. Run from the repository root after a build.
set -e
cd "$(dirname "$0")/../.."
[ -d target/classes ] || ./mvnw -B -q compile
CP_FILE=target/bench-classpath.txt
[ "$CP_FILE" -nt pom.xml ] || ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null
exec java -Xmx2g -cp "target/classes:$(cat "$CP_FILE")" bench/monitoring/EvaluationBench.java "$@"
