package main

import (
	"context"
	"strings"
	"testing"
)

func TestPathFlags(t *testing.T) {
	o, err := parseArgs(t, newCmdPath, "Moscow", "Islamabad", "--k", "3", "--weighted", "--directed", "--evidence", "3")
	if err != nil {
		t.Fatal(err)
	}
	if o.From != "Moscow" || o.To != "Islamabad" || o.K != 3 || !o.Weighted || !o.Directed || o.Evidence != 3 {
		t.Errorf("options = %+v", o)
	}
	for _, args := range [][]string{
		{"a"}, {"a", "b", "--k", "0"}, {"a", "b", "--via", "x", "--k", "2"}, {"a", "b", "--max-hops", "3", "--k", "2"},
		{"a", "b", "--format", "svg"}, {"a", "b", "--limit", "0"},
	} {
		if _, err := parseArgs(t, newCmdPath, args...); err == nil {
			t.Errorf("%v: want an error", args)
		}
	}
}

func TestPathOutput(t *testing.T) {
	tests := []struct {
		golden string
		opts   pathOptions
	}{
		{"path-k3-table.golden", pathOptions{queryOptions: queryOptions{Format: formatTable}, From: "Moscow", To: "Islamabad", K: 3}},
		{"path-evidence-json.golden", pathOptions{queryOptions: queryOptions{Format: formatJSON}, From: "russia", To: "pakistan", K: 1, Evidence: 2}},
		{"path-via-csv.golden", pathOptions{queryOptions: queryOptions{Format: formatCSV}, From: "Russia", To: "Pakistan", Via: "United States", K: 1}},
		{"path-maxhops-table.golden", pathOptions{queryOptions: queryOptions{Format: formatTable}, From: "Russia", To: "Pakistan", MaxHops: 3, Limit: 100, K: 1}},
		{"path-directed-weighted-table.golden", pathOptions{queryOptions: queryOptions{Format: formatTable}, From: "Putin", To: "Pakistan", K: 2, Weighted: true, Directed: true}},
		{"path-dot.golden", pathOptions{queryOptions: queryOptions{Format: formatDOT}, From: "Russia", To: "Pakistan", K: 2}},
	}
	for _, tt := range tests {
		io, out := testStreams(false)
		o := tt.opts
		o.IO, o.Load = io, fixtureLoader()
		if err := runPath(context.Background(), &o); err != nil {
			t.Fatalf("%s: %v", tt.golden, err)
		}
		checkGolden(t, tt.golden, out.String())
	}
}

func TestPathErrors(t *testing.T) {
	tests := []struct {
		opts pathOptions
		want string
	}{
		{pathOptions{From: "Rusia", To: "Pakistan", K: 1}, `unknown actor "Rusia"; closest: Russia (RUS)`},
		{pathOptions{From: "Nobody", To: "Pakistan", K: 1}, "takes part in no event under the current filters"},
		{pathOptions{From: "Pakistan", To: "United States", K: 1, Directed: true}, "no directed path from Pakistan to United States"},
	}
	for _, tt := range tests {
		io, _ := testStreams(false)
		o := tt.opts
		o.IO, o.Load, o.Format = io, fixtureLoader(), formatTable
		err := runPath(context.Background(), &o)
		if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%+v: err = %v, want one line containing %q", tt.opts, err, tt.want)
		}
	}
}
