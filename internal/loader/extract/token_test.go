package extract

import (
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want string // token texts joined by |
	}{
		{"Russia's support", "Russia|'s|support"},
		{"Pakistan’s membership", "Pakistan|’s|membership"},
		{"the U.S. and U.K. troops", "the|U.S.|and|U.K.|troops"},
		{"occupation ofAfghanistan by theAmerican", "occupation|of|Afghanistan|by|the|American"},
		{"NowRussia no longerwants", "Now|Russia|no|longerwants"},
		{"McDonald iPhone", "McDonald|iPhone"},
		{"Pak-Russia MI-35", "Pak|-|Russia|MI|-|35"},
		{"didn't", "didn|'|t"},
		{"Peace Mission – 2018", "Peace|Mission|–|2018"},
		{"Côte d'Ivoire", "Côte|d|'|Ivoire"},
	}
	for _, tt := range tests {
		var got []string
		for _, tk := range tokenize(tt.in, nil) {
			if tt.in[tk.start:tk.end] != tk.text {
				t.Fatalf("%q: token %q does not slice the input", tt.in, tk.text)
			}
			got = append(got, tk.text)
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("tokenize(%q) = %s, want %s", tt.in, g, tt.want)
		}
	}
}

func TestTokenFlags(t *testing.T) {
	toks := tokenize("NATO Putin’s talks", nil)
	if !toks[0].allCaps || !toks[0].cap || toks[0].low != "nato" {
		t.Errorf("NATO: %+v", toks[0])
	}
	if !toks[1].cap || toks[1].allCaps || !toks[1].space {
		t.Errorf("Putin: %+v", toks[1])
	}
	if toks[2].low != "'s" || toks[2].space {
		t.Errorf("possessive: %+v", toks[2])
	}
}

func TestInflect(t *testing.T) {
	tests := []struct {
		lemma string
		want  []string
	}{
		{"visit", []string{"visit", "visits", "visited", "visiting"}},
		{"supply", []string{"supply", "supplies", "supplied", "supplying"}},
		{"invade", []string{"invade", "invades", "invaded", "invading"}},
		{"cancel", []string{"cancel", "cancels", "canceled", "canceling", "cancelled", "cancelling"}},
		{"meet", []string{"meet", "meets", "meeted", "meeting", "met"}},
		{"agree", []string{"agree", "agrees", "agreed", "agreeing"}},
	}
	for _, tt := range tests {
		forms, past := inflect(tt.lemma)
		if strings.Join(forms, ",") != strings.Join(tt.want, ",") {
			t.Errorf("inflect(%q) = %v, want %v", tt.lemma, forms, tt.want)
		}
		for i, f := range forms {
			if wantPast := strings.HasSuffix(f, "ed") || f == "met"; past[i] != wantPast {
				t.Errorf("inflect(%q): %q past = %v", tt.lemma, f, past[i])
			}
		}
	}
}

func TestLexiconRulesValid(t *testing.T) {
	lx, err := loadLexicon(nil)
	if err != nil {
		t.Fatal(err)
	}
	for w, trs := range lx.triggers {
		for _, tr := range trs {
			if len(tr.rule.Verbs) == 0 && len(tr.rule.Nouns) == 0 {
				t.Errorf("%q: rule %s has neither verbs nor nouns", w, tr.rule.Relation)
			}
		}
	}
	if _, err := New(nil, []VerbRule{{Relation: "x", Code: "99", Verbs: []string{"zap"}}}); err == nil {
		t.Error("a rule with an invalid code was accepted")
	}
}

// TestModalityAndNegation pins how auxiliaries set an event's flags.
func TestModalityAndNegation(t *testing.T) {
	tests := []struct {
		text     string
		negated  bool
		modality string
	}{
		{"Chile criticised Peru.", false, "actual"},
		{"Chile did not criticise Peru.", true, "actual"},
		{"Chile didn't criticise Peru.", true, "actual"},
		{"Chile never criticised Peru.", true, "actual"},
		{"Chile will criticise Peru.", false, "planned"},
		{"Chile is expected to criticise Peru.", false, "planned"},
		{"Chile plans to criticise Peru.", false, "planned"},
		{"Chile is to visit Peru.", false, "planned"},
		{"Chile could criticise Peru.", false, "hypothetical"},
		{"Chile might criticise Peru.", false, "hypothetical"},
		{"Chile's upcoming visit to Peru was discussed.", false, "planned"},
	}
	for _, tt := range tests {
		res, _ := runText(t, tt.text)
		if len(res.Events) != 1 {
			t.Errorf("%q: %d events, want 1", tt.text, len(res.Events))
			continue
		}
		e := res.Events[0]
		if e.Negated != tt.negated || string(e.Modality) != tt.modality {
			t.Errorf("%q: negated %v modality %s, want %v %s", tt.text, e.Negated, e.Modality, tt.negated, tt.modality)
		}
	}
}

// TestPairInFocus: "the two countries" means the last pair named together.
func TestPairInFocus(t *testing.T) {
	res, byID := runText(t, "Chile and Peru settled the dispute. Bolivia watched. The two countries signed a treaty.")
	if len(res.Events) != 1 {
		t.Fatalf("got %d events:%s", len(res.Events), describe(res, byID))
	}
	e := res.Events[0]
	if byID[e.Source].Name != "Chile" || byID[e.Target].Name != "Peru" || !e.Symmetric || e.CAMEO != "057" {
		t.Errorf("got%s", describe(res, byID))
	}
}

func TestUnknownPhrases(t *testing.T) {
	res, _ := runText(t, "Zorblat Quennic visited Peru. Peru praised Zorblat Quennic.")
	if len(res.Unknown) != 1 || res.Unknown[0].Name != "Zorblat Quennic" || res.Unknown[0].Count != 2 {
		t.Errorf("unknown = %+v", res.Unknown)
	}
}

func BenchmarkExtract(b *testing.B) {
	e := testEngine(b)
	var sb strings.Builder
	for _, c := range regressionTexts(b) {
		sb.WriteString(c)
		sb.WriteString(" ")
	}
	base := sb.String()
	var text strings.Builder
	for text.Len() < 5<<20 {
		text.WriteString(base)
	}
	// Documents of about 8 KB, like news articles.
	var docs []Doc
	s := text.String()
	for i := 0; i < len(s); {
		j := i + 8000
		if j > len(s) {
			j = len(s)
		}
		for j < len(s) && s[j] != ' ' {
			j++
		}
		docs = append(docs, Doc{ID: "b", Text: s[i:j], Sentences: crudeSentences(s[i:j])})
		i = j
	}
	b.SetBytes(int64(len(s)))
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		for _, d := range docs {
			e.Extract(d)
		}
	}
}

// TestTokenizeFoldsMarks: names with diacritics match their plain
// spelling in the dictionaries.
func TestTokenizeFoldsMarks(t *testing.T) {
	for in, want := range map[string]string{"Nicolás": "nicolas", "Erdoğan": "erdogan", "Tshisekedi": "tshisekedi", "Łukaszenka": "lukaszenka", "São": "sao"} {
		if got := tokenize(in, nil)[0].low; got != want {
			t.Errorf("%s: low %q, want %q", in, got, want)
		}
	}
}
