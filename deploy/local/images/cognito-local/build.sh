#!/usr/bin/env bash
# Builds a local stand-in for the cognito-local image without any container registry.
#
#   deploy/local/images/cognito-local/build.sh IMAGE_TAG
#
# cognito-local (MIT, a Cognito user pools emulator) is installed from npm on the host and copied, with the
# host's node (v18+) and the shared libraries node links against, into a FROM scratch image with a static
# busybox for /bin/sh; nothing is downloaded inside Docker. About 10 s; the image is ~220 MB.
set -euo pipefail

LOG_TAG="cognito-local"
# shellcheck source=deploy/local/images/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

readonly NAME="cognito-local"
# Keep in sync with STANDIN_COGNITO_LOCAL_IMAGE in deploy/local/provision.sh (it names the stand-in's tag).
readonly NPM_PACKAGE="cognito-local@5.3.0"
# npm's integrity value for that tarball: a changed upload fails the build instead of being used.
readonly NPM_INTEGRITY="sha512-cIDVOJ8Tfg226OUMd5rPgm9TKm+Nnsw6NEBwLJKsqG/+a5mMgjR5xhBZCvQkx7FksY7abj9naiLECraFoQ81Dg=="

tag=${1:?usage: build.sh IMAGE_TAG}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
rootfs="${work}/rootfs"
app="${rootfs}/app"

# 1. node from the host (Debian's nodejs when missing) and cognito-local with its dependencies from npm.
command -v node >/dev/null 2>&1 || apt_install nodejs
command -v npm >/dev/null 2>&1 || apt_install npm
major="$(node --version | sed 's/^v\([0-9]*\).*/\1/')"
((major >= 18)) || die "node $(node --version) is too old; cognito-local needs 18 or newer"
log "installing ${NPM_PACKAGE} from npm"
(cd "${work}" && npm view --json "${NPM_PACKAGE}" dist.integrity >integrity.json)
grep -qF "\"${NPM_INTEGRITY}\"" "${work}/integrity.json" || die "${NPM_PACKAGE}: integrity differs from the pinned value"
install -d -m 0755 "${app}"
printf '{"name":"cognito-local-standin","private":true}\n' >"${app}/package.json"
(cd "${app}" && npm install --silent --omit=dev --no-audit --no-fund --no-package-lock "${NPM_PACKAGE}" >&2)
install -d -m 0755 "${app}/.cognito"

# 2. The node binary and its libraries, /bin/sh & co, /etc/passwd, /tmp.
add_base_files "${rootfs}"
install -D -m 0755 "$(readlink -f "$(command -v node)")" "${rootfs}/usr/bin/node"
add_busybox "${rootfs}"
add_host_libs "${rootfs}"

# 3. The image, then a smoke test: node runs inside it and finds cognito-local.
cp "${here}/Dockerfile" "${work}/Dockerfile"
log "building ${tag}"
docker_build "${tag}" "${NAME}" "${work}"
docker run --rm --entrypoint /usr/bin/node "${tag}" -e 'require("/app/node_modules/cognito-local/package.json")' \
  >/dev/null 2>&1 || die "${tag} does not run cognito-local"
log "built ${tag}"
