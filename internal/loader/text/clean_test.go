package text

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kg-project/kg/internal/refdata"
)

func mustClean(t *testing.T, raw, format string) Article {
	t.Helper()
	a, err := Clean([]byte(raw), format, CleanOptions{})
	if err != nil {
		t.Fatalf("Clean(%q): %v", raw, err)
	}
	return a
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Pakistan’s ‘greater cooperation’ and “Russia’s closest partner”", `Pakistan's 'greater cooperation' and "Russia's closest partner"`},
		{"Pakistan–Russia talks, 2001–2021", "Pakistan-Russia talks, 2001-2021"},
		{"Moscow – a country", "Moscow - a country"},
		{"Moscow—a country", "Moscow - a country"},
		{"exercise — Peace Mission", "exercise - Peace Mission"},
		{"a\u00a0b\u2009c   d\te", "a b c d e"},
		{"zero\u200bwidth soft\u00adhyphen \ufeffbom", "zerowidth softhyphen bom"},
		{"wait…", "wait..."},
		{"  lead and trail  \r\nwindows\rmac", "lead and trail\nwindows\nmac"},
		{"Cafe\u0301", "Café"},
		{"— The writer", "- The writer"},
	}
	for _, tt := range tests {
		if got := normalize(tt.in); got != tt.want {
			t.Errorf("normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCleanErrors(t *testing.T) {
	tests := []struct {
		name   string
		raw    []byte
		format string
		want   error
	}{
		{"nul", []byte("text\x00more"), "txt", ErrBinary},
		{"controls", []byte("\x01\x02\x03\x04\x05\x06 hello"), "txt", ErrBinary},
		{"invalid utf8", append([]byte("Moscow ü "), []byte{0xff, 0xfe, 0xfd, 0xfc, 0xff, 0xfe, 0xfd, 0xfc}...), "txt", ErrEncoding},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Clean(tt.raw, tt.format, CleanOptions{})
			if !errors.Is(err, tt.want) {
				t.Errorf("Clean error = %v, want %v", err, tt.want)
			}
		})
	}
	if _, err := Clean([]byte("x"), "pdf", CleanOptions{}); err == nil {
		t.Error("Clean with unknown format: no error")
	}
}

func TestCleanRepairsEncoding(t *testing.T) {
	// Windows-1252: curly apostrophe 0x92 and e-acute 0xE9.
	a := mustClean(t, "Pakistan\x92s d\xe9tente with Russia began in earnest last year.", "txt")
	if want := "Pakistan's détente with Russia began in earnest last year."; a.Text != want {
		t.Errorf("cp1252 text = %q, want %q", a.Text, want)
	}
	// UTF-16 with a byte order mark, and a UTF-8 byte order mark.
	le := []byte{0xFF, 0xFE}
	for _, r := range "Russia’s envoy met Pakistan’s foreign minister in Islamabad today." {
		le = append(le, byte(r), byte(r>>8))
	}
	if a := mustClean(t, string(le), "txt"); a.Text != "Russia's envoy met Pakistan's foreign minister in Islamabad today." {
		t.Errorf("utf-16 text = %q", a.Text)
	}
	if a := mustClean(t, "\xEF\xBB\xBFRussia met Pakistan.", "txt"); a.Text != "Russia met Pakistan." {
		t.Errorf("bom text = %q", a.Text)
	}
	// A stray invalid byte in UTF-8 text is dropped.
	a = mustClean(t, "Russia’s envoy met Pakistan’s foreign minister in Islamabad\xff today.", "txt")
	if want := "Russia's envoy met Pakistan's foreign minister in Islamabad today."; a.Text != want {
		t.Errorf("repaired text = %q, want %q", a.Text, want)
	}
}

func TestCleanHeader(t *testing.T) {
	tests := []struct {
		name                      string
		raw                       string
		title, date, byline, text string
	}{
		{
			name:  "dateline and question headline",
			raw:   "Wednesday, September 12, 2012\n\nPakistan-Russia: Can old rivals be strategic partners?\n\nWhat was considered unimaginable in past may soon become a reality.\n",
			title: "Pakistan-Russia: Can old rivals be strategic partners?", date: "2012-09-12",
			text: "What was considered unimaginable in past may soon become a reality.",
		},
		{
			name:  "navigation then dateline, title, byline",
			raw:   "An organ of the Institute\n\nCurrent_Issue Archives\nYour_comments Legal\n\nEditor in chief:\nJane Roe\n\nOctober 8, 2012\n\nRelations warm up\n\nBy Abdus Sattar Ghazali\n\nRussian Foreign Minister Sergey Lavrov visited Islamabad last week.\n\nAbdus Sattar Ghazali is the Chief Editor of the Journal of America.",
			title: "Relations warm up", date: "2012-10-08", byline: "Abdus Sattar Ghazali",
			text: "Russian Foreign Minister Sergey Lavrov visited Islamabad last week.",
		},
		{
			name:  "author line",
			raw:   "A thaw in Pak-Russia relationship\n\nAuthor: Masud Ahmed Khan\n\nSoon after independence in 1947, leaders invited the Pakistani leadership.\n\nThe writer is a freelancer\n\nShare\nLeave a Comment",
			title: "A thaw in Pak-Russia relationship", byline: "Masud Ahmed Khan",
			text: "Soon after independence in 1947, leaders invited the Pakistani leadership.",
		},
		{
			name:  "byline with date",
			raw:   "Talks resume\n\nBy AFP | Published March 4, 2019\n\n" + prose1,
			title: "Talks resume", date: "2019-03-04", byline: "AFP", text: prose1,
		},
		{
			name:  "dateline after the lede",
			raw:   "Talks resume\n\n" + prose1 + "\n\nPublished: 4 Mar 2019, 10:30 am\n\n" + prose2,
			title: "Talks resume", date: "2019-03-04", text: prose1 + "\n\n" + prose2,
		},
		{
			name:  "short lede kept",
			raw:   "Talks resume\n\nRussia attacked Ukraine.\n\n" + prose1,
			title: "Talks resume", text: "Russia attacked Ukraine.\n\n" + prose1,
		},
		{
			name: "short lede without title",
			raw:  "Russia attacked Ukraine.\n\n" + prose1,
			text: "Russia attacked Ukraine.\n\n" + prose1,
		},
		{
			name: "short input kept",
			raw:  "Russia attacked Ukraine.",
			text: "Russia attacked Ukraine.",
		},
		{
			name: "single line without punctuation kept",
			raw:  "Russia condemns Pakistan",
			text: "Russia condemns Pakistan",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustClean(t, tt.raw, "txt")
			if a.Title != tt.title || a.Date.String() != tt.date || a.Byline != tt.byline || a.Text != tt.text {
				t.Errorf("got title %q date %q byline %q text %q\nwant title %q date %q byline %q text %q",
					a.Title, a.Date, a.Byline, a.Text, tt.title, tt.date, tt.byline, tt.text)
			}
		})
	}
}

const prose1 = "Russia and Pakistan held talks in Moscow on the future of the region."
const prose2 = "Both sides agreed to expand defence cooperation over the coming years."

func TestCleanDropsJunk(t *testing.T) {
	tests := []struct {
		name   string
		raw    string
		want   string
		reason string // a reason that must appear among the dropped spans
	}{
		{"share and comments", prose1 + "\n\nShare\nLeave a Comment\n\nRecent Posts\n\n• Top Stories\n\nSome unrelated headline here\n\n4 hours ago\n• Business", prose1, ReasonBoilerplate},
		{"timestamps", prose1 + "\n\n10 hours ago\n\n" + prose2, prose1 + "\n\n" + prose2, ReasonTimestamp},
		{"bullets", prose1 + "\n\n• Business\n\n" + prose2, prose1 + "\n\n" + prose2, ReasonBullet},
		{"copyright", prose1 + "\n\n© 2024 Some Paper. All rights reserved.", prose1, ReasonBoilerplate},
		{"bio", prose1 + "\n\nThe writer is a freelance columnist based in Lahore.", prose1, ReasonBio},
		{"bio parenthesised", prose1 + "\n\n(The writer is a retired ambassador.)", prose1, ReasonBio},
		{"social", prose1 + "\n\nFollow  on twitter; @someone123 and on facebook at Some One", prose1, ReasonSocial},
		{"cookie banner", "We use cookies to improve your experience. By continuing you accept.\n\n" + prose1, prose1, ReasonBoilerplate},
		{"subscribe", prose1 + "\n\nSubscribe to our newsletter for daily updates.\n\n" + prose2, prose1 + "\n\n" + prose2, ReasonBoilerplate},
		{"related block then article resumes", prose1 + "\n\nRelated\n\nShort headline one\n\n" + prose2 + "\n\n" + prose1, prose1 + "\n\n" + prose2 + "\n\n" + prose1, ReasonTail},
		{"teasers after related never resume", prose1 + "\n\nRelated Articles\n\nDuring his address at the passing out parade of the Air Force at the...\n\nGlobal investors are eyeing European markets to protect themselves from turbulence...\n\n" + prose2 + "...", prose1, ReasonTail},
		{"read more suffix", prose1 + " More", prose1, ""},
		{"embedded tweet", prose1 + "\n\n- Jane Doe (@jdoe) March 4, 2019\n\n" + prose2, prose1 + "\n\n" + prose2, ReasonSocial},
		{"continue reading", prose1 + "\n\nStory continues below\n\n" + prose2, prose1 + "\n\n" + prose2, ReasonBoilerplate},
		{"comments closed", prose1 + "\n\nComments are closed.", prose1, ReasonBoilerplate},
		{"menu", "Home | News | Sport | Business\n\n" + prose1, prose1, ReasonNavigation},
		{"trailing short lines", prose1 + "\n\nNewspapers in English\n\nSome Footer Words", prose1, ReasonTrailer},
		{"heading kept", prose1 + "\n\nThe endgame in Afghanistan\n\n" + prose2, prose1 + "\n\nThe endgame in Afghanistan\n\n" + prose2, ""},
		{"authorities are not authors", prose1 + "\n\nThe authorities said the talks would resume next week in Islamabad.", prose1 + "\n\nThe authorities said the talks would resume next week in Islamabad.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustClean(t, tt.raw, "txt")
			if a.Text != tt.want {
				t.Errorf("text\n got %q\nwant %q", a.Text, tt.want)
			}
			if tt.reason != "" {
				found := false
				for _, d := range a.Dropped {
					found = found || d.Reason == tt.reason
				}
				if !found {
					t.Errorf("no span dropped as %q: %+v", tt.reason, a.Dropped)
				}
			}
		})
	}
}

func TestCleanParagraphs(t *testing.T) {
	tests := []struct{ name, raw, want string }{
		{"hard wrapped",
			"Russia and Pakistan held talks in Moscow on the\nfuture of the region and agreed to expand their\ndefence cooperation.\n\n" + prose2,
			"Russia and Pakistan held talks in Moscow on the future of the region and agreed to expand their defence cooperation.\n\n" + prose2},
		{"one line per paragraph", prose1 + "\n" + prose2, prose1 + "\n\n" + prose2},
		{"broken sentence", "Russia and Pakistan held talks in Moscow\non the future of the region and beyond it, they said.", "Russia and Pakistan held talks in Moscow on the future of the region and beyond it, they said."},
		{"heading then paragraph", prose1 + "\n\nGeneral Kayani's visit\n" + prose2, prose1 + "\n\nGeneral Kayani's visit\n\n" + prose2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mustClean(t, tt.raw, "txt").Text; got != tt.want {
				t.Errorf("text\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestRepair(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Soviet occupation ofAfghanistan and the 9/11.", "Soviet occupation of Afghanistan and the 9/11."},
		{"unconvinced by theAmerican assurances", "unconvinced by the American assurances"},
		{"NowRussia no longerwants to continue", "Now Russia no longer wants to continue"},
		{"NATO/ISAF forces inAfghanistan.", "NATO/ISAF forces in Afghanistan."},
		{"Pak-Russia relationshipmay improve", "Pak-Russia relationship may improve"},
		{"a new perspective for forwardmovement.", "a new perspective for forward movement."},
		{"troops left theUS base", "troops left the US base"},
		// Left alone: real words, names, brands, codes, URLs, handles.
		{"insurgency and rapprochement", "insurgency and rapprochement"},
		{"YouTube, PayPal, iPhone, eBay, McDonald and MacArthur", "YouTube, PayPal, iPhone, eBay, McDonald and MacArthur"},
		{"see www.theHindu.com or @theAmerican or file_ofAfghanistan", "see www.theHindu.com or @theAmerican or file_ofAfghanistan"},
		{"percentage leverage deductable counterterrorism", "percentage leverage deductable counterterrorism"},
		{"Détente ofAfghanistan", "Détente of Afghanistan"},
	}
	rep := newRepairer(nil)
	for _, tt := range tests {
		if got := rep.repair(tt.in); got != tt.want {
			t.Errorf("repair(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
	// The hook makes a word known, so it is not split.
	hooked := newRepairer(func(w string) bool { return w == "longerwants" })
	if got := hooked.repair("no longerwants"); got != "no longerwants" {
		t.Errorf("with hook: %q", got)
	}
}

func TestCleanMarkdown(t *testing.T) {
	raw := "---\ntitle: Front Title\ndate: 2012-09-12\n---\n\n# Heading One\n\nRussia and **Pakistan** signed a [defence pact](http://example.com) in _Moscow_.\n\n![map](map.png)\n\n```go\ncode := 1\n```\n\n## Background\n\n- Russia supplied `MI-35` helicopters to Pakistan in 2016.\n- India lodged a protest with Russia.\n\n> Peace in Afghanistan means peace in Central Asia, he said.\n\n[ref]: http://example.com\n"
	a := mustClean(t, raw, "md")
	want := "Russia and Pakistan signed a defence pact in Moscow.\n\nBackground\n\nRussia supplied MI-35 helicopters to Pakistan in 2016.\n\nIndia lodged a protest with Russia.\n\nPeace in Afghanistan means peace in Central Asia, he said."
	if a.Text != want {
		t.Errorf("markdown text\n got %q\nwant %q", a.Text, want)
	}
	if a.Title != "Front Title" {
		t.Errorf("markdown title = %q", a.Title)
	}
	a = mustClean(t, "Heading\n=======\n\nRussia and Pakistan signed a defence pact in Moscow.\n", "md")
	if a.Title != "Heading" || a.Text != "Russia and Pakistan signed a defence pact in Moscow." {
		t.Errorf("setext: title %q text %q", a.Title, a.Text)
	}
}

func TestCleanHTML(t *testing.T) {
	raw := `<!doctype html><html><head><title>Site | Pakistan and Russia hold talks</title>
<meta property="og:title" content="Pakistan and Russia hold talks">
<meta property="article:published_time" content="2012-10-08T10:00:00Z">
<meta name="author" content="Abdus Sattar Ghazali">
<style>p { color: red }</style><script>var x = "Recent Posts";</script></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article><h1>Pakistan and Russia hold talks</h1>
<p>Russian Foreign Minister Sergey Lavrov visited Islamabad last week while Pakistan Army Chief General Ashfaq Kayani flew to Russia for talks on defence cooperation.</p>
<p>Chief of Army Staff General Ashfaq Kayani arrived in Moscow on October 4 and visited the tomb of an unknown soldier at the Kremlin to lay a floral wreath.</p>
<p>The cancellation, apparently, shocked the government which had significantly invested in rebuilding relationship with Russia after decades of mistrust.</p>
</article>
<aside><h3>Recent Posts</h3><ul><li>Investors scour the globe</li></ul></aside>
<footer>© 2012 Journal. All rights reserved.</footer></body></html>`
	a := mustClean(t, raw, "html")
	if a.Title != "Pakistan and Russia hold talks" {
		t.Errorf("title = %q", a.Title)
	}
	if a.Date.String() != "2012-10-08" {
		t.Errorf("date = %q", a.Date)
	}
	if a.Byline != "Abdus Sattar Ghazali" {
		t.Errorf("byline = %q", a.Byline)
	}
	ss := Sentences(a.Text)
	if len(ss) != 3 || !strings.HasPrefix(ss[1].Text, "Chief of Army Staff") {
		t.Errorf("sentences: %q", sentenceTexts(a.Text))
	}
	for _, bad := range []string{"Home", "Recent Posts", "Investors", "rights reserved", "color", "var x"} {
		if strings.Contains(a.Text, bad) {
			t.Errorf("text contains %q:\n%s", bad, a.Text)
		}
	}
}

func TestCleanBrokenHTML(t *testing.T) {
	for _, raw := range []string{
		"", "<", "<html><body><p>Unclosed <b>bold <i>italic", "<<<>>><p>Russia met Pakistan.</p></div></div></span>",
		"<table><tr><td>Russia<td>Pakistan</table>", "<p>" + strings.Repeat("<div>", 500) + "deep",
		// Deep enough to make tree building quadratic: rendered from tokens.
		"<title>Deep</title><p>" + strings.Repeat("<div>Russia met Pakistan. ", 30000) + "<script>var junk;</script>",
	} {
		a, err := Clean([]byte(raw), "html", CleanOptions{})
		if err != nil {
			t.Errorf("Clean(%q): %v", raw, err)
		}
		checkSentenceOffsets(t, a.Text, Sentences(a.Text))
		if strings.Contains(raw, "Russia met") && !strings.Contains(a.Text, "Russia met Pakistan.") {
			t.Errorf("Clean(%.40q...) lost the text: %.100q", raw, a.Text)
		}
		if strings.Contains(a.Text, "junk") {
			t.Errorf("script text kept: %.100q", a.Text)
		}
	}
}

func TestCorpus(t *testing.T) {
	dir := filepath.Join(refdata.Dir(t), "corpus", "pak-russia")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus files in %s (%v)", dir, err)
	}
	forbidden := []string{"Recent Posts", "hours ago", "Leave a", "Share", "All rights reserved", "Newspapers in",
		"The writer is", "Your email address", "Current_Issue", "Disclaimer", "@ranasarfraz",
		// The sidebar of unrelated headlines after the 004 article.
		"Asim Munir", "PIA Issues", "Wall Street", "Wall St", "Fed ", "Bank of Japan", "UAE-bound", "• "}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := Clean(raw, "txt", CleanOptions{})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		name := filepath.Base(f)
		if a.Title == "" {
			t.Errorf("%s: no title", name)
		}
		ss := Sentences(a.Text)
		if len(ss) < 8 {
			t.Errorf("%s: only %d sentences", name, len(ss))
		}
		checkSentenceOffsets(t, a.Text, ss)
		for _, s := range ss {
			for _, bad := range forbidden {
				if strings.Contains(s.Text, bad) {
					t.Errorf("%s: sentence %d contains %q: %q", name, s.Index, bad, s.Text)
				}
			}
			if a.Title != "" && s.Text == a.Title {
				t.Errorf("%s: title is a sentence", name)
			}
			if strings.ContainsAny(s.Text, "‘’“”–—\u00a0") {
				t.Errorf("%s: unnormalised characters in %q", name, s.Text)
			}
			for _, m := range FindDates(s.Text, a.Date) {
				if !m.Date.Valid() || s.Text[m.Start:m.End] != m.Text {
					t.Errorf("%s: bad date mention %+v", name, m)
				}
			}
		}
		switch {
		case strings.HasPrefix(name, "000_"):
			if a.Date.String() != "2012-09-12" {
				t.Errorf("%s: date %q", name, a.Date)
			}
		case strings.HasPrefix(name, "002_"):
			if a.Date.String() != "2012-10-08" || a.Byline != "Abdus Sattar Ghazali" {
				t.Errorf("%s: date %q byline %q", name, a.Date, a.Byline)
			}
		case strings.HasPrefix(name, "004_"):
			last := ss[len(ss)-1].Text
			if !strings.Contains(last, "deep impact on the region") {
				t.Errorf("%s: last sentence %q, want the article's last", name, last)
			}
		}
	}
}

// TestCleanLongTokenIsLinear guards against trying every split point of a
// huge token: a 4 MB word must clean in well under a second of work, where
// the quadratic search took minutes.
func TestCleanLongTokenIsLinear(t *testing.T) {
	for _, w := range []string{"a", "Word", "ab1"} {
		raw := []byte(strings.Repeat(w, 4<<20/len(w)) + ".\n")
		done := make(chan error, 1)
		go func() {
			_, err := Clean(raw, "txt", CleanOptions{})
			done <- err
		}()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Clean(4 MB of %q): %v", w, err)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("Clean(4 MB of %q) did not finish in 20 s: quadratic work on one token", w)
		}
	}
}
