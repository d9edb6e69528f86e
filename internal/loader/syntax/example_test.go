package syntax_test

import (
	"fmt"

	"github.com/kg-project/kg/internal/loader/syntax"
)

// A sentence's subject and object, read off its tree.
func ExampleModel_Parse() {
	m, err := syntax.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	s := syntax.Tokenize("Russia and Pakistan signed a defence agreement in Moscow.", 0)
	m.Parse(s)
	verb := s.Root()
	fmt.Println("verb:", s.Token(verb).Lemma)
	for _, id := range s.ChildrenByRel(verb, "nsubj") {
		first, last := s.Span(id)
		fmt.Println("subject:", s.SpanText(first, last))
	}
	for _, id := range s.ChildrenByRel(verb, "obj") {
		fmt.Println("object:", s.Token(id).Form, "/", s.SpanText(s.Span(id)))
	}
	// Output:
	// verb: sign
	// subject: Russia and Pakistan
	// object: agreement / a defence agreement in Moscow
}
