package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGoldenCommandFormats holds the output of every command that reads
// the store, in every format it writes, on a store of the demo corpus:
// testdata/demo/COMMAND-FORMAT.golden. A change of any field, column,
// rounding or layout shows here; -update rewrites the files.
func TestGoldenCommandFormats(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "kg.db")
	// Loaded from a relative path, so that document sources do not name
	// the temporary folder. (Not t.Chdir in a subtest, which -run may skip.)
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	err = writeDemoCorpus("demo")
	code, _, errOut := runKG(t, "", "--store", store, "load", "--quiet", "demo")
	if cerr := os.Chdir(wd); cerr != nil {
		t.Fatal(cerr)
	}
	if err != nil || code != 0 {
		t.Fatalf("load: %v %s", err, errOut)
	}
	all := []string{"table-tty", "table", "json", "jsonl", "csv"}
	for _, c := range []struct {
		name    string
		args    []string
		formats []string
	}{
		{"stats", []string{"stats"}, all},
		{"check", []string{"check"}, []string{"table", "json"}},
		{"docs", []string{"docs"}, all},
		{"actors", []string{"actors", "--type", "person"}, all},
		{"triples", []string{"triples", "--between", "India,Pakistan"}, all},
		{"central", []string{"central", "--measure", "pagerank", "--top", "6"}, all},
		{"path", []string{"path", "Kayani", "India", "--k", "2", "--evidence", "1"}, append(all, "dot")},
		{"link", []string{"link", "India", "Russia", "Pakistan", "--evidence", "1"}, all},
		{"neighbors", []string{"neighbors", "Lavrov", "--depth", "2", "--evidence", "1"}, all},
		{"communities", []string{"communities"}, all},
		{"balance", []string{"balance", "--top", "3"}, all},
		{"timeline", []string{"timeline", "Russia", "Pakistan", "--since", "2010"}, all},
		{"panel", []string{"panel", "--between", "Russia,Pakistan", "--since", "2014"}, all},
	} {
		for _, f := range c.formats {
			name := c.name + "-" + f + ".golden"
			t.Run(name, func(t *testing.T) {
				args := append([]string{"--store", store}, c.args...)
				format, tty := f, false
				if f == "table-tty" {
					format, tty = "table", true
				}
				args = append(args, "--format", format)
				var out, errOut bytes.Buffer
				io := &ioStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, OutTTY: tty}
				if code := run(args, io); code != 0 {
					t.Fatalf("exit %d: %s", code, errOut.String())
				}
				if out.Len() == 0 {
					t.Fatal("no output")
				}
				checkGolden(t, filepath.Join("demo", name), out.String())
			})
		}
	}
}
