package dynamodb

import (
	"errors"
	"fmt"
	"net/url"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsdynamodb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/guregu/dynamo/v2"

	"github.com/bookshop/bookshop/adapters/internal/awsfault"
)

// Endpoint is the base URL of the DynamoDB API, for example
// "http://127.0.0.1:8000" for DynamoDB Local. Empty means the AWS endpoint of
// the config's region.
type Endpoint string

// NewDB returns a DynamoDB client for cfg that sends its requests to
// endpoint (see Endpoint). cfg must name a region and hold credentials; for
// DynamoDB Local any static credentials do. Nothing is sent to DynamoDB.
func NewDB(cfg aws.Config, endpoint Endpoint) (*dynamo.DB, error) {
	var errs []error
	if cfg.Region == "" {
		errs = append(errs, errors.New("aws config has no region"))
	}
	if cfg.Credentials == nil {
		errs = append(errs, errors.New("aws config has no credentials"))
	}
	if err := endpoint.validate(); err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("dynamodb: %w", err)
	}
	return dynamo.New(cfg, func(o *awsdynamodb.Options) {
		o.APIOptions = append(o.APIOptions, awsfault.Middleware("DynamoDB"))
		if endpoint != "" {
			o.BaseEndpoint = aws.String(string(endpoint))
		}
	}), nil
}

// validate accepts "" or an absolute http(s) URL without query or fragment.
func (e Endpoint) validate() error {
	if e == "" {
		return nil
	}
	u, err := url.Parse(string(e))
	if err != nil {
		return fmt.Errorf("endpoint: %w", err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("endpoint %q is not an absolute http(s) URL without query", string(e))
	}
	return nil
}
