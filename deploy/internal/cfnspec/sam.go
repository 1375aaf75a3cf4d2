package cfnspec

import "gopkg.in/yaml.v3"

// samResourceTypes maps each SAM resource type to the CloudFormation type the
// transform turns it into under the same logical id: Fn::GetAtt on a SAM
// resource names that type's attributes (a Function's Arn is
// AWS::Lambda::Function's).
var samResourceTypes = map[string]string{
	"AWS::Serverless::Function":     "AWS::Lambda::Function",
	"AWS::Serverless::HttpApi":      "AWS::ApiGatewayV2::Api",
	"AWS::Serverless::Api":          "AWS::ApiGateway::RestApi",
	"AWS::Serverless::SimpleTable":  "AWS::DynamoDB::Table",
	"AWS::Serverless::StateMachine": "AWS::StepFunctions::StateMachine",
	"AWS::Serverless::LayerVersion": "AWS::Lambda::LayerVersion",
	"AWS::Serverless::Application":  "AWS::CloudFormation::Stack",
}

// samImplicitResources returns the resources the SAM transform generates
// that a template may refer to by logical id, with their CloudFormation
// types (docs.aws.amazon.com/serverless-application-model/latest/
// developerguide/sam-specification-generated-resources.html). Only these are
// allowed:
//
//   - <Function>Role (AWS::IAM::Role) for a function without a Role property;
//   - <Function><Event> (AWS::Lambda::EventSourceMapping) for its DynamoDB,
//     Kinesis, SQS, MQ, MSK and DocumentDB events;
//   - <HttpApi>ApiGatewayDefaultStage (AWS::ApiGatewayV2::Stage) for an
//     AWS::Serverless::HttpApi without StageName ($default stage);
//   - ServerlessHttpApi (AWS::ApiGatewayV2::Api) and
//     ServerlessHttpApiApiGatewayDefaultStage when a function has an HttpApi
//     event without ApiId.
//
// Aliases, versions, permissions and other generated resources are not
// referable here: a template that needs one must add it to this list with
// its source.
func samImplicitResources(resources *node) map[string]string {
	out := map[string]string{}
	if resources == nil {
		return out
	}
	for _, id := range resources.keys {
		r := resources.m[id]
		props := r.get("Properties")
		switch r.get("Type").scalar() {
		case "AWS::Serverless::Function":
			if props.get("Role") == nil {
				out[id+"Role"] = "AWS::IAM::Role"
			}
			events := props.get("Events")
			if events == nil {
				continue
			}
			for _, name := range events.keys {
				ev := events.m[name]
				switch ev.get("Type").scalar() {
				case "DynamoDB", "Kinesis", "SQS", "MQ", "MSK", "DocumentDB", "SelfManagedKafka":
					out[id+name] = "AWS::Lambda::EventSourceMapping"
				case "HttpApi":
					if ev.get("Properties").get("ApiId") == nil {
						out["ServerlessHttpApi"] = "AWS::ApiGatewayV2::Api"
						out["ServerlessHttpApiApiGatewayDefaultStage"] = "AWS::ApiGatewayV2::Stage"
					}
				}
			}
		case "AWS::Serverless::HttpApi":
			if props.get("StageName") == nil {
				out[id+"ApiGatewayDefaultStage"] = "AWS::ApiGatewayV2::Stage"
			}
		}
	}
	return out
}

// scalar returns a scalar's text, or "" for anything else.
func (n *node) scalar() string {
	if n == nil || n.kind != yaml.ScalarNode {
		return ""
	}
	return n.value
}

// eventPropertyType returns the property type of a SAM event source's
// Properties from its Type: HttpApi → HttpApiEvent, S3 → S3Event….
func eventPropertyType(eventType string, alternatives []string) (string, bool) {
	for _, alt := range alternatives {
		if alt == eventType+"Event" {
			return alt, true
		}
	}
	return "", false
}
