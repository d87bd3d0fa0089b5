# Starts the Docker engine for the tests (sourced by scripts/test.sh), unless one already answers.
# Images the tests build stay in /var/lib/docker between runs, cached by tag.

COOLIFY_TEST_DOCKER_DIR="${COOLIFY_TEST_DOCKER_DIR:-/tmp/coolify-test-docker}"
_coolify_started_dockerd=""

start_test_docker() {
  if docker info >/dev/null 2>&1; then
    return 0
  fi
  [ "$(id -u)" -eq 0 ] || { echo "dockerd is not running and starting it needs root" >&2; return 1; }

  mkdir -p "$COOLIFY_TEST_DOCKER_DIR"
  # A daemon left by an interrupted run.
  if [ -f "$COOLIFY_TEST_DOCKER_DIR/dockerd.pid" ]; then
    kill "$(cat "$COOLIFY_TEST_DOCKER_DIR/dockerd.pid")" 2>/dev/null || true
    sleep 1
  fi
  setsid dockerd --pidfile "$COOLIFY_TEST_DOCKER_DIR/dockerd.pid" >"$COOLIFY_TEST_DOCKER_DIR/dockerd.log" 2>&1 < /dev/null &
  _coolify_started_dockerd=1
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "dockerd did not start; its log:" >&2
  tail -n 30 "$COOLIFY_TEST_DOCKER_DIR/dockerd.log" >&2
  return 1
}

stop_test_docker() {
  if [ -n "$_coolify_started_dockerd" ] && [ -f "$COOLIFY_TEST_DOCKER_DIR/dockerd.pid" ]; then
    kill "$(cat "$COOLIFY_TEST_DOCKER_DIR/dockerd.pid")" 2>/dev/null || true
  fi
  return 0
}
