#!/bin/bash
# The official clickhouse/clickhouse-server image's start-up, reduced to what the product relies on: the user
# CLICKHOUSE_USER (default "default") replaces the default user, with CLICKHOUSE_PASSWORD (stored as its SHA-256, so
# any printable password works and none is written down), reachable from every address; CLICKHOUSE_DB is created on a
# server that only listens on unpublished ports; then clickhouse-server runs as the clickhouse user, exec'd as PID 1.
set -euo pipefail
# As the official image: no arguments or options only start the server; anything else runs as given.
if [ "$#" -gt 0 ] && [ "${1#--}" = "$1" ]; then
  exec "$@"
fi
config=/etc/clickhouse-server/config.xml
users=/etc/clickhouse-server/users.d/default-user.xml
: "${CLICKHOUSE_USER:=default}" "${CLICKHOUSE_PASSWORD:=}" "${CLICKHOUSE_DB:=}"
as_clickhouse=(setpriv --reuid=clickhouse --regid=clickhouse --init-groups)
chown clickhouse:clickhouse /var/lib/clickhouse

# The database first, as the image's own passwordless default user, on ports nothing publishes.
rm -f "$users"
if [ -n "$CLICKHOUSE_DB" ] && [ "$CLICKHOUSE_DB" != "default" ]; then
  "${as_clickhouse[@]}" clickhouse-server --config-file="$config" -- --listen_host=127.0.0.1 --tcp_port=19000 --http_port=18123 >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 120); do clickhouse-client --port 19000 --query 'SELECT 1' >/dev/null 2>&1 && break; sleep 0.5; done
  # The name reaches SQL quoted as an identifier: backslash and backquote escaped.
  name="${CLICKHOUSE_DB//\\/\\\\}"
  clickhouse-client --port 19000 --query "CREATE DATABASE IF NOT EXISTS \`${name//\`/\\\`}\`"
  kill "$pid" && wait "$pid" || true
fi

hash="$(printf '%s' "$CLICKHOUSE_PASSWORD" | sha256sum | cut -d' ' -f1)"
# The default user goes, unless it is the one being set (then it is replaced whole).
remove='<default remove="remove"></default>' replace=''
if [ "$CLICKHOUSE_USER" = "default" ]; then remove='' replace=' replace="replace"'; fi
cat > "$users" <<XML
<?xml version="1.0"?>
<yandex>
    <users>
        ${remove}
        <${CLICKHOUSE_USER}${replace}>
            <profile>default</profile>
            <networks><ip>::/0</ip></networks>
            <password_sha256_hex>${hash}</password_sha256_hex>
            <quota>default</quota>
        </${CLICKHOUSE_USER}>
    </users>
</yandex>
XML
exec "${as_clickhouse[@]}" clickhouse-server --config-file="$config" "$@"
