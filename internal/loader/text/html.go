package text

import (
	"fmt"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/kg-project/kg/internal/graph"
)

// Readability walks the tree recursively, many times: pages beyond these
// limits (far beyond real articles) are rendered whole instead, which is
// linear.
const (
	maxReadabilityElems = 20000
	maxReadabilityDepth = 200
)

// renderHTML extracts the main article of an HTML page with readability
// and renders it as text with one paragraph per block element. Title,
// byline and published date come from the page's metadata. When
// readability finds no article, or the page is too large or too deeply
// nested for it, the whole body is rendered without its navigation, header,
// footer, sidebars and forms.
func renderHTML(s string) (string, meta, error) {
	var md meta
	if openTagDepth(s) > maxParseDepth {
		// Building a tree for this is quadratic in the nesting depth;
		// stream the tokens instead.
		text, title := renderTokens(s)
		md.title = title
		return text, md, nil
	}
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return "", md, fmt.Errorf("parse html: %w", err)
	}
	elems, depth := treeSize(doc)
	if elems <= maxReadabilityElems && depth <= maxReadabilityDepth {
		art, err := readArticle(doc)
		if err == nil && art.Node != nil {
			md.title = strings.TrimSpace(art.Title())
			md.byline = cleanByline(art.Byline())
			if t, terr := art.PublishedTime(); terr == nil && !t.IsZero() && t.Year() > 0 {
				md.date = graph.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
			}
			var b strings.Builder
			renderNode(&b, art.Node, false)
			if text := b.String(); strings.TrimSpace(text) != "" {
				return text, md, nil
			}
		}
	}
	if md.title == "" {
		md.title = findTitle(doc)
	}
	var b strings.Builder
	renderNode(&b, doc, true)
	return b.String(), md, nil
}

// maxParseDepth bounds the nesting (as counted by openTagDepth) of pages
// given to the tree parser, whose cost grows with the square of the depth.
const maxParseDepth = 2000

// openTagDepth estimates the deepest nesting of a page from its tokens:
// start tags minus end tags, void and self-closing tags left out. Unclosed
// paragraphs and list items make it an overestimate, which is harmless.
func openTagDepth(s string) int {
	z := html.NewTokenizer(strings.NewReader(s))
	depth, deepest := 0, 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return deepest
		case html.StartTagToken:
			name, _ := z.TagName()
			if !voidElement(atom.Lookup(name)) {
				depth++
				deepest = max(deepest, depth)
			}
		case html.EndTagToken:
			depth = max(0, depth-1)
		}
	}
}

func voidElement(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Param, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}

// renderTokens renders a page from its token stream, without a tree: text
// outside skipped elements, a blank line at block boundaries. It is the
// linear fallback for pathological pages.
func renderTokens(s string) (text, title string) {
	z := html.NewTokenizer(strings.NewReader(s))
	var b, tb strings.Builder
	skip := 0 // depth inside skipped elements
	inTitle := false
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return b.String(), strings.Join(strings.Fields(tb.String()), " ")
		case html.TextToken:
			switch {
			case inTitle:
				tb.Write(z.Text())
			case skip == 0:
				writeCollapsed(&b, string(z.Text()))
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if a == atom.Title {
				inTitle = tt == html.StartTagToken
				continue
			}
			if skipped(a, true) && !voidElement(a) && tt != html.SelfClosingTagToken {
				if tt == html.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
				continue
			}
			if a == atom.Br {
				b.WriteByte('\n')
			} else if isBlock(a) {
				b.WriteString("\n\n")
			}
		}
	}
}

// treeSize counts the elements of a parsed page and its nesting depth,
// without recursion.
func treeSize(root *html.Node) (elems, depth int) {
	d := 0
	for n := root; n != nil; {
		if n.Type == html.ElementNode {
			elems++
		}
		if n.FirstChild != nil {
			n = n.FirstChild
			d++
			depth = max(depth, d)
			continue
		}
		for n != nil && n.NextSibling == nil {
			n = n.Parent
			d--
		}
		if n != nil {
			n = n.NextSibling
		}
	}
	return elems, depth
}

// readArticle runs readability on a copy of doc, turning a panic inside it
// (a bug on some malformed page) into an error so that broken HTML falls
// back to plain rendering instead of crashing the load.
func readArticle(doc *html.Node) (art readability.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("readability: %v", r)
		}
	}()
	return readability.FromDocument(doc, nil)
}

// cleanByline trims readability's byline ("By Jane Doe | Staff") to a name.
func cleanByline(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if name, ok := isByline(s); ok {
		return name
	}
	if countWords(s) > 8 {
		return ""
	}
	return s
}

func findTitle(n *html.Node) string {
	if n.Type == html.ElementNode && n.DataAtom == atom.Title {
		var b strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				b.WriteString(c.Data)
			}
		}
		return strings.Join(strings.Fields(b.String()), " ")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if t := findTitle(c); t != "" {
			return t
		}
	}
	return ""
}

// skipped elements never hold article text; chrome ones are skipped only
// when rendering a whole page.
func skipped(a atom.Atom, whole bool) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Iframe,
		atom.Object, atom.Embed, atom.Canvas, atom.Select, atom.Button, atom.Input,
		atom.Textarea, atom.Head, atom.Title, atom.Math, atom.Audio, atom.Video:
		return true
	case atom.Nav, atom.Footer, atom.Aside, atom.Form, atom.Header, atom.Menu, atom.Dialog:
		return whole
	}
	return false
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Main, atom.H1, atom.H2, atom.H3,
		atom.H4, atom.H5, atom.H6, atom.Li, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd,
		atom.Blockquote, atom.Pre, atom.Table, atom.Tr, atom.Td, atom.Th, atom.Thead,
		atom.Tbody, atom.Tfoot, atom.Caption, atom.Figure, atom.Figcaption, atom.Hr,
		atom.Address, atom.Details, atom.Summary, atom.Header, atom.Footer, atom.Nav,
		atom.Aside, atom.Form, atom.Fieldset, atom.Legend, atom.Center, atom.Body, atom.Html:
		return true
	}
	return false
}

// renderNode writes the text of n, with a blank line around block elements
// and a newline for <br>. Whitespace inside text runs collapses as a
// browser would; normalize later trims the lines.
func renderNode(b *strings.Builder, n *html.Node, whole bool) {
	switch n.Type {
	case html.TextNode:
		writeCollapsed(b, n.Data)
		return
	case html.CommentNode, html.DoctypeNode:
		return
	case html.ElementNode:
		if skipped(n.DataAtom, whole) || hiddenElement(n) {
			return
		}
		if n.DataAtom == atom.Br {
			b.WriteByte('\n')
			return
		}
	}
	block := n.Type == html.ElementNode && isBlock(n.DataAtom)
	if block {
		b.WriteString("\n\n")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		renderNode(b, c, whole)
	}
	if block {
		b.WriteString("\n\n")
	} else if n.Type == html.ElementNode && (n.DataAtom == atom.Td || n.DataAtom == atom.Th) {
		b.WriteByte(' ')
	}
}

func hiddenElement(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "style":
			v := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			if strings.Contains(v, "display:none") || strings.Contains(v, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

func writeCollapsed(b *strings.Builder, s string) {
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteByte(c)
	}
	if space {
		b.WriteByte(' ')
	}
}
