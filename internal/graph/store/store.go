package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	badger "github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
	"github.com/kg-project/kg/internal/graph"
)

// Sentinel errors of the store; match them with errors.Is.
var (
	// ErrNotFound reports that a document, actor or meta key is absent.
	ErrNotFound = errors.New("not found")
	// ErrLocked reports that another process holds the store.
	ErrLocked = errors.New("store is in use by another kg process")
	// ErrNoStore reports a read-only open of a directory holding no store.
	ErrNoStore = errors.New("no store")
	// ErrFormat reports a store written in another format version.
	ErrFormat = errors.New("unsupported store format")
	// ErrNotStore reports a directory that holds files but no kg store:
	// kg writes nothing there.
	ErrNotStore = errors.New("not a kg store")
	// ErrDamaged reports a store whose files disagree with its MANIFEST in
	// a way Badger would repair by deleting data: kg opens it no further.
	ErrDamaged = errors.New("damaged store")
	// ErrDiskFull reports too little free space to write safely.
	ErrDiskFull = errors.New("disk full")
	// ErrReadOnly reports a write attempted through a read-only handle.
	ErrReadOnly = errors.New("store is open read-only")
	// ErrTooBig reports a document too large for one transaction.
	ErrTooBig = errors.New("document too large for one transaction")
)

// storeError carries a complete user-facing message together with the
// sentinel it stands for and, when there is one, the underlying cause.
type storeError struct {
	msg      string
	sentinel error
	cause    error
}

func (e *storeError) Error() string { return e.msg }
func (e *storeError) Unwrap() []error {
	if e.cause == nil {
		return []error{e.sentinel} // errors.As must not meet a nil error
	}
	return []error{e.sentinel, e.cause}
}

// Options configure a Store. Build them with DefaultOptions and the WithX
// methods; each returns a modified copy.
type Options struct {
	// Dir is the store directory. Empty when InMemory.
	Dir string
	// ReadOnly opens without writing; several read-only handles, in this or
	// other processes, may share a store. Default false.
	ReadOnly bool
	// InMemory keeps everything in memory, for tests and throwaway graphs.
	// Default false.
	InMemory bool
	// MemTableSize bounds Badger's memtables and, through them, a single
	// transaction: Badger refuses one above 15 % of it. The default, 64 MiB,
	// admits a document of 15,000 events among 3,000 actors (an imported
	// edge list), though not one of 25,000 events with their sentences. The
	// memtable file is sparse and removed on Close, but a writable handle
	// keeps an arena of about this size in memory.
	MemTableSize int64
	// ValueLogFileSize is the size of each value-log file. Default 64 MiB
	// rather than Badger's 1 GiB, as kg stores are small.
	ValueLogFileSize int64
	// BlockCacheSize is Badger's block cache. Default 32 MiB; it must not be
	// zero because blocks are compressed.
	BlockCacheSize int64
	// SyncWrites makes every commit wait for the disk. Default false: a
	// process crash loses nothing (the log is memory-mapped) and Close syncs;
	// only an OS crash can lose the last documents.
	SyncWrites bool
}

// DefaultOptions returns the options for a store in dir.
func DefaultOptions(dir string) Options {
	return Options{
		Dir:              dir,
		MemTableSize:     64 << 20,
		ValueLogFileSize: 64 << 20,
		BlockCacheSize:   32 << 20,
	}
}

// WithReadOnly returns a copy of o opened read-only.
func (o Options) WithReadOnly(ro bool) Options { o.ReadOnly = ro; return o }

// WithInMemory returns a copy of o kept in memory only. Dir is ignored.
func (o Options) WithInMemory(m bool) Options { o.InMemory = m; return o }

// WithMemTableSize returns a copy of o with the given memtable size in bytes.
func (o Options) WithMemTableSize(n int64) Options { o.MemTableSize = n; return o }

// WithValueLogFileSize returns a copy of o with the given value-log file size.
func (o Options) WithValueLogFileSize(n int64) Options { o.ValueLogFileSize = n; return o }

// WithBlockCacheSize returns a copy of o with the given block cache size.
func (o Options) WithBlockCacheSize(n int64) Options { o.BlockCacheSize = n; return o }

// WithSyncWrites returns a copy of o that syncs every commit.
func (o Options) WithSyncWrites(b bool) Options { o.SyncWrites = b; return o }

func (o Options) validate() error {
	switch {
	case o.InMemory && o.ReadOnly:
		return errors.New("an in-memory store cannot be read-only")
	case !o.InMemory && o.Dir == "":
		return errors.New("no store directory given")
	case o.MemTableSize < 1<<20:
		return fmt.Errorf("memtable size %d is below the 1 MiB minimum", o.MemTableSize)
	case o.ValueLogFileSize < 1<<20 || o.ValueLogFileSize >= 2<<30:
		return fmt.Errorf("value-log file size %d is outside [1 MiB, 2 GiB)", o.ValueLogFileSize)
	case o.BlockCacheSize <= 0:
		return errors.New("block cache size must be positive (blocks are compressed)")
	}
	return nil
}

func (o Options) badger() badger.Options {
	dir := o.Dir
	if o.InMemory {
		dir = ""
	}
	bo := badger.DefaultOptions(dir).
		WithInMemory(o.InMemory).
		WithReadOnly(o.ReadOnly).
		WithLogger(nil).
		WithMetricsEnabled(false).
		WithSyncWrites(o.SyncWrites).
		WithNumVersionsToKeep(1).
		// Snappy rather than ZSTD: a load spends every table's
		// compression on its critical path, and on a 10 MB corpus ZSTD
		// level 1 took twice Snappy's CPU (0.46 s against 0.24 s) for a
		// store 23 % smaller (23 MB against 30 MB). Tables written with
		// ZSTD by earlier versions stay readable.
		WithCompression(options.Snappy).
		WithMemTableSize(o.MemTableSize).
		// Badger refuses a value threshold above its batch limit (15 % of
		// the memtable), which small memtables would otherwise hit.
		WithValueThreshold(min(1<<20, o.MemTableSize*15/100/2)).
		WithNumMemtables(2).
		WithNumLevelZeroTables(2).WithNumLevelZeroTablesStall(8).
		WithValueLogFileSize(o.ValueLogFileSize).
		WithBlockCacheSize(o.BlockCacheSize).
		WithIndexCacheSize(16 << 20).
		// Every block read is checked against its checksum, so a damaged
		// table gives an error, never a wrong answer. (Checking whole
		// tables on open as well, OnTableAndBlockRead, makes Badger 4.9
		// dereference a nil block when one is damaged.)
		WithChecksumVerificationMode(options.OnBlockRead).
		WithNumCompactors(2).
		// Writes are serialised by Store.wmu, so Badger's conflict tracking
		// would only cost memory.
		WithDetectConflicts(false)
	// Tables of one size at every level. A table builder's buffers grow
	// with the table it writes, and Badger keeps up to eight of them for
	// reuse, each up to 400 MB; with tables doubling per level a long load
	// held gigabytes that way (a 250 MB load peaked at 4.4 GB of RSS, 2.7 GB
	// with this).
	bo.TableSizeMultiplier = 1
	return bo
}

// Store persists documents, actors and events in Badger. Its methods are
// safe for concurrent use; writes are serialised, and each document is
// written within one transaction (PutDocuments lets several share it), so a
// crash or an error never leaves half a document behind. See keys.go for
// the layout.
type Store struct {
	db   *badger.DB
	opts Options

	wmu sync.Mutex // serialises writes: counters are read-modify-write
	// failPoint, when set (by tests), is called between the writes of a
	// document's transaction; an error aborts the transaction.
	failPoint func(step string) error
	// actors caches committed actors for the writer, so that a batch does
	// not read back and decode the actors every document names; a nil entry
	// records an ID known to be absent. Guarded by wmu; only the writer
	// changes actors, so it is updated after each commit and dropped when a
	// commit's outcome is unknown.
	actors map[string]*graph.Actor
	// rows caches committed graph-index rows for the writer in the same
	// way as actors (nil: no row), so that a batch does not read back the row of
	// every actor its events name. Rows hold no pointer but their record's
	// strings, so the collector scans little of them.
	rows map[string]*graph.IndexRow
	// released is when the store last let go of its mapped pages
	// (letGo), in Unix nanoseconds.
	released atomic.Int64
	// stopReleaser ends the goroutine that lets go of a writable store's
	// mapped pages while Badger compacts (nil when none runs).
	stopReleaser chan struct{}
	releaserDone chan struct{}

	cacheMu sync.Mutex
	cache   map[string][]byte // PutMeta values of an in-memory store

	// format is the store's format version (formatVersion once upgraded).
	format uint32

	// marked says the directory holds kg's marker file: a database in it
	// without a format stamp is a kg store of an unknown version, not
	// another program's.
	marked bool

	closeOnce sync.Once
	closeErr  error
}

// Open opens the store described by o, creating it if it is writable and
// absent. A read-only open of a directory without a store fails with
// ErrNoStore; a store held by another writer fails with ErrLocked; a store of
// another format version fails with ErrFormat.
func Open(o Options) (*Store, error) {
	if err := o.validate(); err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	var dir dirState
	if !o.InMemory {
		var err error
		if dir, err = checkDir(o); err != nil {
			return nil, err
		}
		if dir.manifest && !dir.marker && !o.ReadOnly {
			// A Badger database without kg's marker: a store of a kg
			// that wrote none, or another program's database, which a
			// writable open must not touch.
			if err := probeFormat(o); err != nil {
				return nil, err
			}
		}
	}
	if !o.InMemory && !o.ReadOnly {
		if err := o.checkSpace(0); err != nil {
			return nil, err
		}
	}
	db, err := badger.Open(o.badger())
	if err != nil && o.ReadOnly && isLockError(err) {
		// Another reader may be recovering a crashed store (below), which
		// takes the lock for a moment: wait for it. A writer holds the
		// lock for longer, and then the reader is refused.
		for deadline := time.Now().Add(3 * time.Second); isLockError(err) && time.Now().Before(deadline); {
			time.Sleep(100 * time.Millisecond)
			db, err = badger.Open(o.badger())
		}
	}
	if err != nil && o.ReadOnly && strings.Contains(err.Error(), "Log truncate required") {
		// The last writer crashed before flushing its memtable. Only a
		// read-write open replays and truncates the log, and it does so
		// exactly as the next kg load would, so do it now and carry on.
		db, err = recoverCrashed(o)
	}
	if err != nil {
		return nil, openError(o, err)
	}
	s := &Store{db: db, opts: o, marked: dir.marker}
	if o.InMemory {
		s.cache = make(map[string][]byte)
	}
	if err := s.checkFormat(); err != nil {
		db.Close()
		return nil, err
	}
	if !o.ReadOnly && s.format < formatVersion {
		if err := s.upgrade(); err != nil {
			db.Close()
			return nil, err
		}
	}
	if !o.InMemory && !o.ReadOnly && !dir.marker {
		if err := os.WriteFile(filepath.Join(o.Dir, markerFile), []byte(markerText), 0o644); err != nil {
			db.Close()
			return nil, fmt.Errorf("open store %s: mark it as kg's: %w", o.Dir, err)
		}
	}
	if !o.InMemory && !o.ReadOnly {
		s.startReleaser()
	}
	return s, nil
}

// compactionRelease is how often a writable store lets go of its mapped
// pages in the background. Badger's compactions read whole tables through
// their mappings, and each page read stays in the process's resident set
// until let go: on a 1M-event import the mapped pages alone peaked at 470 MB
// with the writer letting go every two seconds.
const compactionRelease = 250 * time.Millisecond

// startReleaser lets go of the store's mapped pages every
// compactionRelease until Close.
func (s *Store) startReleaser() {
	s.stopReleaser, s.releaserDone = make(chan struct{}), make(chan struct{})
	go func() {
		defer close(s.releaserDone)
		t := time.NewTicker(compactionRelease)
		defer t.Stop()
		for {
			select {
			case <-s.stopReleaser:
				return
			case <-t.C:
				// Recorded as letGo records it, so that the reads and
				// writes that let go every releaseEvery find it done.
				s.released.Store(time.Now().UnixNano())
				releaseMapped(s.opts.Dir)
			}
		}
	}()
}

// markerFile marks a directory as a kg store, so that kg can tell its own
// stores from other programs' files, Badger databases included, before it
// opens anything for writing.
const (
	markerFile = "KG_STORE"
	markerText = "This directory is a kg store, a Badger database that kg writes.\n"
)

// dirState is what checkDir saw in a store directory.
type dirState struct {
	manifest bool // Badger's MANIFEST is there
	marker   bool // markerFile is there
}

// probeFormat opens a Badger database read-only and refuses it unless it
// holds kg's format stamp or nothing at all. A database that cannot be
// opened read-only (held by a writer, or left by a crashed one) is left
// to the open that follows, which reports or recovers it as for any store.
func probeFormat(o Options) error {
	db, err := badger.Open(o.WithReadOnly(true).badger())
	if err != nil {
		return nil
	}
	s := &Store{db: db, opts: o.WithReadOnly(true)}
	err = s.checkFormat()
	if cerr := db.Close(); err == nil && cerr != nil {
		return fmt.Errorf("open store %s: %w", o.Dir, cerr)
	}
	return err
}

// checkDir looks at a store directory before Badger opens it, because
// Badger, even read-only, deletes every table file its MANIFEST does not
// list: a truncated MANIFEST would cost the whole store. It refuses a
// directory of other files (ErrNotStore), a read-only open of a directory
// without a store (ErrNoStore), and a store whose MANIFEST does not read
// or does not list its tables (ErrDamaged). A writable open lets tables
// newer than every listed one pass: they are what a write killed between
// writing a table and recording it leaves, and Badger drops them, as the
// log still holds their data.
func checkDir(o Options) (dirState, error) {
	entries, err := os.ReadDir(o.Dir)
	if errors.Is(err, fs.ErrNotExist) && !o.ReadOnly {
		return dirState{}, nil // a new store
	}
	manifest := false
	var st dirState
	var tables []uint64
	var foreign string
	for _, e := range entries {
		name := e.Name()
		switch {
		case name == badger.ManifestFilename:
			manifest = true
		case name == markerFile:
			st.marker = true
		case strings.HasSuffix(name, ".sst"):
			id, perr := strconv.ParseUint(strings.TrimSuffix(name, ".sst"), 10, 64)
			if perr != nil {
				foreign = name
				continue
			}
			tables = append(tables, id)
		case badgerFile(name) || name == cacheDir:
		default:
			if foreign == "" {
				foreign = name
			}
		}
	}
	if !manifest {
		switch {
		case err != nil && o.ReadOnly, o.ReadOnly && foreign == "" && len(tables) == 0:
			return st, &storeError{msg: fmt.Sprintf("no store at %s: run kg load first", o.Dir), sentinel: ErrNoStore, cause: err}
		case err != nil:
			return st, fmt.Errorf("open store %s: %w", o.Dir, err)
		case foreign != "" || len(tables) > 0:
			if foreign == "" {
				foreign = fmt.Sprintf("%06d.sst", tables[0])
			}
			return st, &storeError{msg: fmt.Sprintf("%s is not a kg store (it holds %s and no MANIFEST): kg writes only to an empty or new directory or to its own store", o.Dir, foreign), sentinel: ErrNotStore}
		}
		return st, nil
	}
	st.manifest = true
	f, err := os.Open(filepath.Join(o.Dir, badger.ManifestFilename))
	if err != nil {
		return st, fmt.Errorf("open store %s: %w", o.Dir, err)
	}
	defer f.Close()
	bo := o.badger()
	m, _, err := badger.ReplayManifestFile(f, bo.ExternalMagicVersion, bo)
	if err != nil {
		// Badger's own message may run over lines (a version error with a
		// web link): the first line says what is wrong.
		first, _, _ := strings.Cut(err.Error(), "\n")
		return st, damaged(o, fmt.Sprintf("its MANIFEST does not read (%s)", strings.TrimRight(first, " .")))
	}
	var newest uint64
	for id := range m.Tables {
		newest = max(newest, id)
	}
	have := make(map[uint64]bool, len(tables))
	for _, id := range tables {
		have[id] = true
		if _, listed := m.Tables[id]; listed {
			continue
		}
		why := fmt.Sprintf("table %06d.sst is not in its MANIFEST", id)
		if id > newest && len(m.Tables) > 0 {
			if !o.ReadOnly {
				continue // a killed write's last table, see above
			}
			why += " (if a kg process was killed while writing to it, a writing command such as kg load finishes that write)"
		}
		return st, damaged(o, why)
	}
	for id := range m.Tables {
		if !have[id] {
			return st, damaged(o, fmt.Sprintf("table %06d.sst, listed in its MANIFEST, is missing", id))
		}
	}
	return st, nil
}

// reserve is the free space a writable store needs beyond what it writes:
// Badger writes its memtables and value log through memory maps of files
// it sizes in advance, and a page of those that the file system cannot back
// kills the process (SIGBUS) instead of failing a write. Two memtables, a
// value-log file and a table's worth of slack are kept free.
func (o Options) reserve() int64 {
	return 3*o.MemTableSize + o.ValueLogFileSize
}

// checkSpace fails with ErrDiskFull unless the store's file system has the
// reserve and need bytes more free. Where free space is unknown it passes.
func (o Options) checkSpace(need int64) error {
	dir := o.Dir
	if _, err := os.Stat(dir); err != nil {
		dir = filepath.Dir(filepath.Clean(dir)) // not created yet
	}
	free, ok := freeBytes(dir)
	if !ok || free >= o.reserve()+need {
		return nil
	}
	return &storeError{
		msg: fmt.Sprintf("disk full while writing %s: %d MB free, and kg keeps %d MB free to write safely; free some space and run the command again",
			o.Dir, free>>20, (o.reserve()+need)>>20),
		sentinel: ErrDiskFull,
	}
}

// badgerFile reports whether name is one of the files Badger keeps beside
// its tables.
func badgerFile(name string) bool {
	switch name {
	case "KEYREGISTRY", "DISCARD", "LOCK", "MANIFEST-REWRITE":
		return true
	}
	return strings.HasSuffix(name, ".vlog") || strings.HasSuffix(name, ".mem")
}

func damaged(o Options, why string) error {
	return &storeError{
		msg:      fmt.Sprintf("store %s is damaged: %s; kg leaves it as it is: copy the directory before any repair", o.Dir, why),
		sentinel: ErrDamaged,
	}
}

// recoverCrashed opens the store read-write once so that Badger repairs its
// log, closes it, and reopens it read-only.
func recoverCrashed(o Options) (*badger.DB, error) {
	if err := o.checkSpace(0); err != nil {
		return nil, err // the recovery writes
	}
	rw, err := badger.Open(o.WithReadOnly(false).badger())
	if err != nil && isLockError(err) {
		// Another reader may be doing this same recovery: wait for it and
		// read what it recovered. A writer holds the lock for longer.
		for deadline := time.Now().Add(3 * time.Second); time.Now().Before(deadline); {
			time.Sleep(100 * time.Millisecond)
			if db, rerr := badger.Open(o.badger()); rerr == nil {
				return db, nil
			}
		}
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("the last kg process writing it did not finish and recovery failed (%w); run kg load or kg reindex as a user who may write it", err)
	}
	if err := rw.Close(); err != nil {
		return nil, fmt.Errorf("recover after an interrupted write: %w", err)
	}
	return badger.Open(o.badger())
}

func isLockError(err error) bool {
	return err != nil && strings.Contains(err.Error(), "Cannot acquire directory lock")
}

func openError(o Options, err error) error {
	if isLockError(err) {
		return &storeError{
			msg:      fmt.Sprintf("store %s is in use by another kg process", o.Dir),
			sentinel: ErrLocked, cause: err,
		}
	}
	if o.InMemory {
		return fmt.Errorf("open in-memory store: %w", err)
	}
	return fmt.Errorf("open store %s: %w", o.Dir, err)
}

// checkFormat stamps a new store with formatVersion and refuses a store of
// any other version.
func (s *Store) checkFormat() error {
	var got uint64
	var found, empty bool
	err := s.db.View(func(txn *badger.Txn) error {
		item, err := txn.Get(keyFormat)
		if errors.Is(err, badger.ErrKeyNotFound) {
			it := txn.NewIterator(badger.IteratorOptions{})
			defer it.Close()
			it.Rewind()
			empty = !it.Valid()
			return nil
		}
		if err != nil {
			return err
		}
		found = true
		return item.Value(func(v []byte) error {
			if len(v) != 4 {
				return fmt.Errorf("format version: %w", errCorrupt)
			}
			got = uint64(v[0])<<24 | uint64(v[1])<<16 | uint64(v[2])<<8 | uint64(v[3])
			return nil
		})
	})
	if err != nil {
		return fmt.Errorf("open store %s: read format version: %w", s.name(), err)
	}
	switch {
	case found && got >= oldestFormat && got <= formatVersion:
		s.format = uint32(got)
		return nil
	case !found && !empty && !s.marked:
		return &storeError{
			msg:      fmt.Sprintf("%s is not a kg store (it holds a Badger database without kg's format stamp): kg writes only to an empty or new directory or to its own store", s.name()),
			sentinel: ErrNotStore,
		}
	case found, !empty:
		return &storeError{
			msg:      fmt.Sprintf("store %s has format version %d; this kg reads versions %d to %d", s.name(), got, oldestFormat, formatVersion),
			sentinel: ErrFormat,
		}
	case s.opts.ReadOnly:
		s.format = formatVersion
		return nil // an empty store, never written: reads find nothing
	}
	s.format = formatVersion
	err = s.db.Update(func(txn *badger.Txn) error {
		return txn.Set(keyFormat, encodeUint32(formatVersion))
	})
	if err != nil {
		return fmt.Errorf("open store %s: write format version: %w", s.name(), err)
	}
	return nil
}

func (s *Store) name() string {
	if s.opts.InMemory {
		return "(in memory)"
	}
	return s.opts.Dir
}

// Dir returns the store's directory ("" when in memory).
func (s *Store) Dir() string {
	if s.opts.InMemory {
		return ""
	}
	return s.opts.Dir
}

// ReadOnly reports whether s was opened read-only.
func (s *Store) ReadOnly() bool { return s.opts.ReadOnly }

// Close syncs a writable store to disk and releases it. It may be called
// more than once; later calls return the first call's error.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		if s.stopReleaser != nil {
			close(s.stopReleaser)
			<-s.releaserDone
		}
		if !s.opts.ReadOnly && !s.opts.InMemory {
			if err := s.db.Sync(); err != nil {
				s.closeErr = fmt.Errorf("sync store %s: %w", s.name(), err)
			}
		}
		if err := s.db.Close(); err != nil && s.closeErr == nil {
			s.closeErr = fmt.Errorf("close store %s: %w", s.name(), err)
		}
	})
	return s.closeErr
}
