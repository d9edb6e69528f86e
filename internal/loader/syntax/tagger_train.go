package syntax

import (
	"math/rand/v2"
	"sort"
)

// TrainOptions controls training.
type TrainOptions struct {
	Epochs int    // passes over the training set; the best on dev is kept
	Seed   uint64 // for shuffling and exploration
	// Log, when set, receives a line of progress per epoch.
	Log func(format string, args ...any)
}

func (o TrainOptions) logf(format string, args ...any) {
	if o.Log != nil {
		o.Log(format, args...)
	}
}

// tagClasses numbers the UPOS/XPOS pairs of the training set.
type tagClasses struct {
	upos, xpos []string
	index      map[[2]string]int
}

func newTagClasses(train []*Sentence) *tagClasses {
	c := &tagClasses{index: map[[2]string]int{}}
	var pairs [][2]string
	seen := map[[2]string]bool{}
	for _, s := range train {
		for _, t := range s.Tokens {
			p := [2]string{t.UPOS, t.XPOS}
			if !seen[p] {
				seen[p] = true
				pairs = append(pairs, p)
			}
		}
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i][0] != pairs[j][0] {
			return pairs[i][0] < pairs[j][0]
		}
		return pairs[i][1] < pairs[j][1]
	})
	for i, p := range pairs {
		c.index[p] = i
		c.upos = append(c.upos, p[0])
		c.xpos = append(c.xpos, p[1])
	}
	return c
}

// class of a gold word; a pair unseen in training falls back to any class
// with its UPOS.
func (c *tagClasses) class(t *Token) int {
	if k, ok := c.index[[2]string{t.UPOS, t.XPOS}]; ok {
		return k
	}
	for k, u := range c.upos {
		if u == t.UPOS {
			return k
		}
	}
	return 0
}

// TrainTagger trains a tagger on train, keeping the epoch that tags dev best.
func TrainTagger(train, dev []*Sentence, opts TrainOptions) *Tagger {
	classes := newTagClasses(train)
	sure := sureWords(train, classes)
	amb := ambiguity(train)
	p := newAveraged(len(classes.upos))
	rng := rand.New(rand.NewPCG(opts.Seed, 0x7a66))
	order := identity(len(train))
	var best *Tagger
	bestAcc := -1.0
	scores := make([]float64, len(classes.upos))
	var feats []uint64
	var ws []tagWord
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, si := range order {
			s := train[si]
			ws = makeTagWords(s, ws, amb)
			t1, t2 := noTag, noTag
			for i := range ws {
				gold := classes.class(&s.Tokens[i])
				guess := gold
				if c, ok := sure[ws[i].norm]; ok {
					guess = int(c)
				} else {
					feats = tagFeatures(ws, i, t1, t2, feats)
					p.score(feats, scores)
					guess = argmax(scores)
					p.tick()
					p.update(feats, gold, guess)
				}
				if guess == gold {
					correct++
				}
				total++
				t2, t1 = t1, guess+1
			}
		}
		if len(dev) == 0 && epoch < opts.Epochs {
			continue // nothing to choose an epoch by: only the last is kept
		}
		tg := &Tagger{upos: classes.upos, xpos: classes.xpos, weights: p.average(), sure: sure, amb: amb}
		acc := tagAccuracy(tg, dev)
		opts.logf("tagger epoch %d: train %.2f%%, dev UPOS %.2f%%", epoch, 100*float64(correct)/float64(max(total, 1)), 100*acc)
		if acc > bestAcc {
			best, bestAcc = tg, acc
		}
	}
	return best
}

// sureWords finds the words whose tag training settles: seen at least 20
// times with one tag pair 99.5 % of the time.
func sureWords(train []*Sentence, classes *tagClasses) map[string]uint16 {
	counts := map[string]map[int]int{}
	for _, s := range train {
		for i := range s.Tokens {
			w := norm(s.Tokens[i].Form)
			m := counts[w]
			if m == nil {
				m = map[int]int{}
				counts[w] = m
			}
			m[classes.class(&s.Tokens[i])]++
		}
	}
	sure := map[string]uint16{}
	for w, m := range counts {
		total, top, topClass := 0, 0, 0
		for c, n := range m {
			total += n
			if n > top || n == top && c < topClass {
				top, topClass = n, c
			}
		}
		if total >= 20 && float64(top)/float64(total) >= 0.995 {
			sure[w] = uint16(topClass)
		}
	}
	return sure
}

func tagAccuracy(t *Tagger, gold []*Sentence) float64 {
	correct, total := 0, 0
	for _, g := range gold {
		s := blankCopy(g)
		t.Tag(s)
		for i := range s.Tokens {
			if s.Tokens[i].UPOS == g.Tokens[i].UPOS {
				correct++
			}
			total++
		}
	}
	return float64(correct) / float64(max(total, 1))
}

// blankCopy returns the words of s with nothing predicted.
func blankCopy(s *Sentence) *Sentence {
	c := &Sentence{ID: s.ID, Text: s.Text, Tokens: make([]Token, len(s.Tokens))}
	for i, t := range s.Tokens {
		c.Tokens[i] = Token{ID: t.ID, Form: t.Form, Head: -1, Start: t.Start, End: t.End, SpaceAfter: t.SpaceAfter}
	}
	return c
}

// ambiguity gives each word seen at least three times the set of UPOS it
// was seen with. Rarer words are left out: in training their set would
// name their one tag and teach the tagger to trust it too much.
func ambiguity(train []*Sentence) map[string]uint64 {
	upos := map[string]int{}
	for _, s := range train {
		for _, t := range s.Tokens {
			if _, ok := upos[t.UPOS]; !ok {
				upos[t.UPOS] = 0
			}
		}
	}
	names := make([]string, 0, len(upos))
	for u := range upos {
		names = append(names, u)
	}
	sort.Strings(names)
	for i, u := range names {
		upos[u] = i
	}
	sets := map[string]uint64{}
	counts := map[string]int{}
	for _, s := range train {
		for _, t := range s.Tokens {
			w := norm(t.Form)
			sets[w] |= 1 << (uint(upos[t.UPOS]) & 63)
			counts[w]++
		}
	}
	for w, n := range counts {
		if n < 3 {
			delete(sets, w)
		}
	}
	return sets
}
