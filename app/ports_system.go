package app

import "time"

// Clock tells the time.
type Clock interface {
	Now() time.Time
}

// IDGenerator makes new, unique, time-sortable ids.
type IDGenerator interface {
	NewID() string
}
