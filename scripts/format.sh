#!/usr/bin/env bash
# Applies the house style that scripts/test.sh checks: `dotnet format` (whitespace, and style and analyzer fixes at the
# severities in .editorconfig), then wraps C# lines longer than 140 characters with scripts/WrapLongLines.cs (a small
# Roslyn program, see there) and lets `dotnet format whitespace` lay out what it wrapped. Safe to run again: it converges.
#   bash scripts/format.sh          # everything (a few minutes: dotnet format compiles the solution for the style rules)
#   bash scripts/format.sh --quick  # whitespace and line length only (seconds)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ "${1:-}" = "--quick" ]; then dotnet format whitespace Bundlinje.slnx; else dotnet format Bundlinje.slnx; fi
# Wrap, let the formatter lay out the wrapped lines, and wrap once more what its layout made long again (it converges).
dotnet run scripts/WrapLongLines.cs -- src tests bench >/dev/null || true
dotnet format whitespace Bundlinje.slnx
dotnet run scripts/WrapLongLines.cs -- src tests bench  # lists what is left to wrap by hand, and fails then
dotnet format whitespace Bundlinje.slnx
