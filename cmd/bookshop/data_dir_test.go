package main

// The tests of this package start many servers: by default they keep their
// data in memory, never in the developer's data directory. Tests of the
// durable mode set BOOKSHOP_DATA_DIR to a directory of their own.
func init() {
	defaultDataDir = func() (string, error) { return memoryDataDir, nil }
}
