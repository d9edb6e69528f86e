package syntax

import "testing"

func TestHashShapeMatchesShape(t *testing.T) {
	for _, w := range []string{"", "Pakistan", "F-16", "1990s", "iPhone", "ÉTATS-Unis", "aaaaaaaa", "Ω1x", "\xff\xfe", "U.S."} {
		if got, want := hashShape(w), hashString(shape(w)); got != want {
			t.Errorf("hashShape(%q) = %x, want hash of %q = %x", w, got, shape(w), want)
		}
	}
}

func TestShapeNorm(t *testing.T) {
	for _, c := range []struct{ in, shape, norm string }{
		{"Pakistan", "Xxxxx", "pakistan"},
		{"F-16", "X-dd", "f-16"},
		{"1990", "dddd", "!year"},
		{"3.5", "d.d", "!digits"},
		{"don\u2019t", "xxx\u2019x", "don't"},
		{"NATO", "XXXX", "nato"},
	} {
		if got := shape(c.in); got != c.shape {
			t.Errorf("shape(%q) = %q, want %q", c.in, got, c.shape)
		}
		if got := norm(c.in); got != c.norm {
			t.Errorf("norm(%q) = %q, want %q", c.in, got, c.norm)
		}
	}
}
