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
for pass in 1 2 3; do
  if dotnet run scripts/WrapLongLines.cs -- src tests bench; then wrapped=ok; else wrapped=left; fi
  dotnet format whitespace Bundlinje.slnx
  if [ "$wrapped" = ok ] && git diff --quiet --exit-code 2>/dev/null; then break; fi
  [ "$wrapped" = ok ] && dotnet run scripts/WrapLongLines.cs -- src tests bench >/dev/null && break
done
