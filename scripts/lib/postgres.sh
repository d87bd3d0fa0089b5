# Starts a throw-away PostgreSQL server for the tests (sourced by scripts/test.sh).
# Its own data directory and port, so it never touches a cluster the machine already runs.
# Exports COOLIFY_TEST_POSTGRES for the test projects.

COOLIFY_TEST_PG_PORT="${COOLIFY_TEST_PG_PORT:-55432}"
COOLIFY_TEST_PGDATA="${COOLIFY_TEST_PGDATA:-/tmp/coolify-test-pg}"

pg_bin_dir() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

# Runs a command as the owner of the test cluster: PostgreSQL refuses to run as root.
as_pg_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start_test_postgres() {
  local bin
  bin="$(pg_bin_dir)"
  if [ -z "$bin" ]; then
    echo "PostgreSQL server binaries not found under /usr/lib/postgresql" >&2
    return 1
  fi

  # A cluster left by an interrupted run: stop it, start clean.
  if [ -f "$COOLIFY_TEST_PGDATA/postmaster.pid" ]; then
    as_pg_owner "$bin/pg_ctl" -D "$COOLIFY_TEST_PGDATA" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$COOLIFY_TEST_PGDATA"
  mkdir -p "$COOLIFY_TEST_PGDATA"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$COOLIFY_TEST_PGDATA"

  as_pg_owner "$bin/initdb" -D "$COOLIFY_TEST_PGDATA" -U postgres --auth=trust -E UTF8 >/dev/null || return 1
  # fsync off: a test cluster is disposable and this makes every test database faster to create and drop.
  as_pg_owner "$bin/pg_ctl" -D "$COOLIFY_TEST_PGDATA" -w -t 60 -l "$COOLIFY_TEST_PGDATA/server.log" \
    -o "-p $COOLIFY_TEST_PG_PORT -k $COOLIFY_TEST_PGDATA -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$COOLIFY_TEST_PGDATA/server.log" >&2; return 1; }

  export COOLIFY_TEST_POSTGRES="Host=127.0.0.1;Port=$COOLIFY_TEST_PG_PORT;Username=postgres;Database=postgres"
}

stop_test_postgres() {
  local bin
  bin="$(pg_bin_dir)"
  [ -n "$bin" ] && [ -f "$COOLIFY_TEST_PGDATA/postmaster.pid" ] && \
    as_pg_owner "$bin/pg_ctl" -D "$COOLIFY_TEST_PGDATA" -m fast stop >/dev/null 2>&1
  return 0
}
