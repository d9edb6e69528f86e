package input

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// collect walks paths and returns what was read as "source|name|format|data"
// lines and the errors as their messages, both in order.
func collect(t *testing.T, paths []string, opts Options) (docs, errs []string) {
	t.Helper()
	err := Walk(context.Background(), paths, opts, func(in Input) error {
		d := string(in.Data)
		if len(d) > 40 {
			d = d[:40]
		}
		docs = append(docs, fmt.Sprintf("%s|%s|%s|%s", in.Source, in.Name, in.Format, d))
		return nil
	}, func(err error) {
		var ie *Error
		if !errors.As(err, &ie) {
			t.Errorf("error %v is a %T, want *input.Error", err, err)
		}
		errs = append(errs, err.Error())
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	return docs, errs
}

func write(t *testing.T, path string, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestWalkFolder(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "b.txt"), "Russia and Pakistan signed a pact.")
	write(t, filepath.Join(dir, "a.md"), "# Title\n\nText.")
	write(t, filepath.Join(dir, "sub", "c.html"), "<html><body><p>Hello</p></body></html>")
	write(t, filepath.Join(dir, "sub", "d.jsonl"), `{"id":"x1","text":"One."}`+"\n\n"+`{"text":"Two.","title":"T"}`+"\n")
	write(t, filepath.Join(dir, ".hidden.txt"), "secret")
	write(t, filepath.Join(dir, ".git", "e.txt"), "secret")
	write(t, filepath.Join(dir, "image.png"), "\x89PNG\x00\x00")
	write(t, filepath.Join(dir, "notes"), "no extension: skipped inside folders")

	docs, errs := collect(t, []string{dir}, Options{})
	want := []string{
		filepath.Join(dir, "a.md") + "|a.md|md|# Title\n\nText.",
		filepath.Join(dir, "b.txt") + "|b.txt|txt|Russia and Pakistan signed a pact.",
		filepath.Join(dir, "sub", "c.html") + "|c.html|html|<html><body><p>Hello</p></body></html>",
		filepath.Join(dir, "sub", "d.jsonl") + ":1|x1|jsonl|One.",
		filepath.Join(dir, "sub", "d.jsonl") + ":3|d.jsonl:3|jsonl|Two.",
	}
	if strings.Join(docs, "\n") != strings.Join(want, "\n") {
		t.Errorf("docs:\n%s\nwant:\n%s", strings.Join(docs, "\n"), strings.Join(want, "\n"))
	}
	// The files of other kinds are reported as skipped, and only they.
	wantErrs := []string{filepath.Join(dir, "image.png") + ": " + ErrUnsupported.Error(), filepath.Join(dir, "notes") + ": " + ErrUnsupported.Error()}
	if strings.Join(errs, "\n") != strings.Join(wantErrs, "\n") {
		t.Errorf("errors: %q, want %q", errs, wantErrs)
	}
}

func TestWalkExplicitFileSniffed(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, data, format string
	}{
		{"plain", "Just text.\n", "txt"},
		{"page", "<!DOCTYPE html><html><p>x</p></html>", "html"},
		{"lines", `{"text":"a"}` + "\n" + `{"text":"b"}` + "\n", "jsonl"},
		{"brace", "{not json at all}\nSecond line.", "txt"},
		{"angle", "<3 is a heart, not a tag.", "txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, tt.name)
			write(t, p, tt.data)
			docs, errs := collect(t, []string{p}, Options{})
			if len(errs) != 0 || len(docs) == 0 {
				t.Fatalf("docs %q errs %q", docs, errs)
			}
			if got := strings.Split(docs[0], "|")[2]; got != tt.format {
				t.Errorf("format %q, want %q", got, tt.format)
			}
		})
	}
}

func TestWalkBadInputs(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	write(t, good, "Fine.")
	tests := []struct {
		name string
		data string
		opts Options
		want string // error suffix after "path: "
		is   error
	}{
		{"empty.txt", "", Options{}, "empty document", ErrEmpty},
		{"blank.txt", " \n\t\n", Options{}, "empty document", ErrEmpty},
		{"nul.txt", "abc\x00def", Options{}, "binary file, not text", ErrBinary},
		{"ctl.txt", strings.Repeat("\x01\x02\x03a", 100), Options{}, "binary file, not text", ErrBinary},
		{"latin1.txt", "caf\xe9 au lait", Options{}, "invalid UTF-8 at byte 3", ErrInvalidUTF},
		{"big.txt", strings.Repeat("word ", 300), Options{MaxSize: 1000}, "over the size limit: 1.5KB is more than 1000B (raise --max-size)", ErrTooLarge},
		{"empty.jsonl", "\n\n", Options{}, "empty document", ErrEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, tt.name)
			write(t, p, tt.data)
			var got []error
			err := Walk(context.Background(), []string{p, good}, tt.opts, func(Input) error { return nil },
				func(err error) { got = append(got, err) })
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 {
				t.Fatalf("got %d errors %v, want 1", len(got), got)
			}
			if want := p + ": " + tt.want; got[0].Error() != want {
				t.Errorf("error %q, want %q", got[0], want)
			}
			if !errors.Is(got[0], tt.is) {
				t.Errorf("error %v is not %v", got[0], tt.is)
			}
		})
	}
}

func TestWalkPaths(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "docs", "a.txt"), "A.")
	write(t, filepath.Join(dir, "docs", "deep", "b.txt"), "B.")
	if err := os.Symlink(filepath.Join(dir, "docs"), filepath.Join(dir, "docs", "deep", "loop")); err != nil {
		t.Skip("no symlinks:", err)
	}
	if err := os.Symlink(filepath.Join(dir, "nowhere"), filepath.Join(dir, "docs", "dangling.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "docs", "deep"), filepath.Join(dir, "docs", "zalias")); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.txt")
	docs, errs := collect(t, []string{missing, filepath.Join(dir, "docs")}, Options{})
	wantDocs := []string{
		filepath.Join(dir, "docs", "a.txt") + "|a.txt|txt|A.",
		filepath.Join(dir, "docs", "deep", "b.txt") + "|b.txt|txt|B.",
	}
	if strings.Join(docs, "\n") != strings.Join(wantDocs, "\n") {
		t.Errorf("docs:\n%s\nwant:\n%s", strings.Join(docs, "\n"), strings.Join(wantDocs, "\n"))
	}
	real, _ := filepath.EvalSymlinks(filepath.Join(dir, "docs"))
	wantErrs := []string{
		missing + ": no such file or directory",
		filepath.Join(dir, "docs", "dangling.txt") + ": no such file or directory",
		filepath.Join(dir, "docs", "deep", "loop") + ": symlink loop back to " + real + ", skipped",
	}
	if strings.Join(errs, "\n") != strings.Join(wantErrs, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(errs, "\n"), strings.Join(wantErrs, "\n"))
	}
}

func TestWalkUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads files whatever their mode")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "secret.txt")
	write(t, p, "hidden")
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	_, errs := collect(t, []string{p}, Options{})
	if want := p + ": permission denied"; len(errs) != 1 || errs[0] != want {
		t.Errorf("errors %q, want %q", errs, want)
	}
}

func TestWalkJSONLErrors(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "feed.jsonl")
	lines := []string{
		`{"id":"a","text":"Good one.","date":"2012-10-02","url":"http://x/a","title":"A"}`,
		`{"id":"b","text":"Broken`,
		`{"id":7,"body":"Numeric id, body field."}`,
		`["not","an","object"]`,
		`{"id":"c","title":"no text"}`,
		`{"id":"d","text":""}`,
		`{"id":"e","text":42}`,
		`{"id":"f","content":"` + strings.Repeat("x", 300) + `"}`,
		"{\"id\":\"g\",\"text\":\"caf\xe9\"}",
		`{"id":"h","content":"Last good."}`,
	}
	write(t, p, strings.Join(lines, "\r\n"))
	docs, errs := collect(t, []string{p}, Options{MaxSize: 200})
	wantDocs := []string{
		p + ":1|a|jsonl|Good one.",
		p + ":3|7|jsonl|Numeric id, body field.",
		p + ":10|h|jsonl|Last good.",
	}
	if strings.Join(docs, "\n") != strings.Join(wantDocs, "\n") {
		t.Errorf("docs:\n%s\nwant:\n%s", strings.Join(docs, "\n"), strings.Join(wantDocs, "\n"))
	}
	wantErrs := []string{
		p + ":2: invalid JSON: unexpected end of JSON input",
		p + ":4: not a JSON object",
		p + ":5: no text (want a text, body or content field)",
		p + ":6: empty document",
		p + ":7: field text: want a string",
		p + ":8: over the size limit: line is more than 200B (raise --max-size)",
		p + ":9: invalid UTF-8 at byte 21",
	}
	if strings.Join(errs, "\n") != strings.Join(wantErrs, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(errs, "\n"), strings.Join(wantErrs, "\n"))
	}
}

func TestJSONLMetadata(t *testing.T) {
	in, err := ParseRecord([]byte(`{"id":"a","text":"T.","date":"2012-10-02","url":"http://x/a","title":"Head","extra":[1]}`), "f", 1)
	if err != nil {
		t.Fatal(err)
	}
	if in.Name != "a" || in.Title != "Head" || in.Date != "2012-10-02" || in.URL != "http://x/a" || string(in.Data) != "T." {
		t.Errorf("got %+v", in)
	}
}

func TestStdin(t *testing.T) {
	tests := []struct {
		name, data string
		want       []string
	}{
		{"text", "Plain text from a pipe.", []string{"-|stdin|txt|Plain text from a pipe."}},
		{"html", "<html><body>x</body></html>", []string{"-|stdin|html|<html><body>x</body></html>"}},
		{"jsonl", "\n" + `{"text":"One"}` + "\n" + `{"id":"z","text":"Two"}`, []string{"-:2|stdin:2|jsonl|One", "-:3|z|jsonl|Two"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := collect(t, []string{"-", "-"}, Options{Stdin: strings.NewReader(tt.data)})
			if len(errs) != 0 {
				t.Errorf("errors %q", errs)
			}
			if strings.Join(docs, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("docs %q, want %q", docs, tt.want)
			}
		})
	}
}

// A long single line is fine in a text file under the limit; in a JSONL file
// a line over the limit is reported and the next lines still load. Both must
// take about as long as reading the bytes.
func TestLongLines(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("word ", 2<<20) // 10 MB, no newline
	txt := filepath.Join(dir, "long.txt")
	write(t, txt, long)
	jl := filepath.Join(dir, "long.jsonl")
	write(t, jl, `{"text":"`+long+`"}`+"\n"+`{"text":"after"}`+"\n")
	start := time.Now()
	var sizes []int
	var errs []string
	err := Walk(context.Background(), []string{txt, jl}, Options{MaxSize: 11 << 20},
		func(in Input) error { sizes = append(sizes, len(in.Data)); return nil },
		func(err error) { errs = append(errs, err.Error()) })
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(sizes) != fmt.Sprint([]int{len(long), len(long), 5}) || len(errs) != 0 {
		t.Errorf("sizes %v errors %q", sizes, errs)
	}
	errs = nil
	sizes = nil
	err = Walk(context.Background(), []string{jl}, Options{MaxSize: 1 << 20},
		func(in Input) error { sizes = append(sizes, len(in.Data)); return nil },
		func(err error) { errs = append(errs, err.Error()) })
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{jl + ":1: over the size limit: line is more than 1.0MB (raise --max-size)"}; fmt.Sprint(errs) != fmt.Sprint(want) || fmt.Sprint(sizes) != "[5]" {
		t.Errorf("errors %q sizes %v", errs, sizes)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("reading 30 MB of long lines took %v", d)
	}
}

func TestWalkStops(t *testing.T) {
	dir := t.TempDir()
	for i := range 5 {
		write(t, filepath.Join(dir, fmt.Sprintf("%d.txt", i)), "x")
	}
	stop := errors.New("stop")
	n := 0
	err := Walk(context.Background(), []string{dir}, Options{}, func(Input) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	}, func(error) {})
	if err != stop || n != 2 {
		t.Errorf("err %v after %d docs, want stop after 2", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	n = 0
	err = Walk(ctx, []string{dir}, Options{}, func(Input) error {
		n++
		cancel()
		return nil
	}, func(error) {})
	if !errors.Is(err, context.Canceled) || n != 1 {
		t.Errorf("err %v after %d docs, want context.Canceled after 1", err, n)
	}
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		bad  bool
	}{
		{"1000", 1000, false},
		{"50MB", 50 << 20, false},
		{"50mb", 50 << 20, false},
		{"512k", 512 << 10, false},
		{"1.5GiB", 3 << 29, false},
		{" 2 G ", 2 << 30, false},
		{"", 0, true},
		{"ten", 0, true},
		{"-1MB", 0, true},
	}
	for _, tt := range tests {
		got, err := ParseSize(tt.in)
		if (err != nil) != tt.bad || got != tt.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d, bad=%v", tt.in, got, err, tt.want, tt.bad)
		}
	}
}

func FuzzParseRecord(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","text":"x"}`, `{"id":1e3,"body":"y","date":"2012"}`, `{"text":null}`, `[]`, `{`, "",
		`{"content":"\u0000"}`, "{\"text\":\"\xff\"}", `{"id":{"x":1},"text":"t"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		in, err := ParseRecord(line, "f", 1)
		if err == nil && (len(in.Data) == 0 || in.Name == "") {
			t.Errorf("accepted %q as %+v", line, in)
		}
	})
}

func FuzzWalkJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"x"}` + "\n" + `{"text":"y"}`))
	f.Add([]byte("\n\n{\"text\n\r\n"))
	f.Add([]byte("\xef\xbb\xbf{\"text\":\"bom\"}\r\n"))
	f.Add([]byte(strings.Repeat("{\"text\":\"aaaa\"}\n", 20)))
	f.Fuzz(func(t *testing.T, data []byte) {
		n := 0
		err := Walk(context.Background(), []string{"-"}, Options{MaxSize: 64, Stdin: bytes.NewReader(data)},
			func(in Input) error {
				n++
				if len(in.Data) == 0 || int64(len(in.Data)) > 64 {
					t.Errorf("record of %d bytes", len(in.Data))
				}
				return nil
			}, func(err error) {
				if err.Error() == "" {
					t.Error("empty error message")
				}
			})
		if err != nil {
			t.Fatal(err)
		}
		if n > bytes.Count(data, []byte("\n"))+1 {
			t.Errorf("%d records from %d lines", n, bytes.Count(data, []byte("\n"))+1)
		}
	})
}

// endless is an unending stream of one byte, as /dev/zero.
type endless byte

func (e endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(e)
	}
	return len(p), nil
}

// TestJSONLEndlessLine: a line that never ends is skipped only so far,
// then reading stops with an error; a cancelled context stops it too.
func TestJSONLEndlessLine(t *testing.T) {
	defer func(n int) { maxSkip = n }(maxSkip)
	maxSkip = 8 << 20
	for _, cancelled := range []bool{false, true} {
		ctx, cancel := context.WithCancel(context.Background())
		if cancelled {
			maxSkip = 1 << 40
			go func() { time.Sleep(50 * time.Millisecond); cancel() }()
		}
		var errs []error
		done := make(chan struct{})
		go func() {
			defer close(done)
			readJSONL(ctx, bufio.NewReader(endless(0)), "zero", "zero", 1<<20, func(Input) error { return nil }, func(err error) { errs = append(errs, err) })
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("cancelled %v: still reading after 10 s", cancelled)
		}
		if len(errs) == 0 {
			t.Errorf("cancelled %v: no error", cancelled)
		}
		cancel()
	}
}

// TestOtherDocumentKinds: a PDF (even an uncompressed one, which is all
// ASCII), a .docx and RTF are refused by name, with the tool to convert
// them.
func TestOtherDocumentKinds(t *testing.T) {
	for _, c := range []struct{ data, want string }{
		{"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nBT (Hello) Tj ET\n", "pdftotext"},
		{"PK\x03\x04\x14\x00\x06\x00word/document.xml", "pandoc"},
		{"{\\rtf1\\ansi Hello}", "pandoc"},
	} {
		err := checkText([]byte(c.data))
		if !errors.Is(err, ErrBinary) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want ErrBinary naming %s", c.data[:8], err, c.want)
		}
	}
}

// TestTriplesFileGivenAsDocuments: a file of kg triples read as documents
// stops at its first record with one error pointing at kg import.
func TestTriplesFileGivenAsDocuments(t *testing.T) {
	dir := t.TempDir()
	rec := `{"doc":"a.txt","source":{"name":"Russia"},"target":{"name":"Pakistan"},"cameo":"042"}`
	path := filepath.Join(dir, "t.jsonl")
	write(t, path, rec+"\n"+rec+"\n"+rec+"\n")
	docs, errs := collect(t, []string{path}, Options{})
	if len(docs) != 0 || len(errs) != 1 || !strings.Contains(errs[0], "kg import") {
		t.Errorf("docs %q, errors %q; want none and one error naming kg import", docs, errs)
	}
}
