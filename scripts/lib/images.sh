# Builds the container images the tests use (sourced by scripts/test.sh). No registry is reachable here, so the
# base image comes from Debian's packages: debootstrap --variant=minbase, then docker import. Images stay in
# dockerd's storage between runs, cached by tag; only a missing tag is built (about a minute).
# Exports COOLIFY_TEST_BASE_IMAGE, COOLIFY_TEST_SSHD_IMAGE (scripts/images/sshd.Dockerfile: more servers) and
# COOLIFY_TEST_HTTPD_IMAGE (scripts/images/httpd.Dockerfile: an application to deploy), COOLIFY_TEST_NODE_IMAGE and
# COOLIFY_TEST_NGINX_IMAGE (the auto and static build packs' base images), COOLIFY_TEST_CADDY_IMAGE (the proxy),
# COOLIFY_TEST_TRAEFIK_STANDIN_IMAGE (a container in Traefik's place: see its Dockerfile), COOLIFY_TEST_POSTGRES_IMAGE,
# _MARIADB_IMAGE, _REDIS_IMAGE and _CLICKHOUSE_IMAGE (database engines with their official images' environment contracts),
# COOLIFY_TEST_COMPOSE_APP_IMAGE (the web half of the compose tests' app: it serves what its database answers).

COOLIFY_TEST_BASE_IMAGE="${COOLIFY_TEST_BASE_IMAGE:-coolify-test/debian:bookworm}"
COOLIFY_TEST_SSHD_IMAGE="${COOLIFY_TEST_SSHD_IMAGE:-coolify-test/sshd:bookworm}"
COOLIFY_TEST_HTTPD_IMAGE="${COOLIFY_TEST_HTTPD_IMAGE:-coolify-test/httpd:2}"
COOLIFY_TEST_NODE_IMAGE="${COOLIFY_TEST_NODE_IMAGE:-coolify-test/node:bookworm}"
COOLIFY_TEST_NGINX_IMAGE="${COOLIFY_TEST_NGINX_IMAGE:-coolify-test/nginx:bookworm}"
COOLIFY_TEST_CADDY_IMAGE="${COOLIFY_TEST_CADDY_IMAGE:-coolify-test/caddy:bookworm}"
COOLIFY_TEST_TRAEFIK_STANDIN_IMAGE="${COOLIFY_TEST_TRAEFIK_STANDIN_IMAGE:-coolify-test/traefik-standin:1}"
COOLIFY_TEST_POSTGRES_IMAGE="${COOLIFY_TEST_POSTGRES_IMAGE:-coolify-test/postgres:15.1}"
COOLIFY_TEST_MARIADB_IMAGE="${COOLIFY_TEST_MARIADB_IMAGE:-coolify-test/mariadb:10.11}"
COOLIFY_TEST_REDIS_IMAGE="${COOLIFY_TEST_REDIS_IMAGE:-coolify-test/redis:7.1}"
COOLIFY_TEST_CLICKHOUSE_IMAGE="${COOLIFY_TEST_CLICKHOUSE_IMAGE:-coolify-test/clickhouse:18.16}"
COOLIFY_TEST_COMPOSE_APP_IMAGE="${COOLIFY_TEST_COMPOSE_APP_IMAGE:-coolify-test/compose-app:1}"

ensure_test_images() {
  export COOLIFY_TEST_BASE_IMAGE COOLIFY_TEST_SSHD_IMAGE COOLIFY_TEST_HTTPD_IMAGE COOLIFY_TEST_NODE_IMAGE COOLIFY_TEST_NGINX_IMAGE COOLIFY_TEST_CADDY_IMAGE \
    COOLIFY_TEST_TRAEFIK_STANDIN_IMAGE COOLIFY_TEST_POSTGRES_IMAGE COOLIFY_TEST_MARIADB_IMAGE COOLIFY_TEST_REDIS_IMAGE \
    COOLIFY_TEST_CLICKHOUSE_IMAGE COOLIFY_TEST_COMPOSE_APP_IMAGE
  ensure_base_image && ensure_built_image "$COOLIFY_TEST_SSHD_IMAGE" sshd && ensure_built_image "$COOLIFY_TEST_HTTPD_IMAGE" httpd \
    && ensure_built_image "$COOLIFY_TEST_NODE_IMAGE" node && ensure_built_image "$COOLIFY_TEST_NGINX_IMAGE" nginx \
    && ensure_built_image "$COOLIFY_TEST_CADDY_IMAGE" caddy && ensure_built_image "$COOLIFY_TEST_TRAEFIK_STANDIN_IMAGE" traefik-standin \
    && ensure_built_image "$COOLIFY_TEST_POSTGRES_IMAGE" postgres && ensure_built_image "$COOLIFY_TEST_MARIADB_IMAGE" mariadb \
    && ensure_built_image "$COOLIFY_TEST_REDIS_IMAGE" redis && ensure_built_image "$COOLIFY_TEST_CLICKHOUSE_IMAGE" clickhouse \
    && ensure_built_image "$COOLIFY_TEST_COMPOSE_APP_IMAGE" compose-app
}

# ensure_built_image TAG NAME: builds scripts/images/NAME.Dockerfile on the base image unless TAG exists; the folder
# scripts/images/NAME, when there is one, is its build context (files it COPYs).
ensure_built_image() {
  docker image inspect "$1" >/dev/null 2>&1 && return 0
  echo "== building $1 (once; cached afterwards)"
  local images; images="$(dirname "${BASH_SOURCE[0]}")/../images"
  if [ -d "$images/$2" ]; then
    docker build -q --build-arg "BASE=$COOLIFY_TEST_BASE_IMAGE" -t "$1" -f "$images/$2.Dockerfile" "$images/$2" >/dev/null
  else
    docker build -q --build-arg "BASE=$COOLIFY_TEST_BASE_IMAGE" -t "$1" - <"$images/$2.Dockerfile" >/dev/null
  fi
}

ensure_base_image() {
  docker image inspect "$COOLIFY_TEST_BASE_IMAGE" >/dev/null 2>&1 && return 0
  echo "== building $COOLIFY_TEST_BASE_IMAGE with debootstrap (once; cached afterwards)"
  local rootfs
  rootfs="$(mktemp -d /tmp/coolify-rootfs.XXXXXX)"
  if ! debootstrap --variant=minbase bookworm "$rootfs" http://deb.debian.org/debian >"$rootfs.log" 2>&1; then
    tail -n 20 "$rootfs.log" >&2
    rm -rf "$rootfs" "$rootfs.log"
    return 1
  fi
  # Without the apt caches; labelled so the tests' cleanups never touch it.
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | docker import --change 'CMD ["/bin/bash"]' - "$COOLIFY_TEST_BASE_IMAGE" >/dev/null
  local status=$?
  rm -rf "$rootfs" "$rootfs.log"
  return $status
}
