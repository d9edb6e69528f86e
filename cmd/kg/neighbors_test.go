package main

import (
	"context"
	"testing"
)

func TestNeighborsFlags(t *testing.T) {
	o, err := parseArgs(t, newCmdNeighbors, "Pakistan", "--depth", "2", "--quad", "conflict")
	if err != nil {
		t.Fatal(err)
	}
	if o.Actor != "Pakistan" || o.Depth != 2 || len(o.Filter.Quad) != 2 {
		t.Errorf("options = %+v", o)
	}
	if _, err := parseArgs(t, newCmdNeighbors, "Pakistan", "--depth", "0"); err == nil {
		t.Error("--depth 0 should be refused")
	}
}

func TestNeighborsOutput(t *testing.T) {
	for _, tt := range []struct {
		golden string
		opts   neighborsOptions
	}{
		{"neighbors-table-tty.golden", neighborsOptions{queryOptions: queryOptions{Format: formatTable}, Actor: "Pakistan", Depth: 1}},
		{"neighbors-depth2-csv.golden", neighborsOptions{queryOptions: queryOptions{Format: formatCSV}, Actor: "Putin", Depth: 2}},
		{"neighbors-directed-json.golden", neighborsOptions{queryOptions: queryOptions{Format: formatJSON}, Actor: "Russia", Depth: 2, Directed: true, Evidence: 1}},
	} {
		io, out := testStreams(tt.golden == "neighbors-table-tty.golden")
		o := tt.opts
		o.IO, o.Load = io, fixtureLoader()
		if err := runNeighbors(context.Background(), &o); err != nil {
			t.Fatal(err)
		}
		checkGolden(t, tt.golden, out.String())
	}
}
