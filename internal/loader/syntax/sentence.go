package syntax

import "strings"

// Token is one syntactic word of a sentence, in the fields of CoNLL-U.
type Token struct {
	ID    int    // 1-based position in the sentence
	Form  string // the word as written
	Lemma string
	UPOS  string // universal part of speech
	XPOS  string // Penn Treebank tag
	Feats string // morphological features, "_" or as read from CoNLL-U
	Head  int    // ID of the head; 0 for the root of the sentence
	Rel   string // UD relation to the head, with its subtype ("nsubj:pass")
	Deps  string // enhanced dependencies as read; "_" when not known
	Misc  string // CoNLL-U MISC column without kg's offsets; "_" when empty

	// Start and End are byte offsets of the word in the text it came from;
	// both are -1 when not known (a sentence read from CoNLL-U without
	// offsets, or a word that is part of a contraction).
	Start, End int
	// SpaceAfter is false when the next word follows with no white space.
	SpaceAfter bool

	spaceAt int // 1 + where SpaceAfter=No stood among the MISC attributes read; 0 if not read
}

// Range is a multiword token: the surface form of words From..To together
// ("don't" for "do" and "n't"). kg keeps them to write CoNLL-U back as it
// was read.
type Range struct {
	From, To int
	Form     string
	Misc     string
}

// Sentence is a parsed sentence. Tokens[i] has ID i+1.
type Sentence struct {
	ID       string   // sent_id, if known
	Text     string   // the sentence text, if known
	Comments []string // comment lines other than sent_id and text, without "# "
	Tokens   []Token
	Ranges   []Range
	// extra holds lines kg does not analyse but writes back unchanged
	// (empty nodes of enhanced UD such as "8.1"), keyed by the ID of the
	// word they follow.
	extra map[int][]string
	// idAt and textAt are 1 + the number of other comments read before the
	// sent_id and text lines, so that they are written back in place; 0
	// when not read.
	idAt, textAt int

	children [][]int // children[h] = IDs of h's dependents, in order; h=0 is the root
}

// Len is the number of words.
func (s *Sentence) Len() int { return len(s.Tokens) }

// Token returns the word with the given 1-based ID.
func (s *Sentence) Token(id int) *Token { return &s.Tokens[id-1] }

// Root returns the ID of the word attached to the root, or 0 for an empty
// sentence.
func (s *Sentence) Root() int {
	for i := range s.Tokens {
		if s.Tokens[i].Head == 0 {
			return i + 1
		}
	}
	return 0
}

// Children returns the IDs of the dependents of word id (0 for the root) in
// sentence order. The slice is shared; do not change it.
func (s *Sentence) Children(id int) []int {
	s.index()
	if id < 0 || id >= len(s.children) {
		return nil
	}
	return s.children[id]
}

// ChildrenByRel returns the dependents of word id whose relation is rel, or
// whose relation's universal part is rel when rel has no subtype: "nsubj"
// matches "nsubj" and "nsubj:pass", "nsubj:pass" only itself.
func (s *Sentence) ChildrenByRel(id int, rel string) []int {
	var out []int
	for _, c := range s.Children(id) {
		if RelMatches(s.Tokens[c-1].Rel, rel) {
			out = append(out, c)
		}
	}
	return out
}

// Child returns the first dependent of id with relation rel (as in
// ChildrenByRel), or 0.
func (s *Sentence) Child(id int, rel string) int {
	for _, c := range s.Children(id) {
		if RelMatches(s.Tokens[c-1].Rel, rel) {
			return c
		}
	}
	return 0
}

// RelMatches reports whether the relation got is rel or, when rel has no
// subtype, one of rel's subtypes.
func RelMatches(got, rel string) bool {
	if got == rel {
		return true
	}
	return !strings.Contains(rel, ":") && strings.HasPrefix(got, rel) && len(got) > len(rel) && got[len(rel)] == ':'
}

// Span returns the first and last IDs of the subtree rooted at id. UD trees
// of English are nearly always projective, so the words between them are the
// subtree's words; a caller that must be exact for non-projective trees can
// use Subtree.
func (s *Sentence) Span(id int) (first, last int) {
	first, last = id, id
	for _, c := range s.Children(id) {
		f, l := s.Span(c)
		first, last = min(first, f), max(last, l)
	}
	return first, last
}

// Subtree returns the IDs of id and all its descendants, in sentence order.
func (s *Sentence) Subtree(id int) []int {
	var out []int
	var walk func(int)
	walk = func(h int) {
		kids := s.Children(h)
		i := 0
		for ; i < len(kids) && kids[i] < h; i++ {
			walk(kids[i])
		}
		out = append(out, h)
		for ; i < len(kids); i++ {
			walk(kids[i])
		}
	}
	walk(id)
	return out
}

// SpanText returns the words first..last joined as they were written (with
// a space where SpaceAfter says so).
func (s *Sentence) SpanText(first, last int) string {
	var b strings.Builder
	for id := first; id <= last; id++ {
		t := &s.Tokens[id-1]
		b.WriteString(t.Form)
		if id < last && t.SpaceAfter {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// Ancestor reports whether a dominates d (a word dominates itself).
func (s *Sentence) Ancestor(a, d int) bool {
	for steps := 0; d > 0 && steps <= len(s.Tokens); steps++ {
		if d == a {
			return true
		}
		d = s.Tokens[d-1].Head
	}
	return a == 0
}

// clone returns a copy of s whose words can be changed without changing
// s's; comments and multiword tokens are shared.
func (s *Sentence) clone() *Sentence {
	c := *s
	c.Tokens = append([]Token(nil), s.Tokens...)
	c.children = nil
	return &c
}

// Reindex must be called after heads are changed so that Children and Span
// see the new tree.
func (s *Sentence) Reindex() { s.children = nil }

func (s *Sentence) index() {
	if s.children != nil {
		return
	}
	s.children = make([][]int, len(s.Tokens)+1)
	for i := range s.Tokens {
		h := s.Tokens[i].Head
		if h >= 0 && h <= len(s.Tokens) {
			s.children[h] = append(s.children[h], i+1)
		}
	}
}

// CheckTree returns "" when the heads form one tree over the sentence (one
// word attached to the root, no cycles, every head in range), or what is
// wrong.
func (s *Sentence) CheckTree() string {
	roots := 0
	for i := range s.Tokens {
		h := s.Tokens[i].Head
		if h < 0 || h > len(s.Tokens) || h == i+1 {
			return "head out of range"
		}
		if h == 0 {
			roots++
		}
	}
	if len(s.Tokens) > 0 && roots != 1 {
		return "not exactly one root"
	}
	for i := range s.Tokens {
		d := i + 1
		for steps := 0; d != 0; steps++ {
			if steps > len(s.Tokens) {
				return "cycle"
			}
			d = s.Tokens[d-1].Head
		}
	}
	return ""
}
