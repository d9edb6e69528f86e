package cameo

import "testing"

func TestLookup(t *testing.T) {
	tests := []struct {
		code string
		ok   bool
		g    float64
		quad int
	}{
		{"042", true, 1.9, VerbalCooperation},
		{"057", true, 8.0, VerbalCooperation},
		{"072", true, 8.3, MaterialCooperation},
		{"1123", true, -2.0, VerbalConflict},
		{"1951", true, -10.0, MaterialConflict},
		{"0441", true, 2.5, VerbalCooperation},  // not in CAMEO: inherits 044
		{"2059", true, -10.0, MaterialConflict}, // not in CAMEO: inherits root 20
		{"163", true, -8.0, MaterialConflict},
		{"21", false, 0, 0},
		{"ab", false, 0, 0},
		{"", false, 0, 0},
	}
	for _, tt := range tests {
		c, ok := Lookup(tt.code)
		if ok != tt.ok || c.Goldstein != tt.g || QuadClass(tt.code) != tt.quad {
			t.Errorf("Lookup(%q) = %+v, %v, quad %d; want ok %v, G %v, quad %d", tt.code, c, ok, QuadClass(tt.code), tt.ok, tt.g, tt.quad)
		}
	}
}

func TestTableIsWellFormed(t *testing.T) {
	all := All()
	if len(all) < 100 {
		t.Fatalf("only %d codes in table", len(all))
	}
	for _, c := range all {
		if err := Valid(c.Code); err != nil {
			t.Error(err)
		}
		if c.Goldstein < -10 || c.Goldstein > 10 {
			t.Errorf("%s: Goldstein %v out of range", c.Code, c.Goldstein)
		}
	}
}

func TestUser(t *testing.T) {
	for _, tt := range []struct {
		code string
		want bool
	}{
		{"901", true}, {"345", true}, {"2125", true},
		{"042", false},  // CAMEO's own
		{"0441", false}, // inherits 044
		{"99", false},   // a root alone
		{"9a1", false}, {"12345", false}, {"", false},
	} {
		if got := User(tt.code); got != tt.want {
			t.Errorf("User(%q) = %v, want %v", tt.code, got, tt.want)
		}
	}
}

func TestRole(t *testing.T) {
	for _, tt := range []struct{ code, country, want string }{
		{"PAKMIL", "PAK", "MIL"}, {"RUSGOVMIL", "RUS", "GOV"}, {"PAK", "PAK", ""},
		{"USAGOV", "PAK", ""}, {"PAKXYZ", "PAK", ""}, {"IGOUNO", "", ""}, {"AFGREB", "AFG", "REB"},
	} {
		if got := Role(tt.code, tt.country); got != tt.want {
			t.Errorf("Role(%q, %q) = %q, want %q", tt.code, tt.country, got, tt.want)
		}
	}
	if RoleName("MIL") != "military" || RoleName("XYZ") != "" {
		t.Error("RoleName")
	}
}
