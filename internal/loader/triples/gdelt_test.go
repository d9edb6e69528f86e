package triples

import (
	"errors"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/graph"
)

// gdeltLine writes one GDELT event line of n columns (61, 58 or 57) with
// the fields kg reads; the others stay empty, as many are in GDELT.
func gdeltLine(n int, id, date, a1code, a1name, a1ctry, a2code, a2name, a2ctry, code, quad, gold, mentions, sources, url string) string {
	c := make([]string, n)
	c[gdID], c[gdDate] = id, date
	c[gdActor1Code], c[gdActor1Name], c[gdActor1Ctry] = a1code, a1name, a1ctry
	c[gdActor2Code], c[gdActor2Name], c[gdActor2Ctry] = a2code, a2name, a2ctry
	c[gdEventCode], c[gdQuadClass], c[gdGoldstein] = code, quad, gold
	c[gdNumMentions], c[gdNumSources] = mentions, sources
	if l := gdeltLayouts[n]; l.url >= 0 {
		c[l.url] = url
	}
	return strings.Join(c, "\t")
}

func TestReadGDELT(t *testing.T) {
	for _, n := range []int{61, 58, 57} {
		lines := []string{
			gdeltLine(n, "1001", "20231005", "PAKGOV", "PAKISTAN", "PAK", "RUS", "RUSSIA", "RUS", "042", "1", "1.9", "6", "2", "https://example.org/a1"),
			gdeltLine(n, "1002", "20231006", "USA", "UNITED STATES", "USA", "", "", "", "010", "1", "0.0", "1", "1", "https://example.org/a2"),
			gdeltLine(n, "1003", "20231007", "IND", "GEORGE W BUSH", "USA", "PAK", "PAKISTAN", "PAK", "190", "4", "-10", "10", "4", "https://example.org/a1"),
		}
		im := NewImporter()
		if errs := im.Read(strings.NewReader(strings.Join(lines, "\n")+"\n"), "events.CSV", TriplesGDELT); len(errs) > 0 {
			t.Fatalf("%d columns: %v", n, errs)
		}
		xs := im.Extractions()
		// One document, the article both two-sided events come from (or,
		// without SOURCEURL, the file).
		wantDoc := "https://example.org/a1"
		if n == 57 {
			wantDoc = "gdelt:events.CSV"
		}
		if len(xs) != 1 || xs[0].Doc.Name != wantDoc {
			t.Fatalf("%d columns: %d documents, want one named %s", n, len(xs), wantDoc)
		}
		var evs []graph.Event
		for _, x := range xs {
			evs = append(evs, x.Events...)
		}
		if len(evs) != 2 || len(im.Warnings) != 1 || !strings.Contains(im.Warnings[0], "1 event with one actor") {
			t.Fatalf("%d columns: %d events, warnings %q", n, len(evs), im.Warnings)
		}
		for _, e := range evs {
			switch e.ID {
			case "gdelt-1001":
				if e.CAMEO != "042" || e.QuadClass != 1 || e.Goldstein != 1.9 || e.Mentions != 6 || e.Sources != 2 ||
					e.Date != (graph.Date{Year: 2023, Month: 10, Day: 5}) || e.Origin() != graph.OriginGDELT || e.Source != "pakistan" {
					t.Errorf("%d columns: %+v", n, e)
				}
			case "gdelt-1003":
				if e.Source != "george-w-bush" || e.Goldstein != -10 || e.QuadClass != 4 {
					t.Errorf("%d columns: %+v", n, e)
				}
			default:
				t.Errorf("%d columns: unexpected event %s", n, e.ID)
			}
		}
	}
}

func TestReadGDELTErrors(t *testing.T) {
	good := gdeltLine(61, "1", "20231005", "PAK", "PAKISTAN", "PAK", "RUS", "RUSSIA", "RUS", "042", "1", "1.9", "1", "1", "u")
	for _, tt := range []struct {
		line, want string
	}{
		{"a\tb\tc", "events.CSV:1: 3 tab-separated columns; GDELT 2.0 events have 61, GDELT 1.0 events 57 or 58"},
		{strings.Replace(good, "20231005", "2023-10", 1), `events.CSV:1: column 2 (SQLDATE): "2023-10" is not a date YYYYMMDD`},
		{strings.Replace(good, "\t042\t", "\t999\t", 1), `events.CSV:1: column 27 (EventCode): "999" is not a CAMEO event code`},
		{strings.Replace(good, "\t1.9\t", "\t11\t", 1), `events.CSV:1: column 31 (GoldsteinScale): "11" is not a score from -10 to 10`},
		{strings.Replace(good, "1\t", "x\t", 1), `events.CSV:1: column 1 (GLOBALEVENTID): "x" is not an event number`},
	} {
		errs := NewImporter().Read(strings.NewReader(tt.line+"\n"), "events.CSV", TriplesGDELT)
		var ie *ImportError
		if len(errs) != 1 || !errors.As(errs[0], &ie) || !strings.HasPrefix(errs[0].Error(), tt.want) {
			t.Errorf("%.40q: %v, want %q", tt.line, errs, tt.want)
		}
	}
	// A file whose layout changes midway.
	mixed := good + "\n" + gdeltLine(58, "2", "20231005", "PAK", "PAKISTAN", "PAK", "RUS", "RUSSIA", "RUS", "042", "1", "1.9", "1", "1", "u") + "\n"
	if errs := NewImporter().Read(strings.NewReader(mixed), "events.CSV", TriplesGDELT); len(errs) != 1 || !strings.Contains(errs[0].Error(), "events.CSV:2: 58 columns where the file's first line has the layout of GDELT 2.0") {
		t.Errorf("mixed layouts: %v", errs)
	}
}

// FuzzReadGDELT: any input gives events or one-line errors naming the
// file and line, never a panic, and an event's fields are what its line
// says.
func FuzzReadGDELT(f *testing.F) {
	f.Add(gdeltLine(61, "1001", "20231005", "PAKGOV", "PAKISTAN", "PAK", "RUS", "RUSSIA", "RUS", "042", "1", "1.9", "6", "2", "u") + "\n")
	f.Add(gdeltLine(57, "7", "19790101", "USA", "", "", "SUN", "SOVIET UNION", "", "190", "4", "-10", "1", "1", ""))
	f.Add("a\tb\n\n\t\t\n")
	f.Fuzz(func(t *testing.T, in string) {
		im := NewImporter()
		for _, err := range im.Read(strings.NewReader(in), "f.CSV", TriplesGDELT) {
			if !strings.HasPrefix(err.Error(), "f.CSV:") || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error %q", err)
			}
		}
		for _, x := range im.Extractions() {
			for _, e := range x.Events {
				if !strings.HasPrefix(e.ID, "gdelt-") || e.Source == "" || e.Target == "" || e.QuadClass < 1 || e.QuadClass > 4 {
					t.Fatalf("event %+v", e)
				}
			}
		}
	})
}
