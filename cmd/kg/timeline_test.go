package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTimelineFlags(t *testing.T) {
	o, err := parseArgs(t, newCmdTimeline, "India", "Pakistan", "--by", "month", "--plot", "x.png")
	if err != nil {
		t.Fatal(err)
	}
	if o.A != "India" || o.B != "Pakistan" || o.By != "month" || o.Plot != "x.png" {
		t.Errorf("options = %+v", o)
	}
	for _, args := range [][]string{{"a", "b", "--by", "week"}, {"a", "b", "--plot", "x.gif"}, {"a"}} {
		if _, err := parseArgs(t, newCmdTimeline, args...); err == nil {
			t.Errorf("%v: want an error", args)
		}
	}
}

func TestTimelineOutput(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		golden string
		opts   timelineOptions
		tty    bool
	}{
		{"timeline-year-table-tty.golden", timelineOptions{queryOptions: queryOptions{Format: formatTable}, A: "India", B: "Pakistan", By: "year", Level: "country"}, true},
		{"timeline-month-csv.golden", timelineOptions{queryOptions: queryOptions{Format: formatCSV}, A: "Russia", B: "India", By: "month", Level: "actor"}, false},
		{"timeline-json.golden", timelineOptions{queryOptions: queryOptions{Format: formatJSON}, A: "India", B: "Pakistan", By: "year", Level: "country", Plot: filepath.Join(dir, "t.svg")}, false},
	} {
		io, out := testStreams(tt.tty)
		o := tt.opts
		o.IO, o.Load = io, fixtureLoader()
		if err := runTimeline(context.Background(), &o); err != nil {
			t.Fatal(err)
		}
		checkGolden(t, tt.golden, out.String())
	}
	b, err := os.ReadFile(filepath.Join(dir, "t.svg"))
	if err != nil || !strings.Contains(string(b), "<svg") {
		t.Errorf("plot file: %v", err)
	}
}

func TestPanelFlags(t *testing.T) {
	o, err := parseArgs(t, newCmdPanel, "--by", "month", "--level", "actor")
	if err != nil {
		t.Fatal(err)
	}
	if o.By != "month" || o.Level != "actor" || o.Format != formatCSV {
		t.Errorf("options = %+v", o)
	}
	for _, args := range [][]string{{"--by", "week"}, {"--level", "region"}, {"--format", "xml"}} {
		if _, err := parseArgs(t, newCmdPanel, args...); err == nil {
			t.Errorf("%v: want an error", args)
		}
	}
}

func TestPanelOutput(t *testing.T) {
	for _, tt := range []struct {
		golden string
		opts   panelOptions
	}{
		{"panel-country-year-csv.golden", panelOptions{queryOptions: queryOptions{Format: formatCSV}, By: "year", Level: "country"}},
		{"panel-actor-year-jsonl.golden", panelOptions{queryOptions: queryOptions{Format: formatJSONL}, By: "year", Level: "actor"}},
	} {
		io, out := testStreams(false)
		o := tt.opts
		o.IO, o.Load = io, fixtureLoader()
		if err := runPanel(context.Background(), &o); err != nil {
			t.Fatal(err)
		}
		checkGolden(t, tt.golden, out.String())
	}
}

// TestTimelineCountryWithoutOwnEvents: at country level a country counts
// with its own actors even when, under the filters, it has no event of its
// own (only its prime minister does).
func TestTimelineCountryWithoutOwnEvents(t *testing.T) {
	t.Setenv("KG_DICT", "")
	store := filepath.Join(t.TempDir(), "kg.db")
	in := "source,target,cameo,date\nPakistan,India,042,2010-01-01\nNawaz Sharif,Russia,042,2015-03-01\n"
	if code, _, errOut := runKG(t, in, "--store", store, "import", "-"); code != 0 {
		t.Fatal(errOut)
	}
	code, out, errOut := runKG(t, "", "--store", store, "timeline", "Pakistan", "Russia", "--since", "2015", "--format", "csv")
	if code != 0 || !strings.Contains(out, "2015,1,1,0,1.9") {
		t.Errorf("exit %d: %s%s", code, out, errOut)
	}
	// At actor level Pakistan itself has no event since 2015.
	if code, _, errOut := runKG(t, "", "--store", store, "timeline", "Pakistan", "Russia", "--since", "2015", "--level", "actor"); code != 1 ||
		!strings.Contains(errOut, "takes part in no event") {
		t.Errorf("actor level: exit %d: %s", code, errOut)
	}
}
