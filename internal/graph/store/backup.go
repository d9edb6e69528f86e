package store

import (
	"bufio"
	"errors"
	"fmt"
	"io"

	"github.com/dgraph-io/badger/v4"
)

// backupMagic opens a kg backup: a line of its own before Badger's backup
// stream, so that a restore refuses any other file at once.
const backupMagic = "kg-store-backup 1\n"

// ErrNotBackup reports a file that is not a kg backup.
var ErrNotBackup = errors.New("not a kg store backup")

// ErrNotEmpty reports a restore into a store that already holds data.
var ErrNotEmpty = errors.New("store is not empty")

// Backup writes every key and value of the store to w: kg's header line,
// then Badger's backup stream (protobuf lists of entries). It reads a
// consistent snapshot, so a backup of a store open read-only while another
// process reads it is whole. Restore reads it back.
func (s *Store) Backup(w io.Writer) error {
	if _, err := io.WriteString(w, backupMagic); err != nil {
		return fmt.Errorf("back up store %s: %w", s.name(), err)
	}
	if _, err := s.db.Backup(w, 0); err != nil {
		return fmt.Errorf("back up store %s: %w", s.name(), err)
	}
	return nil
}

// Restore loads a backup written by Backup into s, which must be open for
// writing and hold nothing but its format stamp. A backup cut short fails
// here when its last entry is cut, but one cut between two entries loads
// what it holds: a caller runs Check after Restore, whose totals then
// disagree with what was loaded.
func (s *Store) Restore(r io.Reader) error {
	if s.opts.ReadOnly {
		return ErrReadOnly
	}
	empty := true
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if string(it.Item().Key()) != string(keyFormat) {
				empty = false
				return nil
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("restore into store %s: %w", s.name(), err)
	}
	if !empty {
		return fmt.Errorf("restore into store %s: %w; restore into a new directory", s.name(), ErrNotEmpty)
	}
	br := bufio.NewReaderSize(r, 1<<20)
	head := make([]byte, len(backupMagic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != backupMagic {
		return ErrNotBackup
	}
	if err := s.db.Load(br, 256); err != nil {
		return fmt.Errorf("restore into store %s: the backup does not read (%v): %w", s.name(), err, errCorrupt)
	}
	if err := s.checkFormat(); err != nil {
		return err
	}
	return s.db.Sync()
}
