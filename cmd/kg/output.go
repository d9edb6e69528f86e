package main

import (
	"bufio"
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
func printRecords[T any](out io.Writer, format string, tty bool, recs []T, cols []column[T]) (err error) {
	// One system call per cell or record made a piped listing of 100,000
	// rows cost over a million writes: buffer, flush once at the end.
	bw := bufio.NewWriterSize(out, 64<<10)
	defer func() {
		if ferr := bw.Flush(); err == nil {
			err = ferr
		}
	}()
	var w io.Writer = bw
	if _, raw := out.(rawCSVOut); raw {
		w = rawCSVOut{bw}
	}
	switch format {
	case formatJSON:
		if recs == nil {
			recs = []T{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(recs)
	case formatJSONL:
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, r := range recs {
			if err := enc.Encode(r); err != nil {
				return err
			}
		}
		return nil
	case formatCSV:
		_, raw := w.(rawCSVOut)
		cw := csv.NewWriter(w)
		head := make([]string, len(cols))
		for i, c := range cols {
			head[i] = c.Name
		}
		if err := cw.Write(head); err != nil {
			return err
		}
		row := make([]string, len(cols))
		for _, r := range recs {
			for i, c := range cols {
				row[i] = c.Value(r)
				if !raw {
					row[i] = export.SafeCell(row[i])
				}
			}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	case formatTable, "":
		if !tty {
			for _, r := range recs {
				for i, c := range cols {
					if i > 0 {
						io.WriteString(w, "\t")
					}
					io.WriteString(w, oneLine(c.Value(r)))
				}
				if _, err := io.WriteString(w, "\n"); err != nil {
					return err
				}
			}
			return nil
		}
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for i, c := range cols {
			if i > 0 {
				fmt.Fprint(tw, "\t")
			}
			fmt.Fprint(tw, strings.ToUpper(c.Name))
		}
		fmt.Fprintln(tw)
		for _, r := range recs {
			for i, c := range cols {
				if i > 0 {
					fmt.Fprint(tw, "\t")
				}
				fmt.Fprint(tw, oneLine(c.Value(r)))
			}
			fmt.Fprintln(tw)
		}
		return tw.Flush()
	}
	return fmt.Errorf("unknown format %q", format)
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
