package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tagger assigns UPOS and XPOS together: one class per pair seen in
// training, so that the finer Penn tag (VBN against VBD) is there for the
// parser and the lemmatiser.
type Tagger struct {
	upos, xpos []string // by class
	weights    *weightTable
	// sure holds words frequent enough and unambiguous enough in training
	// that their tag is not worth predicting.
	sure map[string]uint16
	// amb gives the words seen often enough in training the set of UPOS
	// they were seen with, as a bit set: what a dictionary would say of
	// them, and of the words to their right, which the greedy tagger has
	// not tagged yet.
	amb map[string]uint64
}

// tagWord is what the tagger's features need of one word, hashed once.
type tagWord struct {
	w, raw, shape        uint64
	s1, s2, s3, s4       uint64
	p1, p2, p3           uint64
	upper, digit, hyphen bool
	first                bool
	amb                  uint64
	norm                 string
}

const (
	padBefore2 = iota + 1
	padBefore1
	padAfter1
	padAfter2
)

func makeTagWords(s *Sentence, buf []tagWord, amb map[string]uint64) []tagWord {
	n := len(s.Tokens)
	if cap(buf) < n {
		buf = make([]tagWord, n)
	}
	buf = buf[:n]
	for i := range s.Tokens {
		f := s.Tokens[i].Form
		nw := norm(f)
		r, _ := utf8.DecodeRuneInString(f)
		buf[i] = tagWord{
			norm: nw,
			w:    hashString(nw), raw: hashString(f), shape: hashShape(f),
			s1: hashString(suffix(nw, 1)), s2: hashString(suffix(nw, 2)), s3: hashString(suffix(nw, 3)), s4: hashString(suffix(nw, 4)),
			p1: hashString(prefix(nw, 1)), p2: hashString(prefix(nw, 2)), p3: hashString(prefix(nw, 3)),
			upper:  unicode.IsUpper(r),
			digit:  strings.ContainsAny(f, "0123456789"),
			hyphen: strings.Contains(f, "-"),
			first:  i == 0,
			amb:    amb[nw],
		}
	}
	return buf
}

// Template numbers of the tagger's features.
const (
	tBias = iota + 1
	tW
	tRaw
	tS1
	tS2
	tS3
	tS4
	tP1
	tP2
	tP3
	tShape
	tUpperFirst
	tDigit
	tHyphen
	tWm1
	tWm2
	tWp1
	tWp2
	tS3m1
	tS3p1
	tShapep1
	tShapem1
	tT1
	tT2
	tT12
	tT1W
	tWm1W
	tWWp1
	tT1Wp1
	tS4p1
	tRawp1
	tRawm1
	tAmb
	tAmbp1
	tAmbp2
	tAmbm1
	tT1Amb
	tAmbAmbp1
	tWAmbp1
)

// tagFeatures lists the features of word i given the two previous tags,
// in the order training adds up their float weights (the trained model
// depends on it): tagStatic's and tagDynamic's, interleaved as the first
// version of the tagger listed them.
func tagFeatures(ws []tagWord, i int, t1, t2 int, out []uint64) []uint64 {
	var scratch [40]uint64
	st := tagStatic(ws, i, scratch[:0])
	dy := tagDynamic(ws, i, t1, t2, st[len(st):])
	out = append(out[:0], st[:18]...)
	out = append(out, dy[:4]...)
	out = append(out, st[18:20]...)
	out = append(out, dy[4])
	out = append(out, st[20:24]...)
	out = append(out, dy[5])
	return append(out, st[24:]...)
}

// tagStatic appends the features of word i that do not depend on the
// tags before it, which tagging reads for all words before it tags the
// first; with tagDynamic's they are tagFeatures's, in another order.
func tagStatic(ws []tagWord, i int, out []uint64) []uint64 {
	x := &ws[i]
	wm1, wm2, wp1, wp2 := tagWordAt(ws, i-1), tagWordAt(ws, i-2), tagWordAt(ws, i+1), tagWordAt(ws, i+2)
	ap1 := tagAmbAt(ws, i+1)
	out = append(out,
		feat1(tBias, 0),
		feat1(tW, x.w), feat1(tRaw, x.raw),
		feat1(tS1, x.s1), feat1(tS2, x.s2), feat1(tS3, x.s3), feat1(tS4, x.s4),
		feat1(tP1, x.p1), feat1(tP2, x.p2), feat1(tP3, x.p3),
		feat1(tShape, x.shape),
		feat2(tUpperFirst, b2u(x.upper), b2u(x.first)),
		feat1(tDigit, b2u(x.digit)), feat1(tHyphen, b2u(x.hyphen)),
		feat1(tWm1, wm1), feat1(tWm2, wm2), feat1(tWp1, wp1), feat1(tWp2, wp2),
		feat2(tWm1W, wm1, x.w), feat2(tWWp1, x.w, wp1),
		feat1(tAmb, x.amb), feat1(tAmbp1, ap1), feat1(tAmbp2, tagAmbAt(ws, i+2)), feat1(tAmbm1, tagAmbAt(ws, i-1)),
		feat2(tAmbAmbp1, x.amb, ap1), feat2(tWAmbp1, x.w, ap1))
	if i+1 < len(ws) {
		p := &ws[i+1]
		out = append(out, feat1(tS3p1, p.s3), feat1(tShapep1, p.shape), feat1(tS4p1, p.s4), feat1(tRawp1, p.raw))
	}
	if i > 0 {
		m := &ws[i-1]
		out = append(out, feat1(tS3m1, m.s3), feat1(tShapem1, m.shape), feat1(tRawm1, m.raw))
	}
	return out
}

// tagDynamic appends the features of word i that read the tags before it.
func tagDynamic(ws []tagWord, i int, t1, t2 int, out []uint64) []uint64 {
	x := &ws[i]
	return append(out,
		feat1(tT1, uint64(t1)), feat1(tT2, uint64(t2)), feat2(tT12, uint64(t1), uint64(t2)),
		feat2(tT1W, uint64(t1), x.w),
		feat2(tT1Wp1, uint64(t1), tagWordAt(ws, i+1)),
		feat2(tT1Amb, uint64(t1), x.amb))
}

// tagWordAt is the word at position k of a sentence, or the padding
// before or after it.
func tagWordAt(ws []tagWord, k int) uint64 {
	switch {
	case k == -2:
		return padBefore2
	case k == -1:
		return padBefore1
	case k == len(ws):
		return padAfter1
	case k > len(ws):
		return padAfter2
	case k < -2:
		return padBefore2
	}
	return ws[k].w
}

// tagAmbAt is the ambiguity class of the word at position k, or padding.
func tagAmbAt(ws []tagWord, k int) uint64 {
	if k < 0 || k >= len(ws) {
		return padAfter1
	}
	return ws[k].amb
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// noTag is the previous-tag value before the first word; classes are
// numbered from 1 in the features so that it differs from every class.
const noTag = 0

// Tag fills UPOS and XPOS of every word of s.
func (t *Tagger) Tag(s *Sentence) { t.tag(s, nil) }

// tag tags s, keeping the UPOS and XPOS of the words whose keep flag is
// set when the pair is one of the tagger's classes.
func (t *Tagger) tag(s *Sentence, keep []bool) { t.tagFrom(s, keep, 0) }

// tagFrom is tag for a sentence whose words before from already carry
// this tagger's tags: those stay, since a word's tag depends only on the
// words around it and the tags before it, and tagging starts at from.
func (t *Tagger) tagFrom(s *Sentence, keep []bool, from int) {
	cache := getCache(&tagCaches)
	defer tagCaches.Put(cache)
	ws := makeTagWords(s, cache.words, t.amb)
	cache.words = ws
	// A word's class is known without scoring when it is sure or kept;
	// the others' features that do not depend on the tags before them are
	// listed, and read from the table, all at once.
	n := len(ws)
	known := cache.known[:0]
	for range n {
		known = append(known, -1)
	}
	cache.known = known
	static := cache.static[:0]
	bounds := append(cache.bounds[:0], 0)
	for i := range ws {
		if c, ok := t.sure[ws[i].norm]; ok {
			known[i] = int32(c)
		}
		if i < from {
			if k, found := t.class(s.Tokens[i].UPOS, s.Tokens[i].XPOS); found {
				known[i] = int32(k)
			}
		}
		if i < len(keep) && keep[i] {
			if k, found := t.class(s.Tokens[i].UPOS, s.Tokens[i].XPOS); found {
				known[i] = int32(k)
			}
		}
		if known[i] < 0 {
			static = tagStatic(ws, i, static)
		}
		bounds = append(bounds, len(static))
	}
	cache.touch(t.weights, static)
	cache.static, cache.bounds = static, bounds
	if len(cache.scores) != max(len(t.upos), scoreLanes) {
		cache.scores = newScores(len(t.upos))
	}
	scores := cache.scores
	feats := cache.feats[:0]
	defer func() { cache.feats = feats }()
	t1, t2 := noTag, noTag
	for i := range ws {
		c := uint16(known[i])
		if known[i] < 0 {
			feats = append(feats[:0], static[bounds[i]:bounds[i+1]]...)
			feats = tagDynamic(ws, i, t1, t2, feats)
			cache.score(t.weights, feats, scores)
			c = uint16(argmax(scores[:len(t.upos)]))
		}
		s.Tokens[i].UPOS, s.Tokens[i].XPOS = t.upos[c], t.xpos[c]
		t2, t1 = t1, int(c)+1
	}
}

func argmax[T int32 | float64](scores []T) int {
	best := 0
	for i, v := range scores {
		if v > scores[best] {
			best = i
		}
	}
	return best
}

// class returns the class of a UPOS and XPOS pair.
func (t *Tagger) class(upos, xpos string) (uint16, bool) {
	for c := range t.upos {
		if t.upos[c] == upos && t.xpos[c] == xpos {
			return uint16(c), true
		}
	}
	return 0, false
}
