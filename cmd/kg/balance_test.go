package main

import (
	"context"
	"encoding/json"
	"testing"
)

func TestBalanceFlags(t *testing.T) {
	o, err := parseArgs(t, newCmdBalance, "--top", "3", "--evidence", "0", "--until", "2013")
	if err != nil {
		t.Fatal(err)
	}
	if o.Top != 3 || o.Evidence != 0 || o.Filter.Until.Year != 2013 {
		t.Errorf("options = %+v", o)
	}
	if _, err := parseArgs(t, newCmdBalance, "--top", "-2"); err == nil {
		t.Error("--top -2 should be refused")
	}
}

func TestBalanceOutput(t *testing.T) {
	for _, tt := range []struct {
		golden, format string
	}{{"balance-table.golden", formatTable}, {"balance-json.golden", formatJSON}, {"balance-csv.golden", formatCSV}} {
		io, out := testStreams(false)
		o := &balanceOptions{queryOptions: queryOptions{IO: io, Load: fixtureLoader(), Format: tt.format}, Top: 10, Evidence: 1}
		if err := runBalance(context.Background(), o); err != nil {
			t.Fatal(err)
		}
		checkGolden(t, tt.golden, out.String())
		if tt.format == formatJSON {
			var rec balanceRecord
			if err := json.Unmarshal(out.Bytes(), &rec); err != nil {
				t.Fatal(err)
			}
			// Triangles: Russia–India–Pakistan (+ - ... ) and
			// Russia–China–Pakistan, India–Pakistan–United States,
			// Putin–Russia–Pakistan: checked by hand in the golden file.
			c := rec.Census
			if c.Balanced+c.Unbalanced+c.Neutral == 0 || c.PPP+c.PPN+c.PNN+c.NNN != c.Balanced+c.Unbalanced {
				t.Errorf("census = %+v", c)
			}
		}
	}
}
