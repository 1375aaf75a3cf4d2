// Package envconfig reads the environment variables that configure the
// programs under cmd/. A Reader collects every problem instead of stopping
// at the first, so a misconfigured deployment reports all of them at once:
//
//	env := envconfig.New(os.Getenv)
//	table := env.Required("BOOKSHOP_TABLE")
//	level := env.LogLevel("LOG_LEVEL")
//	if err := env.Err(); err != nil { … }
package envconfig

import (
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strconv"
	"strings"
)

// Reader reads variables through getenv and remembers what was wrong.
type Reader struct {
	getenv func(string) string
	errs   []error
}

// New returns a Reader over getenv (os.Getenv, or a map in tests).
func New(getenv func(string) string) *Reader { return &Reader{getenv: getenv} }

// Optional returns the variable with surrounding space removed; "" when unset.
func (r *Reader) Optional(name string) string { return strings.TrimSpace(r.getenv(name)) }

// Required returns the variable and records an error when it is empty.
func (r *Reader) Required(name string) string {
	v := r.Optional(name)
	if v == "" {
		r.Fail("%s is required", name)
	}
	return v
}

// Bool parses an optional boolean (true, false, 1, 0, …); unset is false.
func (r *Reader) Bool(name string) bool {
	v := r.Optional(name)
	if v == "" {
		return false
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		r.Fail("%s %q is not a boolean", name, v)
	}
	return b
}

// List splits an optional comma-separated variable, dropping empty items.
func (r *Reader) List(name string) []string {
	var items []string
	for _, item := range strings.Split(r.getenv(name), ",") {
		if item = strings.TrimSpace(item); item != "" {
			items = append(items, item)
		}
	}
	return items
}

// LogLevel parses an optional slog level (debug, info, warn, error); unset
// is info.
func (r *Reader) LogLevel(name string) slog.Level {
	var level slog.Level
	if v := r.Optional(name); v != "" {
		if err := level.UnmarshalText([]byte(v)); err != nil {
			r.Fail("%s %q: %v", name, v, err)
		}
	}
	return level
}

// Secret returns a required secret of at least minLen bytes. The value never
// appears in an error.
func (r *Reader) Secret(name string, minLen int) []byte {
	v := r.Required(name)
	if n := len(v); n > 0 && n < minLen {
		r.Fail("%s must be at least %d bytes, got %d", name, minLen, n)
	}
	return []byte(v)
}

// URL returns an optional http(s) base URL such as an endpoint override.
func (r *Reader) URL(name string) string {
	v := r.Optional(name)
	if v == "" {
		return ""
	}
	if u, err := url.Parse(v); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		r.Fail("%s %q is not an http(s) URL", name, v)
	}
	return v
}

// Fail records a problem found by the caller, e.g. two variables that
// exclude each other.
func (r *Reader) Fail(format string, args ...any) {
	r.errs = append(r.errs, fmt.Errorf(format, args...))
}

// Err returns every recorded problem, or nil.
func (r *Reader) Err() error {
	if err := errors.Join(r.errs...); err != nil {
		return fmt.Errorf("configuration: %w", err)
	}
	return nil
}
