// Package atomicfile writes files so that a reader never sees half of one:
// the content goes to a temporary file beside the target, which is renamed
// over it only once complete. An error, Ctrl-C included, leaves the old
// file as it was and no temporary file behind.
package atomicfile

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Write writes path through fn, atomically.
func Write(path string, fn func(io.Writer) error) error {
	tmp, err := Temp(path, fn)
	if err != nil {
		return err
	}
	return Commit(tmp, path)
}

// Temp writes through fn into a temporary file beside path and returns its
// name, for Commit; the file is removed on any error, Close included.
// Several files written with Temp and committed together change at once or
// not at all, as far as a failure before the first Commit goes.
func Temp(path string, fn func(io.Writer) error) (string, error) {
	path, mode := target(path)
	removeStale(path)
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return "", fmt.Errorf("create %s: %w", path, err)
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	err = fn(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = f.Chmod(mode)
	}
	if cerr := f.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	return f.Name(), nil
}

// Commit renames a file written by Temp to path; on failure it removes it.
func Commit(tmp, path string) error {
	path, _ = target(path)
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("rename %s: %w", path, err)
	}
	return nil
}

// target is the file a write to path replaces, a symbolic link followed
// (the link stays a link), and the mode the new file takes: the old
// file's, else 0644.
func target(path string) (string, os.FileMode) {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() {
		return path, fi.Mode().Perm()
	}
	return path, 0o644
}

// staleAfter is the age past which a temporary file of a target is taken
// for the leftover of a killed writer (SIGKILL leaves no chance to clean
// up) rather than one being written now.
const staleAfter = time.Hour

// removeStale removes the temporary files of path that killed writers
// left behind.
func removeStale(path string) {
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "."+globEscape(filepath.Base(path))+".tmp-*"))
	for _, m := range matches {
		if fi, err := os.Lstat(m); err == nil && fi.Mode().IsRegular() && time.Since(fi.ModTime()) > staleAfter {
			os.Remove(m)
		}
	}
}

// globEscape escapes the pattern characters of a file name.
func globEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[]\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
