package samtemplate_test

import (
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bookshop/bookshop/cmd/gateway/internal/samtemplate"
)

const deployTemplate = "../../../../deploy/template.yaml"

func TestParse(t *testing.T) {
	tmpl, err := samtemplate.Parse([]byte(`
Parameters:
  Host: {Type: String, Default: issuer.example}
  Origins: {Type: CommaDelimitedList, Default: "https://a.example, https://b.example"}
Resources:
  Api:
    Type: AWS::Serverless::HttpApi
    Properties:
      CorsConfiguration:
        AllowOrigins: !Ref Origins
        AllowMethods: [get, post]
        AllowHeaders: [Content-Type]
        MaxAge: 60
        AllowCredentials: true
      Auth:
        Authorizers:
          Jwt:
            IdentitySource: $request.header.Authorization
            JwtConfiguration: {issuer: !Sub "https://${Host}/${Pool}/${!Literal}${Pool.Arn}", audience: [!Ref Client]}
        DefaultAuthorizer: Jwt
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      PackageType: Image
      Events:
        Get: {Type: HttpApi, Properties: {ApiId: !Ref Api, Method: get, Path: "/things/{id}", PayloadFormatVersion: "2.0", Auth: {Authorizer: NONE}}}
        Any: {Type: HttpApi, Properties: {ApiId: !Ref Api, Method: ANY, Path: "/things/{proxy+}"}}
        Up:
          Type: S3
          Properties:
            Bucket: !Ref Files
            Events: [s3:ObjectCreated:Put, s3:ObjectCreated:Post]
            Filter: {S3Key: {Rules: [{Name: prefix, Value: in/}, {Name: suffix, Value: .png}]}}
  Files:
    Type: AWS::S3::Bucket
  Pool:
    Type: AWS::Cognito::UserPool
  Client:
    Type: AWS::Cognito::UserPoolClient
`))
	if err != nil {
		t.Fatal(err)
	}
	wantRoutes := []samtemplate.Route{
		{Method: "GET", Path: "/things/{id}", Function: "Fn", Event: "Get", Authorizer: "NONE"},
		{Method: "ANY", Path: "/things/{proxy+}", Function: "Fn", Event: "Any"},
	}
	if diff := cmp.Diff(wantRoutes, tmpl.Routes); diff != "" {
		t.Errorf("routes (-want +got):\n%s", diff)
	}
	wantCORS := &samtemplate.CORS{
		AllowOrigins: []string{"https://a.example", "https://b.example"}, AllowMethods: []string{"GET", "POST"},
		AllowHeaders: []string{"content-type"}, MaxAge: 60, AllowCredentials: true,
	}
	if diff := cmp.Diff(wantCORS, tmpl.CORS); diff != "" {
		t.Errorf("CORS (-want +got):\n%s", diff)
	}
	wantTriggers := []samtemplate.S3Trigger{{Function: "Fn", Event: "Up", Bucket: "Files",
		Events: []string{"s3:ObjectCreated:Put", "s3:ObjectCreated:Post"}, Prefix: "in/", Suffix: ".png"}}
	if diff := cmp.Diff(wantTriggers, tmpl.S3Triggers); diff != "" {
		t.Errorf("S3 triggers (-want +got):\n%s", diff)
	}
	wantAuth := map[string]samtemplate.JWTAuthorizer{"Jwt": {IdentitySource: "$request.header.Authorization", Issuer: "https://issuer.example/Pool/${Literal}", Audience: []string{"Client"}}}
	if diff := cmp.Diff(wantAuth, tmpl.Authorizers); diff != "" || tmpl.DefaultAuthorizer != "Jwt" {
		t.Errorf("authorizers (-want +got):\n%s default %q", diff, tmpl.DefaultAuthorizer)
	}
}

func TestParseRejects(t *testing.T) {
	tests := map[string]string{
		"payload 1.0": `
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Get: {Type: HttpApi, Properties: {Method: GET, Path: /x, PayloadFormatVersion: "1.0"}}`,
		"duplicate route": `
Resources:
  A:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Get: {Type: HttpApi, Properties: {Method: GET, Path: /x}}
  B:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Get: {Type: HttpApi, Properties: {Method: GET, Path: /x}}`,
	}
	for name, src := range tests {
		t.Run(name, func(t *testing.T) {
			if _, err := samtemplate.Parse([]byte(src)); err == nil {
				t.Error("no error")
			}
		})
	}
}

// TestDeployTemplate checks what the gateway reads from the real template.
func TestDeployTemplate(t *testing.T) {
	tmpl, err := samtemplate.Load(deployTemplate)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(tmpl.Routes, func(r samtemplate.Route) bool {
		return r.Key() == "GET /api/books/{id}" && r.Function == "CatalogFunction"
	}) {
		t.Errorf("no GET /api/books/{id} on CatalogFunction in %v", tmpl.Routes)
	}
	for _, r := range tmpl.Routes {
		if !strings.HasPrefix(r.Path, "/api/") {
			t.Errorf("route %s is outside /api/, where the web app lives", r.Key())
		}
	}
	i := slices.IndexFunc(tmpl.S3Triggers, func(tr samtemplate.S3Trigger) bool { return tr.Function == "ThumbnailerFunction" })
	if i < 0 {
		t.Fatalf("no S3 trigger for ThumbnailerFunction: %v", tmpl.S3Triggers)
	}
	if tr := tmpl.S3Triggers[i]; tr.Bucket != "CoversBucket" || tr.Prefix != "covers/" || !slices.Contains(tr.Events, "s3:ObjectCreated:*") {
		t.Errorf("thumbnailer trigger = %+v", tr)
	}
	for name, a := range tmpl.Authorizers {
		if a.Issuer != "https://cognito-idp.us-east-1.amazonaws.com/UserPool" {
			t.Errorf("authorizer %s issuer = %q, want the !Sub resolved with the pool's logical id", name, a.Issuer)
		}
	}
	if tmpl.CORS == nil || !slices.Contains(tmpl.CORS.AllowOrigins, "*") || !slices.Contains(tmpl.CORS.ExposeHeaders, "etag") {
		t.Errorf("CORS = %+v", tmpl.CORS)
	}
	// The notifier's and the projector's streams name their table through
	// !GetAtt, which resolves to "<LogicalId>.<Attribute>".
	var functions []string
	for _, tr := range tmpl.DynamoDBTriggers {
		functions = append(functions, tr.Function)
		var props struct{ Stream string }
		if err := json.Unmarshal(tr.Properties, &props); err != nil || props.Stream != "ShopTable.StreamArn" {
			t.Errorf("%s's Stream = %q (%v), want ShopTable.StreamArn", tr.Function, props.Stream, err)
		}
	}
	if !slices.Equal(functions, []string{"NotifierFunction", "ProjectorFunction"}) {
		t.Fatalf("DynamoDB triggers of %v, want the notifier's and the projector's", functions)
	}
}

// TestParseIsSafeForConcurrentUse parses the real template from several
// goroutines at once, as parallel tests do; the race detector would report
// goformation's shared tag registry.
func TestParseIsSafeForConcurrentUse(t *testing.T) {
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			if _, err := samtemplate.Load(deployTemplate); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
}
