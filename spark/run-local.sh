#!/usr/bin/env bash
# Runs the signalcheck Spark job in local mode from the built module, without a Spark installation:
# the packaged job (target/signalcheck-spark.jar) on Spark's own jars (the module's provided
# dependencies), the way spark-submit runs it on a cluster. Builds the module first when needed.
#
#   spark/run-local.sh --input PATH --id COL --time COL --target COL --output DIR [--master local[2]] [job options]
#
# Driver memory: SIGNALCHECK_SPARK_MEMORY (default 2g). Other JVM options: SIGNALCHECK_SPARK_JAVA_OPTS.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
jar="$here/target/signalcheck-spark.jar"
classpath="$here/target/spark-classpath.txt"
options="$here/target/spark-jvm-options.txt"
if [ ! -f "$jar" ] || [ ! -f "$classpath" ] || [ ! -f "$options" ] \
   || [ -n "$(find "$root" -path "$root/*/src/main/*" -newer "$jar" -print -quit 2>/dev/null)" ] \
   || [ -n "$(find "$root" -maxdepth 2 -name pom.xml -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "run-local.sh: building the Spark job (first run or sources changed)…" >&2
  (cd "$root" && ./mvnw -q -B -DskipTests package -pl spark -am >&2)
fi
master=()
case " $* " in
  *" --master "*|*" --master="*) ;;
  *) master=(--master 'local[2]') ;;
esac
# local mode stays on the loopback interface
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
# shellcheck disable=SC2046
exec java -Xmx"${SIGNALCHECK_SPARK_MEMORY:-2g}" $(cat "$options") ${SIGNALCHECK_SPARK_JAVA_OPTS:-} \
  -Dlog4j2.configurationFile="$here/run-local-log4j2.properties" \
  -cp "$jar:$(cat "$classpath")" dev.signalcheck.spark.SparkAudit "${master[@]}" "$@"
