package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/atomicfile"
	"github.com/kg-project/kg/internal/graph/store"
)

type backupOptions struct {
	IO    *ioStreams
	Store func() (*store.Store, error)
	Path  string
}

func newCmdBackup(f *factory, runF func(*backupOptions) error) *cobra.Command {
	opts := &backupOptions{IO: f.IO, Store: func() (*store.Store, error) { return f.openStore(true) }}
	cmd := &cobra.Command{
		Use:   "backup FILE",
		Short: "Write the whole store to one file, which kg restore reads back",
		Long: `Write every key of the store to FILE ("-" for stdout): a snapshot taken
while other kg commands read the store is whole. The file is written beside
its name and renamed into place, so a failed backup leaves no half file.
kg restore makes a store of it again.`,
		Example: `  kg backup kg-2026-12-07.backup
  kg --store research.db backup - | gzip > research.backup.gz`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Path = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runBackup(cmd.Context(), opts)
		},
	}
	return cmd
}

func runBackup(_ context.Context, opts *backupOptions) error {
	s, err := opts.Store()
	if err != nil {
		return err
	}
	if opts.Path == "-" {
		bw := bufio.NewWriterSize(opts.IO.Out, 1<<20)
		if err := s.Backup(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	n := 0
	err = atomicfile.Write(opts.Path, func(w io.Writer) error {
		cw := &byteCounter{w: w}
		err := s.Backup(cw)
		n = cw.n
		return err
	})
	if err != nil {
		return fmt.Errorf("back up to %s: %w", opts.Path, err)
	}
	fmt.Fprintf(opts.IO.ErrOut, "backed up to %s (%d bytes)\n", opts.Path, n)
	return nil
}

type byteCounter struct {
	w io.Writer
	n int
}

func (c *byteCounter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += n
	return n, err
}

type restoreOptions struct {
	IO       *ioStreams
	StoreDir string
	Store    func() (*store.Store, error)
	Close    func() error
	Path     string
}

func newCmdRestore(f *factory, runF func(*restoreOptions) error) *cobra.Command {
	opts := &restoreOptions{IO: f.IO, Store: func() (*store.Store, error) { return f.openStore(false) }, Close: f.closeStore}
	cmd := &cobra.Command{
		Use:   "restore FILE",
		Short: "Make a new store from a file kg backup wrote",
		Long: `Load a backup ("-" for stdin) into the store directory, which must not exist
or be empty: a restore never mixes two stores. The restored store is then
verified as kg check does; a backup cut short or damaged fails, and the
directory made for it is removed.`,
		Example: `  kg --store restored.db restore kg-2026-12-07.backup
  gunzip -c research.backup.gz | kg --store research.db restore -`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Path, opts.StoreDir = args[0], f.storeDir
			if runF != nil {
				return runF(opts)
			}
			return runRestore(cmd.Context(), opts)
		},
	}
	return cmd
}

func runRestore(ctx context.Context, opts *restoreOptions) (err error) {
	entries, err := os.ReadDir(opts.StoreDir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return fmt.Errorf("restore into %s: %w", opts.StoreDir, err)
	case len(entries) > 0:
		return fmt.Errorf("restore into %s: the directory is not empty; restore into a new one", opts.StoreDir)
	}
	var in io.Reader = opts.IO.In
	if opts.Path != "-" {
		f, err := os.Open(opts.Path)
		if err != nil {
			return fmt.Errorf("restore: %w", err)
		}
		defer f.Close()
		in = f
	}
	// From here on the directory is kg's own: a failed restore removes it.
	defer func() {
		if err != nil {
			opts.Close()
			os.RemoveAll(opts.StoreDir)
		}
	}()
	s, err := opts.Store()
	if err != nil {
		return err
	}
	if err := s.Restore(in); err != nil {
		if errors.Is(err, store.ErrNotBackup) {
			return fmt.Errorf("restore: %s is not a kg backup", opts.Path)
		}
		return fmt.Errorf("restore from %s: %w", opts.Path, err)
	}
	r, err := s.Check(ctx)
	if err != nil {
		return err
	}
	if !r.OK() {
		return fmt.Errorf("restore from %s: the restored store does not check (%s); is the backup whole?", opts.Path, r.Problems[0])
	}
	fmt.Fprintf(opts.IO.ErrOut, "restored %s: %d documents, %d actors, %d events\n", opts.StoreDir, r.Documents, r.Actors, r.Events)
	return nil
}
