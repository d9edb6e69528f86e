package triples

import (
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/graph"
)

const icewsHead = "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude\n"

func icewsLine(id, date, src, code, intensity, dst, story, sentence string) string {
	return strings.Join([]string{id, date, src, "", "", "", code, intensity, dst, "", "", story, sentence, "", "", "", "", "", "", ""}, "\t") + "\n"
}

func TestReadICEWS(t *testing.T) {
	in := icewsHead +
		icewsLine("926685", "2014-11-20", "Pakistan", "57", "8.0", "Russia", "28235806", "1") +
		icewsLine("926686", "2014-11-21", "Police (Pakistan)", "173", "-5.0", "Citizen (Pakistan)", "28235806", "3")
	im := NewImporter()
	if errs := im.Read(strings.NewReader(in), "events.tab", TriplesICEWS); len(errs) > 0 {
		t.Fatal(errs)
	}
	xs := im.Extractions()
	if len(xs) != 1 || xs[0].Doc.Name != "icews:28235806" || len(xs[0].Events) != 2 {
		t.Fatalf("extractions %+v", xs)
	}
	e := xs[0].Events[0]
	// "57" lost its leading zero on the way: 057, sign formal agreement.
	if e.ID != "icews-926685" || e.CAMEO != "057" || e.QuadClass != 1 || e.Goldstein != 8 || e.SentenceIndex != 1 ||
		e.Date != (graph.Date{Year: 2014, Month: 11, Day: 20}) || e.Origin() != graph.OriginICEWS {
		t.Errorf("event %+v", e)
	}
	if e := xs[0].Events[1]; e.Source != "police-pakistan" || e.Target != "citizen-pakistan" || e.Goldstein != -5 {
		t.Errorf("event %+v", e)
	}
}

func TestReadICEWSErrors(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"a\tb\n1\t2\n", `x.tab:1: no "Event ID" column: not an ICEWS event file`},
		{icewsHead + icewsLine("1", "2014-11", "A", "042", "1.9", "B", "s", "1"), `x.tab:2: column "Event Date": "2014-11" is not a date YYYY-MM-DD`},
		{icewsHead + icewsLine("1", "2014-11-20", "A", "999", "1.9", "B", "s", "1"), `x.tab:2: column "CAMEO Code": "999" is not a CAMEO event code`},
		{icewsHead + icewsLine("1", "2014-11-20", "A", "042", "12", "B", "s", "1"), `x.tab:2: column "Intensity": "12" is not a score from -10 to 10`},
		{icewsHead + icewsLine("1", "2014-11-20", "A", "042", "1.9", "", "s", "1"), `x.tab:2: column "Target Name": empty`},
	} {
		errs := NewImporter().Read(strings.NewReader(tt.in), "x.tab", TriplesICEWS)
		if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), tt.want) {
			t.Errorf("%.30q: %v, want %q", tt.in, errs, tt.want)
		}
	}
}

// FuzzReadICEWS: any input gives events or one-line errors naming the file
// and line, never a panic.
func FuzzReadICEWS(f *testing.F) {
	f.Add(icewsHead + icewsLine("926685", "2014-11-20", "Pakistan", "57", "8.0", "Russia", "28235806", "1"))
	f.Add(icewsHead + "\"\t\n")
	f.Add("Event ID\n")
	f.Fuzz(func(t *testing.T, in string) {
		im := NewImporter()
		for _, err := range im.Read(strings.NewReader(in), "f.tab", TriplesICEWS) {
			if !strings.HasPrefix(err.Error(), "f.tab") || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error %q", err)
			}
		}
		for _, x := range im.Extractions() {
			for _, e := range x.Events {
				if !strings.HasPrefix(e.ID, "icews-") || e.Source == "" || e.Target == "" {
					t.Fatalf("event %+v", e)
				}
			}
		}
	})
}
