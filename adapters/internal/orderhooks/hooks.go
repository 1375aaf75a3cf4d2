// Package orderhooks holds the OnOrderChanged callbacks that the embedded
// mode's order repositories (adapters/memory, adapters/bolt) run after each
// committed change, as a DynamoDB stream reports changes on AWS.
package orderhooks

import (
	"github.com/bookshop/bookshop/adapters/internal/changehooks"
	"github.com/bookshop/bookshop/app"
)

// Hooks is a list of order-change callbacks, safe for concurrent use (Add,
// Run). The zero value is empty and ready. Book changes use
// changehooks.Hooks[app.BookChange] the same way.
type Hooks = changehooks.Hooks[app.OrderChange]
