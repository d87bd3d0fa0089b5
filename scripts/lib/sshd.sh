# Starts an OpenSSH server on a loopback port for the tests (sourced by scripts/test.sh), logging in as a
# dedicated user with a plain shell (root's shell here runs pyenv on every command), in the docker group, with
# passwordless sudo. Exports COOLIFY_TEST_SSH_HOST, _PORT, _USER and _KEY (the client's private key file).
# sshd keeps its defaults otherwise (MaxSessions 10 among them), as on a real server.

COOLIFY_TEST_SSH_PORT="${COOLIFY_TEST_SSH_PORT:-2222}"
COOLIFY_TEST_SSH_DIR="${COOLIFY_TEST_SSH_DIR:-/tmp/coolify-test-sshd}"
COOLIFY_TEST_SSH_USER="${COOLIFY_TEST_SSH_USER:-coolifytest}"

start_test_sshd() {
  [ "$(id -u)" -eq 0 ] || { echo "starting the test sshd needs root" >&2; return 1; }
  local user="$COOLIFY_TEST_SSH_USER" dir="$COOLIFY_TEST_SSH_DIR"

  id -u "$user" >/dev/null 2>&1 || useradd --create-home --shell /bin/sh "$user" || return 1
  # No password, but not a locked account either: without PAM, sshd refuses keys for locked accounts.
  usermod -p "*" "$user"
  getent group docker >/dev/null && usermod -aG docker "$user"
  echo "$user ALL=(ALL) NOPASSWD:ALL" > "/etc/sudoers.d/$user" && chmod 0440 "/etc/sudoers.d/$user"

  if [ -f "$dir/sshd.pid" ]; then
    kill "$(cat "$dir/sshd.pid")" 2>/dev/null || true
  fi
  rm -rf "$dir" && mkdir -p "$dir" /run/sshd
  ssh-keygen -q -t ed25519 -N '' -f "$dir/host_ed25519_key" || return 1
  ssh-keygen -q -t ed25519 -N '' -C coolify-test-client -f "$dir/client_key" || return 1

  local home
  home="$(getent passwd "$user" | cut -d: -f6)"
  install -d -m 0700 -o "$user" -g "$user" "$home/.ssh"
  install -m 0600 -o "$user" -g "$user" "$dir/client_key.pub" "$home/.ssh/authorized_keys"

  cat > "$dir/sshd_config" <<CONFIG
Port $COOLIFY_TEST_SSH_PORT
ListenAddress 127.0.0.1
HostKey $dir/host_ed25519_key
PidFile $dir/sshd.pid
AuthorizedKeysFile .ssh/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
AllowUsers $user
Subsystem sftp internal-sftp
LogLevel ERROR
CONFIG
  /usr/sbin/sshd -f "$dir/sshd_config" -E "$dir/sshd.log" || { cat "$dir/sshd.log" >&2; return 1; }

  for _ in $(seq 1 30); do
    ssh -i "$dir/client_key" -p "$COOLIFY_TEST_SSH_PORT" -o BatchMode=yes -o StrictHostKeyChecking=no \
      -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR "$user@127.0.0.1" true 2>/dev/null && break
    sleep 0.5
  done
  export COOLIFY_TEST_SSH_HOST=127.0.0.1 COOLIFY_TEST_SSH_PORT COOLIFY_TEST_SSH_USER="$user" COOLIFY_TEST_SSH_KEY="$dir/client_key"
}

stop_test_sshd() {
  [ -f "$COOLIFY_TEST_SSH_DIR/sshd.pid" ] && kill "$(cat "$COOLIFY_TEST_SSH_DIR/sshd.pid")" 2>/dev/null
  return 0
}
