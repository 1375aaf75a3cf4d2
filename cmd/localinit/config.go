package main

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/bookshop/bookshop/adapters/cognito"
	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/adapters/s3"
	"github.com/bookshop/bookshop/cmd/internal/lambdaenv"
)

// config is what localinit reads from the environment (see the package
// comment). Every problem is reported at once.
type config struct {
	lambdaenv.AWS
	Table          dynamodb.TableName
	DynamoEndpoint dynamodb.Endpoint
	CoversBucket   s3.BucketName
	WebBucket      s3.BucketName
	S3             s3.Options
	NotifyARN      string
	APIURL         string
	// Cognito: the user pool and app client the stack uses, and where
	// cognito-local answers.
	CognitoEndpoint cognito.Endpoint
	UserPoolID      cognito.UserPoolID
	ClientID        cognito.ClientID
	// The local administrator, created in the pool and used for seeding.
	AdminEmail    string
	AdminPassword string
	Timeout       time.Duration
	lambdaenv.Logging
}

func configFromEnv(getenv func(string) string) (config, error) {
	var errs []error
	required := func(name string) string {
		v := strings.TrimSpace(getenv(name))
		if v == "" {
			errs = append(errs, fmt.Errorf("%s is required", name))
		}
		return v
	}
	cfg := config{
		AWS:            lambdaenv.AWS{Region: required("AWS_REGION")},
		Table:          dynamodb.TableName(required("BOOKSHOP_TABLE")),
		DynamoEndpoint: dynamodb.Endpoint(required("BOOKSHOP_DYNAMODB_ENDPOINT")),
		CoversBucket:   s3.BucketName(required("BOOKSHOP_BUCKET")),
		WebBucket:      s3.BucketName(strings.TrimSpace(getenv("BOOKSHOP_WEB_BUCKET"))),
		S3: s3.Options{
			Endpoint:       required("BOOKSHOP_S3_ENDPOINT"),
			PublicEndpoint: strings.TrimSpace(getenv("BOOKSHOP_S3_PUBLIC_ENDPOINT")),
		},
		NotifyARN:       strings.TrimSpace(getenv("BOOKSHOP_NOTIFY_ARN")),
		APIURL:          strings.TrimRight(strings.TrimSpace(getenv("BOOKSHOP_API_URL")), "/"),
		CognitoEndpoint: cognito.Endpoint(required("BOOKSHOP_COGNITO_ENDPOINT")),
		UserPoolID:      cognito.UserPoolID(required("BOOKSHOP_USER_POOL_ID")),
		ClientID:        cognito.ClientID(required("BOOKSHOP_USER_POOL_CLIENT_ID")),
		AdminEmail:      required("BOOKSHOP_ADMIN_EMAIL"),
		AdminPassword:   required("BOOKSHOP_ADMIN_PASSWORD"),
		Timeout:         60 * time.Second,
	}
	if v := getenv("BOOKSHOP_S3_PATH_STYLE"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			errs = append(errs, fmt.Errorf("BOOKSHOP_S3_PATH_STYLE %q is not a boolean", v))
		}
		cfg.S3.UsePathStyle = b
	}
	for name, v := range map[string]string{
		"BOOKSHOP_API_URL": cfg.APIURL, "BOOKSHOP_S3_PUBLIC_ENDPOINT": cfg.S3.PublicEndpoint,
		"BOOKSHOP_COGNITO_ENDPOINT": string(cfg.CognitoEndpoint),
	} {
		if v == "" {
			continue
		}
		if u, err := url.Parse(v); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			errs = append(errs, fmt.Errorf("%s %q is not an http(s) URL", name, v))
		}
	}
	if v := getenv("BOOKSHOP_INIT_TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			errs = append(errs, fmt.Errorf("BOOKSHOP_INIT_TIMEOUT %q is not a positive duration", v))
		}
		cfg.Timeout = d
	}
	if v := getenv("LOG_LEVEL"); v != "" {
		if err := cfg.LogLevel.UnmarshalText([]byte(v)); err != nil {
			errs = append(errs, fmt.Errorf("LOG_LEVEL %q: %w", v, err))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return config{}, fmt.Errorf("configuration: %w", err)
	}
	return cfg, nil
}
