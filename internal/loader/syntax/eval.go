package syntax

import "strings"

// Scores counts agreement between predicted and gold sentences over all
// words, punctuation included, as the CoNLL 2018 shared task's evaluation
// does with gold tokenisation. LAS compares the universal part of the
// relation only ("nsubj:pass" counts as "nsubj").
type Scores struct {
	words, upos, xpos, lemma, uas, las int
}

// Add counts the words of pred against gold; both must have the same words.
func (c *Scores) Add(gold, pred *Sentence) {
	for i := range gold.Tokens {
		if i >= len(pred.Tokens) {
			break
		}
		g, p := &gold.Tokens[i], &pred.Tokens[i]
		c.words++
		if g.UPOS == p.UPOS {
			c.upos++
		}
		if g.XPOS == p.XPOS {
			c.xpos++
		}
		if g.Lemma == p.Lemma {
			c.lemma++
		}
		if g.Head == p.Head {
			c.uas++
			if universal(g.Rel) == universal(p.Rel) {
				c.las++
			}
		}
	}
}

func universal(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}

func pct(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return 100 * float64(n) / float64(d)
}

// Words is the number of words counted.
func (c Scores) Words() int { return c.words }

// UPOSAcc and the others are percentages of words.
func (c Scores) UPOSAcc() float64  { return pct(c.upos, c.words) }
func (c Scores) XPOSAcc() float64  { return pct(c.xpos, c.words) }
func (c Scores) LemmaAcc() float64 { return pct(c.lemma, c.words) }
func (c Scores) UASAcc() float64   { return pct(c.uas, c.words) }
func (c Scores) LAS() float64      { return pct(c.las, c.words) }
