#!/usr/bin/env bash
# Regenerates the report pages shown in docs/reports.md ("What it looks like") from the CLI: loads the Aarhus demo into a
# throwaway SQLite database, issues the 2024 annual report, UngiFokus' fact sheet and SFB's department bundle as of
# 31-12-2024 as PDFs, and converts the pages shown to PNG in docs/images/reports/. Needs chromium and poppler-utils.
# Usage: bash scripts/report-pages.sh   (from anywhere; builds the CLI first)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/docs/images/reports"
work="$(mktemp -d -t bundlinje-report-pages-XXXXXX)"
trap 'rm -rf "$work"' EXIT
for tool in chromium pdftoppm pdftotext; do
  command -v "$tool" >/dev/null || { echo "report-pages: $tool not found (apt-get install chromium poppler-utils)" >&2; exit 1; }
done

dotnet build "$root/src/Bundlinje.Cli" -v q -nologo >/dev/null
cli() { (cd "$work" && dotnet "$root/src/Bundlinje.Cli/bin/Debug/net10.0/Bundlinje.Cli.dll" "$@"); }
export Bundlinje__DataFolder="$work" Bundlinje__Demo=true

cli demo load >/dev/null
cli report annual --fund aarhus --year 2024 --out "$work/annual.pdf"
cli report factsheet --investment ungifokus --as-of 2024-12-31 --out "$work/factsheet.pdf"
cli report department --fund aarhus --department sfb --as-of 2024-12-31 --out "$work/department.pdf"

# The annual report's page with the economics table (chapter 6): the first page with its caption, "Tabel 2".
pages=$(pdfinfo "$work/annual.pdf" | awk '/^Pages:/ {print $2}')
economics=""
for ((p = 1; p <= pages; p++)); do
  if pdftotext -f "$p" -l "$p" "$work/annual.pdf" - | grep -q "^Tabel 2"; then economics=$p; break; fi
done
[ -n "$economics" ] || { echo "report-pages: no page with 'Tabel 2' in the annual report" >&2; exit 1; }

page() { # PDF PAGE NAME: one page as docs/images/reports/NAME.png, 1000 px on its longer side
  pdftoppm -png -scale-to 1000 -f "$2" -l "$2" -singlefile "$1" "$out/$3"
}
mkdir -p "$out"
page "$work/annual.pdf" "$economics" annual-2024-economics
page "$work/factsheet.pdf" 1 factsheet-ungifokus
page "$work/department.pdf" 1 department-sfb
ls -l "$out"
