#!/usr/bin/env sh
# Calculator latency benchmarks (JMH). Usage: bench/tools/run.sh [JMH options], e.g. -p expression='0.1 + 0.2' -f 1
# Compiles the test sources (the JMH annotation processor generates the harness), then runs JMH on the test classpath.
set -eu
cd "$(dirname "$0")/../.."
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main \
    'io.groundgate.bench.tools.CalculatorBench' "$@"
