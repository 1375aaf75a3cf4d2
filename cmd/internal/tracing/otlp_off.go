//go:build !otlp

package tracing

import (
	"context"
	"errors"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// newOTLPExporter refuses: the exporter is not linked into this binary.
func newOTLPExporter(context.Context, string) (sdktrace.SpanExporter, error) {
	return nil, errors.New("built without the OTLP exporter: build with -tags otlp (images: --build-arg GO_TAGS=otlp)")
}

// OTLPBuiltIn reports whether this binary can send spans over OTLP; see
// otlp.go. Without the otlp tag, OTEL_EXPORTER_OTLP_ENDPOINT is refused at
// start-up rather than ignored.
const OTLPBuiltIn = false
