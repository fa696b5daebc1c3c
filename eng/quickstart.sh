#!/usr/bin/env bash
# eng/quickstart.sh — run the QuickStart sample against a local Docker engine.
#
#   bash eng/quickstart.sh [args...]     args are passed to the sample
#
# Starts the engine (eng/engine.sh up), builds the test images
# (eng/images.sh), then runs samples/QuickStart in Release.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT="${DOTNET_CLI_TELEMETRY_OPTOUT:-1}"
export DOTNET_NOLOGO="${DOTNET_NOLOGO:-1}"

command -v dotnet >/dev/null || { echo "quickstart: the .NET SDK (dotnet) is not on PATH; install .NET 10 SDK" >&2; exit 1; }
[[ -d samples/QuickStart ]] || { echo "quickstart: samples/QuickStart does not exist yet" >&2; exit 1; }

bash eng/engine.sh up
bash eng/images.sh
exec dotnet run -c Release --project samples/QuickStart -- "$@"
