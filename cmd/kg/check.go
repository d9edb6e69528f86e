package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/atomicfile"
	"github.com/kg-project/kg/internal/graph/store"
)

type checkOptions struct {
	IO     *ioStreams
	Store  func() (*store.Store, error)
	Format string
	Repair bool
	// StoreDir is where the store lives; the backup a repair writes first
	// goes beside it.
	StoreDir func() string
	// Now stamps the backup's name; tests fix it.
	Now func() time.Time
}

func newCmdCheck(f *factory, runF func(*checkOptions) error) *cobra.Command {
	opts := &checkOptions{IO: f.IO, Now: time.Now}
	opts.Store = func() (*store.Store, error) { return f.openStore(!opts.Repair) }
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Verify the store: every table's checksums and kg's own invariants",
		Long: `Verify the whole store without changing it: the checksum of every block of
every table, then that each document's events exist, name it and are those
its block of events holds, that each event's actors exist, that the
adjacency counts are the events' pair counts, and that the totals kg keeps
match what is stored.

It prints what it checked, or one line per problem (at most 50, then a
count) and exits 1. A store too damaged to open at all is reported the same
way as by any other command.

With --repair, a store whose invariants fail is first backed up beside
itself (STORE.before-repair-TIME.kgbak, which kg restore reads), then
rebuilt from its records: documents, events and actors are kept; each
document's event list and block of events, the adjacency counts, the
totals and the unknown-actor counts are written anew; an event whose
document is gone or does not decode is removed, and an actor that events
name but the store lacks is stored again under its ID. Each change is
printed, and the store is checked again. Table blocks that fail their
checksums cannot be rebuilt from: a repair then refuses, and the way back is
a backup.`,
		Example: `  kg check
  kg --store other.db check --format json
  kg check --repair`,
		Args: noPositionalArgs,
		RunE: prologue[checkOptions]{format: &opts.Format, formats: []string{formatTable, formatJSON}, runF: runF, run: runCheck}.runE(opts),
	}
	cmd.Flags().StringVar(&opts.Format, "format", formatTable, "output format: table or json")
	cmd.Flags().BoolVar(&opts.Repair, "repair", false, "rebuild what the records imply when the check fails, after a backup beside the store")
	opts.StoreDir = func() string { return f.storeDir }
	return cmd
}

// checkRecord is kg check's JSON output.
type checkRecord struct {
	OK        bool     `json:"ok"`
	Documents int      `json:"documents"`
	Actors    int      `json:"actors"`
	Events    int      `json:"events"`
	Pairs     int      `json:"pairs"`
	Problems  []string `json:"problems"`
	More      int      `json:"more_problems"`
	// Repaired lists what kg check --repair changed; Backup is the file
	// it wrote first.
	Repaired []string `json:"repaired"`
	Backup   string   `json:"backup"`
}

func runCheck(ctx context.Context, opts *checkOptions) error {
	s, err := opts.Store()
	if err != nil {
		return err
	}
	r, err := s.Check(ctx)
	if err != nil {
		return err
	}
	var fix repairResult
	if opts.Repair && !r.OK() {
		if fix, err = repairStore(ctx, opts, s, r); err != nil {
			return err
		}
		r = fix.after
	}
	rec := checkRecord{OK: r.OK(), Documents: r.Documents, Actors: r.Actors, Events: r.Events, Pairs: r.Edges, Problems: r.Problems, More: r.More,
		Repaired: fix.changes, Backup: fix.backup}
	if rec.Problems == nil {
		rec.Problems = []string{}
	}
	if rec.Repaired == nil {
		rec.Repaired = []string{}
	}
	if opts.Format == formatJSON {
		if err := writeObject(opts.IO.Out, formatJSON, rec); err != nil {
			return fmt.Errorf("write check report: %w", err)
		}
	} else {
		if rec.OK {
			fmt.Fprintf(opts.IO.Out, "ok: %d documents, %d actors, %d events, %d actor pairs; every table block's checksum verified\n",
				rec.Documents, rec.Actors, rec.Events, rec.Pairs)
		}
		for _, p := range rec.Problems {
			fmt.Fprintf(opts.IO.ErrOut, "kg: check: %s\n", p)
		}
		if rec.More > 0 {
			fmt.Fprintf(opts.IO.ErrOut, "kg: check: %d more problems\n", rec.More)
		}
	}
	if !rec.OK {
		return errSilent
	}
	return nil
}

// repairResult is what kg check --repair did.
type repairResult struct {
	backup  string
	changes []string
	after   store.CheckReport
}

// repairStore backs s up beside its directory, repairs it and checks it
// again. The problems found before the repair and the changes it made are
// told on stderr.
func repairStore(ctx context.Context, opts *checkOptions, s *store.Store, before store.CheckReport) (repairResult, error) {
	var res repairResult
	for _, p := range before.Problems {
		fmt.Fprintf(opts.IO.ErrOut, "kg: check: %s\n", p)
	}
	if !before.Unreadable {
		// A store whose blocks do not read cannot be backed up either;
		// Repair refuses it below with the way out.
		res.backup = strings.TrimRight(opts.StoreDir(), string(filepath.Separator)) + ".before-repair-" + opts.Now().UTC().Format("20060102T150405Z") + ".kgbak"
		if err := atomicfile.Write(res.backup, s.Backup); err != nil {
			return res, fmt.Errorf("back up before repairing: %w (the store was not changed)", err)
		}
		fmt.Fprintf(opts.IO.ErrOut, "backed up to %s\n", res.backup)
	}
	rep, err := s.Repair(ctx)
	if err != nil {
		return res, err
	}
	res.changes = rep.Changes
	if rep.More > 0 {
		res.changes = append(res.changes, fmt.Sprintf("%d more changes", rep.More))
	}
	if opts.Format != formatJSON {
		for _, c := range res.changes {
			fmt.Fprintf(opts.IO.ErrOut, "repaired: %s\n", c)
		}
	}
	res.after, err = s.Check(ctx)
	return res, err
}
