package s3

import (
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/smithy-go"
)

// DeleteObjectError is S3's report that it could not delete one key of a
// DeleteObjects batch. It implements smithy.APIError, so callers inspect S3
// failures the same way whether a whole call or a single key failed.
type DeleteObjectError struct {
	Key     string
	Code    string
	Message string
}

var _ smithy.APIError = (*DeleteObjectError)(nil)

// Error describes the failed key.
func (e *DeleteObjectError) Error() string {
	return fmt.Sprintf("delete object %q: %s: %s", e.Key, e.Code, e.Message)
}

// ErrorCode returns S3's error code, such as "AccessDenied".
func (e *DeleteObjectError) ErrorCode() string { return e.Code }

// ErrorMessage returns S3's explanation.
func (e *DeleteObjectError) ErrorMessage() string { return e.Message }

// ErrorFault reports that S3 does not say whose fault a per-key error is.
func (e *DeleteObjectError) ErrorFault() smithy.ErrorFault { return smithy.FaultUnknown }

// deleteErrors converts the per-key errors of a DeleteObjects response. A
// key that no longer exists is not an error: deleting nothing is fine.
func deleteErrors(reported []types.Error) []error {
	var errs []error
	for _, e := range reported {
		code := aws.ToString(e.Code)
		if code == "NoSuchKey" {
			continue
		}
		errs = append(errs, &DeleteObjectError{Key: aws.ToString(e.Key), Code: code, Message: aws.ToString(e.Message)})
	}
	return errs
}

// explain adds what the bucket's configuration likely lacks to S3 errors
// that stem from it, keeping err in the chain. None of them is the caller's
// fault, so none maps onto a domain error category.
func (s *ObjectStore) explain(err error) error {
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) {
		return err
	}
	switch apiErr.ErrorCode() {
	case "NoSuchBucket":
		return fmt.Errorf("bucket %q does not exist: %w", s.bucket, err)
	case "AccessDenied", "Forbidden": // HeadBucket's 403 has no body, hence no code of its own
		return fmt.Errorf("access to bucket %q denied (check the IAM policy): %w", s.bucket, err)
	default:
		return err
	}
}
