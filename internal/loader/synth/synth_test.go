package synth

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestGenerateRepeatable(t *testing.T) {
	for i := range 50 {
		a, b := Generate(7, i), Generate(7, i)
		if a != b {
			t.Fatalf("article %d differs between two calls", i)
		}
		if c := Generate(8, i); c.Text == a.Text {
			t.Errorf("article %d is the same with another seed", i)
		}
		if !utf8.ValidString(a.Text) || len(a.Text) < 200 || a.Title == "" || len(a.Date) != 10 {
			t.Errorf("article %d: %+v", i, a)
		}
	}
}

// The corpus must exercise what the loader has to cope with.
func TestCorpusVariety(t *testing.T) {
	var all strings.Builder
	for i := range 400 {
		all.WriteString(Generate(1, i).Text)
	}
	text := all.String()
	for _, want := range []string{
		"Recent Posts", "Share this:", "Home | World", // web junk
		"did not condemn", "denied that", "plans to visit", "could impose", // negation, modality
		"signed an agreement", "imposed sanctions", "air strikes", "pledged $", // CAMEO range
		"Kayani", "Kiani", "Lavrov", "Sergei Lavrov", "Rafique", // variants
		"NATO", "Islamabad", "Pakistani", "(Reuters) - ", // IGOs, capitals, demonyms, datelines
	} {
		if !strings.Contains(text, want) {
			t.Errorf("400 articles never contain %q", want)
		}
	}
}

func TestWriteJSONL(t *testing.T) {
	var buf bytes.Buffer
	st, err := WriteJSONL(&buf, Options{Seed: 3, Size: 100 << 10})
	if err != nil {
		t.Fatal(err)
	}
	if st.Bytes != int64(buf.Len()) || st.Bytes < 100<<10 || st.Bytes > 120<<10 {
		t.Errorf("stats %+v for %d bytes", st, buf.Len())
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != st.Articles {
		t.Fatalf("%d lines for %d articles", len(lines), st.Articles)
	}
	var a Article
	if err := json.Unmarshal([]byte(lines[4]), &a); err != nil || a != Generate(3, 4) {
		t.Errorf("line 5 decodes to %+v, %v", a, err)
	}
}

func TestWriteDir(t *testing.T) {
	dir := t.TempDir()
	st, err := WriteDir(dir, Options{Seed: 3, Size: 60 << 10, HTMLShare: 0.3})
	if err != nil {
		t.Fatal(err)
	}
	txt, _ := filepath.Glob(filepath.Join(dir, "0000", "*.txt"))
	htm, _ := filepath.Glob(filepath.Join(dir, "0000", "*.html"))
	if len(txt)+len(htm) != st.Articles || len(htm) == 0 || len(txt) == 0 {
		t.Errorf("%d txt + %d html files for %d articles", len(txt), len(htm), st.Articles)
	}
	data, err := os.ReadFile(filepath.Join(dir, "0000", "synth-0000000.txt"))
	if err == nil && string(data) != Generate(3, 0).Text {
		t.Error("first file is not article 0")
	}
}
