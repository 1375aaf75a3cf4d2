package emf_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/lambdacontext"

	"github.com/bookshop/bookshop/adapters/emf"
	"github.com/bookshop/bookshop/app"
)

// validUnits are the units the EMF specification allows
// (CloudWatch_Embedded_Metric_Format_Specification.html, MetricDefinition).
var validUnits = []string{"Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes",
	"Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count", "Bytes/Second",
	"Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second", "Bits/Second", "Kilobits/Second",
	"Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second", "None"}

// checkEMF validates one line against the EMF specification: a JSON object
// whose _aws member has an integer Timestamp (ms since the epoch) and
// CloudWatchMetrics, a list of directives each with a Namespace (1–255
// characters), Dimensions (a list of at most 30 dimension sets, each of at
// most 30 names, each a string member of the root object) and Metrics (at
// most 100, each with a Name of 1–255 characters whose value is a number or
// a list of at most 100 numbers in the root object, and a valid Unit when
// present). It returns the metric values by name.
func checkEMF(line []byte) (map[string]float64, error) {
	var root map[string]json.RawMessage
	if err := json.Unmarshal(line, &root); err != nil {
		return nil, fmt.Errorf("not a JSON object: %w", err)
	}
	var meta struct {
		Timestamp         *json.Number `json:"Timestamp"`
		CloudWatchMetrics []struct {
			Namespace  *string    `json:"Namespace"`
			Dimensions [][]string `json:"Dimensions"`
			Metrics    []struct {
				Name *string `json:"Name"`
				Unit *string `json:"Unit"`
			} `json:"Metrics"`
		} `json:"CloudWatchMetrics"`
	}
	raw, ok := root["_aws"]
	if !ok {
		return nil, fmt.Errorf("no _aws member")
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	dec.DisallowUnknownFields()
	if err := dec.Decode(&meta); err != nil {
		return nil, fmt.Errorf("_aws: %w", err)
	}
	if meta.Timestamp == nil {
		return nil, fmt.Errorf("_aws.Timestamp missing")
	}
	ms, err := meta.Timestamp.Int64()
	if err != nil || ms < time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli() {
		return nil, fmt.Errorf("_aws.Timestamp %v is not milliseconds since the epoch", meta.Timestamp)
	}
	if len(meta.CloudWatchMetrics) == 0 {
		return nil, fmt.Errorf("_aws.CloudWatchMetrics is empty")
	}
	values := map[string]float64{}
	for _, d := range meta.CloudWatchMetrics {
		if d.Namespace == nil || len(*d.Namespace) < 1 || len(*d.Namespace) > 255 {
			return nil, fmt.Errorf("Namespace %v", d.Namespace)
		}
		if d.Dimensions == nil || len(d.Dimensions) > 30 {
			return nil, fmt.Errorf("Dimensions: %d sets, want 0..30 and present", len(d.Dimensions))
		}
		for _, set := range d.Dimensions {
			if len(set) > 30 {
				return nil, fmt.Errorf("a dimension set of %d names, want ≤ 30", len(set))
			}
			for _, name := range set {
				var v string
				if err := json.Unmarshal(root[name], &v); err != nil {
					return nil, fmt.Errorf("dimension %s is not a string member: %s", name, root[name])
				}
			}
		}
		if len(d.Metrics) == 0 || len(d.Metrics) > 100 {
			return nil, fmt.Errorf("%d metrics, want 1..100", len(d.Metrics))
		}
		for _, m := range d.Metrics {
			if m.Name == nil || len(*m.Name) < 1 || len(*m.Name) > 255 {
				return nil, fmt.Errorf("metric Name %v", m.Name)
			}
			if m.Unit != nil && !slices.Contains(validUnits, *m.Unit) {
				return nil, fmt.Errorf("metric %s: unit %q", *m.Name, *m.Unit)
			}
			var v float64
			if err := json.Unmarshal(root[*m.Name], &v); err != nil {
				var vs []float64
				if err := json.Unmarshal(root[*m.Name], &vs); err != nil || len(vs) == 0 || len(vs) > 100 {
					return nil, fmt.Errorf("metric %s has no numeric member: %s", *m.Name, root[*m.Name])
				}
				v = vs[0]
			}
			values[*m.Name] = v
		}
	}
	return values, nil
}

func invocation(requestID string) context.Context {
	ctx := lambdacontext.NewContext(context.Background(), &lambdacontext.LambdaContext{AwsRequestID: requestID})
	return context.WithValue(ctx, "x-amzn-trace-id", "Root=1-67891233-abcdef012345678912345678;Sampled=1")
}

func TestEveryShopMetricIsAValidEMFLine(t *testing.T) {
	var buf bytes.Buffer
	r := emf.New(&buf, "bookshop-OrdersFunction")
	metrics := []app.Metric{app.MetricOrdersPlaced, app.MetricOrderValueCents, app.MetricCheckoutOutOfStock,
		app.MetricIdempotentReplays, app.MetricThumbnailsMade, app.MetricThumbnailsRefused, app.MetricSignInFailures,
		app.MetricSignInsRateLimited}
	for i, m := range metrics {
		r.Record(invocation("req-1"), m, float64(i+1))
	}
	sc := bufio.NewScanner(&buf)
	n := 0
	for sc.Scan() {
		values, err := checkEMF(sc.Bytes())
		if err != nil {
			t.Fatalf("line %d %s: %v", n, sc.Bytes(), err)
		}
		if want := map[string]float64{metrics[n].Name: float64(n + 1)}; !equalValues(values, want) {
			t.Errorf("line %d: values %v, want %v", n, values, want)
		}
		n++
	}
	if n != len(metrics) {
		t.Errorf("%d lines for %d values", n, len(metrics))
	}
}

func equalValues(a, b map[string]float64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestColdStartIsADimensionTrueOnlyForTheFirstInvocation(t *testing.T) {
	var buf bytes.Buffer
	r := emf.New(&buf, "fn")
	r.Record(invocation("req-1"), app.MetricOrdersPlaced, 1)
	r.Record(invocation("req-1"), app.MetricOrdersPlaced, 1)
	r.Record(invocation("req-2"), app.MetricOrdersPlaced, 1)
	var got []string
	sc := bufio.NewScanner(&buf)
	for sc.Scan() {
		var line struct {
			AWS struct {
				CloudWatchMetrics []struct{ Dimensions [][]string }
			} `json:"_aws"`
		}
		var m map[string]any
		_ = json.Unmarshal(sc.Bytes(), &m)
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprint(m["ColdStart"]))
		want := [][]string{{"FunctionName"}, {"FunctionName", "ColdStart"}}
		if d := line.AWS.CloudWatchMetrics[0].Dimensions; fmt.Sprint(d) != fmt.Sprint(want) {
			t.Errorf("dimensions %v, want %v", d, want)
		}
		if m["traceId"] != "1-67891233-abcdef012345678912345678" || m["requestId"] == nil {
			t.Errorf("line %s lacks the request or trace id", sc.Bytes())
		}
	}
	if want := []string{"true", "true", "false"}; !slices.Equal(got, want) {
		t.Errorf("ColdStart %v, want %v", got, want)
	}
}

func TestOutsideLambdaTheOnlyDimensionIsTheFunctionName(t *testing.T) {
	t.Setenv("_X_AMZN_TRACE_ID", "")
	var buf bytes.Buffer
	emf.New(&buf, "bookshop").Record(context.Background(), app.MetricThumbnailsMade, 1)
	if _, err := checkEMF(bytes.TrimSpace(buf.Bytes())); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(buf.Bytes(), []byte("ColdStart")) {
		t.Errorf("line %s", buf.String())
	}
}
