package syntax

import (
	"path/filepath"
	"slices"
	"testing"
)

// TestParserFeaturesSplit checks that the features scoring reads in three
// parts are those the parser was trained on, in the configurations of
// greedy parses of the development set.
func TestParserFeaturesSplit(t *testing.T) {
	gold, err := ReadFile(filepath.Join(udDir(t), "en_ewt-ud-dev.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	m := loadDefault(t)
	p := m.fast
	scores := newScores(p.nclass())
	for _, g := range gold[:min(len(gold), 300)] {
		var st pstate
		st.prepare(g)
		for !st.done() {
			want := slices.Clone(st.features(nil))
			got := st.restFeatures(st.pairFeatures(st.bufFeatures(nil)))
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Fatalf("%s: the features in parts are not features's", g.ID)
			}
			p.weights.score(want, scores)
			p.apply(&st, p.best(&st, scores))
		}
	}
}
