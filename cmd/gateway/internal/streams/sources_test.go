package streams

import (
	"strings"
	"testing"

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

func TestSourcesOfTheDeployTemplate(t *testing.T) {
	tmpl, err := samtemplate.Load("../../../../deploy/template.yaml")
	if err != nil {
		t.Fatal(err)
	}
	got, err := SourcesOf(tmpl)
	if err != nil {
		t.Fatal(err)
	}
	want := []Source{{Function: "NotifierFunction", Event: "OrderChanged", Table: "ShopTable", StartingPosition: "LATEST",
		BatchSize: 10, MaximumRetryAttempts: 3, ReportBatchItemFailures: true}}
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
