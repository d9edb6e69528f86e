package syntax

import (
	"reflect"
	"testing"
)

// appointed builds "The new minister was appointed by the president in
// May." by hand:
//
//	appointed ─┬─ nsubj:pass ─ minister ─┬─ det ─ The
//	           │                         └─ amod ─ new
//	           ├─ aux:pass ─ was
//	           ├─ obl:agent ─ president ─┬─ case ─ by
//	           │                         └─ det ─ the
//	           ├─ obl ─ May ─ case ─ in
//	           └─ punct ─ .
func appointed() *Sentence {
	words := []struct {
		form string
		head int
		rel  string
	}{
		{"The", 3, "det"},
		{"new", 3, "amod"},
		{"minister", 5, "nsubj:pass"},
		{"was", 5, "aux:pass"},
		{"appointed", 0, "root"},
		{"by", 8, "case"},
		{"the", 8, "det"},
		{"president", 5, "obl:agent"},
		{"in", 10, "case"},
		{"May", 5, "obl"},
		{".", 5, "punct"},
	}
	s := &Sentence{ID: "appointed", Text: "The new minister was appointed by the president in May."}
	for i, w := range words {
		s.Tokens = append(s.Tokens, Token{ID: i + 1, Form: w.form, Head: w.head, Rel: w.rel,
			Misc: "_", Start: -1, End: -1, SpaceAfter: w.form != "May"})
	}
	return s
}

func TestRelMatches(t *testing.T) {
	tests := []struct {
		got, rel string
		want     bool
	}{
		{"nsubj", "nsubj", true},
		{"nsubj:pass", "nsubj", true},      // no subtype asked: any subtype matches
		{"nsubj:pass", "nsubj:pass", true}, // a subtype matches only itself
		{"nsubj", "nsubj:pass", false},
		{"nsubj:outer", "nsubj:pass", false},
		{"nsubjx", "nsubj", false}, // a longer name is not a subtype
		{"nsub", "nsubj", false},
		{"obl:tmod", "obl", true},
		{"obl", "ob", false},
		{"a:b:c", "a", true},
		{"a:b:c", "a:b", false},
		{"obl:agent", "obl:", false},
		{"", "", true},
		{"root", "", false},
	}
	for _, tt := range tests {
		if got := RelMatches(tt.got, tt.rel); got != tt.want {
			t.Errorf("RelMatches(%q, %q) = %v, want %v", tt.got, tt.rel, got, tt.want)
		}
	}
}

func TestSentenceTree(t *testing.T) {
	s := appointed()
	if msg := s.CheckTree(); msg != "" {
		t.Fatalf("CheckTree = %q", msg)
	}
	if got := s.Root(); got != 5 {
		t.Errorf("Root = %d, want 5", got)
	}
	if s.Len() != 11 || s.Token(8).Form != "president" {
		t.Errorf("Len, Token(8) = %d, %q", s.Len(), s.Token(8).Form)
	}

	children := []struct {
		id   int
		want []int
	}{
		{0, []int{5}},
		{5, []int{3, 4, 8, 10, 11}},
		{3, []int{1, 2}},
		{8, []int{6, 7}},
		{1, nil},
		{-1, nil},
		{12, nil},
	}
	for _, tt := range children {
		if got := s.Children(tt.id); len(got) != len(tt.want) || len(got) > 0 && !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Children(%d) = %v, want %v", tt.id, got, tt.want)
		}
	}

	byRel := []struct {
		id    int
		rel   string
		want  []int
		first int // Child's answer
	}{
		{5, "nsubj", []int{3}, 3},
		{5, "nsubj:pass", []int{3}, 3},
		{5, "nsubj:outer", nil, 0},
		{5, "aux", []int{4}, 4},
		{5, "obl", []int{8, 10}, 8},
		{5, "obl:agent", []int{8}, 8},
		{5, "ob", nil, 0},
		{5, "xcomp", nil, 0},
		{3, "det", []int{1}, 1},
		{8, "det", []int{7}, 7},
		{0, "root", []int{5}, 5},
		{1, "det", nil, 0},
	}
	for _, tt := range byRel {
		if got := s.ChildrenByRel(tt.id, tt.rel); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ChildrenByRel(%d, %q) = %v, want %v", tt.id, tt.rel, got, tt.want)
		}
		if got := s.Child(tt.id, tt.rel); got != tt.first {
			t.Errorf("Child(%d, %q) = %d, want %d", tt.id, tt.rel, got, tt.first)
		}
	}

	spans := []struct {
		id, first, last int
		subtree         []int
		text            string
	}{
		{5, 1, 11, []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, "The new minister was appointed by the president in May."},
		{3, 1, 3, []int{1, 2, 3}, "The new minister"},
		{8, 6, 8, []int{6, 7, 8}, "by the president"},
		{10, 9, 10, []int{9, 10}, "in May"},
		{11, 11, 11, []int{11}, "."},
		{1, 1, 1, []int{1}, "The"},
	}
	for _, tt := range spans {
		first, last := s.Span(tt.id)
		if first != tt.first || last != tt.last {
			t.Errorf("Span(%d) = %d, %d; want %d, %d", tt.id, first, last, tt.first, tt.last)
		}
		if got := s.Subtree(tt.id); !reflect.DeepEqual(got, tt.subtree) {
			t.Errorf("Subtree(%d) = %v, want %v", tt.id, got, tt.subtree)
		}
		if got := s.SpanText(first, last); got != tt.text {
			t.Errorf("SpanText(%d, %d) = %q, want %q", first, last, got, tt.text)
		}
	}
	// No space after "May": the full stop is glued to it.
	if got := s.SpanText(9, 11); got != "in May." {
		t.Errorf("SpanText(9, 11) = %q", got)
	}

	ancestors := []struct {
		a, d int
		want bool
	}{
		{5, 1, true},
		{3, 1, true},
		{3, 3, true}, // a word dominates itself
		{1, 3, false},
		{8, 10, false},
		{0, 7, true}, // the root dominates everything
		{0, 0, true},
		{10, 9, true},
		{9, 10, false},
	}
	for _, tt := range ancestors {
		if got := s.Ancestor(tt.a, tt.d); got != tt.want {
			t.Errorf("Ancestor(%d, %d) = %v, want %v", tt.a, tt.d, got, tt.want)
		}
	}
}

func TestReindex(t *testing.T) {
	s := appointed()
	_ = s.Children(0) // build the index before the heads change

	// "in May" moves from the verb to "president": a projective change.
	s.Tokens[9].Head, s.Tokens[9].Rel = 8, "nmod"
	s.Reindex()
	if msg := s.CheckTree(); msg != "" {
		t.Fatalf("CheckTree = %q", msg)
	}
	if got, want := s.Children(8), []int{6, 7, 10}; !reflect.DeepEqual(got, want) {
		t.Errorf("Children(8) = %v, want %v", got, want)
	}
	if got, want := s.Children(5), []int{3, 4, 8, 11}; !reflect.DeepEqual(got, want) {
		t.Errorf("Children(5) = %v, want %v", got, want)
	}
	if first, last := s.Span(8); first != 6 || last != 10 {
		t.Errorf("Span(8) = %d, %d; want 6, 10", first, last)
	}
	if got := s.Child(8, "nmod"); got != 10 {
		t.Errorf("Child(8, nmod) = %d, want 10", got)
	}
	if !s.Ancestor(8, 9) {
		t.Error("president does not dominate in after the change")
	}

	// "new" moves to "president": the tree is still a tree but no longer
	// projective, so the span of "president" covers words it does not
	// dominate and only Subtree is exact.
	s.Tokens[1].Head = 8
	s.Reindex()
	if msg := s.CheckTree(); msg != "" {
		t.Fatalf("CheckTree = %q", msg)
	}
	if first, last := s.Span(8); first != 2 || last != 10 {
		t.Errorf("Span(8) = %d, %d; want 2, 10", first, last)
	}
	if got, want := s.Subtree(8), []int{2, 6, 7, 8, 9, 10}; !reflect.DeepEqual(got, want) {
		t.Errorf("Subtree(8) = %v, want %v", got, want)
	}
	if got, want := s.Subtree(3), []int{1, 3}; !reflect.DeepEqual(got, want) {
		t.Errorf("Subtree(3) = %v, want %v", got, want)
	}
}

func TestCheckTree(t *testing.T) {
	tests := []struct {
		name  string
		heads []int
		want  string
	}{
		{"empty sentence", nil, ""},
		{"one word", []int{0}, ""},
		{"chain", []int{2, 3, 0}, ""},
		{"two roots", []int{0, 0, 2}, "not exactly one root"},
		{"no root", []int{2, 3, 1}, "not exactly one root"},
		{"cycle beside the root", []int{0, 3, 2}, "cycle"},
		{"long cycle", []int{0, 3, 4, 5, 2}, "cycle"},
		{"self loop", []int{0, 2}, "head out of range"},
		{"head past the end", []int{0, 3}, "head out of range"},
		{"negative head", []int{0, -1}, "head out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &Sentence{}
			for i, h := range tt.heads {
				s.Tokens = append(s.Tokens, Token{ID: i + 1, Form: "w", Head: h, Rel: "dep"})
			}
			got := s.CheckTree()
			if got != tt.want {
				t.Errorf("CheckTree() = %q, want %q", got, tt.want)
			}
			// The other methods must stay finite on a broken tree.
			for id := 0; id <= len(tt.heads); id++ {
				_ = s.Ancestor(len(tt.heads), id)
			}
		})
	}
}
