package graph

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// AppendJSON appends r as one line of JSON Lines: the bytes a
// json.Encoder with HTML escaping turned off writes for r, newline
// included, without reflection. Listings of millions of triples spend a
// fifth of their time in the reflective encoder otherwise.
func (r *TripleRecord) AppendJSON(b []byte) []byte {
	b = append(b, `{"id":`...)
	b = appendJSONString(b, r.ID)
	b = append(b, `,"doc":`...)
	b = appendJSONString(b, r.Doc)
	b = append(b, `,"sentence":`...)
	b = appendJSONString(b, r.Sentence)
	b = append(b, `,"sentence_index":`...)
	b = strconv.AppendInt(b, int64(r.SentenceIndex), 10)
	b = append(b, `,"start":`...)
	b = strconv.AppendInt(b, int64(r.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(r.End), 10)
	b = append(b, `,"source":`...)
	b = r.Source.appendJSON(b)
	b = append(b, `,"relation":`...)
	b = appendJSONString(b, r.Relation)
	b = append(b, `,"cameo":`...)
	b = appendJSONString(b, r.CAMEO)
	b = append(b, `,"quad_class":`...)
	b = strconv.AppendInt(b, int64(r.QuadClass), 10)
	b = append(b, `,"goldstein":`...)
	b = appendJSONFloat(b, r.Goldstein)
	b = append(b, `,"target":`...)
	b = r.Target.appendJSON(b)
	b = append(b, `,"date":`...)
	b = appendJSONString(b, r.Date)
	b = append(b, `,"date_precision":`...)
	b = appendJSONString(b, r.DatePrecision)
	b = append(b, `,"negated":`...)
	b = strconv.AppendBool(b, r.Negated)
	b = append(b, `,"modality":`...)
	b = appendJSONString(b, string(r.Modality))
	b = append(b, `,"symmetric":`...)
	b = strconv.AppendBool(b, r.Symmetric)
	b = append(b, `,"confidence":`...)
	b = appendJSONFloat(b, r.Confidence)
	if r.Reporter != nil {
		b = append(b, `,"reporter":`...)
		b = r.Reporter.appendJSON(b)
	}
	b = append(b, `,"origin":`...)
	b = appendJSONString(b, r.Origin)
	b = append(b, `,"mentions":`...)
	b = strconv.AppendInt(b, int64(r.Mentions), 10)
	b = append(b, `,"sources":`...)
	b = strconv.AppendInt(b, int64(r.Sources), 10)
	return append(b, "}\n"...)
}

func (a *ActorRef) appendJSON(b []byte) []byte {
	b = append(b, `{"id":`...)
	b = appendJSONString(b, a.ID)
	b = append(b, `,"name":`...)
	b = appendJSONString(b, a.Name)
	b = append(b, `,"code":`...)
	b = appendJSONString(b, a.Code)
	b = append(b, `,"type":`...)
	b = appendJSONString(b, string(a.Type))
	b = append(b, `,"aliases":`...)
	if a.Aliases == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, s := range a.Aliases {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, s)
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

// appendJSONFloat formats f as encoding/json does: the shortest decimal
// that reads back, in exponent form only below 1e-6 or from 1e21, its
// exponent without a leading zero.
func appendJSONFloat(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

const hexDigits = "0123456789abcdef"

// appendJSONString quotes s as encoding/json does with HTML escaping off:
// quote, backslash and control characters escaped, invalid UTF-8 as
// U+FFFD, and the line and paragraph separators escaped for JavaScript.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
