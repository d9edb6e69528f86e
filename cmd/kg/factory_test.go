package main

import "testing"

func TestForceTTY(t *testing.T) {
	tests := []struct {
		env  string
		want bool
	}{
		{"", false}, // tests never run with stdout on a terminal
		{"0", false},
		{"1", true},
		{"yes", true},
	}
	for _, tt := range tests {
		t.Setenv("KG_FORCE_TTY", tt.env)
		if got := defaultIO().OutTTY; got != tt.want {
			t.Errorf("KG_FORCE_TTY=%q: OutTTY = %v, want %v", tt.env, got, tt.want)
		}
	}
}
