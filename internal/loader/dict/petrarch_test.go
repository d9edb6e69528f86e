package dict

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/graph"
)

func parseText(t testing.TB, name, src string) *File {
	t.Helper()
	f, err := Parse(name, []byte(src))
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return f
}

func date(y, m, d int) graph.Date { return graph.Date{Year: y, Month: m, Day: d} }

func warningTexts(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		name, src string
		want      Format
	}{
		{"empty", "", FormatYAML},
		{"only comments", "# nothing\n\n", FormatYAML},
		{"yaml key", "# mine\nactors:\n  - {name: X}\n", FormatYAML},
		{"yaml unknown key", "actorz: []\n", FormatYAML},
		{"yaml document", "---\nreplace: true\n", FormatYAML},
		{"yaml flow", "{actors: []}\n", FormatYAML},
		{"yaml bom", "\ufeffroles: []\n", FormatYAML},
		{"verb block", "--- GRANT [070] ---\nGRANT\n- * LOAN [071]\n", FormatVerbs},
		{"synsets only", "&CURRENCY\n+DOLLAR\n", FormatVerbs},
		{"transformation", "~ a (a b ATTACK) SAY = a b 015\n", FormatVerbs},
		{"actors", "GONDOR [GON]\n+MINAS_TIRITH\n", FormatActors},
		{"actors dated", "ARAGORN_\n\t[GONGOV >30190301]\n", FormatActors},
		{"agents", "SOLDIER [~MIL]\nRIGHTS_GROUP [NGO~]\n", FormatAgents},
		{"agents with one odd line", "SOLDIER [~MIL]\nSAILOR [~MIL]\nBOATSWAIN [MIL]\n", FormatAgents},
		{"agents substitution only", "!PERSON! = MAN, WOMAN\n", FormatAgents},
		{"discards", "WORLD CUP\n+ACADEMY AWARD # film\nBATSMAN_\n1914\n", FormatDiscards},
		{"issues tag", "<ISSUE CATEGORY=\"X\">\nfoo [X]\n</ISSUE>\n", FormatIssues},
		{"issues expansion", "n:atrocity [ID_ATROCITY]\n", FormatIssues},
		{"xml comment first", "<!-- VERBS -->\n--- GRANT [070] ---\nGRANT\n", FormatVerbs},
		{"comments only", "<!-- nothing yet -->\n; nor here\n", FormatDiscards},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DetectFormat([]byte(tt.src))
			if err != nil || got != tt.want {
				t.Errorf("DetectFormat = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
	for _, bad := range []string{"name,code\nPakistan,PAK\n", "Pakistan = PAK\n"} {
		if f, err := DetectFormat([]byte(bad)); err == nil {
			t.Errorf("DetectFormat(%q) = %q, want an error", bad, f)
		}
	}
}

const actorsFixture = "<!-- GONDOR TEST ACTORS -->\r\n" +
	"<!--\r\n# a comment spanning\r\nlines -->\r\n" +
	"GONDOR_  [GON] ; TABARI comment\r\n" +
	"+MINAS_TIRITH\r\n" +
	"+GONDORIAN_\r\n" +
	"\r\n" +
	"ARAGORN_\t# a person\r\n" +
	"+STRIDER\r\n" +
	"\t[GONREB < 301231]\r\n" +
	"\t[GONGOV 30190301 - 30210101]\r\n" +
	"\t[GONELI]\r\n" +
	"DENETHOR [GONGOV <301903] [GONELI]\r\n" +
	"RANGERS_OF_ITHILIEN [gonreb]\r\n" +
	"WHITE_COUNCIL [IGOMEE]\r\n" +
	"PAKISTAN [PAK]\r\n" +
	"HAMAS_MILITARY_WING [PSEREBHMS]\r\n" +
	"NATO_MISSION_IN_MINAS [NGOGON]\r\n" +
	"HOBBITON\r\n" +
	"BOROMIR  [GON]\r\n" +
	"\t[GONMIL 19990101]\r\n" +
	"\t[GONGOV 2004017-20061201]\r\n" +
	"\t[GONGOV 20100101-20090101]\r\n" +
	"FARAMIR [GONMIL 1920030320-20060520]\r\n"

func TestReadActors(t *testing.T) {
	f := parseText(t, "gondor.actors", actorsFixture)
	if f.Format != FormatActors {
		t.Fatalf("format %s", f.Format)
	}
	want := []ActorEntry{
		{Name: "Gondor", Code: "GON", Type: graph.Organization, Aliases: []string{"Minas Tirith", "Gondorian"}, Where: "gondor.actors:5"},
		{Name: "Aragorn", Code: "GONELI", Type: graph.Person, Aliases: []string{"Strider"}, Where: "gondor.actors:9",
			Roles: []RoleSpan{{Code: "GONREB", Until: date(2030, 12, 31)}, {Code: "GONGOV", From: date(3019, 3, 1), Until: date(3021, 1, 1)}}},
		{Name: "Denethor", Code: "GONELI", Type: graph.Organization, Where: "gondor.actors:14"},
		{Name: "Rangers of Ithilien", Code: "GONREB", Type: graph.Group, Where: "gondor.actors:15"},
		{Name: "White Council", Code: "IGOMEE", Type: graph.IGO, Where: "gondor.actors:16"},
		{Name: "Pakistan", Code: "PAK", Type: graph.Country, Country: "PAK", Where: "gondor.actors:17"},
		{Name: "Hamas Military Wing", Code: "PSEREBHMS", Type: graph.Group, Country: "PSE", Where: "gondor.actors:18"},
		{Name: "NATO Mission in Minas", Code: "NGOGON", Type: graph.Organization, Where: "gondor.actors:19"},
		{Name: "Hobbiton", Type: graph.Organization, Where: "gondor.actors:20"},
		{Name: "Boromir", Code: "GON", Type: graph.Person, Where: "gondor.actors:21",
			Roles: []RoleSpan{{Code: "GONMIL", From: date(1999, 1, 1)}}},
		{Name: "Faramir", Type: graph.Person, Where: "gondor.actors:25",
			Roles: []RoleSpan{{Code: "GONMIL", From: date(2003, 3, 20), Until: date(2006, 5, 20)}}},
	}
	if !reflect.DeepEqual(f.Actors, want) {
		t.Errorf("actors:\n got %+v\nwant %+v", f.Actors, want)
	}
	warns := strings.Join(warningTexts(f.Warnings()), "\n")
	for _, w := range []string{
		`gondor.actors:14:11: warning: bad date "301903": no such day`,
		`gondor.actors:22:3: warning: date 19990101 without < or >: read as >19990101`,
		`gondor.actors:23:3: warning: bad date "2004017": want YYMMDD or YYYYMMDD`,
		`gondor.actors:24:3: warning: restriction GONGOV 20100101-20090101 ends before it starts; dropped`,
		`gondor.actors:25:10: warning: date 1920030320 has 10 digits: read as 2003-03-20`,
	} {
		if !strings.Contains(warns, w) {
			t.Errorf("warnings lack %q:\n%s", w, warns)
		}
	}
}

func TestActorClaims(t *testing.T) {
	f := parseText(t, "a.txt", "EREBOR [ERE]\n+LONELY_MOUNTAIN\n+ESGAROTH\nESGAROTH [DAL]\nTHRAIN [ERE]\n+LONELY_MOUNTAIN\nEREBOR [EREGOV]\n+THE_MOUNTAIN\n+THRAIN\n")
	got := map[string][]string{}
	for _, a := range f.Actors {
		got[a.Name] = append(got[a.Name], a.Aliases...)
	}
	want := map[string][]string{"Erebor": {"The Mountain"}, "Esgaroth": nil, "Thrain": {"Lonely Mountain"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("aliases after claims = %v, want %v", got, want)
	}
	if n := len(f.Warnings()); n != 3 {
		t.Errorf("%d warnings, want 3: %v", n, f.Warnings())
	}
	// The result must satisfy kg YAML's rule of one actor per surface form.
	var buf bytes.Buffer
	if err := f.WriteYAML(&buf); err != nil {
		t.Fatal(err)
	}
	if probs := Check("a.yaml", buf.Bytes()); probs != nil {
		t.Errorf("converted YAML has problems: %v", probs)
	}
}

// TestQualifiedNames: a name the dictionary qualifies in parentheses is
// matched as text writes it, without the parenthesis, and by the short
// form the parenthesis holds; a form two actors would share is neither's.
func TestQualifiedNames(t *testing.T) {
	f := parseText(t, "q.txt", "BASQUE_FATHERLAND_AND_FREEDOM_(ETA)_ [ESPREB]\n"+
		"NATIONAL_LIBERATION_ARMY_(COLOMBIA)_ [COLREB]\n"+
		"NATIONAL_LIBERATION_ARMY_(BOLIVIA)_ [BOLREB]\n+ELN-B\n"+
		"ARYAN_NATIONS_(AN)_ [USAREB]\n"+
		"ISLAMIC_ARMY_(IAA)_ [YEMREB]\n+ARMY_OF_ADEN_(AAA)_\n"+
		"KOREA_(SOUTH)_ [KOR]\nKOREA_(NORTH)_ [PRK]\n")
	got := map[string][]string{}
	for _, a := range f.Actors {
		got[a.Name] = append([]string(nil), a.Aliases...)
	}
	want := map[string][]string{
		"Basque Fatherland and Freedom (ETA)": {"Basque Fatherland and Freedom"},
		"National Liberation Army (Colombia)": nil,
		"National Liberation Army (Bolivia)":  {"Eln-B"},
		"Aryan Nations (AN)":                  {"Aryan Nations"},
		"Islamic Army (IAA)":                  {"Army of Aden (AAA)", "Islamic Army", "IAA", "Army of Aden", "AAA"},
		"Korea (SOUTH)":                       nil,
		"Korea (NORTH)":                       nil,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("aliases = %q,\nwant %q", got, want)
	}
}

func TestTabariDate(t *testing.T) {
	tests := []struct {
		in   string
		want graph.Date
		ok   bool
	}{
		{"000101", date(2000, 1, 1), true},
		{"300101", date(2030, 1, 1), true},
		{"310101", date(1931, 1, 1), true},
		{"991231", date(1999, 12, 31), true},
		{"19411207", date(1941, 12, 7), true},
		{"20120229", date(2012, 2, 29), true},
		{"20100229", graph.Date{}, false},
		{"20100931", graph.Date{}, false},
		{"2004017", graph.Date{}, false},
		{"1920030320", date(2003, 3, 20), true},
		{"12345", graph.Date{}, false},
	}
	for _, tt := range tests {
		got, ok := tabariDate(&textReader{}, 1, 1, tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("tabariDate(%s) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDisplayName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"HAMID_KARZAI_", "Hamid Karzai"},
		{"AL-QAEDA", "Al-Qaeda"},
		{"MINISTRY_OF_DEFENCE", "Ministry of Defence"},
		{"THE_UNITED_NATIONS_", "The United Nations"},
		{"UN_SECRETARY_GENERAL", "UN Secretary General"},
		{"IMF", "IMF"},
		{"FARC", "FARC"},
		{"IRAN", "Iran"},
		{"U.N._", "U.N."},
		{"JAISH-E-MOHAMMAD_(JEM)", "Jaish-E-Mohammad (JEM)"},
		{"O'NEILL", "O'Neill"},
		{"F/A-18_FIGHTER", "F/A-18 Fighter"},
		{"GEORGE_W._BUSH", "George W. Bush"},
		{"UN_Secy_Gen", "UN Secy Gen"},
		{"JOHN_J MCCLOY_", "John J Mccloy"},
		{"CÔTE_D'IVOIRE", "Côte D'Ivoire"},
		{"MR_BAGGINS", "Mr Baggins"},
		{"_", ""},
	}
	for _, tt := range tests {
		if got := displayName(tt.in); got != tt.want {
			t.Errorf("displayName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNounPlural(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"soldier", "soldiers"}, {"army", "armies"}, {"envoy", "envoys"}, {"congress", "congresses"},
		{"bus", "buses"}, {"gas", "gases"}, {"crisis", "crises"}, {"church", "churches"}, {"box", "boxes"},
		{"troops", ""}, {"forces", ""}, {"chairman", "chairmen"}, {"militiamen", ""}, {"human", "humans"},
		{"foreign minister", "foreign ministers"}, {"attorney general", "attorney generals"},
	} {
		if got := nounPlural(tt.in); got != tt.want {
			t.Errorf("nounPlural(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestVerbForms(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"accelerate", "accelerates accelerated accelerating"},
		{"hurry", "hurries hurried hurrying"},
		{"delay", "delays delayed delaying"},
		{"push", "pushes pushed pushing"},
		{"agree", "agrees agreed agreeing"},
		{"die", "dies died dying"},
		{"stop", "stops stoped stoping"}, // no doubling: give {stopped stopping}
	} {
		if got := strings.Join(verbForms(tt.in), " "); got != tt.want {
			t.Errorf("verbForms(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

const agentsFixture = `<!-- AGENTS -->
!PERSON! = MAN, WOMAN
!MINST! = MINISTER, MINISTRY

SOLDIER [~MIL] # regular plural
POLICE {} [ ~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
CONGRESS!PERSON! [~LEG]
FOREIGN_!MINST! [~GOV]
HUMAN_RIGHTS_BODY  [  NGO~]
ENVIRONMENT_OFFICE [~ENV}
ISLAMIC_EXTREMIST
ARMY [~MIL]
`

func TestReadAgents(t *testing.T) {
	f := parseText(t, "a.agents", agentsFixture)
	w := "a.agents:"
	want := []RoleEntry{
		{Word: "soldier", Code: "MIL", Plurals: []string{"soldiers"}, Where: w + "5"},
		{Word: "police", Code: "COP", Plurals: []string{}, Where: w + "6"},
		{Word: "attorney general", Code: "GOVATG", Plurals: []string{"attorneys general"}, Where: w + "7"},
		{Word: "congressman", Code: "LEG", Plurals: []string{}, Where: w + "8"},
		{Word: "congresswoman", Code: "LEG", Plurals: []string{}, Where: w + "8"},
		{Word: "foreign minister", Code: "GOV", Plurals: []string{}, Where: w + "9"},
		{Word: "foreign ministry", Code: "GOV", Plurals: []string{}, Where: w + "9"},
		{Word: "human rights body", Code: "NGO", Before: true, Plurals: []string{"human rights bodies"}, Where: w + "10"},
		{Word: "environment office", Code: "ENV", Plurals: []string{"environment offices"}, Where: w + "11"},
		{Word: "army", Code: "MIL", Plurals: []string{"armies"}, Where: w + "13"},
	}
	if !reflect.DeepEqual(f.Agents, want) {
		t.Errorf("agents:\n got %+v\nwant %+v", f.Agents, want)
	}
	warns := strings.Join(warningTexts(f.Warnings()), "\n")
	for _, s := range []string{"a.agents:11:20: warning: code closed with } instead of ]", `a.agents:12:1: warning: agent "ISLAMIC_EXTREMIST" without a [code]; skipped`} {
		if !strings.Contains(warns, s) {
			t.Errorf("warnings lack %q:\n%s", s, warns)
		}
	}

	d := FromFiles(f)
	for _, tt := range []struct {
		words  string
		code   string
		before bool
		n      int
	}{
		{"soldiers fired", "MIL", false, 1},
		{"Foreign Minister said", "GOV", false, 2},
		{"human rights bodies", "NGO", true, 3},
		{"attorneys general met", "GOVATG", false, 2},
		{"foreign office", "", false, 0},
		{"police", "COP", false, 1},
	} {
		code, before, n, ok := d.AgentMatch(strings.Fields(tt.words))
		if code != tt.code || before != tt.before || n != tt.n || ok != (tt.n > 0) {
			t.Errorf("AgentMatch(%q) = %s %v %d %v; want %s %v %d", tt.words, code, before, n, ok, tt.code, tt.before, tt.n)
		}
	}
	if c, ok := d.Role("soldiers"); !ok || c != "MIL" {
		t.Errorf("Role(soldiers) = %s %v", c, ok)
	}
	if c, ok := d.Role("congresswoman"); !ok || c != "LEG" {
		t.Errorf("Role(congresswoman) = %s %v", c, ok)
	}
}

func TestDiscards(t *testing.T) {
	f := parseText(t, "d.txt", "# discards\nWORLD CUP\n+ ACADEMY AWARD # films\nBATSMAN_\n1914\nMONTHS_LATER\n")
	want := []Discard{
		{Phrase: "world cup", Where: "d.txt:2"},
		{Phrase: "academy award", Story: true, Where: "d.txt:3"},
		{Phrase: "batsman", Exact: true, Where: "d.txt:4"},
		{Phrase: "1914", Where: "d.txt:5"},
		{Phrase: "months later", Where: "d.txt:6"},
	}
	if !reflect.DeepEqual(f.Discards, want) {
		t.Fatalf("discards:\n got %+v\nwant %+v", f.Discards, want)
	}
	d := FromFiles(f)
	for _, tt := range []struct {
		sentence string
		want     string // "" for no match
	}{
		{"The World  Cup final was held.", "world cup"},
		{"world cups are rare", "world cup"},
		{"Aworld cup", ""},
		{"The batsman, tired, left.", "batsman_"},
		{"The batsmanship was poor.", ""},
		{"In 1914 war broke out; the world cup too.", "world cup"},
		{"He won the Academy Award and the World Cup.", "+academy award"},
		{"Nothing here.", ""},
	} {
		got, ok := d.DiscardMatch(tt.sentence)
		if ok != (tt.want != "") || (ok && got.String() != tt.want) {
			t.Errorf("DiscardMatch(%q) = %s %v, want %q", tt.sentence, got, ok, tt.want)
		}
	}
}

func TestIssues(t *testing.T) {
	f := parseText(t, "i.txt", `<ISSUE CATEGORY="ATROCITY" TYPE="ALL">
n:atrocity [ID_ATROCITY]
ethnic v:purge [ID_ATROCITY]
al+zarqawi network [NAMED_TERROR_GROUP]
~Saturday Night massacre
~~Armenian genocide  # historical
gas attack [WMD]chemical attack [WMD]
european central bank
</ISSUE>
`)
	type e struct{ text, code, ignore, phrases string }
	var got []e
	for _, x := range f.Issues {
		if x.Category != "ATROCITY" || x.CategoryType != "ALL" {
			t.Errorf("category of %q = %q %q", x.Text, x.Category, x.CategoryType)
		}
		got = append(got, e{x.Text, x.Code, x.Ignore, strings.Join(x.Phrases, "|")})
	}
	want := []e{
		{"n:atrocity", "ID_ATROCITY", "", "atrocity|atrocities"},
		{"ethnic v:purge", "ID_ATROCITY", "", "ethnic purge|ethnic purges|ethnic purged|ethnic purging"},
		{"al+zarqawi network", "NAMED_TERROR_GROUP", "", "al zarqawi network|al-zarqawi network"},
		{"saturday night massacre", "", IgnoreSentence, "saturday night massacre"},
		{"armenian genocide", "", IgnoreStory, "armenian genocide"},
		{"gas attack", "WMD", "", "gas attack"},
		{"chemical attack", "WMD", "", "chemical attack"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("issues:\n got %+v\nwant %+v", got, want)
	}
	if ws := warningTexts(f.Warnings()); len(ws) != 1 || !strings.Contains(ws[0], `i.txt:8:1: warning: issue phrase "european central bank" without a [CODE]; skipped`) {
		t.Errorf("warnings %q", ws)
	}
	if _, err := expandIssue(strings.Repeat("n:a+b+c ", 12)); err == nil {
		t.Error("expandIssue of a huge expansion: no error")
	}
}

func TestPetrarchErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"unknown format", "HELLO, WORLD\n", "f:1:1: unrecognised dictionary format"},
		{"restriction first", "\t[GONGOV]\nGONDOR [GON]\n", "f:1:2: dated code [GONGOV] before any actor"},
		{"synonym first", "+MINAS\nGONDOR [GON]\n", "f:1:1: synonym +MINAS before any actor"},
		{"bad actor code", "GONDOR [GON-GOV]\n", `f:1:9: bad actor code "GON-GOV"`},
		{"bad agent code", "SOLDIER [~MIL~]\n", `f:1:10: bad agent code "~MIL~"`},
		{"verb before block", "&X\n+A\nGRANT\n", `f:3:1: verb "GRANT" before any verb block`},
		{"pattern before block", "&X\n+A\n- * LOAN [071]\n", "f:3:1: pattern before any verb block"},
		{"bad block header", "--- [070] ---\n", "f:1:1: block header without a name"},
		{"bad verb code", "--- GRANT [070] ---\nGRANT [07:1:2]\n", "f:2:7: bad code [07:1:2]"},
		{"two plus", "--- GRANT [070] ---\n+GIVE_+UP\n", "f:2:1: more than one + in the multiword verb"},
		{"line too long", "WORLD CUP\n" + strings.Repeat("A", maxLineLen+1) + "\n", "f:2:1: line is longer than"},
		{"empty subst", "!X! = \nSOLDIER [~MIL]\n", "f:1:1: substitution set !X! is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("f", []byte(tt.src))
			var pe *ProblemsError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse error = %v, want problems", err)
			}
			if got := err.Error(); !strings.HasPrefix(got, tt.want) || strings.Contains(got, "\n") {
				t.Errorf("error = %q, want one line starting %q", got, tt.want)
			}
		})
	}
	big := make([]byte, maxFileSize+1)
	if _, err := Parse("big", big); err == nil || !strings.Contains(err.Error(), "larger than 64 MiB") {
		t.Errorf("oversized file: %v", err)
	}
}

func TestProblemString(t *testing.T) {
	for _, tt := range []struct {
		p    Problem
		want string
	}{
		{Problem{File: "f", Line: 3, Col: 4, Msg: "m"}, "f:3:4: m"},
		{Problem{File: "f", Line: 3, Msg: "m", Warning: true}, "f:3: warning: m"},
		{Problem{File: "f", Msg: "m", Warning: true}, "f: warning: m"},
	} {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.p, got, tt.want)
		}
	}
}

func TestLatin1Input(t *testing.T) {
	f := parseText(t, "l.txt", "C\xd4TE_D'IVOIRE [CIV]\n")
	if f.Actors[0].Name != "Côte D'Ivoire" {
		t.Errorf("name %q", f.Actors[0].Name)
	}
	if ws := f.Warnings(); len(ws) != 1 || !strings.Contains(ws[0].Msg, "Windows-1252") {
		t.Errorf("warnings %v", ws)
	}
}

// TestNormASCII: the ASCII fast path of norm agrees with the general one.
func TestNormASCII(t *testing.T) {
	inputs := []string{"", " ", "the", "The Hague", "U.S.", "Russia's", "Russia'S's", "  a--b  ", "THE  X", "the ", "x_y", "O'Neill", "The", "thex", "the x's"}
	const alphabet = "aZ0 .'_-sST h"
	for i := 0; i < 3000; i++ {
		var b []byte
		for n, j := i, 0; j < 7; j++ {
			b = append(b, alphabet[n%len(alphabet)])
			n = n/len(alphabet) + j*i
		}
		inputs = append(inputs, string(b))
	}
	for _, in := range inputs {
		fast, ok := normASCII(in)
		if !ok || fast != normRunes(in) {
			t.Errorf("norm(%q): fast %q, general %q", in, fast, normRunes(in))
		}
	}
	if _, ok := normASCII("Côte"); ok {
		t.Error("normASCII accepted non-ASCII")
	}
}

func TestSubstitute(t *testing.T) {
	sets := map[string][]string{"P": {"MAN", "WOMAN"}, "SELF": {"X!SELF!"}, "LOOP": {"!LOOP!"}}
	got, err := substitute("CONGRESS!P!_OF_!P!", sets)
	if err != nil || strings.Join(got, ",") != "CONGRESSMAN_OF_MAN,CONGRESSMAN_OF_WOMAN,CONGRESSWOMAN_OF_MAN,CONGRESSWOMAN_OF_WOMAN" {
		t.Errorf("substitute = %v, %v", got, err)
	}
	for _, bad := range []string{"A!SELF!", "!LOOP!", "!NONE!", "A!P"} {
		if _, err := substitute(bad, sets); err == nil {
			t.Errorf("substitute(%q): no error", bad)
		}
	}
}
