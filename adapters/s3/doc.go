// Package s3 implements the app's ObjectStore port on Amazon S3, or on
// any S3-compatible server such as MinIO, with aws-sdk-go-v2.
//
// Browsers upload and download cover images directly through presigned
// requests; the store only signs them and removes objects. Uploads are bound
// to one content type and one exact length, both part of the signature, so
// the server refuses anything else.
//
// The package never loads configuration nor reads the environment: callers
// pass an aws.Config (or ready-made clients), an Options and a BucketName.
package s3
