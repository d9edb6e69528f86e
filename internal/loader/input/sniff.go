package input

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Formats by extension. Folders are searched for these only; a file named
// on the command line with another extension (or none) is sniffed instead.
var extFormats = map[string]string{
	".txt":      "txt",
	".text":     "txt",
	".md":       "md",
	".markdown": "md",
	".html":     "html",
	".htm":      "html",
	".xhtml":    "html",
	".jsonl":    "jsonl",
	".ndjson":   "jsonl",
}

// FormatOf returns the format implied by path's extension, or "" when the
// extension is not one kg reads.
func FormatOf(path string) string {
	return extFormats[strings.ToLower(filepath.Ext(path))]
}

var bom = []byte("\xef\xbb\xbf")

// sniff guesses the format of data whose name said nothing: a JSON object
// on the first non-blank line means JSON Lines, a leading tag that looks
// like a web page means HTML, anything else is plain text.
func sniff(data []byte) string {
	head := bytes.TrimLeft(bytes.TrimPrefix(data, bom), " \t\r\n")
	if len(head) == 0 {
		return "txt"
	}
	switch head[0] {
	case '{':
		return "jsonl"
	case '<':
		lower := bytes.ToLower(head[:min(len(head), 1024)])
		for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<article", "<div", "<p>", "<p ", "<meta", "<title"} {
			if bytes.Contains(lower, []byte(tag)) {
				return "html"
			}
		}
	}
	return "txt"
}

// checkText rejects what cannot be a document: nothing but white space,
// binary data (a NUL byte, or many control characters near the start) and
// invalid UTF-8. Its errors carry no path; callers wrap them.
func checkText(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return ErrEmpty
	}
	// Documents kg does not read, named by what they are, with the tool
	// that turns them into text: an uncompressed PDF would otherwise pass
	// for text and load its page descriptions.
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return fmt.Errorf("%w: a PDF; convert it to text first (pdftotext FILE)", ErrBinary)
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return fmt.Errorf("%w: a zip archive (.docx, .odt, .epub…); convert it to text first (pandoc FILE -t plain)", ErrBinary)
	case bytes.HasPrefix(data, []byte("{\\rtf")):
		return fmt.Errorf("%w: RTF; convert it to text first (pandoc FILE -t plain)", ErrBinary)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return ErrBinary
	}
	// Ratio of control characters in the first 8 KB: images, archives and
	// executables without NULs in their head are rare but do occur.
	sample := data[:min(len(data), 8192)]
	ctl := 0
	for _, c := range sample {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' || c == 0x7f {
			ctl++
		}
	}
	if ctl*10 > len(sample) {
		return ErrBinary
	}
	if !utf8.Valid(data) {
		return fmt.Errorf("%w at byte %d", ErrInvalidUTF, invalidAt(data))
	}
	return nil
}

// invalidAt returns the offset of the first invalid UTF-8 sequence.
func invalidAt(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}
