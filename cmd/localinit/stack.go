package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awss3 "github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/guregu/dynamo/v2"

	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/adapters/s3"
	"github.com/bookshop/bookshop/adapters/webui"
	"github.com/bookshop/bookshop/app"
)

// coversPrefix is where the API puts uploaded covers (keys covers/<id>/…);
// the thumbnailer reacts to objects created under it.
const coversPrefix = "covers/"

// stack initializes and seeds the local stack.
type stack struct {
	cfg  config
	db   *dynamo.DB
	s3   *awss3.Client
	http *http.Client
	idp  app.IdentityProvider
	log  *slog.Logger
	// token is the administrator's access token once signIn succeeded.
	token string
}

// run performs every step of the package comment, each bounded by
// cfg.Timeout.
func (s *stack) run(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.Timeout)
	defer cancel()
	start := time.Now()
	steps := []struct {
		name string
		fn   func(context.Context) error
	}{
		{"table", func(ctx context.Context) error { return dynamodb.CreateTable(ctx, s.db, s.cfg.Table) }},
		// On AWS only CloudFront reads these (Origin Access Control); the
		// gateway, standing in for it, reads them anonymously.
		{"covers bucket", func(ctx context.Context) error {
			return s.createReadableBucket(ctx, s.cfg.CoversBucket, "covers/", "thumbnails/")
		}},
		{"web bucket", func(ctx context.Context) error { return s.createReadableBucket(ctx, s.cfg.WebBucket, "") }},
		{"web app", s.uploadWebApp},
		{"cover notifications", s.subscribeCoverUploads},
	}
	for _, step := range steps {
		if err := retry(ctx, step.fn); err != nil {
			return fmt.Errorf("%s: %w", step.name, err)
		}
		s.log.Info("ready", "step", step.name, "elapsed", time.Since(start).String())
	}
	if s.cfg.APIURL == "" {
		s.log.Info("no BOOKSHOP_API_URL: not seeding")
		return nil
	}
	if err := retry(ctx, func(ctx context.Context) error { return probeHealth(ctx, s.http, s.cfg.APIURL) }); err != nil {
		return fmt.Errorf("gateway: %w", err)
	}
	if err := retry(ctx, s.ensureAdmin); err != nil {
		return fmt.Errorf("admin user: %w", err)
	}
	// The auth function may still be starting behind the gateway.
	if err := retry(ctx, s.signIn); err != nil {
		return fmt.Errorf("admin sign-in: %w", err)
	}
	s.log.Info("ready", "step", "admin signed in", "email", s.cfg.AdminEmail, "elapsed", time.Since(start).String())
	n, err := s.seed(ctx)
	if err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	s.log.Info("seeded", "books", n, "elapsed", time.Since(start).String())
	return nil
}

// createReadableBucket creates bucket (unless name is empty) and lets anyone
// read the objects under the given key prefixes ("" for all of them).
func (s *stack) createReadableBucket(ctx context.Context, bucket s3.BucketName, prefixes ...string) error {
	if bucket == "" {
		return nil
	}
	if err := s3.CreateBucket(ctx, s.s3, bucket); err != nil {
		return err
	}
	resources := make([]string, len(prefixes))
	for i, p := range prefixes {
		resources[i] = fmt.Sprintf("arn:aws:s3:::%s/%s*", bucket, p)
	}
	policy, err := json.Marshal(map[string]any{
		"Version": "2012-10-17",
		"Statement": []map[string]any{{
			"Effect":    "Allow",
			"Principal": map[string]any{"AWS": []string{"*"}},
			"Action":    []string{"s3:GetObject"},
			"Resource":  resources,
		}},
	})
	if err != nil {
		return err
	}
	_, err = s.s3.PutBucketPolicy(ctx, &awss3.PutBucketPolicyInput{Bucket: aws.String(string(bucket)), Policy: aws.String(string(policy))})
	return err
}

// uploadWebApp puts the storefront (webui.Files) into the web bucket with
// each file's content type and cache policy, as deploy/deploy.sh does on AWS;
// index.html goes last, so it never names assets that are not there yet.
// Files are overwritten on every run: the bucket always holds this build.
func (s *stack) uploadWebApp(ctx context.Context) error {
	if s.cfg.WebBucket == "" {
		return nil
	}
	files := webui.Files()
	if i := slices.IndexFunc(files, func(f webui.File) bool { return f.Path == "index.html" }); i >= 0 {
		index := files[i]
		files = append(slices.Delete(files, i, i+1), index)
	}
	for _, f := range files {
		_, err := s.s3.PutObject(ctx, &awss3.PutObjectInput{
			Bucket: aws.String(string(s.cfg.WebBucket)), Key: aws.String(f.Path), Body: bytes.NewReader(f.Body),
			ContentType: aws.String(f.ContentType), CacheControl: aws.String(f.CacheControl),
		})
		if err != nil {
			return fmt.Errorf("put %s: %w", f.Path, err)
		}
	}
	s.log.Info("web app uploaded", "bucket", s.cfg.WebBucket, "files", len(files))
	return nil
}

// subscribeCoverUploads sends the covers bucket's ObjectCreated events under
// covers/ to the webhook target (the gateway), as the template's S3 event
// does for the thumbnailer on AWS.
func (s *stack) subscribeCoverUploads(ctx context.Context) error {
	if s.cfg.NotifyARN == "" {
		return nil
	}
	_, err := s.s3.PutBucketNotificationConfiguration(ctx, &awss3.PutBucketNotificationConfigurationInput{
		Bucket: aws.String(string(s.cfg.CoversBucket)),
		NotificationConfiguration: &types.NotificationConfiguration{
			QueueConfigurations: []types.QueueConfiguration{{
				Id:       aws.String("thumbnailer"),
				QueueArn: aws.String(s.cfg.NotifyARN),
				Events:   []types.Event{"s3:ObjectCreated:*"},
				Filter: &types.NotificationConfigurationFilter{Key: &types.S3KeyFilter{
					FilterRules: []types.FilterRule{{Name: types.FilterRuleNamePrefix, Value: aws.String(coversPrefix)}},
				}},
			}},
		},
	})
	return err
}

// probeHealth succeeds when GET <api>/_local/health answers 200.
func probeHealth(ctx context.Context, client *http.Client, api string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, api+"/_local/health", nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", req.URL, resp.Status)
	}
	return nil
}

// retry calls fn until it succeeds or ctx ends, waiting a little longer
// after each failure (services may still be starting). It returns the last
// error.
func retry(ctx context.Context, fn func(context.Context) error) error {
	wait := 100 * time.Millisecond
	for {
		err := fn(ctx)
		if err == nil {
			return nil
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return errors.Join(err, ctx.Err())
		case <-t.C:
		}
		wait = min(2*wait, 2*time.Second)
	}
}
