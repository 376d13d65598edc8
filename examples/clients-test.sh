#!/usr/bin/env bash
# Runs the Python and Node example clients' tests against the real service and its broker, then stops both.
# Starts ./mvnw spring-boot:test-run (a KRaft broker in the service's JVM, dev profile) on free ports, waits for
# readiness, runs examples/python/test_client.py and examples/node (npm test), and stops the service whatever
# happens. Each client test ends with 'N passed, N failed'. Needs: Java 17, /usr/bin/python3 with Debian's
# python3-confluent-kafka and python3-jsonschema, node with examples/node/node_modules (npm ci). .ci/run installs
# them. Whole run limited to CLIENTS_TEST_TIMEOUT seconds (default 240).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
LIMIT="${CLIENTS_TEST_TIMEOUT:-240}"
LOGS="$ROOT/target/clients-test"
PYTHON="${CLIENTS_TEST_PYTHON:-/usr/bin/python3}"
mkdir -p "$LOGS"
START=$SECONDS
left() { local l=$((LIMIT - (SECONDS - START))); echo $((l > 0 ? l : 1)); }  # timeout 0 would mean none

free_port() { "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
KAFKA_PORT=$(free_port)
SERVICE_PORT=$(free_port)
while [[ "$SERVICE_PORT" == "$KAFKA_PORT" ]]; do SERVICE_PORT=$(free_port); done

service=""
stop() {
  if [[ -n "$service" ]]; then
    kill -TERM -- "-$service" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 -- "-$service" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$service" 2>/dev/null || true
    service=""
  fi
}
trap stop EXIT INT TERM

echo "Starting the service and its broker (Kafka localhost:$KAFKA_PORT, HTTP :$SERVICE_PORT; log: $LOGS/service.log)"
# setsid: its own process group, so that stop() ends Maven and the JVM it forked together.
(cd "$ROOT" && exec setsid ./mvnw -B -ntp -q spring-boot:test-run \
  -Dspring-boot.run.jvmArguments="-Dembedded.kafka.port=$KAFKA_PORT" \
  -Dspring-boot.run.arguments="--server.port=$SERVICE_PORT") >"$LOGS/service.log" 2>&1 &
service=$!
until curl -fsS "http://localhost:$SERVICE_PORT/actuator/health/readiness" >/dev/null 2>&1; do
  if ! kill -0 "$service" 2>/dev/null || (( SECONDS - START >= LIMIT )); then
    echo "The service did not become ready. The end of $LOGS/service.log:" >&2; tail -n 40 "$LOGS/service.log" >&2
    exit 1
  fi
  sleep 1
done
echo "Service ready after $((SECONDS - START)) s."

status=0
echo "--- Python client"
timeout "$(left)" "$PYTHON" "$ROOT/examples/python/test_client.py" --bootstrap-servers "localhost:$KAFKA_PORT" \
  --contract "$ROOT/contract" --samples "$ROOT/samples" || status=1
echo "--- Node client"
(cd "$ROOT/examples/node" && MODERATION_BOOTSTRAP_SERVERS="localhost:$KAFKA_PORT" timeout "$(left)" node test/run.js) || status=1
echo "Clients test: $((SECONDS - START)) s in all."
exit $status
