package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestCompare: two origins' events on a fixture of known counts give
// those counts, the rows only one has, and the correlations worked by hand.
func TestCompare(t *testing.T) {
	t.Setenv("KG_DICT", "")
	store := filepath.Join(t.TempDir(), "kg.db")
	in := `source,target,cameo,date,origin,doc
Pakistan,Russia,042,2023-01-05,kg,k1
Pakistan,Russia,042,2023-06-01,kg,k1
Russia,Pakistan,190,2023-03-01,kg,k1
India,Pakistan,112,2024-02-01,kg,k2
Pakistan,Russia,042,2023-01-06,gdelt,g1
India,Pakistan,112,2024-02-01,gdelt,g1
India,Pakistan,112,2024-09-01,gdelt,g1
United States,Pakistan,112,2024-05-01,gdelt,g2
`
	if code, _, errOut := runKG(t, in, "--store", store, "import", "-"); code != 0 {
		t.Fatal(errOut)
	}
	code, out, errOut := runKG(t, "", "--store", store, "compare", "kg", "gdelt", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rec compareRecord
	if err := json.Unmarshal([]byte(out), &rec); err != nil {
		t.Fatal(err)
	}
	// Rows: 2023 PAK>RUS 2|1, 2023 RUS>PAK 1|0, 2024 IND>PAK 1|2, 2024 USA>PAK 0|1.
	// Event counts x = 2,1,1,0 and y = 1,0,2,1 have zero covariance; the
	// means of the two shared rows (1.9, -2) agree exactly.
	if rec.EventsA != 4 || rec.EventsB != 4 || rec.Both != 2 || rec.OnlyA != 1 || rec.OnlyB != 1 || len(rec.Rows) != 4 ||
		rec.EventsR == nil || *rec.EventsR != 0 || rec.GoldsteinR == nil || *rec.GoldsteinR != 1 {
		t.Errorf("comparison %s", out)
	}
	var got []string
	for _, r := range rec.Rows {
		got = append(got, r.Period+" "+r.Source.ID+">"+r.Target.ID)
	}
	if strings.Join(got, ",") != "2023 PAK>RUS,2023 RUS>PAK,2024 IND>PAK,2024 USA>PAK" {
		t.Errorf("rows %v", got)
	}
	for _, args := range [][]string{{"compare", "kg"}, {"compare", "kg", "kg"}, {"compare", "kg", "acled"}, {"compare", "kg", "gdelt", "--origin", "kg"}} {
		if code, _, _ := runKG(t, "", append([]string{"--store", store}, args...)...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}
