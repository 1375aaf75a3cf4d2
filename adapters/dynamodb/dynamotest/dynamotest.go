// Package dynamotest runs DynamoDB Local for tests that need DynamoDB: one
// container per test binary, and a fresh table per test.
//
// A package that uses it calls Main from its TestMain, which removes the
// container after the tests ran (Ryuk, the testcontainers reaper, is off on
// machines without a registry, so nothing else would):
//
//	func TestMain(m *testing.M) { dynamotest.Main(m) }
//
// Environment:
//   - BOOKSHOP_DYNAMODB_LOCAL_IMAGE: the DynamoDB Local image (default
//     DefaultImage).
//   - BOOKSHOP_SKIP_CONTAINER_TESTS=1: skip the tests that need DynamoDB
//     Local. Otherwise a missing Docker fails them: `make test` provisions
//     Docker and the images.
package dynamotest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/guregu/dynamo/v2"
	"github.com/testcontainers/testcontainers-go"
	"github.com/testcontainers/testcontainers-go/modules/dynamodb"

	dynamostore "github.com/bookshop/bookshop/adapters/dynamodb"
)

// Settings read from the environment.
const (
	// ImageEnv names the variable that overrides the DynamoDB Local image.
	ImageEnv = "BOOKSHOP_DYNAMODB_LOCAL_IMAGE"
	// SkipEnv names the variable that, set to "1", skips container tests.
	SkipEnv = "BOOKSHOP_SKIP_CONTAINER_TESTS"
	// DefaultImage is the official DynamoDB Local image, the same default as
	// deploy/local/provision.sh. Where no registry answers, provision.sh
	// builds a local stand-in and exports ImageEnv pointing at it.
	DefaultImage = "amazon/dynamodb-local:3.3.1"
	// Region is the region the client signs for.
	Region = "us-east-1"
)

const (
	startTimeout = 2 * time.Minute
	tableTimeout = 30 * time.Second
	// containerPort is where DynamoDB Local listens inside the container.
	containerPort = "8000/tcp"
)

// Server is the running DynamoDB Local of this test binary.
type Server struct {
	// Endpoint is the API's base URL, e.g. "http://127.0.0.1:32768".
	Endpoint dynamostore.Endpoint
	// Config signs with static dummy credentials in Region.
	Config aws.Config
	// DB talks to Endpoint.
	DB *dynamo.DB
}

// shared is the state of the one container of this test binary.
var shared struct {
	mainCalled atomic.Bool
	once       sync.Once
	container  *dynamodb.DynamoDBContainer
	server     *Server
	err        error
}

// Main runs the tests of m and then removes the DynamoDB Local container, if
// a test started one. Call it from TestMain; it calls os.Exit.
func Main(m *testing.M) {
	os.Exit(Wrap(m.Run)())
}

// Wrap returns a function that runs tests (usually m.Run) and then removes
// the DynamoDB Local container, if a test started one. It lets a TestMain combine
// several container helpers:
//
//	os.Exit(dynamotest.Wrap(s3test.Wrap(m.Run))())
func Wrap(tests func() int) func() int {
	return func() int { return run(tests) }
}

func run(tests func() int) int {
	shared.mainCalled.Store(true)
	code := tests()
	if shared.container == nil {
		return code
	}
	if err := testcontainers.TerminateContainer(shared.container); err != nil {
		fmt.Fprintf(os.Stderr, "dynamotest: remove DynamoDB Local container: %v\n", err)
		if code == 0 {
			code = 1
		}
	}
	return code
}

// Start returns the DynamoDB Local of this test binary, starting it on first
// use. It skips tb when SkipEnv is "1" and fails it when DynamoDB Local
// cannot start.
func Start(tb testing.TB) *Server {
	tb.Helper()
	if os.Getenv(SkipEnv) == "1" {
		tb.Skipf("container tests disabled by %s=1", SkipEnv)
	}
	if !shared.mainCalled.Load() {
		tb.Fatal("dynamotest: call dynamotest.Main(m) from TestMain so the DynamoDB Local container is removed after the tests")
	}
	shared.once.Do(func() { shared.server, shared.err = start() })
	if shared.err != nil {
		tb.Fatalf("dynamotest: %v\n"+
			"These tests need a Docker engine and the DynamoDB Local image (%s=%q). "+
			"`make test` provisions both; set %s=1 to skip container tests.",
			shared.err, ImageEnv, image(), SkipEnv)
	}
	return shared.server
}

// NewTable creates a table with the layout of dynamostore.TableSpec that no
// other test uses, and returns its name. The table is removed when tb ends.
func NewTable(tb testing.TB, db *dynamo.DB) dynamostore.TableName {
	tb.Helper()
	name := uniqueTableName()
	ctx, cancel := context.WithTimeout(context.Background(), tableTimeout)
	defer cancel()
	if err := dynamostore.CreateTable(ctx, db, name); err != nil {
		tb.Fatalf("dynamotest: %v", err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), tableTimeout)
		defer cancel()
		err := db.Table(string(name)).DeleteTable().Run(ctx)
		var gone *types.ResourceNotFoundException
		if err != nil && !errors.As(err, &gone) {
			tb.Errorf("dynamotest: delete table %s: %v", name, err)
		}
	})
	return name
}

func image() string {
	if img := os.Getenv(ImageEnv); img != "" {
		return img
	}
	return DefaultImage
}

// start runs DynamoDB Local in memory. -sharedDb gives every client one
// database whatever its credentials and region. The module's WithSharedDB
// is not used: it also reuses a container by a fixed name, so test binaries
// running in parallel would share one container and the first to finish
// would remove it under the others.
//
// The testcontainers Docker discovery panics when it finds no Docker host;
// that becomes an error like any other start failure.
func start() (srv *Server, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("start DynamoDB Local: no Docker host: %v", r)
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
	defer cancel()
	ctr, err := dynamodb.Run(ctx, image(),
		testcontainers.WithCmdArgs("-inMemory", "-sharedDb"),
		dynamodb.WithDisableTelemetry(),
		testcontainers.WithEnv(map[string]string{"DDB_LOCAL_TELEMETRY": "0"}),
	)
	shared.container = ctr // also on failure: a created container must be removed
	if err != nil {
		return nil, fmt.Errorf("start DynamoDB Local: %w", err)
	}
	endpoint, err := endpointOf(ctx, ctr)
	if err != nil {
		return nil, err
	}
	cfg := aws.Config{
		Region:      Region,
		Credentials: credentials.NewStaticCredentialsProvider("dummy", "dummy", ""),
	}
	db, err := dynamostore.NewDB(cfg, endpoint)
	if err != nil {
		return nil, err
	}
	return &Server{Endpoint: endpoint, Config: cfg, DB: db}, nil
}

// endpointOf returns the base URL of DynamoDB Local's published port. Tests
// talk to 127.0.0.1 rather than "localhost", which may resolve to ::1 first.
func endpointOf(ctx context.Context, ctr *dynamodb.DynamoDBContainer) (dynamostore.Endpoint, error) {
	host, err := ctr.Host(ctx)
	if err != nil {
		return "", fmt.Errorf("DynamoDB Local host: %w", err)
	}
	if host == "localhost" {
		host = "127.0.0.1"
	}
	port, err := ctr.MappedPort(ctx, containerPort)
	if err != nil {
		return "", fmt.Errorf("DynamoDB Local port: %w", err)
	}
	return dynamostore.Endpoint("http://" + net.JoinHostPort(host, port.Port())), nil
}

var tableSeq atomic.Int64

// uniqueTableName is unique within the binary (sequence) and across binaries
// sharing a server (random part).
func uniqueTableName() dynamostore.TableName {
	var b [4]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return dynamostore.TableName(fmt.Sprintf("test-%d-%s", tableSeq.Add(1), hex.EncodeToString(b[:])))
}
