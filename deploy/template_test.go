package deploy

import (
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// CloudFront's managed policies, by the ids CloudFormation takes
// (docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html and
// …/using-managed-origin-request-policies.html).
const (
	cachingOptimized = "658327ea-f89d-4fab-a63d-7e88639e58f6"
	cachingDisabled  = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
	// allViewerExceptHostHeader forwards every viewer header, query string
	// and cookie but Host. An origin request policy cannot list
	// Authorization by name, and a cache policy with caching disabled cannot
	// put it in the cache key; forwarding all viewer headers is what AWS
	// documents for that case (…/DeveloperGuide/http-401-unauthorized.html),
	// and this variant is the one meant for API Gateway, which needs Host to
	// be its own domain.
	allViewerExceptHostHeader = "b689b0a8-53d0-40ab-baf2-68738e2966ac"
)

// distributionSourceArn is the ARN bucket policies must match: this
// stack's distribution and no other.
const distributionSourceArn = "arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${Distribution}"

var (
	viewerMethods = []string{"GET", "HEAD", "OPTIONS"}
	readMethods   = []string{"GET", "HEAD"}
	allMethods    = []string{"DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"}
)

// distribution returns the DistributionConfig of the Distribution resource.
func distribution(tmpl value) value {
	return tmpl.resource("Distribution", "AWS::CloudFront::Distribution").get("DistributionConfig")
}

// behaviours returns the distribution's cache behaviours by path pattern;
// the default behaviour is under "default".
func behaviours(tmpl value) map[string]value {
	tmpl.t.Helper()
	d := distribution(tmpl)
	out := map[string]value{"default": d.get("DefaultCacheBehavior")}
	for _, b := range d.get("CacheBehaviors").list() {
		out[b.get("PathPattern").str()] = b
	}
	return out
}

// origin returns the distribution's origin with id id.
func origin(tmpl value, id string) value {
	tmpl.t.Helper()
	for _, o := range distribution(tmpl).get("Origins").list() {
		if o.get("Id").str() == id {
			return o
		}
	}
	tmpl.t.Fatalf("the distribution has no origin %q", id)
	return value{}
}

// strs returns the strings of a list, sorted.
func strs(v value) []string {
	v.t.Helper()
	var out []string
	for _, item := range v.list() {
		out = append(out, item.str())
	}
	slices.Sort(out)
	return out
}

func diff(t *testing.T, what string, want, got any) {
	t.Helper()
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("%s (-want +got):\n%s", what, d)
	}
}

func TestDefaultBehaviourServesTheWebBucketThroughOriginAccessControl(t *testing.T) {
	tmpl := loadTemplate(t)
	b := behaviours(tmpl)["default"]
	diff(t, "target origin", "web", b.get("TargetOriginId").v)
	diff(t, "cache policy", cachingOptimized, b.get("CachePolicyId").v)
	diff(t, "allowed methods", viewerMethods, strs(b.get("AllowedMethods")))
	diff(t, "response headers policy", ref("SecurityHeadersPolicy"), b.get("ResponseHeadersPolicyId").v)

	web := origin(tmpl, "web")
	diff(t, "web origin domain", getAtt("WebBucket", "RegionalDomainName"), web.get("DomainName").v)
	diff(t, "web origin access control", getAtt("BucketOriginAccessControl", "Id"), web.get("OriginAccessControlId").v)
	// With OAC, an S3 origin keeps S3OriginConfig with an empty origin access identity.
	diff(t, "web origin access identity", "", web.get("S3OriginConfig").get("OriginAccessIdentity").v)
}

func TestDefaultBehaviourRunsTheSPARewriteOnViewerRequests(t *testing.T) {
	tmpl := loadTemplate(t)
	want := []any{map[string]any{"EventType": "viewer-request", "FunctionARN": getAtt("SpaRewriteFunction", "FunctionARN")}}
	diff(t, "default behaviour's functions", want, behaviours(tmpl)["default"].get("FunctionAssociations").v)
	for pattern, b := range behaviours(tmpl) {
		if pattern != "default" && (b.has("FunctionAssociations") || b.has("LambdaFunctionAssociations")) {
			t.Errorf("behaviour %s runs functions; only the web app's default behaviour rewrites paths", pattern)
		}
	}
	fn := tmpl.resource("SpaRewriteFunction", "AWS::CloudFront::Function")
	diff(t, "function runtime", "cloudfront-js-2.0", fn.get("FunctionConfig").get("Runtime").v)
	diff(t, "function published", true, fn.get("AutoPublish").v)
}

func TestAPIBehaviourForwardsEverythingToTheHTTPAPIUncached(t *testing.T) {
	tmpl := loadTemplate(t)
	b, ok := behaviours(tmpl)["/api/*"]
	if !ok {
		t.Fatal("no /api/* behaviour")
	}
	diff(t, "target origin", "api", b.get("TargetOriginId").v)
	diff(t, "cache policy", cachingDisabled, b.get("CachePolicyId").v)
	diff(t, "origin request policy (forwards Authorization, query strings and every other header but Host)",
		allViewerExceptHostHeader, b.get("OriginRequestPolicyId").v)
	diff(t, "allowed methods", allMethods, strs(b.get("AllowedMethods")))

	api := origin(tmpl, "api")
	diff(t, "api origin domain", sub("${HttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}"), api.get("DomainName").v)
	diff(t, "api origin protocol", "https-only", api.get("CustomOriginConfig").get("OriginProtocolPolicy").v)
	diff(t, "api origin TLS", []string{"TLSv1.2"}, strs(api.get("CustomOriginConfig").get("OriginSSLProtocols")))
	if tmpl.get("Resources").get("HttpApi").get("Type").str() != "AWS::Serverless::HttpApi" {
		t.Error("the api origin names HttpApi, which is not the template's AWS::Serverless::HttpApi")
	}
	// A custom cache or origin request policy could drop Authorization; the behaviours use managed ones only.
	for _, typ := range []string{"AWS::CloudFront::CachePolicy", "AWS::CloudFront::OriginRequestPolicy"} {
		if ids := tmpl.resourcesOfType(typ); len(ids) > 0 {
			t.Errorf("custom %s %v: check that /api/* still forwards Authorization", typ, ids)
		}
	}
}

func TestCoverBehavioursServeTheCoversBucketThroughOriginAccessControlCached(t *testing.T) {
	tmpl := loadTemplate(t)
	for _, pattern := range []string{"/covers/*", "/thumbnails/*"} {
		b, ok := behaviours(tmpl)[pattern]
		if !ok {
			t.Errorf("no %s behaviour", pattern)
			continue
		}
		diff(t, pattern+" target origin", "covers", b.get("TargetOriginId").v)
		diff(t, pattern+" cache policy", cachingOptimized, b.get("CachePolicyId").v)
		diff(t, pattern+" allowed methods", readMethods, strs(b.get("AllowedMethods")))
		diff(t, pattern+" response headers policy", ref("SecurityHeadersPolicy"), b.get("ResponseHeadersPolicyId").v)
	}
	covers := origin(tmpl, "covers")
	// The covers bucket's regional domain, built from the parameter (the bucket's CORS names the distribution,
	// so the distribution cannot name the bucket resource).
	diff(t, "covers origin domain", sub("${CoversBucketName}.s3.${AWS::Region}.${AWS::URLSuffix}"), covers.get("DomainName").v)
	diff(t, "covers bucket name", ref("CoversBucketName"), tmpl.resource("CoversBucket", "AWS::S3::Bucket").get("BucketName").v)
	diff(t, "covers origin access control", getAtt("BucketOriginAccessControl", "Id"), covers.get("OriginAccessControlId").v)
	diff(t, "covers origin access identity", "", covers.get("S3OriginConfig").get("OriginAccessIdentity").v)
}

func TestEveryBehaviourRedirectsToHTTPSAndCompresses(t *testing.T) {
	tmpl := loadTemplate(t)
	bs := behaviours(tmpl)
	diff(t, "behaviours", []string{"/api/*", "/covers/*", "/thumbnails/*", "default"}, slices.Sorted(maps.Keys(bs)))
	for pattern, b := range bs {
		diff(t, pattern+" viewer protocol", "redirect-to-https", b.get("ViewerProtocolPolicy").v)
		diff(t, pattern+" compress", true, b.get("Compress").v)
	}
}

func TestDistributionSettings(t *testing.T) {
	d := distribution(loadTemplate(t))
	want := map[string]any{
		"Enabled": true, "DefaultRootObject": "index.html", "HttpVersion": "http2and3", "IPV6Enabled": true,
		"PriceClass": "PriceClass_100",
	}
	for k, v := range want {
		diff(t, k, v, d.get(k).v)
	}
	// A 403/404 -> /index.html rewrite would apply to /api/* too and hide the API's errors.
	if d.has("CustomErrorResponses") {
		t.Error("the distribution has CustomErrorResponses; the SPA fallback is SpaRewriteFunction's job")
	}
}

func TestOriginAccessControlSignsEveryRequestWithSigV4(t *testing.T) {
	oac := loadTemplate(t).resource("BucketOriginAccessControl", "AWS::CloudFront::OriginAccessControl").get("OriginAccessControlConfig")
	diff(t, "origin type", "s3", oac.get("OriginAccessControlOriginType").v)
	diff(t, "signing protocol", "sigv4", oac.get("SigningProtocol").v)
	diff(t, "signing behaviour", "always", oac.get("SigningBehavior").v)
}

func TestBucketPoliciesAdmitOnlyTheDistributionToGetObjects(t *testing.T) {
	tmpl := loadTemplate(t)
	tests := []struct {
		policy, bucket string
		resources      []any
	}{
		{"WebBucketPolicy", "WebBucket", []any{sub("${WebBucket.Arn}/*")}},
		{"CoversBucketPolicy", "CoversBucket", []any{
			sub("arn:${AWS::Partition}:s3:::${CoversBucketName}/covers/*"),
			sub("arn:${AWS::Partition}:s3:::${CoversBucketName}/thumbnails/*"),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.policy, func(t *testing.T) {
			p := loadTemplate(t).resource(tt.policy, "AWS::S3::BucketPolicy")
			diff(t, "bucket", ref(tt.bucket), p.get("Bucket").v)
			statements := p.get("PolicyDocument").get("Statement").list()
			if len(statements) != 1 {
				t.Fatalf("%d statements, want the distribution's only", len(statements))
			}
			s := statements[0]
			diff(t, "effect", "Allow", s.get("Effect").v)
			diff(t, "principal", map[string]any{"Service": "cloudfront.amazonaws.com"}, s.get("Principal").v)
			diff(t, "action", "s3:GetObject", s.get("Action").v)
			resources, ok := s.get("Resource").v.([]any)
			if !ok {
				resources = []any{s.get("Resource").v}
			}
			diff(t, "resources", tt.resources, resources)
			want := map[string]any{"StringEquals": map[string]any{"AWS:SourceArn": sub(distributionSourceArn)}}
			diff(t, "condition", want, s.get("Condition").v)
		})
	}
	if got := tmpl.resourcesOfType("AWS::S3::BucketPolicy"); len(got) != len(tests) {
		t.Errorf("bucket policies %v, want exactly the two checked here", got)
	}
}

func TestBucketsBlockPublicAccess(t *testing.T) {
	tmpl := loadTemplate(t)
	for _, id := range []string{"WebBucket", "CoversBucket"} {
		block := tmpl.resource(id, "AWS::S3::Bucket").get("PublicAccessBlockConfiguration")
		for _, k := range []string{"BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"} {
			diff(t, id+" "+k, true, block.get(k).v)
		}
	}
}

func TestCoversBucketCORSAdmitsTheShopForUploads(t *testing.T) {
	rules := loadTemplate(t).resource("CoversBucket", "AWS::S3::Bucket").get("CorsConfiguration").get("CorsRules").list()
	for _, r := range rules {
		if r.get("AllowedOrigins").v == nil {
			continue
		}
		origins, ok := r.get("AllowedOrigins").v.([]any)
		if ok && slices.ContainsFunc(origins, func(o any) bool { return cmp.Equal(o, sub("https://${Distribution.DomainName}")) }) {
			if !slices.Contains(strs(r.get("AllowedMethods")), "PUT") {
				t.Errorf("the shop's CORS rule does not allow PUT: %v", r.v)
			}
			return
		}
	}
	t.Errorf("no CORS rule admits https://${Distribution.DomainName}: %v", rules)
}

// cspDirectives splits a Content-Security-Policy into its directives.
func cspDirectives(csp string) map[string][]string {
	out := map[string][]string{}
	for d := range strings.SplitSeq(csp, ";") {
		fields := strings.Fields(d)
		if len(fields) > 0 {
			out[fields[0]] = fields[1:]
		}
	}
	return out
}

func TestSecurityHeadersPolicy(t *testing.T) {
	h := loadTemplate(t).resource("SecurityHeadersPolicy", "AWS::CloudFront::ResponseHeadersPolicy").
		get("ResponseHeadersPolicyConfig").get("SecurityHeadersConfig")
	csp := h.get("ContentSecurityPolicy").get("ContentSecurityPolicy").get("Fn::Sub").str()
	want := map[string][]string{
		"default-src":     {"'self'"},
		"script-src":      {"'self'"},
		"style-src":       {"'self'"},
		"img-src":         {"'self'", "data:", "blob:"},
		"connect-src":     {"'self'", "https://${CoversBucketName}.s3.${AWS::Region}.${AWS::URLSuffix}"},
		"frame-ancestors": {"'none'"},
		"base-uri":        {"'self'"},
		"form-action":     {"'self'"},
		"object-src":      {"'none'"},
	}
	diff(t, "CSP directives", want, cspDirectives(csp))
	if len(csp) > 1783 {
		t.Errorf("CSP is %d characters; CloudFront takes at most 1783", len(csp))
	}
	hsts := h.get("StrictTransportSecurity")
	if age, _ := hsts.get("AccessControlMaxAgeSec").v.(int); age < 31536000 {
		t.Errorf("HSTS max-age %v, want at least a year", hsts.get("AccessControlMaxAgeSec").v)
	}
	diff(t, "HSTS includeSubDomains", true, hsts.get("IncludeSubdomains").v)
	diff(t, "Referrer-Policy", "strict-origin-when-cross-origin", h.get("ReferrerPolicy").get("ReferrerPolicy").v)
	diff(t, "X-Frame-Options", "DENY", h.get("FrameOptions").get("FrameOption").v)
	for _, k := range []string{"ContentSecurityPolicy", "StrictTransportSecurity", "ContentTypeOptions", "ReferrerPolicy", "FrameOptions"} {
		diff(t, k+" overrides the origin's", true, h.get(k).get("Override").v)
	}
}

func TestOutputsNameTheShop(t *testing.T) {
	out := loadTemplate(t).get("Outputs")
	diff(t, "ShopUrl", sub("https://${Distribution.DomainName}"), out.get("ShopUrl").get("Value").v)
	diff(t, "DistributionId", ref("Distribution"), out.get("DistributionId").get("Value").v)
	diff(t, "WebBucketName", ref("WebBucket"), out.get("WebBucketName").get("Value").v)
	diff(t, "UserPoolId", ref("UserPool"), out.get("UserPoolId").get("Value").v)
}

// imageParameter matches the parameters deploy.sh fills with image URIs:
// <Name>ImageUri holds the image of cmd/<name>.
var imageParameter = regexp.MustCompile(`^([A-Z][A-Za-z]*)ImageUri$`)

// TestEveryFunctionImageComesFromAParameterOfItsCommand checks the
// convention deploy.sh builds images by.
func TestEveryFunctionImageComesFromAParameterOfItsCommand(t *testing.T) {
	tmpl := loadTemplate(t)
	params := tmpl.get("Parameters").v.(map[string]any)
	used := map[string]bool{}
	for _, id := range tmpl.resourcesOfType("AWS::Serverless::Function") {
		fn := tmpl.resource(id, "AWS::Serverless::Function")
		uri := fn.get("ImageUri").get("Ref").str()
		m := imageParameter.FindStringSubmatch(uri)
		if m == nil || params[uri] == nil {
			t.Errorf("%s ImageUri is !Ref %s, want a parameter <Name>ImageUri", id, uri)
			continue
		}
		used[uri] = true
		if _, err := os.Stat(filepath.Join("..", "cmd", strings.ToLower(m[1]), "main.go")); err != nil {
			t.Errorf("%s: parameter %s names cmd/%s, which has no main.go", id, uri, strings.ToLower(m[1]))
		}
	}
	for name := range params {
		if imageParameter.MatchString(name) && !used[name] {
			t.Errorf("parameter %s is used by no function; deploy.sh would build and push it for nothing", name)
		}
	}
}
