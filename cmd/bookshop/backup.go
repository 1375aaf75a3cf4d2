package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/bookshop/bookshop/adapters/bolt"
)

// backupTimeout bounds a whole backup.
const backupTimeout = 10 * time.Minute

// runBackup writes a consistent copy of the data directory's database file
// to file: `bookshop backup <file>`, with the same environment as the
// server. While the shop runs, the database is locked by it, so the copy is
// asked of the running process: sign in as the administrator
// (BOOKSHOP_ADMIN_EMAIL, BOOKSHOP_ADMIN_PASSWORD) at BOOKSHOP_PUBLIC_URL and
// GET backupPath, which streams a snapshot of one moment from a read
// transaction while the shop goes on serving. When nothing answers there,
// the file is copied the same way from the data directory itself. Either
// way the copy is written next to file, synced, checked (bolt.Inspect) and
// only then renamed to file.
//
// Covers are files under objects/ that are never changed once written:
// copy that directory as it is (cp -a, rsync) after the database.
func runBackup(ctx context.Context, cfg config, file string, out io.Writer) error {
	ctx, cancel := context.WithTimeout(ctx, backupTimeout)
	defer cancel()
	tmp, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".*.tmp")
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer os.Remove(tmp.Name()) // after the rename, nothing is left to remove

	source, err := backupFromServer(ctx, cfg, tmp)
	if errors.Is(err, syscall.ECONNREFUSED) && cfg.DataDir != memoryDataDir {
		source, err = backupFromDirectory(cfg, tmp)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	summary, err := bolt.Inspect(tmp.Name())
	if err != nil {
		return fmt.Errorf("backup is not usable: %w", err)
	}
	if err := os.Rename(tmp.Name(), file); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	fmt.Fprintf(out, "backup of %s written to %s: %d books, %d reviews, %d orders\n",
		source, file, summary.Books, summary.Reviews, summary.Orders)
	return nil
}

// backupFromServer downloads a snapshot from the running shop into w.
func backupFromServer(ctx context.Context, cfg config, w io.Writer) (source string, err error) {
	token, err := signInForBackup(ctx, cfg)
	if err != nil {
		return "", err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, cfg.PublicURL+backupPath, nil)
	if err != nil {
		return "", err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return "", fmt.Errorf("GET %s: %s: %s", backupPath, resp.Status, bytes.TrimSpace(msg))
	}
	if _, err := io.Copy(w, resp.Body); err != nil {
		return "", fmt.Errorf("download: %w", err)
	}
	return "the shop at " + cfg.PublicURL, nil
}

// signInForBackup signs the administrator in and returns an access token.
func signInForBackup(ctx context.Context, cfg config) (string, error) {
	body, _ := json.Marshal(map[string]string{"email": cfg.AdminEmail, "password": cfg.AdminPassword})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, cfg.PublicURL+apiPath+"/auth/login", bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var tok struct {
		AccessToken string `json:"accessToken"`
	}
	if resp.StatusCode != http.StatusOK || json.NewDecoder(resp.Body).Decode(&tok) != nil || tok.AccessToken == "" {
		return "", fmt.Errorf("sign in as %s at %s: %s (set BOOKSHOP_ADMIN_EMAIL and BOOKSHOP_ADMIN_PASSWORD)",
			cfg.AdminEmail, cfg.PublicURL, resp.Status)
	}
	return tok.AccessToken, nil
}

// backupFromDirectory copies the database of a data directory that no
// process holds into w.
func backupFromDirectory(cfg config, w io.Writer) (source string, err error) {
	path := filepath.Join(cfg.DataDir, databaseFile)
	if _, err := os.Stat(path); err != nil {
		return "", fmt.Errorf("no shop answers at %s and there is no database to copy: %w", cfg.PublicURL, err)
	}
	db, err := bolt.Open(path, lockTimeout)
	if err != nil {
		return "", err
	}
	defer db.Close()
	if _, err := db.WriteTo(w); err != nil {
		return "", err
	}
	return path, nil
}
