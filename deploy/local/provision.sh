#!/usr/bin/env bash
# Prepares this machine for the container tests, the browser tests and the local stack: a Docker engine that
# answers, the DynamoDB Local and MinIO images, the docker compose v2 plugin, the images of the stack's Go programs
# (built from the current source on every run; unchanged binaries are not repackaged), the testcontainers settings
# this machine needs, and a Chromium for adapters/webui/browsertest (Debian's chromium, installed when missing).
# Idempotent: a second run takes seconds.
#
#   source deploy/local/provision.sh               # exports the variables below into the current shell
#   deploy/local/provision.sh --print-env          # prints them as `export K=V` lines (eval-able)
#
# Exports:
#   BOOKSHOP_DYNAMODB_LOCAL_IMAGE  default amazon/dynamodb-local:3.3.1
#   BOOKSHOP_MINIO_IMAGE           default pgsty/silo:RELEASE.2026-09-16T00-00-00Z (see DEFAULT_MINIO_IMAGE)
#   BOOKSHOP_COGNITO_LOCAL_IMAGE   default jagregory/cognito-local:3.23.2 (stand-in: cognito-local 5.3.0 from npm)
#   BOOKSHOP_<PROGRAM>_IMAGE       bookshop/<program>:dev for catalog, thumbnailer, auth, orders, notifier, projector, gateway, localinit (see
#                                  deploy/local/functions.sh; BOOKSHOP_IMAGE_PREFIX, BOOKSHOP_IMAGE_TAG rename them)
#   TESTCONTAINERS_RYUK_DISABLED   =true, only when the reaper image is neither local nor pullable
#   TESTCONTAINERS_HOST_OVERRIDE   =127.0.0.1, only inside a container (/.dockerenv) whose own dockerd runs the
#                                  test containers, and only when not set already
#
# Each image: used as is when the engine has it; else pulled (timeout BOOKSHOP_PULL_TIMEOUT, default 60 s;
# BOOKSHOP_SKIP_PULL=1 skips pulls); else a stand-in is built from deploy/local/images/<name>/ and the
# variable points at it (bookshop-local/...). A stand-in is rebuilt only when its recipe files changed.
#
# Without a Docker engine this does not fail: it warns, and the Go container tests fail unless
# BOOKSHOP_SKIP_CONTAINER_TESTS=1 is set. Likewise without a Chromium it cannot install (not root, no apt-get):
# the browser tests fail unless BOOKSHOP_SKIP_BROWSER_TESTS=1 is set. Logs go to stderr; only the exports go to
# stdout.

# Sourced: run this file in a child bash, so that its `set -euo pipefail` and helpers stay out of the
# caller's shell, and import the exports it prints.
if [[ "${BASH_SOURCE[0]}" != "${0}" ]]; then
  __bookshop_env="$(bash "${BASH_SOURCE[0]}" --print-env)" || {
    unset __bookshop_env
    return 1
  }
  eval "${__bookshop_env}"
  unset __bookshop_env
  return 0
fi

set -euo pipefail

LOG_TAG="provision"
# shellcheck source=deploy/local/images/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/images/lib.sh"
# shellcheck source=deploy/local/tools.sh
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
# shellcheck source=deploy/local/functions.sh
source "$(dirname "${BASH_SOURCE[0]}")/functions.sh"

# Official images, pinned.
readonly DEFAULT_DYNAMODB_LOCAL_IMAGE="amazon/dynamodb-local:3.3.1"
# MinIO Inc. stopped publishing community images in Oct 2025 and archived minio/minio in Apr 2026; Docker Hub's
# minio/minio and the quay.io/minio tags are gone. pgsty/silo (Docker Hub, amd64+arm64) is the maintained
# community fork of the MinIO server: same S3 API, MINIO_ROOT_USER/MINIO_ROOT_PASSWORD, `server /data`
# command and /minio/health/live route, so testcontainers-go's minio module runs it unchanged.
# RELEASE.2026-09-16T00-00-00Z is a published release tag (Silo's own single-node upgrade guide targets it).
readonly DEFAULT_MINIO_IMAGE="pgsty/silo:RELEASE.2026-09-16T00-00-00Z"
# cognito-local (Cognito user pools emulator); the Go helper adapters/cognito/cognitotest has the same default.
readonly DEFAULT_COGNITO_LOCAL_IMAGE="jagregory/cognito-local:3.23.2"
# testcontainers-go v0.45.0's reaper (internal/config.ReaperDefaultImage).
readonly RYUK_IMAGE="testcontainers/ryuk:0.14.0"

# Local stand-ins. The MinIO one is built from this module version (see images/minio/build.sh).
readonly MINIO_PSEUDO_VERSION="v0.0.0-20260212201848-7aac2a2c5b7c"
readonly STANDIN_DYNAMODB_LOCAL_IMAGE="bookshop-local/dynamodb-local:3.3.1"
readonly STANDIN_MINIO_IMAGE="bookshop-local/minio:${MINIO_PSEUDO_VERSION}"
readonly STANDIN_COGNITO_LOCAL_IMAGE="bookshop-local/cognito-local:5.3.0" # see images/cognito-local/build.sh

readonly PULL_TIMEOUT="${BOOKSHOP_PULL_TIMEOUT:-60}"
readonly DOCKERD_TIMEOUT="${BOOKSHOP_DOCKERD_TIMEOUT:-60}"
readonly DOCKERD_LOG="/tmp/dockerd.log"
readonly LOCK_FILE="/tmp/bookshop-provision-${EUID}.lock"

exports=() # "NAME=value" pairs printed at the end
summary=() # one line per image

usage() { awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "${BASH_SOURCE[0]}"; }

# dockerd_running succeeds when the dockerd named in its pid file is alive (it may still be starting).
dockerd_running() {
  local pid
  pid="$(cat /var/run/docker.pid 2>/dev/null || true)"
  [[ -n "${pid}" ]] && kill -0 "${pid}" 2>/dev/null
}

# ensure_engine makes `docker info` answer: installs docker.io and starts dockerd when needed (root + apt).
ensure_engine() {
  docker info >/dev/null 2>&1 && return 0
  if [[ ${EUID} -ne 0 ]]; then
    warn "no Docker engine answers and this is not root: cannot install or start one"
    return 1
  fi
  if ! command -v dockerd >/dev/null 2>&1 || ! command -v docker >/dev/null 2>&1; then
    can_apt || {
      warn "no Docker engine and no apt-get to install docker.io"
      return 1
    }
    (apt_install docker.io) || {
      warn "installing docker.io failed"
      return 1
    }
  fi
  if ! dockerd_running; then
    log "starting dockerd (log: ${DOCKERD_LOG})"
    # Own session, no inherited stdio or lock: it outlives this script, make and the CI step that ran them.
    setsid nohup dockerd >"${DOCKERD_LOG}" 2>&1 </dev/null 9>&- &
  fi
  local deadline=$((SECONDS + DOCKERD_TIMEOUT))
  until docker info >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      warn "dockerd did not answer within ${DOCKERD_TIMEOUT}s; last lines of ${DOCKERD_LOG}:"
      tail -n 5 "${DOCKERD_LOG}" >&2 2>/dev/null || true
      return 1
    fi
    sleep 0.2
  done
  log "Docker engine $(docker version --format '{{.Server.Version}}' 2>/dev/null) answers"
}

# try_pull IMAGE pulls IMAGE within PULL_TIMEOUT seconds.
try_pull() {
  local image=$1 out
  [[ "${BOOKSHOP_SKIP_PULL:-}" == 1 ]] && return 1
  if out="$(timeout "${PULL_TIMEOUT}" docker pull --quiet "${image}" 2>&1)"; then
    return 0
  fi
  log "cannot pull ${image}: $(tail -n 1 <<<"${out:-timed out after ${PULL_TIMEOUT}s}")"
  return 1
}

# resolve_image VAR DEFAULT NAME STANDIN makes the image named by $VAR (or DEFAULT) available, falling back
# to the stand-in NAME tagged STANDIN, and records the export and a summary line.
resolve_image() {
  local var=$1 default=$2 name=$3 standin=$4
  local image="${!var:-${default}}" how start
  start="$(now)"
  if [[ "${image}" != "${standin}" ]] && image_exists "${image}"; then
    how="local"
  elif [[ "${image}" != "${standin}" ]] && try_pull "${image}"; then
    how="pulled"
  elif [[ "$(image_recipe "${standin}")" == "$(recipe_hash "${name}")" ]]; then
    image="${standin}" how="stand-in, cached"
  elif log "building stand-in ${standin}" && "${BOOKSHOP_IMAGES_DIR}/${name}/build.sh" "${standin}" >&2; then
    image="${standin}" how="stand-in, built"
  else
    how="MISSING: stand-in build failed (see above)"
    warn "${name}: no image; its container tests will fail"
  fi
  exports+=("${var}=${image}")
  summary+=("$(printf '%-16s %-52s %s, %s' "${name}" "${image}" "${how}" "$(elapsed "${start}")")")
}

# resolve_compose records whether `docker compose` answers (building the plugin when it does not).
resolve_compose() {
  local start how
  start="$(now)"
  if ensure_compose; then
    how="$(docker compose version --short 2>/dev/null)"
  else
    how="MISSING: the local stack and its end-to-end test will fail"
  fi
  summary+=("$(printf '%-16s %-52s %s, %s' compose "docker compose" "${how}" "$(elapsed "${start}")")")
}

# resolve_chromium records the Chromium the browser tests will run, installing Debian's when there is none.
resolve_chromium() {
  local start path how
  start="$(now)"
  if path="$(ensure_chromium)"; then
    how="$("${path}" --version 2>/dev/null | head -n 1)" || true
  else
    path="chromium" how="MISSING: browser tests will fail (BOOKSHOP_SKIP_BROWSER_TESTS=1 skips them)"
  fi
  summary+=("$(printf '%-16s %-52s %s, %s' chromium "${path}" "${how:-version unknown}" "$(elapsed "${start}")")")
}

# resolve_programs builds the image of every program in BOOKSHOP_STACK_PROGRAMS from the current source. A
# program that does not build yet is reported, not fatal: only the tests that need its image fail.
resolve_programs() {
  local start rie program tag how
  start="$(now)"
  if ! rie="$(ensure_rie)"; then
    warn "no aws-lambda-rie: the function images are not built"
    return 0
  fi
  for program in "${BOOKSHOP_STACK_PROGRAMS[@]}"; do
    start="$(now)"
    tag="$(image_name "${program}")"
    if [[ ! -d "${BOOKSHOP_REPO_DIR}/cmd/${program}" ]]; then
      how="MISSING: no cmd/${program}"
    elif ! how="$(build_program_image "${program}" "${rie}")"; then
      how="MISSING: build failed (see above)"
      warn "${program}: no image; the local stack and its end-to-end test will fail"
    fi
    exports+=("$(image_var "${program}")=${tag}")
    summary+=("$(printf '%-16s %-52s %s, %s' "${program}" "${tag}" "${how}" "$(elapsed "${start}")")")
  done
}

# configure_testcontainers records the testcontainers settings this machine needs.
configure_testcontainers() {
  if [[ -z "${TESTCONTAINERS_RYUK_DISABLED:-}" ]]; then
    if image_exists "${RYUK_IMAGE}" || try_pull "${RYUK_IMAGE}"; then
      summary+=("$(printf '%-16s %-52s %s' ryuk "${RYUK_IMAGE}" "reaper enabled")")
    else
      exports+=("TESTCONTAINERS_RYUK_DISABLED=true")
      summary+=("$(printf '%-16s %-52s %s' ryuk "${RYUK_IMAGE}" "unavailable: TESTCONTAINERS_RYUK_DISABLED=true")")
    fi
  fi
  # Inside a container whose own dockerd runs the test containers (the engine's name is our hostname),
  # published ports are on our loopback, but testcontainers would dial the default gateway and time out.
  if [[ -e /.dockerenv && -z "${TESTCONTAINERS_HOST_OVERRIDE:-}" ]] &&
    [[ "$(docker info --format '{{.Name}}' 2>/dev/null)" == "${HOSTNAME:-}" ]]; then
    exports+=("TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1")
  fi
}

main() {
  case "${1:-}" in
    "" | --print-env) ;;
    -h | --help)
      usage
      return 0
      ;;
    *)
      usage >&2
      return 2
      ;;
  esac

  local start
  start="$(now)"
  # One provisioning at a time on this machine (a concurrent run waits, then finds the images built).
  if command -v flock >/dev/null 2>&1; then
    exec 9>"${LOCK_FILE}"
    flock 9
  fi

  resolve_chromium
  if ensure_engine; then
    resolve_image BOOKSHOP_DYNAMODB_LOCAL_IMAGE "${DEFAULT_DYNAMODB_LOCAL_IMAGE}" dynamodb-local \
      "${STANDIN_DYNAMODB_LOCAL_IMAGE}"
    resolve_image BOOKSHOP_MINIO_IMAGE "${DEFAULT_MINIO_IMAGE}" minio "${STANDIN_MINIO_IMAGE}"
    resolve_image BOOKSHOP_COGNITO_LOCAL_IMAGE "${DEFAULT_COGNITO_LOCAL_IMAGE}" cognito-local \
      "${STANDIN_COGNITO_LOCAL_IMAGE}"
    resolve_compose
    resolve_programs
    configure_testcontainers
  else
    warn "no Docker engine: container tests will FAIL; set BOOKSHOP_SKIP_CONTAINER_TESTS=1 to skip them"
    exports+=("BOOKSHOP_DYNAMODB_LOCAL_IMAGE=${BOOKSHOP_DYNAMODB_LOCAL_IMAGE:-${DEFAULT_DYNAMODB_LOCAL_IMAGE}}")
    exports+=("BOOKSHOP_MINIO_IMAGE=${BOOKSHOP_MINIO_IMAGE:-${DEFAULT_MINIO_IMAGE}}")
    exports+=("BOOKSHOP_COGNITO_LOCAL_IMAGE=${BOOKSHOP_COGNITO_LOCAL_IMAGE:-${DEFAULT_COGNITO_LOCAL_IMAGE}}")
  fi

  local line
  for line in "${summary[@]}"; do
    log "${line}"
  done
  log "ready in $(elapsed "${start}")"
  for line in "${exports[@]}"; do
    printf 'export %s=%q\n' "${line%%=*}" "${line#*=}"
  done
}

main "$@"
