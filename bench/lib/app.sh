# Sourced by bench/*/run.sh, from the repository's root: what every benchmark does alike. Its log lines, free
# ports, the WAR and Payara Micro (the version pom.xml names), the machine description that heads every result,
# starting the application as the system tests do, waiting for it, stopping a process.

bench_log() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*"; }

# bench_free_ports N: N distinct free TCP ports of 127.0.0.1, on one line (all bound at once, then released).
bench_free_ports() {
  python3 -c '
import socket, sys
socks = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))
for s in socks:
    s.close()' "$1"
}

bench_free_port() { bench_free_ports 1; }

# bench_build 1|0: builds target/coloc.war (always with 1, only when missing with 0), and fetches
# target/payara-micro.jar of the version pom.xml names (payara.version) when missing.
bench_build() {
  if [ "$1" = 1 ] || [ ! -f target/coloc.war ]; then
    bench_log "building target/coloc.war"
    mvn -q -B package -DskipTests
  fi
  if [ ! -f target/payara-micro.jar ]; then
    local version
    version="$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml | head -1)"
    bench_log "fetching target/payara-micro.jar ($version)"
    mvn -q -B dependency:copy -Dartifact="fish.payara.extras:payara-micro:$version" -DoutputDirectory=target \
      -Dmdep.stripVersion=true
  fi
}

# bench_machine [line...]: the machine and the code measured, with the benchmark's own lines before the load.
bench_machine() {
  echo "date: $(date -u +%FT%TZ)"
  echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "memory: $(free -m | awk '/Mem:/{print $2}') MB"
  echo "os: $(. /etc/os-release; echo "$PRETTY_NAME")"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "app commit: $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' (modified)')"
  [ $# -gt 0 ] && printf '%s\n' "$@"
  echo "loadavg at start: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# bench_start_app PORT LOG [NAME=VALUE...]: starts the application from the built WAR as the system tests do
# (Payara Micro, -Xmx512m, the files of server-config/), with these environment variables; APP_JAVA_OPTS adds JVM
# options. Sets APP_PID.
bench_start_app() {
  local port="$1" log="$2"
  shift 2
  # shellcheck disable=SC2086 # APP_JAVA_OPTS holds several options
  env "$@" java -Xmx512m ${APP_JAVA_OPTS:-} -jar target/payara-micro.jar --nohazelcast --port "$port" \
    --prebootcommandfile server-config/pre-boot-commands.txt --postbootcommandfile server-config/post-boot-commands.txt \
    --logproperties server-config/logging.properties --systemproperties server-config/system.properties \
    --deploy target/coloc.war --contextroot / >"$log" 2>&1 &
  APP_PID=$!
}

# bench_await_app PORT LOG [PATH]: waits (4 minutes at most) until the application answers PATH (default
# /health/live); fails, naming LOG, when it stopped or never answered.
bench_await_app() {
  local url="http://127.0.0.1:$1${3:-/health/live}" i
  for ((i = 0; i < 480; i++)); do
    curl -sf "$url" >/dev/null 2>&1 && return 0
    kill -0 "$APP_PID" 2>/dev/null || { echo "the app stopped; see $2" >&2; return 1; }
    sleep 0.5
  done
  echo "the app did not answer $url; see $2" >&2
  return 1
}

# bench_wait_port PORT SECONDS: waits until something listens on 127.0.0.1:PORT; fails after SECONDS.
bench_wait_port() {
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

# bench_stop PID: asks the process to end, and kills it after 10 s.
bench_stop() {
  [ -n "$1" ] && kill -0 "$1" 2>/dev/null || return 0
  kill "$1"
  local i
  for ((i = 0; i < 50; i++)); do
    kill -0 "$1" 2>/dev/null || return 0
    sleep 0.2
  done
  kill -9 "$1" 2>/dev/null || true
}
