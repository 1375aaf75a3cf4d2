package main

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"time"

	"github.com/bookshop/bookshop/adapters/cognito"
	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/adapters/s3"
)

func dynamoEndpoint(cfg config) dynamodb.Endpoint { return cfg.DynamoEndpoint }
func s3Options(cfg config) s3.Options             { return cfg.S3 }
func cognitoEndpoint(cfg config) cognito.Endpoint { return cfg.CognitoEndpoint }
func userPoolID(cfg config) cognito.UserPoolID    { return cfg.UserPoolID }
func clientID(cfg config) cognito.ClientID        { return cfg.ClientID }

// newHTTPClient returns the client for the gateway and for presigned URLs.
// Presigned URLs name the S3 host browsers use (BOOKSHOP_S3_PUBLIC_ENDPOINT,
// the host's published MinIO port), which does not exist inside the compose
// network; the client connects to BOOKSHOP_S3_ENDPOINT instead and keeps
// the URL, and so the signed Host header, unchanged.
func newHTTPClient(cfg config) *http.Client {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	public, internal := hostPort(cfg.S3.PublicEndpoint), hostPort(cfg.S3.Endpoint)
	if public != "" && internal != "" && public != internal {
		var d net.Dialer
		transport.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
			if addr == public {
				addr = internal
			}
			return d.DialContext(ctx, network, addr)
		}
	}
	return &http.Client{Transport: transport, Timeout: 30 * time.Second}
}

// hostPort returns the host:port an http(s) URL connects to ("" when raw is
// not such a URL).
func hostPort(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	if u.Port() != "" {
		return u.Host
	}
	if u.Scheme == "https" {
		return net.JoinHostPort(u.Hostname(), "443")
	}
	return net.JoinHostPort(u.Hostname(), "80")
}
