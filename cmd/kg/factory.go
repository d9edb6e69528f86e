package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/kg-project/kg/internal/graph/store"
	"golang.org/x/term"
)

// ioStreams carries every byte kg reads or writes, so tests can swap in
// buffers and pretend to be, or not be, a terminal.
type ioStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// OutTTY and ErrTTY say whether Out and ErrOut are terminals: tables get
	// headers and alignment, progress bars are drawn.
	OutTTY bool
	ErrTTY bool
	// RawCSV writes CSV cells as they are (--raw-csv): by default a cell a
	// spreadsheet would run as a formula is neutralised (export.SafeCell).
	RawCSV bool
}

// rawCSVOut marks an output stream whose CSV cells go out unchanged.
type rawCSVOut struct{ io.Writer }

// defaultIO wires kg to the process's standard streams. KG_FORCE_TTY set to
// anything but "" or "0" makes kg print tables as it does on a terminal
// (aligned, with a header) even into a pipe, for watch(1) or documentation.
func defaultIO() *ioStreams {
	force := os.Getenv("KG_FORCE_TTY")
	return &ioStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: safeText{os.Stderr},
		OutTTY: (force != "" && force != "0") || term.IsTerminal(int(os.Stdout.Fd())),
		ErrTTY: term.IsTerminal(int(os.Stderr.Fd())),
	}
}

// factory gives commands what they need lazily: --help opens nothing.
type factory struct {
	IO       *ioStreams
	storeDir string
	store    *store.Store
	// shared says store belongs to a kg serve process that runs commands
	// on it one request after another: a command must not close it.
	shared bool
	// wait is how long a query waits for a store that another kg process
	// (a load) holds; ctx ends the wait early (Ctrl-C).
	wait time.Duration
	ctx  context.Context
	// progress, when set (by kg serve), hears a load's progress: documents
	// handled and bytes read so far.
	progress func(documents int, bytes int64)
}

func newFactory(io *ioStreams) *factory { return &factory{IO: io} }

// openStore opens the store once per process. Query commands ask for a
// read-only handle so that several can run at once; commands that write ask
// for a writable one and get a one-line error if another kg process holds it.
func (f *factory) openStore(readOnly bool) (*store.Store, error) {
	if f.store != nil {
		return f.store, nil
	}
	// A store that kg serve holds is answered through it (see run): no
	// need to knock on the lock first.
	if readOnly && serverAlive(f.storeDir) {
		return nil, fmt.Errorf("store %s is held by kg serve: %w", f.storeDir, store.ErrLocked)
	}
	s, err := store.Open(storeOptions(f.storeDir, readOnly))
	if readOnly && errors.Is(err, store.ErrLocked) && f.wait > 0 {
		s, err = f.waitForStore()
	}
	if err != nil {
		return nil, err
	}
	f.store = s
	return s, nil
}

// readBlockCache is the block cache of a command that only reads. Such a
// command reads most blocks once (a listing streams them, a query reads
// the graph index and then a few pairs), so a cache helps little and its
// blocks are resident memory: on a 1M-event store kg triples took 3.5–3.7 s
// and 280–289 MB with 8 MiB, 3.7–4.0 s and 334–352 MB with the 32 MiB a
// writer (and kg serve, which answers many queries) keeps.
const readBlockCache = 8 << 20

// storeOptions are the options kg opens dir with. A writer's memtables
// follow the process's soft memory limit (--memory, or GOMEMLIMIT), as
// load and import set it before they open the store.
func storeOptions(dir string, readOnly bool) store.Options {
	o := store.DefaultOptions(dir).WithReadOnly(readOnly)
	if readOnly {
		return o.WithBlockCacheSize(readBlockCache)
	}
	if limit := debug.SetMemoryLimit(-1); limit < math.MaxInt64 {
		o = o.WithMemTableSize(memTableFor(limit))
	}
	return o
}

// waitForStore opens the store read-only once the process that holds it
// lets go, or gives up after f.wait: a query asked during a load answers
// when the load ends instead of failing at once.
func (f *factory) waitForStore() (*store.Store, error) {
	ctx := f.ctx
	if ctx == nil {
		ctx = context.Background()
	}
	fmt.Fprintf(f.IO.ErrOut, "kg: store %s is in use by another kg process; waiting up to %s (--wait)\n", f.storeDir, f.wait)
	deadline := time.Now().Add(f.wait)
	for {
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
		s, err := store.Open(storeOptions(f.storeDir, true))
		if !errors.Is(err, store.ErrLocked) || time.Now().After(deadline) {
			return s, err
		}
	}
}

func (f *factory) closeStore() error {
	if f.store == nil || f.shared {
		return nil
	}
	err := f.store.Close() // its error names the store
	f.store = nil
	return err
}

// safeText escapes in what kg prints the control characters that a file
// name or a document could carry into it: an escape sequence that clears
// the screen or moves the cursor, a carriage return that overwrites a line.
// Newlines and tabs, which kg's own output uses, pass.
type safeText struct{ w io.Writer }

func (s safeText) Write(p []byte) (int, error) {
	clean := true
	for _, b := range p {
		if b < 0x20 && b != '\n' && b != '\t' || b == 0x7f {
			clean = false
			break
		}
	}
	if clean {
		return s.w.Write(p)
	}
	var b strings.Builder
	for _, c := range p {
		if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f {
			fmt.Fprintf(&b, "\\x%02x", c)
			continue
		}
		b.WriteByte(c)
	}
	if _, err := io.WriteString(s.w, b.String()); err != nil {
		return 0, err
	}
	return len(p), nil
}
