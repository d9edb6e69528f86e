package loader

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/loader/input"
)

type phenCase struct {
	ID         string `json:"id"`
	Phenomenon string `json:"phenomenon"`
	DocDate    string `json:"doc_date"`
	Text       string `json:"text"`
	Expected   []struct {
		Source     string `json:"source"`
		SourceCode string `json:"source_code"`
		Target     string `json:"target"`
		TargetCode string `json:"target_code"`
		Cameo      string `json:"cameo"`
		Negated    bool   `json:"negated"`
		Modality   string `json:"modality"`
		Symmetric  bool   `json:"symmetric"`
		Date       string `json:"date"`
		Sentence   int    `json:"sentence"`
	} `json:"expected"`
}

func readPhenomena(t *testing.T) []phenCase {
	f, err := os.Open("extract/testdata/phenomena/phenomena.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []phenCase
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var c phenCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
	return out
}

// actorIs matches an expected actor by name or alias, or, failing that, by
// the country block of its code (PAKMIL ~ PAK), as the cases' README says.
func actorIs(a graph.Actor, name, code string) bool {
	n := scoreNorm(name)
	for _, s := range append([]string{a.Name}, a.Aliases...) {
		if scoreNorm(s) == n {
			return true
		}
	}
	if len(code) >= 3 && len(a.Code) >= 3 && !strings.HasPrefix(code, "IGO") && code != "OBJ" && !strings.HasPrefix(code, "---") {
		return a.Code[:3] == code[:3] && (len(code) == 3 || a.Code == code)
	}
	return false
}

func codeOK(pred, want string) bool {
	if len(want) == 2 {
		return strings.HasPrefix(pred, want)
	}
	return pred == want
}

// TestPhenomena runs the hand-written phenomenon cases and holds the share
// of fully passed cases to a floor; failures are logged with -v.
func TestPhenomena(t *testing.T) {
	for _, c := range []struct {
		coder Coder
		floor float64
	}{{CoderRules, 0.95}, {CoderTree, 0.9}} {
		t.Run(string(c.coder), func(t *testing.T) {
			x := treeExtractor(t)
			if c.coder == CoderRules {
				x = rulesExtractor(t)
			}
			phenomena(t, x, c.floor)
		})
	}
}

func phenomena(t *testing.T, x *Extractor, floor float64) {
	cases := readPhenomena(t)
	pass := 0
	byPhen := map[string][2]int{}
	for _, c := range cases {
		xt, err := x.Process(input.Input{Name: c.ID, Format: "txt", Data: []byte(c.Text), Date: c.DocDate})
		if err != nil {
			if errors.Is(err, ErrEmpty) && len(c.Expected) == 0 {
				pass++ // all junk: nothing left, nothing extracted
				n := byPhen[c.Phenomenon]
				n[0]++
				n[1]++
				byPhen[c.Phenomenon] = n
				continue
			}
			t.Errorf("%s: %v", c.ID, err)
			continue
		}
		checkExtraction(t, xt)
		actors := map[string]graph.Actor{}
		for _, a := range xt.Actors {
			actors[a.ID] = a
		}
		used := make([]bool, len(xt.Events))
		var problems []string
		for _, w := range c.Expected {
			ok := false
			for i, e := range xt.Events {
				if used[i] || !codeOK(e.CAMEO, w.Cameo) || e.Negated != w.Negated || string(e.Modality) != w.Modality || sentenceDate(e) != w.Date {
					continue
				}
				s, d := actors[e.Source], actors[e.Target]
				fwd := actorIs(s, w.Source, w.SourceCode) && actorIs(d, w.Target, w.TargetCode)
				back := (e.Symmetric || w.Symmetric) && actorIs(d, w.Source, w.SourceCode) && actorIs(s, w.Target, w.TargetCode)
				if fwd || back {
					used[i], ok = true, true
					break
				}
			}
			if !ok {
				problems = append(problems, fmt.Sprintf("missing %s -%s-> %s neg=%v %s %q", w.Source, w.Cameo, w.Target, w.Negated, w.Modality, w.Date))
			}
		}
		for i, e := range xt.Events {
			if !used[i] {
				problems = append(problems, fmt.Sprintf("extra %s -%s-> %s neg=%v %s %q", actors[e.Source].Name, e.CAMEO, actors[e.Target].Name, e.Negated, e.Modality, sentenceDate(e)))
			}
		}
		n := byPhen[c.Phenomenon]
		n[1]++
		if len(problems) == 0 {
			pass++
			n[0]++
		} else {
			t.Logf("%s: %q\n\t%s", c.ID, c.Text, strings.Join(problems, "\n\t"))
		}
		byPhen[c.Phenomenon] = n
	}
	var names []string
	for k := range byPhen {
		names = append(names, k)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, k := range names {
		fmt.Fprintf(&b, " %s %d/%d", k, byPhen[k][0], byPhen[k][1])
	}
	t.Logf("passed %d of %d cases;%s", pass, len(cases), b.String())
	if float64(pass) < floor*float64(len(cases)) {
		t.Errorf("passed %d of %d phenomenon cases, want at least %.0f%%", pass, len(cases), 100*floor)
	}
}

// sentenceDate is the date an event's sentence gives it; the cases leave
// the document's date, which every undated event takes, unwritten.
func sentenceDate(e graph.Event) string {
	if e.DocDate {
		return ""
	}
	return e.Date.String()
}
