package streams

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLoadSourcesReadsTheTemplate(t *testing.T) {
	got, err := LoadSources("../../../../deploy/template.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := []Source{{Function: "NotifierFunction", Event: "OrderChanged", Table: "ShopTable", StartingPosition: "LATEST",
		BatchSize: 10, MaximumRetryAttempts: 3, ReportBatchItemFailures: true}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("sources (-want +got):\n%s", diff)
	}
}

func TestParseSources(t *testing.T) {
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
	got, err := ParseSources([]byte(tmpl))
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
		if _, err := ParseSources([]byte(src)); err == nil {
			t.Errorf("ParseSources accepted %s", bad)
		}
	}
}
