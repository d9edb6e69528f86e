package cameo

import (
	"fmt"
	"testing"
)

// The table is meant to hold the whole CAMEO 1.1b3 ontology, so a coder can
// emit any code and find its name and weight without falling back to a
// parent.
func TestTableCoversOntology(t *testing.T) {
	all := All()
	if len(all) < 290 {
		t.Fatalf("table has %d codes, want the full ontology (at least 290)", len(all))
	}
	have := map[string]bool{}
	for _, c := range all {
		have[c.Code] = true
	}
	for r := 1; r <= 20; r++ {
		root := fmt.Sprintf("%02d", r)
		for _, code := range []string{root, root + "0"} {
			if !have[code] {
				t.Errorf("root %s: code %s missing", root, code)
			}
		}
	}
	for _, c := range all {
		if len(c.Code) > 2 && !have[c.Code[:len(c.Code)-1]] {
			t.Errorf("%s: parent %s missing", c.Code, c.Code[:len(c.Code)-1])
		}
		if c.Name == "" {
			t.Errorf("%s: no name", c.Code)
		}
	}
}

// Names from the CAMEO 1.1b3 codebook, weights from the GDELT Goldstein
// lookup (1834, 1951 and 1952 have no row there and take their parent's).
func TestTableValues(t *testing.T) {
	tests := []struct {
		code string
		g    float64
		name string
	}{
		{"011", -0.1, "Decline comment"},
		{"012", -0.4, "Make pessimistic comment"},
		{"016", -2.0, "Deny responsibility"},
		{"022", 3.2, "Appeal for diplomatic cooperation, such as policy support"},
		{"0256", -0.3, "Appeal for de-escalation of military engagement"},
		{"0334", 6.0, "Express intent to provide military protection or peacekeeping"},
		{"038", 7.0, "Express intent to accept mediation"},
		{"0841", 7.0, "Return, release person(s)"},
		{"0874", 10.0, "Retreat or surrender militarily"},
		{"093", -2.0, "Investigate military action"},
		{"1056", -5.0, "Demand de-escalation of military engagement"},
		{"108", -5.0, "Demand mediation"},
		{"130", -4.4, "Threaten, not specified"},
		{"1385", -7.0, "Threaten attack with WMD"},
		{"139", -7.0, "Give ultimatum"},
		{"1454", -7.5, "Engage in violent protest for change in institutions, regime"},
		{"164", -7.0, "Halt negotiations"},
		{"165", -6.5, "Halt mediation"},
		{"1712", -9.2, "Destroy property"},
		{"182", -9.5, "Physically assault"},
		{"1823", -10.0, "Kill by physical assault"},
		{"1834", -10.0, "Carry out location bombing"},
		{"184", -8.0, "Use as human shield"},
		{"1952", -10.0, "Employ remotely piloted aerial munitions"},
		{"201", -9.5, "Engage in mass expulsion"},
		{"2042", -10.0, "Detonate nuclear weapons"},
	}
	once.Do(load)
	for _, tt := range tests {
		c, ok := table[tt.code]
		if !ok {
			t.Errorf("%s: not in table", tt.code)
			continue
		}
		if c.Goldstein != tt.g || c.Name != tt.name {
			t.Errorf("%s = %v %q; want %v %q", tt.code, c.Goldstein, c.Name, tt.g, tt.name)
		}
	}
}

func TestValid(t *testing.T) {
	for _, c := range All() {
		if err := Valid(c.Code); err != nil {
			t.Errorf("table code rejected: %v", err)
		}
	}
	for _, code := range []string{"", "0", "1", "00", "21", "99", "0010", "2101", "12345", "1a", "a1", "-1", "1.0", " 01", "01 "} {
		if Valid(code) == nil {
			t.Errorf("Valid(%q) = nil, want an error", code)
		}
	}
}

func TestQuadClassByRoot(t *testing.T) {
	want := map[string]int{
		"01": VerbalCooperation, "02": VerbalCooperation, "03": VerbalCooperation,
		"04": VerbalCooperation, "05": VerbalCooperation,
		"06": MaterialCooperation, "07": MaterialCooperation, "08": MaterialCooperation,
		"09": VerbalConflict, "10": VerbalConflict, "11": VerbalConflict,
		"12": VerbalConflict, "13": VerbalConflict,
		"14": MaterialConflict, "15": MaterialConflict, "16": MaterialConflict,
		"17": MaterialConflict, "18": MaterialConflict, "19": MaterialConflict,
		"20": MaterialConflict,
	}
	for _, c := range All() {
		if got := QuadClass(c.Code); got != want[Root(c.Code)] {
			t.Errorf("QuadClass(%s) = %d, want %d", c.Code, got, want[Root(c.Code)])
		}
	}
	for _, code := range []string{"", "00", "21", "x1"} {
		if got := QuadClass(code); got != 0 {
			t.Errorf("QuadClass(%q) = %d, want 0", code, got)
		}
	}
}
