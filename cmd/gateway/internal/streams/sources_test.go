package streams

import (
	"strings"
	"testing"

	"github.com/aws/aws-lambda-go/events"
	"github.com/google/go-cmp/cmp"

	"github.com/bookshop/bookshop/cmd/gateway/internal/samtemplate"
)

// sourcesOf parses the SAM template src and returns its sources.
func sourcesOf(src []byte) ([]Source, error) {
	tmpl, err := samtemplate.Parse(src)
	if err != nil {
		return nil, err
	}
	return SourcesOf(tmpl)
}

// deploySources returns the sources of deploy/template.yaml.
func deploySources(t *testing.T) []Source {
	t.Helper()
	tmpl, err := samtemplate.Load("../../../../deploy/template.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sources, err := SourcesOf(tmpl)
	if err != nil {
		t.Fatal(err)
	}
	return sources
}

func TestSourcesOfTheDeployTemplate(t *testing.T) {
	got := deploySources(t)
	sk := func(values ...any) []map[string]any {
		return []map[string]any{{"dynamodb": map[string]any{"Keys": map[string]any{"sk": map[string]any{"S": values}}}}}
	}
	// Two mappings of one stream, each with its own position and filter.
	want := []Source{
		{Function: "NotifierFunction", Event: "OrderChanged", Table: "ShopTable", StartingPosition: "LATEST",
			BatchSize: 10, MaximumRetryAttempts: 3, ReportBatchItemFailures: true, Filters: sk("ORDER")},
		{Function: "ProjectorFunction", Event: "CatalogOrOrderChanged", Table: "ShopTable", StartingPosition: "TRIM_HORIZON",
			BatchSize: 100, MaximumRetryAttempts: 5, ReportBatchItemFailures: true, Filters: sk("BOOK", "ORDER")},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("sources (-want +got):\n%s", diff)
	}
}

func TestSourcesOf(t *testing.T) {
	const tmpl = `
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Api: {Type: HttpApi, Properties: {Method: GET, Path: /x}}
        Changes:
          Type: DynamoDB
          Properties: {Stream: {"Fn::GetAtt": [Table, StreamArn]}, StartingPosition: TRIM_HORIZON}
  Table: {Type: AWS::DynamoDB::Table}
`
	got, err := sourcesOf([]byte(tmpl))
	if err != nil {
		t.Fatal(err)
	}
	want := []Source{{Function: "Fn", Event: "Changes", Table: "Table", StartingPosition: "TRIM_HORIZON", BatchSize: 100, MaximumRetryAttempts: -1}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("defaults (-want +got):\n%s", diff)
	}
	for _, bad := range []string{
		`Stream: arn:aws:dynamodb:us-east-1:1:table/t/stream/x, StartingPosition: LATEST`,
		`Stream: !GetAtt Table.StreamArn, StartingPosition: AT_TIMESTAMP`,
		`Stream: !GetAtt Table.StreamArn, StartingPosition: LATEST, BatchSize: 0`,
	} {
		src := strings.Replace(tmpl, `{Stream: {"Fn::GetAtt": [Table, StreamArn]}, StartingPosition: TRIM_HORIZON}`, "{"+bad+"}", 1)
		if _, err := sourcesOf([]byte(src)); err == nil {
			t.Errorf("SourcesOf accepted %s", bad)
		}
	}
}

func TestSourceMatchesFilterCriteria(t *testing.T) {
	src, err := sourcesOf([]byte(`
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Changes:
          Type: DynamoDB
          Properties:
            Stream: !GetAtt Table.StreamArn
            StartingPosition: LATEST
            FilterCriteria:
              Filters:
                - Pattern: '{"dynamodb": {"Keys": {"sk": {"S": ["BOOK", "ORDER"]}}}}'
                - Pattern: '{"eventName": ["REMOVE"]}'
`))
	if err != nil {
		t.Fatal(err)
	}
	record := func(name, sk string) events.DynamoDBEventRecord {
		return events.DynamoDBEventRecord{EventName: name, Change: events.DynamoDBStreamRecord{
			Keys: map[string]events.DynamoDBAttributeValue{"pk": events.NewStringAttribute("X#1"), "sk": events.NewStringAttribute(sk)}}}
	}
	for _, tt := range []struct {
		r    events.DynamoDBEventRecord
		want bool
	}{
		{record("INSERT", "BOOK"), true},
		{record("MODIFY", "ORDER"), true},
		{record("INSERT", "REVIEW#u"), false},
		{record("REMOVE", "REVIEW#u"), true},
	} {
		if got := src[0].Matches(tt.r); got != tt.want {
			t.Errorf("Matches(%s %s) = %v, want %v", tt.r.EventName, tt.r.Change.Keys["sk"].String(), got, tt.want)
		}
	}
	prefix := `
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Changes:
          Type: DynamoDB
          Properties:
            Stream: !GetAtt Table.StreamArn
            StartingPosition: LATEST
            FilterCriteria: {Filters: [{Pattern: '{"dynamodb": {"Keys": {"sk": {"S": [{"prefix": "BO"}]}}}}'}]}
`
	if _, err := sourcesOf([]byte(prefix)); err == nil || !strings.Contains(err.Error(), "literal values") {
		t.Errorf("a prefix filter = %v, want it refused", err)
	}
}
