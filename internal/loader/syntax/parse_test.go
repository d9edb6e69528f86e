package syntax

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite testdata/news.golden from what the embedded model gives now")

// Floors of the embedded model's scores on the EWT development set, in per
// cent of words (gold tokenisation, punctuation included), for the beam
// parser and the fast one. They sit a little under what the committed model
// scores, so that a retrained or damaged model that does worse fails
// TestEvaluateDev. (The targets for the test set, UPOS 95.0, UAS 87.0 and
// LAS 84.0, are higher than the model reaches; BENCHMARKS.md gives both.)
const (
	minUPOS    = 95.0
	minUAS     = 86.2
	minLAS     = 83.2
	minFastUAS = 85.1
	minFastLAS = 81.9
	// The ensemble (Ensemble: both beam parsers and the fast one), which
	// kg parse uses.
	minEnsembleUAS = 86.6
	minEnsembleLAS = 83.6
)

func loadDefault(tb testing.TB) *Model {
	tb.Helper()
	m, err := Default()
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// checkParsed fails unless s, parsed, kept its words and is one tree with
// every word tagged and labelled.
func checkParsed(t *testing.T, s *Sentence, forms []string) {
	t.Helper()
	if len(s.Tokens) != len(forms) {
		t.Fatalf("Parse changed the number of words from %d to %d", len(forms), len(s.Tokens))
	}
	if msg := s.CheckTree(); msg != "" {
		t.Fatalf("CheckTree() = %q for %q", msg, forms)
	}
	for i, tok := range s.Tokens {
		if tok.Form != forms[i] || tok.ID != i+1 {
			t.Fatalf("word %d changed: ID %d, Form %q, want %q", i+1, tok.ID, tok.Form, forms[i])
		}
		if tok.Rel == "" || tok.UPOS == "" {
			t.Fatalf("word %d %q: UPOS %q, Rel %q", i+1, tok.Form, tok.UPOS, tok.Rel)
		}
		if (tok.Head == 0) != (tok.Rel == "root") {
			t.Fatalf("word %d %q: HEAD %d with relation %q", i+1, tok.Form, tok.Head, tok.Rel)
		}
	}
}

// maxFuzzWords bounds the sentences FuzzParse builds, to keep each run fast.
const maxFuzzWords = 150

func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"",
		" ",
		".",
		"! ? , ;",
		"Pakistan and Russia signed a deal in Moscow on Tuesday.",
		"I don't know what they'll do, can't say.",
		"the the the the the the the the",
		"( ( ( ) ) ) \" ' `` ''",
		"\xff\xfe invalid \x80 UTF-8",
		"a\tb\nc\r\nd",
		strings.Repeat("word ", 400),
		strings.Repeat("- ", 50),
		"http://example.com/x?y=1 mail@example.com :-) 3.5% $1,000",
	} {
		f.Add(seed)
	}
	m := loadDefault(f)
	fast := m.Fast()
	f.Fuzz(func(t *testing.T, in string) {
		// Words as given: split on spaces.
		var forms []string
		for _, w := range strings.Split(in, " ") {
			if w != "" && len(forms) < maxFuzzWords {
				forms = append(forms, w)
			}
		}
		s := &Sentence{}
		for i, w := range forms {
			s.Tokens = append(s.Tokens, Token{ID: i + 1, Form: w, Head: -1, Misc: "_", Start: -1, End: -1, SpaceAfter: true})
		}
		m.Parse(s)
		checkParsed(t, s, forms)
		fast.Parse(s)
		checkParsed(t, s, forms)

		// Words as the tokeniser cuts them.
		s = Tokenize(in, 0)
		if len(s.Tokens) > maxFuzzWords {
			s.Tokens, s.Ranges = s.Tokens[:maxFuzzWords], nil
		}
		forms = forms[:0]
		for _, tok := range s.Tokens {
			forms = append(forms, tok.Form)
		}
		m.Parse(s)
		checkParsed(t, s, forms)
	})
}

// TestParseGolden parses sentences of the reference corpus (one a line in
// testdata/news.txt, copied verbatim from the articles) and compares the
// CoNLL-U with testdata/news.golden. The golden file records what the
// embedded model does, not what is right: after retraining, look over the
// differences and regenerate it with
//
//	go test ./internal/loader/syntax -run Golden -update
func TestParseGolden(t *testing.T) {
	m := loadDefault(t)
	text, err := os.ReadFile(filepath.Join("testdata", "news.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	n := 0
	for _, line := range strings.Split(string(text), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		n++
		s := Tokenize(line, 0)
		s.ID = fmt.Sprintf("news-%d", n)
		m.Parse(s)
		if msg := s.CheckTree(); msg != "" {
			t.Errorf("news-%d: CheckTree() = %q", n, msg)
		}
		if err := Write(&b, s); err != nil {
			t.Fatal(err)
		}
	}
	golden := filepath.Join("testdata", "news.golden")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d sentences)", golden, n)
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (create it with -update)", err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("the analyses differ from %s at %s\nIf the model changed on purpose, check the differences and run "+
			"go test ./internal/loader/syntax -run Golden -update", golden, firstDiff(got, string(want)))
	}
	// The golden file itself must read back as trees.
	ss, err := readAll(want, golden)
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != n {
		t.Errorf("%s holds %d sentences, news.txt %d", golden, len(ss), n)
	}
}

// TestEvaluateDev scores the embedded model on the EWT development set.
func TestEvaluateDev(t *testing.T) {
	gold, err := ReadFile(filepath.Join(udDir(t), "en_ewt-ud-dev.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	m := loadDefault(t)
	sc := m.Evaluate(gold)
	t.Logf("EWT dev, %d words, beam %d: UPOS %.2f  XPOS %.2f  lemma %.2f  UAS %.2f  LAS %.2f",
		sc.Words(), m.Beam(), sc.UPOSAcc(), sc.XPOSAcc(), sc.LemmaAcc(), sc.UASAcc(), sc.LAS())
	if sc.Words() < 20000 {
		t.Errorf("only %d words scored", sc.Words())
	}
	fast := m.Fast()
	if fast == m {
		t.Fatal("the embedded model has no fast parser")
	}
	fsc := fast.Evaluate(gold)
	t.Logf("EWT dev, fast parser: UAS %.2f  LAS %.2f", fsc.UASAcc(), fsc.LAS())
	ens, err := Ensemble()
	if err != nil {
		t.Fatal(err)
	}
	if ens.Parsers() < 2 {
		t.Fatalf("the ensemble has %d beam parser(s)", ens.Parsers())
	}
	esc := ens.Evaluate(gold)
	t.Logf("EWT dev, ensemble: UAS %.2f  LAS %.2f", esc.UASAcc(), esc.LAS())
	for _, c := range []struct {
		name       string
		got, floor float64
	}{
		{"UPOS", sc.UPOSAcc(), minUPOS},
		{"UAS", sc.UASAcc(), minUAS},
		{"LAS", sc.LAS(), minLAS},
		{"fast UAS", fsc.UASAcc(), minFastUAS},
		{"fast LAS", fsc.LAS(), minFastLAS},
		{"ensemble UAS", esc.UASAcc(), minEnsembleUAS},
		{"ensemble LAS", esc.LAS(), minEnsembleLAS},
	} {
		if c.got < c.floor {
			t.Errorf("%s %.2f is below the floor %.2f", c.name, c.got, c.floor)
		}
	}
}

// zstdStored wraps data in a zstd frame of raw (uncompressed) blocks, which
// every zstd decoder reads: enough to hand ReadModel a payload of our own
// without a compressor.
func zstdStored(data []byte) []byte {
	out := []byte{0x28, 0xb5, 0x2f, 0xfd} // frame magic
	// Frame header: single segment, 4-byte content size, no checksum.
	out = append(out, 0xa0)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(data)))
	const maxBlock = 128 << 10
	for first := true; first || len(data) > 0; first = false {
		n := min(len(data), maxBlock)
		last := uint32(0)
		if n == len(data) {
			last = 1
		}
		h := last | uint32(n)<<3 // block type 0: raw
		out = append(out, byte(h), byte(h>>8), byte(h>>16))
		out = append(out, data[:n]...)
		data = data[n:]
	}
	return out
}

// miniModel describes a tiny model payload, written field by field in the
// layout modelio.go reads, so that single fields can be set to bad values.
// The layout is copied from (*Model).Write: when the file format changes,
// payload must change with it (TestReadModelMini says so first).
type miniModel struct {
	parsers uint64   // how many parser sections the count says
	labels  []string // the parser's labels
	root    uint64   // index of "root" in labels, as written
	punct   uint64   // index of "punct" plus one, as written
	trailer []byte   // bytes after the model
}

func goodMini() miniModel {
	return miniModel{parsers: 1, labels: []string{"root", "punct", "nsubj"}, root: 0, punct: 2}
}

func (mm miniModel) payload() []byte {
	b := []byte(modelMagic)
	u := func(v uint64) { b = binary.AppendUvarint(b, v) }
	str := func(s string) { u(uint64(len(s))); b = append(b, s...) }
	strs := func(ss ...string) {
		u(uint64(len(ss)))
		for _, s := range ss {
			str(s)
		}
	}
	// table: class count, scale, then one feature with its (class, weight)
	// pairs, classes delta-coded.
	table := func(nclass uint64, key uint64, pairs ...uint64) {
		u(nclass)
		u(uint64(math.Float32bits(0.5)))
		u(0) // weights not shifted
		u(1)
		u(key)
		u(uint64(len(pairs) / 2))
		prev := uint64(0)
		for i := 0; i < len(pairs); i += 2 {
			u(pairs[i] - prev)
			prev = pairs[i]
			u(zigzag(int64(int16(pairs[i+1]))))
		}
	}
	// Tagger: two classes, one sure word, one ambiguous word, weights.
	strs("NOUN", "PUNCT")
	strs("NNS", ".")
	u(1)
	str(".")
	u(1)
	u(1)
	str("dogs")
	u(3)
	table(2, 12345, 0, 7, 1, 3)
	// Lemmatiser: one known form, one suffix rule.
	u(1)
	str("dogs\x00NNS")
	str("dog")
	u(1)
	str("NNS\x00s")
	u(1)
	str("")
	// Parsers.
	u(mm.parsers)
	u(0) // no fast parser
	for range min(mm.parsers, 1) {
		u(0) // left to right
		u(1) // beam width: greedy
		strs(mm.labels...)
		u(mm.root)
		u(mm.punct)
		table(uint64(actFirstArc+2*len(mm.labels)), 777, 0, 5, 3, 9)
	}
	return append(b, mm.trailer...)
}

// tryReadModel reads a model from data and, if one comes back, parses a
// sentence with it. It reports a panic or a hang as a failure message.
func tryReadModel(data []byte) (m *Model, err error, failure string) {
	type result struct {
		m       *Model
		err     error
		failure string
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- result{failure: fmt.Sprintf("panic: %v\n%s", p, debug.Stack())}
			}
		}()
		m, err := ReadModel(bytes.NewReader(data))
		if m != nil {
			s := Tokenize("The dogs barked at the postman.", 0)
			m.Parse(s)
			if msg := s.CheckTree(); msg != "" {
				done <- result{failure: "the model read parses to no tree: " + msg}
				return
			}
		}
		done <- result{m: m, err: err}
	}()
	select {
	case r := <-done:
		return r.m, r.err, r.failure
	case <-time.After(time.Minute):
		return nil, nil, "ReadModel has not returned after a minute"
	}
}

func TestReadModelDamaged(t *testing.T) {
	data := embeddedModel
	n := len(data)
	if n < 1000 {
		t.Fatalf("the embedded model is only %d bytes", n)
	}
	for _, cut := range []int{0, 1, 3, 4, 5, 8, 16, 100, 4096, n / 100, n / 10, n / 3, n / 2, n - 1000, n - 4, n - 1} {
		_, err, failure := tryReadModel(data[:cut])
		if failure != "" {
			t.Errorf("model cut at byte %d of %d: %s", cut, n, failure)
		} else if err == nil {
			t.Errorf("model cut at byte %d of %d read without error", cut, n)
		}
	}
	for _, at := range []int{0, 4, 6, 12, 100, n / 4, n / 2, n - 100, n - 2} {
		flipped := bytes.Clone(data)
		flipped[at] ^= 0xff
		if _, _, failure := tryReadModel(flipped); failure != "" {
			t.Errorf("model with byte %d flipped: %s", at, failure)
		}
	}
	for _, garbage := range [][]byte{[]byte("hello"), nil, zstdStored([]byte("hello")), zstdStored([]byte(modelMagic))} {
		m, err, failure := tryReadModel(garbage)
		if failure != "" || err == nil || m != nil {
			t.Errorf("ReadModel(%q) = %v, %v %s; want an error", garbage, m, err, failure)
		}
	}
}

// TestReadModelMini reads hand-made payloads: the good one, ones with a
// field set wrong, every truncation, and every byte flipped. None may panic
// or hang; the broken ones must give an error.
func TestReadModelMini(t *testing.T) {
	m, err, failure := tryReadModel(zstdStored(goodMini().payload()))
	if failure != "" || err != nil || m == nil {
		t.Fatalf("the good mini model does not read (%v %s): has the layout of (*Model).Write changed? "+
			"Make miniModel.payload follow it", err, failure)
	}
	if m.Parsers() != 1 || m.lemmas.Lemma("dogs", "NOUN", "NNS") != "dog" || m.lemmas.Lemma("cats", "NOUN", "NNS") != "cat" {
		t.Errorf("the good mini model reads wrong: %d parsers, lemmas %q %q", m.Parsers(),
			m.lemmas.Lemma("dogs", "NOUN", "NNS"), m.lemmas.Lemma("cats", "NOUN", "NNS"))
	}

	bad := []struct {
		name string
		edit func(*miniModel)
	}{
		{"no parser", func(mm *miniModel) { mm.parsers = 0 }},
		{"no labels", func(mm *miniModel) { mm.labels, mm.root, mm.punct = nil, 0, 0 }},
		{"root not named root", func(mm *miniModel) { mm.root = 1 }},
		{"root past the labels", func(mm *miniModel) { mm.root = 3 }},
		{"root index 2^63", func(mm *miniModel) { mm.root = 1 << 63 }},
		{"root index 2^64-1", func(mm *miniModel) { mm.root = math.MaxUint64 }},
		{"punct past the labels", func(mm *miniModel) { mm.punct = 4 }},
		{"punct index 2^63", func(mm *miniModel) { mm.punct = 1 << 63 }},
		{"punct index 2^63+1", func(mm *miniModel) { mm.punct = 1<<63 + 1 }},
		{"bytes after the model", func(mm *miniModel) { mm.trailer = []byte{0} }},
		{"two parsers counted, one there", func(mm *miniModel) { mm.parsers = 2 }},
	}
	for _, tt := range bad {
		mm := goodMini()
		tt.edit(&mm)
		m, err, failure := tryReadModel(zstdStored(mm.payload()))
		if failure != "" {
			t.Errorf("%s: %s", tt.name, firstLines(failure, 12))
		} else if err == nil || m != nil {
			t.Errorf("%s: read without error", tt.name)
		}
	}

	good := goodMini().payload()
	for cut := range len(good) {
		if _, err, failure := tryReadModel(zstdStored(good[:cut])); failure != "" {
			t.Errorf("payload cut at byte %d: %s", cut, firstLines(failure, 12))
		} else if err == nil {
			t.Errorf("payload cut at byte %d read without error", cut)
		}
	}
	panics := 0
	for at := range good {
		for _, mask := range []byte{0x01, 0x02, 0x10, 0x80, 0xff} {
			p := bytes.Clone(good)
			p[at] ^= mask
			if _, _, failure := tryReadModel(zstdStored(p)); failure != "" {
				if panics++; panics <= 3 {
					t.Errorf("payload byte %d ^ %#x: %s", at, mask, firstLines(failure, 12))
				}
			}
		}
	}
	if panics > 3 {
		t.Errorf("... %d flipped payloads failed in all", panics)
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

// TestLemmas asks the embedded model's lemmatiser for common words. Cases
// marked known fail with the current model; they are logged, not failed,
// and flagged when they start to pass.
func TestLemmas(t *testing.T) {
	m := loadDefault(t)
	tests := []struct {
		form, upos, xpos, want string
		known                  bool // a known failure of the current model
	}{
		{"went", "VERB", "VBD", "go", false},
		{"countries", "NOUN", "NNS", "country", false},
		{"talks", "NOUN", "NNS", "talk", false},
		{"Pakistan", "PROPN", "NNP", "Pakistan", false},
		{"was", "AUX", "VBD", "be", false},
		{"n't", "PART", "RB", "not", false},
		{"better", "ADJ", "JJR", "good", false},
		{"is", "AUX", "VBZ", "be", false},
		{"had", "VERB", "VBD", "have", false},
		{"children", "NOUN", "NNS", "child", false},
		{"visited", "VERB", "VBD", "visit", false},
		{"relations", "NOUN", "NNS", "relation", false},
		{"Russians", "PROPN", "NNPS", "Russian", false},
		{"Moscow", "PROPN", "NNP", "Moscow", false},
		{"1980", "NUM", "CD", "1980", false},
		{".", "PUNCT", ".", ".", false},
		{"The", "DET", "DT", "the", false},
		{"He", "PRON", "PRP", "he", false},
		{"denuclearised", "VERB", "VBN", "denuclearise", false}, // unseen: by suffix rule
		{"outflanking", "VERB", "VBG", "outflank", false},
		// Unseen forms whose likeliest suffix rule would give a non-word
		// ("bombe", "smel", "shel"): the rewrite that gives a known word wins.
		{"bombed", "VERB", "VBN", "bomb", false},
		{"smelled", "VERB", "VBD", "smell", false},
		{"shelled", "VERB", "VBD", "shell", false},
		{"provoked", "VERB", "VBD", "provoke", false},
	}
	for _, tt := range tests {
		got := m.lemmas.Lemma(tt.form, tt.upos, tt.xpos)
		switch {
		case got == tt.want && tt.known:
			t.Errorf("KNOWN FAILURE FIXED: Lemma(%q, %s, %s) = %q now; drop the known mark", tt.form, tt.upos, tt.xpos, got)
		case got != tt.want && tt.known:
			t.Logf("KNOWN FAILURE: Lemma(%q, %s, %s) = %q, want %q", tt.form, tt.upos, tt.xpos, got, tt.want)
		case got != tt.want:
			t.Errorf("Lemma(%q, %s, %s) = %q, want %q", tt.form, tt.upos, tt.xpos, got, tt.want)
		}
	}
}

// TestParseConcurrent parses from several goroutines at once with one model,
// as kg's pipeline workers do; run with -race it checks that parsing shares
// no state.
func TestParseConcurrent(t *testing.T) {
	m := loadDefault(t)
	texts := []string{
		"Russia and Pakistan signed a defence agreement in Moscow.",
		"India protested to Russia, but Moscow did not reply.",
		"The two armies will hold joint exercises next year.",
	}
	want := make([]string, len(texts))
	for i, text := range texts {
		s := Tokenize(text, 0)
		m.Parse(s)
		want[i] = treeString(s)
	}
	done := make(chan string, 24)
	for g := range 24 {
		go func() {
			i := g % len(texts)
			s := Tokenize(texts[i], 0)
			if g%2 == 0 {
				m.Parse(s)
			} else {
				m.Fast().Parse(s)
				s2 := Tokenize(texts[i], 0)
				m.Parse(s2)
				s = s2
			}
			if got := treeString(s); got != want[i] {
				done <- fmt.Sprintf("goroutine %d: %s, want %s", g, got, want[i])
				return
			}
			done <- ""
		}()
	}
	for range 24 {
		if msg := <-done; msg != "" {
			t.Error(msg)
		}
	}
}

func treeString(s *Sentence) string {
	var b strings.Builder
	for _, tok := range s.Tokens {
		fmt.Fprintf(&b, "%s/%s/%d/%s ", tok.Form, tok.UPOS, tok.Head, tok.Rel)
	}
	return b.String()
}

// TestParseVeryLong parses a "sentence" of 20,000 words, as a page with no
// full stop becomes: it must come out as a tree, in time linear in its
// length (the beam, quadratic, would take minutes).
func TestParseVeryLong(t *testing.T) {
	m := loadDefault(t)
	words := []string{"the", "minister", "said", "that", "Russia", "and", "Pakistan", "would", "hold", "talks", "in", "Moscow", ","}
	var b strings.Builder
	for i := range 20000 {
		b.WriteString(words[i%len(words)])
		b.WriteByte(' ')
	}
	s := Tokenize(b.String(), 0)
	if s.Len() != 20000 {
		t.Fatalf("tokenised into %d words", s.Len())
	}
	start := time.Now()
	m.Parse(s)
	if msg := s.CheckTree(); msg != "" {
		t.Fatal(msg)
	}
	t.Logf("20,000 words parsed in %v", time.Since(start))
}

// TestParseKeeping: words the caller marks keep the tags it gave them,
// the others are tagged as Parse would, and a nil mask is Parse.
func TestParseKeeping(t *testing.T) {
	m := loadDefault(t)
	const text = "Beijing signed cooperation agreements with Pakistan and Sri Lanka."
	plain := Tokenize(text, 0)
	m.Parse(plain)
	same := Tokenize(text, 0)
	m.ParseKeeping(same, nil)
	for i := range plain.Tokens {
		if plain.Tokens[i] != same.Tokens[i] {
			t.Fatalf("word %d: ParseKeeping(nil) %+v, Parse %+v", i+1, same.Tokens[i], plain.Tokens[i])
		}
	}
	for _, c := range []struct{ upos, xpos string }{{"PROPN", "NNP"}, {"X", "FW"}} {
		s := Tokenize(text, 0)
		keep := make([]bool, s.Len())
		keep[0] = true
		s.Tokens[0].UPOS, s.Tokens[0].XPOS = c.upos, c.xpos
		m.ParseKeeping(s, keep)
		checkParsed(t, s, strings.Fields("Beijing signed cooperation agreements with Pakistan and Sri Lanka ."))
		if got := s.Tokens[0]; got.UPOS != c.upos || got.XPOS != c.xpos {
			t.Errorf("kept word tagged %s/%s, want %s/%s", got.UPOS, got.XPOS, c.upos, c.xpos)
		}
		if c.upos == "PROPN" && s.Tokens[1].UPOS != "VERB" {
			t.Errorf("with the name kept, %q is %s, want VERB", s.Tokens[1].Form, s.Tokens[1].UPOS)
		}
	}
}

// TestParseRetagged: tagging, retagging some words and parsing with
// ParseRetagged gives what ParseKeeping gives, word for word.
func TestParseRetagged(t *testing.T) {
	m := loadDefault(t)
	for _, text := range []string{
		"Beijing signed cooperation agreements with Pakistan and Sri Lanka.",
		"Yesterday the minister said Turkey will launch a ground operation, and Ankara agreed.",
		"Soviet troops occupied Czechoslovakia in August 1968 after talks failed.",
	} {
		for first := 0; first < 4; first++ {
			a, b := Tokenize(text, 0), Tokenize(text, 0)
			m.Tag(b)
			keep := make([]bool, a.Len())
			for i := first; i < a.Len(); i += 3 {
				keep[i] = true
				a.Tokens[i].UPOS, a.Tokens[i].XPOS = "PROPN", "NNP"
				b.Tokens[i].UPOS, b.Tokens[i].XPOS = "PROPN", "NNP"
			}
			m.ParseKeeping(a, keep)
			m.ParseRetagged(b, keep)
			for i := range a.Tokens {
				if a.Tokens[i] != b.Tokens[i] {
					t.Fatalf("%q, kept from %d: word %d %+v, ParseKeeping %+v", text, first, i+1, b.Tokens[i], a.Tokens[i])
				}
			}
		}
	}
}

// TestParseTagged: tagging then parsing the tagged sentence is Parse.
func TestParseTagged(t *testing.T) {
	m := loadDefault(t)
	for _, text := range []string{"Beijing signed cooperation agreements with Pakistan and Sri Lanka.", "Officials said the talks would resume on Monday."} {
		a := Tokenize(text, 0)
		m.Parse(a)
		b := Tokenize(text, 0)
		m.Tag(b)
		m.ParseTagged(b)
		for i := range a.Tokens {
			if a.Tokens[i] != b.Tokens[i] {
				t.Errorf("%q word %d: Tag+ParseTagged %+v, Parse %+v", text, i+1, b.Tokens[i], a.Tokens[i])
			}
		}
	}
}

// TestParsersFile writes the ensemble with WriteFiles, reads it back with
// ReadModelFiles and checks that it parses a sample of dev as the embedded
// ensemble does; then that a damaged parsers file gives an error, never a
// panic.
func TestParsersFile(t *testing.T) {
	ens, err := Ensemble()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "m.kgm")
	if err := ens.WriteFiles(path); err != nil {
		t.Fatal(err)
	}
	back, err := ReadModelFiles(path)
	if err != nil {
		t.Fatal(err)
	}
	if back.Parsers() != ens.Parsers() {
		t.Fatalf("read back %d parsers, wrote %d", back.Parsers(), ens.Parsers())
	}
	for _, text := range []string{
		"Russia and Pakistan held joint military exercises near the border on Friday.",
		"The minister, who arrived late, said the talks would resume in Geneva next week.",
	} {
		a, b := Tokenize(text, 0), Tokenize(text, 0)
		ens.Parse(a)
		back.Parse(b)
		for i := range a.Tokens {
			if a.Tokens[i].Head != b.Tokens[i].Head || a.Tokens[i].Rel != b.Tokens[i].Rel {
				t.Fatalf("%q: word %d parsed %d/%s by the ensemble read back, %d/%s by the embedded one",
					text, i+1, b.Tokens[i].Head, b.Tokens[i].Rel, a.Tokens[i].Head, a.Tokens[i].Rel)
			}
		}
	}
	single, err := ReadModelFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if single.Parsers() != 1 {
		t.Errorf("the base file holds %d parsers, want 1", single.Parsers())
	}

	data := embeddedExtra
	n := len(data)
	for _, cut := range []int{0, 1, 4, 16, n / 10, n / 2, n - 4, n - 1} {
		if _, err := ReadParsers(bytes.NewReader(data[:cut])); err == nil {
			t.Errorf("parsers file cut at byte %d of %d read without error", cut, n)
		}
	}
	for _, garbage := range [][]byte{nil, []byte("hello"), zstdStored([]byte(parsersMagic)), zstdStored([]byte(modelMagic))} {
		if ps, err := ReadParsers(bytes.NewReader(garbage)); err == nil || ps != nil {
			t.Errorf("ReadParsers(%q) = %d parsers, %v; want an error", garbage, len(ps), err)
		}
	}
	if _, err := ReadModel(bytes.NewReader(data)); err == nil {
		t.Error("a parsers file read as a model without error")
	}
}
