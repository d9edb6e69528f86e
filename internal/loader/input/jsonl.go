package input

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// A JSONL record: one JSON object per line. The text may be named text,
// body or content (the first non-empty wins); id, title, date and url are
// optional. Other fields are ignored.
type record struct {
	ID      json.RawMessage `json:"id"`
	Text    json.RawMessage `json:"text"`
	Body    json.RawMessage `json:"body"`
	Content json.RawMessage `json:"content"`
	Title   json.RawMessage `json:"title"`
	Date    json.RawMessage `json:"date"`
	URL     json.RawMessage `json:"url"`
	// A triple record of kg triples has these and no text.
	Source json.RawMessage `json:"source"`
	Target json.RawMessage `json:"target"`
}

// ParseRecord decodes one JSONL line into an Input. name is used, with
// ":line", when the record has no id. The returned error has no path or line;
// readers wrap it in an *Error.
func ParseRecord(line []byte, name string, lineNo int) (Input, error) {
	if !utf8.Valid(line) {
		return Input{}, fmt.Errorf("%w at byte %d", ErrInvalidUTF, invalidAt(line))
	}
	trimmed := bytes.TrimSpace(line)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return Input{}, errors.New("not a JSON object")
	}
	var rec record
	if err := json.Unmarshal(trimmed, &rec); err != nil {
		return Input{}, fmt.Errorf("invalid JSON: %w", err)
	}
	var in Input
	var err error
	if in.Name, err = scalar(rec.ID, "id", true); err != nil {
		return Input{}, err
	}
	if in.Name == "" {
		in.Name = name + ":" + strconv.Itoa(lineNo)
	}
	var text string
	for _, f := range []struct {
		raw  json.RawMessage
		name string
	}{{rec.Text, "text"}, {rec.Body, "body"}, {rec.Content, "content"}} {
		s, err := scalar(f.raw, f.name, false)
		if err != nil {
			return Input{}, err
		}
		if s != "" {
			text = s
			break
		}
	}
	if text == "" {
		if rec.Text == nil && rec.Body == nil && rec.Content == nil {
			if rec.Source != nil && rec.Target != nil {
				return Input{}, ErrTriples
			}
			return Input{}, errors.New("no text (want a text, body or content field)")
		}
		return Input{}, ErrEmpty
	}
	if err := checkText([]byte(text)); err != nil {
		return Input{}, fmt.Errorf("text: %w", err)
	}
	if in.Title, err = scalar(rec.Title, "title", false); err != nil {
		return Input{}, err
	}
	if in.Date, err = scalar(rec.Date, "date", false); err != nil {
		return Input{}, err
	}
	if in.URL, err = scalar(rec.URL, "url", false); err != nil {
		return Input{}, err
	}
	in.Data = []byte(text)
	in.Format = "jsonl"
	in.Size = int64(len(line))
	return in, nil
}

// scalar reads a JSON string (or, when number is set, a number kept as
// written); null and absent mean "".
func scalar(raw json.RawMessage, field string, number bool) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	switch {
	case raw[0] == '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", fmt.Errorf("field %s: %w", field, err)
		}
		return s, nil
	case number && (raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9'):
		return string(raw), nil
	}
	if number {
		return "", fmt.Errorf("field %s: want a string or a number", field)
	}
	return "", fmt.Errorf("field %s: want a string", field)
}

// firstLineIsJSON reports whether the first non-blank line buffered in br
// is a JSON object. A first line longer than what is buffered is given the
// benefit of the doubt: it starts with "{", and its own errors will be
// reported.
func firstLineIsJSON(br *bufio.Reader) bool {
	head, _ := br.Peek(br.Buffered())
	head = bytes.TrimPrefix(head, bom)
	for len(head) > 0 {
		i := bytes.IndexByte(head, '\n')
		if i < 0 {
			return true
		}
		line := bytes.TrimSpace(head[:i])
		if len(line) > 0 {
			return json.Valid(line)
		}
		head = head[i+1:]
	}
	return false
}

// readJSONL streams records from r, one line at a time, so memory stays
// bounded by the size limit however long the file is. Blank lines are
// skipped; every bad line is reported with its number and the rest still
// load.
func readJSONL(ctx context.Context, r *bufio.Reader, path, name string, max int64, fn func(Input) error, onErr func(error)) error {
	lr := lineReader{r: r, max: int(min(max, int64(^uint(0)>>1))), ctx: ctx}
	nonBlank := 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, n, tooLong, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			onErr(&Error{Path: path, Line: n, Err: err})
			return nil
		}
		if tooLong {
			nonBlank++
			onErr(&Error{Path: path, Line: n, Err: fmt.Errorf("%w: line is more than %s (raise --max-size)", ErrTooLarge, FormatSize(max))})
			continue
		}
		if n == 1 {
			line = bytes.TrimPrefix(line, bom)
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		nonBlank++
		in, err := ParseRecord(line, name, n)
		if errors.Is(err, ErrTriples) {
			// A whole file of triples: one line says so, not one per record.
			onErr(&Error{Path: path, Line: n, Err: err})
			return nil
		}
		if err != nil {
			onErr(&Error{Path: path, Line: n, Err: err})
			continue
		}
		in.Source = path + ":" + strconv.Itoa(n)
		if err := fn(in); err != nil {
			return err
		}
	}
	if nonBlank == 0 {
		onErr(&Error{Path: path, Err: ErrEmpty})
	}
	return nil
}

// lineReader returns lines of any length up to max bytes, reusing one
// buffer. Longer lines are consumed without being kept.
type lineReader struct {
	r    *bufio.Reader
	max  int
	buf  []byte
	line int
	// ctx, when set, stops the skipping of a long line (Ctrl-C on
	// "kg extract < /dev/zero").
	ctx context.Context
}

// maxSkip is how much of one over-long line is skipped to reach the next
// line: past it the input is taken for endless (/dev/zero) and reading
// stops with an error.
var maxSkip = 1 << 30

// next returns the next line without its end of line, its 1-based number,
// and whether it was longer than max (its content is then dropped). At the
// end it returns io.EOF.
func (l *lineReader) next() (line []byte, n int, tooLong bool, err error) {
	l.buf = l.buf[:0]
	started := false
	skipped := 0
	for {
		chunk, err := l.r.ReadSlice('\n')
		if len(chunk) > 0 {
			started = true
		}
		if tooLong {
			if skipped += len(chunk); skipped > maxSkip {
				return nil, l.line + 1, false, fmt.Errorf("%w: line has no end in its first %s; stopped reading", ErrTooLarge, FormatSize(int64(maxSkip)))
			}
			if l.ctx != nil && skipped%(16<<20) < len(chunk) {
				if cerr := l.ctx.Err(); cerr != nil {
					return nil, l.line + 1, false, cerr
				}
			}
		}
		if !tooLong {
			if len(l.buf)+len(chunk) > l.max+2 { // +2: room for "\r\n"
				tooLong = true
				l.buf = l.buf[:0]
			} else {
				l.buf = append(l.buf, chunk...)
			}
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF:
			if !started {
				return nil, l.line, false, io.EOF
			}
		case err != nil:
			return nil, l.line + 1, false, err
		}
		l.line++
		line = bytes.TrimSuffix(l.buf, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		if len(line) > l.max {
			tooLong = true
		}
		return line, l.line, tooLong, nil
	}
}
