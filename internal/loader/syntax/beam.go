package syntax

// Beam search keeps the k best configurations after every step instead of
// one, and the perceptron that scores it is trained on whole transition
// sequences (Zhang and Clark 2008; Zhang and Nivre 2011): the weights learn
// to rank sequences, so a parse can recover from a locally tempting
// mistake.

func (st *pstate) copyFrom(o *pstate) {
	cp := func(dst, src []int) []int { return append(dst[:0], src...) }
	st.n, st.b, st.rootCh = o.n, o.b, o.rootCh
	st.w, st.p = o.w, o.p // read-only, shared
	st.stack = cp(st.stack, o.stack)
	st.head, st.label = cp(st.head, o.head), cp(st.label, o.label)
	st.l1, st.l2, st.r1, st.r2 = cp(st.l1, o.l1), cp(st.l2, o.l2), cp(st.r1, o.r1), cp(st.r2, o.r2)
	st.lv, st.rv = cp(st.lv, o.lv), cp(st.rv, o.rv)
	st.ls = append(st.ls[:0], o.ls...)
	st.rs = append(st.rs[:0], o.rs...)
	st.onStk = append(st.onStk[:0], o.onStk...)
}

type beamItem struct {
	st    pstate
	score float64
	hist  []int16 // actions taken, for training
	gold  bool    // every action so far was the gold one
}

// beamScratch is the memory a search reuses from step to step.
type beamScratch struct {
	scores []float64
	top    []candidate
	// history makes items keep the actions that led to them, which only
	// training needs: copying them at every step is quadratic work.
	history bool
}

type candidate struct {
	parent int
	action int
	score  float64
}

// beamStep expands every item of beam by its legal actions, scored by
// scoreFn, and returns the k best, reusing next's storage.
func (p *Parser) beamStep(sc *beamScratch, beam, next []*beamItem, k int, scoreFn func(st *pstate, out []float64), goldAction int) ([]*beamItem, []*beamItem) {
	nc := p.nclass()
	if cap(sc.scores) < nc {
		sc.scores = make([]float64, nc)
	}
	scores := sc.scores[:nc]
	top := sc.top[:0]
	for i, it := range beam {
		if it.st.done() {
			top = insertTop(top, k, candidate{parent: i, action: -1, score: it.score})
			continue
		}
		scoreFn(&it.st, scores)
		legal := p.legalKinds(&it.st)
		for a := 0; a < nc; a++ {
			if !legal.allows(p, a) {
				continue
			}
			c := candidate{parent: i, action: a, score: it.score + scores[a]}
			if len(top) == k && !better(c, top[k-1]) {
				continue
			}
			top = insertTop(top, k, c)
		}
	}
	sc.top = top
	// An item past the end of next is one it held before, and no other
	// list has: reuse it.
	for len(next) < len(top) {
		if len(next) < cap(next) && next[:len(next)+1][len(next)] != nil {
			next = next[:len(next)+1]
		} else {
			next = append(next, &beamItem{})
		}
	}
	next = next[:len(top)]
	for j, c := range top {
		par, it := beam[c.parent], next[j]
		it.st.copyFrom(&par.st)
		it.score = c.score
		it.gold = par.gold
		if sc.history {
			it.hist = append(it.hist[:0], par.hist...)
		}
		if c.action >= 0 {
			p.apply(&it.st, c.action)
			if sc.history {
				it.hist = append(it.hist, int16(c.action))
			}
			it.gold = par.gold && c.action == goldAction
		}
	}
	return next, beam
}

// insertTop adds c to top, which holds at most k candidates, best first.
func insertTop(top []candidate, k int, c candidate) []candidate {
	i := len(top)
	for i > 0 && better(c, top[i-1]) {
		i--
	}
	if i >= k {
		return top
	}
	if len(top) < k {
		top = append(top, candidate{})
	}
	copy(top[i+1:], top[i:len(top)-1])
	top[i] = c
	return top
}

// better orders candidates by score, then by parent and action so that the
// search is deterministic.
func better(a, b candidate) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	if a.parent != b.parent {
		return a.parent < b.parent
	}
	return a.action < b.action
}

func allDone(beam []*beamItem) bool {
	for _, it := range beam {
		if !it.st.done() {
			return false
		}
	}
	return true
}

// parseBeam parses s with a beam of width k.
func (p *Parser) parseBeam(s *Sentence, k int) {
	sc2 := getScorer(p, len(s.Tokens), true)
	defer sc2.release()
	// The items, and the slices of their configurations, are those of the
	// sentences the scorer served before.
	items := sc2.spare
	if len(items) == 0 {
		items = append(items, &beamItem{})
	}
	root := items[0]
	root.score, root.gold = 0, false
	root.st.prepare(s)
	// Each item is in one list's storage, half in each, so that beamStep
	// can reuse the items past a list's end.
	clear(sc2.beamA[:cap(sc2.beamA)])
	clear(sc2.beamB[:cap(sc2.beamB)])
	h := (len(items) + 1) / 2
	beam := append(sc2.beamA[:0], items[:h]...)[:1]
	next := append(sc2.beamB[:0], items[h:]...)
	var sc beamScratch
	iscores := sc2.scores
	scoreFn := func(st *pstate, out []float64) {
		sc2.score(st, iscores)
		for i, v := range iscores[:len(out)] {
			out[i] = float64(v)
		}
	}
	for !allDone(beam) {
		beam, next = p.beamStep(&sc, beam, next, k, scoreFn, -1)
	}
	p.finish(&beam[0].st, s)
	sc2.spare = sc2.spare[:0]
	for _, it := range append(beam[:cap(beam)], next[:cap(next)]...) {
		if it != nil {
			sc2.spare = append(sc2.spare, it)
		}
	}
	sc2.beamA, sc2.beamB = beam[:0], next[:0]
}

// goldAction is the static oracle of the beam's training: the action that
// loses no more gold arcs than any other, preferring to attach (left, then
// right) before reducing or shifting so that there is one gold sequence.
func (p *Parser) goldAction(st *pstate, gh, gl, cost []int) int {
	p.costs(st, gh, gl, cost)
	minCost := -1
	for _, c := range cost {
		if c >= 0 && (minCost < 0 || c < minCost) {
			minCost = c
		}
	}
	s0, b, nl := st.s0(), st.b, len(p.labels)
	prefer := []int{}
	if s0 != 0 && gh[s0] == b {
		prefer = append(prefer, actFirstArc+gl[s0])
	}
	if gh[b] == s0 {
		prefer = append(prefer, actFirstArc+nl+gl[b])
	}
	prefer = append(prefer, actReduce, actShift)
	for _, a := range prefer {
		if cost[a] == minCost {
			return a
		}
	}
	for a, c := range cost {
		if c == minCost {
			return a
		}
	}
	return actShift
}

// bumpAll adds d to the weight of class for every feature in feats.
func (p *averaged) bumpAll(feats []uint64, class int, d float64) {
	for _, f := range feats {
		p.weights[f] = p.bump(p.weights[f], int32(class), d)
	}
}

// trainBeam runs one training sentence through the beam and updates model
// when the gold sequence falls out of the beam (early update) or does not
// finish first.
func (p *Parser) trainBeam(model *averaged, s *Sentence, gh, gl []int, k int) (updated bool) {
	nc := p.nclass()
	cost := make([]int, nc)
	var feats []uint64
	scoreFn := func(st *pstate, out []float64) {
		feats = st.features(feats)
		model.score(feats, out)
	}
	var gst pstate
	gst.prepare(s)
	var goldHist []int16
	root := &beamItem{gold: true}
	root.st.prepare(s)
	beam, next := []*beamItem{root}, []*beamItem(nil)
	sc := beamScratch{history: true}
	for !allDone(beam) {
		ga := -1
		if !gst.done() {
			ga = p.goldAction(&gst, gh, gl, cost)
		}
		beam, next = p.beamStep(&sc, beam, next, k, scoreFn, ga)
		if ga >= 0 {
			p.apply(&gst, ga)
			goldHist = append(goldHist, int16(ga))
		}
		inBeam := false
		for _, it := range beam {
			if it.gold {
				inBeam = true
				break
			}
		}
		if !inBeam {
			break
		}
	}
	if beam[0].gold {
		return false
	}
	model.tick()
	p.replay(s, goldHist, func(f []uint64, a int) { model.bumpAll(f, a, 1) })
	p.replay(s, beam[0].hist, func(f []uint64, a int) { model.bumpAll(f, a, -1) })
	return true
}

// replay takes the actions hist from the start and calls fn with the
// features of each configuration and the action taken in it.
func (p *Parser) replay(s *Sentence, hist []int16, fn func(feats []uint64, action int)) {
	var st pstate
	st.prepare(s)
	var feats []uint64
	for _, a := range hist {
		feats = st.features(feats)
		fn(feats, int(a))
		p.apply(&st, int(a))
	}
}
