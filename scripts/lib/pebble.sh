# Starts Pebble, the Let's Encrypt test server from Debian's package, for the proxy's HTTPS tests (sourced by
# scripts/test.sh). Debian ships no certificate for Pebble's own listener: one is made here with openssl, for
# host.docker.internal (how the proxy container reaches the host) and localhost. HTTP-01 challenges go to port 80
# of the test domain, which /etc/hosts points at 127.0.0.1 (the proxy publishes 80 there).
# Exports COOLIFY_TEST_ACME_DIRECTORY, COOLIFY_TEST_ACME_CA_ROOT (the listener's certificate, PEM file),
# COOLIFY_TEST_ACME_ROOTS (Pebble's management URL of the issuing root) and COOLIFY_TEST_ACME_DOMAIN.

COOLIFY_TEST_PEBBLE_DIR="${COOLIFY_TEST_PEBBLE_DIR:-/tmp/coolify-test-pebble}"
COOLIFY_TEST_ACME_DOMAIN="${COOLIFY_TEST_ACME_DOMAIN:-acme-app.coolify.test}"

start_test_pebble() {
  local dir="$COOLIFY_TEST_PEBBLE_DIR"
  stop_test_pebble
  rm -rf "$dir" && mkdir -p "$dir" || return 1
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=pebble" \
    -addext "subjectAltName=DNS:host.docker.internal,DNS:localhost,IP:127.0.0.1" \
    -keyout "$dir/key.pem" -out "$dir/cert.pem" >/dev/null 2>&1 || return 1
  cat > "$dir/config.json" <<JSON
{"pebble": {"listenAddress": "0.0.0.0:14000", "managementListenAddress": "127.0.0.1:15000",
  "certificate": "$dir/cert.pem", "privateKey": "$dir/key.pem", "httpPort": 80, "tlsPort": 5001,
  "ocspResponderURL": "", "externalAccountBindingRequired": false}}
JSON
  grep -q " $COOLIFY_TEST_ACME_DOMAIN\$" /etc/hosts || echo "127.0.0.1 $COOLIFY_TEST_ACME_DOMAIN" >> /etc/hosts
  # No random waits before validating, and no nonces refused on purpose: the test is about our side.
  PEBBLE_VA_NOSLEEP=1 PEBBLE_WFE_NONCEREJECT=0 setsid pebble -config "$dir/config.json" > "$dir/pebble.log" 2>&1 < /dev/null &
  echo $! > "$dir/pebble.pid"
  local _
  for _ in $(seq 1 50); do
    curl -s --cacert "$dir/cert.pem" -o /dev/null https://localhost:14000/dir && break
    sleep 0.2
  done
  curl -s --cacert "$dir/cert.pem" -o /dev/null https://localhost:14000/dir || { tail -n 20 "$dir/pebble.log" >&2; return 1; }
  export COOLIFY_TEST_ACME_DIRECTORY="https://host.docker.internal:14000/dir"
  export COOLIFY_TEST_ACME_CA_ROOT="$dir/cert.pem"
  export COOLIFY_TEST_ACME_ROOTS="https://localhost:15000/roots/0"
  export COOLIFY_TEST_ACME_DOMAIN
}

stop_test_pebble() {
  local pid="$COOLIFY_TEST_PEBBLE_DIR/pebble.pid"
  [ -f "$pid" ] && kill "$(cat "$pid")" 2>/dev/null
  rm -f "$pid"
  return 0
}
