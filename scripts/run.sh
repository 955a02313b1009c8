#!/usr/bin/env bash
# Builds the fat jar if needed and runs the gateway; with no arguments it starts the demo.
# Any arguments go to the gateway, e.g. scripts/run.sh --config examples/gateway.yaml
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
if [ ! -f launcher/target/switchboard.jar ]; then
  mvn -B -ntp -q -DskipTests package
fi
exec java -jar launcher/target/switchboard.jar "$@"
