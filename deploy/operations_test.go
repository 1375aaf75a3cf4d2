package deploy

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// alarmsOn returns the alarms (AWS::CloudWatch::Alarm properties) on a
// single metric namespace/name whose dimension name equals value.
func alarmsOn(tmpl value, namespace, metric, dimension string, dimValue any) []value {
	var out []value
	for _, id := range tmpl.resourcesOfType("AWS::CloudWatch::Alarm") {
		a := tmpl.resource(id, "AWS::CloudWatch::Alarm")
		if !a.has("MetricName") || a.get("Namespace").v != namespace || a.get("MetricName").v != metric {
			continue
		}
		for _, d := range a.get("Dimensions").list() {
			if d.get("Name").v == dimension && equal(d.get("Value").v, dimValue) {
				out = append(out, a)
			}
		}
	}
	return out
}

func equal(a, b any) bool { return cmp.Equal(a, b) }

// wantAlarm checks there is exactly one alarm on the metric, that it goes to
// the operators' topic and fires above threshold.
func wantAlarm(t *testing.T, tmpl value, what, namespace, metric, dimension string, dimValue any, threshold float64) {
	t.Helper()
	alarms := alarmsOn(tmpl, namespace, metric, dimension, dimValue)
	if len(alarms) != 1 {
		t.Errorf("%s: %d alarms on %s %s (%s=%v), want 1", what, len(alarms), namespace, metric, dimension, dimValue)
		return
	}
	a := alarms[0]
	diff(t, what+" alarm actions", []any{ref("OperatorAlarms")}, a.get("AlarmActions").v)
	diff(t, what+" comparison", "GreaterThanThreshold", a.get("ComparisonOperator").v)
	if got := number(a.get("Threshold").v); got != threshold {
		t.Errorf("%s: threshold %v, want %v", what, got, threshold)
	}
	diff(t, what+" missing data", "notBreaching", a.get("TreatMissingData").v)
}

func number(v any) float64 {
	switch n := v.(type) {
	case int:
		return float64(n)
	case float64:
		return n
	}
	return -1
}

// failureQueue returns the queue an on-failure destination names, checking
// it is an SQS queue of the template.
func failureQueue(t *testing.T, tmpl value, dest value) string {
	t.Helper()
	m, ok := dest.v.(map[string]any)
	att, _ := m["Fn::GetAtt"].([]any)
	if !ok || len(att) != 2 || att[1] != "Arn" {
		t.Fatalf("%s = %v, want !GetAtt <Queue>.Arn", dest.path, dest.v)
	}
	q := att[0].(string)
	tmpl.resource(q, "AWS::SQS::Queue")
	return q
}

// TestAsyncAndStreamConsumersHaveBoundedRetriesAndAFailureQueue: every
// function S3 invokes has an EventInvokeConfig with at most 2 retries and an
// SQS on-failure destination; every stream event source (DynamoDB, Kinesis)
// retries a bounded number of times, bisects failing batches and sends what
// still fails to an SQS queue. Each of those queues has a depth alarm.
func TestAsyncAndStreamConsumersHaveBoundedRetriesAndAFailureQueue(t *testing.T) {
	tmpl := loadTemplate(t)
	invokeConfigs := map[string]value{}
	for _, id := range tmpl.resourcesOfType("AWS::Lambda::EventInvokeConfig") {
		c := tmpl.resource(id, "AWS::Lambda::EventInvokeConfig")
		if fn, ok := c.get("FunctionName").v.(map[string]any)["Ref"].(string); ok {
			invokeConfigs[fn] = c
		}
	}
	var queues []string
	checked := 0
	for _, fn := range tmpl.resourcesOfType("AWS::Serverless::Function") {
		props := tmpl.resource(fn, "AWS::Serverless::Function")
		if !props.has("Events") {
			continue
		}
		for name, ev := range props.get("Events").v.(map[string]any) {
			e := value{t: t, path: fn + ".Events." + name, v: ev}
			switch e.get("Type").str() {
			case "S3", "SNS", "EventBridgeRule", "Schedule":
				checked++
				c, ok := invokeConfigs[fn]
				if !ok {
					t.Errorf("%s is invoked asynchronously (%s) and has no AWS::Lambda::EventInvokeConfig", fn, name)
					continue
				}
				if n := number(c.get("MaximumRetryAttempts").v); n < 0 || n > 2 {
					t.Errorf("%s: MaximumRetryAttempts %v, want 0..2", c.path, c.get("MaximumRetryAttempts").v)
				}
				diff(t, fn+" invoke config qualifier", "$LATEST", c.get("Qualifier").v)
				queues = append(queues, failureQueue(t, tmpl, c.get("DestinationConfig").get("OnFailure").get("Destination")))
			case "DynamoDB", "Kinesis":
				checked++
				p := e.get("Properties")
				if n := number(p.get("MaximumRetryAttempts").v); n < 0 || n > 10 {
					t.Errorf("%s: MaximumRetryAttempts %v, want 0..10 (unbounded by default)", p.path, p.get("MaximumRetryAttempts").v)
				}
				diff(t, p.path+" bisect", true, p.get("BisectBatchOnFunctionError").v)
				queues = append(queues, failureQueue(t, tmpl, p.get("DestinationConfig").get("OnFailure").get("Destination")))
				wantAlarm(t, tmpl, fn+" iterator age", "AWS/Lambda", "IteratorAge", "FunctionName", ref(fn), 60000)
			}
		}
	}
	if checked < 2 {
		t.Errorf("found %d asynchronous or stream event sources, want the thumbnailer's and the notifier's at least", checked)
	}
	for _, q := range queues {
		wantAlarm(t, tmpl, q+" depth", "AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", getAtt(q, "QueueName"), 0)
	}
}

// TestEveryFunctionHasALogGroupWithRetentionAndErrorAndThrottleAlarms.
func TestEveryFunctionHasALogGroupWithRetentionAndErrorAndThrottleAlarms(t *testing.T) {
	tmpl := loadTemplate(t)
	groups := map[string]value{}
	for _, id := range tmpl.resourcesOfType("AWS::Logs::LogGroup") {
		g := tmpl.resource(id, "AWS::Logs::LogGroup")
		if s, ok := g.get("LogGroupName").v.(map[string]any)["Fn::Sub"].(string); ok {
			groups[s] = g
		}
	}
	for _, fn := range tmpl.resourcesOfType("AWS::Serverless::Function") {
		g, ok := groups["/aws/lambda/${"+fn+"}"]
		if !ok {
			t.Errorf("%s has no log group /aws/lambda/${%s} (Lambda's own would keep logs forever)", fn, fn)
		} else if days := number(g.get("RetentionInDays").v); days <= 0 || days > 365 {
			t.Errorf("%s: RetentionInDays %v, want 1..365", fn, g.get("RetentionInDays").v)
		}
		wantAlarm(t, tmpl, fn+" errors", "AWS/Lambda", "Errors", "FunctionName", ref(fn), 0)
		wantAlarm(t, tmpl, fn+" throttles", "AWS/Lambda", "Throttles", "FunctionName", ref(fn), 0)
	}
}

// TestTheAPIIsThrottledAndAlarmsOnIts5xxRate: stage-wide throttling limits,
// and one alarm on 100 × 5xx / Count of the HTTP API's $default stage.
func TestTheAPIIsThrottledAndAlarmsOnIts5xxRate(t *testing.T) {
	tmpl := loadTemplate(t)
	rs := tmpl.resource("HttpApi", "AWS::Serverless::HttpApi").get("DefaultRouteSettings")
	if b, r := number(rs.get("ThrottlingBurstLimit").v), number(rs.get("ThrottlingRateLimit").v); b <= 0 || r <= 0 || b < r {
		t.Errorf("throttling burst %v, rate %v: want both set, burst ≥ rate", b, r)
	}
	a := tmpl.resource("Api5xxRateAlarm", "AWS::CloudWatch::Alarm")
	diff(t, "5xx alarm actions", []any{ref("OperatorAlarms")}, a.get("AlarmActions").v)
	var metrics []string
	for _, m := range a.get("Metrics").list() {
		if !m.has("MetricStat") {
			continue
		}
		metric := m.get("MetricStat").get("Metric")
		diff(t, m.path+" namespace", "AWS/ApiGateway", metric.get("Namespace").v)
		diff(t, m.path+" dimensions", []any{
			map[string]any{"Name": "ApiId", "Value": ref("HttpApi")},
			map[string]any{"Name": "Stage", "Value": "$default"},
		}, metric.get("Dimensions").v)
		metrics = append(metrics, metric.get("MetricName").str())
	}
	slices.Sort(metrics)
	diff(t, "5xx alarm metrics", []string{"5xx", "Count"}, metrics)
}

// TestFunctionsAreTracedWithXRay: active tracing for every function (the
// HTTP API has no X-Ray support; traces start at the functions).
func TestFunctionsAreTracedWithXRay(t *testing.T) {
	tmpl := loadTemplate(t)
	diff(t, "Globals.Function.Tracing", "Active", tmpl.get("Globals").get("Function").get("Tracing").v)
	for _, fn := range tmpl.resourcesOfType("AWS::Serverless::Function") {
		if p := tmpl.resource(fn, "AWS::Serverless::Function"); p.has("Tracing") {
			t.Errorf("%s overrides Tracing: %v", fn, p.get("Tracing").v)
		}
	}
}
