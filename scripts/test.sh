#!/usr/bin/env bash
# Builds everything and runs every test: the README's test command.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
mvn -B -ntp verify "$@"
