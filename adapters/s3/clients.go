package s3

import (
	"errors"
	"fmt"
	"net/url"

	"github.com/aws/aws-sdk-go-v2/aws"
	awss3 "github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/bookshop/bookshop/adapters/internal/awsfault"
)

// Options say how to reach the S3 API. The zero value talks to AWS through
// the endpoint the aws.Config resolves to.
type Options struct {
	// Endpoint is the base URL of the S3 API used for server-side calls, for
	// example "http://minio:9000" inside a Compose network. Empty means the
	// AWS endpoint of the config's region.
	Endpoint string
	// PublicEndpoint is the base URL browsers use to reach the same server,
	// for example "http://localhost:9000". Presigned requests are signed for
	// this host, because the host is part of the signature. Empty means
	// Endpoint.
	PublicEndpoint string
	// UsePathStyle addresses buckets as http://host/bucket/key instead of
	// http://bucket.host/key. MinIO and most local servers need it.
	UsePathStyle bool
}

// NewClient returns the client for server-side calls (listing, deleting,
// creating buckets) described by cfg and o. cfg must name a region and hold
// credentials.
func NewClient(cfg aws.Config, o Options) (*awss3.Client, error) {
	if err := checkConfig(cfg, o); err != nil {
		return nil, err
	}
	return newClient(cfg, o.Endpoint, o.UsePathStyle), nil
}

// NewPresignClient returns the client that signs requests for browsers. It
// signs for o.PublicEndpoint when that is set, otherwise for o.Endpoint.
// Signing needs no network access.
func NewPresignClient(cfg aws.Config, o Options) (*awss3.PresignClient, error) {
	if err := checkConfig(cfg, o); err != nil {
		return nil, err
	}
	endpoint := o.Endpoint
	if o.PublicEndpoint != "" {
		endpoint = o.PublicEndpoint
	}
	return awss3.NewPresignClient(newClient(cfg, endpoint, o.UsePathStyle)), nil
}

// newClient builds a client that computes and validates flexible checksums
// only where an operation requires them. The SDK default (when supported)
// adds checksum parameters that plain HTTP clients such as browsers cannot
// satisfy and that some S3-compatible servers reject.
func newClient(cfg aws.Config, endpoint string, pathStyle bool) *awss3.Client {
	return awss3.NewFromConfig(cfg, func(o *awss3.Options) {
		o.APIOptions = append(o.APIOptions, awsfault.Middleware("S3"))
		if endpoint != "" {
			o.BaseEndpoint = aws.String(endpoint)
		}
		o.UsePathStyle = pathStyle
		o.RequestChecksumCalculation = aws.RequestChecksumCalculationWhenRequired
		o.ResponseChecksumValidation = aws.ResponseChecksumValidationWhenRequired
	})
}

func checkConfig(cfg aws.Config, o Options) error {
	var errs []error
	if cfg.Region == "" {
		errs = append(errs, errors.New("aws config has no region"))
	}
	if cfg.Credentials == nil {
		errs = append(errs, errors.New("aws config has no credentials"))
	}
	if err := checkEndpoint(o.Endpoint); err != nil {
		errs = append(errs, fmt.Errorf("endpoint: %w", err))
	}
	if err := checkEndpoint(o.PublicEndpoint); err != nil {
		errs = append(errs, fmt.Errorf("public endpoint: %w", err))
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("s3: %w", err)
	}
	return nil
}

// checkEndpoint accepts "" or an absolute http(s) URL without query or
// fragment.
func checkEndpoint(endpoint string) error {
	if endpoint == "" {
		return nil
	}
	u, err := url.Parse(endpoint)
	if err != nil {
		return err
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("%q is not an absolute http(s) URL without query", endpoint)
	}
	return nil
}
