package main

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDemoRunsInTempFolder(t *testing.T) {
	if testing.Short() {
		t.Skip("demo builds a store and loads eight articles")
	}
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := run([]string{"demo", "--out", out}, &ioStreams{In: strings.NewReader(""), Out: &stdout, ErrOut: &stderr})
	if code != 0 {
		t.Fatalf("kg demo exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout.String(), stderr.String())
	}
	got := stdout.String()
	for _, want := range []string{
		"Most central actors",
		"How India links Russia and Pakistan",
		"India – Russia:",
		"India – Pakistan:",
		"demo.graphml",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("demo output lacks %q:\n%s", want, got)
		}
	}
	// The evidence for the India–Russia link must quote the corpus.
	if !strings.Contains(got, "Russia") || !strings.Contains(got, "[") {
		t.Errorf("demo output shows no evidence sentences:\n%s", got)
	}

	f, err := os.Open(filepath.Join(out, "demo.graphml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	nodes, edges := 0, 0
	dec := xml.NewDecoder(f)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("demo.graphml is not well-formed XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			switch se.Name.Local {
			case "node":
				nodes++
			case "edge":
				edges++
			}
		}
	}
	if nodes < 10 || edges < 10 {
		t.Errorf("demo.graphml has %d nodes and %d edges; want a real graph", nodes, edges)
	}
	dot, err := os.ReadFile(filepath.Join(out, "demo.dot"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(bytes.TrimSpace(dot), []byte("digraph")) || !bytes.Contains(dot, []byte(`"India"`)) {
		t.Errorf("demo.dot does not look like a Graphviz digraph naming India:\n%.300s", dot)
	}
	// Nothing but the two exports is left in the output folder: the store
	// was temporary.
	entries, _ := os.ReadDir(out)
	if len(entries) != 2 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("output folder holds %v; want only demo.graphml and demo.dot", names)
	}
}
