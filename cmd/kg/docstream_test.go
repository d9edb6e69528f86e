package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kg-project/kg/internal/loader/input"
)

// TestDocStreamOrder: documents worked on by several goroutines, the slow
// ones first, come out in input order, and so do their reports; a
// document that stops the run stops what follows it.
func TestDocStreamOrder(t *testing.T) {
	dir := t.TempDir()
	const n = 30
	var want []string
	for i := range n {
		name := fmt.Sprintf("doc%02d.txt", i)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(fmt.Sprintf("Document %d.", i)), 0o644); err != nil {
			t.Fatal(err)
		}
		want = append(want, name)
	}
	stopAt := errors.New("stop here")
	for _, c := range []struct {
		name    string
		workers int
		stop    int // the document whose each returns stopAt; -1 for none
	}{
		{"one worker", 1, -1},
		{"four workers", 4, -1},
		{"four workers, stopped", 4, 12},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			d := docStream{IO: &ioStreams{Out: &out, ErrOut: &errOut}, Paths: []string{dir}, Workers: c.workers,
				WriteErr: func(err error) error { return fmt.Errorf("write: %w", err) }}
			err := d.run(context.Background(), func(w *bufio.Writer, in input.Input, report func(error)) error {
				var i int
				fmt.Sscanf(filepath.Base(in.Source), "doc%02d.txt", &i)
				// Early documents take longest, so later ones finish first.
				time.Sleep(time.Duration(n-i) * 200 * time.Microsecond)
				fmt.Fprintln(w, filepath.Base(in.Source))
				if i%7 == 3 {
					report(fmt.Errorf("%s: bad", filepath.Base(in.Source)))
				}
				if i == c.stop {
					return stopAt
				}
				return nil
			})
			got := strings.Fields(out.String())
			wantOut := want
			if c.stop >= 0 {
				wantOut = want[:c.stop+1]
				if !errors.Is(err, stopAt) {
					t.Errorf("run returned %v, want the stopping error", err)
				}
			} else if !errors.Is(err, errSilent) {
				t.Errorf("run returned %v, want the silent failure of reported documents", err)
			}
			if strings.Join(got, " ") != strings.Join(wantOut, " ") {
				t.Errorf("output\n  got  %v\n  want %v", got, wantOut)
			}
			var reports []string
			for _, l := range strings.Split(strings.TrimSpace(errOut.String()), "\n") {
				reports = append(reports, strings.TrimPrefix(l, "kg: "))
			}
			var wantReports []string
			for i := range len(wantOut) {
				if i%7 == 3 {
					wantReports = append(wantReports, fmt.Sprintf("doc%02d.txt: bad", i))
				}
			}
			if strings.Join(reports, "|") != strings.Join(wantReports, "|") {
				t.Errorf("reports\n  got  %q\n  want %q", reports, wantReports)
			}
		})
	}
}
