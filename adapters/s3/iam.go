package s3

// IAMActions maps each method of app.ObjectStore ("ObjectStore.Method") to
// the IAM actions its S3 calls need. A presigned URL is signed with the
// function's credentials, so presigning needs the action the browser's
// request performs. The deploy package's least-privilege test gives each
// function in deploy/template.yaml exactly the actions of the methods its use
// cases call.
var IAMActions = map[string][]string{
	"ObjectStore.PresignPut": {"s3:PutObject"},
	"ObjectStore.PresignGet": {"s3:GetObject"},
	// ListObjectsV2 (s3:ListBucket on the bucket), then DeleteObjects
	// (s3:DeleteObject per key).
	"ObjectStore.DeletePrefix": {"s3:ListBucket", "s3:DeleteObject"},
	"ObjectStore.GetObject":    {"s3:GetObject"},
	"ObjectStore.PutObject":    {"s3:PutObject"},
	// HeadBucket, authorized as s3:ListBucket on the bucket.
	"ObjectStore.CheckAvailable": {"s3:ListBucket"},
}
