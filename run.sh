#!/usr/bin/env bash
# Runs the whole system locally and shows it doing its job, on a fresh Debian machine with the
# .NET SDK: installs redis-server if missing, builds, starts one redis-server per service store
# plus one broker, one Dapr sidecar per service (real daprd when it is on PATH or named by
# $DAPRD, otherwise the stand-in in tools/Sidecar) and every service, waits until all are
# healthy, runs a short demo (accredit simulate) and prints the endpoints. Stays up until Ctrl-C.
#
#   ./run.sh                 run, demo, stay up
#   ./run.sh --demo-only     run, demo, stop; exit non-zero if the demo failed
#   ./run.sh --candidates N  demo size (default 25)
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh

demo_only=0
candidates=25
while [ $# -gt 0 ]; do
  case "$1" in
    --demo-only) demo_only=1 ;;
    --candidates) candidates="$2"; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) say "unknown option $1"; exit 2 ;;
  esac
  shift
done

ensure_dotnet
ensure_redis

RUN_DIR="$ROOT/.run"
LOGS="$RUN_DIR/logs"
rm -rf "$RUN_DIR"; mkdir -p "$LOGS" "$RUN_DIR/components"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Release builds, as the benchmarks measure them (test.sh builds Debug; the two do not collide).
say "building (Release)"
dotnet build Accreditation.sln -c Release -nologo -v quiet -clp:ErrorsOnly

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_for() { # wait_for DESCRIPTION SECONDS COMMAND...
  local what="$1" deadline=$((SECONDS + $2)); shift 2
  until "$@" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then say "timed out waiting for $what (logs in .run/logs)"; exit 1; fi
    sleep 0.2
  done
}

start_redis() { # start_redis NAME PORT
  port_free "$2" || { say "port $2 is taken: stop what uses it"; exit 1; }
  redis-server --port "$2" --bind 127.0.0.1 --save "" --appendonly no --daemonize no >"$LOGS/redis-$1.log" 2>&1 &
  pids+=($!)
  wait_for "redis $1" 15 redis-cli -p "$2" ping
}

# Ports: broker 6380; per service: store, gRPC API, sidecar app port, sidecar gRPC, sidecar HTTP.
BROKER_PORT=6380
declare -A STORE=([enrolment]=6381 [testing]=6382 [observation]=6383 [reporting]=6384)
declare -A GRPC=([enrolment]=5000 [testing]=5010 [observation]=5020 [reporting]=5030)
declare -A APP=([enrolment]=5001 [testing]=5011 [observation]=5021 [reporting]=5031)
# Public HTTP/1.1 API (HTTP/JSON, CSV, OpenAPI): Reporting only.
declare -A HTTP_API=([enrolment]=0 [testing]=0 [observation]=0 [reporting]=5032)
declare -A DAPR_GRPC=([enrolment]=50001 [testing]=50002 [observation]=50003 [reporting]=50004)
declare -A DAPR_HTTP=([enrolment]=3500 [testing]=3501 [observation]=3502 [reporting]=3503)
declare -A DLL=([enrolment]=services/Enrolment/bin/Release/net10.0/Accreditation.Enrolment.dll
                [testing]=services/Testing/bin/Release/net10.0/Accreditation.Testing.dll
                [observation]=services/Observation/bin/Release/net10.0/Accreditation.Observation.dll
                [reporting]=services/RegulatorReporting/bin/Release/net10.0/Accreditation.RegulatorReporting.dll)
SERVICES=(enrolment testing observation reporting)
# Every process under services/ (an ASP.NET Core project) must be started here; the other projects
# there are libraries the processes carry: BuildingBlocks (all), Contracts (all) and AssessmentRules
# (eligibility and resit rules of Testing and Observation, at work in the demo's bookings and resits).
for project in services/*/*.csproj; do
  grep -q 'Sdk.Web' "$project" || continue
  dll="services/$(basename "$(dirname "$project")")/bin/Release/net10.0/Accreditation.$(basename "$project" .csproj).dll"
  printf '%s\n' "${DLL[@]}" | grep -qx "$dll" || { say "run.sh does not start $project: add it to SERVICES"; exit 1; }
done
# Demo settings: resits after a 2 s cool-off instead of weeks, so simulate shows resits.
export Testing__Resits__CoolOff="${Testing__Resits__CoolOff:-00:00:02}"
export Observation__Resits__CoolOff="${Observation__Resits__CoolOff:-00:00:02}"
# The app port trusts only its sidecar (APP_API_TOKEN, sent as dapr-api-token) and the sidecar only
# its app (DAPR_API_TOKEN): a fresh random pair per service and run, as the chart's Secret holds them.
declare -A APP_TOKEN DAPR_TOKEN
for s in "${SERVICES[@]}"; do
  APP_TOKEN[$s]="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  DAPR_TOKEN[$s]="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
done

start_redis broker "$BROKER_PORT"
for s in "${SERVICES[@]}"; do start_redis "$s" "${STORE[$s]}"; done
sed "s/localhost:6379/127.0.0.1:$BROKER_PORT/" dapr/components/pubsub.yaml >"$RUN_DIR/components/pubsub.yaml"
cp dapr/components/resiliency.yaml "$RUN_DIR/components/"

DAPRD="${DAPRD:-$(command -v daprd || true)}"
start_sidecar() { # start_sidecar SERVICE
  local s="$1"
  local args=(--app-id "$s" --app-port "${APP[$s]}" --dapr-grpc-port "${DAPR_GRPC[$s]}"
              --dapr-http-port "${DAPR_HTTP[$s]}" --resources-path "$RUN_DIR/components")
  if [ -n "$DAPRD" ]; then
    APP_API_TOKEN="${APP_TOKEN[$s]}" DAPR_API_TOKEN="${DAPR_TOKEN[$s]}" "$DAPRD" "${args[@]}" --app-protocol http --dapr-internal-grpc-port "$((DAPR_GRPC[$s] + 100))" \
      --metrics-port "$((DAPR_HTTP[$s] + 100))" >"$LOGS/daprd-$s.log" 2>&1 &
  else
    APP_API_TOKEN="${APP_TOKEN[$s]}" DAPR_API_TOKEN="${DAPR_TOKEN[$s]}" dotnet tools/Sidecar/bin/Release/net10.0/Accreditation.Sidecar.dll "${args[@]}" >"$LOGS/sidecar-$s.log" 2>&1 &
  fi
  pids+=($!)
}

start_service() { # start_service SERVICE
  local s="$1" dll="${DLL[$1]}"
  (cd "$(dirname "$dll")" && ASPNETCORE_ENVIRONMENT=Development \
    Service__GrpcPort="${GRPC[$s]}" Service__AppPort="${APP[$s]}" Service__HttpApiPort="${HTTP_API[$s]}" Service__BindAddress=127.0.0.1 \
    Redis__ConnectionString="127.0.0.1:${STORE[$s]}" \
    DAPR_GRPC_PORT="${DAPR_GRPC[$s]}" DAPR_HTTP_PORT="${DAPR_HTTP[$s]}" \
    APP_API_TOKEN="${APP_TOKEN[$s]}" DAPR_API_TOKEN="${DAPR_TOKEN[$s]}" \
    exec dotnet "$(basename "$dll")") >"$LOGS/$s.log" 2>&1 &
  pids+=($!)
}

say "sidecars: ${DAPRD:-stand-in (tools/Sidecar)}"
for s in "${SERVICES[@]}"; do start_service "$s"; start_sidecar "$s"; done
for s in "${SERVICES[@]}"; do
  wait_for "$s" 60 curl -sf "http://127.0.0.1:${APP[$s]}/healthz"
  wait_for "$s sidecar" 60 curl -sf "http://127.0.0.1:${DAPR_HTTP[$s]}/v1.0/healthz"
done
say "all healthy: ${SERVICES[*]} (libraries: BuildingBlocks, Contracts, AssessmentRules in testing and observation)"

accredit() { dotnet tools/Cli/bin/Release/net10.0/accredit.dll "$@"; }
export ACCREDIT_ENROLMENT_URL="http://127.0.0.1:${GRPC[enrolment]}"
export ACCREDIT_TESTING_URL="http://127.0.0.1:${GRPC[testing]}"
export ACCREDIT_OBSERVATION_URL="http://127.0.0.1:${GRPC[observation]}"
export ACCREDIT_REPORTING_URL="http://127.0.0.1:${GRPC[reporting]}"
export ACCREDIT_BROKER="127.0.0.1:$BROKER_PORT"

say "demo: one candidate by hand, then accredit simulate --phase phase-1 --candidates $candidates"
demo_status=0
accredit enrol --authority E08000002 --registration-number SW100001 --given-name Asha --family-name Patel \
  --email asha.patel@bury.example.gov.uk --role practitioner --hr-reference BURY-1 --filming-consent || demo_status=$?
accredit simulate --phase phase-1 --candidates "$candidates" || demo_status=$?

cat <<INFO

Endpoints (gRPC, h2c; reflection is on, so grpcurl -plaintext works):
  enrolment   127.0.0.1:${GRPC[enrolment]}   council HR API     (sidecar app port ${APP[enrolment]}, dapr gRPC ${DAPR_GRPC[enrolment]}, dapr HTTP ${DAPR_HTTP[enrolment]})
  testing     127.0.0.1:${GRPC[testing]}   test delivery, bank admin (sidecar app port ${APP[testing]}, dapr gRPC ${DAPR_GRPC[testing]}, dapr HTTP ${DAPR_HTTP[testing]})
  observation 127.0.0.1:${GRPC[observation]}   simulated practice   (sidecar app port ${APP[observation]}, dapr gRPC ${DAPR_GRPC[observation]}, dapr HTTP ${DAPR_HTTP[observation]})
  reporting   127.0.0.1:${GRPC[reporting]}   the regulator's API  (sidecar app port ${APP[reporting]}, dapr gRPC ${DAPR_GRPC[reporting]}, dapr HTTP ${DAPR_HTTP[reporting]})
              http://127.0.0.1:${HTTP_API[reporting]}/v1/register/...  the same over HTTP/JSON and CSV; OpenAPI at /v1/openapi.json
App ports answer only requests carrying their sidecar's token (dapr-api-token); /healthz is open.
Redis: broker 127.0.0.1:$BROKER_PORT; stores: enrolment ${STORE[enrolment]}, testing ${STORE[testing]}, observation ${STORE[observation]}, reporting ${STORE[reporting]}
Logs: .run/logs/
Try:  dotnet tools/Cli/bin/Release/net10.0/accredit.dll list --authority E08000002
INFO

if [ "$demo_status" -ne 0 ]; then say "the demo FAILED (exit $demo_status)"; fi
if [ "$demo_only" -eq 1 ]; then exit "$demo_status"; fi
say "running; Ctrl-C stops everything"
wait
