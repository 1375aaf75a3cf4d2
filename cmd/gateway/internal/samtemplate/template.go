// Package samtemplate reads what the local gateway needs from the AWS SAM
// template (deploy/template.yaml): the HTTP API's routes and CORS
// configuration, the functions' S3 and DynamoDB triggers and, for
// consistency tests, the raw CloudFormation resources. The gateway parses
// the template once, at start-up, and hands the Template to everything that
// needs it (the emulator, the stream poller).
//
// It parses with goformation, whose own Ref handler resolves only parameter
// defaults. This package resolves Ref the way the gateway needs it: a
// parameter yields its default (a CommaDelimitedList is split into a list),
// a resource yields its logical id (so "Bucket: !Ref CoversBucket" names the
// CoversBucket resource), a pseudo parameter yields goformation's stand-in.
// Fn::Sub substitutes the same way ("${UserPool}" is "UserPool"), and
// ${Resource.Attribute} in it resolves to nothing. Fn::GetAtt yields
// "<LogicalId>.<Attribute>" ("!GetAtt ShopTable.StreamArn" is
// "ShopTable.StreamArn"): deployed attributes do not exist locally, but the
// logical id names the resource, through which the stream poller finds a
// table's stream.
package samtemplate

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/awslabs/goformation/v7/cloudformation"
	"github.com/awslabs/goformation/v7/cloudformation/serverless"
	"github.com/awslabs/goformation/v7/intrinsics"
)

// Template is what the gateway takes from a SAM template.
type Template struct {
	// Routes are the HttpApi events of every function, sorted by path then
	// method.
	Routes []Route
	// CORS is the HTTP API's CorsConfiguration; nil when CORS is off.
	CORS *CORS
	// S3Triggers are the S3 events of every function, sorted by function.
	S3Triggers []S3Trigger
	// Functions are the logical ids of the AWS::Serverless::Function
	// resources, sorted.
	Functions []string
	// Authorizers are the HTTP API's authorizers by name (Auth.Authorizers),
	// DefaultAuthorizer names the one routes use unless they say otherwise.
	// Only JWT authorizers are read.
	Authorizers       map[string]JWTAuthorizer
	DefaultAuthorizer string
	// DynamoDBTriggers are the DynamoDB events of every function, sorted by
	// function then event.
	DynamoDBTriggers []DynamoDBTrigger
	// Raw is the whole parsed template, for consistency checks.
	Raw *cloudformation.Template
}

// Route is one HttpApi event: Method and Path as in the template
// ("GET", "/api/books/{id}"; Method "ANY" matches every method) and the
// logical id of the function that serves it.
type Route struct {
	Method   string
	Path     string
	Function string
	// Event is the event's name in the function's Events.
	Event string
	// Authorizer is the route's Auth.Authorizer ("" when unset; "NONE"
	// disables the default authorizer).
	Authorizer string
	// AuthorizationScopes are the route's Auth.AuthorizationScopes.
	AuthorizationScopes []string
}

// Key returns the route key API Gateway puts in events: "GET /api/books/{id}".
func (r Route) Key() string { return r.Method + " " + r.Path }

// CORS is an HTTP API CorsConfiguration. Header names are lower-cased;
// methods upper-cased.
type CORS struct {
	AllowOrigins     []string
	AllowMethods     []string
	AllowHeaders     []string
	ExposeHeaders    []string
	MaxAge           int
	AllowCredentials bool
}

// S3Trigger is one S3 event of a function: objects created in Bucket (a
// logical id) whose event matches one of Events (such as
// "s3:ObjectCreated:*") and whose key has Prefix and Suffix invoke Function.
type S3Trigger struct {
	Function string
	Event    string
	Bucket   string
	Events   []string
	Prefix   string
	Suffix   string
}

// DynamoDBTrigger is one DynamoDB event of a function: Properties are the
// event's properties as the template writes them, in JSON, with intrinsic
// functions resolved (Stream: !GetAtt <Table>.StreamArn reads
// "<Table>.StreamArn"). Package streams reads and checks them: goformation's
// typed DynamoDB event lacks properties the template uses
// (FunctionResponseTypes, FilterCriteria).
type DynamoDBTrigger struct {
	Function   string
	Event      string
	Properties json.RawMessage
}

// JWTAuthorizer is an HTTP API JWT authorizer.
type JWTAuthorizer struct {
	IdentitySource string
	Issuer         string
	Audience       []string
}

// Load reads and parses the template at path.
func Load(path string) (*Template, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read SAM template: %w", err)
	}
	t, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return t, nil
}

// processYAML serializes goformation's intrinsics.ProcessYAML, which
// registers its YAML tag resolvers in a package-level map on every call.
var processYAML sync.Mutex

// Parse parses a SAM template in YAML (or JSON, which is YAML). It is safe
// for concurrent use.
func Parse(data []byte) (*Template, error) {
	var ref refResolver
	processYAML.Lock()
	processed, err := intrinsics.ProcessYAML(data, &intrinsics.ProcessorOptions{
		IntrinsicHandlerOverrides: map[string]intrinsics.IntrinsicHandler{"Ref": ref.resolve, "Fn::Sub": ref.sub, "Fn::GetAtt": getAtt},
	})
	processYAML.Unlock()
	if err != nil {
		return nil, fmt.Errorf("parse SAM template: %w", err)
	}
	raw := &cloudformation.Template{}
	if err := json.Unmarshal(processed, raw); err != nil {
		return nil, fmt.Errorf("parse SAM template: %w", err)
	}
	t := &Template{Raw: raw}
	var errs []error
	if t.DynamoDBTriggers, err = dynamoDBTriggers(processed); err != nil {
		errs = append(errs, err)
	}
	for id, fn := range raw.GetAllServerlessFunctionResources() {
		t.Functions = append(t.Functions, id)
		for name, ev := range fn.Events {
			if err := t.addEvent(id, name, ev); err != nil {
				errs = append(errs, fmt.Errorf("%s event %s: %w", id, name, err))
			}
		}
	}
	apis := raw.GetAllServerlessHttpApiResources()
	if len(apis) > 1 {
		errs = append(errs, errors.New("more than one AWS::Serverless::HttpApi: the gateway serves one"))
	}
	for _, api := range apis {
		t.CORS = corsOf(api.CorsConfiguration)
		if err := t.addAuth(api.Auth); err != nil {
			errs = append(errs, err)
		}
	}
	slices.Sort(t.Functions)
	slices.SortFunc(t.Routes, func(a, b Route) int {
		return cmp.Or(strings.Compare(a.Path, b.Path), strings.Compare(a.Method, b.Method))
	})
	slices.SortFunc(t.S3Triggers, func(a, b S3Trigger) int {
		return cmp.Or(strings.Compare(a.Function, b.Function), strings.Compare(a.Event, b.Event))
	})
	for i := 1; i < len(t.Routes); i++ {
		if t.Routes[i].Key() == t.Routes[i-1].Key() {
			errs = append(errs, fmt.Errorf("route %s is declared by %s and %s", t.Routes[i].Key(), t.Routes[i-1].Function, t.Routes[i].Function))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return t, nil
}

// dynamoDBTriggers reads the functions' DynamoDB events from the processed
// template, sorted by function then event.
func dynamoDBTriggers(processed []byte) ([]DynamoDBTrigger, error) {
	var tmpl struct {
		Resources map[string]struct {
			Type       string
			Properties json.RawMessage
		}
	}
	if err := json.Unmarshal(processed, &tmpl); err != nil {
		return nil, fmt.Errorf("parse SAM template: %w", err)
	}
	var out []DynamoDBTrigger
	var errs []error
	for id, res := range tmpl.Resources {
		if res.Type != "AWS::Serverless::Function" || len(res.Properties) == 0 {
			continue
		}
		var props struct {
			Events map[string]struct {
				Type       string
				Properties json.RawMessage
			}
		}
		if err := json.Unmarshal(res.Properties, &props); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", id, err))
			continue
		}
		for name, ev := range props.Events {
			if ev.Type == "DynamoDB" {
				out = append(out, DynamoDBTrigger{Function: id, Event: name, Properties: ev.Properties})
			}
		}
	}
	slices.SortFunc(out, func(a, b DynamoDBTrigger) int {
		return cmp.Or(strings.Compare(a.Function, b.Function), strings.Compare(a.Event, b.Event))
	})
	return out, errors.Join(errs...)
}

func (t *Template) addEvent(function, name string, ev serverless.Function_EventSource) error {
	if ev.Properties == nil {
		return errors.New("no Properties")
	}
	switch ev.Type {
	case "HttpApi":
		p := ev.Properties.HttpApiEvent
		if p == nil {
			return errors.New("properties are not those of an HttpApi event")
		}
		if v := aws.ToString(p.PayloadFormatVersion); v != "" && v != "2.0" {
			return fmt.Errorf("PayloadFormatVersion %q: the gateway speaks 2.0 only", v)
		}
		method, path := strings.ToUpper(aws.ToString(p.Method)), aws.ToString(p.Path)
		if method == "" || !strings.HasPrefix(path, "/") {
			return errors.New("Method and a Path starting with / are required")
		}
		r := Route{Method: method, Path: path, Function: function, Event: name}
		if p.Auth != nil {
			r.Authorizer = aws.ToString(p.Auth.Authorizer)
			r.AuthorizationScopes = p.Auth.AuthorizationScopes
		}
		t.Routes = append(t.Routes, r)
	case "S3":
		p := ev.Properties.S3Event
		if p == nil {
			return errors.New("properties are not those of an S3 event")
		}
		if p.Bucket == "" {
			return errors.New("no Bucket")
		}
		tr := S3Trigger{Function: function, Event: name, Bucket: p.Bucket}
		if p.Events != nil {
			if p.Events.String != nil {
				tr.Events = []string{*p.Events.String}
			}
			if p.Events.StringArray != nil {
				tr.Events = append(tr.Events, *p.Events.StringArray...)
			}
		}
		if len(tr.Events) == 0 {
			return errors.New("no Events")
		}
		if p.Filter != nil && p.Filter.S3Key != nil {
			for _, rule := range p.Filter.S3Key.Rules {
				switch strings.ToLower(rule.Name) {
				case "prefix":
					tr.Prefix = rule.Value
				case "suffix":
					tr.Suffix = rule.Value
				default:
					return fmt.Errorf("unknown S3 key filter rule %q", rule.Name)
				}
			}
		}
		t.S3Triggers = append(t.S3Triggers, tr)
	}
	return nil
}

func corsOf(c *serverless.HttpApi_CorsConfiguration) *CORS {
	if c == nil {
		return nil
	}
	if c.Boolean != nil {
		if !*c.Boolean {
			return nil
		}
		// CorsConfiguration: true allows every origin, method and header.
		return &CORS{AllowOrigins: []string{"*"}, AllowMethods: []string{"*"}, AllowHeaders: []string{"*"}}
	}
	o := c.CorsConfigurationObject
	if o == nil {
		return nil
	}
	return &CORS{
		AllowOrigins:     o.AllowOrigins,
		AllowMethods:     mapStrings(o.AllowMethods, strings.ToUpper),
		AllowHeaders:     mapStrings(o.AllowHeaders, strings.ToLower),
		ExposeHeaders:    mapStrings(o.ExposeHeaders, strings.ToLower),
		MaxAge:           aws.ToInt(o.MaxAge),
		AllowCredentials: aws.ToBool(o.AllowCredentials),
	}
}

// addAuth reads the JWT authorizers of an HttpApi's Auth property.
func (t *Template) addAuth(auth *serverless.HttpApi_HttpApiAuth) error {
	if auth == nil {
		return nil
	}
	t.DefaultAuthorizer = aws.ToString(auth.DefaultAuthorizer)
	all, ok := auth.Authorizers.(map[string]any)
	if auth.Authorizers != nil && !ok {
		return errors.New("HttpApi Auth.Authorizers is not a map")
	}
	for name, v := range all {
		m, _ := v.(map[string]any)
		cfg, _ := m["JwtConfiguration"].(map[string]any)
		if cfg == nil {
			continue // not a JWT authorizer (Lambda authorizers are not emulated)
		}
		a := JWTAuthorizer{IdentitySource: stringOf(m["IdentitySource"]), Issuer: stringOf(cfg["issuer"])}
		if aud, ok := cfg["audience"].([]any); ok {
			for _, s := range aud {
				a.Audience = append(a.Audience, stringOf(s))
			}
		}
		if t.Authorizers == nil {
			t.Authorizers = map[string]JWTAuthorizer{}
		}
		t.Authorizers[name] = a
	}
	return nil
}

func stringOf(v any) string {
	s, _ := v.(string)
	return s
}

func mapStrings(in []string, f func(string) string) []string {
	if in == nil {
		return nil
	}
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = f(s)
	}
	return out
}
