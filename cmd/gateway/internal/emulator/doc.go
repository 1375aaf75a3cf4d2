// Package emulator is the local stand-in for Amazon API Gateway (HTTP API,
// payload format 2.0), CloudFront and S3 event notifications. It serves the
// routes of a SAM template by invoking each function's container through the
// Lambda Runtime Interface Emulator (RIE) Invoke API:
//
//   - API routes: the request becomes the v2 event API Gateway sends
//     (event.go), the function's answer becomes the HTTP response
//     (response.go); API Gateway's own errors are {"message": ...} bodies:
//     404 no route, 413 body over 10 MB, 429 throttled, 500
//     {"message":"Internal Server Error"} for a failed invocation, a
//     function error or a malformed answer (an HTTP API's answer; a REST
//     API's would be 502), 503 {"message":"Service Unavailable"} after the
//     integration timeout (Config.Timeout, 30 s as on an HTTP API).
//   - Timeouts: every invocation (API, S3 event, Invoke API) is cut off at
//     its function's Timeout in the template, as Lambda does; it then is a
//     function error ("Task timed out after N seconds"), which an API route
//     answers 500 and an asynchronous invocation retries (invoker.go).
//   - JWT authorizers: a route whose template Auth names a JWT authorizer
//     (or falls under the API's DefaultAuthorizer, unless it says
//     Authorizer: NONE) needs a token in the authorizer's identity source,
//     checked by the Config.Authorizers verifier (adapters/jwtauth); a
//     missing or refused token answers 401 {"message":"Unauthorized"} with
//     www-authenticate, a token without one of the route's
//     AuthorizationScopes 403, and the function is not invoked. Otherwise
//     the event carries requestContext.authorizer.jwt {claims, scopes} as
//     API Gateway sends it (authorizer.go).
//   - CORS: preflights are answered and response headers set from the HTTP
//     API's CorsConfiguration, as API Gateway does (cors.go).
//   - Concurrency: each RIE endpoint runs one invoke at a time, so a
//     function's concurrency is its number of endpoints; requests beyond
//     that wait in a bounded queue, then get 429 (invoker.go).
//   - POST /_local/s3-events receives MinIO webhook notifications and
//     invokes the functions whose S3 triggers match, asynchronously
//     (s3events.go).
//   - POST /2015-03-31/functions/{name}/invocations is the Lambda Invoke API
//     for other emulators (invoke_api.go).
//   - Every other GET outside /api/ is the web app, proxied from the web
//     bucket with CloudFront's SPA fallback to /index.html (static.go).
//   - GET /_local/health answers 200.
package emulator
