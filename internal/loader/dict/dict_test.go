package dict

import (
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/graph"
)

func mustDefault(t testing.TB) *Dictionary {
	t.Helper()
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDefaultCountries(t *testing.T) {
	d := mustDefault(t)
	alpha3 := regexp.MustCompile(`^[A-Z]{3}$`)
	n := 0
	for _, a := range d.Actors {
		if a.Type != graph.Country {
			continue
		}
		n++
		if !alpha3.MatchString(a.Code) {
			t.Errorf("country %s: code %q is not three letters", a.Name, a.Code)
		}
		if a.Country != a.Code {
			t.Errorf("country %s: country %q differs from code %q", a.Name, a.Country, a.Code)
		}
	}
	if n < 240 {
		t.Errorf("%d countries in the default dictionary, want about 250", n)
	}
	// A later file's entry sharing a name and a code with a country is
	// merged into it; a place must never turn the country into a place.
	data, err := embedded.ReadFile("data/countries.yaml")
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse("countries.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range f.Actors {
		if a, ok := d.ActorByName(c.Name); !ok || a.Type != graph.Country {
			t.Errorf("ActorByName(%q) = %s of type %q, want a country", c.Name, a.Code, a.Type)
		}
	}
	for _, c := range []struct{ name, code string }{
		{"Pakistan", "PAK"}, {"Russia", "RUS"}, {"United States", "USA"}, {"China", "CHN"},
		{"Afghanistan", "AFG"}, {"India", "IND"}, {"United Kingdom", "GBR"}, {"Soviet Union", "RUS"},
	} {
		a, ok := d.ActorByName(c.name)
		if !ok || a.Code != c.code {
			t.Errorf("ActorByName(%q) = %v, %v; want code %s", c.name, a, ok, c.code)
		}
	}
}

// TestDefaultNoConflicts pins that no alias of the embedded dictionary is
// claimed by two actors: ambiguous forms (Congolese, Dominican) are left out
// of the data on purpose rather than resolved by file order.
func TestDefaultNoConflicts(t *testing.T) {
	d := mustDefault(t)
	for _, c := range d.Conflicts {
		t.Errorf("alias %q claimed by %q and %q", c.Alias, c.Winner, c.Loser)
	}
}

func TestDefaultFilesListed(t *testing.T) {
	ents, err := embedded.ReadDir("data")
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, f := range defaultFiles {
		listed[f] = true
	}
	for _, e := range ents {
		if !listed[e.Name()] {
			t.Errorf("embedded file %s is not in defaultFiles and would be ignored", e.Name())
		}
	}
}

func TestActorByName(t *testing.T) {
	d := mustDefault(t)
	tests := []struct{ in, want string }{
		{"Pakistan", "Pakistan"},
		{"pakistan", "Pakistan"},
		{"Islamic Republic of Pakistan", "Pakistan"},
		{"U.S.", "United States"},
		{"US", "United States"},
		{"the Kremlin", "Russia"},
		{"Russia's", "Russia"},
		{"Russia’s", "Russia"},
		{"USSR", "Soviet Union"},
		{"East Pakistan", "Pakistan"},
		{"Burma", "Myanmar"},
		{"ISI", "Inter-Services Intelligence"},
		{"Kiani", "Ashfaq Parvez Kayani"},
		{"UNSC", "UN Security Council"},
		{"Shanghai Cooperation Organisation", "Shanghai Cooperation Organization"},
	}
	for _, tt := range tests {
		a, ok := d.ActorByName(tt.in)
		if !ok || a.Name != tt.want {
			name := ""
			if a != nil {
				name = a.Name
			}
			t.Errorf("ActorByName(%q) = %q, %v; want %q", tt.in, name, ok, tt.want)
		}
	}
	if a, ok := d.ActorByName("Atlantis"); ok {
		t.Errorf("ActorByName(Atlantis) = %q, want none", a.Name)
	}
}

func TestRoleAndTitle(t *testing.T) {
	d := mustDefault(t)
	roles := []struct{ in, want string }{
		{"minister", "GOV"}, {"Ministers", "GOV"}, {"army", "MIL"}, {"armed forces", "MIL"},
		{"police", "COP"}, {"parliament", "LEG"}, {"investors", "BUS"}, {"judges", "JUD"},
	}
	for _, r := range roles {
		if got, ok := d.Role(r.in); !ok || got != r.want {
			t.Errorf("Role(%q) = %q, %v; want %q", r.in, got, ok, r.want)
		}
	}
	if _, ok := d.Role("banana"); ok {
		t.Error("Role(banana) found")
	}
	titles := []struct{ in, want string }{
		{"Air Chief Marshal", "MIL"}, {"Gen.", "MIL"}, {"President", "GOV"}, {"Senator", "LEG"}, {"Mr", ""},
	}
	for _, tt := range titles {
		if got, ok := d.Title(tt.in); !ok || got != tt.want {
			t.Errorf("Title(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestCodeAt(t *testing.T) {
	a := ActorEntry{Name: "X", Code: "PAKELI", Roles: []RoleSpan{
		{Code: "PAKGOV", From: graph.Date{Year: 2008, Month: 9, Day: 9}, Until: graph.Date{Year: 2013, Month: 9, Day: 8}},
		{Code: "PAKOPP", From: graph.Date{Year: 2020}},
	}}
	tests := []struct {
		d    graph.Date
		want string
	}{
		{graph.Date{}, "PAKELI"},
		{graph.Date{Year: 2008, Month: 9, Day: 8}, "PAKELI"},
		{graph.Date{Year: 2008, Month: 9, Day: 9}, "PAKGOV"},
		{graph.Date{Year: 2010}, "PAKGOV"},
		{graph.Date{Year: 2013, Month: 9, Day: 8}, "PAKGOV"},
		{graph.Date{Year: 2013, Month: 9, Day: 9}, "PAKELI"},
		{graph.Date{Year: 2024, Month: 1}, "PAKOPP"},
	}
	for _, tt := range tests {
		if got := a.CodeAt(tt.d); got != tt.want {
			t.Errorf("CodeAt(%v) = %s, want %s", tt.d, got, tt.want)
		}
	}
}

func writeFile(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadOverride(t *testing.T) {
	p := writeFile(t, "user.yaml", `
actors:
  - name: Pakistan
    aliases: [Land of the Pure]
  - name: Ashfaq Parvez Kayani
    code: PAKMILELI
  - name: George Washington
    code: USAGOV
    type: person
    aliases: [Washington]
forbid:
  merges: [[Kayani, Kiani]]
  aliases: [Rawalpindi]
  actors: [Turkey]
`)
	d, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if a, ok := d.ActorByName("Land of the Pure"); !ok || a.Name != "Pakistan" || a.Code != "PAK" {
		t.Errorf("added alias: got %v, %v", a, ok)
	}
	if a, _ := d.ActorByName("Pakistan"); !contains(a.Places, "Islamabad") {
		t.Errorf("merge lost the default places: %v", a.Places)
	}
	if a, _ := d.ActorByName("Kayani"); a == nil || a.Code != "PAKMILELI" {
		t.Errorf("code override: got %v", a)
	}
	if a, _ := d.ActorByName("Washington"); a == nil || a.Name != "George Washington" {
		t.Errorf("later file should win the alias Washington, got %v", a)
	}
	if a, _ := d.ActorByName("United States"); contains(a.Places, "Washington") {
		t.Errorf("United States keeps Washington: %v", a.Places)
	}
	if got := render(d.Matcher().Find("Washington met Rawalpindi in Turkey")); got != "Washington=George Washington" {
		t.Errorf("matcher after override: %s", got)
	}
	if !d.MergeForbidden("kiani", "Kayani") || !d.MergeForbidden("Kayani", "kiani") {
		t.Error("MergeForbidden does not follow forbid.merges")
	}
	if !d.MergeForbidden("Kayani", "Putin") {
		t.Error("two dictionary actors may be merged")
	}
	if d.MergeForbidden("Ashfaq Pervaz Kayani", "Kayani") || d.MergeForbidden("Jan Kowalski", "Jan Kowalsky") {
		t.Error("a name outside the dictionary is forbidden to merge")
	}
	if _, ok := d.ActorByName("Turkey"); ok {
		t.Error("forbidden actor Turkey is still there")
	}
	// The default is untouched by a load with user files.
	def := mustDefault(t)
	if a, _ := def.ActorByName("Washington"); a == nil || a.Name != "United States" {
		t.Errorf("default changed by Load: Washington → %v", a)
	}
}

func TestLoadReplace(t *testing.T) {
	p := writeFile(t, "world.yaml", `
replace: true
actors:
  - {name: Gondor, code: GON, type: country, demonyms: [Gondorian]}
  - {name: Mordor, code: MOR, type: country, places: [Barad-dur]}
roles:
  - {word: steward, code: GOV}
verbs:
  - {verbs: [besiege], code: "191", relation: besiege, direct: true}
`)
	d, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Actors) != 2 || len(d.Verbs) != 1 || len(d.Roles) != 1 || len(d.Titles) != 0 {
		t.Fatalf("replace kept the default: %d actors, %d verbs, %d roles, %d titles", len(d.Actors), len(d.Verbs), len(d.Roles), len(d.Titles))
	}
	if got := render(d.Matcher().Find("The Gondorian steward and Barad-dur; Pakistan")); got != "Gondorian=Gondor; steward=:GOV; Barad-dur=Mordor" {
		t.Errorf("got %s", got)
	}
}

func TestLoadErrors(t *testing.T) {
	bad := writeFile(t, "bad.yaml", "actors:\n  - name: X\n    code: pak\n")
	_, err := Load(bad)
	if err == nil || !strings.Contains(err.Error(), "bad.yaml:3:11:") {
		t.Errorf("Load(bad) error = %v, want file:line:col", err)
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing.yaml")); err == nil {
		t.Error("Load(missing) succeeded")
	}
}

func TestPaths(t *testing.T) {
	t.Setenv(EnvVar, strings.Join([]string{"a.yaml", "", "b.yaml"}, string(os.PathListSeparator)))
	got := strings.Join(Paths([]string{"c.yaml"}), ",")
	if got != "a.yaml,b.yaml,c.yaml" {
		t.Errorf("Paths = %s", got)
	}
}

func TestKnownWord(t *testing.T) {
	d := mustDefault(t)
	for _, w := range []string{"Afghanistan", "russia", "American", "Kremlin"} {
		if !d.KnownWord(w) {
			t.Errorf("KnownWord(%q) = false", w)
		}
	}
	for _, w := range []string{"the", "of", "banana"} {
		if d.KnownWord(w) {
			t.Errorf("KnownWord(%q) = true", w)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestReadBounded: an endless input is read only up to one byte past the
// largest dictionary, which Parse then refuses.
func TestReadBounded(t *testing.T) {
	data, err := ReadBounded(io.LimitReader(zeros{}, 1<<40))
	if err != nil {
		t.Fatal(err)
	}
	if len(data) != maxFileSize+1 {
		t.Errorf("read %d bytes, want %d", len(data), maxFileSize+1)
	}
	if _, err := Parse("zero", data); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("Parse of an oversized file: %v", err)
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

// TestUserCodeOverDatedCodes: a user's entry giving an actor a code without
// dates holds for all time, over the dated codes the embedded dictionary
// had for it; one with dates adds them.
func TestUserCodeOverDatedCodes(t *testing.T) {
	a := ActorEntry{Name: "X", Code: "PAKELI", Roles: []RoleSpan{{Code: "PAKMIL", From: graph.Date{Year: 2007}, Until: graph.Date{Year: 2013}}}}
	b := a
	b.merge(ActorEntry{Name: "X", Code: "PAKGOV"})
	if got := b.CodeAt(graph.Date{Year: 2010}); got != "PAKGOV" {
		t.Errorf("an undated user code in 2010: %s, want PAKGOV", got)
	}
	c := a
	c.merge(ActorEntry{Name: "X", Code: "PAKGOV", Roles: []RoleSpan{{Code: "PAKOPP", From: graph.Date{Year: 2020}}}})
	if got := c.CodeAt(graph.Date{Year: 2010}); got != "PAKMIL" {
		t.Errorf("a dated user entry in 2010: %s, want the dated PAKMIL kept", got)
	}
	if got := c.CodeAt(graph.Date{Year: 2021}); got != "PAKOPP" {
		t.Errorf("a dated user entry in 2021: %s, want PAKOPP", got)
	}
}

// TestPhoenixDisasterDiscardsDropped: Phoenix's discards that name natural
// disasters are left out of the standard dictionary, so that the
// condolences and aid a disaster brings are coded; its other discards stay.
func TestPhoenixDisasterDiscardsDropped(t *testing.T) {
	d, err := Standard()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"The landslide killed 40 people.", "A tsunami struck the coast.", "The typhoon hit Manila."} {
		if dc, ok := d.DiscardMatch(w); ok {
			t.Errorf("%q is discarded by %q", w, dc.Phrase)
		}
	}
	if _, ok := d.DiscardMatch("The striker scored a goal in the World Cup final."); !ok {
		t.Error("Phoenix's sports discards are gone too")
	}
}
