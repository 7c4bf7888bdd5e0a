#!/usr/bin/env bash
# Runs the whole test suite: domain, web integration on SQLite and PostgreSQL, authorization matrix, CSRF, browser.
# Installs Debian's chromium, poppler-utils (pdftotext/pdftoppm/pdfinfo read the report PDFs back) and postgresql when missing
# (as root); without them those tests skip locally and fail under CI=true.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/pdftoppm ] && [ -x /usr/bin/pdftotext ] && [ -x /usr/bin/pdfinfo ] || missing+=(poppler-utils)
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql-15)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing ${missing[*]} from Debian's packages"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing ${missing[*]}: the tests that need them will skip (install them with apt-get as root)." >&2
  fi
fi

# The public INDIGO export (not in the repository: its licence is not stated) is read by the peer-library tests from
# BUNDLINJE_INDIGO_FOLDER, or from shared/data/indigo next to the repository; the team machines keep it in /work/shared.
if [ -z "${BUNDLINJE_INDIGO_FOLDER:-}" ] && [ -d /work/shared/data/indigo/all-data-by-type ]; then
  export BUNDLINJE_INDIGO_FOLDER=/work/shared/data/indigo/all-data-by-type
fi

# The INDIGO data standard's JSON schemas (project.json, organisation.json; 4.1.0) are not in the repository either (its
# repository states no licence): the export tests validate against them from BUNDLINJE_INDIGO_SCHEMA, extracted here from the
# machine's mirror of INDIGO-Initiative/indigo-data-standard when there is one (docs/indigo.md, "Export").
indigo_mirror=/work/.mirror/INDIGO-Initiative+indigo-data-standard/repo
if [ -z "${BUNDLINJE_INDIGO_SCHEMA:-}" ] && [ -d "$indigo_mirror" ]; then
  BUNDLINJE_INDIGO_SCHEMA=$(mktemp -d)
  trap 'rm -rf "$BUNDLINJE_INDIGO_SCHEMA"' EXIT
  git -C "$indigo_mirror" show 4.1.0:schema/project.json >"$BUNDLINJE_INDIGO_SCHEMA/project.json"
  git -C "$indigo_mirror" show 4.1.0:schema/organisation.json >"$BUNDLINJE_INDIGO_SCHEMA/organisation.json"
  export BUNDLINJE_INDIGO_SCHEMA
fi

dotnet restore Bundlinje.slnx
# The house style (.editorconfig): whitespace, style and analyzer rules at warning severity; `bash scripts/format.sh` applies
# it. The build itself treats every warning as an error (Directory.Build.props); lines <= 140 are LineLengthTests.
dotnet format Bundlinje.slnx --verify-no-changes --no-restore
dotnet test Bundlinje.slnx --logger "console;verbosity=normal" "$@"
