package graph

import (
	"errors"
	"strings"
	"testing"
)

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

func TestFilterBetweenAndConfidence(t *testing.T) {
	f := Filter{Between: []string{"india", "pakistan"}, MinConfidence: 0.6}
	for _, c := range []struct {
		e    Event
		keep bool
	}{
		{Event{Source: "india", Target: "pakistan", Confidence: 0.8}, true},
		{Event{Source: "pakistan", Target: "india", Confidence: 0.6}, true},
		{Event{Source: "india", Target: "china", Confidence: 0.9}, false},
		{Event{Source: "india", Target: "pakistan", Confidence: 0.5}, false},
	} {
		if got := f.KeepEvent(&c.e); got != c.keep {
			t.Errorf("KeepEvent(%s>%s %.1f) = %v", c.e.Source, c.e.Target, c.e.Confidence, got)
		}
	}
	if f.IsZero() {
		t.Error("a filter with between and min-confidence is zero")
	}
	r, err := Filter{Between: []string{"India", "Pakistan"}}.ResolveActors(func(n string) (string, error) {
		return strings.ToLower(n), nil
	})
	if err != nil || r.Between[0] != "india" || r.Between[1] != "pakistan" {
		t.Errorf("ResolveActors = %v, %v", r.Between, err)
	}
	if _, err := (Filter{Between: []string{"x", "y"}}).ResolveActors(func(string) (string, error) {
		return "", errors.New("unknown actor")
	}); err == nil {
		t.Error("an unknown actor resolved")
	}
}
