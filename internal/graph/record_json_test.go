package graph

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"
)

// encodeStd is what the listings wrote before AppendJSON: a json.Encoder
// with HTML escaping off.
func encodeStd(t testing.TB, r *TripleRecord) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestAppendJSONMatchesEncoder(t *testing.T) {
	rep := &ActorRef{ID: "un", Name: "United Nations", Code: "IGOUNO", Type: IGO, Aliases: []string{}}
	for _, c := range []struct {
		name string
		r    TripleRecord
	}{
		{"zero", TripleRecord{}},
		{"typical", TripleRecord{ID: "248db8573236934051af2b44", Doc: "a.txt", Sentence: "India attacked Pakistan.", SentenceIndex: 3, Start: 75, End: 99,
			Source:   ActorRef{ID: "india", Name: "India", Code: "IND", Type: Country, Aliases: []string{"Indian", "New Delhi"}},
			Relation: "attack", CAMEO: "190", QuadClass: 4, Goldstein: -10, Target: ActorRef{ID: "pakistan", Name: "Pakistan", Code: "PAK", Type: Country, Aliases: []string{}},
			Date: "2024-06-01", DatePrecision: "document", Modality: Actual, Confidence: 0.8, Origin: "kg", Mentions: 1, Sources: 1}},
		{"reporter and flags", TripleRecord{Negated: true, Symmetric: true, Modality: Hypothetical, Reporter: rep, Goldstein: 3.4, Confidence: 0.7000000000000001}},
		{"escapes", TripleRecord{Sentence: "a \"quote\" \\ back\nline\ttab\rcr\bbs\fff \x01\x1f <html> & \u2028\u2029 é 日本 \xff\xfe end", Doc: "</script>"}},
		{"floats", TripleRecord{Goldstein: 1e-7, Confidence: 1e21}},
		{"small floats", TripleRecord{Goldstein: -2.5e-9, Confidence: 123456789.125}},
		{"negative zero", TripleRecord{Goldstein: math.Copysign(0, -1)}},
		{"nil aliases", TripleRecord{Source: ActorRef{ID: "x"}, Target: ActorRef{ID: "y", Aliases: nil}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			want := encodeStd(t, &c.r)
			if got := c.r.AppendJSON(nil); !bytes.Equal(got, want) {
				t.Errorf("AppendJSON\n got %s\nwant %s", got, want)
			}
		})
	}
}

func FuzzAppendJSON(f *testing.F) {
	f.Add("India attacked Pakistan.", "a\n\"b\"", "é\xff\u2028", 3.4, 0.8, -1, true)
	f.Add("", "", "", 0.0, 1e-7, 0, false)
	f.Fuzz(func(t *testing.T, s1, s2, s3 string, g, c float64, n int, b bool) {
		if math.IsNaN(g) || math.IsInf(g, 0) || math.IsNaN(c) || math.IsInf(c, 0) {
			t.Skip("encoding/json refuses these")
		}
		r := TripleRecord{ID: s1, Doc: s2, Sentence: s3, SentenceIndex: n, Start: -n, Goldstein: g, Confidence: c, Negated: b,
			Source: ActorRef{ID: s2, Name: s3, Aliases: []string{s1, s3}}, Target: ActorRef{Name: s1}, Modality: Modality(s3), Origin: s1}
		if b {
			r.Reporter = &ActorRef{ID: s3, Aliases: []string{}}
		}
		want := encodeStd(t, &r)
		if got := r.AppendJSON(nil); !bytes.Equal(got, want) {
			t.Fatalf("AppendJSON\n got %q\nwant %q", got, want)
		}
	})
}
