package envconfig_test

import (
	"log/slog"
	"slices"
	"strings"
	"testing"

	"github.com/bookshop/bookshop/cmd/internal/envconfig"
)

func reader(vars map[string]string) *envconfig.Reader {
	return envconfig.New(func(k string) string { return vars[k] })
}

func TestValidValues(t *testing.T) {
	env := reader(map[string]string{"A": " a ", "B": "true", "L": "x, ,y", "LVL": "warn", "S": "0123456789abcdef",
		"U": "http://minio:9000"})
	if env.Required("A") != "a" || !env.Bool("B") || !slices.Equal(env.List("L"), []string{"x", "y"}) ||
		env.LogLevel("LVL") != slog.LevelWarn || string(env.Secret("S", 16)) != "0123456789abcdef" ||
		env.URL("U") != "http://minio:9000" {
		t.Error("a valid value was read wrongly")
	}
	if env.Optional("UNSET") != "" || env.Bool("UNSET") || env.List("UNSET") != nil || env.LogLevel("UNSET") != slog.LevelInfo ||
		env.URL("UNSET") != "" {
		t.Error("an unset optional variable did not give its zero value")
	}
	if err := env.Err(); err != nil {
		t.Fatal(err)
	}
}

func TestEveryProblemIsReported(t *testing.T) {
	env := reader(map[string]string{"B": "maybe", "LVL": "loud", "S": "short-secret", "U": "minio:9000"})
	env.Required("MISSING")
	env.Bool("B")
	env.LogLevel("LVL")
	env.Secret("S", 16)
	env.URL("U")
	env.Fail("custom %d", 7)
	err := env.Err()
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"MISSING is required", `B "maybe" is not a boolean`, `LVL "loud"`,
		"S must be at least 16 bytes, got 12", `U "minio:9000" is not an http(s) URL`, "custom 7"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q does not mention %q", err, want)
		}
	}
	if strings.Contains(err.Error(), "short-secret") {
		t.Error("the error shows the secret")
	}
}
