package text

import (
	"strings"

	"github.com/kg-project/kg/internal/graph"
)

// stripMarkdown turns Markdown into plain text lines: headings stand alone
// as paragraphs (the first level-1 heading, or a front-matter title, is
// returned as the title and left out), links keep their text, images, code
// blocks, HTML tags and emphasis markers go, list and quote markers go while
// their text stays. A front-matter date is returned as the document date.
func stripMarkdown(s string) (text, title string, date graph.Date) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	lines := strings.Split(s, "\n")
	var out []string
	i := 0
	// YAML front matter.
	if len(lines) > 0 && strings.TrimSpace(lines[0]) == "---" {
		for j := 1; j < len(lines); j++ {
			t := strings.TrimSpace(lines[j])
			if t == "---" || t == "..." {
				i = j + 1
				break
			}
			if v, ok := strings.CutPrefix(t, "title:"); ok && title == "" {
				title = strings.Trim(strings.TrimSpace(v), `"'`)
			}
			if v, ok := strings.CutPrefix(t, "date:"); ok && date.IsZero() {
				v = strings.Trim(strings.TrimSpace(v), `"'`)
				if d, err := graph.ParseDate(v); err == nil {
					date = d
				} else if len(v) >= 10 {
					date, _ = graph.ParseDate(v[:10])
				}
			}
		}
	}
	fence := ""
	for ; i < len(lines); i++ {
		raw := lines[i]
		t := strings.TrimSpace(raw)
		if fence != "" {
			if strings.HasPrefix(t, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = t[:3]
			out = append(out, "")
			continue
		}
		// Setext heading: the next line underlines this one.
		if t != "" && i+1 < len(lines) && !strings.HasPrefix(t, "#") {
			u := strings.TrimSpace(lines[i+1])
			if len(u) >= 2 && (strings.Trim(u, "=") == "" || strings.Trim(u, "-") == "" && !isListItem(t)) {
				h := inlineMarkdown(t)
				if title == "" && u[0] == '=' {
					title = h
				} else {
					out = append(out, "", h, "")
				}
				i++
				continue
			}
		}
		switch {
		case t == "":
			out = append(out, "")
			continue
		case isRule(t):
			out = append(out, "")
			continue
		case strings.HasPrefix(t, "#"):
			level := len(t) - len(strings.TrimLeft(t, "#"))
			h := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(t[level:]), "#"))
			if level <= 6 && (len(t) == level || t[level] == ' ') {
				h = inlineMarkdown(h)
				if level == 1 && title == "" {
					title = h
				} else if h != "" {
					out = append(out, "", h, "")
				}
				continue
			}
		case isLinkDefinition(t):
			continue
		case strings.HasPrefix(t, "|") && strings.Trim(t, "|-: ") == "":
			continue
		}
		for strings.HasPrefix(t, ">") {
			t = strings.TrimSpace(t[1:])
		}
		if item := stripListMarker(t); item != t {
			// List items are paragraphs of their own.
			out = append(out, "")
			t = item
		}
		out = append(out, inlineMarkdown(t))
	}
	return strings.Join(out, "\n"), title, date
}

func isRule(t string) bool {
	if len(t) < 3 {
		return false
	}
	c := t[0]
	if c != '-' && c != '*' && c != '_' {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] != c && t[i] != ' ' {
			return false
		}
	}
	return true
}

func isListItem(t string) bool { return stripListMarker(t) != t }

func stripListMarker(t string) string {
	if len(t) >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ' {
		t = strings.TrimSpace(t[2:])
		// Task lists: "- [ ] item".
		if strings.HasPrefix(t, "[ ] ") || strings.HasPrefix(t, "[x] ") {
			t = t[4:]
		}
		return t
	}
	j := 0
	for j < len(t) && j < 9 && t[j] >= '0' && t[j] <= '9' {
		j++
	}
	if j > 0 && j+1 < len(t) && (t[j] == '.' || t[j] == ')') && t[j+1] == ' ' {
		return strings.TrimSpace(t[j+2:])
	}
	return t
}

func isLinkDefinition(t string) bool {
	if !strings.HasPrefix(t, "[") {
		return false
	}
	k := strings.Index(t, "]:")
	return k > 1 && !strings.Contains(t[:k], "](")
}

// inlineMarkdown removes inline markup from one line.
func inlineMarkdown(t string) string {
	if !strings.ContainsAny(t, "[]!*_`<\\") {
		return t
	}
	var b strings.Builder
	b.Grow(len(t))
	for i := 0; i < len(t); {
		c := t[i]
		switch {
		case c == '\\' && i+1 < len(t) && strings.IndexByte("\\`*_{}[]()#+-.!<>|", t[i+1]) >= 0:
			b.WriteByte(t[i+1])
			i += 2
			continue
		case c == '!' && i+1 < len(t) && t[i+1] == '[':
			// Image: drop it with its alt text.
			if end, ok := linkEnd(t, i+1); ok {
				i = end
				continue
			}
		case c == '[':
			if end, ok := linkEnd(t, i); ok {
				close := strings.IndexByte(t[i:], ']') + i
				b.WriteString(inlineMarkdown(t[i+1 : close]))
				i = end
				continue
			}
		case c == '<':
			// Autolinks and inline HTML tags.
			if k := strings.IndexByte(t[i:], '>'); k > 0 {
				inner := t[i+1 : i+k]
				if inner != "" && (isASCIILetter(inner[0]) || inner[0] == '/' || inner[0] == '!') && !strings.Contains(inner, "<") {
					i += k + 1
					continue
				}
			}
		case c == '`':
			i++
			continue
		case c == '*':
			i++
			continue
		case c == '_':
			// Emphasis only at word edges; snake_case stays.
			prevWord := i > 0 && isWordByte(t[i-1])
			nextWord := i+1 < len(t) && isWordByte(t[i+1])
			if !(prevWord && nextWord) {
				i++
				continue
			}
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// linkEnd finds the end of "[text](url)" or "[text][ref]" starting at the
// bracket at i.
func linkEnd(t string, i int) (int, bool) {
	depth := 0
	for j := i; j < len(t); j++ {
		switch t[j] {
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				if j+1 < len(t) && t[j+1] == '(' {
					if k := strings.IndexByte(t[j+1:], ')'); k > 0 {
						return j + 1 + k + 1, true
					}
				}
				if j+1 < len(t) && t[j+1] == '[' {
					if k := strings.IndexByte(t[j+1:], ']'); k > 0 {
						return j + 1 + k + 1, true
					}
				}
				return 0, false
			}
		}
	}
	return 0, false
}

func isWordByte(c byte) bool { return isASCIILetter(c) || c >= '0' && c <= '9' || c >= 0x80 }
