#!/usr/bin/env bash
# Measures the control plane at idle and under a simple request loop, and the same for a bare Blazor Server app
# built from the SDK's own template as a baseline (this machine is shared and noisy: compare ratios); then SSH,
# deployments, zero downtime, and backup and restore of a PostgreSQL database.
#   scripts/bench.sh                   print the figures of every section
#   scripts/bench.sh --write           also record them in docs/PERFORMANCE.md (each section between its markers)
#   scripts/bench.sh backup [--write]  the backup section only (its markers: bench-backup)
# Services it finds running (dockerd, the tests' sshd) are used and left running; it stops only what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
source scripts/lib/packages.sh
source scripts/lib/sshd.sh
source scripts/lib/docker.sh
source scripts/lib/images.sh
source scripts/lib/s3rver.sh
source scripts/lib/deploy-bench.sh
source scripts/lib/backup-bench.sh
ensure_packages curl openssh-server openssh-client sudo docker.io git debootstrap nodejs
command -v npm >/dev/null 2>&1 || ensure_packages npm

write="" only=""
for arg in "$@"; do
  case "$arg" in
    --write) write=1 ;;
    backup) only="$arg" ;;
    *) echo "usage: scripts/bench.sh [backup] [--write]" >&2; exit 2 ;;
  esac
done

requests="${BENCH_REQUESTS:-2000}"
idle_seconds="${BENCH_IDLE_SECONDS:-10}"
work="$(mktemp -d /tmp/coolify-bench.XXXXXX)"
pids=()
started_sshd=""
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  backup_bench_cleanup
  [ -z "$started_sshd" ] || stop_test_sshd
  stop_test_docker # only when this run started it
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])' 2>/dev/null || echo $((20000 + RANDOM % 20000)); }

# status_kb PID FIELD -> value in kB from /proc/PID/status
status_kb() { awk -v f="$2:" '$1==f {print $2}' "/proc/$1/status"; }

wait_ready() { # URL
  for _ in $(seq 1 600); do curl -fs -o /dev/null "$1" && return 0; sleep 0.1; done
  echo "not ready: $1" >&2; return 1
}

# latency URL -> "median_ms p99_ms" over $requests sequential keep-alive requests from one curl process
latency() {
  local config="$work/curl.cfg"
  : > "$config"
  for _ in $(seq 1 "$requests"); do printf 'url = "%s"\noutput = "/dev/null"\n' "$1" >> "$config"; done
  curl -s -K "$config" -w '%{time_total}\n' | sort -n | awk '{a[NR]=$1} END {
    m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2;
    p = a[int(NR*0.99 + 0.999999)];
    printf "%.2f %.2f\n", m*1000, p*1000 }'
}

# measure NAME DLL HEALTH_PATH [env...] -> prints "NAME rss_mb anon_mb median_ms p99_ms rss_after_mb"
measure() {
  local name="$1" dll="$2" path="$3"; shift 3
  local port; port="$(free_port)"
  env "$@" ASPNETCORE_URLS="http://127.0.0.1:$port" COOLIFY_LOG_FORMAT=json dotnet "$dll" > "$work/$name.log" 2>&1 &
  local pid=$!; pids+=("$pid")
  wait_ready "http://127.0.0.1:$port$path"
  sleep "$idle_seconds"
  local rss anon
  rss="$(status_kb "$pid" VmRSS)"; anon="$(status_kb "$pid" RssAnon)"
  read -r median p99 < <(latency "http://127.0.0.1:$port$path")
  local after; after="$(status_kb "$pid" VmRSS)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$name $((rss / 1024)) $((anon / 1024)) $median $p99 $((after / 1024))"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

# The tests' sshd when one answers (restarting it would give it new keys under a running test), else one of our own.
use_test_sshd() {
  local key="$COOLIFY_TEST_SSH_DIR/client_key"
  if [ -f "$key" ] && ssh -i "$key" -p "$COOLIFY_TEST_SSH_PORT" -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
    -o LogLevel=ERROR "$COOLIFY_TEST_SSH_USER@127.0.0.1" true 2>/dev/null; then
    export COOLIFY_TEST_SSH_HOST=127.0.0.1 COOLIFY_TEST_SSH_PORT COOLIFY_TEST_SSH_USER COOLIFY_TEST_SSH_KEY="$key"
  else
    start_test_sshd && started_sshd=1
  fi
}

# write_block NAME REPORT: REPORT between <!-- NAME:start --> and <!-- NAME:end --> in docs/PERFORMANCE.md.
write_block() {
  python3 - "$root/docs/PERFORMANCE.md" "$1" "$2" <<'PY'
import sys, re
path, name, report = sys.argv[1:]
text = open(path).read()
pattern = re.compile(rf"<!-- {name}:start -->.*?<!-- {name}:end -->", re.S)
if not pattern.search(text):
    sys.exit(f"no {name} markers in {path}")
text = pattern.sub(lambda m: f"<!-- {name}:start -->\n{report}\n<!-- {name}:end -->", text)
open(path, "w").write(text)
PY
  echo "== recorded in docs/PERFORMANCE.md ($1)" >&2
}

echo "== building (Release)" >&2
dotnet build src/Coolify.Web -c Release --nologo -v quiet -clp:ErrorsOnly >&2

# Sets backup_report (run in this shell, not a subshell: the cleanup must see what it started).
backup_section() {
  local small="${BENCH_BACKUP_SMALL_MB:-100}" large="${BENCH_BACKUP_LARGE_MB:-1024}" s l
  echo "== backup and restore of PostgreSQL at ~${small} MB and ~${large} MB, to and from S3, vs a plain shell" >&2
  start_test_docker >&2 && ensure_test_images >&2
  backup_bench "$root/src/Coolify.Web/bin/Release/net10.0/Coolify.Web.dll" "$small" "$large" > "$work/backup.txt"
  # Each line: db_mb rows dump_mb ours_backup_ms plain_backup_ms ours_restore_ms plain_restore_ms rss_before_backup_mb backup_peak_mb
  # rss_before_restore_mb restore_peak_mb
  { read -r -a s; read -r -a l; } < "$work/backup.txt"
  sec() { awk -v ms="$1" 'BEGIN { printf "%.1f s", ms / 1000 }'; }
  backup_report="$(cat <<MD
Measured $(date -u +%Y-%m-%d) on $(nproc) cores, .NET $(dotnet --version), Release build, SQLite. PostgreSQL 15 (the test image) on the
localhost server, S3 on loopback (s3rver); one table of ${l[1]} rows (a bigint key and 256 hex characters of md5
digests), the small database being its first ${s[1]} rows.

| | ~${small} MB | ~${large} MB | large / small |
|---|---|---|---|
| database (\`pg_database_size\`) | ${s[0]} MB | ${l[0]} MB | $(ratio "${l[0]}" "${s[0]}") |
| dump (\`pg_dump --format=custom\`) | ${s[2]} MB | ${l[2]} MB | $(ratio "${l[2]}" "${s[2]}") |
| "backup now" → execution succeeded (uploaded to S3), Coolify.NET | $(sec "${s[3]}") | $(sec "${l[3]}") | |
| the same from a shell: \`pg_dump\` to a file, \`curl -T\` | $(sec "${s[4]}") | $(sec "${l[4]}") | |
| backup, ours / shell | $(ratio "${s[3]}" "${s[4]}") | $(ratio "${l[3]}" "${l[4]}") | |
| restore from S3 → answered, Coolify.NET | $(sec "${s[5]}") | $(sec "${l[5]}") | |
| the same from a shell: \`curl\` to a file, \`pg_restore\` | $(sec "${s[6]}") | $(sec "${l[6]}") | |
| restore, ours / shell | $(ratio "${s[5]}" "${s[6]}") | $(ratio "${l[5]}" "${l[6]}") | |
| control plane RSS before the backup | ${s[7]} MB | ${l[7]} MB | |
| control plane peak RSS during the backup (over the RSS before) | ${s[8]} MB (+$((s[8] - s[7]))) | ${l[8]} MB (+$((l[8] - l[7]))) | **$(ratio "${l[8]}" "${s[8]}")** |
| control plane RSS before the restore | ${s[9]} MB | ${l[9]} MB | |
| control plane peak RSS during the restore (over the RSS before) | ${s[10]} MB (+$((s[10] - s[9]))) | ${l[10]} MB (+$((l[10] - l[9]))) | **$(ratio "${l[10]}" "${s[10]}")** |

Targets ([6/7]): the peaks the same at both sizes (large / small ≈ 1.0: the dump is streamed, never held whole);
backup and restore within 1.3× of the shell.
MD
)"
}

if [ "$only" = backup ]; then
  backup_section
  echo "$backup_report"
  [ -z "$write" ] || write_block bench-backup "$backup_report"
  exit 0
fi

echo "== building the baseline: bare Blazor Server app from the SDK template" >&2
( cd "$work" && dotnet new blazor --interactivity Server --empty -n Bare -o bare >/dev/null \
  && printf '<Project>\n  <PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>\n</Project>\n' > bare/Directory.Build.props \
  && printf '<Project />\n' > bare/Directory.Packages.props \
  && dotnet build bare -c Release --nologo -v quiet -clp:ErrorsOnly ) >&2

echo "== measuring (idle ${idle_seconds}s, then $requests requests)" >&2
ours="$(measure coolify "$root/src/Coolify.Web/bin/Release/net10.0/Coolify.Web.dll" /api/health COOLIFY_DATA_DIR="$work/data")"
bare="$(measure bare "$work/bare/bin/Release/net10.0/Bare.dll" /)"

ssh_count="${BENCH_SSH_COUNT:-500}" ssh_parallel="${BENCH_SSH_PARALLEL:-16}"
echo "== SSH: $ssh_count commands sequentially and $ssh_count at $ssh_parallel at a time, pool vs OpenSSH ControlMaster" >&2
use_test_sshd >&2
dotnet build bench/Coolify.Bench -c Release --nologo -v quiet -clp:ErrorsOnly >&2
read -r pool_seq pool_par_ms pool_failures < <(dotnet bench/Coolify.Bench/bin/Release/net10.0/Coolify.Bench.dll ssh \
  "$COOLIFY_TEST_SSH_HOST" "$COOLIFY_TEST_SSH_PORT" "$COOLIFY_TEST_SSH_USER" "$COOLIFY_TEST_SSH_KEY" "$ssh_count" "$ssh_parallel")

# Coolify's method: one OpenSSH client process per command over a ControlMaster connection.
ssh_opts=(-i "$COOLIFY_TEST_SSH_KEY" -p "$COOLIFY_TEST_SSH_PORT" -o BatchMode=yes -o StrictHostKeyChecking=no
  -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o ControlMaster=auto -o "ControlPath=$work/cm-%C" -o ControlPersist=300)
target="$COOLIFY_TEST_SSH_USER@$COOLIFY_TEST_SSH_HOST"
ssh "${ssh_opts[@]}" "$target" true # the master connection, before the clock starts
mux_failures=0
start_ns="$(date +%s%N)"
for _ in $(seq 1 "$ssh_count"); do ssh "${ssh_opts[@]}" "$target" true || mux_failures=$((mux_failures + 1)); done
mux_seq="$(awk -v ns="$(( $(date +%s%N) - start_ns ))" -v n="$ssh_count" 'BEGIN { printf "%.2f", ns / 1e6 / n }')"
start_ns="$(date +%s%N)"
par_failures="$(seq 1 "$ssh_count" | xargs -P "$ssh_parallel" -I{} sh -c 'ssh "$@" true 2>/dev/null || echo x' _ "${ssh_opts[@]}" "$target" | wc -l)"
mux_par_ms="$(( ($(date +%s%N) - start_ns) / 1000000 ))"
mux_failures=$((mux_failures + par_failures))

deploy_runs="${BENCH_DEPLOY_RUNS:-10}"
echo "== deployments: $deploy_runs health-gated redeploys of a Docker-image app vs a plain script; $deploy_runs no-change git redeploys" >&2
start_test_docker >&2 && ensure_test_images >&2
read -r deploy_ours deploy_script deploy_git_skip < <(deploy_bench "$root/src/Coolify.Web/bin/Release/net10.0/Coolify.Web.dll" "$deploy_runs")

echo "== zero downtime: redeploys behind the proxy under steady requests (the test ZeroDowntimeTests)" >&2
COOLIFY_ZERO_DOWNTIME_REPORT="$work/zero.txt" dotnet test tests/Coolify.Web.Tests --nologo -v quiet \
  --filter "FullyQualifiedName~ZeroDowntimeTests" >&2 || echo "the zero-downtime test failed" >&2
read -r zero_redeploys zero_sent zero_failed zero_seconds < "$work/zero.txt" || { zero_redeploys=0; zero_sent=0; zero_failed="(test failed)"; zero_seconds=0; }

read -r _ o_rss o_anon o_med o_p99 o_after <<< "$ours"
read -r _ b_rss b_anon b_med b_p99 b_after <<< "$bare"
report="$(cat <<MD
Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), .NET $(dotnet --version), Release build, SQLite, no data.

| | Coolify.NET | bare Blazor Server (baseline) | ratio |
|---|---|---|---|
| idle RSS after ${idle_seconds} s | ${o_rss} MB | ${b_rss} MB | $(ratio "$o_rss" "$b_rss") |
| idle private memory (RssAnon) | ${o_anon} MB | ${b_anon} MB | $(ratio "$o_anon" "$b_anon") |
| \`GET /api/health\` median (${requests} requests, keep-alive, one client) | ${o_med} ms | ${b_med} ms (\`GET /\`) | |
| \`GET /api/health\` p99 | ${o_p99} ms | ${b_p99} ms (\`GET /\`) | |
| RSS after the requests | ${o_after} MB | ${b_after} MB | $(ratio "$o_after" "$b_after") |

Targets ([1/7]): idle RSS under 150 MB, private memory under 50 MB.

SSH to an OpenSSH server on loopback (default sshd settings, MaxSessions 10), \`true\` as the command:

| | Coolify.NET pool | OpenSSH ControlMaster (Coolify's method) | speed-up |
|---|---|---|---|
| ${ssh_count} sequential commands, per command | ${pool_seq} ms | ${mux_seq} ms | $(ratio "$mux_seq" "$pool_seq")× |
| ${ssh_count} commands, ${ssh_parallel} at a time, total | ${pool_par_ms} ms | ${mux_par_ms} ms | $(ratio "$mux_par_ms" "$pool_par_ms")× |
| failed commands | ${pool_failures} | ${mux_failures} | |

Target ([3/7]): the pool at least 2× faster than ControlMaster for sequential commands, no failures in either.

Deployments on the host's own Docker (the localhost server), an image with a 1 s \`HEALTHCHECK\`, mean of ${deploy_runs} runs
after a warm-up; the script polls every 50 ms, as does the client of our API:

| | Coolify.NET | plain script (docker run, wait healthy, remove old) | ratio |
|---|---|---|---|
| \`POST /deploy\` of a Docker-image app → finished | ${deploy_ours} ms | ${deploy_script} ms | $(ratio "$deploy_ours" "$deploy_script") |
| no-change redeploy of a git app (build skipped) | ${deploy_git_skip} ms | | |

Target ([4/7]): ratio ≤ 1.3.

Zero downtime behind the proxy (Caddy on this host): ${zero_redeploys} redeploys of a Docker-image app while one client
asks for it every 25 ms through the proxy, until each replaced container has stopped and gone:

| requests sent | failed or 5xx | over |
|---|---|---|
| ${zero_sent} | ${zero_failed} | ${zero_seconds} s |

Target ([5/7]): at least 20 requests a second for the whole rollout, none failed.
MD
)"
echo "$report"

backup_section
echo
echo "$backup_report"

if [ -n "$write" ]; then
  write_block bench "$report"
  write_block bench-backup "$backup_report"
fi
