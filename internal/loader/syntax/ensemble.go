package syntax

// maxReparse is the longest sentence whose parsers' trees are combined; the
// combination is cubic in the length, and a longer sentence keeps the first
// parser's tree.
const maxReparse = 200

// combine sets the tree of s to the highest-scoring tree over the arcs the
// parsers proposed, each arc scoring the weight of the parsers that chose it
// (Sagae and Lavie 2006). Each word's label is the one most of the parsers
// that chose its head gave.
func combine(s *Sentence, trees [][]Token, weights []float64) {
	n := len(s.Tokens)
	score := make([]float64, (n+1)*(n+1)) // score[h*(n+1)+d]
	for k, tr := range trees {
		for i := range tr {
			score[tr[i].Head*(n+1)+i+1] += weights[k]
		}
	}
	heads := eisner(n, score)
	for i := range s.Tokens {
		h := heads[i+1]
		votes := map[string]float64{}
		best, bestVotes := "", -1.0
		for k, tr := range trees {
			if tr[i].Head != h {
				continue
			}
			votes[tr[i].Rel] += weights[k]
			if v := votes[tr[i].Rel]; v > bestVotes {
				best, bestVotes = tr[i].Rel, v
			}
		}
		if best == "" {
			best = trees[0][i].Rel
			if h == 0 {
				best = "root"
			}
		}
		if h != 0 && best == "root" {
			best = "dep"
		}
		if h == 0 {
			best = "root"
		}
		s.Tokens[i].Head, s.Tokens[i].Rel = h, best
	}
}

// eisner returns the highest-scoring projective tree over words 1..n with
// exactly one word attached to the root 0 (Eisner 1996, with the root kept
// out of the chart and joined at the end). score[h*(n+1)+d] is the score of
// the arc h → d. heads[d] is the head of d; heads[0] is unused.
func eisner(n int, score []float64) []int {
	heads := make([]int, n+1)
	if n == 0 {
		return heads
	}
	w := n + 1
	idx := func(s, t int) int { return s*w + t }
	// Complete and incomplete spans, headed left (→, head s) or right (←, head t).
	cr := make([]float64, w*w) // complete, head s
	cl := make([]float64, w*w) // complete, head t
	ir := make([]float64, w*w) // incomplete, arc s → t
	il := make([]float64, w*w) // incomplete, arc t → s
	bcr := make([]int32, w*w)
	bcl := make([]int32, w*w)
	bir := make([]int32, w*w)
	bil := make([]int32, w*w)
	for k := 1; k < n; k++ {
		for s := 1; s+k <= n; s++ {
			t := s + k
			best, arg := -1e300, s
			for q := s; q < t; q++ {
				if v := cr[idx(s, q)] + cl[idx(q+1, t)]; v > best {
					best, arg = v, q
				}
			}
			il[idx(s, t)], bil[idx(s, t)] = best+score[t*w+s], int32(arg)
			ir[idx(s, t)], bir[idx(s, t)] = best+score[s*w+t], int32(arg)
			best, arg = -1e300, s
			for q := s; q < t; q++ {
				if v := cl[idx(s, q)] + il[idx(q, t)]; v > best {
					best, arg = v, q
				}
			}
			cl[idx(s, t)], bcl[idx(s, t)] = best, int32(arg)
			best, arg = -1e300, t
			for q := s + 1; q <= t; q++ {
				if v := ir[idx(s, q)] + cr[idx(q, t)]; v > best {
					best, arg = v, q
				}
			}
			cr[idx(s, t)], bcr[idx(s, t)] = best, int32(arg)
		}
	}
	root, best := 1, -1e300
	for h := 1; h <= n; h++ {
		if v := score[h] + cl[idx(1, h)] + cr[idx(h, n)]; v > best {
			root, best = h, v
		}
	}
	heads[root] = 0
	var complete func(s, t int, right bool)
	var incomplete func(s, t int, right bool)
	complete = func(s, t int, right bool) {
		if s == t {
			return
		}
		if right {
			q := int(bcr[idx(s, t)])
			incomplete(s, q, true)
			complete(q, t, true)
		} else {
			q := int(bcl[idx(s, t)])
			complete(s, q, false)
			incomplete(q, t, false)
		}
	}
	incomplete = func(s, t int, right bool) {
		if right {
			heads[t] = s
		} else {
			heads[s] = t
		}
		q := int(bir[idx(s, t)])
		if !right {
			q = int(bil[idx(s, t)])
		}
		complete(s, q, true)
		complete(q+1, t, false)
	}
	complete(1, root, false)
	complete(root, n, true)
	return heads
}
