package text

import (
	"bytes"
	"errors"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ErrBinary is returned for input that is not text (NUL bytes or many
// control characters).
var ErrBinary = errors.New("binary content")

// ErrEncoding is returned for input that is neither UTF-8 nor a single-byte
// encoding that can be repaired.
var ErrEncoding = errors.New("invalid UTF-8")

// decode checks that raw is text and returns it as valid UTF-8. A few stray
// invalid bytes in otherwise valid UTF-8 are dropped; text that has no valid
// multi-byte sequence at all is read as Windows-1252 (the usual encoding of
// older Western pages); anything else is an error.
func decode(raw []byte) (string, error) {
	if len(raw) >= 2 && (raw[0] == 0xFF && raw[1] == 0xFE || raw[0] == 0xFE && raw[1] == 0xFF) {
		// UTF-16 with a byte order mark, as some Windows tools save text.
		return decodeUTF16(raw[2:], raw[0] == 0xFE)
	}
	raw = bytes.TrimPrefix(raw, []byte("\xEF\xBB\xBF"))
	if bytes.IndexByte(raw, 0) >= 0 {
		return "", ErrBinary
	}
	controls := 0
	for _, c := range raw {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' {
			controls++
		}
	}
	if controls > 0 && controls*100 > len(raw) {
		return "", ErrBinary
	}
	if utf8.Valid(raw) {
		return string(raw), nil
	}
	var b strings.Builder
	b.Grow(len(raw))
	invalid, multi := 0, 0
	for i := 0; i < len(raw); {
		r, size := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && size <= 1 {
			invalid++
		} else {
			if size > 1 {
				multi++
			}
			b.WriteRune(r)
		}
		i += max(size, 1)
	}
	switch {
	case multi == 0:
		return decode1252(raw), nil
	case invalid*200 <= len(raw) || invalid <= 3:
		return b.String(), nil
	}
	return "", ErrEncoding
}

func decodeUTF16(b []byte, bigEndian bool) (string, error) {
	if len(b)%2 != 0 {
		return "", ErrEncoding
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
		if u[i] == 0 {
			return "", ErrBinary
		}
	}
	return string(utf16.Decode(u)), nil
}

// cp1252 maps bytes 0x80-0x9F of Windows-1252 (the rest of the high half is
// Latin-1, i.e. the same code point).
var cp1252 = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}

func decode1252(raw []byte) string {
	var b strings.Builder
	b.Grow(len(raw) + len(raw)/8)
	for _, c := range raw {
		switch {
		case c < 0x80:
			b.WriteByte(c)
		case c < 0xA0:
			if r := cp1252[c-0x80]; r != 0 {
				b.WriteRune(r)
			}
		default:
			b.WriteRune(rune(c))
		}
	}
	return b.String()
}

// plain marks the ASCII bytes that normalize copies unchanged, and the
// space, whose runs it collapses.
var plain = func() (t [256]bool) {
	for c := ' '; c < 0x7F; c++ {
		t[c] = true
	}
	return t
}()

// writeSingleSpaced writes s (no leading or trailing space) with runs of
// spaces collapsed.
func writeSingleSpaced(b *strings.Builder, s string) {
	for {
		k := strings.Index(s, "  ")
		if k < 0 {
			b.WriteString(s)
			return
		}
		b.WriteString(s[:k+1])
		s = strings.TrimLeft(s[k:], " ")
	}
}

// normalize rewrites characters so that later stages see one spelling of
// each: ASCII quotes and dashes, plain spaces, "..." for the ellipsis
// character, "\n" line ends, no invisible characters, NFC composition.
// Dashes become "-" inside words and numbers (Pakistan–Russia, 2001–2021)
// and " - " between words (Moscow — a country). Runs of spaces collapse and
// lines are trimmed; line structure is kept.
func normalize(s string) string {
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is pending
	lineStart := true
	prev := rune(0) // previous rune written (not counting pending space)
	for i := 0; i < len(s); {
		if plain[s[i]] {
			// Fast path: a run of printable ASCII and spaces, written in one
			// piece unless it holds a double space.
			j := i + 1
			for j < len(s) && plain[s[j]] {
				j++
			}
			run := s[i:j]
			i = j
			k := 0
			for k < len(run) && run[k] == ' ' {
				k++
			}
			if k > 0 && !lineStart {
				space = true
			}
			run = run[k:]
			if run == "" {
				continue
			}
			e := len(run)
			for run[e-1] == ' ' {
				e--
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			writeSingleSpaced(&b, run[:e])
			prev, lineStart = rune(run[e-1]), false
			space = e < len(run)
			continue
		}
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		switch r {
		case '\r':
			if i < len(s) && s[i] == '\n' {
				continue
			}
			r = '\n'
		case '\u2028', '\u2029', '\f', '\v', '\u0085':
			r = '\n'
		}
		if r == '\n' {
			b.WriteByte('\n')
			space, lineStart, prev = false, true, '\n'
			continue
		}
		var repl string
		switch r {
		case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u02BC':
			repl = "'"
		case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB':
			repl = `"`
		case '\u2010', '\u2011':
			repl = "-"
		case '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\u2E3A', '\u2E3B':
			// Unspaced en dashes join (Pakistan–Russia, 2001–2021); em dashes
			// between words separate clauses.
			next, _ := utf8.DecodeRuneInString(s[i:])
			joined := !space && prev != '\n' && prev != 0 && !unicode.IsSpace(next) && i < len(s)
			if joined && (r == '\u2013' || r == '\u2012' || r == '\u2212' || unicode.IsDigit(prev) && unicode.IsDigit(next)) {
				repl = "-"
			} else {
				if !lineStart {
					space = true
				}
				repl = "- "
			}
		case '\u2026':
			repl = "..."
		case '\u00A0', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006',
			'\u2007', '\u2008', '\u2009', '\u200A', '\u202F', '\u205F', '\u3000', '\t':
			if !lineStart {
				space = true
			}
			continue
		case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', utf8.RuneError:
			continue
		case ' ':
			if !lineStart {
				space = true
			}
			continue
		}
		if repl == "" && r < 0x20 {
			if !lineStart {
				space = true
			}
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if repl != "" {
			if repl == "- " {
				// Written as "-" plus a pending space, so that a following
				// space does not double it and a line end drops it.
				b.WriteByte('-')
				space, lineStart, prev = true, false, '-'
				continue
			}
			b.WriteString(repl)
			prev = rune(repl[len(repl)-1])
		} else {
			b.WriteRune(r)
			prev = r
		}
		lineStart = false
	}
	return b.String()
}
