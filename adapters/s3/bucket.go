package s3

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	awss3 "github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/smithy-go"

	"github.com/bookshop/bookshop/domain"
)

// CreateBucket creates bucket in the client's region, for tests and the
// local stack (deployed stacks create their bucket with the infrastructure).
// A bucket the caller already owns is not an error. A name taken by another
// account wraps domain.ErrConflict.
func CreateBucket(ctx context.Context, client *awss3.Client, bucket BucketName) error {
	if client == nil {
		return errors.New("create bucket: nil S3 client")
	}
	if err := checkBucketName(bucket); err != nil {
		return fmt.Errorf("create bucket: %w: %w", err, domain.ErrInvalid)
	}
	in := &awss3.CreateBucketInput{Bucket: aws.String(string(bucket))}
	// us-east-1 is the default location and must not be named.
	if region := client.Options().Region; region != "" && region != "us-east-1" {
		in.CreateBucketConfiguration = &types.CreateBucketConfiguration{
			LocationConstraint: types.BucketLocationConstraint(region),
		}
	}
	_, err := client.CreateBucket(ctx, in)
	var apiErr smithy.APIError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &apiErr) && apiErr.ErrorCode() == "BucketAlreadyOwnedByYou":
		return nil
	case errors.As(err, &apiErr) && apiErr.ErrorCode() == "BucketAlreadyExists":
		return fmt.Errorf("create bucket %q: owned by another account: %w: %w", bucket, domain.ErrConflict, err)
	default:
		return fmt.Errorf("create bucket %q: %w", bucket, err)
	}
}
