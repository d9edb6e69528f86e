package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/kg-project/kg/internal/graph/store"

	"github.com/spf13/cobra"
)

// version is set at link time with -ldflags "-X main.version=...".
var version = "dev"

// run executes kg with args and returns the process exit status:
// 0 success, 1 failure (including partial failures such as some files not
// loading), 2 bad usage.
func run(args []string, io *ioStreams) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	f := newFactory(io)
	f.ctx = ctx
	err := execute(ctx, f, args)
	// Closing a writable store flushes it: a failure there is a failure of
	// the command, not something to drop.
	if cerr := f.closeStore(); err == nil {
		err = cerr
	}
	// A query on a store that kg serve holds goes through the server,
	// which runs it as this process would have.
	if errors.Is(err, store.ErrLocked) {
		code, ok, addr := forwardToServer(ctx, f.storeDir, args, io)
		if ok {
			return code
		}
		if addr != "" {
			code := exitCode(io, err)
			fmt.Fprintf(io.ErrOut, "kg: kg serve holds it at http://%s: queries go through it; load and import with POST /api/load and /api/import (docs/api.md)\n", addr)
			return code
		}
	}
	return exitCode(io, err)
}

// execute runs one kg command line with what f gives it: the process's
// own streams and store (run), or those of a request (kg serve).
func execute(ctx context.Context, f *factory, args []string) error {
	root := newRootCmd(f)
	root.SetArgs(args)
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.ErrOut)
	return root.ExecuteContext(ctx)
}

func newRootCmd(f *factory) *cobra.Command {
	root := &cobra.Command{
		Use:   "kg",
		Short: "Build and question a knowledge graph of international relations from news text",
		Long: `kg reads news articles, extracts actor–relation–actor triples coded with CAMEO
event codes and Goldstein scores, stores them in a local Badger database, and
answers graph questions: who is central, how actors are linked, how a dyad
evolved. Every command prints a table on a terminal and speaks JSON, JSONL or
CSV for scripts.`,
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().StringVar(&f.storeDir, "store", envOr("KG_STORE", "./kg.db"),
		"store directory (env KG_STORE)")
	root.PersistentFlags().DurationVar(&f.wait, "wait", 30*time.Second,
		"how long a query waits for a store that another kg process (a load) is writing; 0 fails at once")
	root.PersistentFlags().BoolVar(&f.IO.RawCSV, "raw-csv", false,
		"write CSV cells as they are; by default a cell a spreadsheet would run as a formula (=, @, |, or + and - before other than a number) gets a leading apostrophe")
	root.PersistentPreRunE = func(*cobra.Command, []string) error {
		if f.IO.RawCSV {
			f.IO.Out = rawCSVOut{f.IO.Out}
		}
		return nil
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &flagError{err: err, cmd: c}
	})
	for _, c := range []*cobra.Command{
		newCmdDemo(f, nil),
		newCmdLoad(f, nil),
		newCmdImport(f, nil),
		newCmdExtract(f, nil),
		newCmdParse(f, nil),
		newCmdReindex(f, nil),
		newCmdTriples(f, nil),
		newCmdActors(f, nil),
		newCmdDocs(f, nil),
		newCmdStats(f, nil),
		newCmdCheck(f, nil),
		newCmdBackup(f, nil),
		newCmdRestore(f, nil),
		newCmdDict(f),
		newCmdCentral(f, nil),
		newCmdPath(f, nil),
		newCmdLink(f, nil),
		newCmdNeighbors(f, nil),
		newCmdCommunities(f, nil),
		newCmdTimeline(f, nil),
		newCmdPanel(f, nil),
		newCmdCompare(f, nil),
		newCmdServe(f, nil),
		newCmdBalance(f, nil),
		newCmdExport(f, nil),
		newCmdSynth(f, nil),
	} {
		root.AddCommand(c)
	}
	usageArgs(root)
	return root
}

// usageArgs routes every command's argument check through the usage-error
// path, so that a wrong number of arguments exits 2 with a help hint
// whichever validator found it.
func usageArgs(c *cobra.Command) {
	if check := c.Args; check != nil {
		c.Args = func(cmd *cobra.Command, args []string) error {
			err := check(cmd, args)
			var fe *flagError
			if err != nil && !errors.As(err, &fe) {
				return &flagError{err: err, cmd: cmd}
			}
			return err
		}
	}
	for _, sub := range c.Commands() {
		usageArgs(sub)
	}
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// flagError is a usage mistake: the message is followed by a hint to --help
// and the exit status is 2.
type flagError struct {
	err error
	cmd *cobra.Command
}

func (e *flagError) Error() string { return e.err.Error() }
func (e *flagError) Unwrap() error { return e.err }

// flagErrorf builds a usage error for cmd.
func flagErrorf(cmd *cobra.Command, format string, a ...any) error {
	return &flagError{err: fmt.Errorf(format, a...), cmd: cmd}
}

// errSilent reports failure through the exit status only; the command has
// already explained what went wrong (for example which files failed to load).
var errSilent = errors.New("silent failure")

func exitCode(io *ioStreams, err error) int {
	if err == nil {
		return 0
	}
	if errors.Is(err, errSilent) {
		return 1
	}
	var fe *flagError
	if errors.As(err, &fe) {
		fmt.Fprintf(io.ErrOut, "kg: %v\n", err)
		if fe.cmd != nil {
			fmt.Fprintf(io.ErrOut, "Run '%s --help' for usage.\n", fe.cmd.CommandPath())
		}
		return 2
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(io.ErrOut, "kg: interrupted")
		return 130
	}
	fmt.Fprintf(io.ErrOut, "kg: %v\n", err)
	return 1
}
