package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// memoryDataDir as BOOKSHOP_DATA_DIR keeps all data in memory: it is gone
// when the process stops (tests, throwaway runs).
const memoryDataDir = "memory"

// dataDirName is the directory created under the user's data directory.
const dataDirName = "bookshop-data"

// Files in the data directory.
const (
	databaseFile = "bookshop.db" // books, reviews, orders, accounts, keys (adapters/bolt, localidp)
	objectsDir   = "objects"     // covers and thumbnails (adapters/filestore)
)

// defaultDataDir returns the data directory used when BOOKSHOP_DATA_DIR is
// not set. It is a variable so that this package's tests default to memory
// (see data_dir_test.go) instead of the developer's real data.
var defaultDataDir = userDataDir

// userDataDir is dataDirName under the user's data directory:
// $XDG_DATA_HOME or ~/.local/share on Linux and other Unix systems,
// ~/Library/Application Support on macOS, %LocalAppData% on Windows.
func userDataDir() (string, error) {
	if x := os.Getenv("XDG_DATA_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, dataDirName), nil
	}
	switch runtime.GOOS {
	case "windows":
		if d := os.Getenv("LocalAppData"); d != "" {
			return filepath.Join(d, dataDirName), nil
		}
	case "darwin", "ios":
		if d, err := os.UserConfigDir(); err == nil { // ~/Library/Application Support
			return filepath.Join(d, dataDirName), nil
		}
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("no home directory for the data (set BOOKSHOP_DATA_DIR): %w", err)
	}
	return filepath.Join(home, ".local", "share", dataDirName), nil
}

// dataDirFrom resolves BOOKSHOP_DATA_DIR: memoryDataDir as is, a path made
// absolute, "" the default.
func dataDirFrom(env string) (string, error) {
	switch env {
	case memoryDataDir:
		return memoryDataDir, nil
	case "":
		return defaultDataDir()
	}
	dir, err := filepath.Abs(env)
	if err != nil {
		return "", fmt.Errorf("BOOKSHOP_DATA_DIR %q: %w", env, err)
	}
	return dir, nil
}
