# Starts s3rver (npm), an S3-compatible server, on 127.0.0.1:14568 for the S3 storage and backup tests (sourced by
# scripts/test.sh). Installed once into a cache folder; its data lives in a fresh folder per run. Its one account is
# S3RVER / S3RVER: an unknown access key is refused, but SigV4 signatures are not checked (a wrong secret passes).
# Exports COOLIFY_TEST_S3_ENDPOINT, _BUCKET, _KEY and _SECRET. Another instance (scripts/bench.sh's, beside the tests')
# needs its own COOLIFY_TEST_S3RVER_PORT and COOLIFY_TEST_S3RVER_DIR, set before this file is sourced.

COOLIFY_TEST_S3RVER_PORT="${COOLIFY_TEST_S3RVER_PORT:-14568}"
COOLIFY_TEST_S3RVER_DIR="${COOLIFY_TEST_S3RVER_DIR:-/tmp/coolify-test-s3rver}"
COOLIFY_TEST_S3RVER_CACHE="${COOLIFY_TEST_S3RVER_CACHE:-/var/cache/coolify-test/s3rver-3.7.1}"

start_test_s3rver() {
  local dir="$COOLIFY_TEST_S3RVER_DIR" cache="$COOLIFY_TEST_S3RVER_CACHE" port="$COOLIFY_TEST_S3RVER_PORT"
  stop_test_s3rver
  if [ ! -f "$cache/node_modules/s3rver/bin/s3rver.js" ]; then
    echo "== installing s3rver from npm (once; cached afterwards)"
    mkdir -p "$cache" && npm install --prefix "$cache" --no-audit --no-fund --loglevel=error s3rver@3.7.1 >/dev/null || return 1
  fi
  rm -rf "$dir" && mkdir -p "$dir/data" || return 1
  setsid node "$cache/node_modules/s3rver/bin/s3rver.js" --directory "$dir/data" --address 127.0.0.1 --port "$port" \
    --configure-bucket coolify-backups > "$dir/s3rver.log" 2>&1 < /dev/null &
  echo $! > "$dir/s3rver.pid"
  local _
  for _ in $(seq 1 50); do
    curl -s -o /dev/null "http://127.0.0.1:$port/" && break
    sleep 0.2
  done
  curl -s -o /dev/null "http://127.0.0.1:$port/" || { tail -n 20 "$dir/s3rver.log" >&2; return 1; }
  export COOLIFY_TEST_S3_ENDPOINT="http://127.0.0.1:$port" COOLIFY_TEST_S3_BUCKET="coolify-backups"
  export COOLIFY_TEST_S3_KEY="S3RVER" COOLIFY_TEST_S3_SECRET="S3RVER"
}

stop_test_s3rver() {
  local pid="$COOLIFY_TEST_S3RVER_DIR/s3rver.pid"
  [ -f "$pid" ] && kill "$(cat "$pid")" 2>/dev/null
  rm -f "$pid"
  return 0
}
