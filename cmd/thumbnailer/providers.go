package main

import (
	"github.com/bookshop/bookshop/adapters/s3event"
)

func eventBucket(cfg config) s3event.Bucket { return s3event.Bucket(cfg.Bucket) }
