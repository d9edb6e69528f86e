package dict

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kg-project/kg/internal/graph"
)

func TestPhoenix(t *testing.T) {
	files, err := Phoenix()
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		name   string
		format Format
	}{
		{"CAMEO.2.0.txt", FormatVerbs}, {"Phoenix.Countries.actors.txt", FormatActors},
		{"Phoenix.International.actors.txt", FormatActors}, {"Phoenix.MilNonState.actors.txt", FormatActors},
		{"Phoenix.agents.txt", FormatAgents}, {"Phoenix.discards.txt", FormatDiscards},
	}
	if len(files) != len(want) {
		t.Fatalf("%d files", len(files))
	}
	for i, w := range want {
		if files[i].Name != "phoenix:"+w.name || files[i].Format != w.format {
			t.Errorf("file %d: %s %s, want %s %s", i, files[i].Name, files[i].Format, w.name, w.format)
		}
	}
	if v := files[0].VerbDict; len(v.Blocks) != 397 || len(v.Synsets) != 40 {
		t.Errorf("CAMEO.2.0: %d blocks, %d synsets", len(v.Blocks), len(v.Synsets))
	}
	again, _ := Phoenix()
	if again[1] != files[1] {
		t.Error("Phoenix parsed twice")
	}
	again[0] = nil
	if files, _ := Phoenix(); files[0] == nil {
		t.Error("Phoenix returned its own slice")
	}
	if !strings.Contains(PhoenixLicense(), "Open Event Data") {
		t.Error("licence missing")
	}
}

// TestPhoenixMatchesShared checks that the embedded files are the shared
// ones, byte for byte.
func TestPhoenixMatchesShared(t *testing.T) {
	var dir string
	for _, p := range sharedPetrarch(t) {
		if filepath.Base(p) == "CAMEO.2.0.txt" {
			dir = filepath.Dir(p)
		}
	}
	for _, name := range phoenixFiles {
		gz, err := phoenixFS.ReadFile("data/phoenix/" + name + ".gz")
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("embedded %s differs from %s", name, filepath.Join(dir, name))
		}
	}
	lic, err := os.ReadFile(filepath.Join(dir, "LICENSE"))
	if err != nil || string(lic) != PhoenixLicense() {
		t.Errorf("embedded LICENSE differs from the shared one (%v)", err)
	}
}

// TestPhoenixOverDefault: the Phoenix files as read, over kg's YAML, give
// Phoenix's actors, agents, verbs and discards; the standard dictionary
// built from them is built once.
func TestPhoenixOverDefault(t *testing.T) {
	base, err := phoenixBase()
	if err != nil {
		t.Fatal(err)
	}
	d := build(base)
	def := mustDefault(t)
	if len(def.VerbDict.Blocks) != 0 || len(def.Agents) != 0 || len(def.Discards) != 0 {
		t.Error("Default() picked up Phoenix")
	}
	if len(d.Actors) < 20000 || len(d.VerbDict.Blocks) < 380 || len(d.Agents) < 3000 || len(d.Discards) < 500 {
		t.Errorf("%d actors, %d blocks, %d agents, %d discards", len(d.Actors), len(d.VerbDict.Blocks), len(d.Agents), len(d.Discards))
	}
	for _, tt := range []struct{ name, canonical, code string }{
		{"Pakistan", "Pakistan", "PAK"},
		{"Kandahar", "Afghanistan", "AFG"},
		{"United States of America", "United States", "USA"},
		{"Hamid Karzai", "Hamid Karzai", ""},
	} {
		a, ok := d.ActorByName(tt.name)
		if !ok || a.Name != tt.canonical || (tt.code != "" && a.Code != tt.code) {
			t.Errorf("ActorByName(%q) = %v %v", tt.name, a, ok)
		}
	}
	if a, _ := d.ActorByName("Hamid Karzai"); a.CodeAt(date(2005, 6, 1)) != "AFGGOV" {
		t.Errorf("Karzai in 2005: %s", a.CodeAt(date(2005, 6, 1)))
	}
	if code, _, n, ok := d.AgentMatch([]string{"policemen", "fired"}); !ok || code != "COP" || n != 1 {
		t.Errorf("AgentMatch(policemen) = %s %d %v", code, n, ok)
	}
	if dc, ok := d.DiscardMatch("The World Cup starts today."); !ok || dc.Phrase != "world cup" {
		t.Errorf("DiscardMatch = %v %v", dc, ok)
	}
	if ws := d.VerbDict.Form("sped"); len(ws) != 1 || ws[0].Block.Name != "ACCELERATE" {
		t.Errorf("Form(sped) = %v", ws)
	}
	if a, _ := Standard(); a == nil {
		t.Error("no standard dictionary")
	} else if b, _ := Standard(); a != b {
		t.Error("Standard built twice")
	}
}

func TestLoadPhoenix(t *testing.T) {
	dir := t.TempDir()
	user := filepath.Join(dir, "mine.yaml")
	if err := os.WriteFile(user, []byte(`agents:
  - {word: road warden, code: COP}
verb_blocks:
  - name: ACCELERATE
    verbs: [accelerate]
    patterns: ["* {ORC RAID} [190]"]
`), 0o644); err != nil {
		t.Fatal(err)
	}
	actors := filepath.Join(dir, "middle-earth.actors")
	if err := os.WriteFile(actors, []byte("GONDOR_ [GON]\n+MINAS_TIRITH\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	base, err := phoenixBase()
	if err != nil {
		t.Fatal(err)
	}
	d, err := LoadWith(base, user, actors)
	if err != nil {
		t.Fatal(err)
	}
	if code, _, n, ok := d.AgentMatch([]string{"road", "wardens"}); !ok || code != "COP" || n != 2 {
		t.Errorf("user agent: %s %d %v", code, n, ok)
	}
	ws := d.VerbDict.Lookup("hasten")
	if len(ws) != 1 {
		t.Fatalf("Lookup(hasten) = %v", ws)
	}
	last := ws[0].Block.Patterns[len(ws[0].Block.Patterns)-1]
	if ws[0].Block.Name != "ACCELERATE" || last.Text != "* {ORC RAID} [190]" {
		t.Errorf("user block does not extend ACCELERATE: %s, last pattern %s", ws[0].Block.Name, last.Text)
	}
	if a, ok := d.ActorByName("Minas Tirith"); !ok || a.Code != "GON" {
		t.Errorf("user actors: %v %v", a, ok)
	}
	if _, err := LoadWith(base, filepath.Join(dir, "missing")); err == nil {
		t.Error("missing file: no error")
	}
	def, _ := DefaultFiles()
	if d, err := LoadWith(def); err != nil || len(d.VerbDict.Blocks) != 0 {
		t.Errorf("LoadWith(default) = %v", err)
	}
}

func TestPhoenixConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if _, err := Phoenix(); err != nil {
				t.Error(err)
			}
			d, err := Standard()
			if err != nil {
				t.Error(err)
				return
			}
			d.AgentMatch([]string{"soldiers"})
			d.VerbDict.Lookup("say")
			d.DiscardMatch("a golf tournament")
		})
	}
	wg.Wait()
}

// BenchmarkPhoenix measures reading every Phoenix file (unpacking
// included, files in parallel as Phoenix does) and the heap the parsed
// files keep.
func BenchmarkPhoenix(b *testing.B) {
	b.ReportAllocs()
	var retained uint64
	var elapsed time.Duration
	for b.Loop() {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		files := make([]*File, len(phoenixFiles))
		var wg sync.WaitGroup
		for i, name := range phoenixFiles {
			wg.Go(func() {
				f, err := readPhoenix(name)
				if err != nil {
					b.Error(err)
				}
				files[i] = f
			})
		}
		wg.Wait()
		elapsed += time.Since(start)
		runtime.GC()
		runtime.ReadMemStats(&after)
		retained += after.HeapAlloc - before.HeapAlloc
		runtime.KeepAlive(files)
	}
	b.ReportMetric(float64(elapsed.Milliseconds())/float64(b.N), "ms/parse")
	b.ReportMetric(float64(retained)/float64(b.N)/(1<<20), "MiB-retained")
}

// BenchmarkBuildWithPhoenix measures merging the embedded kg YAML and the
// parsed Phoenix files into one dictionary.
func BenchmarkBuildWithPhoenix(b *testing.B) {
	base, err := phoenixBase()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var retained uint64
	for b.Loop() {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		d := build(base)
		runtime.GC()
		runtime.ReadMemStats(&after)
		retained += after.HeapAlloc - before.HeapAlloc
		runtime.KeepAlive(d)
	}
	b.ReportMetric(float64(retained)/float64(b.N)/(1<<20), "MiB-retained")
}

// TestStandard: the standard dictionary keeps what kg's YAML says of an
// actor (Phoenix adds names and dated codes, not a new kind), keeps kg's
// claim on a name, drops Phoenix's year discards, and a user's verb or
// agent dictionary stands in for Phoenix's.
func TestStandard(t *testing.T) {
	d, err := Standard()
	if err != nil {
		t.Fatal(err)
	}
	er, ok := d.ActorByName("Eritrea")
	if !ok || er.Type != graph.Country || er.Code != "ERI" || er.Country != "ERI" {
		t.Errorf("Eritrea = %+v, want kg's country ERI", er)
	}
	if got := er.CodeAt(graph.Date{Year: 1990}); got != "ETHERI" {
		t.Errorf("Eritrea in 1990 = %q, want Phoenix's dated ETHERI", got)
	}
	if ru, ok := d.ActorByName("Moscow"); !ok || ru.Code != "RUS" {
		t.Errorf("Moscow names %+v, want kg's Russia", ru)
	}
	if dd, ok := d.DiscardMatch("In 1971 the two countries fought a war."); ok {
		t.Errorf("a year discards the sentence: %v", dd)
	}
	if _, ok := d.DiscardMatch("Brazil won the World Cup."); !ok {
		t.Error("Phoenix's sports discards are missing")
	}
	if len(d.VerbDict.Lookup("restore")) == 0 || len(d.Agents) < 3000 {
		t.Errorf("Phoenix verbs or agents missing: %d restore entries, %d agents", len(d.VerbDict.Lookup("restore")), len(d.Agents))
	}

	dir := t.TempDir()
	verbs := filepath.Join(dir, "v.txt")
	agents := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(verbs, []byte("--- MEND [064] ---\nMEND\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(agents, []byte("WARDEN [~COP]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	u, err := LoadStandard(verbs, agents)
	if err != nil {
		t.Fatal(err)
	}
	if len(u.VerbDict.Lookup("restore")) != 0 || len(u.VerbDict.Lookup("mend")) != 1 {
		t.Errorf("with a user's verbs: %d restore, %d mend entries; want Phoenix's verbs gone", len(u.VerbDict.Lookup("restore")), len(u.VerbDict.Lookup("mend")))
	}
	if len(u.Agents) != 1 {
		t.Errorf("with a user's agents: %d agents, want only theirs", len(u.Agents))
	}
	if _, ok := u.ActorByName("Hamid Karzai"); !ok {
		t.Error("with user files, Phoenix's actors are gone; want them kept")
	}

	// A user's own actor file says what code a known actor has in the
	// user's world; Phoenix does not (Eritrea above stays ERI).
	actors := filepath.Join(dir, "actors.txt")
	if err := os.WriteFile(actors, []byte("ZIMBABWE [ZBW]\nKUWAIT [KUW]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	u, err = LoadStandard(actors)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"Zimbabwe": "ZBW", "Kuwait": "KUW", "Eritrea": "ERI"} {
		if a, ok := u.ActorByName(name); !ok || a.Code != want {
			t.Errorf("with a user's actors, %s = %+v, want code %s", name, a, want)
		}
	}
}

// TestDiscardIndex: the indexed discard look-up finds what trying every
// discard in order finds.
func TestDiscardIndex(t *testing.T) {
	d, err := Standard()
	if err != nil {
		t.Fatal(err)
	}
	brute := func(sentence string) (Discard, bool) {
		s := " " + strings.Join(strings.Fields(strings.ToLower(sentence)), " ")
		found := -1
		for i, dc := range d.Discards {
			if found >= 0 && (!dc.Story || d.Discards[found].Story) {
				continue
			}
			if discardIn(s, d.discardNeedles[i], dc.Exact) {
				found = i
				if dc.Story {
					break
				}
			}
		}
		if found < 0 {
			return Discard{}, false
		}
		return d.Discards[found], true
	}
	sentences := []string{"Brazil beat Argentina in the World Cup final.", "Basketballs and baseball bats were seized.",
		"The Academy Award went to a film about war.", "Russia attacked Ukraine.", "A golf tournament in Augusta."}
	for _, dc := range d.Discards[:min(len(d.Discards), 300)] {
		sentences = append(sentences, "Officials said "+dc.Phrase+"s were on show, and "+dc.Phrase+" too.")
	}
	for _, s := range sentences {
		got, gok := d.DiscardMatch(s)
		want, wok := brute(s)
		if gok != wok || got.Phrase != want.Phrase || got.Story != want.Story {
			t.Errorf("%q: indexed %v %v, every discard %v %v", s, got, gok, want, wok)
		}
	}
}

// phoenixBase is the embedded kg YAML followed by the Phoenix files as
// read, a user's files to be merged over both.
func phoenixBase() ([]*File, error) {
	def, err := DefaultFiles()
	if err != nil {
		return nil, err
	}
	ph, err := Phoenix()
	if err != nil {
		return nil, err
	}
	return append(def, ph...), nil
}
