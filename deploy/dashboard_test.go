package deploy

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// pseudoParameters are the AWS:: names a Fn::Sub may use besides the
// template's parameters and resources.
var pseudoParameters = []string{"AWS::AccountId", "AWS::Partition", "AWS::Region", "AWS::StackName", "AWS::URLSuffix"}

// subVariable matches a Fn::Sub variable: ${Name}, ${Name.Attribute} or the
// literal ${!Text}.
var subVariable = regexp.MustCompile(`\$\{([^}]*)\}`)

// resolveSub replaces every ${X} of a Fn::Sub string with the placeholder
// <X> (${Logical.Attr} → <Logical.Attr>, ${AWS::Region} → <AWS::Region>) and
// ${!X} with the literal ${X}. A variable naming no parameter, resource or
// pseudo parameter fails the test.
func resolveSub(t *testing.T, tmpl value, s string) string {
	t.Helper()
	out, unknown := subPlaceholders(tmpl, s)
	for _, u := range unknown {
		t.Errorf("Fn::Sub names %s: no such parameter, resource (with an attribute) or pseudo parameter", u)
	}
	return out
}

// subPlaceholders is resolveSub, returning the variables that name nothing.
func subPlaceholders(tmpl value, s string) (string, []string) {
	params, _ := tmpl.get("Parameters").v.(map[string]any)
	resources := tmpl.get("Resources").v.(map[string]any)
	var unknown []string
	out := subVariable.ReplaceAllStringFunc(s, func(m string) string {
		name := m[2 : len(m)-1]
		if lit, ok := strings.CutPrefix(name, "!"); ok {
			return "${" + lit + "}"
		}
		logical, _, hasAttr := strings.Cut(name, ".")
		_, isParam := params[logical]
		_, isResource := resources[logical]
		if !slices.Contains(pseudoParameters, name) && !isResource && (!isParam || hasAttr) {
			unknown = append(unknown, m)
		}
		return "<" + name + ">"
	})
	return out, unknown
}

// dashboard is a CloudWatch dashboard body
// (docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html).
type dashboard struct {
	Widgets []struct {
		Type   string          `json:"type"`
		X      *int            `json:"x"`
		Y      *int            `json:"y"`
		Width  int             `json:"width"`
		Height int             `json:"height"`
		Props  json.RawMessage `json:"properties"`
	} `json:"widgets"`
	Start          string `json:"start,omitempty"`
	End            string `json:"end,omitempty"`
	PeriodOverride string `json:"periodOverride,omitempty"`
}

// dashboardMetric is one metric line of a metric widget: a metric with its
// dimensions and statistic, or a math expression.
type dashboardMetric struct {
	widget     string
	namespace  string
	name       string
	dims       map[string]string
	stat       string
	expression string
}

// decodeStrict decodes data into v, refusing unknown fields.
func decodeStrict(data []byte, v any) error {
	d := json.NewDecoder(bytes.NewReader(data))
	d.DisallowUnknownFields()
	return d.Decode(v)
}

// operationsDashboard returns the template's one dashboard, its body
// resolved (resolveSub) and checked against the dashboard body structure:
// its metric lines and the alarms of its alarm widgets.
func operationsDashboard(t *testing.T, tmpl value) (string, []dashboardMetric, []string) {
	t.Helper()
	ids := tmpl.resourcesOfType("AWS::CloudWatch::Dashboard")
	if len(ids) != 1 {
		t.Fatalf("%d dashboards %v, want 1", len(ids), ids)
	}
	props := tmpl.resource(ids[0], "AWS::CloudWatch::Dashboard")
	if name := props.get("DashboardName").get("Fn::Sub").str(); !strings.Contains(name, "${AWS::StackName}") {
		t.Errorf("DashboardName %q does not name the stack (two stacks in a region would share it)", name)
	}
	body := resolveSub(t, tmpl, props.get("DashboardBody").get("Fn::Sub").str())
	var d dashboard
	if err := decodeStrict([]byte(body), &d); err != nil {
		t.Fatalf("DashboardBody is not a dashboard body: %v\n%s", err, body)
	}
	if len(d.Widgets) == 0 {
		t.Fatal("the dashboard has no widgets")
	}
	var metrics []dashboardMetric
	var alarms []string
	type cell struct{ x, y int }
	used := map[cell]int{}
	for i, w := range d.Widgets {
		where := "widget " + strconv.Itoa(i) + " (" + w.Type + ")"
		if w.X == nil || w.Y == nil || *w.X < 0 || *w.Y < 0 || w.Width < 1 || *w.X+w.Width > 24 || w.Height < 1 || w.Height > 1000 {
			t.Errorf("%s: x %v y %v width %d height %d: want x, y ≥ 0, 1 ≤ width, x + width ≤ 24, 1 ≤ height ≤ 1000",
				where, w.X, w.Y, w.Width, w.Height)
			continue
		}
		for x := *w.X; x < *w.X+w.Width; x++ {
			for y := *w.Y; y < *w.Y+w.Height; y++ {
				if j, ok := used[cell{x, y}]; ok {
					t.Fatalf("%s overlaps widget %d at (%d, %d)", where, j, x, y)
				}
				used[cell{x, y}] = i
			}
		}
		switch w.Type {
		case "text":
			var p struct {
				Markdown string `json:"markdown"`
			}
			if err := decodeStrict(w.Props, &p); err != nil || p.Markdown == "" {
				t.Errorf("%s: properties %s: want markdown (%v)", where, w.Props, err)
			}
		case "alarm":
			var p struct {
				Title  string   `json:"title"`
				Alarms []string `json:"alarms"`
				SortBy string   `json:"sortBy"`
				States []string `json:"states"`
			}
			if err := decodeStrict(w.Props, &p); err != nil || len(p.Alarms) == 0 || len(p.Alarms) > 100 {
				t.Errorf("%s: properties %s: want 1 to 100 alarms (%v)", where, w.Props, err)
			}
			alarms = append(alarms, p.Alarms...)
		case "log":
			var p struct {
				Title  string `json:"title"`
				Query  string `json:"query"`
				Region string `json:"region"`
				View   string `json:"view"`
			}
			if err := decodeStrict(w.Props, &p); err != nil || !strings.HasPrefix(p.Query, "SOURCE '") || p.Region != "<AWS::Region>" {
				t.Errorf("%s: properties %s: want a query of SOURCE log groups in <AWS::Region> (%v)", where, w.Props, err)
			}
		case "metric":
			var p struct {
				Title       string              `json:"title"`
				View        string              `json:"view"`
				Region      string              `json:"region"`
				Stat        string              `json:"stat"`
				Period      int                 `json:"period"`
				Stacked     bool                `json:"stacked"`
				Annotations json.RawMessage     `json:"annotations"`
				YAxis       json.RawMessage     `json:"yAxis"`
				Metrics     [][]json.RawMessage `json:"metrics"`
			}
			if err := decodeStrict(w.Props, &p); err != nil {
				t.Errorf("%s: properties %s: %v", where, w.Props, err)
				continue
			}
			if p.Region != "<AWS::Region>" || p.Title == "" || len(p.Metrics) == 0 {
				t.Errorf("%s: region %q, title %q, %d metrics: want the stack's region, a title and metrics", where, p.Region, p.Title, len(p.Metrics))
			}
			for _, line := range p.Metrics {
				metrics = append(metrics, metricLine(t, where+" "+p.Title, p.Stat, line))
			}
		default:
			t.Errorf("%s: unexpected widget type", where)
		}
	}
	return body, metrics, alarms
}

// metricLine decodes one metric array: [namespace, name, dimension, value,
// ..., {options}] or [{"expression": ..., "id": ...}]. The "." and "..."
// shorthands are refused: every line names its metric in full.
func metricLine(t *testing.T, widget, widgetStat string, line []json.RawMessage) dashboardMetric {
	t.Helper()
	m := dashboardMetric{widget: widget, dims: map[string]string{}, stat: widgetStat}
	var options struct {
		Expression string `json:"expression"`
		ID         string `json:"id"`
		Label      string `json:"label"`
		Stat       string `json:"stat"`
		Period     int    `json:"period"`
		Color      string `json:"color"`
		YAxis      string `json:"yAxis"`
		Visible    *bool  `json:"visible"`
	}
	if n := len(line); n > 0 && bytes.HasPrefix(bytes.TrimSpace(line[n-1]), []byte("{")) {
		if err := decodeStrict(line[n-1], &options); err != nil {
			t.Errorf("%s: metric options %s: %v", widget, line[n-1], err)
		}
		line = line[:n-1]
	}
	if options.Stat != "" {
		m.stat = options.Stat
	}
	if options.Expression != "" {
		if len(line) != 0 || options.ID == "" {
			t.Errorf("%s: expression %q: want it alone in its array, with an id", widget, options.Expression)
		}
		m.expression = options.Expression
		return m
	}
	var words []string
	for _, raw := range line {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			t.Errorf("%s: metric %s: %s is not a string", widget, line, raw)
		}
		words = append(words, s)
	}
	if len(words) < 2 || len(words)%2 != 0 || slices.Contains(words, ".") || slices.Contains(words, "...") {
		t.Errorf("%s: metric %q: want namespace, name and dimension name/value pairs, no shorthand", widget, words)
		return m
	}
	m.namespace, m.name = words[0], words[1]
	for i := 2; i < len(words); i += 2 {
		m.dims[words[i]] = words[i+1]
	}
	return m
}

// has reports whether a metric line shows namespace/name with exactly the
// dimensions dims and, when stat is not "", that statistic.
func hasMetric(metrics []dashboardMetric, namespace, name string, dims map[string]string, stat string) bool {
	return slices.ContainsFunc(metrics, func(m dashboardMetric) bool {
		return m.namespace == namespace && m.name == name && equal(m.dims, dims) && (stat == "" || m.stat == stat)
	})
}

// emittedMetrics returns the names of the metrics the code records: every
// app.Metric composite literal's Name in the module's non-test sources, and
// the EMF namespace (adapters/emf Namespace).
func emittedMetrics(t *testing.T) (namespace string, names []string) {
	t.Helper()
	fset := token.NewFileSet()
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); path != ".." && (strings.HasPrefix(n, ".") || n == "node_modules" || n == "testdata" || n == "vendor") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				if !isMetricType(n.Type) {
					return true
				}
				for _, e := range n.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok && isIdent(kv.Key, "Name") {
						names = append(names, stringLit(t, fset, kv.Value))
					}
				}
			case *ast.ValueSpec:
				if filepath.ToSlash(filepath.Dir(path)) == "../adapters/emf" && len(n.Names) == 1 && n.Names[0].Name == "Namespace" {
					namespace = stringLit(t, fset, n.Values[0])
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(names)
	return namespace, slices.Compact(names)
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

// isMetricType reports whether e is Metric or <pkg>.Metric.
func isMetricType(e ast.Expr) bool {
	if sel, ok := e.(*ast.SelectorExpr); ok {
		return sel.Sel.Name == "Metric"
	}
	return isIdent(e, "Metric")
}

func stringLit(t *testing.T, fset *token.FileSet, e ast.Expr) string {
	t.Helper()
	lit, ok := e.(*ast.BasicLit)
	if ok && lit.Kind == token.STRING {
		if s, err := strconv.Unquote(lit.Value); err == nil {
			return s
		}
	}
	t.Fatalf("%s: a metric name or namespace that is not a string literal: the dashboard test cannot read it", fset.Position(e.Pos()))
	return ""
}

// TestDashboardShowsEveryFunctionQueueTableAlarmAndMetric: the dashboard
// body, with its Fn::Sub variables resolved, is a CloudWatch dashboard body
// (widgets placed on the 24-column grid without overlap, metric arrays in
// full) that shows the API's traffic, errors and latency percentiles; each
// function's invocations, errors, throttles, p99 duration and concurrency;
// the stream consumers' iterator age; each failure queue's depth; the table's
// capacity, throttles and system errors; every alarm; and every metric the
// code records (app.Metric literals), so a new metric or alarm cannot be left
// off.
func TestDashboardShowsEveryFunctionQueueTableAlarmAndMetric(t *testing.T) {
	tmpl := loadTemplate(t)
	body, metrics, alarms := operationsDashboard(t, tmpl)

	api := map[string]string{"ApiId": "<HttpApi>", "Stage": "$default"}
	for _, name := range []string{"Count", "4xx", "5xx"} {
		if !hasMetric(metrics, "AWS/ApiGateway", name, api, "Sum") {
			t.Errorf("no API %s (Sum) of %v", name, api)
		}
	}
	for _, stat := range []string{"p50", "p90", "p99"} {
		if !hasMetric(metrics, "AWS/ApiGateway", "Latency", api, stat) {
			t.Errorf("no API latency %s", stat)
		}
	}

	for _, fn := range tmpl.resourcesOfType("AWS::Serverless::Function") {
		dims := map[string]string{"FunctionName": "<" + fn + ">"}
		for name, stat := range map[string]string{
			"Invocations": "Sum", "Errors": "Sum", "Throttles": "Sum", "Duration": "p99", "ConcurrentExecutions": "Maximum",
		} {
			if !hasMetric(metrics, "AWS/Lambda", name, dims, stat) {
				t.Errorf("%s: no %s (%s)", fn, name, stat)
			}
		}
		for name, ev := range tmpl.resource(fn, "AWS::Serverless::Function").get("Events").v.(map[string]any) {
			if typ := ev.(map[string]any)["Type"]; (typ == "DynamoDB" || typ == "Kinesis") && !hasMetric(metrics, "AWS/Lambda", "IteratorAge", dims, "Maximum") {
				t.Errorf("%s reads a stream (%s) and its IteratorAge (Maximum) is not shown", fn, name)
			}
		}
	}

	for _, q := range tmpl.resourcesOfType("AWS::SQS::Queue") {
		if !hasMetric(metrics, "AWS/SQS", "ApproximateNumberOfMessagesVisible", map[string]string{"QueueName": "<" + q + ".QueueName>"}, "") {
			t.Errorf("queue %s: no ApproximateNumberOfMessagesVisible", q)
		}
	}

	for _, table := range tmpl.resourcesOfType("AWS::DynamoDB::Table") {
		dims := map[string]string{"TableName": "<" + table + ">"}
		for _, name := range []string{"ConsumedReadCapacityUnits", "ConsumedWriteCapacityUnits", "ReadThrottleEvents", "WriteThrottleEvents"} {
			if !hasMetric(metrics, "AWS/DynamoDB", name, dims, "Sum") {
				t.Errorf("table %s: no %s (Sum)", table, name)
			}
		}
		// Per-operation metrics, summed over the operations by a search.
		for _, name := range []string{"ThrottledRequests", "SystemErrors"} {
			if !slices.ContainsFunc(metrics, func(m dashboardMetric) bool {
				return strings.Contains(m.expression, `{AWS/DynamoDB,Operation,TableName} MetricName="`+name+`" TableName="<`+table+`>"`)
			}) {
				t.Errorf("table %s: no search of its %s per operation", table, name)
			}
		}
	}

	var wantAlarms []string
	for _, a := range tmpl.resourcesOfType("AWS::CloudWatch::Alarm") {
		wantAlarms = append(wantAlarms, "<"+a+".Arn>")
	}
	slices.Sort(wantAlarms)
	slices.Sort(alarms)
	diff(t, "alarms of the alarm widgets", wantAlarms, alarms)

	namespace, names := emittedMetrics(t)
	if namespace == "" || !slices.Contains(names, "OrdersPlaced") || len(names) < 8 {
		t.Fatalf("found namespace %q and metrics %v in the code: the scan is broken", namespace, names)
	}
	functions := tmpl.resourcesOfType("AWS::Serverless::Function")
	for _, name := range names {
		if !slices.ContainsFunc(metrics, func(m dashboardMetric) bool {
			fn := strings.Trim(m.dims["FunctionName"], "<>")
			return m.namespace == namespace && m.name == name && len(m.dims) == 1 && slices.Contains(functions, fn)
		}) {
			t.Errorf("metric %s/%s (recorded by the code) is not on the dashboard with dimension FunctionName of a function", namespace, name)
		}
	}
	for _, m := range metrics {
		if m.namespace == namespace && !slices.Contains(names, m.name) {
			t.Errorf("%s: %s/%s is recorded nowhere in the code", m.widget, namespace, m.name)
		}
	}

	// Every function's log group is searched by the recent-errors widget.
	for _, fn := range functions {
		if !strings.Contains(body, "SOURCE '/aws/lambda/<"+fn+">'") {
			t.Errorf("the log widget does not search %s's log group", fn)
		}
	}
}

// TestDashboardUrlIsAnOutput: the console URL of the dashboard, in the
// stack's region.
func TestDashboardUrlIsAnOutput(t *testing.T) {
	tmpl := loadTemplate(t)
	id := tmpl.resourcesOfType("AWS::CloudWatch::Dashboard")[0]
	url := resolveSub(t, tmpl, tmpl.get("Outputs").get("DashboardUrl").get("Value").get("Fn::Sub").str())
	diff(t, "DashboardUrl", "https://<AWS::Region>.console.aws.amazon.com/cloudwatch/home?region=<AWS::Region>#dashboards/dashboard/<"+id+">", url)
}

// TestSubPlaceholdersRefusesUndeclaredNames: the resolver the dashboard
// test relies on knows resources, attributes, parameters, pseudo parameters
// and literals, and reports anything else.
func TestSubPlaceholdersRefusesUndeclaredNames(t *testing.T) {
	tmpl := loadTemplate(t)
	got, unknown := subPlaceholders(tmpl, "${ShopTable} ${ShopTable.Arn} ${AWS::Region} ${!Literal} ${CursorKey} "+
		"${NoSuchResource} ${CursorKey.Arn} ${AWS::Nothing}")
	diff(t, "resolved", "<ShopTable> <ShopTable.Arn> <AWS::Region> ${Literal} <CursorKey> "+
		"<NoSuchResource> <CursorKey.Arn> <AWS::Nothing>", got)
	diff(t, "unknown", []string{"${NoSuchResource}", "${CursorKey.Arn}", "${AWS::Nothing}"}, unknown)
}
