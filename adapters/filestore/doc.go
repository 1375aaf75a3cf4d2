// Package filestore keeps the embedded mode's objects (cover images and
// their thumbnails) as files in a directory, so they survive restarts like
// the data in adapters/bolt. Its ObjectStore implements app.ObjectStore,
// serves its own presigned URLs and the public cover paths over HTTP exactly
// as the in-memory store of adapters/memory does (both are built on
// adapters/internal/objecthttp), and passes the same contract suite.
//
// # Files
//
// The object at key "covers/<book>/<upload>.jpg" is the file
// <dir>/covers/<book>/<upload>.jpg. A file starts with one header line,
// "bookshop-object/1 <content type>\n", followed by the object's bytes
// unchanged. A write goes to a new file under <dir>/.incoming/, is synced,
// and is renamed over the key's file, whose directory is synced too: a
// reader sees the old object or the new one, never a mix, and a process
// killed at any moment leaves at most a stray file under .incoming/, which
// New removes.
//
// Keys are checked before they touch the file system: every slash-separated
// segment must be a plain, non-empty name that does not start with a dot
// (no "..", no hidden files, no .incoming), without backslashes or NUL
// bytes. All access goes through an os.Root, so not even a symbolic link
// placed in the directory leads outside it.
package filestore
