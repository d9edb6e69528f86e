package dict

import (
	"reflect"
	"strings"
	"testing"
)

const verbsFixture = `# A VERB DICTIONARY FOR THE TESTS
&CURRENCY
+GOLD_PIECE
+MITHRIL_
+&GEMSTONE

&GEMSTONE_
+ARKENSTONE
+WHITE_GEMS

&NEG_
+DID_NOT
+WOULD_NOT

--- GRANT  [070]  ---
GRANT
GIVE {GAVE GIVEN GIVING GIVES}
HURRY
+HAND_OVER {+HANDS_OVER +HANDED_OVER +HANDING_OVER} [071]
WIRE_+TRANSFER
PASS ON ; TABARI comment
- * &CURRENCY (TO +)     [071]  # GRANT
- $ * {FINANCIAL AID} (FOR &GEMSTONE) [073:074]
- &NEG_WANT * [---]
- SUGGESTED_+ * IN_ $ [0711]
- % * TALKS (IN ^) [:046]
- * VENTURE (WITH VISIT) VISIT) [042]

--- MEET [031:031] ---
MEET {MET MEETING MEETS}
- * (WITH ^) [  040 ]

--- ROAR [345] ---
ROAR
- * LOUDLY [def]
- * &TREASURE [0711]

~ a (a b GRANT) MEET = a b 070
`

func words2(s string) []string { return strings.Fields(s) }

func ph(s string) Phrase { return Phrase{Words: words2(s)} }

func TestReadVerbs(t *testing.T) {
	f := parseText(t, "v.verbs", verbsFixture)
	v := f.VerbDict
	if f.Format != FormatVerbs || v == nil {
		t.Fatalf("format %s, verb dict %v", f.Format, v)
	}
	wantSyn := map[string][]Phrase{
		"&CURRENCY": {ph("gold piece"), ph("gold pieces"), ph("mithril"), ph("&gemstone")},
		"&GEMSTONE": {ph("arkenstone"), ph("white gems")},
		"&NEG":      {ph("did not"), ph("would not")},
	}
	if !reflect.DeepEqual(v.Synsets, wantSyn) {
		t.Errorf("synsets:\n got %v\nwant %v", v.Synsets, wantSyn)
	}
	if len(v.Blocks) != 3 {
		t.Fatalf("%d blocks", len(v.Blocks))
	}
	g := v.Blocks[0]
	if g.Name != "GRANT" || g.Code != "070" || g.Alt != "" || g.Where != "v.verbs:15" {
		t.Errorf("block %+v", g)
	}
	type vw struct{ lemma, verb, before, after, forms, code string }
	var got []vw
	for _, w := range g.Verbs {
		if w.Block != g {
			t.Errorf("%s: Block does not point at its block", w.Lemma)
		}
		got = append(got, vw{w.Lemma, w.Verb, strings.Join(w.Before, " "), strings.Join(w.After, " "), strings.Join(w.Forms, " "), joinCode(w.Code, w.Alt)})
	}
	want := []vw{
		{"grant", "grant", "", "", "grants granted granting", "070"},
		{"give", "give", "", "", "gave given giving gives", "070"},
		{"hurry", "hurry", "", "", "hurries hurried hurrying", "070"},
		{"hand over", "hand", "", "over", "hands handed handing", "071"},
		{"wire transfer", "transfer", "wire", "", "transfers transfered transfering", "070"},
		{"pass on", "pass", "", "on", "passes passed passing", "070"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("verbs:\n got %v\nwant %v", got, want)
	}
	wantPats := []*Pattern{
		{Post: []Phrase{ph("&currency")}, PostPreps: []PrepPhrase{{Prep: "to", Object: &Phrase{Words: []string{"+"}}}},
			Code: "071", Target: "post:to", Text: "* &CURRENCY (TO +) [071]", Where: "v.verbs:22"},
		{Pre: []Phrase{ph("$")}, Post: []Phrase{ph("financial aid")}, PostPreps: []PrepPhrase{{Prep: "for", Object: &Phrase{Words: []string{"&gemstone"}}}},
			Code: "073", Alt: "074", Source: "pre", Text: "$ * {FINANCIAL AID} (FOR &GEMSTONE) [073:074]", Where: "v.verbs:23"},
		{Pre: []Phrase{ph("&neg want")}, Code: "---", Text: "&NEG_WANT * [---]", Where: "v.verbs:24"},
		{Pre: []Phrase{ph("suggested +")}, Post: []Phrase{ph("in"), ph("$")}, Code: "0711", Source: "post", Target: "pre",
			Text: "SUGGESTED_+ * IN_ $ [0711]", Where: "v.verbs:25"},
		{Pre: []Phrase{ph("%")}, Post: []Phrase{ph("talks")}, PostPreps: []PrepPhrase{{Prep: "in", Object: &Phrase{Words: []string{"^"}}}},
			Alt: "046", Compound: "pre", Text: "% * TALKS (IN ^) [:046]", Where: "v.verbs:26"},
	}
	if !reflect.DeepEqual(g.Patterns, wantPats) {
		for i := range g.Patterns {
			t.Errorf("pattern %d: %+v", i, *g.Patterns[i])
		}
	}
	m := v.Blocks[1]
	if m.Code != "031" || m.Alt != "031" || len(m.Patterns) != 1 || m.Patterns[0].Text != "* (WITH ^) [040]" || m.Verbs[0].Alt != "031" {
		t.Errorf("MEET block %+v", m)
	}
	wantT := []*Transform{{Match: TransformEvent{Source: "a", Event: &TransformEvent{Source: "a", Target: "b", Verb: "grant"}, Verb: "meet"},
		Source: "a", Target: "b", Code: "070", Text: "a (a b GRANT) MEET = a b 070", Where: "v.verbs:38"}}
	if !reflect.DeepEqual(v.Transforms, wantT) {
		t.Errorf("transforms %+v", v.Transforms[0])
	}

	warns := strings.Join(warningTexts(f.Warnings()), "\n")
	for _, w := range []string{
		`v.verbs:21:1: warning: multiword verb "PASS ON" without +: its first word inflects`,
		`v.verbs:27:31: warning: unexpected ')'; pattern skipped`,
		`v.verbs:33: warning: block ROAR: "345" is not a CAMEO event code; coded as given, with no Goldstein score or quad class`,
		`v.verbs:35: warning: pattern * LOUDLY [def]: "def" is not a CAMEO event code`,
		`v.verbs:36: warning: pattern * &TREASURE [0711]: synset &TREASURE is not defined`,
	} {
		if !strings.Contains(warns, w) {
			t.Errorf("warnings lack %q:\n%s", w, warns)
		}
	}
	// Non-CAMEO codes are kept as written.
	if p := v.Blocks[2].Patterns[0]; p.Code != "def" {
		t.Errorf("ROAR pattern code %q", p.Code)
	}
}

func TestVerbDictLookups(t *testing.T) {
	v := parseText(t, "v.verbs", verbsFixture).VerbDict
	lemmas := func(ws []*VerbWord) string {
		var out []string
		for _, w := range ws {
			out = append(out, w.Lemma)
		}
		return strings.Join(out, ",")
	}
	for _, tt := range []struct{ in, lookup, form string }{
		{"give", "give", "give"},
		{"gave", "", "give"},
		{"hand", "hand over", "hand over"},
		{"handed", "", "hand over"},
		{"Transfer", "wire transfer", "wire transfer"},
		{"met", "", "meet"},
		{"pass", "pass on", "pass on"},
		{"nothing", "", ""},
	} {
		if got := lemmas(v.Lookup(tt.in)); got != tt.lookup {
			t.Errorf("Lookup(%s) = %q, want %q", tt.in, got, tt.lookup)
		}
		if got := lemmas(v.Form(tt.in)); got != tt.form {
			t.Errorf("Form(%s) = %q, want %q", tt.in, got, tt.form)
		}
	}
	for _, tt := range []struct {
		name, words string
		want        bool
	}{
		{"&CURRENCY", "gold pieces", true},
		{"&currency", "gold piece", true},
		{"CURRENCY", "arkenstone", true},
		{"&CURRENCY", "white gems", true},
		{"&CURRENCY", "mithrils", false},
		{"&CURRENCY", "gold", false},
		{"&GEMSTONE", "arkenstones", false},
		{"&NOSUCH", "gold", false},
	} {
		if got := v.InSynset(tt.name, strings.Fields(tt.words)); got != tt.want {
			t.Errorf("InSynset(%s, %s) = %v", tt.name, tt.words, got)
		}
	}
	var nilDict *VerbDict
	if nilDict.Lookup("x") != nil || nilDict.Form("x") != nil || nilDict.InSynset("&X", []string{"x"}) || nilDict.Warnings() != nil {
		t.Error("a nil VerbDict is not empty")
	}
}

func TestSynsetCycle(t *testing.T) {
	v := parseText(t, "c.verbs", "&A\n+&B\n&B\n+&A\n+WORD\n--- X [010] ---\nX\n").VerbDict
	if !v.InSynset("&A", []string{"word"}) || v.InSynset("&A", []string{"other"}) {
		t.Error("nested synsets")
	}
}

func TestParsePattern(t *testing.T) {
	known := map[string]bool{"&MIL": true, "&MIL_FORCE": true}
	for _, tt := range []struct {
		in        string
		pre, post string // phrases joined by "|"
		preps     string // post preps: "prep:object|..."
		code, alt string
	}{
		{"* (TO) [042:043]", "", "", "to:", "042", "043"},
		{"&MIL * (TO BORDER) [154]", "&mil", "", "to:border", "154", ""},
		{"&MIL_FORCE * [154]", "&mil_force", "", "", "154", ""},
		{"&MIL_UNITS * [154]", "&mil units", "", "", "154", ""},
		{"&OTHER_UNITS * [154]", "&other_units", "", "", "154", ""},
		{"IN_AND_*_OUT_AGAIN NOW [074]", "in and", "out again|now", "", "074", ""},
		{"* (TO + BORDER) [0874]", "", "", "to:+ border", "0874", ""},
		{"* (IN AIR {FIGHTER JET}) [190]", "", "", "in:air fighter jet", "190", ""},
		{"* FIRST VISIT TO ^ + [042:043]", "", "first|visit|to|^|+", "", "042", "043"},
		{"*   {FACT-FINDING   MISSION} [090]", "", "fact-finding mission", "", "090", ""},
		{"* [ :173 ]", "", "", "", "", "173"},
	} {
		p, _, err := parsePattern(tt.in, known, func(int, string, ...any) {})
		if err != nil {
			t.Errorf("parsePattern(%q): %v", tt.in, err)
			continue
		}
		join := func(ps []Phrase) string {
			var out []string
			for _, x := range ps {
				out = append(out, x.String())
			}
			return strings.Join(out, "|")
		}
		var preps []string
		for _, pp := range p.PostPreps {
			o := ""
			if pp.Object != nil {
				o = pp.Object.String()
			}
			preps = append(preps, pp.Prep+":"+o)
		}
		if join(p.Pre) != tt.pre || join(p.Post) != tt.post || strings.Join(preps, "|") != tt.preps || p.Code != tt.code || p.Alt != tt.alt {
			t.Errorf("parsePattern(%q) = pre %q post %q preps %q code %q:%q", tt.in, join(p.Pre), join(p.Post), strings.Join(preps, "|"), p.Code, p.Alt)
		}
	}
	for _, tt := range []struct {
		in   string
		col  int
		want string
	}{
		{"* {A B [010]", 2, "missing }"},
		{"* (TO [010]", 2, "missing )"},
		{"A * B * [010]", 6, "more than one *"},
		{"A B [010]", 0, "pattern without * (the verb)"},
		{"* A", 3, "pattern without a [code]"},
		{"* A [010", 4, "missing ] after the pattern code"},
		{"* A|B [010]", 3, "alternatives with | are not supported"},
		{"* {} [010]", 2, "empty {}"},
		{"* ({X} Y) [010]", 3, "prepositional phrase must start with a preposition"},
		{"* A [01:02:03]", 4, "bad code [01:02:03]"},
		{"* A [] ", 4, "empty code []"},
	} {
		_, col, err := parsePattern(tt.in, nil, func(int, string, ...any) {})
		if err == nil || col != tt.col || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("parsePattern(%q) = col %d, %v; want col %d, %q", tt.in, col, err, tt.col, tt.want)
		}
	}
}

func TestParseTransform(t *testing.T) {
	tr, err := parseTransform(" a (b (c . ATTACK) SAY) Q  = a c Q")
	if err != nil {
		t.Fatal(err)
	}
	want := &Transform{Match: TransformEvent{Source: "a", Verb: "Q", Event: &TransformEvent{Source: "b", Verb: "say",
		Event: &TransformEvent{Source: "c", Target: ".", Verb: "attack"}}}, Source: "a", Target: "c", Code: "Q", Text: "a (b (c . ATTACK) SAY) Q = a c Q"}
	if !reflect.DeepEqual(tr, want) {
		t.Errorf("parseTransform = %+v", tr)
	}
	for _, bad := range []string{"a (a b X SAY = a b 1", "a b", "a (a b X) SAY = a b", "A (a b X) SAY = a b 015", "a (a b X) = a b 1", "a (a b X) SAY = = a b 1", "a (a b X) SAY extra = a b 1"} {
		if _, err := parseTransform(bad); err == nil {
			t.Errorf("parseTransform(%q): no error", bad)
		}
	}
}

func TestVerbMerge(t *testing.T) {
	a := parseText(t, "a.verbs", verbsFixture)
	b := parseText(t, "b.verbs", `&CURRENCY
+SILVER_
--- GIVE_MORE [072] ---
GIVE {GAVE GIVEN}
- * ALMS [0731]
--- NEW [010] ---
+NEW_UP
`)
	d := FromFiles(a, b)
	v := d.VerbDict
	if len(v.Blocks) != 4 {
		t.Fatalf("%d blocks after merging, want 4 (GRANT extended, MEET, ROAR, NEW)", len(v.Blocks))
	}
	g := v.Blocks[0]
	if g.Name != "GRANT" || g.Code != "072" || len(g.Patterns) != 6 || g.Patterns[5].Text != "* ALMS [0731]" {
		t.Errorf("extended block %s [%s] with %d patterns", g.Name, g.Code, len(g.Patterns))
	}
	codes := map[string]string{}
	for _, w := range g.Verbs {
		codes[w.Lemma] = w.Code + " " + strings.Join(w.Forms, ",")
	}
	if codes["give"] != "072 gave,given" || codes["grant"] != "072 grants,granted,granting" || codes["hand over"] != "071 hands,handed,handing" {
		t.Errorf("merged verbs %v", codes)
	}
	if ws := v.Lookup("give"); len(ws) != 1 || ws[0].Block != g {
		t.Errorf("Lookup(give) = %v", ws)
	}
	if !v.InSynset("&CURRENCY", []string{"silver"}) || !v.InSynset("&CURRENCY", []string{"gold", "piece"}) {
		t.Error("synsets of both files")
	}
	// The files themselves are left as read.
	if a.VerbDict.Blocks[0].Code != "070" || len(a.VerbDict.Blocks[0].Patterns) != 5 || a.VerbDict.Blocks[0].Verbs[1].Code != "070" {
		t.Error("merging changed the first file")
	}
	if d := FromFiles(a, &File{Replace: true}); len(d.VerbDict.Blocks) != 0 {
		t.Error("replace: true keeps verb blocks")
	}
	if d := FromFiles(); d.VerbDict == nil || d.VerbDict.Lookup("give") != nil {
		t.Error("empty dictionary: VerbDict must be empty, not nil")
	}
}
