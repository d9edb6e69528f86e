package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

func TestLinkFlags(t *testing.T) {
	o, err := parseArgs(t, newCmdLink, "India", "Russia", "Pakistan", "--directed", "--evidence", "0")
	if err != nil {
		t.Fatal(err)
	}
	if o.X != "India" || o.A != "Russia" || o.B != "Pakistan" || !o.Directed || o.Evidence != 0 {
		t.Errorf("options = %+v", o)
	}
	if _, err := parseArgs(t, newCmdLink, "India", "Russia"); err == nil {
		t.Error("two actors should be refused")
	}
	// The explain alias.
	root := newRootCmd(newFactory(&ioStreams{}))
	if c, _, err := root.Find([]string{"explain"}); err != nil || c.Name() != "link" {
		t.Errorf("explain alias: %v %v", c, err)
	}
}

func TestLinkOutput(t *testing.T) {
	for _, tt := range []struct {
		golden, format string
	}{{"link-table.golden", formatTable}, {"link-json.golden", formatJSON}, {"link-csv.golden", formatCSV}} {
		io, out := testStreams(false)
		o := &linkOptions{queryOptions: queryOptions{IO: io, Load: fixtureLoader(), Format: tt.format}, X: "India", A: "Moscow", B: "Pakistan", Evidence: 2}
		if err := runLink(context.Background(), o); err != nil {
			t.Fatal(err)
		}
		checkGolden(t, tt.golden, out.String())
		if tt.format == formatJSON {
			var rec linkRecord
			if err := json.Unmarshal(out.Bytes(), &rec); err != nil {
				t.Fatal(err)
			}
			// Russia reaches Pakistan in two hops through India, China or
			// Putin (undirected): India holds one of the three.
			if rec.Paths != 3 || rec.ThroughX != 1 || rec.Share != 0.333333 || rec.Avoiding == nil || rec.Avoiding.Hops != 2 {
				t.Errorf("link record = %+v", rec)
			}
		}
	}
	io, _ := testStreams(false)
	err := runLink(context.Background(), &linkOptions{queryOptions: queryOptions{IO: io, Load: fixtureLoader(), Format: formatTable}, X: "India", A: "India", B: "Pakistan"})
	if err == nil || !strings.Contains(err.Error(), "three different actors") {
		t.Errorf("same actor twice: %v", err)
	}
}
