package extract

import (
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/kg-project/kg/internal/loader/dict"
)

var (
	engOnce sync.Once
	engVal  *Engine
	engErr  error
)

// testEngine is the engine over the embedded default dictionary.
func testEngine(t testing.TB) *Engine {
	t.Helper()
	engOnce.Do(func() { engVal, engErr = New(dictEntries(t), nil) })
	if engErr != nil {
		t.Fatal(engErr)
	}
	return engVal
}

func dictEntries(t testing.TB) []Entry {
	d, err := dict.Default()
	if err != nil {
		t.Fatal(err)
	}
	var es []Entry
	for _, a := range d.Actors {
		e := Entry{Name: a.Name, Code: a.Code, Type: a.Type, Country: a.Country, Prefixes: a.Prefixes}
		if a.Official != "" {
			e.Aliases = append(e.Aliases, a.Official)
		}
		e.Aliases = append(e.Aliases, a.Aliases...)
		e.Demonyms = a.Demonyms
		e.Aliases = append(e.Aliases, a.Places...)
		e.Aliases = append(e.Aliases, a.Abbrevs...)
		es = append(es, e)
	}
	return es
}

var crudeSplit = regexp.MustCompile(`[.!?]["”’]?\s+|\n\s*\n`)

func crudeSentences(text string) []Sentence {
	var out []Sentence
	start := 0
	for _, loc := range crudeSplit.FindAllStringIndex(text, -1) {
		end := loc[0] + 1
		if s := strings.TrimSpace(text[start:end]); s != "" {
			b := start + strings.Index(text[start:end], s)
			out = append(out, Sentence{Index: len(out), Start: b, End: b + len(s), Text: s})
		}
		start = loc[1]
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		b := start + strings.Index(text[start:], s)
		out = append(out, Sentence{Index: len(out), Start: b, End: b + len(s), Text: s})
	}
	return out
}
