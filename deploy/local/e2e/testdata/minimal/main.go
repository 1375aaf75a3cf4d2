// Command minimal is the yardstick of BenchmarkInitVsMinimal: the smallest
// usual aws-lambda-go + aws-sdk-go-v2 function that answers an API Gateway
// v2 GET /books/{id} with one DynamoDB GetItem. Built like the shop's
// functions (CGO_ENABLED=0 -tags lambda.norpc -trimpath -ldflags '-s -w').
package main

import (
	"context"
	"fmt"
	"net/http"
	"os"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

func main() {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		fmt.Fprintln(os.Stderr, "minimal:", err)
		os.Exit(1)
	}
	db := dynamodb.NewFromConfig(cfg)
	table := os.Getenv("TABLE")
	lambda.Start(func(ctx context.Context, ev events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error) {
		id := ev.PathParameters["id"]
		if id == "" {
			return events.APIGatewayV2HTTPResponse{StatusCode: http.StatusBadRequest}, nil
		}
		out, err := db.GetItem(ctx, &dynamodb.GetItemInput{
			TableName: aws.String(table),
			Key: map[string]types.AttributeValue{
				"pk": &types.AttributeValueMemberS{Value: "BOOK#" + id},
				"sk": &types.AttributeValueMemberS{Value: "BOOK"},
			},
		})
		switch {
		case err != nil:
			return events.APIGatewayV2HTTPResponse{}, err
		case out.Item == nil:
			return events.APIGatewayV2HTTPResponse{StatusCode: http.StatusNotFound}, nil
		}
		title, _ := out.Item["title"].(*types.AttributeValueMemberS)
		var body string
		if title != nil {
			body = fmt.Sprintf("{%q:%q}", "title", title.Value)
		}
		return events.APIGatewayV2HTTPResponse{StatusCode: http.StatusOK, Body: body,
			Headers: map[string]string{"Content-Type": "application/json"}}, nil
	})
}
