package text

import (
	"fmt"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/kg-project/kg/internal/graph"
)

// renderHTML extracts the main article of an HTML page with readability
// and renders it as text with one paragraph per block element. Title,
// byline and published date come from the page's metadata. When
// readability finds no article, the whole body is rendered without its
// navigation, header, footer, sidebars and forms.
func renderHTML(s string) (string, meta, error) {
	var md meta
	art, err := readArticle(s)
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
	doc, perr := html.Parse(strings.NewReader(s))
	if perr != nil {
		return "", md, fmt.Errorf("parse html: %w", perr)
	}
	if md.title == "" {
		md.title = findTitle(doc)
	}
	var b strings.Builder
	renderNode(&b, doc, true)
	return b.String(), md, nil
}

// readArticle runs readability, turning a panic inside it (a bug on some
// malformed page) into an error so that broken HTML falls back to plain
// rendering instead of crashing the load.
func readArticle(s string) (art readability.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("readability: %v", r)
		}
	}()
	return readability.FromReader(strings.NewReader(s), nil)
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
