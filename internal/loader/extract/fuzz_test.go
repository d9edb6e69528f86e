package extract

import (
	"testing"
	"unicode/utf8"
)

// FuzzExtract: the engine never panics, tokens slice their sentence, and
// events slice the document.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Russian Foreign Minister Sergey Lavrov visited Islamabad. Lavrov met Pakistani officials.",
		"Pakistan, the West and Saudi Arabia supported Afghan Mujahideen who fought Soviets.",
		"It was shot down by the Soviet Army. The two countries signed an agreement.",
		"Kayani's Moscow visit; the visit of X to Y by Z. 's ’s U.S.A. inAfghanistan",
		"\u2019\u2019s\x00\xff Gen. . - —",
	} {
		f.Add(s)
	}
	rules, tree := testEngine(f), treeEngine(f)
	f.Fuzz(func(t *testing.T, s string) {
		checkExtract(t, rules, s)
		checkExtract(t, tree, s)
	})
}

// FuzzTree: the parse coder never panics and its events refer to actors
// it returns, reporters included, on sentences built from the structures
// it reads.
func FuzzTree(f *testing.F) {
	for _, s := range []string{
		"Jan Kowalski, Poland's foreign minister, criticised Belarus, officials said.",
		"The foreign minister of Chile, Ana Lopez, met her Peruvian counterpart in Lima.",
		"Iran agreed to hold talks with Oman. The UN urged Sudan to release the prisoners.",
		"According to Lavrov, Moscow will host talks between New Delhi and Islamabad.",
		"Sudan, which expelled Kenyan diplomats, protested to Nairobi.",
	} {
		f.Add(s)
	}
	e := treeEngine(f)
	f.Fuzz(func(t *testing.T, s string) { checkExtract(t, e, s) })
}

func checkExtract(t *testing.T, e *Engine, s string) {
	{
		for _, tk := range tokenize(s, nil) {
			if tk.start < 0 || tk.end > len(s) || tk.start >= tk.end || s[tk.start:tk.end] != tk.text {
				t.Fatalf("token %+v does not slice %q", tk, s)
			}
		}
		if !utf8.ValidString(s) {
			return
		}
		res := e.Extract(Doc{ID: "f", Text: s, Sentences: crudeSentences(s)})
		ids := map[string]bool{}
		for _, a := range res.Actors {
			ids[a.ID] = true
		}
		for _, ev := range res.Events {
			if ev.Start < 0 || ev.End > len(s) || s[ev.Start:ev.End] != ev.Sentence {
				t.Fatalf("event offsets %d:%d do not slice the text", ev.Start, ev.End)
			}
			if !ids[ev.Source] || !ids[ev.Target] || ev.Reporter != "" && !ids[ev.Reporter] {
				t.Fatalf("event refers to a missing actor")
			}
		}
	}
}
