// Package httpbridge serves a Lambda function written for API Gateway HTTP
// APIs (payload format 2.0) as a plain net/http handler. Each HTTP request
// becomes the events.APIGatewayV2HTTPRequest API Gateway would build for a
// "$default" route on the "$default" stage, and the function's
// events.APIGatewayV2HTTPResponse is written back as API Gateway would.
//
// It backs the embedded mode (go run ./cmd/bookshop), so the code running on
// a laptop is the Lambda handler itself, not a second HTTP implementation.
//
// What is reproduced, after the payload format documentation:
//
//   - rawPath and requestContext.http.path are the percent-decoded path, as
//     HTTP APIs deliver them; rawQueryString is the query as sent;
//   - header names are lower-cased and repeated headers joined with commas;
//     Cookie headers are removed from headers and split into cookies;
//   - queryStringParameters holds decoded values, repeats joined with commas;
//   - x-forwarded-for, x-forwarded-port and x-forwarded-proto are added;
//   - a body is passed as text when its media type is textual and it is
//     valid UTF-8, otherwise base64-encoded with isBase64Encoded set;
//   - bodies above MaxBodyBytes are refused with 413 before the function
//     runs, and a function error becomes 500, both with API Gateway's
//     {"message": ...} bodies.
//
// What is not: authorizers (requestContext.authorizer is never set, so every
// request is anonymous; claims are never taken from headers), stage
// variables, custom domains and API mappings, and API Gateway's own CORS.
package httpbridge
