package pipeline

import (
	"errors"
	"slices"
	"testing"
)

// TestReorder: values put out of order come out in order, each once, and
// a release error stops the run with the rest held.
func TestReorder(t *testing.T) {
	for _, c := range []struct {
		name  string
		order []int
		fail  int // the value whose release fails; -1 for none
		want  []int
	}{
		{"in order", []int{0, 1, 2, 3}, -1, []int{0, 1, 2, 3}},
		{"reversed", []int{3, 2, 1, 0}, -1, []int{0, 1, 2, 3}},
		{"shuffled", []int{2, 0, 3, 1, 4}, -1, []int{0, 1, 2, 3, 4}},
		{"a failure stops", []int{1, 2, 0, 3}, 1, []int{0, 1}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var r Reorder[int]
			var got []int
			boom := errors.New("boom")
			var err error
			for _, seq := range c.order {
				if err = r.Put(seq, seq, func(v int) error {
					got = append(got, v)
					if v == c.fail {
						return boom
					}
					return nil
				}); err != nil {
					break
				}
			}
			if c.fail >= 0 && !errors.Is(err, boom) {
				t.Errorf("Put returned %v, want the release error", err)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("released %v, want %v", got, c.want)
			}
		})
	}
}
