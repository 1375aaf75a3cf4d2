package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsdynamodb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	cfndynamodb "github.com/awslabs/goformation/v7/cloudformation/dynamodb"
	"github.com/google/go-cmp/cmp"

	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/cmd/gateway/internal/samtemplate"
)

// templatePath is the deployment template, from this package's directory.
const templatePath = "../../deploy/template.yaml"

// tableShape is what must agree between the template's table and
// dynamodb.TableSpec: attributes, keys, indexes, projections, billing.
type tableShape struct {
	Billing    string
	Attributes map[string]string
	Keys       []string
	GSIs       map[string]indexShape
	LSIs       map[string]indexShape
	// Stream is the stream view type, "" without a stream.
	Stream string
}

type indexShape struct {
	Keys       []string
	Projection string
	NonKey     []string
}

// TestShopTableMatchesTableSpec fails when deploy/template.yaml's ShopTable
// and adapters/dynamodb TableSpec (what tests and the local stack create)
// disagree.
func TestShopTableMatchesTableSpec(t *testing.T) {
	tmpl, err := samtemplate.Load(templatePath)
	if err != nil {
		t.Fatal(err)
	}
	table, err := tmpl.Raw.GetDynamoDBTableWithName("ShopTable")
	if err != nil {
		t.Fatal(err)
	}
	got := templateShape(table)
	want := specShape(dynamodb.TableSpec("ShopTable"))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ShopTable in %s differs from dynamodb.TableSpec (-TableSpec +template):\n%s", templatePath, diff)
	}
	// dynamodb.CreateTable enables TTL on the same attribute as the template.
	if ttl := table.TimeToLiveSpecification; ttl == nil || aws.ToString(ttl.AttributeName) != dynamodb.TTLAttribute ||
		!ttl.Enabled {
		t.Errorf("ShopTable's TimeToLiveSpecification = %+v, want %s enabled as dynamodb.CreateTable does", ttl, dynamodb.TTLAttribute)
	}
}

func templateShape(t *cfndynamodb.Table) tableShape {
	s := tableShape{Billing: aws.ToString(t.BillingMode), Attributes: map[string]string{}, GSIs: map[string]indexShape{}, LSIs: map[string]indexShape{}}
	if s.Billing == "" {
		s.Billing = string(types.BillingModeProvisioned)
	}
	for _, a := range t.AttributeDefinitions {
		s.Attributes[a.AttributeName] = a.AttributeType
	}
	keys := func(ks []cfndynamodb.Table_KeySchema) []string {
		var out []string
		for _, k := range ks {
			out = append(out, k.AttributeName+" "+strings.ToUpper(k.KeyType))
		}
		return out
	}
	proj := func(p *cfndynamodb.Table_Projection) (string, []string) {
		if p == nil {
			return "", nil
		}
		nonKey := slices.Clone(p.NonKeyAttributes)
		slices.Sort(nonKey)
		return aws.ToString(p.ProjectionType), nonKey
	}
	s.Keys = keys(t.KeySchema)
	for _, g := range t.GlobalSecondaryIndexes {
		pt, nk := proj(g.Projection)
		s.GSIs[g.IndexName] = indexShape{Keys: keys(g.KeySchema), Projection: pt, NonKey: nk}
	}
	for _, l := range t.LocalSecondaryIndexes {
		pt, nk := proj(l.Projection)
		s.LSIs[l.IndexName] = indexShape{Keys: keys(l.KeySchema), Projection: pt, NonKey: nk}
	}
	if t.StreamSpecification != nil {
		s.Stream = t.StreamSpecification.StreamViewType
	}
	return s
}

func specShape(in *awsdynamodb.CreateTableInput) tableShape {
	s := tableShape{Billing: string(in.BillingMode), Attributes: map[string]string{}, GSIs: map[string]indexShape{}, LSIs: map[string]indexShape{}}
	if s.Billing == "" {
		s.Billing = string(types.BillingModeProvisioned)
	}
	for _, a := range in.AttributeDefinitions {
		s.Attributes[aws.ToString(a.AttributeName)] = string(a.AttributeType)
	}
	keys := func(ks []types.KeySchemaElement) []string {
		var out []string
		for _, k := range ks {
			out = append(out, aws.ToString(k.AttributeName)+" "+string(k.KeyType))
		}
		return out
	}
	proj := func(p *types.Projection) (string, []string) {
		if p == nil {
			return "", nil
		}
		nonKey := slices.Clone(p.NonKeyAttributes)
		slices.Sort(nonKey)
		return string(p.ProjectionType), nonKey
	}
	s.Keys = keys(in.KeySchema)
	for _, g := range in.GlobalSecondaryIndexes {
		pt, nk := proj(g.Projection)
		s.GSIs[aws.ToString(g.IndexName)] = indexShape{Keys: keys(g.KeySchema), Projection: pt, NonKey: nk}
	}
	for _, l := range in.LocalSecondaryIndexes {
		pt, nk := proj(l.Projection)
		s.LSIs[aws.ToString(l.IndexName)] = indexShape{Keys: keys(l.KeySchema), Projection: pt, NonKey: nk}
	}
	if in.StreamSpecification != nil && aws.ToBool(in.StreamSpecification.StreamEnabled) {
		s.Stream = string(in.StreamSpecification.StreamViewType)
	}
	return s
}
