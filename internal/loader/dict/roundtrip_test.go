package dict

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/refdata"
)

// sharedPetrarch returns the PETRARCH dictionaries kept in ../shared: the
// Phoenix set and the PETRARCH 2 validation set. Like refdata.Dir, it skips
// the test when they are absent, except under CI=true.
func sharedPetrarch(t *testing.T) []string {
	t.Helper()
	dir := refdata.Dir(t)
	var paths []string
	for _, pat := range []string{"petrarch/*.txt", "eval/petrarch2-validate/PETR.Validate.*.txt"} {
		m, err := filepath.Glob(filepath.Join(dir, pat))
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, m...)
	}
	if len(paths) < 11 {
		if os.Getenv("CI") == "true" {
			t.Fatalf("PETRARCH dictionaries missing in %s: found %d files", dir, len(paths))
		}
		t.Skipf("PETRARCH dictionaries absent in %s", dir)
	}
	return paths
}

// comparable clears what legitimately differs between a file read from
// PETRARCH text and the same file read back from YAML: positions, format,
// warnings and name.
func comparable(f *File) *File {
	g := *f
	g.Name, g.Format, g.warnings = "", "", nil
	g.Actors = append([]ActorEntry(nil), f.Actors...)
	for i := range g.Actors {
		g.Actors[i].Where = ""
	}
	g.Verbs = append([]VerbEntry(nil), f.Verbs...)
	for i := range g.Verbs {
		g.Verbs[i].Where = ""
	}
	g.Agents = append([]RoleEntry(nil), f.Agents...)
	for i := range g.Agents {
		g.Agents[i].Where = ""
	}
	g.Discards = append([]Discard(nil), f.Discards...)
	for i := range g.Discards {
		g.Discards[i].Where = ""
	}
	g.Issues = append([]IssueEntry(nil), f.Issues...)
	for i := range g.Issues {
		g.Issues[i].Where = ""
	}
	if v := f.VerbDict; v != nil {
		// Rebuild rather than edit: the blocks are shared with f.
		nv := &VerbDict{Synsets: v.Synsets}
		for _, b := range v.Blocks {
			nb := &VerbBlock{Name: b.Name, Code: b.Code, Alt: b.Alt}
			for _, w := range b.Verbs {
				nw := *w
				nw.Where = ""
				nb.addVerb(&nw)
			}
			for _, p := range b.Patterns {
				np := *p
				np.Where = ""
				nb.Patterns = append(nb.Patterns, &np)
			}
			nv.Blocks = append(nv.Blocks, nb)
		}
		for _, tr := range v.Transforms {
			nt := *tr
			nt.Where = ""
			nv.Transforms = append(nv.Transforms, &nt)
		}
		nv.reindex()
		g.VerbDict = nv
	}
	return &g
}

// roundTrip writes f as YAML, reads it back and reports any difference.
func roundTrip(t testing.TB, f *File) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f.WriteYAML(&buf); err != nil {
		t.Fatalf("%s: WriteYAML: %v", f.Name, err)
	}
	back, err := Parse(f.Name+".yaml", buf.Bytes())
	if err != nil {
		msg := err.Error()
		if len(msg) > 2000 {
			msg = msg[:2000]
		}
		t.Fatalf("%s: reading the YAML back: %s", f.Name, msg)
	}
	if back.Format != FormatYAML {
		t.Errorf("%s: YAML read back as %s", f.Name, back.Format)
	}
	a, b := comparable(f), comparable(back)
	if reflect.DeepEqual(a, b) {
		return buf.Bytes()
	}
	t.Errorf("%s: YAML round trip changed the model", f.Name)
	for i := range a.Actors {
		if i >= len(b.Actors) || !reflect.DeepEqual(a.Actors[i], b.Actors[i]) {
			t.Errorf("first differing actor %d: %+v", i, a.Actors[i])
			break
		}
	}
	for i := range a.Agents {
		if i >= len(b.Agents) || !reflect.DeepEqual(a.Agents[i], b.Agents[i]) {
			t.Errorf("first differing agent %d: %+v", i, a.Agents[i])
			break
		}
	}
	if a.VerbDict != nil && b.VerbDict != nil {
		for i, bl := range a.VerbDict.Blocks {
			if i >= len(b.VerbDict.Blocks) || !reflect.DeepEqual(bl, b.VerbDict.Blocks[i]) {
				t.Errorf("first differing verb block %d: %s", i, bl.Name)
				break
			}
		}
		if !reflect.DeepEqual(a.VerbDict.Synsets, b.VerbDict.Synsets) {
			t.Error("synsets differ")
		}
	}
	return buf.Bytes()
}

// TestRoundTripShared: every shared PETRARCH file, written as kg YAML,
// reads back to an equal model.
func TestRoundTripShared(t *testing.T) {
	for _, p := range sharedPetrarch(t) {
		t.Run(filepath.Base(p), func(t *testing.T) {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			f, err := Parse(filepath.Base(p), data)
			if err != nil {
				t.Fatal(err)
			}
			if f.Format == FormatYAML {
				t.Fatalf("read as YAML")
			}
			roundTrip(t, f)
		})
	}
}

// TestRoundTripKgYAML: kg's own YAML, the embedded files and one with
// every section, goes through WriteYAML unchanged too (kg dict import
// takes YAML inputs).
func TestRoundTripKgYAML(t *testing.T) {
	for _, name := range defaultFiles {
		data, err := embedded.ReadFile("data/" + name)
		if err != nil {
			t.Fatal(err)
		}
		roundTrip(t, parseText(t, name, string(data)))
	}
	roundTrip(t, parseText(t, "all.yaml", `replace: true
actors:
  - {name: Ashfaq Parvez Kayani, code: PAKMIL, type: person, country: PAK, aliases: [Kayani], official: "Gen. Kayani",
     demonyms: [X], places: [Y], abbrevs: [APK], prefixes: [Kay], note: "a note: with colon", replace: true,
     roles: [{code: PAKMIL, from: 2007-11-29, until: 2013}, {code: PAKGOV, until: 2014-02}]}
verbs:
  - {relation: supply_arms, code: 072, verbs: [supply], forms: [sold], nouns: [supply], preps: [to], direct: true,
     words: [{code: "071", words: [loan]}], target_types: [country], noun_window: 4, reverse: true, agent_roles: [OPP, CVL]}
roles: [{word: minister, code: GOV}]
titles: [{title: Mr}, {title: Air Chief Marshal, code: MIL}]
forbid: {merges: [[Kayani, Kiani]], aliases: [Washington], actors: [Turkey]}
`))
}

func TestRoundTripFixtures(t *testing.T) {
	for name, src := range map[string]string{
		"actors": actorsFixture, "agents": agentsFixture, "verbs": verbsFixture,
		"discards":    "WORLD CUP\n+ACADEMY AWARD\nBATSMAN_\n1914\n",
		"issues":      "<ISSUE CATEGORY=\"A\" TYPE=\"ALL\">\nn:atrocity [ID]\n~~v:purge\n</ISSUE>\n",
		"empty verbs": "&EMPTY\n",
	} {
		t.Run(name, func(t *testing.T) {
			roundTrip(t, parseText(t, name, src))
		})
	}
	// Combine of several files reads back the same way.
	all := Combine("all", parseText(t, "a", actorsFixture), parseText(t, "g", agentsFixture), parseText(t, "v", verbsFixture))
	roundTrip(t, all)
}

// TestSharedCounts pins what the reader gets out of the shared files, so
// that a change in how a construct is read shows up as a count.
func TestSharedCounts(t *testing.T) {
	type counts struct{ blocks, verbs, patterns, synsets, transforms, actors, agents, discards, issues int }
	want := map[string]counts{
		"CAMEO.2.0.txt":                    {blocks: 397, verbs: 1817, patterns: 4666, synsets: 40, transforms: 8},
		"Phoenix.Countries.actors.txt":     {actors: 18390},
		"Phoenix.International.actors.txt": {actors: 7841},
		"Phoenix.MilNonState.actors.txt":   {actors: 1021},
		"Phoenix.agents.txt":               {agents: 3374},
		"Phoenix.discards.txt":             {discards: 506},
		"Phoenix.IssueCoding.txt":          {issues: 3159},
		"PETR.Validate.verbs.txt":          {blocks: 261, verbs: 269, patterns: 473, synsets: 17},
		"PETR.Validate.actors.txt":         {actors: 128},
		"PETR.Validate.agents.txt":         {agents: 95},
		"PETR.Validate.discards.txt":       {discards: 9},
	}
	for _, p := range sharedPetrarch(t) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		f, err := Parse(filepath.Base(p), data)
		if err != nil {
			t.Fatal(err)
		}
		c := counts{actors: len(f.Actors), agents: len(f.Agents), discards: len(f.Discards), issues: len(f.Issues)}
		if v := f.VerbDict; v != nil {
			c.blocks, c.synsets, c.transforms = len(v.Blocks), len(v.Synsets), len(v.Transforms)
			for _, b := range v.Blocks {
				c.verbs += len(b.Verbs)
				c.patterns += len(b.Patterns)
			}
		}
		if w, ok := want[filepath.Base(p)]; !ok || c != w {
			t.Errorf("%s: %+v, want %+v", filepath.Base(p), c, w)
		}
	}
}

func TestYAMLPetrarchSections(t *testing.T) {
	f, err := Parse("s.yaml", []byte(`agents:
  - {word: Foreign  Minister, code: GOV}
  - {word: police, code: COP, plurals: []}
  - {word: human rights body, code: NGO, before: true}
discards: ["+academy award", world cup, {phrase: batsman, exact: true}]
issues:
  - {text: "n:atrocity", code: ID_ATROCITY, category: ATROCITY}
  - {text: saturday night massacre, ignore: sentence}
synsets:
  "&CURRENCY": [dollar, dollars, "&gem"]
  "&GEM": [ruby]
verb_blocks:
  - name: GRANT
    code: "070"
    verbs:
      - grant
      - shoot down
      - {verb: give, forms: [gave, given]}
      - {verb: tap, before: [wire], code: "1711:171"}
    patterns:
      - "* &CURRENCY (TO +) [071]"
  - name: MEET
verb_transforms:
  - "a (a b GRANT) SAY = a b 015"
`))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Agents) != 3 || f.Agents[0].Word != "foreign minister" || f.Agents[0].Plurals[0] != "foreign ministers" ||
		len(f.Agents[1].Plurals) != 0 || !f.Agents[2].Before {
		t.Errorf("agents %+v", f.Agents)
	}
	if len(f.Discards) != 3 || !f.Discards[0].Story || !f.Discards[2].Exact {
		t.Errorf("discards %+v", f.Discards)
	}
	if len(f.Issues) != 2 || strings.Join(f.Issues[0].Phrases, ",") != "atrocity,atrocities" || f.Issues[1].Ignore != IgnoreSentence {
		t.Errorf("issues %+v", f.Issues)
	}
	v := f.VerbDict
	if v == nil || len(v.Blocks) != 2 || !v.InSynset("&currency", []string{"ruby"}) {
		t.Fatalf("verb dict %+v", v)
	}
	g := v.Blocks[0]
	if g.Verbs[1].Lemma != "shoot down" || g.Verbs[1].Verb != "shoot" || strings.Join(g.Verbs[2].Forms, ",") != "gave,given" ||
		g.Verbs[3].Lemma != "wire tap" || g.Verbs[3].Code != "1711" || g.Verbs[3].Alt != "171" || g.Verbs[0].Code != "070" {
		t.Errorf("verbs %+v %+v %+v", *g.Verbs[1], *g.Verbs[2], *g.Verbs[3])
	}
	if g.Patterns[0].Target != "post:to" || g.Patterns[0].Where != "s.yaml:21" {
		t.Errorf("pattern %+v", *g.Patterns[0])
	}
	if v.Blocks[1].Code != "---" || len(v.Transforms) != 1 {
		t.Errorf("MEET block %+v, transforms %d", v.Blocks[1], len(v.Transforms))
	}

	for _, tt := range []struct{ yaml, want string }{
		{"agents:\n  - {word: police}\n", `2:5: agent "police" without a code`},
		{"agents:\n  - {word: police, code: cop}\n", `2:26: bad agent code "cop"`},
		{"agents:\n  - {code: COP}\n", "2:5: agent without a word"},
		{"agents:\n  - {word: x, code: COP, plural: []}\n", `2:26: unknown field "plural" in agent`},
		{"discards: [\"+\"]\n", "1:12: discard without a phrase"},
		{"issues:\n  - {text: foo}\n", `2:5: issue "foo" without a code`},
		{"issues:\n  - {text: foo, ignore: always}\n", `2:25: ignore "always": want sentence or story`},
		{"synsets:\n  CURRENCY: [dollar]\n", `2:3: bad synset name "CURRENCY"`},
		{"synsets:\n  \"&C\": [\"$\"]\n", `2:10: synset &C: member "$" holds the marker $`},
		{"synsets: [a]\n", "1:10: synsets: want a mapping"},
		{"verb_blocks:\n  - {code: \"070\"}\n", "2:5: verb block without a name"},
		{"verb_blocks:\n  - {name: A, code: \"0:1:2\"}\n", "2:21: bad code [0:1:2]"},
		{"verb_blocks:\n  - name: A\n    patterns: [\"* {X [010]\"]\n", `3:19: pattern "* {X [010]": missing }`},
		{"verb_blocks:\n  - name: A\n    verbs: [{verb: shoot down}]\n", "3:20: verb: want the one word"},
		{"verb_blocks:\n  - name: A\n    verbs: [\"+give\"]\n", `3:13: bad verb word "+give"`},
		{"verb_transforms: [\"a b\"]\n", `1:19: transformation "a b"`},
	} {
		probs := Check("t.yaml", []byte(tt.yaml))
		if len(probs) != 1 || !strings.HasPrefix(strings.TrimPrefix(probs[0].String(), "t.yaml:"), tt.want) {
			t.Errorf("%q: problems %v, want one: %q", tt.yaml, probs, tt.want)
		}
	}
}

// FuzzParsePetrarch feeds arbitrary text to every PETRARCH reader. None
// may panic; a file Parse accepts must survive a round trip through YAML.
func FuzzParsePetrarch(f *testing.F) {
	for _, s := range []string{actorsFixture, agentsFixture, verbsFixture,
		"WORLD CUP\n+ACADEMY AWARD\nBATSMAN_\n",
		"<ISSUE CATEGORY=\"A\">\nn:a+v:b [X]\n~~c\n</ISSUE>\n",
		"&A_\n+&B\n--- X [010:] ---\n+A_B {+AS_B} [:1]\n- $ (TO {&A B}) * % ^ [01]\n~ a (b (c . X) Y) Q = a c Q\n",
		"X\n\t[A <000101] [B >991231] [C 000101-991231]\n+Y [Z]\n",
		"!P! = A, B\nX!P!_!P! {} [~A]\n", "\t[A]\n", "- * [", "<!--\n", "\xff\xfe[~A]\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &textReader{file: "f"}
		lines := splitLines(r, data)
		if len(lines) > 0 {
			readVerbs(&textReader{file: "f"}, lines)
			readActors(&textReader{file: "f"}, lines)
			readAgents(&textReader{file: "f"}, lines)
			readDiscards(&textReader{file: "f"}, lines)
			readIssues(&textReader{file: "f"}, lines)
		}
		file, err := Parse("f", data)
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "f:") {
					t.Fatalf("problem not located: %q", line)
				}
			}
			return
		}
		if file.Format == FormatYAML {
			return
		}
		roundTrip(t, file)
		d := FromFiles(file)
		d.AgentMatch(strings.Fields(string(data)))
		d.DiscardMatch(string(data))
		d.VerbDict.Warnings()
	})
}
