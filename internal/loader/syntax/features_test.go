package syntax

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"path/filepath"
	"testing"
)

// The committed model was trained with the tagger's and the parser's
// features in a fixed order (training adds up float weights in that
// order), and retraining reproduces it byte for byte only in that order.
// These digests of the feature lists met on the first sentences of the
// EWT development set hold the order: a change of feature or of order
// changes them.
const (
	tagFeaturesDigest    = "7af2f11d9bec5a3ff7e5316d6328d872692379f4ddc1f5454eb32835ed4ae908"
	parserFeaturesDigest = "9b98354ec596e77dcce815f28a5f803ea76be9aa072db50cd6ff075c60a6346c"
)

func TestFeatureOrder(t *testing.T) {
	gold, err := ReadFile(filepath.Join(udDir(t), "en_ewt-ud-dev.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	gold = gold[:min(len(gold), 300)]
	m := loadDefault(t)
	tags, parses := sha256.New(), sha256.New()
	write := func(h interface{ Write([]byte) (int, error) }, feats []uint64) {
		var b [8]byte
		for _, f := range feats {
			binary.LittleEndian.PutUint64(b[:], f)
			h.Write(b[:])
		}
	}
	scores := newScores(m.fast.nclass())
	for _, g := range gold {
		ws := makeTagWords(g, nil, m.tagger.amb)
		for i := range ws {
			for _, tt := range [][2]int{{noTag, noTag}, {3, noTag}, {7, 12}} {
				write(tags, tagFeatures(ws, i, tt[0], tt[1], nil))
			}
		}
		var st pstate
		st.prepare(g)
		for !st.done() {
			feats := st.features(nil)
			write(parses, feats)
			m.fast.weights.score(feats, scores)
			m.fast.apply(&st, m.fast.best(&st, scores))
		}
	}
	for _, c := range []struct {
		what      string
		got, want string
	}{
		{"tagger", hex.EncodeToString(tags.Sum(nil)), tagFeaturesDigest},
		{"parser", hex.EncodeToString(parses.Sum(nil)), parserFeaturesDigest},
	} {
		if c.got != c.want {
			t.Errorf("the %s's features or their order changed: digest %s, want %s", c.what, c.got, c.want)
		}
	}
}
