# shellcheck shell=bash
# Builds the images of the local stack's Go programs (the Lambda functions, the local API gateway and the init
# job) from the current source, the offline way: the binary is compiled on the host with exactly the flags of the
# Dockerfile's build stage, then `docker build --target prebuilt` packages it with the same Dockerfile (no
# registry, no network inside Docker). Source after images/lib.sh and tools.sh; defines functions only.
#
# An image is rebuilt only when its content changed: its label org.bookshop.content holds the hash of the
# binary, the emulator, the CA bundle and the Dockerfile, so an unchanged binary costs one `go build` (cached by
# Go) and one `docker image inspect`.

BOOKSHOP_REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BOOKSHOP_CONTENT_LABEL="org.bookshop.content"

# BOOKSHOP_STACK_PROGRAMS names the directories under cmd/ that become images, in build order. Extend it here.
# shellcheck disable=SC2034 # used by provision.sh
BOOKSHOP_STACK_PROGRAMS=(catalog thumbnailer auth orders notifier projector gateway localinit)

# image_var PROGRAM prints the variable that names PROGRAM's image (catalog → BOOKSHOP_CATALOG_IMAGE).
image_var() { printf 'BOOKSHOP_%s_IMAGE' "$(tr '[:lower:]-' '[:upper:]_' <<<"$1")"; }

# image_name PROGRAM prints the image name: ${BOOKSHOP_IMAGE_PREFIX:-bookshop}/PROGRAM:${BOOKSHOP_IMAGE_TAG:-dev}.
image_name() { printf '%s/%s:%s' "${BOOKSHOP_IMAGE_PREFIX:-bookshop}" "$1" "${BOOKSHOP_IMAGE_TAG:-dev}"; }

# build_binary PROGRAM OUT compiles ./cmd/PROGRAM to OUT. Keep in sync with the Dockerfile's build stage.
build_binary() {
  (cd "${BOOKSHOP_REPO_DIR}" && GOWORK=off CGO_ENABLED=0 GOOS=linux GOARCH="$(go env GOARCH)" \
    go build -tags lambda.norpc -trimpath -ldflags='-s -w' -o "$2" "./cmd/$1")
}

# build_program_image PROGRAM RIE builds PROGRAM's image with the emulator binary RIE and prints how.
build_program_image() {
  local program=$1 rie=$2 tag rootfs content old out
  tag="$(image_name "${program}")"
  rootfs="${BOOKSHOP_REPO_DIR}/.build/${program}/rootfs"
  install -d "${rootfs}/var/runtime" "${rootfs}/usr/local/bin" "${rootfs}/etc/ssl/certs"
  build_binary "${program}" "${rootfs}/var/runtime/bootstrap" >&2 || return 1
  cmp -s "${rie}" "${rootfs}/usr/local/bin/aws-lambda-rie" || install -m 0755 "${rie}" "${rootfs}/usr/local/bin/aws-lambda-rie"
  cmp -s /etc/ssl/certs/ca-certificates.crt "${rootfs}/etc/ssl/certs/ca-certificates.crt" ||
    install -m 0644 /etc/ssl/certs/ca-certificates.crt "${rootfs}/etc/ssl/certs/ca-certificates.crt"
  content="$(cat "${rootfs}/var/runtime/bootstrap" "${rootfs}/usr/local/bin/aws-lambda-rie" \
    "${rootfs}/etc/ssl/certs/ca-certificates.crt" "${BOOKSHOP_REPO_DIR}/Dockerfile" | sha256sum | cut -c1-16)"
  if [[ "$(docker image inspect --format "{{ index .Config.Labels \"${BOOKSHOP_CONTENT_LABEL}\" }}" "${tag}" \
    2>/dev/null || true)" == "${content}" ]]; then
    echo "cached"
    return 0
  fi
  old="$(docker image inspect --format '{{.Id}}' "${tag}" 2>/dev/null || true)"
  if ! out="$(DOCKER_BUILDKIT=0 docker build --quiet --target prebuilt --file "${BOOKSHOP_REPO_DIR}/Dockerfile" \
    --label "${BOOKSHOP_CONTENT_LABEL}=${content}" --tag "${tag}" "${rootfs}" 2>&1)"; then
    printf '%s\n' "${out}" >&2
    return 1
  fi
  if [[ -n "${old}" && "${old}" != "$(docker image inspect --format '{{.Id}}' "${tag}")" ]]; then
    docker image rm "${old}" >/dev/null 2>&1 || true
  fi
  echo "built"
}
