package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/loader/dict"
)

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

// TestDevDump writes triples of the reference corpus for manual scoring.
func TestDevDump(t *testing.T) {
	out := os.Getenv("KG_DEV_DUMP")
	if out == "" {
		t.Skip("KG_DEV_DUMP not set")
	}
	eng, err := New(dictEntries(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("/work/shared/corpus/pak-russia/*.txt")
	f, _ := os.Create(out)
	defer f.Close()
	enc := json.NewEncoder(f)
	for _, p := range files {
		b, _ := os.ReadFile(p)
		txt := string(b)
		res := eng.Extract(Doc{ID: "x", Text: txt, Sentences: crudeSentences(txt)})
		byID := map[string]graph.Actor{}
		for _, a := range res.Actors {
			byID[a.ID] = a
		}
		for _, e := range res.Events {
			enc.Encode(e.Record(filepath.Base(p), byID[e.Source], byID[e.Target]))
		}
	}
}

// TestDevSentence prints what the engine finds in KG_DEV_TEXT.
func TestDevSentence(t *testing.T) {
	txt := os.Getenv("KG_DEV_TEXT")
	if txt == "" {
		t.Skip("KG_DEV_TEXT not set")
	}
	eng, err := New(dictEntries(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	sents := crudeSentences(txt)
	res := eng.Extract(Doc{ID: "x", Text: txt, Sentences: sents})
	for _, s := range sents {
		toks := tokenize(s.Text, nil)
		var b strings.Builder
		for _, tk := range toks {
			b.WriteString(tk.text + "|")
		}
		t.Logf("S%d: %s", s.Index, b.String())
	}
	byID := map[string]graph.Actor{}
	for _, a := range res.Actors {
		byID[a.ID] = a
	}
	for _, e := range res.Events {
		t.Logf("S%d %s [%s] -%s/%s-> %s [%s] neg=%v mod=%s sym=%v conf=%.2f", e.SentenceIndex, byID[e.Source].Name, byID[e.Source].Code, e.CAMEO, e.Relation, byID[e.Target].Name, byID[e.Target].Code, e.Negated, e.Modality, e.Symmetric, e.Confidence)
	}
}
