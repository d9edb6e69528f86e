package dict

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Format names the kind of dictionary file Parse recognised.
type Format string

// Formats Parse reads. The PETRARCH ones are the plain-text dictionaries of
// the PETRARCH and TABARI event coders (the Phoenix set among them),
// described in PETRARCH's dictionaries.rst.
const (
	FormatYAML     Format = "yaml"              // kg's own format
	FormatVerbs    Format = "petrarch-verbs"    // verb synonym blocks, patterns, synsets
	FormatActors   Format = "petrarch-actors"   // NAME [CODE], +synonyms, dated codes
	FormatAgents   Format = "petrarch-agents"   // phrase {plural} [~CODE]
	FormatDiscards Format = "petrarch-discards" // phrases that stop coding
	FormatIssues   Format = "petrarch-issues"   // phrase [ISSUE_CODE] in <ISSUE> sections
)

// Bounds on plain-text input: a dictionary is edited by hand, so a line of
// a mebibyte or a file of 64 is a wrong file, not a big dictionary.
const (
	maxFileSize = 64 << 20
	maxLineLen  = 1 << 20
	maxProblems = 200
)

// srcLine is one significant line of a plain-text dictionary: comments
// removed, trailing blanks trimmed, leading ones kept.
type srcLine struct {
	n    int    // 1-based line number
	text string // what is left once comments are removed
}

// trimmed returns the text without leading blanks, and the column (1-based)
// where it starts.
func (l srcLine) trimmed() (string, int) {
	t := strings.TrimLeft(l.text, " \t")
	return t, len(l.text) - len(t) + 1
}

// textReader collects the problems of one plain-text file.
type textReader struct {
	file  string
	errs  []Problem
	warns []Problem
}

func (r *textReader) errf(line, col int, format string, args ...any) {
	if len(r.errs) == maxProblems {
		r.errs = append(r.errs, Problem{File: r.file, Line: line, Msg: "too many problems; giving up"})
	}
	if len(r.errs) > maxProblems {
		return
	}
	r.errs = append(r.errs, Problem{File: r.file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
}

func (r *textReader) warnf(line, col int, format string, args ...any) {
	r.warns = append(r.warns, Problem{File: r.file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...), Warning: true})
}

// warnAt records a warning at a "file:line" location.
func (r *textReader) warnAt(where, format string, args ...any) {
	p := problemAt(where, fmt.Sprintf(format, args...))
	p.Warning = true
	r.warns = append(r.warns, p)
}

func (r *textReader) where(line int) string { return fmt.Sprintf("%s:%d", r.file, line) }

// splitLines cuts data into significant lines. PETRARCH and TABARI files
// comment with "#" (anywhere), ";" (TABARI) and XML comments; a line that
// starts with "<!" is a comment even when malformed ("<! -- ... -->").
// Invalid UTF-8 is read as Windows-1252, the usual encoding of older files;
// control characters other than tab are dropped.
func splitLines(r *textReader, data []byte) []srcLine {
	var out []srcLine
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	inXML := false
	latin := false
	for n := 1; len(data) > 0; n++ {
		raw := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			raw, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if len(raw) > maxLineLen {
			r.errf(n, 1, "line is longer than %d bytes", maxLineLen)
			continue
		}
		raw = bytes.TrimSuffix(raw, []byte("\r"))
		if !utf8.Valid(raw) {
			if !latin {
				r.warnf(n, 0, "not valid UTF-8: read as Windows-1252")
				latin = true
			}
			if dec, err := charmap.Windows1252.NewDecoder().Bytes(raw); err == nil {
				raw = dec
			} else {
				raw = bytes.ToValidUTF8(raw, []byte("\uFFFD"))
			}
		}
		s := dropControls(string(raw))
		if inXML {
			i := strings.Index(s, "-->")
			if i < 0 {
				continue
			}
			s, inXML = s[i+3:], false
		}
		if t := strings.TrimLeft(s, " \t"); strings.HasPrefix(t, "<!") {
			if open := strings.Index(t, "<!--"); open == 0 && !strings.Contains(t[4:], "-->") {
				inXML = true
			}
			continue
		}
		for {
			open := strings.Index(s, "<!--")
			if open < 0 {
				break
			}
			end := strings.Index(s[open+4:], "-->")
			if end < 0 {
				s, inXML = s[:open], true
				break
			}
			s = s[:open] + " " + s[open+4+end+3:]
		}
		if i := strings.IndexAny(s, "#;"); i >= 0 {
			s = s[:i]
		}
		s = strings.TrimRight(s, " \t")
		if strings.TrimLeft(s, " \t") == "" {
			continue
		}
		out = append(out, srcLine{n: n, text: s})
	}
	return out
}

// dropControls removes C0 control characters other than tab, and DEL: in
// the Phoenix files they are stray bytes inside names.
func dropControls(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < ' ' && c != '\t') || c == 0x7f {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Map(func(r rune) rune {
		if (r < ' ' && r != '\t') || r == 0x7f {
			return -1
		}
		return r
	}, s)
}

var (
	yamlStartRe = regexp.MustCompile(`^(?:---\s*$|\.\.\.|%|[{\[]|[A-Za-z_][\w-]*\s*:(?:\s|$)|-\s+[A-Za-z_][\w-]*\s*:(?:\s|$)|-\s*$)`)
	transformRe = regexp.MustCompile(`^~\s*\S+\s*\(`)
	issueTagRe  = regexp.MustCompile(`(?i)^</?ISSUE\b`)
	issuePrefRe = regexp.MustCompile(`(?:^|[\s+])[nNvV]:\S`)
	substDefRe  = regexp.MustCompile(`^![^!\s]+!\s*=`)
	discardRe   = regexp.MustCompile(`^\+?\s*[\p{L}\p{N}][\p{L}\p{N}\s'’.&/_!?-]*$`)
)

// isBlockHeader reports whether t is a verb block header: "---" then,
// after more dashes and blanks, a name.
func isBlockHeader(t string) bool {
	if !strings.HasPrefix(t, "---") {
		return false
	}
	rest := strings.TrimLeft(strings.TrimLeft(t, "-"), " \t")
	return rest != "" && rest[0] != '-'
}

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// DetectFormat says which reader Parse would use for data, from its content
// alone: file names are free. kg YAML begins (after comments) with a
// top-level key such as "actors:"; PETRARCH verb files have "--- NAME ---"
// block headers, "&SYNSET" lines or "~" transformations; issue files have
// <ISSUE> sections or n:/v: expansions; agent files have codes with a "~"
// ([~GOV], [NGO~]) or !SUBST! definitions; actor files have other [CODE]s;
// a discard file is bare phrases. Anything else is an error.
func DetectFormat(data []byte) (Format, error) {
	r := &textReader{file: "input"}
	f, _ := detect(splitLines(r, data), data)
	if f == "" {
		return "", fmt.Errorf("%s", unknownFormatMsg)
	}
	return f, nil
}

const unknownFormatMsg = "unrecognised dictionary format: neither kg YAML (a top-level key such as actors:) " +
	"nor a PETRARCH verb, actor, agent, issue or discard file"

// detect classifies a file; it returns "" and the first line that fits no
// format when nothing fits. A file of nothing but PETRARCH comments is an
// empty discard list: the one format with no required syntax.
func detect(lines []srcLine, data []byte) (Format, srcLine) {
	if yamlFirst(data) {
		return FormatYAML, srcLine{}
	}
	if len(lines) == 0 {
		return FormatDiscards, srcLine{}
	}
	var verbs, issues, tilde, plain, subst int
	for _, l := range lines {
		t, _ := l.trimmed()
		switch t[0] {
		case '-':
			if isBlockHeader(t) || len(t) > 1 && t[1] != '-' && strings.IndexByte(t, '*') > 0 {
				verbs++
			}
		case '&':
			if len(t) > 1 && isASCIIAlnum(t[1]) {
				verbs++
			}
		case '~':
			if strings.IndexByte(t, '(') > 0 && transformRe.MatchString(t) {
				verbs++
			}
		case '<':
			if issueTagRe.MatchString(t) {
				issues++
			}
		case '!':
			if substDefRe.MatchString(t) {
				subst++
			}
		}
		if strings.IndexByte(t, ':') > 0 && strings.IndexByte(t, '[') >= 0 && issuePrefRe.MatchString(t) {
			issues++
		}
		for rest := t; ; {
			i := strings.IndexByte(rest, '[')
			if i < 0 {
				break
			}
			rest = rest[i+1:]
			j := strings.IndexAny(rest, "]}")
			if j < 0 {
				break
			}
			if strings.IndexByte(rest[:j], '~') >= 0 {
				tilde++
			} else {
				plain++
			}
			rest = rest[j+1:]
		}
	}
	switch {
	case verbs > 0:
		return FormatVerbs, srcLine{}
	case issues > 0:
		return FormatIssues, srcLine{}
	case subst > 0 || (tilde > 0 && tilde >= plain):
		return FormatAgents, srcLine{}
	case plain > 0:
		return FormatActors, srcLine{}
	}
	for _, l := range lines {
		if t, _ := l.trimmed(); !discardRe.MatchString(t) {
			return "", l
		}
	}
	return FormatDiscards, srcLine{}
}

// yamlFirst reports whether the first line that is neither blank nor a
// "#" comment looks like the start of a YAML document.
func yamlFirst(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		t := bytes.TrimSpace(line)
		if len(t) == 0 || t[0] == '#' {
			continue
		}
		if len(line) > 4096 {
			line = line[:4096]
		}
		return yamlStartRe.Match(bytes.TrimRight(line, " \t\r"))
	}
	return true
}

// parsePetrarch reads a plain-text dictionary of format f.
func parsePetrarch(name string, f Format, r *textReader, lines []srcLine) (*File, []Problem, []Problem) {
	file := &File{Name: name, Format: f}
	switch f {
	case FormatVerbs:
		file.VerbDict = readVerbs(r, lines)
	case FormatActors:
		file.Actors = readActors(r, lines)
	case FormatAgents:
		file.Agents = readAgents(r, lines)
	case FormatDiscards:
		file.Discards = readDiscards(r, lines)
	case FormatIssues:
		file.Issues = readIssues(r, lines)
	}
	return file, r.errs, r.warns
}

// words splits a PETRARCH phrase on blanks (any Unicode space, as
// strings.Fields) and underscores.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == '_' || unicode.IsSpace(r) })
}

// lowerWords is words in lower case.
func lowerWords(s string) []string {
	ws := words(s)
	for i, w := range ws {
		ws[i] = strings.ToLower(w)
	}
	return ws
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// nounPlural is the regular plural of the last word of a lower-case phrase,
// or "" when it has none. The rule is PETRARCH's (add S; Y to IES; SS takes
// ES) made a little more English, since forms such as "envoies" or
// "troopses" never occur in text: only a consonant before Y gives IES;
// every sibilant ending (ss, x, z, ch, sh, and s after a vowel: bus, gas)
// takes ES, "is" becomes "es" (crisis); "man" becomes "men"; and a word
// that already ends in -s after a consonant or e (troops, forces), or in
// -men, is taken for a plural and gets none.
func nounPlural(p string) string {
	n := len(p)
	last := p[strings.LastIndexByte(p, ' ')+1:]
	switch {
	case n == 0:
		return ""
	case strings.HasSuffix(p, "is") && len(last) > 3:
		return p[:n-2] + "es"
	case strings.HasSuffix(p, "ss"), strings.HasSuffix(p, "us"), strings.HasSuffix(p, "as"), strings.HasSuffix(p, "os"):
		return p + "es"
	case strings.HasSuffix(p, "s"), strings.HasSuffix(p, "men") && !notMen[last]:
		return ""
	case strings.HasSuffix(p, "man") && !notMen[last+"e"]:
		return p[:n-3] + "men"
	case strings.HasSuffix(p, "x"), strings.HasSuffix(p, "z"), strings.HasSuffix(p, "ch"), strings.HasSuffix(p, "sh"):
		return p + "es"
	case n > 1 && p[n-1] == 'y' && !isVowel(p[n-2]):
		return p[:n-1] + "ies"
	}
	return p + "s"
}

// notMen are words in -man whose plural is regular (keys end in "e" for
// the -man words, so that "germane" stands for "german"), and words in -men
// that are singular.
var notMen = map[string]bool{
	"humane": true, "germane": true, "romane": true, "shamane": true, "talismane": true, "caimane": true, "ottomane": true,
	"omen": true, "amen": true, "specimen": true, "regimen": true, "abdomen": true, "acumen": true, "yemen": true, "semen": true,
}

// pluralsOf is the list of regular plurals of a phrase: none or one.
func pluralsOf(p string) []string {
	if pl := nounPlural(p); pl != "" {
		return []string{pl}
	}
	return []string{}
}

// verbForms are the regular forms of a lower-case verb: third person -s,
// past -ed and -ing. A final consonant is never doubled (PETRARCH does
// not either): give such verbs their forms in {...}.
func verbForms(v string) []string {
	n := len(v)
	if n == 0 {
		return nil
	}
	consY := n > 1 && v[n-1] == 'y' && !isVowel(v[n-2])
	// A verb ending in a consonant and y takes -ies and -ied; one ending in
	// a sibilant takes -es, one ending in e only -d.
	s, ed, ing := v+"s", v+"ed", ""
	switch {
	case consY:
		s, ed = v[:n-1]+"ies", v[:n-1]+"ied"
	case strings.HasSuffix(v, "s"), strings.HasSuffix(v, "x"), strings.HasSuffix(v, "z"),
		strings.HasSuffix(v, "ch"), strings.HasSuffix(v, "sh"):
		s = v + "es"
	case v[n-1] == 'e':
		ed = v + "d"
	}
	switch {
	case strings.HasSuffix(v, "ie"):
		ing = v[:n-2] + "ying"
	case v[n-1] == 'e' && n > 1 && !strings.ContainsRune("eoy", rune(v[n-2])):
		ing = v[:n-1] + "ing"
	default:
		ing = v + "ing"
	}
	return []string{s, ed, ing}
}

// acronyms are the words written in capitals in kg's own dictionary
// (UN, NATO, SAARC...), which keep them in converted names too.
var acronyms = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	notAcronyms := map[string]bool{"IS": true, "AW": true, "MI": true, "RAT": true, "RAW": true}
	upper := regexp.MustCompile(`\b[A-Z]{2,}\b`)
	for _, name := range defaultFiles {
		data, err := embedded.ReadFile("data/" + name)
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(data), "\n") {
			t := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "- "))
			if strings.HasPrefix(t, "code:") || strings.HasPrefix(t, "country:") || strings.HasPrefix(t, "#") {
				continue
			}
			for _, w := range upper.FindAllString(t, -1) {
				if !notAcronyms[w] {
					out[w] = true
				}
			}
		}
	}
	return out
})

// titleWords are the capitalized words of kg's own dictionary, in lower
// case: a short name that is one of them is a word (Iran), not an acronym.
var titleWords = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	word := regexp.MustCompile(`\b[A-Z][a-z]+\b`)
	for _, name := range defaultFiles {
		data, err := embedded.ReadFile("data/" + name)
		if err != nil {
			continue
		}
		for _, w := range word.FindAll(data, -1) {
			out[strings.ToLower(string(w))] = true
		}
	}
	return out
})

// honorifics have no vowel but are not acronyms.
var honorifics = map[string]string{"MR": "Mr", "MRS": "Mrs", "DR": "Dr", "ST": "St", "JR": "Jr", "SR": "Sr", "MT": "Mt", "FT": "Ft"}

// smallWords stay lower case inside a title-cased name.
var smallWords = map[string]bool{
	"of": true, "the": true, "and": true, "for": true, "in": true, "on": true, "at": true, "to": true,
	"de": true, "du": true, "da": true, "di": true, "del": true, "della": true, "der": true, "den": true,
	"van": true, "von": true, "bin": true, "ibn": true, "al": true, "el": true, "y": true, "la": true, "le": true,
}

// displayName turns a PETRARCH phrase into a name: underscores become
// blanks and a phrase written all in capitals (as PETRARCH files are) is
// title-cased — "HAMID_KARZAI_" gives "Hamid Karzai", "AL-QAEDA" "Al-Qaeda",
// "MINISTRY_OF_DEFENCE" "Ministry of Defence". Words that read as
// acronyms keep their capitals: those kg's own dictionary writes so (UN,
// NATO, SAARC), words without a vowel (IMF, PLO), dotted abbreviations
// (U.N.), words holding a digit, words in brackets ("(JEM)"), and a
// one-word name of up to four letters (FARC, NASA) unless kg's dictionary
// has it as a word (Iran, Bonn, Gaza). A phrase with any lower-case letter
// is kept as written.
func displayName(s string) string {
	ws := words(s)
	if len(ws) == 0 {
		return ""
	}
	upper := true
	for _, r := range s {
		if unicode.IsLower(r) {
			upper = false
			break
		}
	}
	if upper {
		short := len(ws) == 1 && utf8.RuneCountInString(ws[0]) <= 4 && !titleWords()[strings.ToLower(ws[0])]
		for i, w := range ws {
			ws[i] = titleWord(w, i == 0, short)
		}
	}
	return strings.Join(ws, " ")
}

func titleWord(w string, first, keep bool) string {
	if keep || strings.ContainsAny(w, "0123456789.") || acronyms()[w] {
		return w
	}
	if strings.HasPrefix(w, "(") && strings.HasSuffix(w, ")") && len(w) <= 8 {
		return w // "(JEM)", "(LTTE)"
	}
	if t, ok := honorifics[w]; ok {
		return t
	}
	vowel := false
	for _, r := range w {
		if r < utf8.RuneSelf {
			if strings.IndexByte("AEIOUY", byte(r)) >= 0 {
				vowel = true
				break
			}
		} else if strings.ContainsRune("ÀÁÂÃÄÅÆÈÉÊËÌÍÎÏÒÓÔÕÖØÙÚÛÜÝ", r) {
			vowel = true
			break
		}
	}
	if !vowel && utf8.RuneCountInString(w) >= 2 {
		return w
	}
	lw := strings.ToLower(w)
	if !first && smallWords[lw] {
		return lw
	}
	b := []byte(lw)
	if isASCII(lw) {
		start := true
		for i, c := range b {
			if start && c >= 'a' && c <= 'z' {
				b[i] = c - 'a' + 'A'
				start = false
				continue
			}
			start = c == '-' || c == '/' || c == '(' || (c == '\'' && i <= 1)
		}
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(lw))
	start := true
	for _, r := range lw {
		if start && unicode.IsLetter(r) {
			sb.WriteRune(unicode.ToUpper(r))
			start = false
			continue
		}
		sb.WriteRune(r)
		start = r == '-' || r == '/' || r == '(' || (r == '\'' && sb.Len() <= 2)
	}
	return sb.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
