package main

import (
	"context"
	"errors"
	"testing"

	"github.com/kg-project/kg/internal/query"
)

func TestCentralFlags(t *testing.T) {
	o, err := parseArgs(t, newCmdCentral, "--measure", "Betweenness", "--top", "0", "--weighted", "--since", "2012", "--type", "country")
	if err != nil {
		t.Fatal(err)
	}
	if o.Measure != query.Betweenness || o.Top != 0 || !o.Weighted || o.Filter.Since.Year != 2012 || len(o.Filter.Types) != 1 {
		t.Errorf("options = %+v", o)
	}
	if o, _ := parseArgs(t, newCmdCentral); o.Measure != query.Degree || o.Top != 10 || o.Format != formatTable {
		t.Errorf("defaults = %+v", o)
	}
	for _, args := range [][]string{
		{"--measure", "fame"}, {"--top", "-1"}, {"--format", "xml"}, {"--quad", "9"}, {"extra"},
	} {
		_, err := parseArgs(t, newCmdCentral, args...)
		var fe *flagError
		if err == nil || !errors.As(err, &fe) {
			t.Errorf("%v: err = %v, want a usage error", args, err)
		}
	}
}

func TestCentralOutput(t *testing.T) {
	tests := []struct {
		name    string
		measure query.Measure
		format  string
		tty     bool
		top     int
		samples int
	}{
		{"central-betweenness-table.golden", query.Betweenness, formatTable, false, 10, 0},
		{"central-degree-table-tty.golden", query.Degree, formatTable, true, 3, 0},
		{"central-pagerank-json.golden", query.PageRank, formatJSON, false, 3, 0},
		{"central-hits-csv.golden", query.HITS, formatCSV, false, 0, 0},
		// estimated from 3 of the 6 actors, with each score's standard error
		{"central-betweenness-samples-csv.golden", query.Betweenness, formatCSV, false, 0, 3},
	}
	for _, tt := range tests {
		io, out := testStreams(tt.tty)
		err := runCentral(context.Background(), &centralOptions{queryOptions: queryOptions{IO: io, Load: fixtureLoader(), Format: tt.format}, Measure: tt.measure, Top: tt.top, Samples: tt.samples})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		checkGolden(t, tt.name, out.String())
	}
}

// TestCentralRanks pins the ranking on the fixture. The expected scores
// are networkx's betweenness_centrality(G, normalized=False) on the same 12
// directed edges: India 3.5, Pakistan 2.5, Russia 1.5, China 0.5.
func TestCentralRanks(t *testing.T) {
	v, _, _, _ := fixtureLoader()(defaultFilter())
	recs, err := centralRecords(context.Background(), v, query.Betweenness, false, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if recs[0].ID != "india" || recs[0].Score != 3.5 || recs[1].ID != "pakistan" || recs[1].Score != 2.5 {
		t.Errorf("top betweenness = %+v", recs[0])
	}
	if len(recs) != 6 {
		t.Errorf("%d ranked actors, want 6 (Nobody has only a hypothetical event)", len(recs))
	}
	for i := 1; i < len(recs); i++ {
		if recs[i].Score > recs[i-1].Score || recs[i].Score == recs[i-1].Score && recs[i].Name < recs[i-1].Name {
			t.Errorf("rank %d out of order: %+v after %+v", i+1, recs[i], recs[i-1])
		}
	}
}
