package syntax

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// readAll reads every sentence of data, stopping at the first error.
func readAll(data []byte, name string) ([]*Sentence, error) {
	return ReadAll(bytes.NewReader(data), name)
}

func writeAll(t testing.TB, ss []*Sentence) []byte {
	t.Helper()
	var b bytes.Buffer
	for _, s := range ss {
		if err := Write(&b, s); err != nil {
			t.Fatal(err)
		}
	}
	return b.Bytes()
}

// firstDiff describes where two texts part, line by line.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n got: %q\nwant: %q", i+1, gl, wl)
		}
	}
	return "no difference"
}

// TestRoundTripFile reads the hand-written file and writes it back: every
// byte must come out as it went in. The file's comments are in the order the
// writer puts them (other comments, then sent_id, then text).
func TestRoundTripFile(t *testing.T) {
	want, err := os.ReadFile(filepath.Join("testdata", "roundtrip.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	ss, err := readAll(want, "roundtrip.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 3 {
		t.Fatalf("read %d sentences, want 3", len(ss))
	}
	if got := writeAll(t, ss); !bytes.Equal(got, want) {
		t.Errorf("round trip changed the file at %s", firstDiff(string(got), string(want)))
	}

	// What the reader made of the first sentence.
	s := ss[0]
	if s.ID != "roundtrip-1" || s.Text != "So we don't drink tea and Bob coffee." {
		t.Errorf("ID, Text = %q, %q", s.ID, s.Text)
	}
	wantComments := []string{"newdoc id = roundtrip-doc", "newpar id = roundtrip-doc-p1",
		"note = written by hand to exercise the CoNLL-U reader and writer"}
	if !reflect.DeepEqual(s.Comments, wantComments) {
		t.Errorf("Comments = %q, want %q", s.Comments, wantComments)
	}
	if want := []Range{{From: 3, To: 4, Form: "don't", Misc: "_"}}; !reflect.DeepEqual(s.Ranges, want) {
		t.Errorf("Ranges = %+v, want %+v", s.Ranges, want)
	}
	if s.Len() != 10 {
		t.Fatalf("%d words, want 10 (the empty node 8.1 is not a word)", s.Len())
	}
	drink := s.Token(5)
	if drink.Start != 12 || drink.End != 17 || drink.Misc != "_" || !drink.SpaceAfter {
		t.Errorf("word 5: Start, End, Misc, SpaceAfter = %d, %d, %q, %v; want 12, 17, \"_\", true",
			drink.Start, drink.End, drink.Misc, drink.SpaceAfter)
	}
	coffee := s.Token(9)
	if coffee.Misc != "Gloss=kahve" || coffee.SpaceAfter || coffee.Start != 30 || coffee.End != 36 {
		t.Errorf("word 9: Misc, SpaceAfter, Start, End = %q, %v, %d, %d", coffee.Misc, coffee.SpaceAfter, coffee.Start, coffee.End)
	}
	if tea := s.Token(6); tea.Start != -1 || tea.End != -1 {
		t.Errorf("word 6 without Offset: Start, End = %d, %d, want -1, -1", tea.Start, tea.End)
	}
	if got := ss[2].Token(1).Head; got != -1 {
		t.Errorf("HEAD _ read as %d, want -1", got)
	}
	if got := ss[1].Ranges[0].Misc; got != "SpaceAfter=No" {
		t.Errorf("range MISC = %q", got)
	}
}

// splitBlocks cuts CoNLL-U text into sentence blocks, each with its lines
// and without the blank line that ends it.
func splitBlocks(text string) [][]string {
	var out [][]string
	var cur []string
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			if cur != nil {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, line)
	}
	if cur != nil {
		out = append(out, cur)
	}
	return out
}

// commentsAside returns the block's comment lines sorted and its other lines
// as they are, so that blocks differing only in the order of comments
// compare equal.
func commentsAside(block []string) (comments, rest []string) {
	for _, l := range block {
		if strings.HasPrefix(l, "#") {
			comments = append(comments, l)
		} else {
			rest = append(rest, l)
		}
	}
	slices.Sort(comments)
	return comments, rest
}

// TestRoundTripTreebank writes back the first sentences of the EWT
// development set. The treebank puts "# newpar" after "# sent_id" while the
// writer puts every other comment first, so comment lines are compared as a
// set; every other line must come back byte for byte.
func TestRoundTripTreebank(t *testing.T) {
	const sentences = 200
	data, err := os.ReadFile(filepath.Join(udDir(t), "en_ewt-ud-dev.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	blocks := splitBlocks(string(data))[:sentences]
	r := NewReader(bytes.NewReader(data), "en_ewt-ud-dev.conllu")
	reordered, failed := 0, 0
	for i, block := range blocks {
		s, err := r.Next()
		if err != nil {
			t.Fatalf("sentence %d: %v", i+1, err)
		}
		var b bytes.Buffer
		if err := Write(&b, s); err != nil {
			t.Fatal(err)
		}
		got := splitBlocks(b.String())
		if len(got) != 1 {
			t.Fatalf("sentence %d written as %d blocks", i+1, len(got))
		}
		if slices.Equal(got[0], block) {
			continue
		}
		gc, gr := commentsAside(got[0])
		wc, wr := commentsAside(block)
		if slices.Equal(gc, wc) && slices.Equal(gr, wr) {
			reordered++
			continue
		}
		failed++
		if failed <= 5 {
			t.Errorf("sentence %d (%s) changed at %s", i+1, s.ID,
				firstDiff(strings.Join(got[0], "\n"), strings.Join(block, "\n")))
		}
	}
	if failed > 5 {
		t.Errorf("... %d sentences of %d changed in all", failed, sentences)
	}
	if reordered > 0 {
		t.Errorf("%d of %d sentences came back with their comment lines in another order", reordered, sentences)
	}
}

// TestReadErrors checks that every malformed input is refused with an error
// that names the file and the line.
func TestReadErrors(t *testing.T) {
	word := func(id, head string) string {
		return id + "\tw\tw\tX\tX\t_\t" + head + "\tdep\t_\t_\n"
	}
	long := "# " + strings.Repeat("x", maxLineBytes+10) + "\n"
	tests := []struct {
		name, in string
		line     int    // the line the error must name
		want     string // part of the message
	}{
		{"too few fields", "# sent_id = a\n1\tw\tw\tX\n", 2, "10 tab-separated fields"},
		{"too many fields", "1\tw\tw\tX\tX\t_\t0\troot\t_\t_\textra\n", 1, "10 tab-separated fields"},
		{"space instead of tab", "1 w w X X _ 0 root _ _\n", 1, "10 tab-separated fields"},
		{"first word not 1", word("2", "0"), 1, "out of sequence"},
		{"word skipped", word("1", "0") + word("3", "1"), 2, "out of sequence"},
		{"word repeated", word("1", "0") + word("1", "1"), 2, "out of sequence"},
		{"word ID not a number", word("a", "0"), 1, "out of sequence"},
		{"HEAD not a number", word("1", "x"), 1, "bad HEAD"},
		{"HEAD negative", word("1", "0") + word("2", "-1"), 2, "bad HEAD"},
		{"HEAD past the sentence", word("1", "0") + word("2", "3") + "\n", 3, "past the sentence"},
		{"HEAD past the sentence at EOF", word("1", "5") + word("2", "1"), 2, "past the sentence"},
		{"HEAD past, second sentence", word("1", "0") + "\n" + word("1", "2") + "\n", 4, "past the sentence"},
		{"line longer than 1 MiB", "# ok\n" + long, 2, "longer than"},
		{"range not a number", "1-x\tab\t_\t_\t_\t_\t_\t_\t_\t_\n", 1, "multiword"},
		{"range backwards", "2-1\tab\t_\t_\t_\t_\t_\t_\t_\t_\n", 1, "multiword"},
		{"range not at the next word", word("1", "0") + "3-4\tab\t_\t_\t_\t_\t_\t_\t_\t_\n", 2, "multiword"},
		{"range past the sentence", "1-3\tab\t_\t_\t_\t_\t_\t_\t_\t_\n" + word("1", "0") + word("2", "1") + "\n", 4, "runs past"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readAll([]byte(tt.in), "bad.conllu")
			if err == nil {
				t.Fatal("no error")
			}
			prefix := fmt.Sprintf("bad.conllu:%d: ", tt.line)
			if msg := err.Error(); !strings.HasPrefix(msg, prefix) || !strings.Contains(msg, tt.want) {
				if len(msg) > 200 {
					msg = msg[:200] + "..."
				}
				t.Errorf("error %q, want it to begin %q and say %q", msg, prefix, tt.want)
			}
		})
	}
}

// TestReadAcceptsVariants covers inputs that are not errors: CRLF line ends,
// several blank lines between sentences, and no blank line at the end.
func TestReadAcceptsVariants(t *testing.T) {
	in := "# sent_id = a\r\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\r\n\r\n\n\n1\tYo\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No"
	ss, err := readAll([]byte(in), "v.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 2 || ss[0].ID != "a" || ss[0].Token(1).Misc != "_" || ss[1].Token(1).SpaceAfter {
		t.Errorf("read %d sentences: %+v", len(ss), ss)
	}
}

// TestWriteLosesNothing lists what a sentence may hold that the writer
// should keep. The cases marked known are lost by the writer today; they are
// logged rather than failed, and flagged when they start to pass.
func TestWriteLosesNothing(t *testing.T) {
	tests := []struct {
		name, in string
		known    bool // a known loss of the current writer
	}{
		{"comment that begins with text", "# text_en = Hi\n# sent_id = s\n1\tHi\t_\t_\t_\t_\t_\t_\t_\t_\n\n", false},
		{"comment that begins with sent_id", "# sent_idx = 3\n# sent_id = s\n1\tHi\t_\t_\t_\t_\t_\t_\t_\t_\n\n", false},
		{"comments after sent_id and text", "# sent_id = s\n# text = Hi\n# newpar id = p\n1\tHi\t_\t_\t_\t_\t_\t_\t_\t_\n\n", false},
		{"SpaceAfter=No before other MISC attributes",
			"1\tHi\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No|Zzz=1\n2\t!\t_\t_\t_\t_\t_\t_\t_\t_\n\n", false},
		{"SpaceAfter=No on a word inside a range",
			"1-2\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tca\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n2\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n\n", true},
		{"Offset before other MISC attributes",
			"1\tHi\t_\t_\t_\t_\t_\t_\t_\tOffset=0:2|Zzz=1\n\n", true},
		{"other MISC attributes first", "1\tHi\t_\t_\t_\t_\t_\t_\t_\tZzz=1|SpaceAfter=No|Offset=0:2\n2\t!\t_\t_\t_\t_\t_\t_\t_\t_\n\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ss, err := readAll([]byte(tt.in), "w.conllu")
			if err != nil {
				t.Fatal(err)
			}
			got := string(writeAll(t, ss))
			switch {
			case got == tt.in && tt.known:
				t.Errorf("KNOWN LOSS FIXED: the round trip is now exact; drop the known mark")
			case got != tt.in && tt.known:
				t.Logf("KNOWN LOSS: %s", firstDiff(got, tt.in))
			case got != tt.in:
				t.Errorf("round trip changed the input at %s", firstDiff(got, tt.in))
			}
		})
	}
}

// normField is what a value becomes once written and read back: the writer
// writes an empty field as "_" and turns tabs and line breaks into spaces.
func normField(s string) string { return field(s) }

// comparableTokens returns the fields of the words of s that a round trip must
// keep, in the form the writer gives them.
func comparableTokens(s *Sentence) []Token {
	inRange := make(map[int]bool)
	for _, g := range s.Ranges {
		for k := g.From; k <= g.To; k++ {
			inRange[k] = true
		}
	}
	out := make([]Token, len(s.Tokens))
	for i, t := range s.Tokens {
		t.Form, t.Lemma, t.UPOS, t.XPOS = normField(t.Form), normField(t.Lemma), normField(t.UPOS), normField(t.XPOS)
		t.Feats, t.Rel, t.Deps, t.Misc = normField(t.Feats), normField(t.Rel), normField(t.Deps), normField(t.Misc)
		if inRange[t.ID] {
			// SpaceAfter of a word inside a multiword token belongs to the
			// range line; the writer does not repeat it on the word, nor
			// where among the word's attributes it stood.
			t.SpaceAfter, t.spaceAt = true, 0
		}
		out[i] = t
	}
	return out
}

func FuzzReadCoNLLU(f *testing.F) {
	if data, err := os.ReadFile(filepath.Join("testdata", "roundtrip.conllu")); err == nil {
		f.Add(data)
	}
	f.Add([]byte("1\ta\tb\tc\td\te\t0\tf\tg\th\n\n"))
	f.Add([]byte("# x\n1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n2\tb\t_\t_\t_\t_\t1\t_\t_\tOffset=3:1\n1.1\tc\n"))
	f.Add([]byte("1\t\t\t\t\t\t_\t\t\tSpaceAfter=No|\r\n2\t\r\t\t\t\t\t1\t\t\tOffset=01:2|Offset=3:4\n"))
	f.Add([]byte("# text\n\n# sent_id\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewReader(bytes.NewReader(data), "fuzz")
		for range 50 {
			s, err := r.Next()
			if err != nil {
				return
			}
			var b bytes.Buffer
			if err := Write(&b, s); err != nil {
				t.Fatal(err)
			}
			back, err := NewReader(bytes.NewReader(b.Bytes()), "back").Next()
			if errors.Is(err, io.EOF) {
				// A sentence of comments the writer leaves out writes as
				// nothing; there are no words to lose.
				if len(s.Tokens) > 0 {
					t.Fatalf("sentence of %d words written as nothing:\n%q", len(s.Tokens), b.String())
				}
				continue
			}
			if err != nil {
				t.Fatalf("written sentence does not read back: %v\n%q", err, b.String())
			}
			if got, want := comparableTokens(back), comparableTokens(s); !reflect.DeepEqual(got, want) {
				t.Fatalf("tokens changed in the round trip:\n got %+v\nwant %+v\nwritten %q", got, want, b.String())
			}
		}
	})
}
