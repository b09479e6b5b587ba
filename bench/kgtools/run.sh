#!/usr/bin/env sh
# kg_describe and kg_search latency on the demo knowledge base (JMH). Usage: bench/kgtools/run.sh [JMH options],
# e.g. bench/kgtools/run.sh 'KgToolsBench.kgDescribe' -p entity=element/Au
# Compiles the test sources (the JMH annotation processor generates the harness), then runs JMH on the test classpath
# from the repository root (the benchmark reads ontologies/).
set -eu
cd "$(dirname "$0")/../.."
./mvnw -B -q -DskipNodeSdk test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
    -Dmdep.includeScope=test
if [ $# -eq 0 ] || [ "${1#-}" != "$1" ]; then set -- 'io.groundgate.bench.kgtools.KgToolsBench' "$@"; fi
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main "$@"
