package synth

import (
	"bufio"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Article is one synthetic news article.
type Article struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Date  string `json:"date"` // YYYY-MM-DD
	URL   string `json:"url"`
	Text  string `json:"text"` // as scraped: navigation, dateline, body, footer junk
}

// Generate returns article i of the corpus with the given seed. The same
// seed and index always give the same article, on any machine, so corpora
// can be rebuilt instead of stored.
func Generate(seed int64, i int) Article {
	g := &gen{r: rand.New(rand.NewPCG(uint64(seed), uint64(i)))}
	return g.article(i)
}

type gen struct {
	r  *rand.Rand
	sb strings.Builder
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

// zipf picks an index in [0,n) favouring small ones, so a few countries are
// hubs, as in real news.
func (g *gen) zipf(n int) int {
	for {
		i := int(float64(n) * g.r.Float64() * g.r.Float64())
		if i < n {
			return i
		}
	}
}

// actor is someone an article talks about, with the ways to mention it.
type actor struct {
	kind    string // country, person, igo
	c       country
	p       person
	name    string // person name as spelt in this article
	igo     string
	mention int
}

func (g *gen) newActor(used map[string]bool) *actor {
	for {
		var a actor
		switch x := g.r.IntN(10); {
		case x < 5:
			a = actor{kind: "country", c: countries[g.zipf(len(countries))]}
		case x < 9:
			p := persons[g.zipf(len(persons))]
			a = actor{kind: "person", p: p, name: p.name}
			if len(p.variants) > 0 && g.r.IntN(4) == 0 {
				a.name = g.pick(p.variants)
			}
			for _, c := range countries {
				if c.code == p.country {
					a.c = c
				}
			}
		default:
			a = actor{kind: "igo", igo: g.pick(igos)}
		}
		key := a.c.code + a.p.name + a.igo
		if !used[key] {
			used[key] = true
			return &a
		}
	}
}

// subject renders a mention of a; later mentions of a person are shorter.
func (g *gen) mention(a *actor) string {
	a.mention++
	switch a.kind {
	case "person":
		if a.mention == 1 {
			return a.c.demonym + " " + a.p.title + " " + a.name
		}
		parts := strings.Fields(a.name)
		last := parts[len(parts)-1]
		switch g.r.IntN(3) {
		case 0:
			return a.p.title + " " + last
		case 1:
			return last
		}
		return a.name
	case "igo":
		return a.igo
	}
	switch g.r.IntN(6) {
	case 0:
		return a.c.capital
	case 1:
		return "the " + a.c.demonym + " government"
	case 2:
		return "the " + a.c.demonym + " foreign ministry"
	}
	return a.c.name
}

func (g *gen) capital(a *actor) string {
	if a.kind == "igo" {
		return g.pick([]string{"Geneva", "New York", "Brussels", "Vienna"})
	}
	return a.c.capital
}

func (g *gen) when() string {
	switch g.r.IntN(5) {
	case 0:
		return "on " + g.pick(weekdays)
	case 1:
		return fmt.Sprintf("on %s %d", g.pick(months), 1+g.r.IntN(28))
	case 2:
		return "last week"
	case 3:
		return "earlier this month"
	}
	return "on " + g.pick(weekdays)
}

func upperFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// event renders one template with actors a and b.
func (g *gen) event(a, b *actor) string {
	t := g.pick(templates)
	for _, kv := range [][2]string{{"{capA}", g.capital(a)}, {"{capB}", g.capital(b)}} {
		t = strings.ReplaceAll(t, kv[0], kv[1])
	}
	t = strings.Replace(t, "{A}", g.mention(a), 1)
	t = strings.Replace(t, "{B}", g.mention(b), 1)
	t = strings.ReplaceAll(t, "{topic}", g.pick(topics))
	t = strings.ReplaceAll(t, "{when}", g.when())
	t = strings.ReplaceAll(t, "{n}", fmt.Sprint(5*(1+g.r.IntN(200))))
	return upperFirst(t)
}

func (g *gen) filler() string {
	return strings.ReplaceAll(g.pick(fillers), "{n}", fmt.Sprint(10*(1+g.r.IntN(900))))
}

func (g *gen) title(a, b *actor) string {
	n := func(x *actor) string {
		if x.kind == "person" {
			return x.p.surname
		}
		if x.kind == "igo" {
			return upperFirst(strings.TrimPrefix(x.igo, "the "))
		}
		return upperFirst(strings.TrimPrefix(x.c.name, "the "))
	}
	switch g.r.IntN(4) {
	case 0:
		return fmt.Sprintf("%s, %s discuss %s", n(a), n(b), g.pick(topics))
	case 1:
		return fmt.Sprintf("%s-%s ties: what next?", n(a), n(b))
	case 2:
		return fmt.Sprintf("%s to visit %s amid tension", n(a), n(b))
	}
	return fmt.Sprintf("%s criticises %s over %s", n(a), n(b), g.pick(topics))
}

func (g *gen) article(i int) Article {
	year := 2005 + g.r.IntN(16)
	month := 1 + g.r.IntN(12)
	day := 1 + g.r.IntN(28)
	used := map[string]bool{}
	cast := []*actor{g.newActor(used), g.newActor(used)}
	for range g.r.IntN(3) {
		cast = append(cast, g.newActor(used))
	}
	title := g.title(cast[0], cast[1])
	sb := &g.sb
	sb.Reset()
	line := func(s string) { sb.WriteString(s); sb.WriteByte('\n') }

	if g.r.IntN(3) > 0 {
		for range 1 + g.r.IntN(4) {
			line(g.pick(navLines))
		}
		line("")
	}
	if g.r.IntN(2) == 0 {
		line(fmt.Sprintf("%s, %s %d, %d", weekdays[(year+month+day)%7], months[month-1], day, year))
		line("")
	}
	line(title)
	line("")
	dateline := strings.ToUpper(g.capital(cast[0]))
	fmt.Fprintf(sb, "%s, %s %d (%s) - ", dateline, months[month-1][:3], day, g.pick(agencies))
	paras := 3 + g.r.IntN(9)
	for p := range paras {
		n := 1 + g.r.IntN(4)
		for s := range n {
			if s > 0 {
				sb.WriteByte(' ')
			}
			if p == 0 && s == 0 || g.r.IntN(3) > 0 {
				a, b := cast[g.r.IntN(len(cast))], cast[g.r.IntN(len(cast))]
				for b == a {
					b = cast[g.r.IntN(len(cast))]
				}
				sb.WriteString(g.event(a, b))
			} else {
				sb.WriteString(g.filler())
			}
		}
		line("")
		line("")
	}
	for range g.r.IntN(4) {
		for _, l := range footerBlocks[g.r.IntN(len(footerBlocks))] {
			switch l {
			case "{title}":
				x, y := g.newActor(map[string]bool{}), g.newActor(map[string]bool{})
				l = g.title(x, y)
			default:
				l = strings.ReplaceAll(l, "{year}", fmt.Sprint(year))
			}
			line(l)
		}
		line("")
	}
	id := fmt.Sprintf("synth-%07d", i)
	return Article{
		ID: id, Title: title, Date: fmt.Sprintf("%04d-%02d-%02d", year, month, day),
		URL: "https://news.example.org/" + id, Text: strings.TrimRight(sb.String(), "\n") + "\n",
	}
}

// HTML renders the article as a scraped web page: navigation and footer
// inside their own elements, the body as paragraphs.
func (a Article) HTML() string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%s</title>\n", html.EscapeString(a.Title))
	fmt.Fprintf(&b, "<meta property=\"article:published_time\" content=\"%s\"></head>\n<body>\n", a.Date)
	b.WriteString("<nav><a href=\"/\">Home</a> | <a href=\"/world\">World</a> | <a href=\"/sports\">Sports</a></nav>\n")
	fmt.Fprintf(&b, "<article><h1>%s</h1>\n", html.EscapeString(a.Title))
	for _, p := range strings.Split(a.Text, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p))
		}
	}
	b.WriteString("</article>\n<footer><ul><li>Share on Facebook</li><li>Tweet</li></ul>© Daily Frontier News</footer>\n</body></html>\n")
	return b.String()
}

// Options describe a corpus.
type Options struct {
	Seed int64
	// Size is the target size in bytes: articles are added until the output
	// reaches it (the last one may overshoot by a few kilobytes).
	Size int64
	// HTMLShare is the share of articles written as .html pages, 0 to 1, in
	// folder output only.
	HTMLShare float64
}

// Stats tell what was written.
type Stats struct {
	Articles int
	Bytes    int64
}

// WriteDir writes the corpus as one file per article in dir (created if
// needed), named by article ID, in subfolders of 1000 articles.
func WriteDir(dir string, o Options) (Stats, error) {
	var st Stats
	for i := 0; st.Bytes < o.Size; i++ {
		a := Generate(o.Seed, i)
		name, data := a.ID+".txt", a.Text
		// A separate stream decides the format, so the articles themselves do
		// not change with HTMLShare.
		if o.HTMLShare > 0 && rand.New(rand.NewPCG(uint64(o.Seed)^0x9e3779b97f4a7c15, uint64(i))).Float64() < o.HTMLShare {
			name, data = a.ID+".html", a.HTML()
		}
		sub := filepath.Join(dir, fmt.Sprintf("%04d", i/1000))
		if i%1000 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return st, fmt.Errorf("write corpus: %w", err)
			}
		}
		if err := os.WriteFile(filepath.Join(sub, name), []byte(data), 0o644); err != nil {
			return st, fmt.Errorf("write corpus: %w", err)
		}
		st.Articles++
		st.Bytes += int64(len(data))
	}
	return st, nil
}

// WriteJSONL writes the corpus as JSON Lines: id, title, date, url, text.
func WriteJSONL(w io.Writer, o Options) (Stats, error) {
	var st Stats
	bw := bufio.NewWriterSize(w, 1<<16)
	cw := &countWriter{w: bw}
	enc := json.NewEncoder(cw)
	enc.SetEscapeHTML(false)
	for i := 0; cw.n < o.Size; i++ {
		if err := enc.Encode(Generate(o.Seed, i)); err != nil {
			return st, fmt.Errorf("write corpus: %w", err)
		}
		st.Articles++
	}
	st.Bytes = cw.n
	if err := bw.Flush(); err != nil {
		return st, fmt.Errorf("write corpus: %w", err)
	}
	return st, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
