package dict

import (
	"strings"
	"unicode"

	"github.com/adrg/strutil/metrics"
)

// Thresholds for SimilarNames, set on transliteration variants seen in news
// (Pervez/Pervaiz 0.91, Sergey/Sergei 0.93, Rafiq/Rafique 0.94) against
// distinct names (Nawaz/Shahbaz 0.68, John/Joan 0.87).
const (
	tokenJW     = 0.90 // Jaro-Winkler for two tokens to count as one spelling
	skeletonJW  = 0.80 // lower bar when the consonant skeletons agree (Kayani/Kiani 0.84)
	skeletonMin = 5    // skeletons are too coarse below this length (Bush/Bash)
	initialSim  = 0.90 // score of an initial against a full given name
	dropPenalty = 0.97 // per middle token present in only one name
	nameMin     = 0.90 // overall score needed
)

// SimilarNames reports whether two person names are spelling variants of
// one name, with a score in [0,1]. Names are compared word by word: the
// same number of words, each a close spelling (Jaro-Winkler, or the same
// consonant skeleton for transliterations such as Kayani/Kiani) or an
// initial of the other (A./Ashfaq); or, for names of two or more words
// each, the shorter as an in-order subset of the longer with the same first
// and last word (Asif Zardari / Asif Ali Zardari). A bare surname never
// matches a full name: which Khan is meant needs context, not spelling.
// Callers strip titles first (see PersonName) and check MergeForbidden.
func SimilarNames(a, b string) (score float64, ok bool) {
	ta, tb := nameTokens(a), nameTokens(b)
	if len(ta) == 0 || len(tb) == 0 {
		return 0, false
	}
	if len(ta) > len(tb) {
		ta, tb = tb, ta
	}
	if len(ta) == len(tb) {
		sum := 0.0
		ok := true
		for i := range ta {
			s, match := tokenSim(ta[i], tb[i], i < len(ta)-1)
			sum += s
			ok = ok && match
		}
		score = sum / float64(len(ta))
		return score, ok && score >= nameMin
	}
	if len(ta) < 2 {
		s, _ := tokenSim(ta[0], tb[len(tb)-1], false)
		return s / 2, false
	}
	// Align the shorter name in order, pinning first and last words.
	first, okFirst := tokenSim(ta[0], tb[0], true)
	last, okLast := tokenSim(ta[len(ta)-1], tb[len(tb)-1], false)
	if !okFirst || !okLast {
		return (first + last) / 4, false
	}
	sum, j := first+last, 1
	for i := 1; i < len(ta)-1; i++ {
		found := false
		for ; j < len(tb)-1; j++ {
			if s, m := tokenSim(ta[i], tb[j], true); m {
				sum += s
				found = true
				j++
				break
			}
		}
		if !found {
			return sum / float64(len(tb)) / 2, false
		}
	}
	score = sum / float64(len(ta))
	for k := len(ta); k < len(tb); k++ {
		score *= dropPenalty
	}
	return score, score >= nameMin
}

var jaroWinkler = metrics.NewJaroWinkler()

// tokenSim compares two name words; initials count only where allowed
// (given and middle names, not surnames).
func tokenSim(a, b string, initials bool) (float64, bool) {
	if a == b {
		return 1, true
	}
	if initials && (len([]rune(a)) == 1 || len([]rune(b)) == 1) {
		ra, rb := []rune(a), []rune(b)
		if ra[0] == rb[0] {
			return initialSim, true
		}
		return 0, false
	}
	ra, rb := []rune(a), []rune(b)
	if ra[0] != rb[0] {
		return 0, false
	}
	s := jaroWinkler.Compare(a, b)
	if s >= tokenJW {
		return s, true
	}
	if s >= skeletonJW && len(ra) >= skeletonMin && len(rb) >= skeletonMin && skeleton(a) == skeleton(b) {
		return max(s, tokenJW), true
	}
	return s, false
}

// skeleton reduces a romanised word to its consonants after folding common
// transliteration choices (q/k, ph/f, y as a vowel, doubled letters), so
// that Kayani and Kiani, Muhammad and Mohammed agree.
func skeleton(w string) string {
	w = strings.NewReplacer("ph", "f", "q", "k", "ck", "k", "kh", "k", "w", "v").Replace(w)
	var b strings.Builder
	var prev rune
	for i, r := range w {
		if i > 0 && strings.ContainsRune("aeiouy", r) {
			continue
		}
		if r == prev {
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// nameTokens lower-cases a name and splits it into words; dots and
// apostrophes go (A.P. → a p, O'Neil → oneil).
func nameTokens(s string) []string {
	var toks []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			toks = append(toks, cur.String())
			cur.Reset()
		}
	}
	for _, r := range s {
		switch {
		case r == '\'' || r == '’':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			cur.WriteRune(unicode.ToLower(r))
		default:
			flush()
		}
	}
	flush()
	return toks
}

// PersonName strips leading titles, role words and demonyms from a person
// mention: "Russian Foreign Minister Sergey Lavrov" → "Sergey Lavrov",
// "Gen. Kayani" → "Kayani". It returns s unchanged when nothing is left.
func (d *Dictionary) PersonName(s string) string {
	rest := strings.TrimSpace(s)
	for _, m := range d.Matcher().Find(rest) {
		if m.Start != 0 || !(m.Kind == KindTitle || m.Kind == KindRole || m.Kind == KindDemonym) {
			break
		}
		next := strings.TrimLeft(rest[m.End:], " .\t")
		if next == "" {
			break
		}
		return d.PersonName(next)
	}
	return rest
}
