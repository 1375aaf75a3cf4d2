# shellcheck shell=bash
# Host tools the local stack needs, built from the Go module proxy when missing and cached by version under
# BOOKSHOP_CACHE_DIR (default ~/.cache/bookshop). Source after images/lib.sh; defines functions only.
#
#   ensure_compose  makes `docker compose` (v2 plugin) answer; builds v2.40.3 from module source when it does not
#   ensure_rie      prints the path of the Lambda Runtime Interface Emulator binary, building it when missing
#   ensure_chromium makes a Chromium for the browser tests (adapters/webui/browsertest) answer; installs Debian's
#                   chromium when missing and this is root with apt-get

BOOKSHOP_CACHE_DIR="${BOOKSHOP_CACHE_DIR:-${XDG_CACHE_HOME:-${HOME}/.cache}/bookshop}"
# `go install github.com/docker/compose/v2/cmd@v2.40.3` is refused (its go.mod has exclude directives), so the
# module is downloaded and built as a main module.
readonly COMPOSE_VERSION="v2.40.3"
# Tagged releases of the emulator are refused by the module proxy; this pseudo-version is served.
readonly RIE_VERSION="v0.0.0-20261030222936-bef5c4ba774d"

# go_offline ARGS... runs go outside this module and any workspace, with static, stripped, reproducible output.
go_offline() { (cd / && GOWORK=off GOFLAGS="" CGO_ENABLED=0 go "$@"); }

# ensure_compose installs the docker compose v2 CLI plugin for this user when `docker compose` does not answer.
ensure_compose() {
  docker compose version >/dev/null 2>&1 && return 0
  local cached="${BOOKSHOP_CACHE_DIR}/compose/${COMPOSE_VERSION}/docker-compose"
  local plugin="${DOCKER_CONFIG:-${HOME}/.docker}/cli-plugins/docker-compose"
  if [[ ! -x "${cached}" ]]; then
    command -v go >/dev/null 2>&1 || {
      warn "no docker compose and no go to build it"
      return 1
    }
    log "building docker compose ${COMPOSE_VERSION} from module source (about 2 minutes)"
    local dir work
    dir="$(go_offline mod download -json "github.com/docker/compose/v2@${COMPOSE_VERSION}" |
      awk -F'"' '$2 == "Dir" { print $4 }')" || return 1
    work="$(mktemp -d)"
    cp -r "${dir}" "${work}/src" && chmod -R u+w "${work}/src"
    if ! (cd "${work}/src" && GOWORK=off GOFLAGS="" CGO_ENABLED=0 go build -trimpath \
      -ldflags "-s -w -X github.com/docker/compose/v2/internal.Version=${COMPOSE_VERSION}" \
      -o "${work}/docker-compose" ./cmd) >&2; then
      rm -rf "${work}"
      warn "building docker compose failed"
      return 1
    fi
    install -D -m 0755 "${work}/docker-compose" "${cached}"
    rm -rf "${work}"
  fi
  install -D -m 0755 "${cached}" "${plugin}"
  docker compose version >/dev/null 2>&1 || {
    warn "docker compose does not answer after installing ${plugin}"
    return 1
  }
}

# ensure_rie prints the path of a static, stripped aws-lambda-rie built from RIE_VERSION.
ensure_rie() {
  local dir="${BOOKSHOP_CACHE_DIR}/rie/${RIE_VERSION}"
  if [[ ! -x "${dir}/aws-lambda-rie" ]]; then
    log "building aws-lambda-rie ${RIE_VERSION}"
    GOBIN="${dir}" go_offline install -trimpath -ldflags '-s -w' \
      "github.com/aws/aws-lambda-runtime-interface-emulator/cmd/aws-lambda-rie@${RIE_VERSION}" >&2 || return 1
  fi
  printf '%s\n' "${dir}/aws-lambda-rie"
}

# Commands adapters/webui/browsertest looks for, in its order (browserNames there), when BOOKSHOP_CHROMIUM is unset.
readonly CHROMIUM_NAMES=(chromium chromium-browser google-chrome google-chrome-stable headless-shell)

# find_chromium prints the path of the Chromium the browser tests will run: BOOKSHOP_CHROMIUM, else the first of
# CHROMIUM_NAMES on PATH. It fails when there is none.
find_chromium() {
  local name names=("${CHROMIUM_NAMES[@]}")
  if [[ -n "${BOOKSHOP_CHROMIUM:-}" ]]; then
    names=("${BOOKSHOP_CHROMIUM}")
  fi
  for name in "${names[@]}"; do
    command -v "${name}" 2>/dev/null && return 0
  done
  return 1
}

# ensure_chromium prints the path of the Chromium the browser tests will run. When there is none and
# BOOKSHOP_CHROMIUM is unset, as root with apt-get, it installs Debian's chromium (and the fonts screenshots need),
# waiting up to 5 minutes for another apt/dpkg run to release its lock.
ensure_chromium() {
  find_chromium && return 0
  if [[ -n "${BOOKSHOP_CHROMIUM:-}" ]]; then
    warn "BOOKSHOP_CHROMIUM=${BOOKSHOP_CHROMIUM} is not a command: browser tests will FAIL"
    return 1
  fi
  can_apt || {
    warn "no Chromium (${CHROMIUM_NAMES[*]}) and no root with apt-get to install one: browser tests will FAIL;" \
      "install chromium or set BOOKSHOP_SKIP_BROWSER_TESTS=1"
    return 1
  }
  log "installing Debian packages: chromium fonts-liberation (about 100 MB)"
  if ! (apt_run -o DPkg::Lock::Timeout=300 install chromium fonts-liberation) || ! find_chromium; then
    warn "installing chromium failed: browser tests will FAIL"
    return 1
  fi
}
