package text

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"sync"
)

// words.txt.gz is a general English word list and words-rare.txt.gz adds
// rarer words to it (see words.NOTICE). Together they tell run-together
// words ("longerwants") from real ones ("stakeholders"); only the common
// list may supply the halves of a split, so that rare words such as
// "scrip" do not turn "scriptable" into "scrip table".
//
//go:embed words.txt.gz
var wordsGz []byte

//go:embed words-rare.txt.gz
var rareWordsGz []byte

var (
	wordsOnce sync.Once
	wordSet   *wordTable
)

// englishWords returns the embedded word lists, decompressed on first use
// (about 65,000 common and 53,000 rarer words).
func englishWords() *wordTable {
	wordsOnce.Do(func() {
		wordSet = newWordTable(1 << 18)
		// The lists are compiled in; a broken one is a build defect, and
		// repairs then simply do not happen.
		_ = wordSet.load(wordsGz, true)
		_ = wordSet.load(rareWordsGz, false)
	})
	return wordSet
}

// IsEnglishWord reports whether w (any case) is in the built-in word list.
func IsEnglishWord(w string) bool {
	found, _ := englishWords().lookup(strings.ToLower(w))
	return found
}

// wordTable is a set of words stored as 32-bit fingerprints in an
// open-addressing table, with one bit marking common words. It answers the
// repairer's many lookups (one per long lower-case word) from 1 MB of flat
// memory, where a map of strings needs several times that and more cache
// misses. Two words share a fingerprint with odds of about one in 2^30 per
// lookup, which at worst leaves a run-together word unsplit.
type wordTable struct {
	slots []uint32
	mask  uint64
}

const commonBit = 2 // in a slot: the word is on the common list; bit 0 marks a used slot

// newWordTable makes a table of size slots (a power of two, at least twice
// the number of words to add).
func newWordTable(size int) *wordTable {
	return &wordTable{slots: make([]uint32, size), mask: uint64(size - 1)}
}

// load adds the words of a gzipped list, one per line.
func (t *wordTable) load(gz []byte, common bool) error {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return fmt.Errorf("read word list: %w", err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return fmt.Errorf("read word list: %w", err)
	}
	for len(data) > 0 {
		line := data
		if k := bytes.IndexByte(data, '\n'); k >= 0 {
			line, data = data[:k], data[k+1:]
		} else {
			data = nil
		}
		if line = bytes.TrimSpace(line); len(line) > 0 {
			t.add(line, common)
		}
	}
	return nil
}

// wordHash is 64-bit FNV-1a.
func wordHash[T string | []byte](w T) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= 1099511628211
	}
	return h
}

func fingerprint(h uint64) uint32 { return uint32(h>>32)&^commonBit | 1 }

func (t *wordTable) add(w []byte, common bool) {
	h := wordHash(w)
	fp := fingerprint(h)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		v := t.slots[i]
		if v == 0 || v&^commonBit == fp {
			if common {
				fp |= commonBit
			}
			t.slots[i] = v | fp
			return
		}
	}
}

// lookup reports whether w is listed and whether it is a common word.
func (t *wordTable) lookup(w string) (found, common bool) {
	h := wordHash(w)
	fp := fingerprint(h)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		v := t.slots[i]
		if v == 0 {
			return false, false
		}
		if v&^commonBit == fp {
			return true, v&commonBit != 0
		}
	}
}

// gluedLeft are function words that web scrapes glue to the next word when
// markup between them is lost ("ofAfghanistan", "NowRussia", "theAmerican").
var gluedLeft = map[string]bool{
	"an": true, "the": true, "of": true, "in": true, "on": true, "at": true,
	"to": true, "for": true, "from": true, "by": true, "with": true, "and": true, "but": true,
	"or": true, "nor": true, "now": true, "then": true, "as": true, "if": true, "when": true,
	"while": true, "after": true, "before": true, "since": true, "so": true, "yet": true,
	"also": true, "this": true, "that": true, "these": true, "those": true, "into": true,
	"onto": true, "over": true, "under": true, "between": true, "against": true, "about": true,
	"is": true, "was": true, "are": true, "were": true, "has": true, "had": true, "have": true,
	"will": true, "would": true, "said": true, "says": true, "our": true, "their": true,
	"its": true, "his": true, "her": true, "not": true, "only": true, "even": true,
	"both": true, "all": true, "via": true, "like": true, "than": true, "where": true,
	"which": true, "who": true, "whom": true, "why": true, "how": true, "across": true,
	"during": true, "without": true, "within": true, "towards": true, "toward": true,
	"through": true, "upon": true, "among": true, "amid": true, "including": true,
}

// Halves that make compounds or suffixed words rather than two words
// ("deduct"+"able", "counter"+"terrorism"): an all-lower-case word is not
// split there.
var (
	suffixLike = map[string]bool{
		"able": true, "ible": true, "ment": true, "ments": true, "ness": true, "less": true,
		"ship": true, "ships": true, "hood": true, "age": true, "ages": true, "ion": true,
		"ions": true, "ate": true, "ates": true, "ant": true, "ants": true, "ent": true,
		"ism": true, "isms": true, "ist": true, "ists": true, "ize": true, "ise": true,
		"ful": true, "ward": true, "wards": true, "wise": true, "like": true, "dom": true,
		"ence": true, "ance": true, "ity": true, "ous": true, "ive": true, "ally": true,
		"ing": true, "ings": true, "man": true, "men": true, "son": true, "sons": true,
		"one": true, "ones": true, "ore": true, "ice": true, "ices": true, "pet": true,
		"get": true, "her": true, "let": true, "lets": true, "ten": true, "tan": true,
		"ton": true, "tons": true, "led": true, "red": true, "bed": true, "ted": true,
		"den": true, "don": true, "land": true, "lands": true, "line": true, "lines": true,
		"side": true, "sides": true, "time": true, "times": true, "work": true, "works": true,
		"way": true, "ways": true, "where": true, "what": true, "ever": true, "body": true,
		"thing": true, "self": true, "selves": true, "out": true, "off": true, "over": true,
	}
	prefixLike = map[string]bool{
		"out": true, "over": true, "under": true, "up": true, "down": true, "back": true,
		"fore": true, "counter": true, "anti": true, "non": true, "pre": true, "post": true,
		"super": true, "sub": true, "inter": true, "multi": true, "self": true, "semi": true,
		"mid": true, "micro": true, "macro": true, "mega": true, "mis": true, "dis": true,
		"bio": true, "geo": true, "eco": true, "tele": true, "trans": true, "extra": true,
		"ultra": true, "hyper": true, "neo": true, "pro": true, "con": true, "car": true,
		"for": true, "any": true, "some": true, "every": true, "there": true, "here": true,
		"where": true, "with": true, "what": true, "when": true, "who": true, "how": true,
		"man": true, "sea": true, "air": true, "war": true, "head": true,
		"hand": true, "home": true, "news": true, "book": true, "work": true, "life": true,
		"land": true, "water": true, "fire": true, "world": true, "state": true, "gun": true,
		"cross": true, "long": true, "short": true, "high": true, "low": true, "well": true,
		"hard": true, "soft": true, "free": true, "half": true, "new": true, "old": true,
	}
)

// shortWords are the three-letter words that may be half of an
// all-lower-case join ("relationshipmay"); other halves need four letters,
// so that unknown words such as "insurgency" are not cut into "ins urgency".
var shortWords = map[string]bool{
	"the": true, "and": true, "for": true, "may": true, "can": true, "has": true,
	"had": true, "was": true, "are": true, "not": true, "but": true, "its": true,
	"his": true, "her": true, "our": true, "who": true, "why": true, "how": true,
	"all": true, "any": true, "now": true, "yet": true, "did": true, "will": true,
	"new": true, "two": true, "six": true, "ten": true, "one": true,
}

// repairer splits run-together words.
type repairer struct {
	words *wordTable
	hook  func(string) bool
}

func newRepairer(hook func(string) bool) *repairer {
	return &repairer{words: englishWords(), hook: hook}
}

// known reports whether a word is listed at all (or known to the hook).
func (r *repairer) known(lower string) bool {
	if found, _ := r.words.lookup(lower); found {
		return true
	}
	return r.hook != nil && r.hook(lower)
}

// common reports whether a word may be half of a split: a common word or
// one known to the hook.
func (r *repairer) common(lower string) bool {
	if _, c := r.words.lookup(lower); c {
		return true
	}
	return r.hook != nil && r.hook(lower)
}

// repair returns p with run-together words split: "ofAfghanistan" → "of
// Afghanistan" and "NowRussia" → "Now Russia" when the left part is a
// function word (or, lower case, a known word of three letters or more),
// and "longerwants" → "longer wants" when both halves are known words of
// three letters or more, the whole is not, and the split is not a likely
// compound or suffix ("deduct|able").
func (r *repairer) repair(p string) string {
	var b *strings.Builder
	last := 0
	for i := 0; i < len(p); {
		if !isASCIILetter(p[i]) {
			i++
			continue
		}
		// Scan the word, noting whether it could be a join at all: a lower
		// case letter followed by a capital, or seven lower-case letters.
		j, join, lower := i, false, true
		for j < len(p) {
			c := letterCase[p[j]]
			if c == 0 {
				break
			}
			if c == caseUpper {
				lower = false
				join = join || j > i && letterCase[p[j-1]] == caseLower
			}
			j++
		}
		w := p[i:j]
		if (join || lower && len(w) >= 7) && r.eligible(p, i, j) {
			if fixed := r.split(w); fixed != w {
				if b == nil {
					b = &strings.Builder{}
					b.Grow(len(p) + 8)
				}
				b.WriteString(p[last:i])
				b.WriteString(fixed)
				last = j
			}
		}
		i = j
	}
	if b == nil {
		return p
	}
	b.WriteString(p[last:])
	return b.String()
}

// eligible leaves alone letters that are part of URLs, handles, file names,
// codes or words with non-ASCII letters.
func (r *repairer) eligible(p string, i, j int) bool {
	if i > 0 {
		switch c := p[i-1]; {
		case c == '@' || c == '/' || c == '_' || c == '#' || c == '.' || c == '\\' || c >= 0x80 || c >= '0' && c <= '9':
			return false
		}
	}
	if j < len(p) {
		switch c := p[j]; {
		case c == '@' || c == '/' || c == '_' || c >= 0x80 || c >= '0' && c <= '9':
			return false
		case c == '.' && j+1 < len(p) && isASCIILetter(p[j+1]):
			return false
		}
	}
	return true
}

func (r *repairer) split(w string) string {
	// Run-together words in scrapes are two ordinary words or a word and a
	// name; anything longer is a URL, a hash or garbage, and trying every
	// split point of it would cost time quadratic in its length.
	if len(w) > maxGluedLen {
		return w
	}
	// A lower-to-upper join: "ofAfghanistan", "NowRussia", "theUS".
	for k := 1; k < len(w); k++ {
		if isLower(w[k-1]) && isUpper(w[k]) {
			left, right := w[:k], w[k:]
			if !r.leftGlued(left) || !properRight(right) {
				return w
			}
			return left + " " + r.split(right)
		}
	}
	if !isAllLower(w) || len(w) < 7 || r.known(w) {
		return w
	}
	best, bestScore := -1, 0
	for k := 3; k <= len(w)-3; k++ {
		left, right := w[:k], w[k:]
		if suffixLike[right] || prefixLike[left] {
			continue
		}
		if (len(left) < 4 && !shortWords[left]) || (len(right) < 4 && !shortWords[right]) {
			continue
		}
		if !r.common(left) || !r.common(right) {
			continue
		}
		if s := min(len(left), len(right)); s > bestScore {
			best, bestScore = k, s
		}
	}
	if best < 0 {
		return w
	}
	return w[:best] + " " + w[best:]
}

// maxGluedLen is the longest token split considers.
const maxGluedLen = 48

// leftGlued reports whether left can be a word glued to a name after it.
func (r *repairer) leftGlued(left string) bool {
	if isAllLower(left) {
		return len(left) >= 2 && (gluedLeft[left] || len(left) >= 3 && r.common(left))
	}
	// Capitalised: only function words ("NowRussia", "TheAmerican"), so
	// that "YouTube" or "PayPal" stay whole.
	if isUpper(left[0]) && isAllLower(left[1:]) {
		return gluedLeft[strings.ToLower(left)]
	}
	return false
}

// properRight accepts "Afghanistan" (capitalized, then lower case) and
// short acronyms ("US", "NATO").
func properRight(right string) bool {
	if len(right) < 2 {
		return false
	}
	if isAllLower(right[1:]) {
		return len(right) >= 3
	}
	for k := 0; k < len(right); k++ {
		if !isUpper(right[k]) {
			return false
		}
	}
	return len(right) <= 5
}

const (
	caseLower = 1
	caseUpper = 2
)

// letterCase classifies ASCII letters for the repairer's word scan.
var letterCase = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = caseLower, caseUpper
	}
	return t
}()

func isLower(c byte) bool { return c >= 'a' && c <= 'z' }
func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

func isAllLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isLower(s[i]) {
			return false
		}
	}
	return s != ""
}
