# One image per Lambda function, from one Dockerfile:
#
#   docker build --build-arg FUNCTION=catalog -t bookshop/catalog .
#
# The entrypoint is the function's bootstrap binary, which is what Lambda runs.
# The image also carries the Lambda Runtime Interface Emulator, so the SAME
# image runs locally with the entrypoint overridden:
#
#   docker run -p 127.0.0.1:9000:8080 --entrypoint /usr/local/bin/aws-lambda-rie bookshop/catalog /var/runtime/bootstrap
#
# Runtime base: scratch by default. A Go binary built with CGO_ENABLED=0 needs
# nothing from an OS image except CA certificates (copied from the build
# stage) to call AWS over TLS; provided:al2023 would add ~40 MB and its own
# emulator. Set RUNTIME_BASE=public.ecr.aws/lambda/provided:al2023 to use it.
ARG GO_IMAGE=golang:1.26.8-bookworm
ARG RUNTIME_BASE=scratch

FROM ${GO_IMAGE} AS build
ARG FUNCTION
ARG RIE_VERSION=v0.0.0-20261030222936-bef5c4ba774d
WORKDIR /src
ENV CGO_ENABLED=0 GOFLAGS=-trimpath
RUN test -n "${FUNCTION}" || (echo "build with --build-arg FUNCTION=<name under cmd/>" >&2; exit 1)
COPY go.mod go.sum ./
RUN go mod download
RUN go install github.com/aws/aws-lambda-runtime-interface-emulator/cmd/aws-lambda-rie@${RIE_VERSION}
COPY domain/ domain/
COPY app/ app/
COPY adapters/ adapters/
COPY cmd/ cmd/
RUN go build -tags lambda.norpc -ldflags='-s -w' -o /out/bootstrap ./cmd/${FUNCTION}

FROM ${RUNTIME_BASE}
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=build /go/bin/aws-lambda-rie /usr/local/bin/aws-lambda-rie
COPY --from=build /out/bootstrap /var/runtime/bootstrap
ENTRYPOINT ["/var/runtime/bootstrap"]
