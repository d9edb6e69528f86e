package dict

import (
	"strings"
	"testing"
)

// got renders matches as "surface=Canonical" (actors) or "surface=:CODE"
// (titles and roles) for compact table entries.
func render(ms []Match) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		if m.Entry != nil {
			parts[i] = m.Surface + "=" + m.Entry.Name
		} else {
			parts[i] = m.Surface + "=:" + m.Code
		}
	}
	return strings.Join(parts, "; ")
}

func TestFind(t *testing.T) {
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	m := d.Matcher()
	tests := []struct {
		name, text, want string
	}{
		{"capital metonym", "Moscow said so.", "Moscow=Russia"},
		{"seat of power", "the Kremlin denied it", "Kremlin=Russia"},
		{"demonym", "a Pakistani delegation", "Pakistani=Pakistan; delegation=:GOV"},
		{"plural demonym", "Russians and Afghans", "Russians=Russia; Afghans=Afghanistan"},
		{"dotted abbreviation", "the U.S. said", "U.S.=United States"},
		{"dotted abbreviation without final dot", "the U.S said", "U.S=United States"},
		{"pronoun us is not the US", "let us go, US troops", "US=United States; troops=:MIL"},
		{"all caps pronoun in headline is still US", "TELL US", "US=United States"},
		{"possessive", "Russia's and Pakistan’s ties", "Russia=Russia; Pakistan=Pakistan"},
		{"hyphen compound", "Pak-Russia relations", "Pak=Pakistan; Russia=Russia"},
		{"combining form", "Indo-Pak war", "Indo=India; Pak=Pakistan"},
		{"combining form needs a hyphen", "Indo China", "China=China"},
		{"pak lower case", "a pak of cards", ""},
		{"slash", "SEATO/ CENTO and US/Pakistan", "SEATO=SEATO; CENTO=CENTO; US=United States; Pakistan=Pakistan"},
		{"longest match", "the UN Security Council and the UN", "UN Security Council=UN Security Council; UN=United Nations"},
		{"common noun not a country", "roast turkey in china bowls", ""},
		{"all caps country", "TURKEY AND CHINA", "TURKEY=Turkey; CHINA=China"},
		{"whole words only", "Omani Romania Irani", "Omani=Oman; Romania=Romania"},
		{"title then unknown person", "Air Chief Marshal Jan Kowalski", "Air Chief Marshal=:MIL"},
		{"role word is not a title", "the president and the minister met President Putin", "president=:GOV; minister=:GOV; President=:GOV; Putin=Vladimir Putin"},
		{"abbreviated title", "Gen. Ashfaq Pervez Kayani", "Gen=:MIL; Ashfaq Pervez Kayani=Ashfaq Parvez Kayani"},
		{"no match across a comma", "Pakistan, Army", "Pakistan=Pakistan; Army=:MIL"},
		{"historical state", "the former Soviet Union and the Soviets", "former Soviet Union=Soviet Union; Soviets=Soviet Union"},
		{"multiword group", "the Pakistani Taliban and the Taliban", "Pakistani Taliban=Pakistani Taliban; Taliban=Taliban"},
		{"object", "the Iran-Pakistan gas pipeline project", "Iran-Pakistan gas pipeline project=Iran-Pakistan gas pipeline"},
		{"unicode", "Côte d'Ivoire and Türkiye", "Côte d'Ivoire=Ivory Coast; Türkiye=Turkey"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(m.Find(tt.text)); got != tt.want {
				t.Errorf("Find(%q)\n got %s\nwant %s", tt.text, got, tt.want)
			}
		})
	}
}

func TestFindKinds(t *testing.T) {
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	ms := d.Matcher().Find("Islamabad, Pakistani, Pakistan, Pak, Sino-Indian, the West, minister, President")
	want := []Kind{KindPlace, KindDemonym, KindName, KindAbbrev, KindPrefix, KindDemonym, KindAlias, KindRole, KindTitle}
	if len(ms) != len(want) {
		t.Fatalf("got %d matches (%s), want %d", len(ms), render(ms), len(want))
	}
	for i, k := range want {
		if ms[i].Kind != k {
			t.Errorf("match %d %q: kind %v, want %v", i, ms[i].Surface, ms[i].Kind, k)
		}
	}
}

func TestFindSpans(t *testing.T) {
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "In 2016, Russia’s U.S.-style deal with Pakistan—the Kremlin said—was signed."
	for _, m := range d.Matcher().Find(text) {
		if text[m.Start:m.End] != m.Surface {
			t.Errorf("span %d:%d is %q, surface %q", m.Start, m.End, text[m.Start:m.End], m.Surface)
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Pak-Russia ties: the U.S. and us, Moscow's Kremlin",
		"U.S.A.-U.K. U.S U. S. A.B.C.D.E.F. a.b. Gen. Lt-Gen",
		"Côte d'Ivoire’s Türkiye—Indo-\u00a0Pak",
		"\xff\xfe invalid UTF-8 U.\xffS.",
		"",
	} {
		f.Add(s)
	}
	d, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	m := d.Matcher()
	f.Fuzz(func(t *testing.T, text string) {
		last := 0
		for _, mt := range m.Find(text) {
			if mt.Start < last || mt.End <= mt.Start || mt.End > len(text) {
				t.Fatalf("bad span %d:%d after %d in %d bytes", mt.Start, mt.End, last, len(text))
			}
			if text[mt.Start:mt.End] != mt.Surface {
				t.Fatalf("surface %q != text %q", mt.Surface, text[mt.Start:mt.End])
			}
			if mt.Kind.IsActor() != (mt.Entry != nil) {
				t.Fatalf("kind %v with entry %v", mt.Kind, mt.Entry)
			}
			last = mt.End
		}
	})
}

// BenchmarkFind scans the reference corpus repeated to at least 5 MB,
// sentence-sized piece by piece as the extractor calls it.
func BenchmarkFind(b *testing.B) {
	corpus := readCorpus(b)
	var lines []string
	for _, l := range strings.Split(corpus, "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	total := 0
	for _, l := range lines {
		total += len(l)
	}
	reps := (5<<20)/total + 1
	d, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	m := d.Matcher()
	b.SetBytes(int64(total * reps))
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		for r := 0; r < reps; r++ {
			for _, l := range lines {
				n += len(m.Find(l))
			}
		}
	}
	b.ReportMetric(float64(n)/float64(b.N*reps), "matches/corpus")
}

func BenchmarkDefault(b *testing.B) {
	for i := 0; i < b.N; i++ {
		d := build(defaultPartsForBench(b))
		d.Matcher()
	}
}

func TestFindConcurrent(t *testing.T) {
	d := FromFiles(mustParse(t, "actors:\n  - {name: Pakistan, code: PAK, abbrevs: [Pak]}\n  - {name: Russia, code: RUS, places: [Moscow]}\n"))
	text := "Pak-Russia talks in Moscow"
	want := "Pak=Pakistan; Russia=Russia; Moscow=Russia"
	done := make(chan string)
	for g := 0; g < 4; g++ {
		go func() {
			got := ""
			for i := 0; i < 200; i++ {
				got = render(d.Matcher().Find(text))
				if got != want {
					break
				}
			}
			done <- got
		}()
	}
	for g := 0; g < 4; g++ {
		if got := <-done; got != want {
			t.Errorf("concurrent Find = %s, want %s", got, want)
		}
	}
}

func mustParse(t *testing.T, yaml string) *File {
	t.Helper()
	f, err := Parse("t.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	return f
}
