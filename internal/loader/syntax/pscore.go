package syntax

import "sync"

// Scoring a parser configuration is adding up the weights of its features.
// A third of them read only the first words of the buffer, or those and
// the top of the stack, and configurations share those: the greedy parser
// scores a buffer position about twice, and the configurations of a beam
// often differ only in the label of an arc. Their weights are added up once
// per buffer position (per stack top and buffer position for a beam) and
// kept; the rest are looked up for each configuration. Scores are sums of
// integers, so the order they are added in changes nothing.

// bufFeatures appends the features of st that read only the buffer's
// first three words.
func (st *pstate) bufFeatures(out []uint64) []uint64 {
	n0, n1, n2 := st.bufWords()
	wn0, pn0 := st.wordAt(n0), st.tagAt(n0)
	wn1, pn1 := st.wordAt(n1), st.tagAt(n1)
	wn2, pn2 := st.wordAt(n2), st.tagAt(n2)
	return append(out,
		feat1(fBias, 0),
		feat2(fN0wp, wn0, pn0), feat1(fN0w, wn0), feat1(fN0p, pn0),
		feat2(fN1wp, wn1, pn1), feat1(fN1w, wn1), feat1(fN1p, pn1),
		feat2(fN2wp, wn2, pn2), feat1(fN2w, wn2), feat1(fN2p, pn2),
		feat2(fN0pN1p, pn0, pn1),
		feat3(fN0pN1pN2p, pn0, pn1, pn2),
	)
}

// pairFeatures appends the features of st that read only the top of the
// stack and the buffer's first two words, bufFeatures's aside.
func (st *pstate) pairFeatures(out []uint64) []uint64 {
	s0 := st.s0()
	n0, n1, _ := st.bufWords()
	ws0, ps0 := st.wordAt(s0), st.tagAt(s0)
	wn0, pn0, pn1 := st.wordAt(n0), st.tagAt(n0), st.tagAt(n1)
	var d uint64 = noWord
	if n0 >= 0 {
		d = distBucket(n0 - s0)
	}
	return append(out,
		feat2(fS0wp, ws0, ps0), feat1(fS0w, ws0), feat1(fS0p, ps0),
		mix(feat2(fS0wpN0wp, ws0, ps0), mix(wn0, pn0)),
		feat3(fS0wpN0w, ws0, ps0, wn0),
		feat3(fS0wN0wp, ws0, wn0, pn0),
		feat3(fS0wpN0p, ws0, ps0, pn0),
		feat3(fS0pN0wp, ps0, wn0, pn0),
		feat2(fS0wN0w, ws0, wn0),
		feat2(fS0pN0p, ps0, pn0),
		feat3(fS0pN0pN1p, ps0, pn0, pn1),
		feat2(fS0wd, ws0, d), feat2(fS0pd, ps0, d),
		feat2(fN0wd, wn0, d), feat2(fN0pd, pn0, d),
		feat3(fS0wN0wd, ws0, wn0, d), feat3(fS0pN0pd, ps0, pn0, d),
	)
}

// restFeatures appends the features of st that read the arcs built and
// the stack below its top: features's, less bufFeatures's and
// pairFeatures's.
func (st *pstate) restFeatures(out []uint64) []uint64 {
	w, p := st.wordAt, st.tagAt
	lab := func(x int) uint64 {
		if x <= 0 {
			return noWord
		}
		return uint64(st.label[x] + 1)
	}
	child := func(x int, of []int) int {
		if x < 0 || of[x] == 0 {
			return -1
		}
		return of[x]
	}
	s0 := st.s0()
	s1 := -1
	if len(st.stack) > 1 {
		s1 = st.stack[len(st.stack)-2]
	}
	n0, _, _ := st.bufWords()
	s0h, s0h2 := -1, -1
	if st.head[s0] >= 0 {
		s0h = st.head[s0]
		if s0h > 0 && st.head[s0h] >= 0 {
			s0h2 = st.head[s0h]
		}
	}
	s0l, s0l2 := child(s0, st.l1), child(s0, st.l2)
	s0r, s0r2 := child(s0, st.r1), child(s0, st.r2)
	n0l, n0l2 := child(n0, st.l1), child(n0, st.l2)

	ws0, ps0, wn0, pn0 := w(s0), p(s0), w(n0), p(n0)
	var s0vr, s0vl, n0vl, s0sr, s0sl, n0sl uint64 = uint64(st.rv[s0]), uint64(st.lv[s0]), noWord, st.rs[s0], st.ls[s0], noWord
	if n0 >= 0 {
		n0vl, n0sl = uint64(st.lv[n0]), st.ls[n0]
	}
	hasHead := b2u(st.head[s0] >= 0)

	return append(out,
		feat3(fS0hpS0pN0p, p(s0h), ps0, pn0),
		feat3(fS0pS0lpN0p, ps0, p(s0l), pn0),
		feat3(fS0pS0rpN0p, ps0, p(s0r), pn0),
		feat3(fS0pN0pN0lp, ps0, pn0, p(n0l)),
		feat2(fS0wvr, ws0, s0vr), feat2(fS0pvr, ps0, s0vr),
		feat2(fS0wvl, ws0, s0vl), feat2(fS0pvl, ps0, s0vl),
		feat2(fN0wvl, wn0, n0vl), feat2(fN0pvl, pn0, n0vl),
		feat1(fS0hw, w(s0h)), feat1(fS0hp, p(s0h)), feat1(fS0l, lab(s0)),
		feat1(fS0lw, w(s0l)), feat1(fS0lp, p(s0l)), feat1(fS0ll, lab(s0l)),
		feat1(fS0rw, w(s0r)), feat1(fS0rp, p(s0r)), feat1(fS0rl, lab(s0r)),
		feat1(fN0lw, w(n0l)), feat1(fN0lp, p(n0l)), feat1(fN0ll, lab(n0l)),
		feat1(fS0h2w, w(s0h2)), feat1(fS0h2p, p(s0h2)), feat1(fS0hl, lab(s0h)),
		feat1(fS0l2w, w(s0l2)), feat1(fS0l2p, p(s0l2)), feat1(fS0l2l, lab(s0l2)),
		feat1(fS0r2w, w(s0r2)), feat1(fS0r2p, p(s0r2)), feat1(fS0r2l, lab(s0r2)),
		feat1(fN0l2w, w(n0l2)), feat1(fN0l2p, p(n0l2)), feat1(fN0l2l, lab(n0l2)),
		feat3(fS0pS0lpS0l2p, ps0, p(s0l), p(s0l2)),
		feat3(fS0pS0rpS0r2p, ps0, p(s0r), p(s0r2)),
		feat3(fS0pS0hpS0h2p, ps0, p(s0h), p(s0h2)),
		feat3(fN0pN0lpN0l2p, pn0, p(n0l), p(n0l2)),
		feat2(fS0wsr, ws0, s0sr), feat2(fS0psr, ps0, s0sr),
		feat2(fS0wsl, ws0, s0sl), feat2(fS0psl, ps0, s0sl),
		feat2(fN0wsl, wn0, n0sl), feat2(fN0psl, pn0, n0sl),
		feat1(fS1w, w(s1)), feat1(fS1p, p(s1)),
		feat3(fS1pS0pN0p, p(s1), ps0, pn0),
		feat2(fS1wS0w, w(s1), ws0),
		feat1(fS0hasHead, hasHead), feat2(fS0hasHeadN0p, hasHead, pn0),
	)
}

// bufWords returns the positions of the buffer's first three words, -1
// for those past its end.
func (st *pstate) bufWords() (n0, n1, n2 int) {
	n0, n1, n2 = -1, -1, -1
	if st.b <= st.n {
		n0 = st.b
	}
	if st.b+1 <= st.n {
		n1 = st.b + 1
	}
	if st.b+2 <= st.n {
		n2 = st.b + 2
	}
	return n0, n1, n2
}

func (st *pstate) wordAt(x int) uint64 {
	if x < 0 {
		return noWord
	}
	return st.w[x]
}

func (st *pstate) tagAt(x int) uint64 {
	if x < 0 {
		return noWord
	}
	return st.p[x]
}

// scorer scores the configurations of one sentence for one parser.
type scorer struct {
	cache scoreCache
	p     *Parser
	nc    int
	// pairs keeps sums by stack top and buffer position, which only a beam
	// meets more than once.
	pairs bool

	buf   []int32 // sums of bufFeatures by buffer position, nc each
	bufOK []bool
	pair  map[int]int // stack top and buffer position → offset in slab
	slab  []int32

	feats []uint64
	rows  rowSet

	st     pstate  // the greedy parser's configuration
	scores []int32 // from newScores, for the parse
	lanes  []int32 // from newScores, for sum

	// spare are beam items to reuse, beamA and beamB lists of them.
	spare, beamA, beamB []*beamItem
}

var scorers = sync.Pool{New: func() any { return new(scorer) }}

// getScorer returns a scorer for p and the configurations of a sentence
// of n words.
func getScorer(p *Parser, n int, pairs bool) *scorer {
	sc := scorers.Get().(*scorer)
	sc.p, sc.nc, sc.pairs = p, p.nclass(), pairs
	n += 2
	if cap(sc.bufOK) < n {
		sc.bufOK = make([]bool, n)
	}
	sc.bufOK = sc.bufOK[:n]
	clear(sc.bufOK)
	if cap(sc.buf) < n*sc.nc {
		sc.buf = make([]int32, n*sc.nc)
	}
	sc.buf = sc.buf[:n*sc.nc]
	if pairs {
		if sc.pair == nil {
			sc.pair = map[int]int{}
		}
		clear(sc.pair)
		sc.slab = sc.slab[:0]
	}
	if want := max(sc.nc, scoreLanes); len(sc.lanes) != want {
		sc.lanes = newScores(sc.nc)
	}
	if want := max(sc.nc, scoreLanes); len(sc.scores) != want {
		sc.scores = newScores(sc.nc)
	}
	return sc
}

func (sc *scorer) release() {
	sc.p = nil
	scorers.Put(sc)
}

// sum sets v to the sum of the weights of feats.
func (sc *scorer) sum(feats []uint64, v []int32) {
	lanes := sc.lanes
	if len(lanes) != scoreLanes {
		lanes = lanes[:sc.nc]
	}
	sc.rows.reset()
	sc.cache.rowsOf(sc.p.weights, feats, &sc.rows)
	clear(lanes)
	sc.rows.addTo(lanes)
	copy(v, lanes[:sc.nc])
}

// bufSum returns the sum of the weights of st's bufFeatures.
func (sc *scorer) bufSum(st *pstate) []int32 {
	b, nc := st.b, sc.nc
	v := sc.buf[b*nc : (b+1)*nc]
	if !sc.bufOK[b] {
		sc.feats = st.bufFeatures(sc.feats[:0])
		sc.sum(sc.feats, v)
		sc.bufOK[b] = true
	}
	return v
}

// pairSum returns the sum of the weights of st's bufFeatures and
// pairFeatures.
func (sc *scorer) pairSum(st *pstate) []int32 {
	key := st.s0()*(st.n+2) + st.b
	if off, ok := sc.pair[key]; ok {
		return sc.slab[off : off+sc.nc]
	}
	buf := sc.bufSum(st)
	off := len(sc.slab)
	sc.slab = append(sc.slab, make([]int32, sc.nc)...)
	v := sc.slab[off : off+sc.nc]
	sc.feats = st.pairFeatures(sc.feats[:0])
	sc.sum(sc.feats, v)
	for i, x := range buf {
		v[i] += x
	}
	sc.pair[key] = off
	return v
}

// score sets scores, a buffer from newScores, to the scores of st's
// actions.
func (sc *scorer) score(st *pstate, scores []int32) {
	var base []int32
	var feats []uint64
	if sc.pairs {
		base = sc.pairSum(st)
		feats = sc.feats[:0]
	} else {
		base = sc.bufSum(st)
		feats = st.pairFeatures(sc.feats[:0])
	}
	feats = st.restFeatures(feats)
	sc.feats = feats
	sc.rows.reset()
	sc.cache.rowsOf(sc.p.weights, feats, &sc.rows)
	copy(scores, base)
	sc.rows.addTo(scores)
}
