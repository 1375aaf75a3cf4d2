package lambdaenv_test

import (
	"context"
	"log/slog"
	"testing"

	"github.com/bookshop/bookshop/cmd/internal/lambdaenv"
)

func TestNewLoggerLogsFromItsLevel(t *testing.T) {
	logger := lambdaenv.NewLogger(lambdaenv.Logging{LogLevel: slog.LevelWarn})
	ctx := context.Background()
	if logger.Enabled(ctx, slog.LevelInfo) || !logger.Enabled(ctx, slog.LevelWarn) {
		t.Error("a warn logger logs info, or not warn")
	}
	if !lambdaenv.NewLogger(lambdaenv.Logging{}).Enabled(ctx, slog.LevelInfo) {
		t.Error("the zero Logging does not log info")
	}
}

func TestNewAWSConfigUsesTheRegion(t *testing.T) {
	t.Setenv("AWS_REGION", "us-west-2")
	cfg, err := lambdaenv.NewAWSConfig(context.Background(), lambdaenv.AWS{Region: "eu-west-1"})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Region != "eu-west-1" {
		t.Errorf("Region = %q, want eu-west-1", cfg.Region)
	}
}
