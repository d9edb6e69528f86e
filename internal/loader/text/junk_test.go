package text

import (
	"strings"
	"testing"
)

// TestLongLineStartingLikeBoilerplate: an article on one line that opens
// with a boilerplate phrase keeps its text.
func TestLongLineStartingLikeBoilerplate(t *testing.T) {
	for _, start := range []string{"Newspapers in India reported on Monday that", "Copyright disputes aside,"} {
		text := start + strings.Repeat(" Pakistan and Russia held talks in Moscow on trade and energy.", 40)
		art, err := Clean([]byte(text), "txt", CleanOptions{})
		if err != nil {
			t.Fatalf("%q: %v", start, err)
		}
		if len(art.Text) < len(text)/2 {
			t.Errorf("%q: kept %d of %d bytes", start, len(art.Text), len(text))
		}
	}
}
