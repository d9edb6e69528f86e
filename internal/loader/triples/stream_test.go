package triples

import (
	"reflect"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/graph"
)

// TestStream: a second pass hands each document over at its last row, so
// that only documents under way are held, and gives the same extractions,
// bad documents left out, as reading everything at once.
func TestStream(t *testing.T) {
	in := "source,target,cameo,doc\n" +
		"Russia,Pakistan,042,a\nPakistan,India,112,a\n" + // a ends at row 2
		"India,China,036,b\n" + // b is interleaved with c
		"China,India,043,c\n" +
		"Russia,India,051,b\n" + // b ends at row 4
		"Pakistan,India,9x,d\n" + // d has a bad line
		"India,Pakistan,042,d\n" +
		"Russia,China,042,c\n" // c ends at row 7
	all := NewImporter()
	if errs := all.Read(strings.NewReader(in), "in.csv", TriplesCSV); len(errs) != 1 {
		t.Fatalf("errors %v, want the one bad line", errs)
	}
	want := map[string]graph.Extraction{}
	for _, x := range all.Extractions() {
		want[x.Doc.Name] = x
	}

	im := NewImporter()
	im.Census()
	if errs := im.Read(strings.NewReader(in), "in.csv", TriplesCSV); len(errs) != 1 {
		t.Fatalf("census errors %v", errs)
	}
	if im.Rows() != 7 || len(im.Extractions()) != 0 {
		t.Fatalf("census: %d rows, %d extractions kept", im.Rows(), len(im.Extractions()))
	}
	if got := im.Skipped(); !reflect.DeepEqual(got, []string{"d"}) {
		t.Errorf("skipped %v, want [d]", got)
	}
	var order []string
	held := 0
	im.Stream(func(a graph.Actor) graph.Actor { return a }, func(x graph.Extraction) error {
		order = append(order, x.Doc.Name)
		held = max(held, len(im.docs))
		if !reflect.DeepEqual(x, want[x.Doc.Name]) {
			t.Errorf("document %s streamed differs:\n%+v\nwant %+v", x.Doc.Name, x, want[x.Doc.Name])
		}
		return nil
	})
	im.Read(strings.NewReader(in), "in.csv", TriplesCSV)
	if err := im.Err(); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(order, []string{"a", "b", "c"}) {
		t.Errorf("handed over %v, want a, b, c as each ends", order)
	}
	if held > 2 {
		t.Errorf("%d documents held while one was handed over", held)
	}
	if rest := im.Extractions(); len(rest) != 0 {
		t.Errorf("left after the stream: %d", len(rest))
	}
}
