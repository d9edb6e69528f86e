package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Reasons recorded in Article.Dropped.
const (
	ReasonBoilerplate = "boilerplate" // a known boilerplate phrase (share, subscribe, copyright...)
	ReasonTimestamp   = "timestamp"   // a relative time stamp ("4 hours ago")
	ReasonBullet      = "bullet"      // a short bulleted label ("• Business")
	ReasonBio         = "author bio"  // "The writer is a freelancer"
	ReasonSocial      = "social"      // handles, "follow us on Twitter"
	ReasonSymbols     = "symbols"     // no words at all
	ReasonNavigation  = "navigation"  // menus: "Home | News | Sport", "Current_Issue"
	ReasonHeader      = "header"      // short lines before the article body starts
	ReasonTrailer     = "trailer"     // short lines after the article body ends
	ReasonTail        = "tail block"  // lines of a Related / Recent Posts / Comments block
	ReasonTitle       = "title"
	ReasonByline      = "byline"
	ReasonDateline    = "dateline"
)

// boilerLines are whole lines (lower-cased, trimmed of punctuation) that
// are page furniture. Those marked true open a block that runs to the end of
// the page (related links, comments, recent posts) unless prose resumes.
var boilerLines = map[string]bool{
	"share": true, "share this": true, "share this article": true, "share this story": true,
	"share this post": true, "share on facebook": true, "share on twitter": true,
	"leave a reply": true, "leave a comment": true, "post a comment": true, "add a comment": true,
	"add comment": true, "comments": true, "comment": true, "write a comment": true,
	"related": true, "related posts": true, "related articles": true, "related stories": true,
	"related news": true, "related content": true, "related topics": true,
	"recent posts": true, "recent news": true, "recent articles": true, "recent stories": true,
	"latest news": true, "latest posts": true, "latest stories": true, "latest": true,
	"popular posts": true, "popular": true, "most read": true, "most popular": true,
	"most viewed": true, "trending": true, "trending now": true, "top stories": true,
	"you may also like": true, "you might also like": true, "more stories": true,
	"more from": true, "more news": true, "more in": true, "read next": true,
	"recommended": true, "recommended for you": true, "editor's picks": true,
	"previous article": true, "next article": true, "previous post": true, "next post": true,
	"about the author": true, "tags": true, "topics": true, "also read": true,
	"read more": false, "more": false, "advertisement": false, "sponsored": false,
	"print": false, "email": false, "tweet": false, "whatsapp": false, "facebook": false,
	"twitter": false, "linkedin": false, "home": false, "menu": false, "search": false,
	"skip to content": false, "skip to main content": false, "contents": false,
	"categories": false, "archives": false, "login": false, "log in": false,
	"sign in": false, "sign up": false, "register": false, "subscribe": false,
	"newsletter": false, "back to top": false, "close": false, "continue reading": false,
	"click here": false, "follow us": false, "listen": false, "listen to this article": false,
	"loading": false, "photo": false, "video": false, "watch": false, "view comments": false,
	"toggle navigation": false, "main menu": false, "breaking news": false,
}

// boilerPrefixes start boilerplate lines of any length.
var boilerPrefixes = []string{
	"copyright", "©", "(c) ", "all rights reserved", "disclaimer", "your email address will not be published",
	"required fields are marked", "we use cookies", "this website uses cookies", "this site uses cookies",
	"by continuing to use", "by using this site", "subscribe to", "sign up for", "sign up to",
	"click here", "read more:", "also read:", "read also:", "related:", "tags:", "filed under",
	"posted in ", "follow us", "follow on ", "join our", "download our app", "download the app",
	"get the latest", "get our", "like us on", "newspapers in ", "newspapers from ",
	"share this", "leave a reply", "leave a comment", "photo:", "image:", "file photo", "photo credit",
	"(photo", "(file photo", "advertisement", "sponsored content", "reporting by", "editing by",
	"additional reporting by", "this article was originally published", "this story was originally",
	"the views expressed", "views expressed in this", "opinions expressed in this",
	"continue reading", "scroll to continue", "story continues below", "article continues below",
	"comments are closed", "you must be logged in", "print this", "email this", "for more news",
	"pic.twitter.com", "related coverage", "recommended stories",
}

// maxBoilerWords is the longest boilerplate paragraph, in words, that a
// prefix of boilerPrefixes removes.
const maxBoilerWords = 150

// prefixesByByte indexes boilerPrefixes by their first byte.
var prefixesByByte = func() (t [256][]string) {
	for _, p := range boilerPrefixes {
		t[p[0]] = append(t[p[0]], p)
	}
	return t
}()

// bioSubjects open an author bio line: "The writer is a freelancer".
var bioSubjects = []string{
	"the writer", "the author", "the columnist", "the reporter", "the contributor",
	"writer is", "author is", "(the writer", "(the author", "- the writer", "- the author",
}

var relativeUnits = map[string]bool{
	"second": true, "seconds": true, "sec": true, "secs": true, "minute": true, "minutes": true,
	"min": true, "mins": true, "hour": true, "hours": true, "hr": true, "hrs": true, "h": true,
	"day": true, "days": true, "week": true, "weeks": true, "month": true, "months": true,
	"year": true, "years": true, "m": true, "d": true,
}

// lineInfo describes one trimmed line of normalised input.
type lineInfo struct {
	text    string
	words   int    // capped at manyWords
	junk    string // reason when the line is junk on its own
	tail    bool   // the line opens a tail block
	prose   bool   // looks like a running-text paragraph
	teaser  bool   // ends in an ellipsis: a cut-off teaser
	bullet  bool
	endPunc bool // ends with sentence punctuation
}

func analyzeLine(s string) lineInfo {
	s = trimReadMore(s)
	li := lineInfo{text: s, words: countWordsUpTo(s, manyWords)}
	if s == "" {
		return li
	}
	last := lastSignificant(s)
	li.endPunc = last == '.' || last == '!' || last == '?'
	li.teaser = strings.HasSuffix(s, "...") || strings.HasSuffix(s, "..")
	first, _ := utf8.DecodeRuneInString(s)
	li.bullet = isBullet(first) || (first == '*' || first == '-' || first == '>') && len(s) > 1 && s[1] == ' '
	li.junk, li.tail = junkReason(s, li)
	li.prose = li.junk == "" && !li.teaser && (li.endPunc && li.words >= 6 || li.words >= 20)
	return li
}

func isBullet(r rune) bool {
	switch r {
	case '•', '·', '▪', '►', '▶', '■', '●', '◦', '‣', '∙', '□', '◆', '◇', '○', '➤', '→', '»':
		return true
	}
	return false
}

// lastSignificant returns the last byte of s that is not a closing quote or
// bracket.
func lastSignificant(s string) byte {
	i := len(s) - 1
	for i > 0 && isCloser(s[i]) {
		i--
	}
	return s[i]
}

func countWords(s string) int { return countWordsUpTo(s, len(s)+1) }

// manyWords is where line classification stops counting words: no rule
// distinguishes between lines longer than maxBoilerWords.
const manyWords = maxBoilerWords + 1

// countWordsUpTo counts the words of s, stopping at limit.
func countWordsUpTo(s string, limit int) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		w := wordByte[c]
		if w && !in {
			n++
			if n >= limit {
				return n
			}
		}
		in = w || (in && (c == '\'' || c == '-'))
	}
	return n
}

// wordByte marks the bytes that belong to words: ASCII letters and digits
// and every byte of a multi-byte character.
var wordByte = func() (t [256]bool) {
	for c := range 256 {
		t[c] = asciiLetter[c] || c >= '0' && c <= '9' || c >= 0x80
	}
	return t
}()

// junkReason classifies a line on its own features.
func junkReason(s string, li lineInfo) (string, bool) {
	if li.words == 0 {
		return ReasonSymbols, false
	}
	// Long lines are only tested for phrases at their start, so only the
	// start is lower-cased.
	head := s
	if li.words > 40 && len(head) > 120 {
		head = head[:120]
	}
	lower := strings.ToLower(head)
	key := strings.TrimFunc(lower, func(r rune) bool {
		return unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r) || isBullet(r)
	})
	if key == "" {
		return ReasonSymbols, false
	}
	if li.words > 40 {
		// Prose paragraphs: only the long boilerplate texts (disclaimers,
		// cookie notices) can match, and only from their first byte. Those
		// run to a few dozen words; a longer line that starts like one
		// ("Newspapers in India reported ...", a whole article on one
		// line) is prose.
		if li.words > maxBoilerWords {
			return "", false
		}
		for _, p := range prefixesByByte[lower[0]] {
			if hasWordPrefix(lower, p) {
				return ReasonBoilerplate, false
			}
		}
		return "", false
	}
	if tail, ok := boilerLines[key]; ok {
		return ReasonBoilerplate, tail
	}
	// "More from Business", "Related: ...", "Comments (3)".
	for _, p := range []string{"more from ", "related ", "comments (", "recent posts", "latest news"} {
		if strings.HasPrefix(key, p) && li.words <= 6 && !li.endPunc {
			return ReasonBoilerplate, true
		}
	}
	if li.words <= 25 && (strings.Contains(lower, "twitter") || strings.Contains(lower, "facebook") ||
		strings.Contains(lower, "instagram") || strings.Contains(lower, "whatsapp")) &&
		(strings.Contains(s, "@") || strings.Contains(lower, "follow")) {
		return ReasonSocial, false
	}
	// Embedded posts: "- Jane Doe (@jdoe) March 4, 2019", "pic.twitter.com/x".
	if li.words <= 40 && (strings.Contains(s, "(@") || strings.Contains(lower, "pic.twitter.com")) {
		return ReasonSocial, false
	}
	for _, p := range prefixesByByte[lower[0]] {
		if hasWordPrefix(lower, p) {
			return ReasonBoilerplate, false
		}
	}
	for _, p := range prefixesByByte[key[0]] {
		if hasWordPrefix(key, p) {
			return ReasonBoilerplate, false
		}
	}
	if strings.Contains(lower, "all rights reserved") && li.words <= 30 {
		return ReasonBoilerplate, false
	}
	if li.words <= 40 {
		for _, p := range bioSubjects {
			if hasWordPrefix(lower, p) {
				return ReasonBio, false
			}
		}
	}
	if li.words <= 5 && isTimestamp(key) {
		return ReasonTimestamp, false
	}
	if li.bullet && li.words <= 4 && !li.endPunc {
		return ReasonBullet, false
	}
	if li.words <= 12 && !li.endPunc {
		if strings.Count(s, " | ") >= 2 || strings.Count(s, " - - ") >= 1 || strings.Contains(s, "_") {
			return ReasonNavigation, false
		}
		if strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") || strings.HasPrefix(lower, "www.") {
			return ReasonNavigation, false
		}
	}
	return "", false
}

// hasWordPrefix reports whether s starts with p and p ends at a word
// boundary ("the author" is not a prefix of "the authorities").
func hasWordPrefix(s, p string) bool {
	if !strings.HasPrefix(s, p) {
		return false
	}
	if len(s) == len(p) || !isASCIILetter(p[len(p)-1]) {
		return true
	}
	return !isASCIILetter(s[len(p)])
}

// isTimestamp matches "4 hours ago", "an hour ago", "updated 3 days ago",
// "just now", "yesterday".
func isTimestamp(key string) bool {
	switch key {
	case "just now", "yesterday", "today", "moments ago":
		return true
	}
	f := strings.Fields(key)
	if len(f) > 0 && (f[0] == "updated" || f[0] == "posted" || f[0] == "published") {
		f = f[1:]
	}
	if len(f) < 2 || len(f) > 4 || f[len(f)-1] != "ago" {
		return false
	}
	f = f[:len(f)-1]
	if len(f) == 1 {
		// "4h ago"
		w := strings.TrimLeft(f[0], "0123456789")
		return w != f[0] && relativeUnits[w]
	}
	switch f[0] {
	case "a", "an", "one", "few", "a few", "two", "three", "several":
	default:
		if strings.Trim(f[0], "0123456789") != "" {
			return false
		}
	}
	return relativeUnits[f[len(f)-1]]
}

// isByline recognises "By Abdus Sattar Ghazali", "Author: Masud Ahmed Khan",
// "Written by X" and returns the name.
func isByline(s string) (string, bool) {
	if countWords(s) > 10 || strings.ContainsAny(s, "?!") {
		return "", false
	}
	lower := strings.ToLower(s)
	for _, p := range []string{"by ", "by: ", "author: ", "author - ", "written by ", "words by ", "story by ", "report by ", "posted by "} {
		if strings.HasPrefix(lower, p) {
			name := strings.TrimSpace(s[len(p):])
			name = strings.TrimRight(name, ". ")
			if i := strings.IndexAny(name, "|,"); i > 0 {
				name = strings.TrimSpace(name[:i])
			}
			if name == "" || !startsUpper(name) {
				return "", false
			}
			return name, true
		}
	}
	return "", false
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
