// Package emf implements app.Metrics with CloudWatch's embedded metric format
// (EMF): each value is one JSON line on the function's output, which Lambda
// ships to CloudWatch Logs, where CloudWatch extracts the metric without any
// API call (docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/
// CloudWatch_Embedded_Metric_Format_Specification.html). Locally the lines are
// just log lines.
//
// Every line has the dimension sets [FunctionName] and, inside Lambda,
// [FunctionName, ColdStart]: ColdStart is "true" for values recorded during
// the first invocation of the execution environment. The request id and the
// X-Ray trace id, when known, are plain members for Logs Insights.
package emf

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"sync"
	"time"

	"github.com/aws/aws-lambda-go/lambdacontext"

	"github.com/bookshop/bookshop/adapters/lambdalog"
	"github.com/bookshop/bookshop/app"
)

// Namespace is the CloudWatch namespace of the shop's metrics.
const Namespace = "Bookshop"

// Recorder writes EMF lines. It is safe for concurrent use.
type Recorder struct {
	mu           sync.Mutex
	w            io.Writer
	functionName string
	now          func() time.Time
	// firstRequest is the id of the environment's first invocation.
	firstRequest string
}

// New returns a Recorder writing to w for the named function (Lambda's
// AWS_LAMBDA_FUNCTION_NAME; locally a program name).
func New(w io.Writer, functionName string) *Recorder {
	return &Recorder{w: w, functionName: functionName, now: time.Now}
}

// NewStdout returns a Recorder on standard output named after the running
// Lambda function.
func NewStdout() *Recorder { return New(os.Stdout, lambdacontext.FunctionName) }

type metricDirective struct {
	Namespace  string       `json:"Namespace"`
	Dimensions [][]string   `json:"Dimensions"`
	Metrics    []metricSpec `json:"Metrics"`
}

type metricSpec struct {
	Name string `json:"Name"`
	Unit string `json:"Unit,omitempty"`
}

type metadata struct {
	Timestamp         int64             `json:"Timestamp"`
	CloudWatchMetrics []metricDirective `json:"CloudWatchMetrics"`
}

// Record implements app.Metrics: one EMF line per value.
func (r *Recorder) Record(ctx context.Context, m app.Metric, value float64) {
	line := map[string]any{"FunctionName": r.functionName, m.Name: value}
	dims := [][]string{{"FunctionName"}}
	if lc, ok := lambdacontext.FromContext(ctx); ok && lc.AwsRequestID != "" {
		line["requestId"] = lc.AwsRequestID
		line["ColdStart"] = r.coldStart(lc.AwsRequestID)
		dims = append(dims, []string{"FunctionName", "ColdStart"})
	}
	if id := lambdalog.TraceID(ctx); id != "" {
		line["traceId"] = id
	}
	line["_aws"] = metadata{
		Timestamp:         r.now().UnixMilli(),
		CloudWatchMetrics: []metricDirective{{Namespace: Namespace, Dimensions: dims, Metrics: []metricSpec{{Name: m.Name, Unit: m.Unit}}}},
	}
	b, err := json.Marshal(line)
	if err != nil {
		return // a metric is never worth failing a request
	}
	b = append(b, '\n')
	r.mu.Lock()
	defer r.mu.Unlock()
	_, _ = r.w.Write(b)
}

// coldStart returns "true" for the environment's first invocation.
func (r *Recorder) coldStart(requestID string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.firstRequest == "" {
		r.firstRequest = requestID
	}
	if r.firstRequest == requestID {
		return "true"
	}
	return "false"
}
