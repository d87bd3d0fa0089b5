# The backup benchmark of scripts/bench.sh (sourced): "backup now" of a PostgreSQL database to S3 and a restore of
# that backup from S3 (the server's file deleted first, so the object is streamed back), timed and with the control
# plane's peak memory, at a small size and at ~1 GB; against a plain shell doing the same work (pg_dump to a file,
# curl -T to the bucket; curl to a file, pg_restore). The peak is VmHWM, reset before each phase through
# /proc/PID/clear_refs (needs root): a streamed backup's peak is the same at both sizes.
# Needs: $work, $pids, free_port, wait_ready, status_kb, a running dockerd, the test images (scripts/lib/images.sh) and
# scripts/lib/s3rver.sh; runs its own s3rver (port BENCH_S3RVER_PORT, default 14578), never the tests' one.

BENCH_S3RVER_PORT="${BENCH_S3RVER_PORT:-14578}"
_backup_bench_db="" _backup_bench_s3rver=""

# backup_bench DLL SMALL_MB LARGE_MB -> prints one line per size, small first:
#   "db_mb rows dump_mb ours_backup_ms plain_backup_ms ours_restore_ms plain_restore_ms rss_before_backup_mb backup_peak_mb
#    rss_before_restore_mb restore_peak_mb"
backup_bench() {
  local dll="$1" small_mb="$2" large_mb="$3" port base data="$work/backup-data" jar="$work/backup-jar"
  COOLIFY_TEST_S3RVER_PORT="$BENCH_S3RVER_PORT" COOLIFY_TEST_S3RVER_DIR="$work/s3rver" start_test_s3rver >&2 || return 1
  _backup_bench_s3rver="$work/s3rver"
  local endpoint="http://127.0.0.1:$BENCH_S3RVER_PORT" bucket="coolify-backups"

  port="$(free_port)"; base="http://127.0.0.1:$port"
  env COOLIFY_DATA_DIR="$data" COOLIFY_API_RATE_LIMIT=1000000 COOLIFY_LOG_FORMAT=json ASPNETCORE_URLS="$base" dotnet "$dll" > "$work/backup.log" 2>&1 &
  local pid=$!; pids+=("$pid")
  wait_ready "$base/api/health"

  # The first account, through the onboarding form; then a token from the admin command (as deploy-bench.sh).
  local form token api
  form="$(curl -s -c "$jar" -b "$jar" "$base/register")"
  token="$(grep -o 'name="__RequestVerificationToken" value="[^"]*"' <<< "$form" | head -1 | sed 's/.*value="//; s/"$//')"
  curl -s -o /dev/null -c "$jar" -b "$jar" "$base/register" --data-urlencode "_handler=register" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "Input.Name=Bench" --data-urlencode "Input.Email=bench@example.com" --data-urlencode "Input.Password=Bench-Passw0rd!"
  api="$(COOLIFY_DATA_DIR="$data" dotnet "$dll" admin create-token --email bench@example.com --name bench --abilities root)"
  call() { curl -sS --fail-with-body -H "Authorization: Bearer $api" -H 'Content-Type: application/json' "$@"; }
  json() { /usr/bin/python3 -c "import json,sys; print(eval('json.load(sys.stdin)' + sys.argv[1]))" "$1"; }

  local server project storage db
  server="$(call "$base/api/v1/servers" | json "[0]['uuid']")"
  project="$(call -X POST "$base/api/v1/projects" -d '{"name":"bench"}' | json "['uuid']")"
  storage="$(call -X POST "$base/api/v1/s3-storages" -d "{\"name\":\"bench\",\"endpoint\":\"$endpoint\",\"bucket\":\"$bucket\",\"region\":\"us-east-1\",\"key\":\"S3RVER\",\"secret\":\"S3RVER\"}" | json "['uuid']")"
  [ "$(call -X POST "$base/api/v1/s3-storages/$storage/validate" | json "['valid']")" = True ] || { echo "the S3 storage is not usable" >&2; return 1; }
  db="$(call -X POST "$base/api/v1/databases/postgresql" -d "{\"project_uuid\":\"$project\",\"server_uuid\":\"$server\",\"environment_name\":\"production\",\"name\":\"bench-pg\",\"image\":\"$COOLIFY_TEST_POSTGRES_IMAGE\",\"postgres_db\":\"bench\",\"health_check_interval\":1}" | json "['uuid']")"
  _backup_bench_db="$db"
  call -X POST "$base/api/v1/databases/$db/start" >/dev/null
  until [ "$(docker inspect -f '{{.State.Health.Status}}' "$db" 2>/dev/null)" = healthy ]; do sleep 0.2; done

  sql() { docker exec "$db" psql -U postgres -d bench -v ON_ERROR_STOP=1 -qAt -c "$1"; }
  now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

  # fill MB: rows of 8 distinct md5 digests (256 hex characters; gzip gets them to about half, not to nothing),
  # inserted in batches until pg_database_size reaches MB.
  local rows=0
  sql "CREATE TABLE items (id bigint PRIMARY KEY, payload text NOT NULL)"
  fill() {
    local target=$(( $1 * 1024 * 1024 )) size batch
    while size="$(sql "SELECT pg_database_size('bench')")"; [ "$size" -lt "$target" ]; do
      batch=$(( (target - size) / 330 + 1000 )); [ "$batch" -gt 400000 ] && batch=400000
      sql "INSERT INTO items SELECT i, md5(i::text||'a')||md5(i::text||'b')||md5(i::text||'c')||md5(i::text||'d')
             ||md5(i::text||'e')||md5(i::text||'f')||md5(i::text||'g')||md5(i::text||'h')
           FROM generate_series($((rows + 1)), $((rows + batch))) i"
      rows=$((rows + batch))
    done
    sql "CHECKPOINT"
  }

  local schedule
  schedule="$(call -X POST "$base/api/v1/databases/$db/backups" -d "{\"frequency\":\"0 0 1 1 *\",\"save_s3\":true,\"s3_storage_uuid\":\"$storage\"}" | json "['uuid']")"

  # ours_backup -> "ms execution_uuid filename size" once "backup now" has finished with success.
  ours_backup() {
    local start body newest="" previous status
    previous="$(call "$base/api/v1/databases/$db/backups/$schedule/executions")"
    [[ "$previous" =~ \"uuid\":\"([^\"]+)\" ]] && previous="${BASH_REMATCH[1]}" || previous=""
    start="$(now_ms)"
    call -X PATCH "$base/api/v1/databases/$db/backups/$schedule" -d '{"backup_now":true}' >/dev/null
    while :; do
      sleep 0.1
      body="$(call "$base/api/v1/databases/$db/backups/$schedule/executions")"
      [[ "$body" =~ \"uuid\":\"([^\"]+)\" ]] && newest="${BASH_REMATCH[1]}"
      [ "$newest" = "$previous" ] && continue
      [[ "$body" =~ \"status\":\"([^\"]*)\" ]] && status="${BASH_REMATCH[1]}"
      [ "$status" = success ] && break
      [ "$status" = failed ] && { echo "the backup failed: $body" >&2; return 1; }
    done
    local elapsed=$(( $(now_ms) - start ))
    /usr/bin/python3 -c "import json,sys; e=json.load(sys.stdin)['executions'][0]; assert e['s3_uploaded'], e; print($elapsed, e['uuid'], e['filename'], e['size'])" <<< "$body"
  }

  # ours_restore EXECUTION FILE -> ms; the server's file is deleted first, so the S3 copy is streamed back.
  ours_restore() {
    rm -f -- "$2"
    sql "DROP TABLE items"
    local start; start="$(now_ms)"
    call -X POST "$base/api/v1/databases/$db/restore" -d "{\"execution_uuid\":\"$1\",\"from_s3\":true,\"safety_backup\":false}" > "$work/restore.json" \
      || { cat "$work/restore.json" >&2; return 1; }
    echo $(( $(now_ms) - start ))
  }

  # The same work from a shell: pg_dump to a file, then one PUT of it; one GET to a file, then pg_restore.
  plain_backup() {
    local start; start="$(now_ms)"
    docker exec -- "$db" pg_dump --format=custom --no-acl --no-owner --username postgres --dbname bench > "$work/plain.dmp"
    curl -sSf -o /dev/null -T "$work/plain.dmp" "$endpoint/$bucket/plain/bench.dmp"
    echo $(( $(now_ms) - start ))
    rm -f "$work/plain.dmp"
  }
  plain_restore() {
    sql "DROP TABLE items"
    local start; start="$(now_ms)"
    curl -sSf -o "$work/plain.dmp" "$endpoint/$bucket/plain/bench.dmp"
    docker exec -i -- "$db" pg_restore --clean --if-exists --no-owner --no-acl --exit-on-error --username postgres --dbname bench < "$work/plain.dmp"
    echo $(( $(now_ms) - start ))
    rm -f "$work/plain.dmp"
  }

  check_rows() { [ "$(sql "SELECT count(*) FROM items")" = "$rows" ] || { echo "the restore left $(sql "SELECT count(*) FROM items") rows, not $rows" >&2; return 1; }; }

  # measure_size MB -> the line for this size
  measure_size() {
    fill "$1"
    local db_mb=$(( $(sql "SELECT pg_database_size('bench')") / 1048576 ))
    echo "   $db_mb MB, $rows rows: backup" >&2
    local rss_before=$(( $(status_kb "$pid" VmRSS) / 1024 ))
    echo 5 > "/proc/$pid/clear_refs"
    local ours_b execution file size
    read -r ours_b execution file size < <(ours_backup)
    [ -n "$size" ] || return 1
    local backup_peak=$(( $(status_kb "$pid" VmHWM) / 1024 ))
    echo "   restore from S3" >&2
    local rss_before_restore=$(( $(status_kb "$pid" VmRSS) / 1024 ))
    echo 5 > "/proc/$pid/clear_refs"
    local ours_r; ours_r="$(ours_restore "$execution" "$file")" || return 1
    local restore_peak=$(( $(status_kb "$pid" VmHWM) / 1024 ))
    check_rows || return 1
    echo "   plain shell: backup and restore" >&2
    local plain_b plain_r
    plain_b="$(plain_backup)" && plain_r="$(plain_restore)" && check_rows || return 1
    echo "$db_mb $rows $(( size / 1048576 )) $ours_b $plain_b $ours_r $plain_r $rss_before $backup_peak $rss_before_restore $restore_peak"
  }

  # A warm-up round (JIT, the S3 client's first connection), not reported; then the two sizes on the same database.
  echo "   warm-up" >&2
  fill 20
  local warm
  read -r _ warm file _ < <(ours_backup) && ours_restore "$warm" "$file" >/dev/null && check_rows || return 1
  measure_size "$small_mb" || return 1
  measure_size "$large_mb" || return 1
  backup_bench_cleanup "$base" "$api"
}

# backup_bench_cleanup [BASE TOKEN]: the database (through the API when it still answers), its backups' folder, its
# S3 objects (s3rver's folder) and our s3rver. Safe to call twice.
backup_bench_cleanup() {
  if [ -n "$_backup_bench_db" ]; then
    [ -n "${1:-}" ] && curl -s -o /dev/null -X DELETE -H "Authorization: Bearer $2" "$1/api/v1/databases/$_backup_bench_db?delete_volumes=true"
    docker ps -aq --filter "label=coolify.resource=$_backup_bench_db" | xargs -r docker rm -f -v >/dev/null
    docker volume ls -q --filter "label=com.docker.compose.project=$_backup_bench_db" | xargs -r docker volume rm >/dev/null
    rm -rf /data/coolify/backups/databases/team-*/"$_backup_bench_db"
    _backup_bench_db=""
  fi
  if [ -n "$_backup_bench_s3rver" ]; then
    COOLIFY_TEST_S3RVER_DIR="$_backup_bench_s3rver" stop_test_s3rver
    rm -rf "$_backup_bench_s3rver"
    _backup_bench_s3rver=""
  fi
}
