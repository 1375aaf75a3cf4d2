package s3

import (
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"
)

func TestDeleteErrorsReportsFailedKeys(t *testing.T) {
	reported := []types.Error{
		{Key: aws.String("covers/a.jpg"), Code: aws.String("AccessDenied"), Message: aws.String("Access Denied")},
		{Key: aws.String("covers/gone.jpg"), Code: aws.String("NoSuchKey"), Message: aws.String("gone")},
		{Key: aws.String("covers/b.jpg"), Code: aws.String("InternalError"), Message: aws.String("try again")},
	}
	errs := deleteErrors(reported)

	var got []DeleteObjectError
	for _, err := range errs {
		var apiErr smithy.APIError
		var keyErr *DeleteObjectError
		if !errors.As(err, &apiErr) || !errors.As(err, &keyErr) {
			t.Fatalf("%v is not a *DeleteObjectError and smithy.APIError", err)
		}
		got = append(got, *keyErr)
	}
	want := []DeleteObjectError{
		{Key: "covers/a.jpg", Code: "AccessDenied", Message: "Access Denied"},
		{Key: "covers/b.jpg", Code: "InternalError", Message: "try again"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("deleteErrors() mismatch (-want +got):\n%s", diff)
	}
}
