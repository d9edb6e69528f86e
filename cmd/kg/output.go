package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"

	"github.com/kg-project/kg/export"
	"github.com/spf13/cobra"
)

// Output formats shared by every command that prints data.
const (
	formatTable = "table"
	formatJSON  = "json"
	formatJSONL = "jsonl"
	formatCSV   = "csv"
)

// addFormatFlag registers --format on cmd with the given choices (the first
// is the default).
func addFormatFlag(cmd *cobra.Command, dst *string, choices ...string) {
	if len(choices) == 0 {
		choices = []string{formatTable, formatJSON, formatJSONL, formatCSV}
	}
	cmd.Flags().StringVar(dst, "format", choices[0], "output format: "+strings.Join(choices, "|"))
}

// addSummaryFormatFlag gives a command that writes to the store --format
// table|json for its summary, the flag and values every listing uses.
// --json, the older spelling, still works, hidden, so that scripts written
// for it go on reading JSON (cobra's deprecation notice would go to
// stdout, into their JSON).
func addSummaryFormatFlag(cmd *cobra.Command, dst *string) {
	addFormatFlag(cmd, dst, formatTable, formatJSON)
	cmd.Flags().Var(jsonAlias{dst}, "json", "print the summary as JSON")
	cmd.Flags().Lookup("json").NoOptDefVal = "true"
	cmd.Flags().MarkHidden("json")
}

// jsonAlias is a boolean flag that sets a --format value to json.
type jsonAlias struct{ format *string }

func (a jsonAlias) String() string {
	return strconv.FormatBool(a.format != nil && *a.format == formatJSON)
}
func (a jsonAlias) Type() string     { return "bool" }
func (a jsonAlias) IsBoolFlag() bool { return true }
func (a jsonAlias) Set(v string) error {
	b, err := strconv.ParseBool(v)
	if err != nil {
		return err
	}
	if b {
		*a.format = formatJSON
	}
	return nil
}

// writeObject writes a command's one JSON answer: indented for json, on one
// line for jsonl, as every command does.
func writeObject(w io.Writer, format string, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if format == formatJSON {
		enc.SetIndent("", "  ")
	}
	return enc.Encode(v)
}

// checkFormat validates a --format value against the allowed choices.
func checkFormat(cmd *cobra.Command, got string, choices ...string) error {
	if len(choices) == 0 {
		choices = []string{formatTable, formatJSON, formatJSONL, formatCSV}
	}
	for _, c := range choices {
		if got == c {
			return nil
		}
	}
	return flagErrorf(cmd, "unknown --format %q (want %s)", got, strings.Join(choices, ", "))
}

// column names one field of a listing and how to render it as text for the
// table and CSV formats.
type column[T any] struct {
	Name  string
	Value func(T) string
}

// printRecords writes recs in the chosen format. JSON and JSONL marshal the
// records themselves (their json tags are the contract); table and CSV use
// cols. A table gets an upper-case header only on a terminal, as tab-separated
// output without a header is easier to pipe into cut and awk.
func printRecords[T any](out io.Writer, format string, tty bool, recs []T, cols []column[T]) error {
	rw, err := newRecordWriter(out, format, tty, cols)
	if err != nil {
		return err
	}
	for _, r := range recs {
		if err := rw.Write(r); err != nil {
			rw.Close()
			return err
		}
	}
	return rw.Close()
}

// recordWriter writes a listing one record at a time, so that a command
// need not hold all its rows: a JSON array element by element, JSONL, CSV
// and piped tables a line each, through one buffer (one system call per
// cell or record made a piped listing of 100,000 rows cost over a million
// writes). Only a table on a terminal, whose columns are aligned, keeps its
// rows until Close.
type recordWriter[T any] struct {
	format string
	tty    bool
	cols   []column[T]
	bw     *bufio.Writer
	w      io.Writer
	raw    bool
	n      int
	enc    *json.Encoder
	buf    bytes.Buffer // one JSON array element, before indenting
	line   []byte       // one JSON line of a record that writes its own
	cw     *csv.Writer
	row    []string
	tw     *tabwriter.Writer
}

// jsonLineAppender is a record that writes its own JSON line, the bytes
// json.Encoder would write (graph.TripleRecord), without reflection.
type jsonLineAppender interface{ AppendJSON([]byte) []byte }

func newRecordWriter[T any](out io.Writer, format string, tty bool, cols []column[T]) (*recordWriter[T], error) {
	rw := &recordWriter[T]{format: format, tty: tty, cols: cols, bw: bufio.NewWriterSize(out, 64<<10)}
	rw.w = rw.bw
	if _, raw := out.(rawCSVOut); raw {
		rw.w, rw.raw = rawCSVOut{rw.bw}, true
	}
	switch format {
	case formatJSON:
		rw.enc = json.NewEncoder(&rw.buf)
		rw.enc.SetIndent("  ", "  ")
		rw.enc.SetEscapeHTML(false)
	case formatJSONL:
		rw.enc = json.NewEncoder(rw.w)
		rw.enc.SetEscapeHTML(false)
	case formatCSV:
		rw.cw = csv.NewWriter(rw.w)
		head := make([]string, len(cols))
		for i, c := range cols {
			head[i] = c.Name
		}
		if err := rw.cw.Write(head); err != nil {
			return nil, err
		}
		rw.row = make([]string, len(cols))
	case formatTable, "":
		if tty {
			rw.tw = tabwriter.NewWriter(rw.w, 0, 4, 2, ' ', 0)
			for i, c := range cols {
				if i > 0 {
					fmt.Fprint(rw.tw, "\t")
				}
				fmt.Fprint(rw.tw, strings.ToUpper(c.Name))
			}
			fmt.Fprintln(rw.tw)
		}
	default:
		return nil, fmt.Errorf("unknown format %q", format)
	}
	return rw, nil
}

// Write writes one record.
func (rw *recordWriter[T]) Write(r T) error {
	rw.n++
	switch rw.format {
	case formatJSON:
		// The same bytes json.Encoder gives the whole array with a
		// two-space indent, one element at a time.
		sep := ",\n  "
		if rw.n == 1 {
			sep = "[\n  "
		}
		rw.buf.Reset()
		if err := rw.enc.Encode(r); err != nil {
			return err
		}
		io.WriteString(rw.w, sep)
		_, err := rw.w.Write(bytes.TrimSuffix(rw.buf.Bytes(), []byte("\n")))
		return err
	case formatJSONL:
		if a, ok := any(&r).(jsonLineAppender); ok {
			rw.line = a.AppendJSON(rw.line[:0])
			_, err := rw.w.Write(rw.line)
			return err
		}
		return rw.enc.Encode(r)
	case formatCSV:
		for i, c := range rw.cols {
			rw.row[i] = c.Value(r)
			if !rw.raw {
				rw.row[i] = export.SafeCell(rw.row[i])
			}
		}
		return rw.cw.Write(rw.row)
	}
	var w io.Writer = rw.w
	if rw.tw != nil {
		w = rw.tw
	}
	for i, c := range rw.cols {
		if i > 0 {
			io.WriteString(w, "\t")
		}
		io.WriteString(w, oneLine(c.Value(r)))
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// Close ends the listing (the JSON array's bracket, the aligned table) and
// flushes it.
func (rw *recordWriter[T]) Close() error {
	var err error
	switch {
	case rw.format == formatJSON && rw.n == 0:
		_, err = io.WriteString(rw.w, "[]\n")
	case rw.format == formatJSON:
		_, err = io.WriteString(rw.w, "\n]\n")
	case rw.cw != nil:
		rw.cw.Flush()
		err = rw.cw.Error()
	case rw.tw != nil:
		err = rw.tw.Flush()
	}
	if ferr := rw.bw.Flush(); err == nil {
		err = ferr
	}
	return err
}

// oneLine keeps table cells on one line and the terminal in kg's hands:
// tabs and newlines become spaces, other control characters (an escape
// sequence in a file name) are shown escaped.
func oneLine(s string) string {
	clean := true
	for _, r := range s {
		if unicode.IsControl(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case unicode.IsControl(r):
			fmt.Fprintf(&b, "\\x%02x", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
