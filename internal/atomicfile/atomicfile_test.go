package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	for _, c := range []struct {
		name string
		fn   func(io.Writer) error
		err  error
		want string
	}{
		{"a failed write keeps the old file", func(w io.Writer) error { io.WriteString(w, "half"); return boom }, boom, "old"},
		{"a complete write replaces it", func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }, nil, "new"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if err := Write(path, c.fn); !errors.Is(err, c.err) {
				t.Fatalf("err = %v, want %v", err, c.err)
			}
			if b, _ := os.ReadFile(path); string(b) != c.want {
				t.Errorf("file holds %q, want %q", b, c.want)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("directory holds %d entries, want the file alone", len(entries))
			}
		})
	}
}
