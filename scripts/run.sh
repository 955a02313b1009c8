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
# the running JDK cannot use is ignored with a warning.
aot=()
if [ -f launcher/target/switchboard.aot ]; then
  aot=(-XX:AOTCache=launcher/target/switchboard.aot)
fi
exec java "${aot[@]}" -jar launcher/target/switchboard.jar "$@"
