#!/usr/bin/env bash
# Adds an EF Core migration named NAME to both providers (SQLite and PostgreSQL), so neither falls behind.
# Usage: scripts/add-migration.sh NAME
set -euo pipefail
cd "$(dirname "$0")/.."

name="${1:-}"
if [[ ! "$name" =~ ^[A-Z][A-Za-z0-9]*$ ]]; then
  echo "usage: scripts/add-migration.sh NAME   (PascalCase, e.g. AddServerHostKey)" >&2
  exit 2
fi

dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  project="src/Coolify.Migrations.$provider"
  echo "== $provider"
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
