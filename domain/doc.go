// Package domain is the pure core of Bookshop: entities, value objects, their
// invariants and the typed errors they report. It imports only the standard
// library, so every rule here can be read and tested without any I/O.
package domain
