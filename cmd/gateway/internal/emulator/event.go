package emulator

import (
	"encoding/json"
	"net/http"

	"github.com/aws/aws-lambda-go/events"

	"github.com/bookshop/bookshop/adapters/httpbridge"
)

// wireEvent is the event as sent: aws-lambda-go's type would also send an
// empty requestContext.authentication, which API Gateway only sends with
// mutual TLS, and would omit requestContext.authorizer.jwt.scopes, which API
// Gateway sends as null when the route requires no scopes.
type wireEvent struct {
	events.APIGatewayV2HTTPRequest
	RequestContext wireRequestContext `json:"requestContext"`
}

type wireRequestContext struct {
	events.APIGatewayV2HTTPRequestContext
	Authorizer     *wireAuthorizer                                      `json:"authorizer,omitempty"`
	Authentication *events.APIGatewayV2HTTPRequestContextAuthentication `json:"authentication,omitempty"`
}

// wireAuthorizer is requestContext.authorizer of a route with a JWT
// authorizer.
type wireAuthorizer struct {
	JWT *wireJWT `json:"jwt"`
}

type wireJWT struct {
	Claims map[string]string `json:"claims"`
	Scopes []string          `json:"scopes"`
}

// marshalEvent encodes ev as API Gateway sends it.
func marshalEvent(ev events.APIGatewayV2HTTPRequest) ([]byte, error) {
	rc := wireRequestContext{APIGatewayV2HTTPRequestContext: ev.RequestContext}
	if a := ev.RequestContext.Authorizer; a != nil && a.JWT != nil {
		rc.Authorizer = &wireAuthorizer{JWT: &wireJWT{Claims: a.JWT.Claims, Scopes: a.JWT.Scopes}}
	}
	return json.Marshal(wireEvent{APIGatewayV2HTTPRequest: ev, RequestContext: rc})
}

// httpAPIEvent builds the payload format 2.0 event API Gateway sends for r
// on route rt with the path parameters params and the request body body:
// the embedded mode's event (httpbridge.NewEvent) plus what routing adds.
func (s *Server) httpAPIEvent(r *http.Request, rt *route, params map[string]string, body []byte, requestID string) events.APIGatewayV2HTTPRequest {
	ev := httpbridge.NewEvent(r, body, requestID, s.cfg.Now())
	ev.RouteKey = rt.Key()
	ev.PathParameters = params
	ev.RequestContext.RouteKey = ev.RouteKey
	ev.RequestContext.AccountID = s.cfg.AccountID
	ev.RequestContext.APIID = s.cfg.APIID
	return ev
}
