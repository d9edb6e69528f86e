package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tokenize splits one sentence of text into words following the UD English
// Web Treebank's conventions, so that the tagger and parser, which learned
// from that treebank, see words cut the way they were trained on.
//
// Every word's Form is the exact stretch of text it covers, and Start and End
// are its byte offsets in text plus base; words of a contraction ("do" and
// "n't" of "don't") are therefore substrings too, grouped by a Range carrying
// the surface form. The tree fields are left empty (Head is -1).
//
// The conventions, read off the treebank:
//   - clitics 's 're 've 'll 'd 'm n't, and the bare s' of a plural
//     possessive, are words of their own, and so are the halves of "cannot",
//     "gonna", "wanna", "gotta" and of common contractions written without
//     the apostrophe ("dont", "im", "thats");
//   - hyphens are words, except after tokPrefixes such as "e-", "non-", "pre-",
//     "anti-" and in telephone numbers and postcodes; number ranges ("5-10",
//     "1969-1970") are split;
//   - abbreviations keep their full stop ("Mr.", "U.S.", "e.g.") except at
//     the very end of the sentence, where the stop is the sentence's own;
//   - numbers keep their commas, decimal points, colons and date slashes; a
//     currency sign, a per cent sign and a unit ("35mm", "5pm") are apart;
//   - URLs, e-mail addresses, file and domain names, and tokEmoticons are one
//     word; runs of . ! ? and of repeated symbols ("...", "--", "!!!", "<<")
//     are one word.
//
// Tokenize never fails: any input, invalid UTF-8 included, is split into
// non-empty words in time linear in its length.
func Tokenize(text string, base int) *Sentence {
	tk := &tokenizer{text: text, finalFrom: tokFinalTail(text)}
	for i := 0; i < len(text); {
		r, n := tokRuneAt(text, i)
		if tokSpace(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(text) {
			r, n := tokRuneAt(text, j)
			if tokSpace(r) {
				break
			}
			j += n
		}
		tk.chunk(i, j)
		i = j
	}
	tk.contextual()
	return tk.sentence(base)
}

// tokUnit is what the scanner emits: one word, or a multiword token whose words
// are separated at the cut offsets.
type tokUnit struct {
	start, end int
	cuts       []int
}

type tokenizer struct {
	text  string
	units []tokUnit
	// finalFrom is where the text's trailing run of closing quotes and
	// brackets begins; a full stop right before it ends the sentence.
	finalFrom int
	// quoteOpen records an unclosed opening single quote, which makes a
	// trailing apostrophe ("the 'parents'") a closing quote rather than a
	// plural possessive.
	quoteOpen bool
	// noMailBefore caches a failed look-ahead for an e-mail address: every
	// start before it would stop at the same place, so the scan is not
	// repeated, which keeps the whole pass linear.
	noMailBefore int
}

// tokRuneAt decodes the rune at i. Invalid bytes come back as RuneError with
// width 1 and are then treated as letters, so that garbage stays inside the
// word it interrupts instead of splintering it.
func tokRuneAt(s string, i int) (rune, int) {
	if s[i] < utf8.RuneSelf {
		return rune(s[i]), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// tokRuneBefore decodes the rune that ends at i.
func tokRuneBefore(s string, i int) (rune, int) {
	if s[i-1] < utf8.RuneSelf {
		return rune(s[i-1]), 1
	}
	return utf8.DecodeLastRuneInString(s[:i])
}

func tokSpace(r rune) bool {
	// Control characters and zero-width spaces separate words but cannot be
	// written inside a CoNLL-U form, so they are treated as white space.
	return unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u200b' || r == '\ufeff'
}

func tokWordRune(r rune) bool {
	return r == utf8.RuneError || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

func tokDigit(r rune) bool { return '0' <= r && r <= '9' }

func tokApostrophe(r rune) bool { return r == '\'' || r == '’' || r == '`' }

func tokQuoteMark(r rune) bool { return r == '\'' || r == '’' || r == '‘' || r == '`' }

// tokClosing reports closers that may follow the sentence's last full stop.
func tokClosing(r rune) bool {
	switch r {
	case '"', '\'', '’', '”', '»', ')', ']', '}', '`':
		return true
	}
	return false
}

func tokFinalTail(text string) int {
	i := len(text)
	for i > 0 {
		r, n := tokRuneBefore(text, i)
		if !tokSpace(r) && !tokClosing(r) {
			break
		}
		i -= n
	}
	return i
}

func (tk *tokenizer) add(start, end int, cuts ...int) {
	if end <= start {
		return
	}
	u := tokUnit{start: start, end: end}
	// Keep only cuts that leave every word non-empty, whatever the caller
	// computed.
	last := start
	for _, c := range cuts {
		if c > last && c < end {
			u.cuts = append(u.cuts, c)
			last = c
		}
	}
	tk.units = append(tk.units, u)
}

// chunk splits a stretch of text that holds no white space.
func (tk *tokenizer) chunk(s, e int) {
	for p := s; p < e; {
		q := tk.step(p, s, e)
		if q <= p { // cannot happen, but a stuck scanner would loop forever
			_, n := tokRuneAt(tk.text, p)
			q = p + n
			tk.add(p, q)
		}
		p = q
	}
}

// step emits the unit(s) starting at p and returns where scanning resumes.
func (tk *tokenizer) step(p, s, e int) int {
	if q := tokURLEnd(tk.text, p, s, e); q > p {
		tk.add(p, q)
		return q
	}
	if q := tk.mailEnd(p, e); q > p {
		tk.add(p, q)
		return q
	}
	if q := tokEmoticonEnd(tk.text, p, s, e); q > p {
		tk.add(p, q)
		return q
	}
	r, _ := tokRuneAt(tk.text, p)
	if tokWordRune(r) {
		return tk.word(p, s, e)
	}
	return tk.punct(p, s, e)
}

var tokURLPrefixes = []string{"http://", "https://", "ftp://", "www.", "mailto:", "file://"}

// tokURLEnd returns the end of a URL starting at p, or p.
func tokURLEnd(text string, p, s, e int) int {
	if tokWordBefore(text, p, s) {
		return p
	}
	found := false
	for _, pre := range tokURLPrefixes {
		if e-p > len(pre) && strings.EqualFold(text[p:p+len(pre)], pre) {
			found = true
			break
		}
	}
	if !found {
		return p
	}
	q := p
	for q < e {
		c := text[q]
		// Angle brackets and double quotes delimit URLs in mail and HTML.
		if c == '<' || c == '>' || c == '"' {
			break
		}
		r, n := tokRuneAt(text, q)
		if r == '“' || r == '”' || r == '‘' || r == '’' {
			break
		}
		q += n
	}
	// Sentence punctuation after a URL is not part of it; a closing bracket
	// is, only when the URL opened one.
	open := strings.Count(text[p:q], "(") - strings.Count(text[p:q], ")")
	openSq := strings.Count(text[p:q], "[") - strings.Count(text[p:q], "]")
	for q > p {
		switch c := text[q-1]; {
		case strings.IndexByte(".,;:!?'", c) >= 0:
		case c == ')' && open < 0:
			open++
		case c == ']' && openSq < 0:
			openSq++
		default:
			return q
		}
		q--
	}
	return q
}

func tokMailLocal(r rune) bool {
	return tokWordRune(r) || r == '.' || r == '_' || r == '%' || r == '+' || r == '-' || r == '\''
}

// mailEnd returns the end of an e-mail address starting at p, or p.
func (tk *tokenizer) mailEnd(p, e int) int {
	text := tk.text
	if p < tk.noMailBefore {
		return p
	}
	if r, _ := tokRuneAt(text, p); !tokWordRune(r) {
		return p
	}
	q := p
	for q < e {
		r, n := tokRuneAt(text, q)
		if !tokMailLocal(r) {
			break
		}
		q += n
	}
	if q >= e || text[q] != '@' || q+1 >= e {
		tk.noMailBefore = q
		return p
	}
	if r, _ := tokRuneAt(text, q+1); !tokWordRune(r) {
		tk.noMailBefore = q
		return p
	}
	k := q + 1
	for k < e {
		r, n := tokRuneAt(text, k)
		if !tokWordRune(r) && r != '.' && r != '-' && r != '_' {
			break
		}
		k += n
	}
	for k > q+1 && (text[k-1] == '.' || text[k-1] == '-') {
		k--
	}
	return k
}

// tokEmoticons are the faces the treebank keeps whole; longer ones first so
// that ":-)" is not read as ":" and "-)".
var tokEmoticons = []string{">:(", ":-)", ":-(", ";-)", ":-D", ":-P", ":-p", ":-/", ":'(",
	":)", ":(", ";)", ":D", ":P", ":p", ":/", ":]", ":[", "=)", "=(", "(:", "<3", ";D", "XD", "xD", ":O", ":o", "^_^", "-_-", "^^", ";P", ";p", "D:"}

func tokEmoticonEnd(text string, p, s, e int) int {
	c := text[p]
	if strings.IndexByte(":;=>()<Xx-^D", c) < 0 {
		return p
	}
	for _, em := range tokEmoticons {
		if e-p < len(em) || text[p:p+len(em)] != em {
			continue
		}
		q := p + len(em)
		if q < e {
			r, _ := tokRuneAt(text, q)
			if tokWordRune(r) || r == '/' {
				continue
			}
		}
		first := em[0]
		last := em[len(em)-1]
		// Faces that begin or end in a letter, or that are made of brackets
		// and digits, are only faces when they stand alone.
		if (first == 'X' || first == 'x' || first == '(' || first == '<' || first == '-' || first == '^' || first == 'D') && (p != s || q != e) {
			continue
		}
		if tokLetterByte(last) && tokWordBefore(text, p, s) {
			continue
		}
		return q
	}
	return p
}

func tokLetterByte(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// punct emits the punctuation starting at p.
func (tk *tokenizer) punct(p, s, e int) int {
	text := tk.text
	r, n := tokRuneAt(text, p)
	switch {
	case r == '.' && p+1 < e && tokDigit(rune(text[p+1])) && !tokWordBefore(text, p, s):
		// A decimal written without its leading zero (".15", "$.04").
		q := p + 1
		for q < e && (tokDigit(rune(text[q])) || (text[q] == ',' || text[q] == '.') && q+1 < e && tokDigit(rune(text[q+1]))) {
			q++
		}
		tk.add(p, q)
		return q
	case r == '.' || r == '!' || r == '?' || r == '…':
		q := tokStopRunEnd(text, p, e)
		tk.add(p, q)
		return q
	case tokQuoteMark(r):
		return tk.quote(p, s, e)
	case r == '+' && p+1 < e && tokDigit(rune(text[p+1])) && p == s:
		// International dialling tokPrefixes ("+44") are written as one word.
		q := p + 1
		for q < e && tokDigit(rune(text[q])) {
			q++
		}
		tk.add(p, q)
		return q
	case (r == '@' || r == '#') && p+1 < e && unicode.IsLetter(rune(text[p+1])) && !tokWordBefore(text, p, s):
		// User names and hashtags ("@Ryan", "#audiobooks") are one word;
		// before a number the sign is a word of its own ("#1", "@ 2.97").
		q := p + 1
		for q < e {
			r2, n2 := tokRuneAt(text, q)
			if tokWordRune(r2) || r2 == '_' || (r2 == '.' || r2 == '-') && q+1 < e && tokWordAt(text, q+1) {
				q += n2
				continue
			}
			break
		}
		tk.add(p, q)
		return q
	case r == '-' || r == '=':
		// Rules drawn with hyphens and equals signs are one word.
		q := p + 1
		for q < e && (text[q] == '-' || text[q] == '=') {
			q++
		}
		tk.add(p, q)
		return q
	case r < utf8.RuneSelf && strings.IndexByte("*+~#<>_()$", byte(r)) >= 0:
		q := p + 1
		for q < e && text[q] == byte(r) {
			q++
		}
		tk.add(p, q)
		return q
	}
	q := p + n
	// Combining marks, variation selectors, skin tones and zero-width joiners
	// belong to the symbol they follow (emoji sequences are one picture).
	for q < e {
		r2, n2 := tokRuneAt(text, q)
		if r2 == '\u200d' {
			q += n2
			if q < e {
				_, n3 := tokRuneAt(text, q)
				q += n3
			}
			continue
		}
		if (unicode.IsMark(r2) && r2 != utf8.RuneError) || (0x1f3fb <= r2 && r2 <= 0x1f3ff) {
			q += n2
			continue
		}
		break
	}
	tk.add(p, q)
	return q
}

// tokStopRunEnd returns the end of the run of sentence punctuation at p. The
// treebank writes "!!!", "?!" and ".?" as single words but parts an ellipsis
// from the ? or ! beside it ("...?" is "..." and "?").
func tokStopRunEnd(text string, p, e int) int {
	isStop := func(c byte) bool { return c == '.' || c == '!' || c == '?' }
	if strings.HasPrefix(text[p:e], "…") {
		q := p + len("…")
		for q < e && strings.HasPrefix(text[q:e], "…") {
			q += len("…")
		}
		return q
	}
	dots := 0
	for p+dots < e && text[p+dots] == '.' {
		dots++
	}
	if dots >= 2 {
		return p + dots
	}
	q := p
	for q < e && isStop(text[q]) {
		if text[q] == '.' && q+1 < e && text[q+1] == '.' && q > p {
			break
		}
		q++
	}
	return q
}

// quote handles a single quote mark or apostrophe that does not sit inside a
// word.
func (tk *tokenizer) quote(p, s, e int) int {
	text := tk.text
	r, n := tokRuneAt(text, p)
	prevWord := tokWordBefore(text, p, s)
	// A clitic written apart from its host ("it 's") is still a clitic.
	if !prevWord && tokApostrophe(r) {
		if q := tokCliticAfter(text, p+n, e); q > 0 {
			tk.add(p, q)
			return q
		}
	}
	// Abbreviated years and decades ("'72", "'60s").
	if p+n+2 <= e && tokDigit(rune(text[p+n])) && tokDigit(rune(text[p+n+1])) {
		q := p + n + 2
		if q < e && text[q] == 's' {
			q++
		}
		if q == e || !tokWordAt(text, q) {
			tk.add(p, q)
			return q
		}
	}
	// Two quote marks in a row stand for a double quote.
	if p+n < e {
		if r2, n2 := tokRuneAt(text, p+n); tokQuoteMark(r2) {
			tk.add(p, p+n+n2)
			return p + n + n2
		}
	}
	nextWord := p+n < e && tokWordAt(text, p+n)
	tk.quoteOpen = nextWord && !prevWord
	tk.add(p, p+n)
	return p + n
}

// tokHasWordPrefix reports whether s starts with the word w, in any case,
// followed by something other than a letter or digit.
func tokHasWordPrefix(s, w string) bool {
	return len(s) >= len(w) && strings.EqualFold(s[:len(w)], w) && (len(s) == len(w) || !tokWordAt(s, len(w)))
}

// tokWordBefore reports whether a letter or digit of the same chunk ends at p.
func tokWordBefore(text string, p, s int) bool {
	if p <= s {
		return false
	}
	r, _ := tokRuneBefore(text, p)
	return tokWordRune(r)
}

func tokWordAt(text string, i int) bool {
	r, _ := tokRuneAt(text, i)
	return tokWordRune(r)
}

// tokCliticAfter returns the end of a clitic's letters ("s", "ll", "re")
// starting at i when they end the word, or 0.
func tokCliticAfter(text string, i, e int) int {
	// "'em" is not a clitic in the treebank's sense but is written the same way.
	for _, c := range []string{"s", "re", "ve", "ll", "d", "m", "em", "n"} {
		q := i + len(c)
		if q <= e && strings.EqualFold(text[i:q], c) && (q == e || !tokWordAt(text, q)) {
			return q
		}
	}
	return 0
}

// word scans a run of letters and digits with the joiners the treebank keeps
// inside words, then splits it by the hyphen, clitic and unit conventions.
func (tk *tokenizer) word(p, s, e int) int {
	text := tk.text
	q := p
	for {
		for q < e {
			r, n := tokRuneAt(text, q)
			if !tokWordRune(r) {
				break
			}
			q += n
		}
		if q >= e {
			break
		}
		c, n := tokRuneAt(text, q)
		prev, _ := tokRuneBefore(text, q)
		if (c == '*' || c == '$') && unicode.IsLetter(prev) {
			// Censored and mocking spellings ("sh*t", "me$$age") are words.
			k := q
			for k < e && text[k] == byte(c) {
				k++
			}
			if k < e {
				if r, _ := tokRuneAt(text, k); unicode.IsLetter(r) {
					q = k
					continue
				}
			}
			break
		}
		if q+n >= e || !tokWordAt(text, q+n) {
			break
		}
		next, nn := tokRuneAt(text, q+n)
		join := false
		switch c {
		case '.', '-', '\'', '’', '`', '&', '_':
			join = true
		case ',', ':':
			join = tokDigit(prev) && tokDigit(next)
		case '/':
			// Dates and short forms such as "l/c" and "w/o" are one word;
			// other slashes separate words ("and/or").
			alone := q+n+nn == e || !tokWordAt(text, q+n+nn) && text[q+n+nn] != '/'
			join = tokDigit(prev) && tokDigit(next) ||
				q-p == 1 && unicode.IsLetter(prev) && unicode.IsLetter(next) && alone ||
				strings.EqualFold(text[p:q], "w") && tokHasWordPrefix(text[q+n:e], "out")
		}
		if !join {
			break
		}
		q += n
	}

	// "w/" stands for "with" and keeps its slash.
	if q-p == 1 && (text[p] == 'w' || text[p] == 'W') && q < e && text[q] == '/' {
		tk.add(p, q+1)
		return q + 1
	}

	// A full stop after an abbreviation is part of it, except at the end of
	// the sentence, where the treebank gives the sentence its own stop.
	stop := false
	// Before a second stop ("Inc..") the first still belongs to the
	// abbreviation, but not before an ellipsis.
	if q < e && text[q] == '.' && q+1 < tk.finalFrom && !strings.HasPrefix(text[q:e], "...") {
		last := text[p:q]
		if h := strings.LastIndexByte(last, '-'); h >= 0 {
			last = last[h+1:]
		}
		stop = tokAbbrev(last)
	}

	pieces := tk.splitWord(p, q)
	if stop && len(pieces) > 0 && pieces[len(pieces)-1].end == q {
		pieces[len(pieces)-1].end++
		q++
		return tk.emit(pieces, q)
	}

	// "parents'" is a plural possessive, and "lovin'" a dropped g, unless
	// the apostrophe closes an open single quote.
	if q < e && !tk.quoteOpen && len(pieces) > 0 {
		r, n := tokRuneAt(text, q)
		lastc := text[q-1]
		pc := &pieces[len(pieces)-1]
		if (r == '\'' || r == '’') && (q+n == e || !tokWordAt(text, q+n)) && len(pc.cuts) == 0 && pc.end == q {
			switch {
			case lastc == 's' || lastc == 'S':
				pc.cuts = []int{q}
				pc.end = q + n
				q += n
			case q-pc.start > 3 && strings.HasSuffix(text[pc.start:q], "in"):
				pc.end = q + n
				q += n
			}
		}
	}
	return tk.emit(pieces, q)
}

func (tk *tokenizer) emit(pieces []tokUnit, q int) int {
	for _, pc := range pieces {
		tk.add(pc.start, pc.end, pc.cuts...)
	}
	return q
}

// splitWord cuts the word text[p:q] into units.
func (tk *tokenizer) splitWord(p, q int) []tokUnit {
	text := tk.text
	w := text[p:q]
	var out []tokUnit
	if tokDomainLike(w) {
		// File, domain and newsgroup names stay whole, but an abbreviation
		// run into the next word ("Dr.Michael") is not one of them.
		if i := strings.IndexByte(w, '.'); i > 0 && (tokTitles[tokLower(w[:i])] || tokAbbrevs[tokLower(w[:i])]) {
			return []tokUnit{{start: p, end: p + i + 1}, {start: p + i + 1, end: q}}
		}
		return []tokUnit{{start: p, end: q}}
	}
	// Walk the hyphens, deciding for each whether it separates words.
	start := p
	segs := strings.Split(w, "-")
	numeric := len(segs) > 1
	for _, sg := range segs {
		if sg == "" || strings.Trim(sg, "0123456789/.") != "" {
			numeric = false
		}
	}
	if numeric && tokKeepNumberHyphens(segs) {
		return tk.clitics(nil, p, q)
	}
	off := p
	for i, sg := range segs {
		off += len(sg)
		if i == len(segs)-1 {
			break
		}
		if !numeric && tokPrefixes[tokLower(sg)] {
			off++ // the hyphen stays inside the word
			continue
		}
		out = tk.clitics(out, start, off)
		out = append(out, tokUnit{start: off, end: off + 1})
		off++
		start = off
	}
	return tk.clitics(out, start, q)
}

// tokKeepNumberHyphens tells telephone numbers, postcodes and dates, which the
// treebank keeps whole, from ranges such as "5-10" or "1969-1970".
func tokKeepNumberHyphens(segs []string) bool {
	if len(segs) >= 3 {
		return true
	}
	a, b := segs[0], segs[1]
	return len(b) >= 4 && !(len(a) == 4 && len(b) == 4)
}

// clitics appends the unit for text[p:q], split into host and clitics, or
// number and unit, when the word is one of those.
func (tk *tokenizer) clitics(out []tokUnit, p, q int) []tokUnit {
	if q <= p {
		return out
	}
	text := tk.text
	w := text[p:q]
	lw := tokLower(w)
	if cuts, ok := tokFused[lw]; ok {
		u := tokUnit{start: p, end: q}
		for _, c := range cuts {
			u.cuts = append(u.cuts, p+c)
		}
		return append(out, u)
	}
	// Peel clitics off the end; "could've", "shouldn't've" have up to two.
	end := q
	var cuts []int
	for k := 0; k < 2; k++ {
		c := tokCliticStart(text, p, end)
		if c <= p {
			break
		}
		cuts = append([]int{c}, cuts...)
		end = c
	}
	if len(cuts) > 0 {
		return append(out, tokUnit{start: p, end: q, cuts: cuts})
	}
	if c := tokUnitStart(w); c > 0 {
		return append(out, tokUnit{start: p, end: p + c}, tokUnit{start: p + c, end: q})
	}
	// A number with one slash is a date ("9/11") when it can be a month and
	// a day; otherwise ("1/2", "26/27", "2001/02") it is three words.
	if a, b, ok := strings.Cut(w, "/"); ok && tokAllDigits(a) && tokAllDigits(b) && !tokIsDate(a, b) {
		i := p + len(a)
		return append(out, tokUnit{start: p, end: i}, tokUnit{start: i, end: i + 1}, tokUnit{start: i + 1, end: q})
	}
	return append(out, tokUnit{start: p, end: q})
}

func tokAllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !tokDigit(rune(s[i])) {
			return false
		}
	}
	return s != ""
}

func tokIsDate(month, day string) bool {
	if len(month) > 2 || len(day) > 2 || len(month) == 1 && len(day) == 1 {
		return false
	}
	m := int(month[0] - '0')
	if len(month) == 2 {
		m = m*10 + int(month[1]-'0')
	}
	d := int(day[0] - '0')
	if len(day) == 2 {
		d = d*10 + int(day[1]-'0')
	}
	return m >= 1 && m <= 12 && d >= 1 && d <= 31
}

// tokCliticStart returns where a clitic ending text[p:q] begins, or p when the
// word does not end in one. The host must end in a letter: "1990's" and
// "47's" stay whole in the treebank.
func tokCliticStart(text string, p, q int) int {
	w := text[p:q]
	lw := tokLower(w)
	for _, apo := range []string{"'", "’", "`"} {
		if strings.HasSuffix(lw, "n"+apo+"t") {
			c := q - len("n"+apo+"t")
			if c > p && tokHostEndsInLetter(text, p, c) {
				return c
			}
		}
		for _, cl := range []string{"s", "re", "ve", "ll", "d", "m"} {
			if strings.HasSuffix(lw, apo+cl) {
				c := q - len(apo+cl)
				if c > p && tokHostEndsInLetter(text, p, c) {
					return c
				}
			}
		}
	}
	return p
}

func tokHostEndsInLetter(text string, p, c int) bool {
	r, _ := tokRuneBefore(text, c)
	return unicode.IsLetter(r)
}

// tokUnitStart returns where a unit of measure or time starts after the digits
// of w ("35mm", "5pm", "65k"), or 0.
func tokUnitStart(w string) int {
	i := 0
	for i < len(w) && (tokDigit(rune(w[i])) || (i > 0 && (w[i] == '.' || w[i] == ',' || w[i] == ':') && i+1 < len(w) && tokDigit(rune(w[i+1])))) {
		i++
	}
	if i == 0 || i == len(w) {
		return 0
	}
	suffix := w[i:]
	if tokUnits[tokLower(suffix)] {
		return i
	}
	// Longer lower-case words run into a number are separate too
	// ("20minutes"); short endings are ordinals and plurals ("3rd", "1990s").
	if len(suffix) < 3 {
		return 0
	}
	for j := 0; j < len(suffix); j++ {
		if suffix[j] < 'a' || suffix[j] > 'z' {
			return 0
		}
	}
	return i
}

// tokDomainLike reports words whose full stops join names rather than end
// abbreviations or sentences: "enron.com", "ENRON.XLS", "comp.sources.unix".
func tokDomainLike(w string) bool {
	return strings.Contains(w, ".") && !tokDotted(w) && !tokNumberLike(w) && tokUnitStart(w) == 0
}

// tokNumberLike reports a number with decimal points or separators.
func tokNumberLike(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !tokDigit(rune(c)) && c != '.' && c != ',' && c != ':' && c != '/' && c != '-' {
			return false
		}
	}
	return true
}

// tokDotted reports initialisms written with stops: "U.S", "e.g", "a.m",
// "Ph.D" (the final stop is checked by the caller).
func tokDotted(w string) bool {
	segs := strings.Split(w, ".")
	if len(segs) < 2 {
		return false
	}
	for _, sg := range segs {
		if len(sg) == 0 || len(sg) > 2 {
			return false
		}
		for i := 0; i < len(sg); i++ {
			if !tokLetterByte(sg[i]) {
				return false
			}
		}
	}
	return true
}

func tokAbbrev(w string) bool {
	if w == "" {
		return false
	}
	if tokDotted(w) {
		return true
	}
	// A lone letter before a stop is an initial ("George W. Bush").
	if r, n := utf8.DecodeRuneInString(w); n == len(w) && unicode.IsLetter(r) {
		return true
	}
	lw := tokLower(w)
	if tokAbbrevs[lw] || tokTitles[lw] {
		return true
	}
	// These are also ordinary words, so only their capitalized form counts.
	return tokCapAbbrevs[lw] && w[0] >= 'A' && w[0] <= 'Z'
}

func tokLower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

func tokSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// tokTitles come before names and may be run into them ("Dr.Smith").
var tokTitles = tokSet("mr", "mrs", "ms", "dr", "st", "ft", "mt", "prof", "sr", "jr", "lt", "capt", "sgt", "gen", "gov", "sen", "rep", "reps", "rev", "hon", "pres", "col", "cpt", "messrs", "drs", "sts")

var tokAbbrevs = tokSet("etc", "vs", "inc", "co", "corp", "ltd", "llc", "bros", "jan", "feb", "apr", "aug", "sept", "sep", "oct", "nov", "dec",
	"tues", "thur", "thurs", "attn", "arrv", "ext", "approx", "dept", "est", "govt", "esp", "eg", "ie", "viz", "cf", "al",
	"yrs", "mins", "hrs", "lbs", "oz", "blvd", "ave", "assn", "univ", "fig", "figs", "vol", "vols", "pp", "ph", "ps", "nos")

var tokCapAbbrevs = tokSet("mon", "tue", "wed", "thu", "fri", "sat", "sun", "mar", "jun", "jul", "no", "la", "va", "wa", "que", "sec",
	"para", "conf", "spec", "fax", "mob", "tel", "rd", "ln", "sq", "mass", "calif", "penn", "wash", "ariz", "colo", "conn", "fla")

// tokPrefixes keep their hyphen: the treebank writes "e-mail", "non-profit",
// "anti-war" as single words but splits other hyphenated compounds.
var tokPrefixes = tokSet("a", "anti", "arch", "bi", "co", "counter", "cross", "de", "e", "ex", "extra", "hyper", "infra", "inter",
	"intra", "macro", "mega", "meta", "micro", "mid", "mini", "mis", "multi", "neo", "non", "over", "post", "pre", "pro", "pseudo",
	"psycho", "re", "semi", "socio", "sub", "super", "trans", "tri", "ultra", "un", "uni")

// tokUnits are units of measure and time, which the treebank parts from
// the number before them ("35 mm", "5 pm").
var tokUnits = tokSet("k", "m", "mm", "cm", "km", "kg", "mg", "lb", "lbs", "oz", "ft", "mi", "mph", "kph", "am", "pm",
	"hr", "hrs", "min", "mins", "sec", "secs", "gb", "mb", "kb", "tb", "hz", "ghz", "mhz", "kw", "mw", "b", "bn", "yr", "yrs",
	"hh", "f", "p", "t", "x", "sq")

// tokFused are contractions written without an apostrophe and fused
// forms that the treebank splits, with the offsets of their word breaks.
var tokFused = map[string][]int{
	"cannot": {3}, "gonna": {3}, "wanna": {3}, "gotta": {3}, "outta": {3}, "dunno": {2, 3}, "lemme": {3}, "gimme": {3},
	"dont": {2}, "cant": {2}, "wont": {2}, "aint": {2}, "didnt": {3}, "doesnt": {4}, "couldnt": {5}, "wouldnt": {5},
	"shouldnt": {6}, "isnt": {2}, "arent": {3}, "wasnt": {3}, "werent": {4}, "hasnt": {3}, "havent": {4}, "hadnt": {3},
	"im": {1}, "ive": {1}, "youre": {3}, "theyre": {4}, "thats": {4}, "theres": {5}, "whats": {4}, "heres": {4},
	"hes": {2}, "youll": {3}, "itll": {2}, "youve": {3}, "theyve": {4}, "theyll": {4}, "youd": {3},
}

// contextual splits fused forms that are also ordinary words ("its", "lets",
// "your") when the next word shows they stand for a contraction.
func (tk *tokenizer) contextual() {
	for i := range tk.units {
		u := &tk.units[i]
		if len(u.cuts) > 0 || i+1 >= len(tk.units) || u.end-u.start > 4 {
			continue
		}
		w := tokLower(tk.text[u.start:u.end])
		follow, ok := tokContextFollowers[w]
		if !ok {
			continue
		}
		nx := tk.units[i+1]
		if follow[tokLower(tk.text[nx.start:nx.end])] {
			u.cuts = []int{u.start + tokContextCut[w]}
		}
	}
}

var tokContextCut = map[string]int{"its": 2, "lets": 3, "your": 3}

var tokContextFollowers = map[string]map[string]bool{
	"its": tokSet("a", "an", "not", "really", "simply", "very", "so", "just", "also", "only", "still", "now", "been", "getting",
		"going", "gonna", "definitely", "probably", "always", "never", "too", "pretty", "quite", "like", "all", "nothing",
		"actually", "ok", "okay", "about", "hard", "easy", "true", "worth", "time", "gon", "the", "in", "for", "from", "at",
		"on", "as", "because", "called", "my", "your", "his", "her", "our", "their", "this", "that", "what", "how", "there"),
	"lets": tokSet("go", "get", "see", "say", "just", "make", "hope", "take", "try", "be", "not", "talk", "do", "have", "keep",
		"look", "start", "all", "face", "find", "put", "move", "give", "think", "me", "us"),
	"your": tokSet("going", "gonna", "gon", "doing", "being", "not", "welcome", "looking", "getting", "trying", "calling",
		"talking", "saying", "in", "on", "holding", "waiting"),
}

func (tk *tokenizer) sentence(base int) *Sentence {
	text := tk.text
	s := &Sentence{Text: text}
	for _, u := range tk.units {
		space := u.end >= len(text)
		if !space {
			r, _ := tokRuneAt(text, u.end)
			space = tokSpace(r)
		}
		from := len(s.Tokens) + 1
		a := u.start
		for k := 0; k <= len(u.cuts); k++ {
			b := u.end
			if k < len(u.cuts) {
				b = u.cuts[k]
			}
			s.Tokens = append(s.Tokens, Token{
				ID: len(s.Tokens) + 1, Form: text[a:b], Head: -1, Misc: "_",
				Start: a + base, End: b + base, SpaceAfter: b == u.end && space,
			})
			a = b
		}
		if len(u.cuts) > 0 {
			misc := "_"
			if !space {
				misc = "SpaceAfter=No"
			}
			s.Ranges = append(s.Ranges, Range{From: from, To: len(s.Tokens), Form: text[u.start:u.end], Misc: misc})
		}
	}
	return s
}
