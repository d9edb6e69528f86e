package graph

import (
	"encoding/json"
	"testing"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    Date
		prec    Precision
		wantErr bool
	}{
		{"", Date{}, NoDate, false},
		{"2012", Date{Year: 2012}, Year, false},
		{"2012-10", Date{Year: 2012, Month: 10}, Month, false},
		{"2012-10-04", Date{Year: 2012, Month: 10, Day: 4}, Day, false},
		{"2016-02-29", Date{Year: 2016, Month: 2, Day: 29}, Day, false},
		{"2024-03-01T00:00:00Z", Date{Year: 2024, Month: 3, Day: 1}, Day, false},
		{"2015-02-29", Date{}, NoDate, true},
		{"2012-13", Date{}, NoDate, true},
		{"2012-00-05", Date{}, NoDate, true},
		{"12-10-04", Date{}, NoDate, true},
		{"2012-1-4", Date{}, NoDate, true},
		{"yesterday", Date{}, NoDate, true},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want || got.Precision() != tt.prec {
			t.Errorf("ParseDate(%q) = %+v (%v), %v; want %+v (%v), error %v", tt.in, got, got.Precision(), err, tt.want, tt.prec, tt.wantErr)
		}
		if err == nil && got.String() != tt.in && len(tt.in) <= 10 {
			t.Errorf("ParseDate(%q).String() = %q", tt.in, got.String())
		}
	}
}

func TestDateSpans(t *testing.T) {
	tests := []struct {
		d           Date
		first, last Date
		valid       bool
	}{
		{Date{}, Date{}, Date{}, true},
		{Date{Year: 2016}, Date{2016, 1, 1}, Date{2016, 12, 31}, true},
		{Date{Year: 2016, Month: 2}, Date{2016, 2, 1}, Date{2016, 2, 29}, true},
		{Date{Year: 2015, Month: 2}, Date{2015, 2, 1}, Date{2015, 2, 28}, true},
		{Date{Year: 1900, Month: 2}, Date{1900, 2, 1}, Date{1900, 2, 28}, true},
		{Date{Year: 2000, Month: 2}, Date{2000, 2, 1}, Date{2000, 2, 29}, true},
		{Date{2012, 10, 4}, Date{2012, 10, 4}, Date{2012, 10, 4}, true},
		{Date{2012, 4, 31}, Date{2012, 4, 31}, Date{2012, 4, 31}, false},
		{Date{Year: 2012, Day: 3}, Date{2012, 1, 3}, Date{2012, 12, 3}, false},
	}
	for _, tt := range tests {
		if got := tt.d.FirstDay(); got != tt.first {
			t.Errorf("%+v.FirstDay() = %+v, want %+v", tt.d, got, tt.first)
		}
		if got := tt.d.LastDay(); got != tt.last {
			t.Errorf("%+v.LastDay() = %+v, want %+v", tt.d, got, tt.last)
		}
		if got := tt.d.Valid(); got != tt.valid {
			t.Errorf("%+v.Valid() = %v, want %v", tt.d, got, tt.valid)
		}
	}
}

func TestDateJSON(t *testing.T) {
	for _, d := range []Date{{}, {Year: 1971}, {Year: 1971, Month: 12}, {1960, 5, 1}} {
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		var back Date
		if err := json.Unmarshal(b, &back); err != nil || back != d {
			t.Errorf("JSON round trip of %+v: %s -> %+v, %v", d, b, back, err)
		}
	}
	var d Date
	if err := json.Unmarshal([]byte(`"1971-13"`), &d); err == nil {
		t.Error("accepted month 13")
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ashfaq Parvez Kayani", "ashfaq-parvez-kayani"},
		{"U.S.", "us"},
		{"Xi's visit", "xis-visit"},
		{"  Iran–Pakistan gas pipeline ", "iran-pakistan-gas-pipeline"},
		{"Москва", "москва"},
		{"!!!", "actor"},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
