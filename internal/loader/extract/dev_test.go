package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/graph"
)

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
