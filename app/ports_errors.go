package app

import (
	"errors"
	"fmt"
)

// ErrUnavailable is the category of failures of a dependency every port may
// report: the database, the object store or the identity provider did not
// answer in time, refused the connection, throttled the request or failed on
// its side, or other writers kept winning the races of a write
// (*ContentionError). The request was not refused on its merits: the same
// request may succeed a little later, so inbound adapters answer "try again"
// (503 with Retry-After) rather than an internal error. A write that timed
// out may still have been applied; requests that must not be applied twice
// carry an idempotency key.
//
// Adapters translate their SDK's transient failures into an
// *UnavailableError; adapters/internal/awsfault does it for the AWS SDK
// clients, in one place.
var ErrUnavailable = errors.New("dependency unavailable")

// UnavailableError reports that Dependency (such as "DynamoDB") did not
// serve a request. It joins ErrUnavailable and keeps the SDK's error in the
// chain for logs.
type UnavailableError struct {
	Dependency string
	Err        error
}

func (e *UnavailableError) Error() string {
	return fmt.Sprintf("%s unavailable: %v", e.Dependency, e.Err)
}

// Unwrap returns the underlying failure.
func (e *UnavailableError) Unwrap() error { return e.Err }

// Is makes errors.Is(err, ErrUnavailable) true.
func (e *UnavailableError) Is(target error) bool { return target == ErrUnavailable }

// ContentionError reports an operation that concurrent writers kept
// beating: each of its Attempts found the data changed since it read it, or
// was refused because another transaction held an item it writes, until
// the operation's bounded retries ran out. The request was not refused on
// its merits and the next attempt may well win, so it joins ErrUnavailable:
// inbound adapters answer 503 with Retry-After. A caller's own stale
// version is not contention: that stays a *domain.VersionConflictError.
type ContentionError struct {
	// Op names what lost, such as "update book 01J…".
	Op string
	// Attempts is how often it tried, the first attempt included.
	Attempts int
}

func (e *ContentionError) Error() string {
	return fmt.Sprintf("%s: concurrent writers won %d attempts in a row", e.Op, e.Attempts)
}

// Is makes errors.Is(err, ErrUnavailable) true.
func (e *ContentionError) Is(target error) bool { return target == ErrUnavailable }
