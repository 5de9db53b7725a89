# Sourced by the bench scripts: start_service runs target/uapiguard.jar serve on 127.0.0.1:$port as
# bin/uapiguard serve does (its JVM flags, unless UAPIGUARD_BENCH_JAVA_OPTS says otherwise), over an embedded
# PostgreSQL in $work (or the server at JDBC URL $db_url, user postgres, when set), with admin token $token, and
# waits until it answers health. Sets server_pid and base.
start_service() {
  local database=()
  [ -z "${db_url:-}" ] || database=(--spring.datasource.url="$db_url" --spring.datasource.username=postgres)
  UAPIGUARD_ADMIN_TOKEN=$token java ${UAPIGUARD_BENCH_JAVA_OPTS:--XX:+UseParallelGC -XX:-UsePSAdaptiveSurvivorSizePolicy -XX:GCTimeRatio=199} \
    -Xlog:gc:file="$work/gc.log" -jar "$jar" serve "${database[@]}" \
    --server.address=127.0.0.1 --server.port="$port" \
    --uapiguard.database.data-dir="$work/pg" --uapiguard.history.cache-dir="$work/repos" \
    --uapiguard.remotes.allow-local-paths=true --logging.level.root=WARN >"$work/service.log" 2>&1 &
  server_pid=$!
  base=http://127.0.0.1:$port
  for _ in $(seq 1 120); do
    curl -fsS "$base/actuator/health" >/dev/null 2>&1 && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/service.log" >&2; exit 1; }
    sleep 1
  done
  curl -fsS "$base/actuator/health" >/dev/null
}
