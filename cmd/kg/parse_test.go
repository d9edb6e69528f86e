package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/loader"

	"github.com/kg-project/kg/internal/loader/input"
	"github.com/kg-project/kg/internal/loader/syntax"
	"github.com/kg-project/kg/internal/loader/text"
)

func TestParseFlags(t *testing.T) {
	t.Setenv("KG_DICT", "")
	tests := []struct {
		name    string
		args    []string
		want    parseOptions
		wantErr string // part of a usage error; "" for none
	}{
		{name: "defaults", args: nil,
			want: parseOptions{Input: "text", MaxSize: 50 << 20}},
		{name: "paths", args: []string{"a.txt", "dir"},
			want: parseOptions{Input: "text", Paths: []string{"a.txt", "dir"}, MaxSize: 50 << 20}},
		{name: "stdin", args: []string{"-"},
			want: parseOptions{Input: "text", Paths: []string{"-"}, MaxSize: 50 << 20}},
		{name: "conllu", args: []string{"--input", "conllu", "gold.conllu"},
			want: parseOptions{Input: "conllu", Paths: []string{"gold.conllu"}, MaxSize: 50 << 20}},
		{name: "dict and size", args: []string{"--dict", "x.yaml", "--max-size", "1MB", "a.txt"},
			want: parseOptions{Input: "text", Paths: []string{"a.txt"}, Dicts: []string{"x.yaml"}, MaxSize: 1 << 20}},
		{name: "bad input", args: []string{"--input", "xml"}, wantErr: "--input"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseArgs(t, newCmdParse, tt.args...)
			if tt.wantErr != "" {
				var fe *flagError
				if !errors.As(err, &fe) || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want a usage error about %s", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Input != tt.want.Input || got.MaxSize != tt.want.MaxSize ||
				strings.Join(got.Paths, ",") != strings.Join(tt.want.Paths, ",") ||
				strings.Join(got.Dicts, ",") != strings.Join(tt.want.Dicts, ",") {
				t.Errorf("options = %+v, want %+v", *got, tt.want)
			}
		})
	}
}

func TestParseUsageErrorsExit2(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"parse", "--input", "xml", "a.txt"}, `unknown --input "xml"`},
		{[]string{"parse", "--max-size", "lots", "a.txt"}, `invalid argument "lots" for "--max-size" flag: want a size such as 50MB`},
	} {
		code, stdout, stderr := runKG(t, "", tt.args...)
		if code != 2 || stdout != "" || !strings.Contains(stderr, tt.want) || !strings.Contains(stderr, "kg parse --help") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", tt.args, code, stdout, stderr)
		}
	}
}

// readCoNLLU reads every sentence of s, failing the test on malformed
// output.
func readCoNLLU(t *testing.T, s string) []*syntax.Sentence {
	t.Helper()
	r := syntax.NewReader(strings.NewReader(s), "output")
	var out []*syntax.Sentence
	for {
		sent, err := r.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("output is not CoNLL-U: %v\n%s", err, s)
		}
		out = append(out, sent)
	}
}

// checkAnalyzed fails unless every word of s has tags, a lemma and a
// relation, and the heads form one tree.
func checkAnalyzed(t *testing.T, s *syntax.Sentence) {
	t.Helper()
	if s.Len() == 0 {
		t.Errorf("sentence %s has no words", s.ID)
	}
	if msg := s.CheckTree(); msg != "" {
		t.Errorf("sentence %s is not a tree: %s", s.ID, msg)
	}
	for _, w := range s.Tokens {
		if w.UPOS == "_" || w.XPOS == "_" || w.Lemma == "_" && w.Form != "_" || w.Rel == "_" {
			t.Errorf("sentence %s, word %d %q not analysed: %+v", s.ID, w.ID, w.Form, w)
		}
		if (w.Head == 0) != (w.Rel == "root") {
			t.Errorf("sentence %s, word %d: head %d with relation %s", s.ID, w.ID, w.Head, w.Rel)
		}
	}
}

// cleanedText is the text kg load would store for a document.
func cleanedText(t *testing.T, in input.Input) string {
	t.Helper()
	x, _, err := newExtractor(nil, loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := x.Prepare(in)
	if err != nil {
		t.Fatal(err)
	}
	return doc.Text
}

// checkOffsets fails unless the document's sentences are those of the
// cleaned text, in order, and every word's offsets point at its form there.
func checkOffsets(t *testing.T, doc string, sents []*syntax.Sentence) {
	t.Helper()
	want := text.Sentences(doc)
	if len(want) != len(sents) {
		t.Fatalf("%d sentences, want %d", len(sents), len(want))
	}
	for i, s := range sents {
		if s.Text != want[i].Text {
			t.Errorf("sentence %d text = %q, want %q", i+1, s.Text, want[i].Text)
		}
		covered := 0
		for _, w := range s.Tokens {
			if w.Start < 0 {
				continue // a word inside a multiword token
			}
			covered++
			if w.Start < want[i].Start || w.End > want[i].End || doc[w.Start:w.End] != w.Form {
				t.Errorf("sentence %d, word %q: Offset=%d:%d is outside the sentence or points at another string", i+1, w.Form, w.Start, w.End)
			}
		}
		if covered == 0 {
			t.Errorf("sentence %d: no word has offsets", i+1)
		}
	}
}

func TestParseText(t *testing.T) {
	t.Setenv("KG_DICT", "")
	dir := t.TempDir()
	article := "Pakistan's army chief didn't visit Moscow in 2014.\n\n" +
		"\"We won't sign the deal,\" the minister said on Tuesday. India criticised Russia (again).\n"
	path := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(path, []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runKG(t, "", "parse", path)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if !strings.HasPrefix(stdout, "# newdoc id = a.txt\n# sent_id = a.txt-1\n# text = Pakistan's army chief didn't visit Moscow in 2014.\n1") {
		t.Errorf("output does not start with the document and sentence header:\n%s", stdout)
	}
	if strings.Count(stdout, "# newdoc id") != 1 {
		t.Errorf("want one newdoc comment:\n%s", stdout)
	}
	sents := readCoNLLU(t, stdout)
	for i, s := range sents {
		if want := "a.txt-" + string(rune('1'+i)); s.ID != want {
			t.Errorf("sentence %d: sent_id %q, want %q", i+1, s.ID, want)
		}
		checkAnalyzed(t, s)
	}
	checkOffsets(t, cleanedText(t, input.Input{Name: "a.txt", Format: "txt", Data: []byte(article)}), sents)
	if len(sents) > 0 && len(sents[0].Ranges) == 0 {
		t.Errorf("didn't should be a multiword token:\n%s", stdout)
	}
}

func TestParseStdin(t *testing.T) {
	t.Setenv("KG_DICT", "")
	tests := []struct {
		name, stdin string
		docs        []string // newdoc ids, in order
		texts       []string // the documents' text as given
	}{
		{name: "plain text", stdin: "Russia and Pakistan signed a defence agreement.\n",
			docs: []string{"stdin"}, texts: []string{"Russia and Pakistan signed a defence agreement.\n"}},
		{name: "json lines",
			stdin: `{"id": "d1", "text": "Japan helped Sri Lanka after the floods."}` + "\n" +
				`{"id": "d2", "body": "Canada condemned North Korea. The launch was the third this year."}` + "\n",
			docs:  []string{"d1", "d2"},
			texts: []string{"Japan helped Sri Lanka after the floods.", "Canada condemned North Korea. The launch was the third this year."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runKG(t, tt.stdin, "parse")
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			sents := readCoNLLU(t, stdout)
			// Split the output back into documents at each newdoc comment.
			var byDoc [][]*syntax.Sentence
			var names []string
			for _, s := range sents {
				if len(s.Comments) > 0 && strings.HasPrefix(s.Comments[0], "newdoc id = ") {
					names = append(names, strings.TrimPrefix(s.Comments[0], "newdoc id = "))
					byDoc = append(byDoc, nil)
				}
				if len(byDoc) == 0 {
					t.Fatalf("sentence %s comes before any newdoc", s.ID)
				}
				byDoc[len(byDoc)-1] = append(byDoc[len(byDoc)-1], s)
				checkAnalyzed(t, s)
			}
			if strings.Join(names, ",") != strings.Join(tt.docs, ",") {
				t.Fatalf("documents %q, want %q", names, tt.docs)
			}
			for i := range byDoc {
				doc := cleanedText(t, input.Input{Name: tt.docs[i], Format: "txt", Data: []byte(tt.texts[i])})
				checkOffsets(t, doc, byDoc[i])
				if got, want := byDoc[i][0].ID, tt.docs[i]+"-1"; got != want {
					t.Errorf("first sent_id %q, want %q", got, want)
				}
			}
		})
	}
}

func TestParseBadDocuments(t *testing.T) {
	t.Setenv("KG_DICT", "")
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	blank := filepath.Join(dir, "blank.txt")
	os.WriteFile(good, []byte("India criticised Russia."), 0o644)
	os.WriteFile(blank, []byte(" \n\n"), 0o644)
	code, stdout, stderr := runKG(t, "", "parse", filepath.Join(dir, "nope.txt"), blank, good)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "nope.txt") || !strings.Contains(lines[1], "blank.txt") {
		t.Errorf("want one line for each bad file, got %q", stderr)
	}
	if sents := readCoNLLU(t, stdout); len(sents) != 1 || sents[0].ID != "good.txt-1" {
		t.Errorf("the good file should still be parsed:\n%s", stdout)
	}
}

// A treebank sentence with a contraction, comments, an empty node and
// analyses that are deliberately wrong, so that the test sees them replaced.
// syntax.Write puts sent_id and text after the other comments, so they come
// last here for the lines to compare one to one.
const goldCoNLLU = `# newdoc id = weblog-1
# translit = unchanged
# sent_id = weblog-1-0001
# text = I don't know.
1	I	x	X	XX	Case=Nom|Number=Sing	3	dep	3:dep	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	x	X	XX	Mood=Ind	4	dep	4:dep	Gloss=do
3	n't	x	X	XX	_	0	root	0:root	_
3.1	know	know	VERB	VB	_	_	_	3:conj	_
4	know	x	X	XX	VerbForm=Inf	3	dep	3:dep	SpaceAfter=No
5	.	x	X	XX	_	4	dep	4:dep	_

# sent_id = weblog-1-0002
# text = Thanks
1	Thanks	_	_	_	_	_	_	_	_

`

func TestParseCoNLLURoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gold.conllu")
	if err := os.WriteFile(path, []byte(goldCoNLLU), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"parse", "--input", "conllu", path}, {"parse", "--input", "conllu"}} {
		t.Run(strings.Join(args[1:], " "), func(t *testing.T) {
			code, stdout, stderr := runKG(t, goldCoNLLU, args...)
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			in := strings.Split(goldCoNLLU, "\n")
			out := strings.Split(stdout, "\n")
			if len(out) != len(in) {
				t.Fatalf("got %d lines, want %d:\n%s", len(out), len(in), stdout)
			}
			for i := range in {
				switch a, b := in[i], out[i]; {
				case a == "" || strings.HasPrefix(a, "#") || strings.Contains(strings.SplitN(a, "\t", 2)[0], "-") ||
					strings.Contains(strings.SplitN(a, "\t", 2)[0], "."):
					// Comments, sentence breaks, multiword tokens and empty
					// nodes are copied as they were.
					if a != b {
						t.Errorf("line %d = %q, want %q", i+1, b, a)
					}
				default:
					gf, pf := strings.Split(a, "\t"), strings.Split(b, "\t")
					if len(pf) != 10 {
						t.Fatalf("line %d: %q", i+1, b)
					}
					if gf[0] != pf[0] || gf[1] != pf[1] || gf[5] != pf[5] || gf[9] != pf[9] {
						t.Errorf("line %d: ID, FORM, FEATS and MISC should be kept: %q from %q", i+1, b, a)
					}
					if pf[8] != "_" {
						t.Errorf("line %d: DEPS = %q, want _", i+1, pf[8])
					}
					if pf[3] == "X" || pf[4] == "XX" || pf[2] == "x" || pf[3] == "_" || pf[7] == "_" {
						t.Errorf("line %d: the analysis was not replaced: %q", i+1, b)
					}
				}
			}
			for _, s := range readCoNLLU(t, stdout) {
				if msg := s.CheckTree(); msg != "" {
					t.Errorf("sentence %s is not a tree: %s", s.ID, msg)
				}
			}
		})
	}
}

func TestParseCoNLLUErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.conllu")
	good := filepath.Join(dir, "good.conllu")
	os.WriteFile(bad, []byte("# sent_id = 1\n1\tHello\t_\t_\t_\t_\t0\troot\t_\t_\n2\tthere\t_\t_\t_\n"), 0o644)
	os.WriteFile(good, []byte("1\tHello\t_\t_\t_\t_\t_\t_\t_\t_\n\n"), 0o644)
	tests := []struct {
		name     string
		args     []string
		stdin    string
		wantErr  string // the whole of stderr
		wantSent int    // sentences still written
	}{
		{name: "short line", args: []string{bad, good},
			wantErr: "kg: " + bad + ":3: want 10 tab-separated fields, got 5\n", wantSent: 1},
		{name: "stdin", args: []string{"-"}, stdin: "1\tHi\t_\t_\t_\t_\t7\t_\t_\t_\n",
			wantErr: "kg: stdin:1: word 1: HEAD 7 is past the sentence's 1 words\n"},
		{name: "folder", args: []string{dir},
			wantErr: "kg: " + dir + ": is a folder; --input conllu reads files\n"},
		{name: "missing file", args: []string{filepath.Join(dir, "nope.conllu"), good},
			wantErr: "kg: " + filepath.Join(dir, "nope.conllu") + ": no such file or directory\n", wantSent: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runKG(t, tt.stdin, append([]string{"parse", "--input", "conllu"}, tt.args...)...)
			if code != 1 || stderr != tt.wantErr {
				t.Errorf("exit %d, stderr %q; want 1, %q", code, stderr, tt.wantErr)
			}
			if n := len(readCoNLLU(t, stdout)); n != tt.wantSent {
				t.Errorf("%d sentences written, want %d:\n%s", n, tt.wantSent, stdout)
			}
		})
	}
}

// TestParseGolden pins the model's output on a few news sentences. The
// model is retrained now and then; go test ./cmd/kg -run ParseGolden -update
// then rewrites the golden file, and its diff shows what changed.
func TestParseGolden(t *testing.T) {
	t.Setenv("KG_DICT", "")
	code, stdout, stderr := runKG(t, "", "parse", filepath.Join("testdata", "parse", "news.txt"))
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	checkGolden(t, filepath.Join("parse", "news.golden"), stdout)
}
