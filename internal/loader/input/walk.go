package input

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// DefaultMaxSize is the default limit on one document: a file, or one line
// of a JSONL file.
const DefaultMaxSize = 50 << 20

// Options control reading.
type Options struct {
	// MaxSize is the largest document accepted, in bytes; 0 means
	// DefaultMaxSize. Bigger files and JSONL lines are reported and skipped,
	// which also bounds the memory one document can take.
	MaxSize int64
	// Stdin is read for the path "-". Nil makes "-" an error.
	Stdin io.Reader
}

func (o Options) maxSize() int64 {
	if o.MaxSize <= 0 {
		return DefaultMaxSize
	}
	return o.MaxSize
}

// File is one file to read, found by Expand.
type File struct {
	Path   string // as given, or joined below a folder given
	Size   int64  // bytes; -1 for stdin, whose size is not known in advance
	Format string // from the extension; "" means sniff the content
}

// Expand turns command-line paths into the files to read, in a stable
// order: paths in the order given, folders walked recursively with entries
// sorted by name. Inside folders, hidden files and folders (".name") are
// skipped, and so are files whose extension kg does not read (.txt .text .md
// .markdown .html .htm .xhtml .jsonl .ndjson); a file named explicitly is
// read whatever its extension, and its format sniffed. Symbolic links are
// followed; a folder reached twice is read once, and a link back to one of
// its own ancestors is reported as a loop. "-" stands for stdin.
//
// Problems with single paths (missing, unreadable, loops) go to onErr and
// the walk goes on; the returned error is only ctx's.
func Expand(ctx context.Context, paths []string, onErr func(error)) ([]File, error) {
	w := &expander{ctx: ctx, onErr: onErr, seen: map[string]bool{}, onPath: map[string]bool{}}
	stdin := false
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return w.files, err
		}
		if p == "-" {
			if !stdin {
				w.files = append(w.files, File{Path: "-", Size: -1})
			}
			stdin = true
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			onErr(pathError(p, err))
			continue
		}
		if fi.IsDir() {
			if err := w.dir(p); err != nil {
				return w.files, err
			}
			continue
		}
		if !fi.Mode().IsRegular() {
			onErr(&Error{Path: p, Err: errors.New("not a regular file or folder")})
			continue
		}
		if real, err := filepath.EvalSymlinks(p); err == nil {
			if abs, err := filepath.Abs(real); err == nil {
				if w.seen[abs] {
					continue
				}
				w.seen[abs] = true
			}
		}
		w.files = append(w.files, File{Path: p, Size: fi.Size(), Format: FormatOf(p)})
	}
	return w.files, nil
}

type expander struct {
	ctx    context.Context
	onErr  func(error)
	files  []File
	seen   map[string]bool // real paths of folders and files already listed
	onPath map[string]bool // real paths of the folders being walked (ancestors)
}

func (w *expander) dir(path string) error {
	real, err := filepath.EvalSymlinks(path)
	if err == nil {
		real, err = filepath.Abs(real)
	}
	if err != nil {
		w.onErr(pathError(path, err))
		return nil
	}
	if w.onPath[real] {
		w.onErr(&Error{Path: path, Err: fmt.Errorf("%w back to %s, skipped", ErrLoop, real)})
		return nil
	}
	if w.seen[real] {
		return nil
	}
	w.seen[real] = true
	w.onPath[real] = true
	defer delete(w.onPath, real)

	entries, err := os.ReadDir(path) // sorted by name
	if err != nil {
		w.onErr(pathError(path, err))
		return nil
	}
	for _, e := range entries {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		p := filepath.Join(path, name)
		fi, err := os.Stat(p) // follows links
		if err != nil {
			w.onErr(pathError(p, err))
			continue
		}
		switch {
		case fi.IsDir():
			if err := w.dir(p); err != nil {
				return err
			}
		case fi.Mode().IsRegular():
			format := FormatOf(name)
			if format == "" {
				w.onErr(&Error{Path: p, Err: ErrUnsupported})
				continue
			}
			key := filepath.Join(real, name)
			if e.Type()&os.ModeSymlink != 0 {
				if r, err := filepath.EvalSymlinks(p); err == nil {
					key, _ = filepath.Abs(r)
				}
			}
			if w.seen[key] {
				continue
			}
			w.seen[key] = true
			w.files = append(w.files, File{Path: p, Size: fi.Size(), Format: format})
		}
	}
	return nil
}

// Walk reads every document under paths (see Expand for which files) and
// calls fn for each, in order. Problems with single files or JSONL lines go
// to onErr as *Error values and reading goes on. Walk stops at fn's first
// error and returns it, or returns ctx's error once it is cancelled.
func Walk(ctx context.Context, paths []string, opts Options, fn func(Input) error, onErr func(error)) error {
	files, err := Expand(ctx, paths, onErr)
	if err != nil {
		return err
	}
	return Read(ctx, files, opts, fn, onErr)
}

// Read reads files in order; see Walk.
func Read(ctx context.Context, files []File, opts Options, fn func(Input) error, onErr func(error)) error {
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := readFile(ctx, f, opts, fn, onErr); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// readFile reads one file. Only fn's and ctx's errors are returned; the
// file's own problems go to onErr.
func readFile(ctx context.Context, f File, opts Options, fn func(Input) error, onErr func(error)) error {
	max := opts.maxSize()
	var r io.Reader
	name := filepath.Base(f.Path)
	size := f.Size
	if f.Path == "-" {
		if opts.Stdin == nil {
			onErr(&Error{Path: "-", Err: errors.New("stdin is not available")})
			return nil
		}
		r = opts.Stdin
		name = "stdin"
	} else {
		fh, err := os.Open(f.Path)
		if err != nil {
			onErr(pathError(f.Path, err))
			return nil
		}
		defer fh.Close()
		if fi, err := fh.Stat(); err == nil {
			size = fi.Size()
		}
		if f.Format != "jsonl" && size > max {
			onErr(&Error{Path: f.Path, Err: fmt.Errorf("%w: %s is more than %s (raise --max-size)", ErrTooLarge, FormatSize(size), FormatSize(max))})
			return nil
		}
		r = fh
	}
	br := bufio.NewReaderSize(r, 64<<10)
	format := f.Format
	if format == "" {
		// Peeking at what the first read brought is enough to tell JSON
		// Lines (streamed) from the rest, and does not wait on a pipe.
		br.Peek(1)
		head, _ := br.Peek(br.Buffered())
		format = sniff(head)
		if format == "jsonl" && !firstLineIsJSON(br) {
			format = "txt"
		}
	}
	if format == "jsonl" {
		return readJSONL(ctx, br, f.Path, name, max, fn, onErr)
	}
	data, err := io.ReadAll(io.LimitReader(br, max+1))
	if err != nil {
		onErr(pathError(f.Path, err))
		return nil
	}
	if int64(len(data)) > max {
		onErr(&Error{Path: f.Path, Err: fmt.Errorf("%w: more than %s (raise --max-size)", ErrTooLarge, FormatSize(max))})
		return nil
	}
	data = bytes.TrimPrefix(data, bom)
	if err := checkText(data); err != nil {
		onErr(&Error{Path: f.Path, Err: err})
		return nil
	}
	return fn(Input{Name: name, Source: f.Path, Format: format, Data: data, Size: int64(len(data))})
}
