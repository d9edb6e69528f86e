// Package store persists kg's graph in a Badger database: documents with
// their actors and events, written incrementally and idempotently (a
// document is keyed by its text), read back as streams. It is the only
// package of kg that imports Badger.
package store
