// Package lambdalog adds the invocation's AWS request id and X-Ray trace id
// to every log line a function writes with log/slog, so that CloudWatch Logs
// Insights can join a function's logs with its X-Ray trace and its EMF
// metrics (adapters/emf).
package lambdalog

import (
	"context"
	"log/slog"
	"os"
	"strings"

	"github.com/aws/aws-lambda-go/lambdacontext"
)

// TraceHeader returns the X-Ray trace header
// (Root=1-…;Parent=…;Sampled=…) of the invocation ctx belongs to:
// aws-lambda-go puts it in the context under "x-amzn-trace-id" (and in
// _X_AMZN_TRACE_ID). It returns "" outside Lambda.
func TraceHeader(ctx context.Context) string {
	if h, _ := ctx.Value("x-amzn-trace-id").(string); h != "" {
		return h
	}
	return os.Getenv("_X_AMZN_TRACE_ID")
}

// TraceID returns the X-Ray trace id (the Root of the trace header) of the
// invocation ctx belongs to, or "" outside Lambda.
func TraceID(ctx context.Context) string {
	for part := range strings.SplitSeq(TraceHeader(ctx), ";") {
		if root, ok := strings.CutPrefix(part, "Root="); ok {
			return root
		}
	}
	return ""
}

// Handler decorates a slog.Handler: records logged with a context of a
// Lambda invocation get requestId and traceId attributes.
type Handler struct {
	slog.Handler
}

// New wraps h.
func New(h slog.Handler) *Handler { return &Handler{Handler: h} }

// Handle implements slog.Handler.
func (h *Handler) Handle(ctx context.Context, r slog.Record) error {
	if lc, ok := lambdacontext.FromContext(ctx); ok && lc.AwsRequestID != "" {
		r.AddAttrs(slog.String("requestId", lc.AwsRequestID))
	}
	if id := TraceID(ctx); id != "" {
		r.AddAttrs(slog.String("traceId", id))
	}
	return h.Handler.Handle(ctx, r)
}

// WithAttrs implements slog.Handler.
func (h *Handler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return &Handler{Handler: h.Handler.WithAttrs(attrs)}
}

// WithGroup implements slog.Handler.
func (h *Handler) WithGroup(name string) slog.Handler {
	return &Handler{Handler: h.Handler.WithGroup(name)}
}
