# The deployment benchmark of scripts/bench.sh (sourced): time from POST /deploy of a Docker-image application to
# "finished" (health-gated rollout through the queue), against a shell script doing the same docker run, wait for
# healthy and removal of the previous container; and a no-change redeploy of a git application (build skipped).
# Needs: $work, $pids, free_port, wait_ready, a running dockerd and the test images (scripts/lib/images.sh).

# deploy_bench DLL RUNS -> prints "ours_ms script_ms git_skip_ms"
deploy_bench() {
  local dll="$1" runs="$2" port base data="$work/deploy-data" jar="$work/jar" image="coolify-bench/httpd-health:2"
  docker build -q --build-arg "BASE=$COOLIFY_TEST_HTTPD_IMAGE" -t "$image" - < "$root/scripts/images/httpd-health.Dockerfile" >/dev/null
  port="$(free_port)"; base="http://127.0.0.1:$port"
  env COOLIFY_DATA_DIR="$data" COOLIFY_API_RATE_LIMIT=1000000 COOLIFY_LOG_FORMAT=json ASPNETCORE_URLS="$base" dotnet "$dll" > "$work/deploy.log" 2>&1 &
  pids+=("$!")
  wait_ready "$base/api/health"

  # The first account, through the onboarding form; then a token from the admin command.
  local form token
  form="$(curl -s -c "$jar" -b "$jar" "$base/register")"
  token="$(grep -o 'name="__RequestVerificationToken" value="[^"]*"' <<< "$form" | head -1 | sed 's/.*value="//; s/"$//')"
  curl -s -o /dev/null -c "$jar" -b "$jar" "$base/register" --data-urlencode "_handler=register" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "Input.Name=Bench" --data-urlencode "Input.Email=bench@example.com" --data-urlencode "Input.Password=Bench-Passw0rd!"
  local api
  api="$(COOLIFY_DATA_DIR="$data" dotnet "$dll" admin create-token --email bench@example.com --name bench --abilities root)"
  call() { curl -sf -H "Authorization: Bearer $api" -H 'Content-Type: application/json' "$@"; }
  # Debian's python3 directly: a pyenv shim on PATH costs half a second per call.
  json() { /usr/bin/python3 -c "import json,sys; print(eval('json.load(sys.stdin)' + sys.argv[1]))" "$1"; }

  local server project app
  server="$(call "$base/api/v1/servers" | json "[0]['uuid']")"
  project="$(call -X POST "$base/api/v1/projects" -d '{"name":"bench"}' | json "['uuid']")"
  app="$(call -X POST "$base/api/v1/applications/dockerimage" -d "{\"project_uuid\":\"$project\",\"server_uuid\":\"$server\",\"environment_name\":\"production\",\"docker_registry_image_name\":\"${image%%:*}\",\"docker_registry_image_tag\":\"${image##*:}\",\"name\":\"bench\"}" | json "['uuid']")"

  # deploy_and_wait UUID -> ms from the request to "finished"
  deploy_and_wait() {
    # The client polls with one curl and bash's own matching: a pipeline of grep/cut/python per poll would take
    # the CPU the deployment it measures needs (this machine has two cores).
    local start body deployment status
    start="$(date +%s%N)"
    body="$(call -X POST "$base/api/v1/deploy?uuid=$1")"
    [[ "$body" =~ \"deployment_uuid\":\"([^\"]+)\" ]] && deployment="${BASH_REMATCH[1]}"
    while :; do
      body="$(call "$base/api/v1/deployments/$deployment")"
      [[ "$body" =~ \"status\":\"([^\"]*)\" ]] && status="${BASH_REMATCH[1]}"
      [ "$status" = finished ] && break
      [ "$status" = failed ] && { echo "deployment failed" >&2; return 1; }
      sleep 0.05
    done
    [ -n "${BENCH_DEBUG:-}" ] && echo "requested at $(date -u -d "@$((start / 1000000000))" +%T).$(( (start / 1000000) % 1000 ))" >&2 && call "$base/api/v1/deployments/$deployment" \
      | /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); [print(l['timestamp'], l['output'], file=sys.stderr) for l in d['logs']]; print('started', d['started_at'], 'finished', d['finished_at'], file=sys.stderr)"
    [ -n "${BENCH_DEBUG:-}" ] && echo "seen finished at $(date -u +%T.%N)" >&2
    echo $(( ($(date +%s%N) - start) / 1000000 ))
  }

  deploy_and_wait "$app" >/dev/null # warm-up: image inspected, network made, JIT warm
  local ours=0 i
  for i in $(seq 1 "$runs"); do ours=$((ours + $(deploy_and_wait "$app"))); done

  # The same work as a plain script: start beside the old one, wait for healthy, remove the old.
  local previous="" script=0 name start health
  for i in $(seq 0 "$runs"); do
    name="bench-script-$i"; start="$(date +%s%N)"
    docker run -d --name "$name" --network coolify --label coolify.bench=true "$image" >/dev/null
    until [ "$(docker inspect -f '{{.State.Health.Status}}' "$name")" = healthy ]; do sleep 0.05; done
    [ -n "$previous" ] && docker rm -f "$previous" >/dev/null
    previous="$name"
    [ "$i" -gt 0 ] && script=$((script + ($(date +%s%N) - start) / 1000000)) # run 0 warms up
  done
  docker rm -f "$previous" >/dev/null

  # A git application redeployed without changes: the image of its commit exists, so no build.
  local repo="$work/git" gport skip=0
  mkdir -p "$repo/app" && git -C "$repo/app" init -q -b main
  printf 'FROM %s\n' "$image" > "$repo/app/Dockerfile"
  git -C "$repo/app" add -A && git -C "$repo/app" -c user.name=b -c user.email=b@example.com commit -qm one
  gport="$(free_port)"
  git daemon --reuseaddr --export-all --base-path="$repo" --listen=127.0.0.1 --port="$gport" "$repo" &
  pids+=("$!")
  local gitapp
  gitapp="$(call -X POST "$base/api/v1/applications/public" -d "{\"project_uuid\":\"$project\",\"server_uuid\":\"$server\",\"environment_name\":\"production\",\"git_repository\":\"git://127.0.0.1:$gport/app\",\"git_branch\":\"main\",\"build_pack\":\"dockerfile\",\"ports_exposes\":\"80\",\"name\":\"bench-git\"}" | json "['uuid']")"
  deploy_and_wait "$gitapp" >/dev/null # the one build
  for i in $(seq 1 "$runs"); do skip=$((skip + $(deploy_and_wait "$gitapp"))); done

  call -X DELETE "$base/api/v1/applications/$app" >/dev/null
  call -X DELETE "$base/api/v1/applications/$gitapp" >/dev/null
  docker images -q --filter "label=coolify.resource=$gitapp" | xargs -r docker rmi -f >/dev/null
  # git daemon forks a child that outlives the pid we started.
  pkill -f -- "--base-path=$repo" 2>/dev/null || true
  echo "$((ours / runs)) $((script / runs)) $((skip / runs))"
}
