package loader

import (
	"errors"
	"reflect"
	"testing"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/loader/input"
)

// TestPrepareMatchesProcess checks that Prepare gives the document Process
// stores (Sentences aside, which extraction counts), so that its ID can
// stand for the stored document when deciding to skip extraction.
func TestPrepareMatchesProcess(t *testing.T) {
	ins := []input.Input{
		{Name: "page.html", Source: "a/page.html", Format: "html", Data: []byte(`<html><head><title>Talks in Moscow</title></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Talks in Moscow</h1><p>MOSCOW, March 3, 2024 — Russian President Vladimir Putin met Pakistani Prime Minister Shehbaz Sharif in Moscow on Tuesday.</p>
<p>The two leaders signed an agreement on energy cooperation, officials said.</p></article>
<footer>© 2024 All rights reserved.</footer></body></html>`)},
		{Name: "note.md", Source: "b/note.md", Format: "md", Data: []byte("# Islamabad protests\n\n" +
			"*March 5, 2024*\n\nPakistan **condemned** the [missile strike](https://example.org) on Tuesday, " +
			"and India denied any role.\n\n- Share this\n- Recent Posts\n")},
		{Name: "rec-7", Source: "feed.jsonl:7", Format: "jsonl", Title: "Given title", Date: "2024-02-01",
			URL: "https://example.org/7", Data: []byte("China and Pakistan agreed to expand trade, the foreign ministry said on Monday.")},
		{Name: "bad-date", Source: "feed.jsonl:8", Format: "jsonl", Date: "not a date",
			Data: []byte("ISLAMABAD, Jan. 9 (Reuters) - Pakistan hosted talks with Afghanistan.")},
	}
	ins = append(ins, corpus(t)...)
	x := extractor(t)
	for _, in := range ins {
		t.Run(in.Name, func(t *testing.T) {
			doc, err := x.Prepare(in)
			if err != nil {
				t.Fatalf("Prepare: %v", err)
			}
			xt, err := x.Process(in)
			if err != nil {
				t.Fatalf("Process: %v", err)
			}
			if doc.Sentences != 0 {
				t.Errorf("Prepare counted %d sentences; counting is extraction's", doc.Sentences)
			}
			want := xt.Doc
			want.Sentences = 0
			if !reflect.DeepEqual(doc, want) {
				t.Errorf("Prepare = %+v\nProcess.Doc = %+v", doc, want)
			}
			if doc.ID != graph.DocumentID(doc.Text) {
				t.Errorf("ID %q is not the cleaned text's", doc.ID)
			}
			again, err := x.ProcessText(doc)
			if err != nil {
				t.Fatalf("ProcessText: %v", err)
			}
			if !reflect.DeepEqual(again, xt) {
				t.Errorf("ProcessText(Prepare) differs from Process")
			}
		})
	}
}

func TestPrepareEmpty(t *testing.T) {
	_, err := extractor(t).Prepare(input.Input{Name: "blank.md", Format: "md", Data: []byte("\n  \n")})
	var le *LoadError
	if !errors.As(err, &le) || le.Doc != "blank.md" || !errors.Is(err, ErrEmpty) {
		t.Fatalf("Prepare(blank) = %v, want a LoadError with ErrEmpty naming the document", err)
	}
}
