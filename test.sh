#!/usr/bin/env bash
# Runs every test of the project on a fresh Debian machine with the .NET SDK:
# installs redis-server, buf, helm and chromium if missing, lints the protos, builds with warnings as errors
# (NuGet restore included) and runs every test project. Ends with "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh

ensure_dotnet
ensure_redis

if ensure_buf; then
  say "buf lint"
  buf lint
  # Never break a published field: compare with the last commit on main when there is history.
  if git rev-parse --verify -q HEAD~1 >/dev/null 2>&1 && git ls-tree -d HEAD~1 protos >/dev/null 2>&1 && [ -n "$(git ls-tree HEAD~1 protos)" ]; then
    say "buf breaking against the previous commit"
    buf breaking --against ".git#ref=HEAD~1"
  fi
else
  say "buf is not available: skipping the proto lint step only"
fi

if ! docker info >/dev/null 2>&1; then
  say "no Docker engine answers: Redis test fixtures start local redis-server processes instead of Testcontainers"
fi
ensure_helm || { say "helm could not be installed"; exit 1; }
ensure_chromium || { say "chromium could not be installed (the evaluation page's browser test needs it)"; exit 1; }
say "helm lint (every phase)"
for values in charts/accreditation/values-*.yaml; do
  helm lint charts/accreditation -f "$values" --set auth.authority=https://login.example.gov.uk >/dev/null
done

say "dotnet build (warnings are errors)"
dotnet build Accreditation.sln -nologo -v quiet -clp:ErrorsOnly

results="$(pwd)/TestResults"
rm -rf "$results"
say "dotnet test"
status=0
dotnet test Accreditation.sln --no-build -nologo --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=$?

# One closing line for every runner: the totals of all the trx files.
passed=0; failed=0; skipped=0
count() { printf '%s' "$1" | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9][0-9]*' || echo 0; }
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*' "$trx" | head -n 1)"
  passed=$((passed + $(count "$counters" passed)))
  failed=$((failed + $(count "$counters" failed) + $(count "$counters" error) + $(count "$counters" timeout)))
  skipped=$((skipped + $(count "$counters" notExecuted)))
done
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then say "no test ran"; status=1; fi
exit $status
