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
	"errors"
	"os"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/guregu/dynamo/v2"
	"github.com/testcontainers/testcontainers-go"
	tcdynamodb "github.com/testcontainers/testcontainers-go/modules/dynamodb"

	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/adapters/internal/containertest"
)

// Settings read from the environment.
const (
	// ImageEnv names the variable that overrides the DynamoDB Local image.
	ImageEnv = "BOOKSHOP_DYNAMODB_LOCAL_IMAGE"
	// SkipEnv names the variable that, set to "1", skips container tests.
	SkipEnv = containertest.SkipEnv
	// DefaultImage is the official DynamoDB Local image, the same default as
	// deploy/local/provision.sh. Where no registry answers, provision.sh
	// builds a local stand-in and exports ImageEnv pointing at it.
	DefaultImage = "amazon/dynamodb-local:3.3.1"
	// Region is the region the client signs for.
	Region = "us-east-1"
)

const tableTimeout = 30 * time.Second

// Server is the running DynamoDB Local of this test binary.
type Server struct {
	// Endpoint is the API's base URL, e.g. "http://127.0.0.1:32768".
	Endpoint dynamodb.Endpoint
	// Config signs with static dummy credentials in Region.
	Config aws.Config
	// DB talks to Endpoint.
	DB *dynamo.DB
}

var shared = &containertest.Shared[*Server]{
	Name: "DynamoDB Local", ImageEnv: ImageEnv, DefaultImage: DefaultImage, Start: start,
}

// Main runs the tests of m and then removes the DynamoDB Local container, if
// a test started one. Call it from TestMain; it calls os.Exit.
func Main(m *testing.M) { os.Exit(Wrap(m.Run)()) }

// Wrap returns a function that runs tests (usually m.Run) and then removes
// the DynamoDB Local container, if a test started one. It lets a TestMain
// combine several container helpers:
//
//	os.Exit(dynamotest.Wrap(s3test.Wrap(m.Run))())
func Wrap(tests func() int) func() int { return shared.Wrap(tests) }

// Start returns the DynamoDB Local of this test binary, starting it on first
// use. It skips tb when SkipEnv is "1" and fails it when DynamoDB Local
// cannot start.
func Start(tb testing.TB) *Server {
	tb.Helper()
	return shared.Get(tb)
}

// NewTable creates a table with the layout of dynamodb.TableSpec that no
// other test uses, and returns its name. The table is removed when tb ends.
func NewTable(tb testing.TB, db *dynamo.DB) dynamodb.TableName {
	tb.Helper()
	name := dynamodb.TableName(containertest.UniqueName())
	ctx, cancel := context.WithTimeout(context.Background(), tableTimeout)
	defer cancel()
	if err := dynamodb.CreateTable(ctx, db, name); err != nil {
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

// start runs DynamoDB Local in memory. -sharedDb gives every client one
// database whatever its credentials and region. The module's WithSharedDB
// is not used: it also reuses a container by a fixed name, so test binaries
// running in parallel would share one container and the first to finish
// would remove it under the others.
func start(ctx context.Context, image string) (*Server, testcontainers.Container, error) {
	ctr, err := tcdynamodb.Run(ctx, image,
		testcontainers.WithCmdArgs("-inMemory", "-sharedDb"),
		tcdynamodb.WithDisableTelemetry(),
		testcontainers.WithEnv(map[string]string{"DDB_LOCAL_TELEMETRY": "0"}),
	)
	if ctr == nil {
		return nil, nil, err
	}
	if err != nil {
		return nil, ctr, err
	}
	endpoint, err := containertest.Endpoint(ctx, ctr, "8000/tcp")
	if err != nil {
		return nil, ctr, err
	}
	cfg := aws.Config{
		Region:      Region,
		Credentials: credentials.NewStaticCredentialsProvider("dummy", "dummy", ""),
	}
	db, err := dynamodb.NewDB(cfg, dynamodb.Endpoint(endpoint))
	if err != nil {
		return nil, ctr, err
	}
	return &Server{Endpoint: dynamodb.Endpoint(endpoint), Config: cfg, DB: db}, ctr, nil
}
