package text

import (
	"fmt"
	"strings"

	"github.com/kg-project/kg/internal/graph"
)

// CleanOptions adjusts Clean.
type CleanOptions struct {
	// KnownWord reports whether a word (lower case) is known, to repair
	// run-together words such as "ofAfghanistan" or "longerwants". It adds
	// to the built-in English word list; nil uses that list alone.
	KnownWord func(string) bool
}

// Article is a cleaned document.
type Article struct {
	// Text is the article body: UTF-8 in NFC, ASCII quotes and dashes,
	// single spaces, paragraphs separated by "\n\n". All offsets elsewhere
	// refer to it. Title, byline and dateline are not part of it.
	Text   string
	Title  string     // headline, if one was found
	Date   graph.Date // document date from HTML metadata or a dateline; zero if none
	Byline string     // author name, if one was found
	// Dropped lists what was removed as junk and why, in input order.
	Dropped []Span
}

// Span is a piece of input that Clean removed.
type Span struct {
	Line   int    // 1-based line in the normalised input (HTML: in the rendered text)
	Text   string // the line as it was after normalisation
	Reason string // one of the Reason constants
}

// meta is what a format tells about a document besides its text.
type meta struct {
	title, byline string
	date          graph.Date
}

// Clean turns raw bytes of the given format into an article. Formats: "txt"
// (also "text", "" and "jsonl", whose records carry plain text), "md"
// ("markdown") and "html" ("htm"). It returns ErrBinary for binary content
// and ErrEncoding for text that is not UTF-8 and cannot be repaired; callers
// add the file name.
func Clean(raw []byte, format string, opts CleanOptions) (Article, error) {
	s, err := decode(raw)
	if err != nil {
		return Article{}, err
	}
	var md meta
	switch strings.ToLower(format) {
	case "", "txt", "text", "jsonl", "json":
	case "md", "markdown":
		s, md.title, md.date = stripMarkdown(s)
	case "html", "htm", "xhtml":
		s, md, err = renderHTML(s)
		if err != nil {
			return Article{}, err
		}
	default:
		return Article{}, fmt.Errorf("unknown format %q (want txt, md, html or jsonl)", format)
	}
	return cleanText(s, md, opts), nil
}

// cleanText runs the shared line pipeline: normalise, classify lines, take
// title, dateline and byline from the header, drop junk, rebuild paragraphs
// and repair run-together words.
func cleanText(s string, md meta, opts CleanOptions) Article {
	s = normalize(s)
	lines := strings.Split(s, "\n")
	info := make([]lineInfo, len(lines))
	for i, l := range lines {
		info[i] = analyzeLine(l)
	}
	unit := groupUnits(info)
	a := Article{Title: md.title, Byline: md.byline, Date: md.date}
	keep := make([]bool, len(lines))
	reason := make([]string, len(lines))
	drop := func(i int, why string) {
		keep[i], reason[i] = false, why
	}

	// The body starts at the first prose paragraph; short documents with
	// none start at their first line that is not junk.
	body := -1
	for i := range info {
		if info[i].prose {
			body = i
			break
		}
	}
	if body < 0 {
		for i := range info {
			if info[i].text != "" && info[i].junk == "" {
				if _, ok := datelineDate(info[i].text); ok {
					continue
				}
				if _, ok := isByline(info[i].text); ok {
					continue
				}
				body = i
				break
			}
		}
	}
	if body < 0 {
		body = len(lines)
	}

	// Header: dateline, byline and title candidates; the rest is dropped.
	dateLine, bylineLine := -1, -1
	var cands []int
	for i := 0; i < body; i++ {
		t := info[i].text
		if t == "" {
			continue
		}
		drop(i, ReasonHeader)
		if info[i].junk != "" {
			reason[i] = info[i].junk
			continue
		}
		if dateLine < 0 {
			if d, ok := datelineDate(t); ok {
				dateLine = i
				reason[i] = ReasonDateline
				if a.Date.IsZero() {
					a.Date = d
				}
				continue
			}
		}
		if bylineLine < 0 {
			if name, ok := isByline(t); ok {
				bylineLine = i
				reason[i] = ReasonByline
				if a.Byline == "" {
					a.Byline = name
				}
				// "By AFP | Published March 4, 2019"
				if a.Date.IsZero() {
					for _, m := range FindDates(t, graph.Date{}) {
						if m.Date.Precision() == graph.Day {
							a.Date = m.Date
							break
						}
					}
				}
				continue
			}
		}
		// Headlines do not end with a full stop or a colon.
		if last := lastSignificant(t); info[i].words >= 2 && info[i].words <= 30 && !info[i].teaser && last != '.' && last != ':' {
			cands = append(cands, i)
		}
	}
	if title := pickTitle(cands, dateLine, bylineLine); title >= 0 {
		reason[title] = ReasonTitle
		if a.Title == "" {
			a.Title = info[title].text
		}
	} else if a.Title == "" && body < len(lines) && headlineLike(info, body) {
		// A question or exclamation headline reads as prose: "Pakistan-Russia:
		// Can old rivals be strategic partners?"
		drop(body, ReasonTitle)
		a.Title = info[body].text
		body++
	}
	// Short sentences right before the first prose paragraph, after the
	// title, byline and dateline, open the body: "Russia attacked Ukraine."
	for j := body - 1; j >= 0; j-- {
		if info[j].text == "" {
			continue
		}
		if reason[j] != ReasonHeader || !info[j].endPunc || info[j].words < 3 || info[j].teaser {
			break
		}
		body = j
	}

	// Body: keep lines unless junk; a tail block (related links, comments,
	// recent posts) is dropped until two prose paragraphs in a row show
	// that the article resumes.
	inTail := false
	var pending []int
	for i := body; i < len(lines); i++ {
		li := info[i]
		if li.text == "" {
			continue
		}
		if inTail {
			if li.prose && li.junk == "" {
				pending = append(pending, i)
				if len(pending) >= 2 {
					for _, p := range pending {
						keep[p] = true
					}
					pending, inTail = nil, false
				}
				continue
			}
			for _, p := range pending {
				drop(p, ReasonTail)
			}
			pending = pending[:0]
			drop(i, ReasonTail)
			if li.junk != "" {
				reason[i] = li.junk
			}
			continue
		}
		if li.junk != "" {
			drop(i, li.junk)
			inTail = li.tail
			continue
		}
		// Some pages put the dateline under the first paragraph.
		if a.Date.IsZero() && i < body+15 && !li.prose {
			if d, ok := datelineDate(li.text); ok {
				a.Date = d
				drop(i, ReasonDateline)
				continue
			}
		}
		keep[i] = true
	}
	for _, p := range pending {
		drop(p, ReasonTail)
	}

	// Trailer: short lines after the last sentence, and an author bio
	// that starts with the byline's name.
	last := -1
	for i := len(lines) - 1; i >= body; i-- {
		if keep[i] && info[i].endPunc && info[i].words >= 3 && !info[i].teaser {
			last = i
			break
		}
	}
	for i := last + 1; last >= 0 && i < len(lines); i++ {
		if keep[i] {
			drop(i, ReasonTrailer)
		}
	}
	if a.Byline != "" && last >= 0 && info[last].words <= 30 && strings.HasPrefix(info[last].text, a.Byline+" ") {
		drop(last, ReasonBio)
	}

	for i := range lines {
		if !keep[i] && reason[i] != "" {
			a.Dropped = append(a.Dropped, Span{Line: i + 1, Text: lines[i], Reason: reason[i]})
		}
	}
	a.Text = assemble(info, unit, keep, newRepairer(opts.KnownWord))
	return a
}

// pickTitle chooses the headline among header lines: the one right before
// the byline, else the first after the dateline (or the last before it),
// else the first candidate.
func pickTitle(cands []int, dateLine, bylineLine int) int {
	if len(cands) == 0 {
		return -1
	}
	if bylineLine >= 0 {
		best := -1
		for _, c := range cands {
			if c < bylineLine {
				best = c
			}
		}
		if best >= 0 {
			return best
		}
	}
	if dateLine >= 0 {
		best := -1
		for _, c := range cands {
			if c > dateLine {
				return c
			}
			best = c
		}
		return best
	}
	return cands[0]
}

// headlineLike reports whether line i stands alone (blank lines around),
// is short, does not end with a full stop and is followed by prose.
func headlineLike(info []lineInfo, i int) bool {
	li := info[i]
	if li.words > 15 || li.words < 2 || lastSignificant(li.text) == '.' || li.teaser {
		return false
	}
	if i > 0 && info[i-1].text != "" || i+1 < len(info) && info[i+1].text != "" {
		return false
	}
	for j := i + 1; j < len(info); j++ {
		if info[j].text != "" {
			return info[j].prose
		}
	}
	return false
}

// readMore are link labels glued to the end of teaser paragraphs.
var readMore = []string{" Read more", " Read More", " READ MORE", " Continue reading", " More", " more"}

// groupUnits assigns every non-blank line the index of the paragraph it
// belongs to (-1 for blank lines). Lines of one block (no blank line
// between) form one paragraph when the block looks hard-wrapped or when a
// line carries on the sentence of the line before; otherwise each line is a
// paragraph of its own. Junk lines are always alone. A paragraph of several
// lines that reads as prose marks all its lines as prose.
func groupUnits(info []lineInfo) []int {
	unit := make([]int, len(info))
	id := -1
	for i := 0; i < len(info); {
		if info[i].text == "" {
			unit[i] = -1
			i++
			continue
		}
		j := i
		for j < len(info) && info[j].text != "" {
			j++
		}
		wrapped := looksWrapped(info[i:j])
		for k := i; k < j; k++ {
			if k == i || info[k].junk != "" || info[k-1].junk != "" ||
				!(wrapped || continues(info[k-1].text, info[k].text)) {
				id++
			}
			unit[k] = id
		}
		i = j
	}
	for i := 0; i < len(info); {
		j := i + 1
		for j < len(info) && unit[j] == unit[i] && unit[i] >= 0 {
			j++
		}
		if j-i > 1 {
			words := 0
			for k := i; k < j; k++ {
				words += info[k].words
			}
			end := info[j-1]
			if !end.teaser && (end.endPunc && words >= 6 || words >= 20) {
				for k := i; k < j; k++ {
					info[k].prose = true
				}
			}
		}
		i = j
	}
	return unit
}

// assemble joins the kept lines of each paragraph with spaces and the
// paragraphs with blank lines, repairing run-together words.
func assemble(info []lineInfo, unit []int, keep []bool, rep *repairer) string {
	var b strings.Builder
	size := 0
	for i := range info {
		if keep[i] {
			size += len(info[i].text) + 2
		}
	}
	b.Grow(size + size/64)
	var para []string
	flush := func() {
		if len(para) == 0 {
			return
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(rep.repair(joinWrapped(para)))
		para = para[:0]
	}
	for i := range info {
		if !keep[i] {
			flush()
			continue
		}
		if len(para) > 0 && unit[i] != unit[i-1] {
			flush()
		}
		para = append(para, info[i].text)
	}
	flush()
	return b.String()
}

func trimReadMore(t string) string {
	for _, suf := range readMore {
		if strings.HasSuffix(t, suf) {
			head := strings.TrimRight(t[:len(t)-len(suf)], " ")
			if head != "" {
				if c := lastSignificant(head); c == '.' || c == '!' || c == '?' {
					return head
				}
			}
		}
	}
	return t
}

// looksWrapped reports whether a block's lines are hard-wrapped prose:
// every line but the last is of similar, moderate length, and at least one
// of them stops mid-sentence (a block whose every line ends a sentence is
// one paragraph per line).
func looksWrapped(info []lineInfo) bool {
	var ls []int
	midSentence := false
	for k := range info {
		if info[k].junk != "" {
			continue
		}
		ls = append(ls, len(info[k].text))
		if k < len(info)-1 && !info[k].endPunc {
			midSentence = true
		}
	}
	if len(ls) < 2 || !midSentence {
		return false
	}
	lo, hi := ls[0], ls[0]
	for _, l := range ls[:len(ls)-1] {
		lo, hi = min(lo, l), max(hi, l)
	}
	return lo >= 35 && hi <= 110 && hi-lo <= 30
}

// continues reports whether line next carries on the sentence of prev.
func continues(prev, next string) bool {
	if prev == "" || next == "" {
		return false
	}
	c := lastSignificant(prev)
	if c == '.' || c == '!' || c == '?' || c == ':' {
		return false
	}
	n := next[0]
	return n >= 'a' && n <= 'z' || c == ',' || c == '-'
}

func joinWrapped(para []string) string {
	if len(para) == 1 {
		return para[0]
	}
	var b strings.Builder
	for k, l := range para {
		if k > 0 {
			prev := para[k-1]
			// "nuclear-" + "armed": a word broken at its hyphen.
			if !(len(prev) >= 2 && prev[len(prev)-1] == '-' && isASCIILetter(prev[len(prev)-2])) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}
