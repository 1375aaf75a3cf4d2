package emulator

import (
	"cmp"
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"net/url"
	"path"
	"strings"

	"github.com/aws/aws-lambda-go/events"
)

// minioNotification is the body of a MinIO webhook notification; Records
// have the AWS S3 event record shape.
type minioNotification struct {
	EventName string                 `json:"EventName"`
	Key       string                 `json:"Key"`
	Records   []events.S3EventRecord `json:"Records"`
}

// maxNotificationBytes bounds a webhook body.
const maxNotificationBytes = 1 << 20

// serveS3Events turns a MinIO notification into one S3 event per record and
// invokes, asynchronously, every function whose S3 trigger matches the
// record's bucket, event name and key. It answers 202 at once.
func (s *Server) serveS3Events(w http.ResponseWriter, r *http.Request, entry *accessEntry) {
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxNotificationBytes))
	if err != nil {
		writeMessage(w, http.StatusRequestEntityTooLarge)
		return
	}
	var n minioNotification
	if err := json.Unmarshal(data, &n); err != nil {
		entry.err = "malformed notification: " + err.Error()
		writeMessage(w, http.StatusBadRequest)
		return
	}
	var invoked []string
	for _, rec := range n.Records {
		rec = s.awsRecord(rec)
		for _, function := range s.s3Targets(rec) {
			payload, err := marshalS3Event(rec)
			if err != nil {
				entry.err = err.Error()
				writeMessage(w, http.StatusInternalServerError)
				return
			}
			s.invokeAsync(function, payload, entry.requestID)
			invoked = append(invoked, function)
		}
	}
	entry.function = strings.Join(invoked, ",")
	w.WriteHeader(http.StatusAccepted)
}

// awsRecord rewrites what MinIO sets differently from S3: the event source,
// the "s3:" prefix of event names, an empty region and bucket ARN.
func (s *Server) awsRecord(rec events.S3EventRecord) events.S3EventRecord {
	rec.EventSource = "aws:s3"
	rec.EventName = strings.TrimPrefix(rec.EventName, "s3:")
	rec.AWSRegion = cmp.Or(rec.AWSRegion, s.cfg.Region)
	rec.S3.Bucket.Arn = cmp.Or(rec.S3.Bucket.Arn, "arn:aws:s3:::"+rec.S3.Bucket.Name)
	rec.EventVersion = cmp.Or(rec.EventVersion, "2.1")
	return rec
}

// s3Targets returns the functions whose S3 triggers match rec.
func (s *Server) s3Targets(rec events.S3EventRecord) []string {
	bucketID, ok := s.bucketIDs[rec.S3.Bucket.Name]
	if !ok {
		return nil
	}
	key, err := url.QueryUnescape(rec.S3.Object.Key) // keys are URL-encoded in events
	if err != nil {
		key = rec.S3.Object.Key
	}
	var out []string
	for _, tr := range s.cfg.Template.S3Triggers {
		if tr.Bucket != bucketID || !strings.HasPrefix(key, tr.Prefix) || !strings.HasSuffix(key, tr.Suffix) {
			continue
		}
		for _, pattern := range tr.Events {
			if matched, _ := path.Match(pattern, "s3:"+rec.EventName); matched {
				out = append(out, tr.Function)
				break
			}
		}
	}
	return out
}

// marshalS3Event encodes an S3 event of one record as S3 sends it, without
// what aws-lambda-go's type or MinIO add: the computed urlDecodedKey, an
// empty versionId (unversioned buckets), x-minio-* response elements.
func marshalS3Event(rec events.S3EventRecord) ([]byte, error) {
	raw, err := json.Marshal(rec)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, err
	}
	if s3, ok := m["s3"].(map[string]any); ok {
		if obj, ok := s3["object"].(map[string]any); ok {
			delete(obj, "urlDecodedKey")
			if obj["versionId"] == "" {
				delete(obj, "versionId")
			}
		}
	}
	if re, ok := m["responseElements"].(map[string]any); ok {
		maps.DeleteFunc(re, func(k string, _ any) bool { return strings.HasPrefix(k, "x-minio-") })
	}
	return json.Marshal(map[string]any{"Records": []any{m}})
}
