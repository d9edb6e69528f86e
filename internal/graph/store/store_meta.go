package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// cacheDir is the subdirectory of a store directory that holds PutMeta
// values. Badger ignores directories it does not know.
const cacheDir = "kg-cache"

// PutMeta stores a cache value under key, for data derived from the store
// such as a snapshot of the graph view. Callers should record Version in
// the value and ignore it when the store has moved on.
//
// The values live in files beside the Badger data rather than in it, so that
// read-only handles, which query commands use, can write them too. Each is
// replaced atomically (write then rename). Writing one does not change
// Version. In an in-memory store they are kept in memory. key may hold
// ASCII letters, digits, '.', '_' and '-'.
func (s *Store) PutMeta(key string, value []byte) error {
	if err := checkMetaKey(key); err != nil {
		return err
	}
	if s.opts.InMemory {
		s.cacheMu.Lock()
		s.cache[key] = slices.Clone(value)
		s.cacheMu.Unlock()
		return nil
	}
	dir := filepath.Join(s.opts.Dir, cacheDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("put meta %s: %w", key, err)
	}
	f, err := os.CreateTemp(dir, key+".tmp*")
	if err != nil {
		return fmt.Errorf("put meta %s: %w", key, err)
	}
	_, err = f.Write(value)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), filepath.Join(dir, key))
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("put meta %s: %w", key, err)
	}
	return nil
}

// GetMeta returns the value PutMeta stored under key, or an error matching
// ErrNotFound.
func (s *Store) GetMeta(key string) ([]byte, error) {
	if err := checkMetaKey(key); err != nil {
		return nil, err
	}
	if s.opts.InMemory {
		s.cacheMu.Lock()
		defer s.cacheMu.Unlock()
		v, ok := s.cache[key]
		if !ok {
			return nil, fmt.Errorf("meta %s: %w", key, ErrNotFound)
		}
		return slices.Clone(v), nil
	}
	b, err := os.ReadFile(filepath.Join(s.opts.Dir, cacheDir, key))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("meta %s: %w", key, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("meta %s: %w", key, err)
	}
	return b, nil
}

func checkMetaKey(key string) error {
	if key == "" || len(key) > 100 || key[0] == '.' {
		return fmt.Errorf("bad meta key %q", key)
	}
	for _, r := range key {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-'
		if !ok {
			return fmt.Errorf("bad meta key %q: use letters, digits, '.', '_' and '-'", key)
		}
	}
	return nil
}
