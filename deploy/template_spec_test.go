package deploy

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/bookshop/bookshop/deploy/internal/cfnspec"
)

// The CloudFormation resource specification (with SAM) and the SAM additions
// it lacks; testdata/README.md says where they come from.
const (
	specPath      = "testdata/cloudformation-spec-117.0.0.json.gz"
	specPatchPath = "testdata/sam-spec-patch.json"
)

var loadSpecOnce = sync.OnceValues(func() (*cfnspec.Spec, error) {
	return cfnspec.Load(specPath, specPatchPath)
})

func loadSpec(t *testing.T) *cfnspec.Spec {
	t.Helper()
	spec, err := loadSpecOnce()
	if err != nil {
		t.Fatal(err)
	}
	return spec
}

// validate returns the problems the specification finds in a template file.
func validate(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	problems, err := loadSpec(t).Validate(data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	out := make([]string, len(problems))
	for i, p := range problems {
		out[i] = p.String()
	}
	return out
}

// TestTemplateMatchesTheCloudFormationSpecification: every resource type,
// property name (case-sensitive), property value's type and required property
// of template.yaml is what AWS's resource specification says, and every Ref,
// Fn::GetAtt and Fn::Sub names a parameter, resource or attribute that
// exists. Try it: rename a property in template.yaml (MemorySize →
// memorySize) and run go test ./deploy -run Specification.
func TestTemplateMatchesTheCloudFormationSpecification(t *testing.T) {
	for _, p := range validate(t, templatePath) {
		t.Errorf("%s %s", templatePath, p)
	}
}

func TestValidatorRefusesPropertyNamesInTheWrongCase(t *testing.T) {
	wantProblems(t, "testdata/bad-property-case.yaml", []string{
		"line 10: Resources.Function.Properties.memorySize: unknown property memorySize of AWS::Serverless::Function (names are case-sensitive: MemorySize)",
		"line 15: Resources.Queue.Properties.VisibilityTimeOut: unknown property VisibilityTimeOut of AWS::SQS::Queue (names are case-sensitive: VisibilityTimeout)",
	})
}

func TestValidatorRefusesReferencesToNothing(t *testing.T) {
	wantProblems(t, "testdata/bad-references.yaml", []string{
		"line 12: Resources.Topic.Properties.DisplayName: Ref to Missing: no such parameter or resource",
		"line 16: Resources.Subscription.Properties.TopicArn: Fn::GetAtt Topic.Arn: AWS::SNS::Topic has no attribute Arn",
		"line 18: Resources.Subscription.Properties.Endpoint: Fn::GetAtt Queue.Url: AWS::SQS::Queue has no attribute Url",
		"line 21: Resources.Alarm.DependsOn: no resource Nothing",
		"line 23: Resources.Alarm.Properties.AlarmDescription: Ref to Gone: no such parameter or resource",
		"line 26: Resources.Alarm.Properties.Dimensions[0].Value: Fn::GetAtt of Email: a parameter, not a resource",
		// No function, so no generated FunctionRole.
		"line 34: Outputs.Role.Value: Fn::GetAtt of FunctionRole: no such resource",
	})
}

func TestValidatorRefusesWrongTypesMissingPropertiesAndUnknownTypes(t *testing.T) {
	wantProblems(t, "testdata/bad-types.yaml", []string{
		`line 7: Resources.Queue.Properties.VisibilityTimeout: want Integer, got "thirty"`,
		`line 8: Resources.Queue.Properties.FifoQueue: want Boolean, got "maybe"`,
		"line 9: Resources.Queue.Properties.Tags: want a list, got a mapping",
		"line 13: Resources.Subscription.Properties: required property Protocol of AWS::SNS::Subscription is missing",
		"line 15: Resources.Bucket.Type: unknown resource type AWS::S3::Buckett",
	})
}

// TestValidatorAllowsReferencesToSAMGeneratedResources: <Function>Role, the
// event source mapping of a stream event, the HTTP API's default stage and
// the implicit ServerlessHttpApi, and SAM resources' attributes (a Function's
// Arn, an HttpApi's ApiEndpoint) from the CloudFormation types they become.
func TestValidatorAllowsReferencesToSAMGeneratedResources(t *testing.T) {
	wantProblems(t, "testdata/sam-implicit.yaml", nil)
}

func wantProblems(t *testing.T, path string, want []string) {
	t.Helper()
	got := validate(t, path)
	slices.Sort(got)
	slices.Sort(want)
	if len(got) != 0 || len(want) != 0 {
		diff(t, path+" problems", want, got)
	}
}

// TestTemplatePassesCfnLint runs AWS's CloudFormation linter, a second
// opinion that also knows the SAM transform, where it is installed (the
// project's machines have cfn-lint 1.51.0); elsewhere it is skipped.
func TestTemplatePassesCfnLint(t *testing.T) {
	lint, err := exec.LookPath("cfn-lint")
	if err != nil {
		t.Skip("cfn-lint is not installed")
	}
	var out bytes.Buffer
	cmd := exec.Command(lint, "--format", "parseable", templatePath)
	cmd.Stdout, cmd.Stderr = &out, &out
	err = cmd.Run()
	// Exit codes are bit flags: 2 errors, 4 warnings, 8 informational.
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode()&(2|4) == 0 {
		err = nil
	}
	if err != nil || strings.Contains(out.String(), ":E") {
		t.Errorf("cfn-lint %s: %v\n%s", templatePath, err, out.String())
	}
}
