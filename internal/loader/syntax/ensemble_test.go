package syntax

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
)

// validProjective reports whether heads[1..n] is a tree with exactly one
// word on the root 0, no cycle, and no crossing arcs: every word between a
// head and its dependent is dominated by the head.
func validProjective(heads []int) bool {
	n := len(heads) - 1
	roots := 0
	for d := 1; d <= n; d++ {
		h := heads[d]
		if h < 0 || h > n || h == d {
			return false
		}
		if h == 0 {
			roots++
		}
	}
	if roots != 1 {
		return false
	}
	dominates := func(a, d int) bool {
		for steps := 0; steps <= n+1; steps++ {
			if d == a {
				return true
			}
			if d == 0 {
				return false
			}
			d = heads[d]
		}
		return false // a cycle
	}
	for d := 1; d <= n; d++ {
		if !dominates(0, d) {
			return false
		}
	}
	for d := 1; d <= n; d++ {
		h := heads[d]
		lo, hi := min(h, d), max(h, d)
		for k := lo + 1; k < hi; k++ {
			if !dominates(h, k) {
				return false
			}
		}
	}
	return true
}

func treeScore(heads []int, score []float64) float64 {
	n := len(heads) - 1
	total := 0.0
	for d := 1; d <= n; d++ {
		total += score[heads[d]*(n+1)+d]
	}
	return total
}

// bruteForce tries every head assignment and returns the best score of a
// valid projective tree and how many such trees there are.
func bruteForce(n int, score []float64) (best float64, trees int) {
	best = math.Inf(-1)
	heads := make([]int, n+1)
	var try func(d int)
	try = func(d int) {
		if d > n {
			if validProjective(heads) {
				trees++
				best = max(best, treeScore(heads, score))
			}
			return
		}
		for h := 0; h <= n; h++ {
			if h != d {
				heads[d] = h
				try(d + 1)
			}
		}
	}
	try(1)
	return best, trees
}

func TestEisnerMatchesBruteForce(t *testing.T) {
	// Projective trees with one root word over n words: 1, 2, 7, 30, 143, 728.
	wantTrees := []int{0, 1, 2, 7, 30, 143, 728}
	rng := rand.New(rand.NewPCG(2012, 6))
	for n := 1; n <= 6; n++ {
		for trial := range 40 {
			score := make([]float64, (n+1)*(n+1))
			for i := range score {
				switch trial % 4 {
				case 0: // real scores of both signs
					score[i] = rng.NormFloat64() * 10
				case 1: // non-negative, as combine gives
					score[i] = rng.Float64()
				case 2: // many ties
					score[i] = float64(rng.IntN(3))
				default: // all negative
					score[i] = -1 - rng.Float64()*100
				}
			}
			heads := eisner(n, score)
			if len(heads) != n+1 {
				t.Fatalf("n=%d: eisner returned %d heads", n, len(heads))
			}
			if !validProjective(heads) {
				t.Fatalf("n=%d trial %d: eisner's heads %v are not a projective tree with one root", n, trial, heads[1:])
			}
			best, trees := bruteForce(n, score)
			if trees != wantTrees[n] {
				t.Fatalf("n=%d: brute force found %d trees, want %d", n, trees, wantTrees[n])
			}
			if got := treeScore(heads, score); math.Abs(got-best) > 1e-9*max(1, math.Abs(best)) {
				t.Errorf("n=%d trial %d: eisner's tree %v scores %g, the best tree %g", n, trial, heads[1:], got, best)
			}
		}
	}
	if got := eisner(0, []float64{0}); len(got) != 1 {
		t.Errorf("eisner(0) = %v", got)
	}
}

func TestCombine(t *testing.T) {
	// "The man saw her yesterday" as three parsers might see it.
	type arc struct {
		head int
		rel  string
	}
	tree := func(arcs ...arc) []Token {
		out := make([]Token, len(arcs))
		for i, a := range arcs {
			out[i] = Token{ID: i + 1, Head: a.head, Rel: a.rel}
		}
		return out
	}
	tests := []struct {
		name  string
		trees [][]Token
		want  []arc
	}{
		{
			// Each parser is wrong once and outvoted each time: the result
			// is none of the three trees.
			name: "majority per arc",
			trees: [][]Token{
				tree(arc{2, "det"}, arc{3, "nsubj"}, arc{0, "root"}, arc{3, "obj"}, arc{4, "nmod"}),
				tree(arc{2, "det"}, arc{3, "nsubj"}, arc{0, "root"}, arc{3, "iobj"}, arc{3, "obl:tmod"}),
				tree(arc{3, "det"}, arc{3, "nsubj"}, arc{0, "root"}, arc{3, "obj"}, arc{3, "obl:tmod"}),
			},
			want: []arc{{2, "det"}, {3, "nsubj"}, {0, "root"}, {3, "obj"}, {3, "obl:tmod"}},
		},
		{
			// The three disagree on the head of the last word; the first
			// parser's extra weight settles it, and the label comes from it.
			name: "first parser breaks ties",
			trees: [][]Token{
				tree(arc{2, "det"}, arc{3, "nsubj"}, arc{0, "root"}, arc{3, "obj"}, arc{4, "nmod"}),
				tree(arc{2, "det"}, arc{3, "nsubj"}, arc{0, "root"}, arc{3, "obj"}, arc{3, "obl"}),
				tree(arc{2, "det"}, arc{3, "nsubj"}, arc{0, "root"}, arc{3, "obj"}, arc{2, "nmod"}),
			},
			want: []arc{{2, "det"}, {3, "nsubj"}, {0, "root"}, {3, "obj"}, {4, "nmod"}},
		},
		{
			// Two parsers root the sentence elsewhere than the first: the
			// root moves, and the former root takes the label the voters
			// gave it, not "root".
			name: "root outvoted",
			trees: [][]Token{
				tree(arc{2, "det"}, arc{0, "root"}, arc{2, "acl"}, arc{3, "obj"}, arc{3, "obl"}),
				tree(arc{2, "det"}, arc{3, "nsubj"}, arc{0, "root"}, arc{3, "obj"}, arc{3, "obl"}),
				tree(arc{2, "det"}, arc{3, "nsubj"}, arc{0, "root"}, arc{3, "obj"}, arc{3, "obl"}),
			},
			want: []arc{{2, "det"}, {3, "nsubj"}, {0, "root"}, {3, "obj"}, {3, "obl"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &Sentence{}
			for i, f := range []string{"The", "man", "saw", "her", "yesterday"} {
				s.Tokens = append(s.Tokens, Token{ID: i + 1, Form: f, Head: -1})
			}
			combine(s, tt.trees, []float64{1.01, 1, 1})
			s.Reindex()
			if msg := s.CheckTree(); msg != "" {
				t.Fatalf("CheckTree = %q", msg)
			}
			got := make([]arc, len(s.Tokens))
			for i, tok := range s.Tokens {
				got[i] = arc{tok.Head, tok.Rel}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("combined tree %v, want %v", got, tt.want)
			}
		})
	}
}
