#!/usr/bin/env bash
# Runs every test of Coolify.NET on a Debian machine: installs what is missing (apt-get), starts the services the
# tests need (PostgreSQL, the Docker engine, an OpenSSH server), builds, runs each test project, and ends with one line:
#   Tests: N passed, N failed, N skipped
# Exit status is non-zero when anything failed. Needs the .NET 10 SDK and root (or sudo) for apt-get.
set -uo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export COOLIFY_TEST_STRICT=1 # a missing PostgreSQL, Chromium, sshd or dockerd fails the run instead of skipping tests
export COOLIFY_TEST_ARTIFACTS="$root/artifacts/screenshots"
results="$root/artifacts/test-results"

source scripts/lib/packages.sh
source scripts/lib/postgres.sh
source scripts/lib/docker.sh
source scripts/lib/sshd.sh
source scripts/lib/images.sh
source scripts/lib/pebble.sh
source scripts/lib/s3rver.sh

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required (dotnet not found on PATH)." >&2
  echo "Tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi

ensure_packages postgresql chromium docker.io docker-compose openssh-server sudo iproute2 debootstrap git pebble openssl curl nodejs ||
  { echo "Tests: 0 passed, 1 failed, 0 skipped"; exit 1; }
# Debian's npm is its own package; some Node.js builds (NodeSource's) bring npm within nodejs and conflict with it.
command -v npm >/dev/null 2>&1 || ensure_packages npm || { echo "Tests: 0 passed, 1 failed, 0 skipped"; exit 1; }

stop_services() { stop_test_s3rver; stop_test_pebble; stop_test_sshd; stop_test_docker; stop_test_postgres; }
trap stop_services EXIT
echo "== starting PostgreSQL, dockerd, sshd, Pebble and s3rver for the tests"
{ start_test_postgres && start_test_docker && start_test_sshd && start_test_pebble && start_test_s3rver && ensure_test_images; } ||
  { echo "Tests: 0 passed, 1 failed, 0 skipped"; exit 1; }

echo "== building"
if ! dotnet build Coolify.slnx --nologo -v quiet -clp:ErrorsOnly; then
  echo "Tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi

rm -rf "$results" "$COOLIFY_TEST_ARTIFACTS"
mkdir -p "$results"
status=0
for project in tests/*/*.csproj; do
  name="$(basename "$project" .csproj)"
  echo "== $name"
  dotnet test "$project" --no-build --nologo \
    --logger "trx;LogFileName=$name.trx"\
    --results-directory "$results" || status=1
done

passed=0 failed=0 skipped=0
for project in tests/*/*.csproj; do
  name="$(basename "$project" .csproj)"
  trx="$results/$name.trx"
  if [ ! -f "$trx" ]; then
    echo "no results for $name (the test host did not run)" >&2
    failed=$((failed + 1))
    continue
  fi
  counters="$(grep -o '<Counters [^>]*' "$trx")"
  count() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(count passed)))
  failed=$((failed + $(count failed) + $(count error) + $(count timeout) + $(count aborted)))
  # xunit v3 writes a skipped test as outcome="NotExecuted" without counting it in the counters.
  skipped=$((skipped + $(grep -o 'outcome="NotExecuted"' "$trx" | wc -l)))
done

[ "$failed" -gt 0 ] && status=1
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
