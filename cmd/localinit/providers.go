package main

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"

	"github.com/bookshop/bookshop/adapters/cognito"
	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/adapters/s3"
)

// newAWSConfig loads credentials from the environment for the configured
// region.
func newAWSConfig(ctx context.Context, cfg config) (aws.Config, error) {
	return awsconfig.LoadDefaultConfig(ctx, awsconfig.WithRegion(cfg.Region))
}

func dynamoEndpoint(cfg config) dynamodb.Endpoint { return cfg.DynamoEndpoint }
func s3Options(cfg config) s3.Options             { return cfg.S3 }
func cognitoEndpoint(cfg config) cognito.Endpoint { return cfg.CognitoEndpoint }
func userPoolID(cfg config) cognito.UserPoolID    { return cfg.UserPoolID }
func clientID(cfg config) cognito.ClientID        { return cfg.ClientID }

// newLogger writes JSON lines to stderr (docker compose logs localinit).
func newLogger(cfg config) *slog.Logger {
	return slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: cfg.LogLevel}))
}

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
