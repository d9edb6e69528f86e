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
	e := testEngine(f)
	f.Fuzz(func(t *testing.T, s string) {
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
			if !ids[ev.Source] || !ids[ev.Target] {
				t.Fatalf("event refers to a missing actor")
			}
		}
	})
}
