package syntax

// Parser is an arc-eager transition parser (Nivre 2003) whose transitions
// are scored by an averaged perceptron over the feature set of Zhang and
// Nivre (2011). Its transitions are SHIFT, REDUCE, and LEFT-ARC and
// RIGHT-ARC with each label. A greedy parser is trained with the dynamic
// oracle of Goldberg and Nivre (2012); one with a beam, on whole sequences
// (beam.go).
type Parser struct {
	// reverse parsers read the sentence from its end: their mistakes differ
	// from a left-to-right parser's, which is what an ensemble needs.
	reverse bool
	// beam is the width of the beam search the parser was trained for;
	// 1 is greedy.
	beam   int
	labels []string

	root    int // index of "root" in labels
	punct   int // index of "punct", or -1
	weights *weightTable
}

const (
	actShift = iota
	actReduce
	actFirstArc // LEFT-ARC(l) = actFirstArc+l, RIGHT-ARC(l) = actFirstArc+len(labels)+l
)

func (p *Parser) nclass() int { return actFirstArc + 2*len(p.labels) }

// Values features take for missing words, kept apart from every hash of a
// real word.
const (
	noWord  = 0x6e6f6e65
	rootTag = 0x726f6f74
)

// pstate is a parser configuration: the stack, the buffer (words b..n) and
// the arcs built so far, with what the features read of them kept up to date.
type pstate struct {
	n      int
	w, p   []uint64 // word and tag hashes; index 0 is the root
	stack  []int
	b      int
	head   []int // -1 until attached
	label  []int
	l1, l2 []int // leftmost and second leftmost dependents (0 = none)
	r1, r2 []int // rightmost and second rightmost dependents
	lv, rv []int // number of left and right dependents
	ls, rs []uint64
	onStk  []bool
	rootCh int // the word attached to the root, 0 until there is one
}

func (st *pstate) reset(n int) {
	st.n = n
	grow := func(s []int) []int {
		if cap(s) < n+1 {
			return make([]int, n+1)
		}
		s = s[:n+1]
		clear(s)
		return s
	}
	st.head, st.label = grow(st.head), grow(st.label)
	st.l1, st.l2, st.r1, st.r2 = grow(st.l1), grow(st.l2), grow(st.r1), grow(st.r2)
	st.lv, st.rv = grow(st.lv), grow(st.rv)
	// Each slice is checked: a configuration the beam copied into grew
	// them one by one.
	if cap(st.ls) < n+1 {
		st.ls = make([]uint64, n+1)
	}
	if cap(st.rs) < n+1 {
		st.rs = make([]uint64, n+1)
	}
	if cap(st.onStk) < n+1 {
		st.onStk = make([]bool, n+1)
	}
	st.ls, st.rs, st.onStk = st.ls[:n+1], st.rs[:n+1], st.onStk[:n+1]
	clear(st.ls)
	clear(st.rs)
	clear(st.onStk)
	for i := range st.head {
		st.head[i], st.label[i] = -1, -1
	}
	st.stack = append(st.stack[:0], 0)
	st.onStk[0] = true
	st.b = 1
	st.rootCh = 0
}

func (st *pstate) s0() int { return st.stack[len(st.stack)-1] }

func (st *pstate) done() bool { return st.b > st.n }

// legalKinds says which kinds of action a configuration allows; an arc's
// label only matters for the root. RIGHT-ARC from the root is allowed once,
// with the label "root", so that a sentence has one root, and no other arc
// takes that label.
type legalKinds struct {
	shift, reduce, left, right, fromRoot bool
}

func (p *Parser) legalKinds(st *pstate) legalKinds {
	if st.b > st.n {
		return legalKinds{}
	}
	s0 := st.s0()
	return legalKinds{
		shift:    true,
		reduce:   s0 != 0 && st.head[s0] >= 0,
		left:     s0 != 0 && st.head[s0] < 0,
		right:    s0 != 0 || st.rootCh == 0,
		fromRoot: s0 == 0,
	}
}

func (l legalKinds) allows(p *Parser, a int) bool {
	nl := len(p.labels)
	switch {
	case a == actShift:
		return l.shift
	case a == actReduce:
		return l.reduce
	case a < actFirstArc+nl:
		return l.left && a-actFirstArc != p.root
	default:
		return l.right && (a-actFirstArc-nl == p.root) == l.fromRoot
	}
}

func (p *Parser) apply(st *pstate, a int) {
	s0 := st.s0()
	switch {
	case a == actShift:
		st.stack = append(st.stack, st.b)
		st.onStk[st.b] = true
		st.b++
	case a == actReduce:
		st.stack = st.stack[:len(st.stack)-1]
		st.onStk[s0] = false
	case a < actFirstArc+len(p.labels):
		st.attach(st.b, s0, a-actFirstArc)
		st.stack = st.stack[:len(st.stack)-1]
		st.onStk[s0] = false
	default:
		st.attach(s0, st.b, a-actFirstArc-len(p.labels))
		st.stack = append(st.stack, st.b)
		st.onStk[st.b] = true
		st.b++
	}
}

func (st *pstate) attach(h, d, l int) {
	st.head[d], st.label[d] = h, l
	if h == 0 {
		st.rootCh = d
	}
	if d < h {
		// Left dependents arrive right to left: the newest is the leftmost.
		st.l2[h], st.l1[h] = st.l1[h], d
		st.lv[h]++
		st.ls[h] |= 1 << (uint(l) & 63)
	} else {
		st.r2[h], st.r1[h] = st.r1[h], d
		st.rv[h]++
		st.rs[h] |= 1 << (uint(l) & 63)
	}
}

// Feature template numbers; each must be distinct.
const (
	fS0wp = iota + 100
	fS0w
	fS0p
	fN0wp
	fN0w
	fN0p
	fN1wp
	fN1w
	fN1p
	fN2wp
	fN2w
	fN2p
	fS0wpN0wp
	fS0wpN0w
	fS0wN0wp
	fS0wpN0p
	fS0pN0wp
	fS0wN0w
	fS0pN0p
	fN0pN1p
	fN0pN1pN2p
	fS0pN0pN1p
	fS0hpS0pN0p
	fS0pS0lpN0p
	fS0pS0rpN0p
	fS0pN0pN0lp
	fS0wd
	fS0pd
	fN0wd
	fN0pd
	fS0wN0wd
	fS0pN0pd
	fS0wvr
	fS0pvr
	fS0wvl
	fS0pvl
	fN0wvl
	fN0pvl
	fS0hw
	fS0hp
	fS0l
	fS0lw
	fS0lp
	fS0ll
	fS0rw
	fS0rp
	fS0rl
	fN0lw
	fN0lp
	fN0ll
	fS0h2w
	fS0h2p
	fS0hl
	fS0l2w
	fS0l2p
	fS0l2l
	fS0r2w
	fS0r2p
	fS0r2l
	fN0l2w
	fN0l2p
	fN0l2l
	fS0pS0lpS0l2p
	fS0pS0rpS0r2p
	fS0pS0hpS0h2p
	fN0pN0lpN0l2p
	fS0wsr
	fS0psr
	fS0wsl
	fS0psl
	fN0wsl
	fN0psl
	fS1w
	fS1p
	fS1pS0pN0p
	fS1wS0w
	fS0hasHead
	fS0hasHeadN0p
	fBias
)

func distBucket(d int) uint64 {
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 6:
		return 5
	case d <= 9:
		return 6
	case d <= 14:
		return 7
	}
	return 8
}

// features lists the features of configuration st, in the order training
// adds up their float weights (the trained model depends on it). They are
// the features of the three parts parsing reads apart (see pscore.go),
// interleaved as the first version of the parser listed them.
func (st *pstate) features(out []uint64) []uint64 {
	var scratch [nParserFeatures]uint64
	buf := st.bufFeatures(scratch[:0])
	pair := st.pairFeatures(buf[len(buf):])
	rest := st.restFeatures(pair[len(pair):])
	out = append(out[:0], buf[0])
	out = append(out, pair[:3]...)
	out = append(out, buf[1:10]...)
	out = append(out, pair[3:10]...)
	out = append(out, buf[10:12]...)
	out = append(out, pair[10])
	out = append(out, rest[:4]...)
	out = append(out, pair[11:17]...)
	return append(out, rest[4:]...)
}

// nParserFeatures is the number of features of a configuration.
const nParserFeatures = 12 + 17 + 50

// prepare fills the word and tag hashes of st for sentence s.
func (st *pstate) prepare(s *Sentence) {
	n := len(s.Tokens)
	st.reset(n)
	if cap(st.w) < n+1 {
		st.w, st.p = make([]uint64, n+1), make([]uint64, n+1)
	}
	st.w, st.p = st.w[:n+1], st.p[:n+1]
	st.w[0], st.p[0] = rootTag, rootTag
	for i := range s.Tokens {
		t := &s.Tokens[i]
		st.w[i+1] = hashString(norm(t.Form))
		st.p[i+1] = mix(hashString(t.UPOS), hashString(t.XPOS))
	}
}

// Parse sets Head and Rel of every word of s from its forms and tags.
func (p *Parser) Parse(s *Sentence) {
	if p.reverse {
		r := reversed(s)
		p.parse(r)
		n := len(s.Tokens)
		for i := range s.Tokens {
			t := &r.Tokens[n-1-i]
			s.Tokens[i].Head = flip(t.Head, n)
			s.Tokens[i].Rel = t.Rel
		}
		return
	}
	p.parse(s)
}

// reversed returns the words of s in reverse order, heads renumbered.
func reversed(s *Sentence) *Sentence {
	n := len(s.Tokens)
	r := &Sentence{Tokens: make([]Token, n)}
	for i := range s.Tokens {
		t := s.Tokens[i]
		t.ID = n - i
		t.Head = flip(t.Head, n)
		r.Tokens[n-1-i] = t
	}
	return r
}

func flip(h, n int) int {
	if h <= 0 {
		return h
	}
	return n + 1 - h
}

func (p *Parser) parse(s *Sentence) {
	if p.beam > 1 {
		p.parseBeam(s, p.beam)
		return
	}
	sc := getScorer(p, len(s.Tokens), false)
	defer sc.release()
	st := &sc.st
	st.prepare(s)
	scores := sc.scores
	for !st.done() {
		sc.score(st, scores)
		p.apply(st, p.best(st, scores))
	}
	p.finish(st, s)
}

// best returns the legal action with the highest score, walking the scores
// by kind of action rather than asking allows of each one.
func (p *Parser) best(st *pstate, scores []int32) int {
	lk := p.legalKinds(st)
	nl := len(p.labels)
	best, bestScore := actShift, scores[actShift]
	if lk.reduce && scores[actReduce] > bestScore {
		best, bestScore = actReduce, scores[actReduce]
	}
	if lk.left {
		for l, v := range scores[actFirstArc : actFirstArc+nl] {
			if v > bestScore && l != p.root {
				best, bestScore = actFirstArc+l, v
			}
		}
	}
	right := actFirstArc + nl
	switch {
	case !lk.right:
	case lk.fromRoot:
		if scores[right+p.root] > bestScore {
			best = right + p.root
		}
	default:
		for l, v := range scores[right : right+nl] {
			if v > bestScore && l != p.root {
				best, bestScore = right+l, v
			}
		}
	}
	return best
}

// finish attaches the words the transitions left without a head: the first
// becomes the root if there is none, and the rest attach to the root word,
// so that every sentence comes out as one tree.
func (p *Parser) finish(st *pstate, s *Sentence) {
	if st.rootCh == 0 {
		for i := 1; i <= st.n; i++ {
			if st.head[i] < 0 && s.Tokens[i-1].UPOS != "PUNCT" {
				st.attach(0, i, p.root)
				break
			}
		}
		if st.rootCh == 0 {
			for i := 1; i <= st.n; i++ {
				if st.head[i] < 0 {
					st.attach(0, i, p.root)
					break
				}
			}
		}
	}
	for i := 1; i <= st.n; i++ {
		if st.head[i] < 0 {
			l := p.punct
			if s.Tokens[i-1].UPOS != "PUNCT" || l < 0 {
				l = p.labelIndex("parataxis")
			}
			st.attach(st.rootCh, i, l)
		}
	}
	for i := range s.Tokens {
		s.Tokens[i].Head = st.head[i+1]
		s.Tokens[i].Rel = p.labels[st.label[i+1]]
	}
}

func (p *Parser) labelIndex(name string) int {
	for i, l := range p.labels {
		if l == name {
			return i
		}
	}
	return p.root
}
