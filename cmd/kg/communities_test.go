package main

import (
	"context"
	"testing"
)

func TestCommunitiesFlags(t *testing.T) {
	o, err := parseArgs(t, newCmdCommunities, "--signed", "--seed", "7", "--resolution", "0.5")
	if err != nil {
		t.Fatal(err)
	}
	if !o.Signed || o.Seed != 7 || o.Resolution != 0.5 {
		t.Errorf("options = %+v", o)
	}
	if _, err := parseArgs(t, newCmdCommunities, "--resolution", "0"); err == nil {
		t.Error("--resolution 0 should be refused")
	}
}

func TestCommunitiesOutput(t *testing.T) {
	for _, tt := range []struct {
		golden string
		opts   communitiesOptions
		tty    bool
	}{
		{"communities-table-tty.golden", communitiesOptions{queryOptions: queryOptions{Format: formatTable}}, true},
		{"communities-json.golden", communitiesOptions{queryOptions: queryOptions{Format: formatJSON}}, false},
		{"communities-signed-csv.golden", communitiesOptions{queryOptions: queryOptions{Format: formatCSV}, Signed: true}, false},
	} {
		io, out := testStreams(tt.tty)
		o := tt.opts
		o.IO, o.Load, o.Resolution, o.Seed = io, fixtureLoader(), 1, 1
		if err := runCommunities(context.Background(), &o); err != nil {
			t.Fatal(err)
		}
		checkGolden(t, tt.golden, out.String())
	}
}
