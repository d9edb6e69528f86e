package input

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// Error is a problem with one input: a file, or one line of a JSONL file.
// It prints as "path:line: problem", or "path: problem" when Line is 0.
type Error struct {
	Path string
	Line int // 1-based line of a JSONL record; 0 for a whole file
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", DisplayName(e.Path), e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", DisplayName(e.Path), e.Err)
}

// DisplayName is a file name as messages and tables show it: as it is,
// unless it holds control characters (a newline, an escape sequence), which
// could forge a message line or take over a terminal; then Go-quoted.
func DisplayName(name string) string {
	for _, r := range name {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return strconv.Quote(name)
		}
	}
	return name
}

func (e *Error) Unwrap() error { return e.Err }

// Problems that callers may want to tell apart with errors.Is.
var (
	ErrTooLarge = errors.New("over the size limit")
	ErrBinary   = errors.New("binary file, not text")
	// ErrUnsupported marks a file in a folder whose name says it is of a
	// kind kg does not read (.pdf, .docx, images); it is skipped.
	ErrUnsupported = errors.New("not a kind of file kg reads")
	// ErrTriples reports a JSON Lines record of event triples (what kg
	// triples prints) where a document was expected.
	ErrTriples    = errors.New("a triple record, not a document: load triples with kg import")
	ErrEmpty      = errors.New("empty document")
	ErrInvalidUTF = errors.New("invalid UTF-8")
	ErrLoop       = errors.New("symlink loop")
)

// pathError turns an os error into an *Error that does not repeat the
// operation and path ("open x: permission denied" becomes "x: permission
// denied"), keeping the underlying errno for errors.Is(err, fs.ErrNotExist).
func pathError(path string, err error) *Error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &Error{Path: path, Err: err}
}
