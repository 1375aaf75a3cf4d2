# One image per Lambda function (and per local-stack helper: gateway, localinit), from one Dockerfile:
#
#   docker build --build-arg FUNCTION=catalog -t bookshop/catalog:dev .
#
# The entrypoint is the function's bootstrap binary, which is what Lambda runs. The image also carries the
# Lambda Runtime Interface Emulator, so the SAME image (same digest as the one pushed to ECR) runs locally with
# the entrypoint overridden:
#
#   docker run -p 127.0.0.1:9002:8080 --entrypoint /usr/local/bin/aws-lambda-rie bookshop/catalog:dev /var/runtime/bootstrap
#
# Runtime base: scratch by default. A Go binary built with CGO_ENABLED=0 needs nothing from an OS image except
# CA certificates to call AWS over TLS; provided:al2023 would add ~40 MB and its own emulator. Set
# RUNTIME_BASE=public.ecr.aws/lambda/provided:al2023 to use it.
#
# Two targets build the same image:
#
#   lambda (default)  compiles in a golang stage; needs the GO_IMAGE from a registry.
#   prebuilt          for machines without a registry (deploy/local/provision.sh): the binaries are compiled on
#                     the host with exactly the flags of the build stage and the build context is a root file
#                     system holding them:
#
#                       <context>/var/runtime/bootstrap
#                       <context>/usr/local/bin/aws-lambda-rie
#                       <context>/etc/ssl/certs/ca-certificates.crt
#
#                     docker build --target prebuilt -f Dockerfile .build/catalog/rootfs
#
# `prebuilt` is the FIRST stage so that the legacy builder (DOCKER_BUILDKIT=0), which runs every stage up to
# the target, never needs the golang image for it. (Building the default target with the legacy builder also
# runs `prebuilt` over the repository context, a throwaway stage; BuildKit skips it.)
ARG GO_IMAGE=golang:1.26.8-bookworm
ARG RUNTIME_BASE=scratch

FROM ${RUNTIME_BASE} AS prebuilt
COPY . /
ENTRYPOINT ["/var/runtime/bootstrap"]

FROM ${GO_IMAGE} AS build
ARG FUNCTION
# Extra Go build tags, e.g. GO_TAGS=otlp links the OpenTelemetry OTLP exporter (cmd/internal/tracing).
ARG GO_TAGS=
ARG RIE_VERSION=v0.0.0-20261030222936-bef5c4ba774d
WORKDIR /src
ENV CGO_ENABLED=0 GOFLAGS=-trimpath
RUN test -n "${FUNCTION}" || (echo "build with --build-arg FUNCTION=<name under cmd/>" >&2; exit 1)
COPY go.mod go.sum ./
RUN go mod download
RUN go install -ldflags='-s -w' github.com/aws/aws-lambda-runtime-interface-emulator/cmd/aws-lambda-rie@${RIE_VERSION}
COPY domain/ domain/
COPY app/ app/
COPY adapters/ adapters/
COPY cmd/ cmd/
# Keep these flags in sync with build_binary in deploy/local/functions.sh (the prebuilt path).
RUN go build -tags "lambda.norpc ${GO_TAGS}" -ldflags='-s -w' -o /out/bootstrap ./cmd/${FUNCTION}

FROM ${RUNTIME_BASE} AS lambda
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=build /go/bin/aws-lambda-rie /usr/local/bin/aws-lambda-rie
COPY --from=build /out/bootstrap /var/runtime/bootstrap
ENTRYPOINT ["/var/runtime/bootstrap"]
