// Package cognitotest runs cognito-local, a Cognito user pools emulator, for
// tests that need Cognito: one container per test binary and a fresh user
// pool (with an app client and the admin group) per test.
//
// A package that uses it calls Main (or Wrap) from its TestMain, which removes
// the container after the tests ran:
//
//	func TestMain(m *testing.M) { cognitotest.Main(m) }
//
// Environment:
//   - BOOKSHOP_COGNITO_LOCAL_IMAGE: the cognito-local image (default
//     DefaultImage). Where no registry answers, deploy/local/provision.sh
//     builds a stand-in and exports the variable pointing at it.
//   - BOOKSHOP_SKIP_CONTAINER_TESTS=1: skip the tests that need it.
package cognitotest

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
	"github.com/testcontainers/testcontainers-go"
	"github.com/testcontainers/testcontainers-go/wait"

	"github.com/bookshop/bookshop/adapters/cognito"
	"github.com/bookshop/bookshop/adapters/internal/containertest"
	"github.com/bookshop/bookshop/app"
)

// Settings.
const (
	// ImageEnv names the variable that overrides the cognito-local image.
	ImageEnv = "BOOKSHOP_COGNITO_LOCAL_IMAGE"
	// DefaultImage is the official cognito-local image, the same default as
	// deploy/local/provision.sh.
	DefaultImage = "jagregory/cognito-local:3.23.2"
	// Region is the region the client signs for.
	Region = "us-east-1"
	// Code is the confirmation code cognito-local sends every user: its CODE
	// variable fixes it (otherwise it is random and only logged).
	Code = "842719"
	// issuerHost is what cognito-local puts in "iss": it builds the issuer
	// from the HOST and PORT it listens on.
	issuerHost = "http://0.0.0.0:9229"
	port       = "9229/tcp"
)

// Server is the running cognito-local of this test binary.
type Server struct {
	// Endpoint is the API's base URL, e.g. "http://127.0.0.1:32768".
	Endpoint cognito.Endpoint
	// Config signs with static dummy credentials in Region.
	Config aws.Config
	// Client talks to Endpoint.
	Client *cip.Client
}

// Pool is a user pool made for one test.
type Pool struct {
	ID       cognito.UserPoolID
	ClientID cognito.ClientID
	// Issuer is the "iss" of the pool's tokens.
	Issuer string
	// JWKSURL serves the pool's signing keys.
	JWKSURL string
}

var shared = &containertest.Shared[*Server]{
	Name: "cognito-local", ImageEnv: ImageEnv, DefaultImage: DefaultImage, Start: start,
}

// Main runs the tests of m and then removes the cognito-local container, if a
// test started one. Call it from TestMain; it calls os.Exit.
func Main(m *testing.M) { os.Exit(Wrap(m.Run)()) }

// Wrap returns a function that runs tests (usually m.Run) and then removes
// the container, if a test started one.
func Wrap(tests func() int) func() int { return shared.Wrap(tests) }

// Start returns the cognito-local of this test binary, starting it on first
// use. It skips tb when BOOKSHOP_SKIP_CONTAINER_TESTS is "1" and fails it
// when cognito-local cannot start.
func Start(tb testing.TB) *Server {
	tb.Helper()
	return shared.Get(tb)
}

// NewPool creates a user pool whose users sign in with their email, with the
// bookshop's password policy, an app client without a secret that allows
// USER_PASSWORD_AUTH and REFRESH_TOKEN_AUTH, and the group app.AdminGroup.
// The pool is deleted when tb ends.
func NewPool(tb testing.TB, srv *Server) Pool {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	pool, err := srv.Client.CreateUserPool(ctx, &cip.CreateUserPoolInput{
		PoolName:               aws.String(containertest.UniqueName()),
		UsernameAttributes:     []types.UsernameAttributeType{types.UsernameAttributeTypeEmail},
		AutoVerifiedAttributes: []types.VerifiedAttributeType{types.VerifiedAttributeTypeEmail},
		Policies: &types.UserPoolPolicyType{PasswordPolicy: &types.PasswordPolicyType{
			MinimumLength: aws.Int32(8), RequireUppercase: true, RequireLowercase: true, RequireNumbers: true,
		}},
	})
	if err != nil {
		tb.Fatalf("cognitotest: create user pool: %v", err)
	}
	id := aws.ToString(pool.UserPool.Id)
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		_, err := srv.Client.DeleteUserPool(ctx, &cip.DeleteUserPoolInput{UserPoolId: aws.String(id)})
		var gone *types.ResourceNotFoundException
		if err != nil && !errors.As(err, &gone) {
			tb.Errorf("cognitotest: delete user pool %s: %v", id, err)
		}
	})
	client, err := srv.Client.CreateUserPoolClient(ctx, &cip.CreateUserPoolClientInput{
		UserPoolId: aws.String(id), ClientName: aws.String("bookshop-test"), GenerateSecret: false,
		ExplicitAuthFlows: []types.ExplicitAuthFlowsType{
			types.ExplicitAuthFlowsTypeAllowUserPasswordAuth, types.ExplicitAuthFlowsTypeAllowRefreshTokenAuth,
		},
	})
	if err != nil {
		tb.Fatalf("cognitotest: create app client: %v", err)
	}
	if _, err := srv.Client.CreateGroup(ctx, &cip.CreateGroupInput{
		UserPoolId: aws.String(id), GroupName: aws.String(app.AdminGroup),
	}); err != nil {
		tb.Fatalf("cognitotest: create group: %v", err)
	}
	return Pool{
		ID:       cognito.UserPoolID(id),
		ClientID: cognito.ClientID(aws.ToString(client.UserPoolClient.ClientId)),
		Issuer:   issuerHost + "/" + id,
		JWKSURL:  string(srv.Endpoint) + "/" + id + "/.well-known/jwks.json",
	}
}

// start runs cognito-local listening on 0.0.0.0:9229 with a fixed
// confirmation code.
func start(ctx context.Context, image string) (*Server, testcontainers.Container, error) {
	ctr, err := testcontainers.Run(ctx, image,
		testcontainers.WithExposedPorts(port),
		testcontainers.WithEnv(map[string]string{"HOST": "0.0.0.0", "PORT": "9229", "CODE": Code}),
		testcontainers.WithWaitStrategy(
			wait.ForListeningPort(port),
			wait.ForHTTP("/ready/.well-known/jwks.json").WithPort(port).WithStatusCodeMatcher(func(s int) bool { return s == 200 }),
		),
	)
	if ctr == nil {
		return nil, nil, err
	}
	if err != nil {
		return nil, ctr, err
	}
	endpoint, err := containertest.Endpoint(ctx, ctr, port)
	if err != nil {
		return nil, ctr, err
	}
	cfg := aws.Config{Region: Region, Credentials: credentials.NewStaticCredentialsProvider("dummy", "dummy", "")}
	client, err := cognito.NewClient(cfg, cognito.Endpoint(endpoint))
	if err != nil {
		return nil, ctr, err
	}
	return &Server{Endpoint: cognito.Endpoint(endpoint), Config: cfg, Client: client}, ctr, nil
}
