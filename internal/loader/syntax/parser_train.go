package syntax

import (
	"math/rand/v2"
	"sort"
)

// costs sets cost[a] to the number of gold arcs that action a makes
// unreachable (Goldberg and Nivre 2012), or -1 when a is not legal.
func (p *Parser) costs(st *pstate, gh, gl []int, cost []int) {
	nl := len(p.labels)
	for a := range cost {
		cost[a] = -1
	}
	if st.b > st.n {
		return
	}
	s0, b := st.s0(), st.b
	// Gold arcs between b and the stack, and between s0 and the buffer.
	bHeadOnStack, bDepsOnStack := false, 0
	for _, k := range st.stack {
		if gh[b] == k {
			bHeadOnStack = true
		}
		if k != 0 && gh[k] == b && st.head[k] < 0 {
			bDepsOnStack++
		}
	}
	s0DepsInBuffer := 0
	for k := b; k <= st.n; k++ {
		if gh[k] == s0 {
			s0DepsInBuffer++
		}
	}
	shift := bDepsOnStack
	if bHeadOnStack {
		shift++
	}
	cost[actShift] = shift
	lk := p.legalKinds(st)
	if lk.reduce {
		cost[actReduce] = s0DepsInBuffer
	}
	if lk.left {
		left := s0DepsInBuffer
		if gh[s0] > b {
			left++
		}
		for l := 0; l < nl; l++ {
			if !lk.allows(p, actFirstArc+l) {
				continue
			}
			c := left
			if gh[s0] == b && gl[s0] != l {
				c++
			}
			cost[actFirstArc+l] = c
		}
	}
	right := bDepsOnStack
	if gh[b] != s0 && (gh[b] > b || gh[b] >= 0 && st.onStk[gh[b]]) {
		right++
	}
	for l := 0; l < nl; l++ {
		a := actFirstArc + nl + l
		if !lk.allows(p, a) {
			continue
		}
		c := right
		if gh[b] == s0 && gl[b] != l {
			c++
		}
		cost[a] = c
	}
}

// TrainParser trains a parser on train, whose UPOS and XPOS should be what
// the tagger predicts (jackknifed) so that training sees the tagger's errors,
// and keeps the epoch that parses dev best after tagging it with tagger.
//
// A reverse parser reads sentences from the end.
//
// With beam > 1 the parser is trained for beam search with early updates;
// otherwise greedily with the dynamic oracle.
func TrainParser(train, dev []*Sentence, tagger *Tagger, reverse bool, beam int, opts TrainOptions) *Parser {
	if reverse {
		r := make([]*Sentence, len(train))
		for i, s := range train {
			r[i] = reversed(s)
		}
		train = r
	}
	labelSet := map[string]bool{}
	for _, s := range train {
		for _, t := range s.Tokens {
			labelSet[t.Rel] = true
		}
	}
	labels := make([]string, 0, len(labelSet))
	for l := range labelSet {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	proto := &Parser{reverse: reverse, beam: max(beam, 1), labels: labels, punct: -1}
	proto.root = proto.labelIndex("root")
	if labels[proto.root] != "root" {
		labels = append(labels, "root")
		proto.labels = labels
		proto.root = len(labels) - 1
	}
	for i, l := range labels {
		if l == "punct" {
			proto.punct = i
		}
	}
	labelOf := map[string]int{}
	for i, l := range labels {
		labelOf[l] = i
	}

	// Dev is tagged once: every epoch is judged on the same predicted tags.
	devTagged := make([]*Sentence, len(dev))
	for i, g := range dev {
		s := blankCopy(g)
		tagger.Tag(s)
		devTagged[i] = s
	}

	nclass := proto.nclass()
	model := newAveraged(nclass)
	rng := rand.New(rand.NewPCG(opts.Seed, 0x9a75))
	order := identity(len(train))
	var best *Parser
	bestLAS := -1.0
	scores := make([]float64, nclass)
	cost := make([]int, nclass)
	var feats []uint64
	var st pstate
	var gh, gl []int
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		explore := epoch > 1
		wrong, steps := 0, 0
		for _, si := range order {
			s := train[si]
			st.prepare(s)
			gh, gl = gh[:0], gl[:0]
			gh, gl = append(gh, -1), append(gl, -1)
			for _, t := range s.Tokens {
				gh = append(gh, t.Head)
				gl = append(gl, labelOf[t.Rel])
			}
			if proto.beam > 1 {
				steps++
				if proto.trainBeam(model, s, gh, gl, proto.beam) {
					wrong++
				}
				continue
			}
			for !st.done() {
				feats = st.features(feats)
				model.score(feats, scores)
				proto.costs(&st, gh, gl, cost)
				minCost := -1
				for _, c := range cost {
					if c >= 0 && (minCost < 0 || c < minCost) {
						minCost = c
					}
				}
				pred, gold := -1, -1
				for a, c := range cost {
					if c < 0 {
						continue
					}
					if pred < 0 || scores[a] > scores[pred] {
						pred = a
					}
					if c == minCost && (gold < 0 || scores[a] > scores[gold]) {
						gold = a
					}
				}
				model.tick()
				steps++
				next := gold
				if cost[pred] > minCost {
					wrong++
					model.update(feats, gold, pred)
					if explore && rng.Float64() < 0.9 {
						next = pred
					}
				}
				proto.apply(&st, next)
			}
		}
		if len(dev) == 0 && epoch < opts.Epochs {
			continue // nothing to choose an epoch by: only the last is kept
		}
		pr := *proto
		pr.weights = model.average()
		las := parseLAS(&pr, dev, devTagged)
		opts.logf("parser epoch %d: %.1f%% of transitions (with a beam: sentences) wrong, dev LAS %.2f", epoch, 100*float64(wrong)/float64(max(steps, 1)), las)
		if las > bestLAS {
			best, bestLAS = &pr, las
		}
	}
	return best
}

// parseLAS parses copies of tagged and scores them against gold.
func parseLAS(p *Parser, gold, tagged []*Sentence) float64 {
	var sc Scores
	for i, t := range tagged {
		s := t.clone()
		p.Parse(s)
		sc.Add(gold[i], s)
	}
	return sc.LAS()
}
