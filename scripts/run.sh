#!/usr/bin/env bash
# Builds the fat jar if needed and runs the gateway; with no arguments it starts the demo.
# Any arguments go to the gateway, e.g. scripts/run.sh --config examples/gateway.yaml
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
if [ ! -f launcher/target/switchboard.jar ]; then
  mvn -B -ntp -q -DskipTests package
fi
# The JDK's AOT cache, trained by the build on JDK 25+ (launcher/pom.xml): a faster start to the first answer. A cache
# the running JDK cannot use is ignored with a warning. With the cache (so on JDK 25+), Netty is allowed
# sun.misc.Unsafe, as in the training: without Unsafe, Netty 4.2 on Java 25 links malloc and free through the
# foreign-function API at every start, classes the cache cannot hold (docs/performance.md, round 8).
aot=()
if [ -f launcher/target/switchboard.aot ]; then
  aot=(-XX:AOTCache=launcher/target/switchboard.aot --sun-misc-unsafe-memory-access=allow)
fi
exec java "${aot[@]}" -jar launcher/target/switchboard.jar "$@"
