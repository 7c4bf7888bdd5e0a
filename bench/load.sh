#!/usr/bin/env bash
# Load test over real HTTP on 127.0.0.1 (never part of the test suite): builds the web app and the bench in Release,
# generates a 1.000-investment SQLite database in a temp folder, starts the app, signs in USERS users and walks the main
# pages ROUNDS times each, after a single-user baseline. Stops sending after BUDGET seconds. Figures: docs/performance.md.
# Usage: bash bench/load.sh [USERS=200] [ROUNDS=2] [BUDGET=240]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release src/Bundlinje.Web -v q -nologo | grep -E "error|Error" || true
dotnet build -c Release bench/Bundlinje.Bench -v q -nologo | grep -E "error|Error" || true
exec timeout $(( ${3:-240} + 300 )) dotnet bench/Bundlinje.Bench/bin/Release/net10.0/Bundlinje.Bench.dll load "${1:-200}" "${2:-2}" "${3:-240}"
