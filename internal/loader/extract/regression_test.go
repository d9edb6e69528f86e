package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/graph"
)

// regressionCase is one line of testdata/regression.jsonl: a short text
// written for one phenomenon, the triples it must yield and pairs it must
// not.
type regressionCase struct {
	Name   string       `json:"name"`
	Text   string       `json:"text"`
	Expect []wantTriple `json:"expect"`
	Absent []wantTriple `json:"absent"`
}

type wantTriple struct {
	Source    string `json:"source"`
	Target    string `json:"target"`
	Code      string `json:"code"`
	Negated   bool   `json:"negated"`
	Modality  string `json:"modality"`
	Symmetric bool   `json:"symmetric"`
}

func readCases(t *testing.T, path string) []regressionCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []regressionCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var c regressionCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		out = append(out, c)
	}
	return out
}

// nameIs reports whether actor a is called name (canonical or seen alias).
func nameIs(a graph.Actor, name string) bool {
	if name == "" {
		return true
	}
	if strings.EqualFold(a.Name, name) {
		return true
	}
	for _, s := range a.Aliases {
		if strings.EqualFold(s, name) {
			return true
		}
	}
	return false
}

func runText(t *testing.T, text string) (Result, map[string]graph.Actor) {
	t.Helper()
	res := testEngine(t).Extract(Doc{ID: "t", Text: text, Sentences: crudeSentences(text)})
	byID := map[string]graph.Actor{}
	for _, a := range res.Actors {
		byID[a.ID] = a
	}
	return res, byID
}

func describe(res Result, byID map[string]graph.Actor) string {
	var b strings.Builder
	for _, e := range res.Events {
		b.WriteString("\n\t" + byID[e.Source].Name + " -" + e.CAMEO + "-> " + byID[e.Target].Name)
		if e.Negated {
			b.WriteString(" negated")
		}
		b.WriteString(" " + string(e.Modality))
	}
	return b.String()
}

func TestRegression(t *testing.T) {
	for _, c := range readCases(t, "testdata/regression.jsonl") {
		t.Run(c.Name, func(t *testing.T) {
			res, byID := runText(t, c.Text)
			for _, w := range c.Expect {
				found := false
				for _, e := range res.Events {
					src, dst := byID[e.Source], byID[e.Target]
					if !nameIs(src, w.Source) || !nameIs(dst, w.Target) {
						if !(e.Symmetric && nameIs(dst, w.Source) && nameIs(src, w.Target)) {
							continue
						}
					}
					if e.CAMEO != w.Code || e.Negated != w.Negated {
						continue
					}
					if w.Modality != "" && string(e.Modality) != w.Modality {
						continue
					}
					if w.Symmetric && !e.Symmetric {
						continue
					}
					found = true
				}
				if !found {
					t.Errorf("%q: missing %s -%s-> %s (negated %v, modality %q); got:%s", c.Text, w.Source, w.Code, w.Target, w.Negated, w.Modality, describe(res, byID))
				}
			}
			for _, w := range c.Absent {
				for _, e := range res.Events {
					if nameIs(byID[e.Source], w.Source) && nameIs(byID[e.Target], w.Target) && (w.Code == "" || e.CAMEO == w.Code) {
						t.Errorf("%q: unexpected %s -%s-> %s", c.Text, byID[e.Source].Name, e.CAMEO, byID[e.Target].Name)
					}
				}
			}
			if len(c.Expect) == 0 && len(c.Absent) == 0 && len(res.Events) > 0 {
				t.Errorf("%q: want no events, got:%s", c.Text, describe(res, byID))
			}
		})
	}
}

// regressionTexts returns the texts of the regression cases (benchmarks).
func regressionTexts(tb testing.TB) []string {
	b, err := os.ReadFile("testdata/regression.jsonl")
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		var c regressionCase
		if json.Unmarshal([]byte(line), &c) == nil && c.Text != "" {
			out = append(out, c.Text)
		}
	}
	return out
}
