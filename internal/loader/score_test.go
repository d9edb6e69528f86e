package loader

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/refdata"
)

// This file ports the reference scorer's default mode (actors matched by
// name through the gold alias table, events by CAMEO root, negated triples
// left out, symmetric triples counted both ways) to hold the extractor to
// a quality bar on the reference corpus.

type scoreActor struct {
	name    string
	aliases []string
}

type scoreTriple struct {
	doc      string
	src, dst scoreActor
	cameo    string
}

var (
	reNonAlnum = regexp.MustCompile(`[^a-z0-9]+`)
	rePoss     = regexp.MustCompile(`'s\b`)
	reArticle  = regexp.MustCompile(`^(the|a|an) `)
)

func scoreNorm(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'").Replace(s)
	s = rePoss.ReplaceAllString(s, "")
	s = reNonAlnum.ReplaceAllString(s, " ")
	s = reArticle.ReplaceAllString(strings.TrimSpace(s), "")
	return strings.TrimSpace(s)
}

type matcher map[string]string // normalised alias -> normalised gold name

func (m matcher) keys(a scoreActor) map[string]bool {
	out := map[string]bool{}
	for _, s := range append([]string{a.name}, a.aliases...) {
		if n := scoreNorm(s); n != "" {
			if c, ok := m[n]; ok {
				n = c
			}
			out[n] = true
		}
	}
	return out
}

func (m matcher) same(p, g scoreActor) bool {
	gk := m.keys(g)
	for k := range m.keys(p) {
		if gk[k] {
			return true
		}
	}
	return false
}

func expandSym(ts []scoreTriple, sym []bool) []scoreTriple {
	var out []scoreTriple
	for i, t := range ts {
		out = append(out, t)
		if sym[i] {
			out = append(out, scoreTriple{doc: t.doc, src: t.dst, dst: t.src, cameo: t.cameo})
		}
	}
	return out
}

func readGold(t *testing.T, path string) ([]scoreTriple, map[string]bool) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var ts []scoreTriple
	var sym []bool
	docs := map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var r struct {
			Doc, Source, Target, Cameo string
			Symmetric, Negated         bool
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		docs[r.Doc] = true
		if r.Negated {
			continue
		}
		ts = append(ts, scoreTriple{doc: r.Doc, src: scoreActor{name: r.Source}, dst: scoreActor{name: r.Target}, cameo: r.Cameo})
		sym = append(sym, r.Symmetric)
	}
	return expandSym(ts, sym), docs
}

func readAliases(t *testing.T, path string) matcher {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var as []struct {
		Name    string
		Aliases []string
	}
	if err := json.Unmarshal(b, &as); err != nil {
		t.Fatal(err)
	}
	m := matcher{}
	for _, a := range as {
		for _, s := range append([]string{a.Name}, a.Aliases...) {
			if _, ok := m[scoreNorm(s)]; !ok {
				m[scoreNorm(s)] = scoreNorm(a.Name)
			}
		}
	}
	return m
}

// TestCorpusScore runs the reference corpus through Process and checks
// precision and F1 against the hand-coded gold standard.
func TestCorpusScore(t *testing.T) {
	shared := refdata.Dir(t)
	gold, docs := readGold(t, filepath.Join(shared, "eval", "gold-dev.jsonl"))
	m := readAliases(t, filepath.Join(shared, "eval", "actors-dev.json"))
	x := extractor(t)
	var pred []scoreTriple
	var sym []bool
	for _, in := range corpus(t) {
		if !docs[in.Name] {
			continue
		}
		xt, err := x.Process(in)
		if err != nil {
			t.Fatal(err)
		}
		actors := map[string]graph.Actor{}
		for _, a := range xt.Actors {
			actors[a.ID] = a
		}
		for _, e := range xt.Events {
			if e.Negated {
				continue
			}
			s, d := actors[e.Source], actors[e.Target]
			pred = append(pred, scoreTriple{doc: in.Name, src: scoreActor{s.Name, s.Aliases}, dst: scoreActor{d.Name, d.Aliases}, cameo: e.CAMEO})
			sym = append(sym, e.Symmetric)
		}
	}
	pred = expandSym(pred, sym)
	used := make([]bool, len(gold))
	tp := 0
	for _, p := range pred {
		for i, g := range gold {
			if used[i] || g.doc != p.doc || len(p.cameo) < 2 || len(g.cameo) < 2 || p.cameo[:2] != g.cameo[:2] {
				continue
			}
			if m.same(p.src, g.src) && m.same(p.dst, g.dst) {
				used[i] = true
				tp++
				break
			}
		}
	}
	prec := float64(tp) / float64(len(pred))
	rec := float64(tp) / float64(len(gold))
	f1 := 2 * prec * rec / (prec + rec)
	t.Logf("precision %.3f recall %.3f F1 %.3f (tp %d, predicted %d, gold %d)", prec, rec, f1, tp, len(pred), len(gold))
	if prec < 0.70 || f1 < 0.60 {
		t.Errorf("precision %.3f, F1 %.3f: below the bar (precision 0.70, F1 0.60)", prec, f1)
	}
}
