package dict

import "testing"

func TestSimilarNames(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Ashfaq Parvez Kayani", "Ashfaq Pervez Kayani", true},
		{"Ashfaq Pervez Kayani", "Ashfaq Pervaiz Kiani", true},
		{"Kayani", "Kiani", true},
		{"Tahir Rafiq Butt", "Tahir Rafique Butt", true},
		{"Sergey Lavrov", "Sergei Lavrov", true},
		{"Asif Zardari", "Asif Ali Zardari", true},
		{"Ashfaq Kayani", "Ashfaq Pervez Kayani", true},
		{"A. P. Kayani", "Ashfaq Parvez Kayani", true},
		{"Muhammad Ali Jinnah", "Mohammed Ali Jinnah", true},
		{"Vladimir Putin", "vladimir putin", true},
		{"Nawaz Sharif", "Shahbaz Sharif", false},
		{"Imran Khan", "Ayub Khan", false},
		{"Benazir Bhutto", "Zulfikar Ali Bhutto", false},
		{"Muhammad Ali", "Muhammad Ali Jinnah", false},
		{"Kayani", "Ashfaq Kayani", false},
		{"George Bush", "George Bash", false},
		{"John Smith", "Joan Smith", false},
		{"A. Kayani", "B. Kayani", false},
		{"Kayani", "K.", false},
		{"", "Putin", false},
	}
	for _, tt := range tests {
		s, ok := SimilarNames(tt.a, tt.b)
		if ok != tt.want {
			t.Errorf("SimilarNames(%q, %q) = %.3f, %v; want %v", tt.a, tt.b, s, ok, tt.want)
		}
		if s2, ok2 := SimilarNames(tt.b, tt.a); s2 != s || ok2 != ok {
			t.Errorf("SimilarNames not symmetric for %q, %q: %.3f/%v vs %.3f/%v", tt.a, tt.b, s, ok, s2, ok2)
		}
		if s < 0 || s > 1 {
			t.Errorf("SimilarNames(%q, %q) score %f out of [0,1]", tt.a, tt.b, s)
		}
	}
}

func TestPersonName(t *testing.T) {
	d := mustDefault(t)
	tests := []struct{ in, want string }{
		{"Russian Foreign Minister Sergey Lavrov", "Sergey Lavrov"},
		{"Gen. Ashfaq Pervez Kayani", "Ashfaq Pervez Kayani"},
		{"Air Chief Marshal Tahir Rafique Butt", "Tahir Rafique Butt"},
		{"Mr. Putin", "Putin"},
		{"President", "President"},
		{"Jan Kowalski", "Jan Kowalski"},
	}
	for _, tt := range tests {
		if got := d.PersonName(tt.in); got != tt.want {
			t.Errorf("PersonName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzSimilarNames(f *testing.F) {
	f.Add("Ashfaq Parvez Kayani", "A. Kiani")
	f.Add("", "\xff")
	f.Fuzz(func(t *testing.T, a, b string) {
		s, ok := SimilarNames(a, b)
		if s < 0 || s > 1 || (ok && s < nameMin) {
			t.Fatalf("SimilarNames(%q, %q) = %f, %v", a, b, s, ok)
		}
	})
}
