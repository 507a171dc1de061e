package ner

import (
	"fmt"
	"strings"
	"testing"
)

// spanString renders spans as "start-end:CLASS" for comparisons.
func spanString(ss []scoredSpan) string {
	var b strings.Builder
	for i, s := range ss {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%d-%d:%s", s.Start, s.End, classNames[s.Class])
	}
	return b.String()
}

func testRecognizer(t *testing.T) *Recognizer {
	t.Helper()
	g, err := loadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	return &Recognizer{x: &extractor{gaz: g}}
}

func TestPossessiveNames(t *testing.T) {
	r := testRecognizer(t)
	for _, tc := range []struct {
		sent  string
		spans []scoredSpan
		want  string
	}{
		{"we went to Del Frisco 's for dinner", []scoredSpan{{Start: 3, End: 5, Class: classLOC}}, "3-6:LOC"},
		{"lunch at Acme 's .", []scoredSpan{{Start: 2, End: 3, Class: classORG}}, "2-4:ORG"},
		{"Acme 's and Initech 's profits", []scoredSpan{{Start: 0, End: 1, Class: classORG}}, "0-1:ORG"},
		{"at \" Acme 's \" today", []scoredSpan{{Start: 2, End: 3, Class: classORG}}, "2-3:ORG"},
		{"lunch at Acme 's", []scoredSpan{{Start: 2, End: 3, Class: classORG}}, "2-4:ORG"},
		{"like Wendy s , or", []scoredSpan{{Start: 1, End: 2, Class: classORG}}, "1-3:ORG"},
		// A noun follows: an ordinary possessive.
		{"Acme 's profits rose", []scoredSpan{{Start: 0, End: 1, Class: classORG}}, "0-1:ORG"},
		// People and known places keep their span.
		{"dinner at John 's .", []scoredSpan{{Start: 2, End: 3, Class: classPER}}, "2-3:PER"},
		{"the choice is Germany 's .", []scoredSpan{{Start: 3, End: 4, Class: classLOC}}, "3-4:LOC"},
		// The possessive belongs to the next span.
		{"at Acme 's Bistro", []scoredSpan{{Start: 1, End: 2, Class: classORG}, {Start: 2, End: 4, Class: classLOC}}, "1-2:ORG 2-4:LOC"},
	} {
		ws := strings.Fields(tc.sent)
		r.possessiveNames(ws, normTokens(ws), tc.spans)
		if got := spanString(tc.spans); got != tc.want {
			t.Errorf("%q: got %s, want %s", tc.sent, got, tc.want)
		}
	}
}

func TestInvertedNames(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		sent  string
		spans []scoredSpan
		want  string
	}{
		{`" Townsend , George " < x@y.z >`, []scoredSpan{{Start: 1, End: 2, Class: classORG}, {Start: 3, End: 4, Class: classPER}}, "1-4:PER"},
		{`" Lenhart , Matthew "`, []scoredSpan{{Start: 3, End: 4, Class: classPER}}, "1-4:PER"},
		{`Brenner , Ursula J.`, []scoredSpan{{Start: 2, End: 4, Class: classPER}}, "0-4:PER"},
		// Not alone between quotes: a list.
		{`Paris , Rome and Berlin`, []scoredSpan{{Start: 0, End: 1, Class: classLOC}, {Start: 2, End: 3, Class: classPER}}, "0-1:LOC 2-3:PER"},
		{`he met Smith , John said`, []scoredSpan{{Start: 2, End: 3, Class: classPER}, {Start: 4, End: 5, Class: classPER}}, "2-3:PER 4-5:PER"},
		// A word usually in lower case is no surname.
		{`Thanks , John`, []scoredSpan{{Start: 2, End: 3, Class: classPER}}, "2-3:PER"},
		// The given name must be a person.
		{`" Acme , Inc "`, []scoredSpan{{Start: 1, End: 2, Class: classORG}, {Start: 3, End: 4, Class: classORG}}, "1-2:ORG 3-4:ORG"},
		// The surname is part of a longer span.
		{`" New York , George "`, []scoredSpan{{Start: 1, End: 3, Class: classLOC}, {Start: 4, End: 5, Class: classPER}}, "1-3:LOC 4-5:PER"},
	} {
		ws := strings.Fields(tc.sent)
		if got := spanString(r.invertedNames(ws, normTokens(ws), tc.spans)); got != tc.want {
			t.Errorf("%q: got %s, want %s", tc.sent, got, tc.want)
		}
	}
}

func TestKnownOrgs(t *testing.T) {
	r := testRecognizer(t)
	for _, tc := range []struct {
		sent  string
		spans []scoredSpan
		want  string
	}{
		{"most Google users", []scoredSpan{{Start: 1, End: 2, Class: classMISC}}, "1-2:ORG"},
		{"an Xyzzy phone", []scoredSpan{{Start: 1, End: 2, Class: classMISC}}, "1-2:MISC"},
		{"German users", []scoredSpan{{Start: 0, End: 1, Class: classMISC}}, "0-1:MISC"},
	} {
		ws := strings.Fields(tc.sent)
		r.knownOrgs(normTokens(ws), tc.spans)
		if got := spanString(tc.spans); got != tc.want {
			t.Errorf("%q: got %s, want %s", tc.sent, got, tc.want)
		}
	}
}
