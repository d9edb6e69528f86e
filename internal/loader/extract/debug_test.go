package extract

import (
	"os"
	"testing"
)

func TestDevMentions(t *testing.T) {
	txt := os.Getenv("KG_DEV_TEXT")
	if txt == "" {
		t.Skip()
	}
	e := testEngine(t)
	ds := newDocState()
	rec := &recognizer{e: e, doc: ds}
	for _, s := range crudeSentences(txt) {
		toks := tokenize(s.Text, nil)
		rec.text, rec.toks, rec.sent = s.Text, toks, s.Index
		ms := rec.run()
		for _, m := range ms {
			name := ""
			if m.actor != nil {
				name = m.actor.Name
			}
			t.Logf("mention %d-%d %q kind=%d poss=%v mod=%v single=%v", m.start, m.end, name, m.kind, m.poss, m.modifier, m.single)
		}
		gs := buildGroups(toks, ms)
		for _, g := range gs {
			t.Logf("group %d-%d n=%d", g.start, g.end, len(g.actors))
		}
	}
}
