// Package apigw is Bookshop's inbound adapter for Amazon API Gateway HTTP
// APIs (payload format 2.0). Handler turns an events.APIGatewayV2HTTPRequest
// into one call of an app.Catalog use case and the result into an
// events.APIGatewayV2HTTPResponse; its Handle method is the function given to
// lambda.Start, and the embedded mode serves the same method through
// adapters/httpbridge.
//
// # Routes
//
// Routing uses the request method and rawPath only (never routeKey), so a
// single "$default" route or a proxy route both work. The API must be
// deployed on the "$default" stage: rawPath then has no stage prefix.
//
// The routes are declared once, in the table in router.go (see Routes); the
// list below describes them, and a test keeps its methods and paths equal to
// the table's, as others do for README.md and deploy/template.yaml.
//
//	GET    /api/health                200 {"status":"ok"}
//	GET    /api/openapi.json          200 the OpenAPI 3.1 description of these routes (openapi.json)
//	GET    /api/books                 200 {"items":[Book...],"nextCursor":string|null}
//	                                  query: category, sort=newest|title, limit=1..100, cursor
//	POST   /api/books                 201 Book, Location and ETag
//	GET    /api/books/{id}            200 Book, ETag
//	PUT    /api/books/{id}            200 Book, ETag; If-Match required
//	DELETE /api/books/{id}            204; If-Match optional
//	POST   /api/books/{id}/cover      200 {"uploadUrl","method","headers","expiresAt","key"}
//	GET    /api/books/{id}/reviews    200 {"items":[Review...],"nextCursor":string|null}, newest
//	                                  first; query: limit=1..100, cursor; 404 for a missing book
//	POST   /api/books/{id}/reviews    201 Review, Location, ETag; body {"rating":1..5,"text"}; signed
//	                                  in (401), one per user and book (409)
//	GET    /api/books/{id}/reviews/mine         200 Review, ETag: the caller's own; signed in (401)
//	PUT    /api/books/{id}/reviews/mine         like PUT .../{userId} for the caller
//	DELETE /api/books/{id}/reviews/mine         like DELETE .../{userId} for the caller
//	GET    /api/books/{id}/reviews/{userId}     200 Review, ETag
//	PUT    /api/books/{id}/reviews/{userId}     200 Review, ETag; the author only (403); If-Match required
//	DELETE /api/books/{id}/reviews/{userId}     204; the author or an admin; If-Match optional
//	                                  {userId} is the reviewer's token subject; "mine" means the caller
//	POST   /api/auth/register         201 {"userId","email","confirmationRequired"}; body {"email","password",
//	                                  "name"?} (name: the display name of the user's reviews)
//	POST   /api/auth/confirm          204; body {"email","code"}
//	POST   /api/auth/login            200 {"accessToken","idToken","refreshToken","expiresIn","tokenType"}
//	                                  (Cache-Control: no-store); body {"email","password"}
//	POST   /api/auth/refresh          200 like login with the refresh token to use next (rotated where the
//	                                  provider rotates: the old one then fails); body {"refreshToken"}
//	POST   /api/auth/resend           204 whether or not the account exists; a new code for an unconfirmed
//	                                  account (new guesses too); body {"email"}
//	POST   /api/auth/logout           204; revokes the refresh token (unknown tokens too); body {"refreshToken"}
//	POST   /api/auth/password/forgot  202 whether or not the account exists; a reset code for a confirmed
//	                                  account (at most 5 a day); 429 past 10 an hour per address; body {"email"}
//	POST   /api/auth/password/reset   204 once the new password is set (the embedded provider revokes the
//	                                  refresh tokens); a wrong code 400 (field code, also for unknown
//	                                  accounts), void after 5; a weak password 400 (field password);
//	                                  body {"email","code","password"}
//	POST   /api/orders                201 Order, Location; signed in (401); body {"items":[{"bookId","qty"}]};
//	                                  Idempotency-Key required (400); a retry with the same key and body
//	                                  answers 201 with the same order and Idempotent-Replayed: true; the same
//	                                  key with another body 422; short stock 409 with "outOfStock":[bookId...];
//	                                  an unknown book 400 (field items[i].bookId)
//	GET    /api/orders                200 {"items":[Order...],"nextCursor":string|null}, the caller's, newest
//	                                  first; query: limit=1..100, cursor
//	GET    /api/orders/{id}           200 Order; another user's order is 404 (never 403)
//	POST   /api/orders/{id}/cancel    200 Order; the owner while PENDING, an admin also when CONFIRMED (409
//	                                  otherwise); the stock comes back
//	GET    /api/admin/orders          200 like GET /api/orders; admins only (403); query: status (required),
//	                                  limit, cursor
//	POST   /api/admin/orders/{id}/status  200 Order; admins only; body {"status"}: the next step of
//	                                  PENDING → CONFIRMED → SHIPPED → DELIVERED, or CANCELLED (409 otherwise)
//	GET    /api/search                200 {"items":[Book...],"nextCursor":string|null}, best first; query: q
//	                                  (2..100 characters, at most 8 words, all must match, the last as a
//	                                  prefix), category, limit=1..50, cursor; a page may be short while
//	                                  nextCursor is set
//	GET    /api/bestsellers           200 {"items":[{"book":Book,"count":unitsSold}...]}; query: category,
//	                                  period=all|30d, limit=1..50 (default 10)
//	GET    /api/books/{id}/also-bought  200 {"items":[{"book":Book,"count":sharedOrders}...]}; query:
//	                                  limit=1..50 (default 5); 404 for a missing book
//	OPTIONS on any of these paths     204 (CORS preflight), Allow
//
// An unknown path answers 404 and a known path with another method 405 with
// an Allow header; a route whose use case the Handler's Services lack answers
// 404 too.
//
// # Versions and conditional requests
//
// A book's ETag is the strong entity tag of its version, for example "3".
// If-Match is compared with the strong comparison of RFC 9110, section 8.8.3.2:
//
//   - a weak tag (W/"3") never matches: 412;
//   - a well-formed strong tag that is not a current version ("abc", "0",
//     or an old version): 412;
//   - a header that is not `*` or exactly one entity tag (an unquoted 3, a
//     list of tags, garbage): 400, field "If-Match";
//   - PUT without If-Match: 428. `If-Match: *` is refused on PUT with 428
//     too: it would let a client overwrite changes it never saw, which is
//     what the header exists to prevent;
//   - DELETE without If-Match or with `*` deletes whatever version is
//     current.
//
// The header is parsed before the body is decoded, so a malformed or weak
// tag answers 400 or 412 whatever the body and whether or not the book
// exists; a numeric tag is compared by the use case, after the body is
// validated, so a stale tag on a missing book answers 404.
//
// DELETE is idempotent in effect but not in response: a repeated DELETE of
// the same book answers 404, because the book no longer exists (RFC 9110,
// section 9.2.2, allows this). A client retrying a DELETE whose response it
// lost should treat 404 as success.
//
// # Errors
//
// Every failure is an RFC 9457 problem (application/problem+json) built in
// problem.go from one table keyed by the domain's error categories; see
// ProblemTypeBase for the type URIs. Internal errors answer 500 with a
// generic detail naming the request id; the error itself is only logged.
// Handle never returns a non-nil error: a Lambda function error would reach
// the client as API Gateway's bare 500.
//
// # Request bodies
//
// Bodies must be JSON objects sent as application/json (else 415), at most
// MaxBodyBytes after base64 decoding (else 413). Field names are matched
// exactly (encoding/json alone would accept "TITLE" for "title"); unknown,
// repeated and null fields, missing required fields and values of the wrong
// type are all reported as field errors (400).
//
// # Identity
//
// The caller's app.Principal comes from the claims API Gateway's JWT
// authorizer verified (requestContext.authorizer.jwt.claims): sub, email and
// cognito:groups. Requests without claims run as the anonymous principal.
// GuardedRoutes lists the routes the authorizer guards (a test keeps
// deploy/template.yaml's Auth settings equal to it); on the others API
// Gateway passes no claims even when a token is sent.
//
// Every answer carries X-Content-Type-Options: nosniff; answers of routes
// that belong to one caller or to administrators (every route but the
// public reads) carry Cache-Control: no-store.
// The handler itself enforces nothing; authorization belongs to the use
// cases.
package apigw
