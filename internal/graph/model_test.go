package graph

import "testing"

func TestDocumentLabel(t *testing.T) {
	for _, c := range []struct {
		doc  Document
		want string
	}{
		{Document{ID: "0123456789abcdef0123", Name: "a.txt"}, "a.txt"},
		{Document{ID: "0123456789abcdef0123"}, "0123456789ab"},
		{Document{ID: "short"}, "short"},
	} {
		if got := c.doc.Label(); got != c.want {
			t.Errorf("%+v.Label() = %q, want %q", c.doc, got, c.want)
		}
	}
}
