package quotes

import (
	"strings"
	"testing"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/facttext"
	"github.com/tidings/tidings/nlp"
)

// views returns the text analysed by the NLP pipeline and by the fallback
// splitter, so every case holds with and without a parse.
func views(t *testing.T, text string) map[string]*facttext.Text {
	t.Helper()
	p, err := nlp.Load()
	if err != nil {
		t.Fatal(err)
	}
	return map[string]*facttext.Text{"nlp": facttext.New(p.Analyze(text), text), "fallback": facttext.New(nil, text)}
}

// mention finds the code-point span of the n-th occurrence of s.
func mention(text, s string) tidings.Span {
	i := strings.Index(text, s)
	st := len([]rune(text[:i]))
	return tidings.Span{Text: s, Start: st, End: st + len([]rune(s))}
}

func TestExtract(t *testing.T) {
	type want struct {
		text, mention, speaker, cue string
		partial                     bool
	}
	cases := []struct {
		name string
		text string
		ents func(text string) []tidings.Entity
		want []want
	}{
		{
			name: "multi-paragraph and inverted",
			text: "The minister spoke for an hour.\n\n“We will rebuild every school in the region,” said Education Minister Ana Ruiz. “It will take years.\n\n“But we will not give up.”",
			want: []want{
				{"We will rebuild every school in the region,", "Education Minister Ana Ruiz", "Education Minister Ana Ruiz", "said", false},
				{"It will take years.\n\n“But we will not give up.", "Education Minister Ana Ruiz", "Education Minister Ana Ruiz", "", false},
			},
		},
		{
			name: "partial quote",
			text: `The mayor condemned the decision as "deeply unfair" on Monday.`,
			want: []want{{"deeply unfair", "The mayor", "", "condemned", true}},
		},
		{
			name: "scare quotes, nicknames and titles are not quotes",
			text: "The so-called \"peace plan\" was never published. Joaquin \"El Chapo\" Guzman was extradited. She appeared on the show \"Morning Report\" on Friday. The \"experts\" disagreed.",
		},
		{
			name: "inverted order",
			text: `"The talks have failed," said Lavrov.`,
			want: []want{{"The talks have failed,", "Lavrov", "Lavrov", "said", false}},
		},
		{
			name: "pronoun resolved to the last person",
			text: "Anna Berg arrived in Oslo on Tuesday. \"We are ready,\" she told reporters.",
			ents: func(text string) []tidings.Entity {
				return []tidings.Entity{{ID: "e1", Name: "Anna Berg", Type: tidings.EntityPerson, Mentions: []tidings.Span{mention(text, "Anna Berg")}}}
			},
			want: []want{{"We are ready,", "she", "Anna Berg", "told", false}},
		},
		{
			name: "description resolved by role",
			text: "Ana Ruiz met the envoy in Lima. \"Nobody will be left behind,\" the foreign minister said.",
			ents: func(text string) []tidings.Entity {
				return []tidings.Entity{{ID: "e1", Name: "Ana Ruiz", Type: tidings.EntityPerson, Role: "Foreign Minister", Mentions: []tidings.Span{mention(text, "Ana Ruiz")}}}
			},
			want: []want{{"Nobody will be left behind,", "the foreign minister", "Ana Ruiz", "said", false}},
		},
		{
			name: "colon introduction",
			text: "The ministry said in a statement:\n\n\"All flights are cancelled until further notice.\"",
			want: []want{{"All flights are cancelled until further notice.", "The ministry", "", "said", false}},
		},
		{
			name: "according to",
			text: `"Prices will rise again," according to the central bank.`,
			want: []want{{"Prices will rise again,", "the central bank", "", "according to", false}},
		},
	}
	for _, c := range cases {
		for view, ft := range views(t, c.text) {
			t.Run(c.name+"/"+view, func(t *testing.T) {
				var ents []tidings.Entity
				if c.ents != nil {
					ents = c.ents(c.text)
				}
				got := Extract(ft, ents)
				if len(got) != len(c.want) {
					t.Fatalf("got %d quotes %+v, want %d", len(got), got, len(c.want))
				}
				for i, w := range c.want {
					q := got[i]
					if q.Text != w.text || q.Partial != w.partial {
						t.Errorf("quote %d = %q partial=%v, want %q partial=%v", i, q.Text, q.Partial, w.text, w.partial)
					}
					if r := []rune(c.text); string(r[q.Start:q.End]) != q.Text {
						t.Errorf("quote %d offsets %d..%d do not hold its text", i, q.Start, q.End)
					}
					if q.SpeakerMention == nil || q.SpeakerMention.Text != w.mention {
						t.Errorf("quote %d mention = %+v, want %q", i, q.SpeakerMention, w.mention)
					}
					sp := ""
					if q.Speaker != nil {
						sp = *q.Speaker
					}
					if sp != w.speaker {
						t.Errorf("quote %d speaker = %q, want %q", i, sp, w.speaker)
					}
					if w.cue != "" && q.Cue != w.cue {
						t.Errorf("quote %d cue = %q, want %q", i, q.Cue, w.cue)
					}
				}
			})
		}
	}
}

func TestFindSpans(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{`He said "yes" and "no".`, []string{"yes", "no"}},
		{"“One.\n\n“Two.”", []string{"One.\n\n“Two."}},
		{"“Open and never closed.\n\nNext paragraph.", []string{"Open and never closed."}},
		{`He is 6'3" tall and "fine".`, []string{"fine"}},
		{"\"PENCE: Yes.\n\n\"WALLACE: No.", []string{"PENCE: Yes.", "WALLACE: No."}},
		{"“We will win,“ said Ruiz. “Yes.”", []string{"We will win,", "Yes."}},
	}
	for _, c := range cases {
		var got []string
		for _, sp := range FindSpans(c.text) {
			got = append(got, c.text[sp.B:sp.E])
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("FindSpans(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func FuzzFindSpans(f *testing.F) {
	f.Add("He said \"yes\".\n\n“Two")
	f.Add("“a”\"b\"”“")
	f.Fuzz(func(t *testing.T, s string) {
		for _, sp := range FindSpans(s) {
			if sp.B > sp.E || sp.E > len(s) || sp.Open > sp.B {
				t.Fatalf("bad span %+v for %q", sp, s)
			}
		}
		ft := facttext.New(nil, s)
		for _, q := range Extract(ft, nil) {
			if q.Start > q.End || q.End > len([]rune(s)) {
				t.Fatalf("bad quote %+v for %q", q, s)
			}
		}
	})
}

// TestSpeakerMentionParsed covers attributions that read the parse.
func TestSpeakerMentionParsed(t *testing.T) {
	p, err := nlp.Load()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ name, text, mention string }{
		{"coordinated cue", "Wilson praised the plan and said the Florida senator can “bring positive change” to Washington.", "Wilson"},
		{"named subject before a pronoun", "Hillary Clinton says Americans are angry, but also hungry for what she calls “real solutions.”", "Hillary Clinton"},
		{"inverted with an adjective", "“It is the best role he ever had,” said conservative activist Bob Klaus.", "conservative activist Bob Klaus"},
		{"participial opening", "Speaking at a rally in Dover, Lee went after Ortiz, calling him “a tired insider.”", "Lee"},
		{"relative pronoun", "The attack drew a reaction from President Barack Obama, who called the nominee “unfit to serve” on Monday.", "President Barack Obama, who"},
		{"dateline before the subject", "LONDON (Reuters) - Maria Lopez said the plan was “a disaster for everyone.”", "Maria Lopez"},
		{"sentence adverb before the subject", "Meanwhile, speaking to reporters on Monday, Lopez said the vote was “rigged.”", "Lopez"},
		{"verb tagged as a noun", "“We ask for your help,” the letter reads.", "the letter"},
		{"inverted after the quote's sentence", `"It seems very unlikely" that the deal will pass, said Tom Reyes, a senior analyst.`, "Tom Reyes"},
		{"participle after a finite cue", `The hearing will go on next month, Morales said, adding, "Everyone deserves a fair hearing."`, "Morales"},
		{"absolute construction", "The union backed the plan, with its president Mary Cole calling it “a fair deal for workers.”", "its president Mary Cole"},
		{"colon after any verb", "She then turned to the supporters again:\n\n“Here is what I regret.”", "She"},
		{"passive agent", "The mayor was asked by moderator Ellen Park, “Will you run again next year?”", "moderator Ellen Park"},
		{"connective before a lone quote", "“He is a leader,” Ruiz said. Instead, “he acts like a defeated man.”", "Ruiz"},
		{"headline and name", "TAXES DOMINATE DEBATE - Laura Kim: “Voters here care about their bills first.”", "Laura Kim"},
		{"any verb after a question", "“Would you sign the bill as it stands?” Garcia pressed.", "Garcia"},
		{"participle right after the quote", "Trump hailed the vote as “fantastic,” telling reporters he expects more.", "Trump"},
		{"inverted, verb tagged as a noun", "“The rules have to change now,” declares Helen Moss, 34, a teacher.", "Helen Moss"},
		{"thing as subject", "The new flyer claims “Ortiz is the candidate who listens to you.”", "The new flyer"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Extract(facttext.New(p.Analyze(c.text), c.text), nil)
			if len(got) == 0 {
				t.Fatalf("got no quotes")
			}
			if m := got[len(got)-1].SpeakerMention; m == nil || m.Text != c.mention {
				t.Errorf("mention = %+v, want %q", m, c.mention)
			}
		})
	}
}
