package graph

import "errors"

// Options configure a Store. Placeholder until the Badger store lands.
type Options struct {
	Dir      string
	ReadOnly bool
	InMemory bool
}

// DefaultOptions returns options for a store in dir.
func DefaultOptions(dir string) Options { return Options{Dir: dir} }

// WithReadOnly returns a copy of o opened read-only.
func (o Options) WithReadOnly(ro bool) Options { o.ReadOnly = ro; return o }

// WithInMemory returns a copy of o kept in memory only.
func (o Options) WithInMemory(m bool) Options { o.InMemory = m; return o }

// Store persists documents, actors and events.
type Store struct{}

// Open opens the store described by o.
func Open(o Options) (*Store, error) { return nil, errors.New("store not implemented yet") }

// Close releases the store.
func (s *Store) Close() error { return nil }
