package syntax

import (
	"path/filepath"
	"slices"
	"testing"
)

// TestTagFeaturesSplit checks that the features tagging reads in two parts
// are those the tagger was trained on.
func TestTagFeaturesSplit(t *testing.T) {
	gold, err := ReadFile(filepath.Join(udDir(t), "en_ewt-ud-dev.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	m := loadDefault(t)
	for _, g := range gold[:min(len(gold), 300)] {
		ws := makeTagWords(g, nil, m.tagger.amb)
		for i := range ws {
			for _, tt := range [][2]int{{noTag, noTag}, {3, noTag}, {7, 12}} {
				want := slices.Clone(tagFeatures(ws, i, tt[0], tt[1], nil))
				got := tagDynamic(ws, i, tt[0], tt[1], tagStatic(ws, i, nil))
				slices.Sort(want)
				slices.Sort(got)
				if !slices.Equal(got, want) {
					t.Fatalf("%s word %d: the static and dynamic features are not tagFeatures's", g.ID, i+1)
				}
			}
		}
	}
}
