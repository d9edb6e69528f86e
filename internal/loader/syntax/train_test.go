package syntax

import (
	"bytes"
	"path/filepath"
	"testing"
)

// TestTrainDeterministic trains two small models from the same sentences
// and seed and checks that their files are byte for byte the same, so that
// the committed model can be rebuilt from the treebank.
func TestTrainDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("trains two models")
	}
	dev, err := ReadFile(filepath.Join(udDir(t), "en_ewt-ud-dev.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	train, held := dev[:600], dev[600:700]
	opts := ModelOptions{TaggerEpochs: 2, ParserEpochs: 2, Folds: 2, Parsers: []string{"l2r"}, Beam: 4, Fast: true, Seed: 7}
	var files [2][]byte
	for i := range files {
		m := Train(train, held, opts)
		var b bytes.Buffer
		if err := m.Write(&b); err != nil {
			t.Fatal(err)
		}
		files[i] = b.Bytes()
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Errorf("two trainings with the same seed wrote different models (%d and %d bytes)", len(files[0]), len(files[1]))
	}
	m, err := ReadModel(bytes.NewReader(files[0]))
	if err != nil {
		t.Fatal(err)
	}
	if sc := m.Evaluate(held); sc.UASAcc() < 40 {
		t.Errorf("a model trained on 600 sentences attaches %.1f%% of held-out words; training is broken", sc.UASAcc())
	}
}
