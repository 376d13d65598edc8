#!/usr/bin/env bash
# Starts the whole loop on this machine, no Docker needed: a Kafka broker (KRaft, in the service's JVM) on
# localhost:9092, the moderation service on http://localhost:8080 (./mvnw spring-boot:test-run, dev profile:
# blocked terms casino, viagra, "free money") and the demo site on http://localhost:8081. Ctrl-C stops both.
# Logs: examples/demo-site/target/run-demo/*.log. Approved comments: examples/demo-site/data/.
# Other ports: KAFKA_PORT=19092 SERVICE_PORT=18080 DEMO_SITE_PORT=18081 examples/demo-site/run-demo.sh
set -euo pipefail
SITE_DIR="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$SITE_DIR/../.." && pwd)"
LOGS="$SITE_DIR/target/run-demo"
KAFKA_PORT="${KAFKA_PORT:-9092}"
SERVICE_PORT="${SERVICE_PORT:-8080}"
SITE_PORT="${DEMO_SITE_PORT:-8081}"
mkdir -p "$LOGS"

pids=()
stop() {
  trap - EXIT INT TERM
  echo; echo "Stopping..."
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop EXIT INT TERM

for port in "$KAFKA_PORT" "$SERVICE_PORT" "$SITE_PORT"; do
  if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port is already in use: stop whatever listens there first." >&2; exit 1
  fi
done

wait_for() { # wait_for <what> <seconds> <log> <command...>
  local what="$1" seconds="$2" log="$3"; shift 3
  for ((i = 0; i < seconds; i++)); do
    if "$@" >/dev/null 2>&1; then echo "  $what is up."; return 0; fi
    sleep 1
  done
  echo "$what did not come up within ${seconds}s. The end of $log:" >&2; tail -n 40 "$log" >&2; exit 1
}

echo "Starting the Kafka broker and the moderation service (log: $LOGS/moderation.log)..."
# setsid: each in its own process group, so that Ctrl-C stops Maven and the JVM it forked.
(cd "$ROOT" && exec setsid ./mvnw -B -q spring-boot:test-run \
  -Dspring-boot.run.jvmArguments="-Dembedded.kafka.port=$KAFKA_PORT" \
  -Dspring-boot.run.arguments="--server.port=$SERVICE_PORT") >"$LOGS/moderation.log" 2>&1 &
pids+=($!)
wait_for "Kafka on localhost:$KAFKA_PORT" 600 "$LOGS/moderation.log" bash -c "echo >/dev/tcp/127.0.0.1/$KAFKA_PORT"
wait_for "The moderation service" 300 "$LOGS/moderation.log" \
  curl -fsS "http://localhost:$SERVICE_PORT/actuator/health/readiness"

echo "Starting the demo site (log: $LOGS/demo-site.log)..."
(cd "$ROOT" && exec setsid ./mvnw -B -q -f examples/demo-site/pom.xml spring-boot:run \
  -Dspring-boot.run.arguments="--server.port=$SITE_PORT --spring.kafka.bootstrap-servers=localhost:$KAFKA_PORT") \
  >"$LOGS/demo-site.log" 2>&1 &
pids+=($!)
wait_for "The demo site" 300 "$LOGS/demo-site.log" curl -fsS "http://localhost:$SITE_PORT/actuator/health/readiness"

echo
echo "  Open http://localhost:$SITE_PORT/"
echo
echo "Post a comment; one with \"casino\" in it, or without an email, is rejected. Ctrl-C stops everything."
wait -n || true   # until one of them stops (or Ctrl-C); the trap stops the other
