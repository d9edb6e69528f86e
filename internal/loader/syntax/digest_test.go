package syntax

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// digestSentences is how many sentences of the EWT development set
// TestParseDigest analyses.
const digestSentences = 2000

// TestParseDigest tags and parses the first sentences of the EWT
// development set in each of the ways callers use the model (the beam as
// trained, the beam of 4 the tree coder uses, greedily, and with some tags
// kept) and compares a digest of the CoNLL-U with testdata/parse.digest.
// Speed-ups of the tagger and parser must not change one byte of what they
// give; a retrained model changes the digest on purpose, and then
//
//	go test ./internal/loader/syntax -run Digest -update
//
// rewrites it.
func TestParseDigest(t *testing.T) {
	gold, err := ReadFile(filepath.Join(udDir(t), "en_ewt-ud-dev.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	gold = gold[:min(len(gold), digestSentences)]
	m := loadDefault(t)
	modes := []struct {
		name  string
		parse func(s *Sentence)
	}{
		{"beam", m.Parse},
		{"beam4", m.WithBeam(4).Parse},
		{"fast", m.Fast().Parse},
		{"keep", func(s *Sentence) {
			// Every third word keeps its gold tags, as a gazetteer's names
			// do; the rest are tagged.
			keep := make([]bool, len(s.Tokens))
			for i := range keep {
				keep[i] = i%3 == 0
			}
			m.WithBeam(4).ParseKeeping(s, keep)
		}},
		{"tagged", func(s *Sentence) {
			m.Tag(s)
			m.Fast().ParseTagged(s)
		}},
	}
	var lines []string
	for _, mode := range modes {
		h := sha256.New()
		var b bytes.Buffer
		for _, g := range gold {
			s := blankCopy(g)
			if mode.name == "keep" {
				for i := range s.Tokens {
					s.Tokens[i].UPOS, s.Tokens[i].XPOS = g.Tokens[i].UPOS, g.Tokens[i].XPOS
				}
			}
			mode.parse(s)
			b.Reset()
			if err := Write(&b, s); err != nil {
				t.Fatal(err)
			}
			h.Write(b.Bytes())
		}
		lines = append(lines, mode.name+" "+hex.EncodeToString(h.Sum(nil)))
	}
	got := strings.Join(lines, "\n") + "\n"
	path := filepath.Join("testdata", "parse.digest")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (create it with -update)", err)
	}
	if got != string(want) {
		t.Errorf("the analyses of the first %d sentences of en_ewt-ud-dev changed:\ngot\n%swant\n%s", len(gold), got, want)
	}
}
