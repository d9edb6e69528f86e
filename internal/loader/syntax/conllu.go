package syntax

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// CoNLL-U limits that keep a hostile file from taking unbounded memory.
const (
	maxLineBytes     = 1 << 20
	maxSentenceWords = 5000
)

// offsetKey is the MISC attribute kg writes for a word's byte offsets in the
// cleaned document text, the same offsets kg's events give.
const offsetKey = "Offset"

// Reader reads sentences from CoNLL-U, one at a time.
type Reader struct {
	sc   *bufio.Scanner
	line int
	name string
}

// NewReader reads CoNLL-U from r; name is used in error messages.
func NewReader(r io.Reader, name string) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxLineBytes)
	return &Reader{sc: sc, name: name}
}

// ReadAll reads every sentence of r; name is used in error messages. On an
// error it returns the sentences read before it.
func ReadAll(r io.Reader, name string) ([]*Sentence, error) {
	rd := NewReader(r, name)
	var out []*Sentence
	for {
		s, err := rd.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, s)
	}
}

// Next returns the next sentence, or io.EOF after the last.
func (r *Reader) Next() (*Sentence, error) {
	var s *Sentence
	last := 0 // ID of the last word read, for empty nodes
	for r.sc.Scan() {
		r.line++
		line := strings.TrimRight(r.sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			if s != nil {
				return s, r.finish(s)
			}
			continue
		}
		if s == nil {
			s = &Sentence{}
		}
		if strings.HasPrefix(line, "#") {
			c := strings.TrimSpace(strings.TrimPrefix(line, "#"))
			switch {
			case strings.HasPrefix(c, "sent_id ="), strings.HasPrefix(c, "sent_id="):
				s.ID = strings.TrimSpace(c[strings.IndexByte(c, '=')+1:])
				s.idAt = len(s.Comments) + 1
			case strings.HasPrefix(c, "text ="), strings.HasPrefix(c, "text="):
				s.Text = strings.TrimSpace(c[strings.IndexByte(c, '=')+1:])
				s.textAt = len(s.Comments) + 1
			default:
				s.Comments = append(s.Comments, c)
			}
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 10 {
			return nil, r.errorf("want 10 tab-separated fields, got %d", len(f))
		}
		switch {
		case strings.Contains(f[0], "-"):
			a, b, ok := strings.Cut(f[0], "-")
			from, err1 := strconv.Atoi(a)
			to, err2 := strconv.Atoi(b)
			if !ok || err1 != nil || err2 != nil || from != len(s.Tokens)+1 || to < from {
				return nil, r.errorf("bad multiword token ID %q", f[0])
			}
			s.Ranges = append(s.Ranges, Range{From: from, To: to, Form: f[1], Misc: f[9]})
		case strings.Contains(f[0], "."):
			if s.extra == nil {
				s.extra = map[int][]string{}
			}
			s.extra[last] = append(s.extra[last], line)
		default:
			id, err := strconv.Atoi(f[0])
			if err != nil || id != len(s.Tokens)+1 {
				return nil, r.errorf("word ID %q out of sequence (want %d)", f[0], len(s.Tokens)+1)
			}
			if id > maxSentenceWords {
				return nil, r.errorf("sentence longer than %d words", maxSentenceWords)
			}
			t := Token{ID: id, Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4], Feats: f[5],
				Head: -1, Rel: f[7], Deps: f[8], Start: -1, End: -1, SpaceAfter: true}
			if f[6] != "_" {
				h, err := strconv.Atoi(f[6])
				if err != nil || h < 0 {
					return nil, r.errorf("bad HEAD %q", f[6])
				}
				t.Head = h
			}
			t.Misc = t.readMisc(f[9])
			s.Tokens = append(s.Tokens, t)
			last = id
		}
	}
	if err := r.sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			r.line++ // the scanner stopped inside the line it could not hold
			return nil, r.errorf("line longer than %d bytes", maxLineBytes)
		}
		return nil, fmt.Errorf("read %s: %w", r.name, err)
	}
	if s != nil {
		return s, r.finish(s)
	}
	return nil, io.EOF
}

func (r *Reader) finish(s *Sentence) error {
	n := len(s.Tokens)
	for _, g := range s.Ranges {
		if g.To > n {
			return r.errorf("multiword token %d-%d runs past the sentence's %d words", g.From, g.To, n)
		}
	}
	for i := range s.Tokens {
		if s.Tokens[i].Head > n {
			return r.errorf("word %d: HEAD %d is past the sentence's %d words", i+1, s.Tokens[i].Head, n)
		}
	}
	return nil
}

func (r *Reader) errorf(format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", r.name, r.line, fmt.Sprintf(format, args...))
}

// readMisc takes SpaceAfter and kg's offsets out of a MISC column and returns
// the rest.
func (t *Token) readMisc(misc string) string {
	if misc == "_" || misc == "" {
		return "_"
	}
	var keep []string
	for _, kv := range strings.Split(misc, "|") {
		switch {
		case kv == "":
			// "a||b", a stray bar: no attribute
		case kv == "SpaceAfter=No":
			t.SpaceAfter = false
			t.spaceAt = len(keep) + 1
		case strings.HasPrefix(kv, offsetKey+"="):
			a, b, ok := strings.Cut(kv[len(offsetKey)+1:], ":")
			start, err1 := strconv.Atoi(a)
			end, err2 := strconv.Atoi(b)
			if ok && err1 == nil && err2 == nil && start >= 0 && end >= start {
				t.Start, t.End = start, end
			} else {
				keep = append(keep, kv)
			}
		default:
			keep = append(keep, kv)
		}
	}
	if len(keep) == 0 {
		return "_"
	}
	return strings.Join(keep, "|")
}

func (t *Token) writeMisc(inRange bool) string {
	var parts []string
	if t.Misc != "" && t.Misc != "_" {
		parts = strings.Split(t.Misc, "|")
	}
	// Inside a multiword token SpaceAfter belongs to the range line. A
	// SpaceAfter read from a file goes back where it was.
	if !t.SpaceAfter && !inRange {
		at := len(parts)
		if t.spaceAt > 0 && t.spaceAt-1 <= len(parts) {
			at = t.spaceAt - 1
		}
		parts = append(parts[:at], append([]string{"SpaceAfter=No"}, parts[at:]...)...)
	}
	if t.Start >= 0 && t.End >= t.Start {
		parts = append(parts, offsetKey+"="+strconv.Itoa(t.Start)+":"+strconv.Itoa(t.End))
	}
	if len(parts) == 0 {
		return "_"
	}
	return strings.Join(parts, "|")
}

// Write writes s as CoNLL-U, ending with the blank line that closes a
// sentence. Empty fields are written as "_".
func Write(w io.Writer, s *Sentence) error {
	bw, ok := w.(*bufio.Writer)
	if !ok {
		bw = bufio.NewWriter(w)
	}
	// sent_id and text go where they were read; in a sentence made
	// otherwise, after the other comments.
	idAt, textAt := s.idAt, s.textAt
	if idAt == 0 || idAt > len(s.Comments)+1 {
		idAt = len(s.Comments) + 1
	}
	if textAt == 0 || textAt > len(s.Comments)+1 {
		textAt = len(s.Comments) + 1
	}
	for i := 0; i <= len(s.Comments); i++ {
		if idAt == i+1 && s.ID != "" {
			bw.WriteString("# sent_id = " + oneLine(s.ID) + "\n")
		}
		if textAt == i+1 && s.Text != "" {
			bw.WriteString("# text = " + oneLine(s.Text) + "\n")
		}
		if i < len(s.Comments) {
			bw.WriteString("# " + oneLine(s.Comments[i]) + "\n")
		}
	}
	for _, line := range s.extra[0] {
		bw.WriteString(line + "\n")
	}
	inRange := make([]bool, len(s.Tokens)+2)
	ri := 0
	for i := range s.Tokens {
		t := &s.Tokens[i]
		for ri < len(s.Ranges) && s.Ranges[ri].From == t.ID {
			g := s.Ranges[ri]
			bw.WriteString(strconv.Itoa(g.From) + "-" + strconv.Itoa(g.To) + "\t" + field(g.Form) + "\t_\t_\t_\t_\t_\t_\t_\t" + field(g.Misc) + "\n")
			for k := g.From; k <= g.To && k < len(inRange); k++ {
				inRange[k] = true
			}
			ri++
		}
		head := "_"
		if t.Head >= 0 {
			head = strconv.Itoa(t.Head)
		}
		bw.WriteString(strconv.Itoa(t.ID) + "\t" + field(t.Form) + "\t" + field(t.Lemma) + "\t" + field(t.UPOS) + "\t" +
			field(t.XPOS) + "\t" + field(t.Feats) + "\t" + head + "\t" + field(t.Rel) + "\t" + field(t.Deps) + "\t" +
			t.writeMisc(inRange[t.ID]) + "\n")
		for _, line := range s.extra[t.ID] {
			bw.WriteString(line + "\n")
		}
	}
	bw.WriteString("\n")
	if !ok {
		return bw.Flush()
	}
	return nil
}

// field makes a value safe for one CoNLL-U column: empty becomes "_", and
// tabs and line breaks (which would break the format) become spaces.
func field(s string) string {
	if s == "" {
		return "_"
	}
	if strings.ContainsAny(s, "\t\n\r") {
		return strings.Map(func(r rune) rune {
			if r == '\t' || r == '\n' || r == '\r' {
				return ' '
			}
			return r
		}, s)
	}
	return s
}

func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
