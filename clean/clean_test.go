package clean

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/shared"
)

func TestFurniture(t *testing.T) {
	tests := []struct {
		p    string
		want string
	}{
		// advertising markers
		{"Advertisement", tidings.RemovedBoilerplate},
		{"ADVERTISEMENT", tidings.RemovedBoilerplate},
		{"- Advertisement -", tidings.RemovedBoilerplate},
		{"Story continues below advertisement", tidings.RemovedBoilerplate},
		{"Sponsored content", tidings.RemovedBoilerplate},
		// sharing, following, subscribing, consent
		{"Share this article", tidings.RemovedBoilerplate},
		{"Share on Facebook Share on X Email Print", tidings.RemovedBoilerplate},
		{"Follow us on Instagram and X", tidings.RemovedBoilerplate},
		{"Click here to subscribe", tidings.RemovedBoilerplate},
		{"Sign up for our free morning newsletter.", tidings.RemovedBoilerplate},
		{"We use cookies. Accept all cookies", tidings.RemovedBoilerplate},
		{"Continue reading below", tidings.RemovedBoilerplate},
		// credits
		{"Photo: Courier staff", tidings.RemovedBoilerplate},
		{"(Image credit: Jane Roe/Getty Images)", tidings.RemovedBoilerplate},
		{"Boats moored in the harbor. AP Photo/John Doe", tidings.RemovedBoilerplate},
		{"***", tidings.RemovedBoilerplate},
		// links to other stories
		{"Read also| Fishing fleet stays in port as fuel prices climb", tidings.RemovedRelated},
		{"Also read: Lifeboat crew honoured for night rescue off Gull Point", tidings.RemovedRelated},
		{"READ MORE", tidings.RemovedRelated},
		{"Related: Ferry Timetable Changes for the Spring Season", tidings.RemovedRelated},
		{"SEE ALSO: Council Approves New Budget", tidings.RemovedRelated},
		{"You may also like", tidings.RemovedRelated},
		{"More stories from Local News", tidings.RemovedRelated},
		{"Watch | Storm damage on the coast road", tidings.RemovedRelated},
		// shaped furniture lines
		{"Follow Maren Holt on X @marenholt and on Facebook.", tidings.RemovedBoilerplate},
		{"Email the reporter at desk@courier.example.org", tidings.RemovedBoilerplate},
		{"Have a tip? Our harbor reporter can be reached at tips@courier.example.org.", tidings.RemovedBoilerplate},
		{"Get the morning briefing delivered to your inbox. Sign up for our newsletter.", tidings.RemovedBoilerplate},
		{"(Reporting by Jane Roe; Editing by John Doe)", tidings.RemovedBoilerplate},
		{"Li Wei contributed reporting from Shanghai.", tidings.RemovedBoilerplate},
		{"By Maren Holt", tidings.RemovedBoilerplate},
		{"Updated at 4:10 p.m.", tidings.RemovedBoilerplate},
		{"Published Tuesday, March 11, 2025 9:15AM EST", tidings.RemovedBoilerplate},
		{"9:15 AM PST 3/11/2025 by Maren Holt", tidings.RemovedBoilerplate},
		{"Filed under: Harbor | Storms", tidings.RemovedBoilerplate},
		{"[Courier]", tidings.RemovedBoilerplate},
		{"© 2025 The Coastline Courier. All rights reserved.", tidings.RemovedBoilerplate},
		{"WhatsApp Facebook Pin Save", tidings.RemovedBoilerplate},
		{"Report error", tidings.RemovedBoilerplate},
		// real text that shares furniture words
		{"The senator shared the statement on the party's account, @harborparty, late on Monday night after the vote.", ""},
		{"Streaming services continued to sign up subscribers through the outage, the company said.", ""},
		{"4:14 p.m.", ""},
		{"– Ready to sail –", ""},
		{"— See you in court, she replied.", ""},
		{"Seeds of doubt: the council's plan", ""},
		{"21 March 2025 | 3 April 2025", ""},
		{"By the end of the week, the water had gone down.", ""},
		{"Published by a small press in Kabul, her book covers the years 2001 to 2019", ""},
		{"Share prices fell sharply on Tuesday after the bank warned of losses.", ""},
		{"Follow the money, the senator said.", ""},
		{"Read the full statement on the ministry's website, where officials also listed the names of the detained.", ""},
		{"Related charges were filed against two other men in March.", ""},
		{"Photographs from the scene showed several burned-out cars.", ""},
		{"The advertisement, which ran for three weeks on national television, drew hundreds of complaints from viewers.", ""},
		{"He said he would subscribe to any plan that saved lives.", ""},
		{"Click.", ""},
		{"Yes.", ""},
		{"Harbor town votes to rebuild its sea wall", ""},
		{"Einrichtungsübergreifende Patientenakte (eEPA)", ""},
		{"Watch what happens when the tide turns, he told reporters at the quay.", ""},
		{"See you in court, she replied.", ""},
	}
	for _, tt := range tests {
		if got := Furniture(tt.p); got != tt.want {
			t.Errorf("Furniture(%q) = %q, want %q", tt.p, got, tt.want)
		}
	}
}

func TestParagraphsListBlock(t *testing.T) {
	in := []string{
		"The council voted on Tuesday to rebuild the sea wall that collapsed in January.",
		"More stories:",
		"Ferry timetable changes for the spring season",
		"New bakery opens on Mill Lane",
		"Residents said they were relieved by the decision.",
	}
	kept, removed := Paragraphs(in)
	if len(kept) != 2 || kept[1] != in[4] {
		t.Errorf("kept = %q", kept)
	}
	if len(removed) != 3 {
		t.Errorf("removed = %+v", removed)
	}
	for _, r := range removed {
		if r.Kind != tidings.RemovedRelated {
			t.Errorf("removed %q as %s, want related-link", r.Text, r.Kind)
		}
	}
}

// TestParagraphsLeadIn checks that a lead-in to a list of the article's
// own points is not taken for a list of links.
func TestParagraphsLeadIn(t *testing.T) {
	in := []string{"Read the demands below:", "Free elections", "A new harbor board", "The council will reply next week."}
	kept, removed := Paragraphs(in)
	if len(kept) != len(in) || len(removed) != 0 {
		t.Errorf("kept %q, removed %+v", kept, removed)
	}
}

func TestParagraphsDuplicates(t *testing.T) {
	long := "The council voted on Tuesday to rebuild the sea wall that collapsed during the January storms."
	kept, removed := Paragraphs([]string{long, "Short line.", long, "Short line."})
	if want := []string{long, "Short line.", "Short line."}; strings.Join(kept, "|") != strings.Join(want, "|") {
		t.Errorf("kept = %q, want %q", kept, want)
	}
	if len(removed) != 1 || removed[0].Kind != tidings.RemovedDuplicate || removed[0].Text != long {
		t.Errorf("removed = %+v, want one duplicate", removed)
	}
}

// TestParagraphsStructuralRepeats checks that a paragraph repeated more
// than twice (the same question put to each interviewee, a line of each
// day of a plan) is page structure and kept every time.
func TestParagraphsStructuralRepeats(t *testing.T) {
	q := "Which of the three proposals would you choose for the harbor and why do you think so?"
	in := []string{q, "Answer one is long enough.", q, "Answer two.", q, "Answer three."}
	kept, removed := Paragraphs(in)
	if len(kept) != len(in) || len(removed) != 0 {
		t.Errorf("kept %d of %d, removed %+v", len(kept), len(in), removed)
	}
}

func TestParagraphsMultiLine(t *testing.T) {
	kept, removed := Paragraphs([]string{"First line of text\nAdvertisement\nsecond line of text"})
	if len(kept) != 1 || kept[0] != "First line of text second line of text" {
		t.Errorf("kept = %q", kept)
	}
	if len(removed) != 1 || removed[0].Text != "Advertisement" {
		t.Errorf("removed = %+v", removed)
	}
}

func TestSplitParagraphs(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"blank lines", "One.\n\nTwo.\n\n\nThree.", []string{"One.", "Two.", "Three."}},
		{"crlf", "One.\r\n\r\nTwo.\r\n", []string{"One.", "Two."}},
		{"wrapped lines kept together", "One line\nwrapped.\n\nTwo.", []string{"One line\nwrapped.", "Two."}},
		{"single newlines only", "One.\nTwo.\nThree.", []string{"One.", "Two.", "Three."}},
		{"whitespace-only blank line", "One.\n \t\nTwo.", []string{"One.", "Two."}},
		{"one paragraph", "  Just one.  ", []string{"Just one."}},
		{"empty", " \n\n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SplitParagraphs(tt.text)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("SplitParagraphs(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestKyivSeedArticle runs the seed article of ../shared/examples through
// splitting and cleaning and checks it against the "cleaning" part of its
// expected.json. The article is read from ../shared, never copied here.
func TestKyivSeedArticle(t *testing.T) {
	dir := shared.Dir(t, "examples", "kyiv-strike")
	text, err := os.ReadFile(filepath.Join(dir, "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var expected struct {
		Cleaning struct {
			MustRemoveLines   []string `json:"must_remove_lines"`
			ParagraphKeptOnce string   `json:"paragraph_kept_once"`
			BodyParagraphs    int      `json:"body_paragraphs"`
		} `json:"cleaning"`
	}
	b, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &expected); err != nil {
		t.Fatal(err)
	}
	want := expected.Cleaning

	paras := SplitParagraphs(string(text))
	if len(paras) < 2 || strings.Contains(paras[0], "\n") || len(paras[0]) > 200 {
		t.Fatalf("title line is not a paragraph of its own: %q", paras[0])
	}
	kept, removed := Paragraphs(paras[1:]) // the reader takes paras[0] as the title
	if len(kept) != want.BodyParagraphs {
		t.Errorf("kept %d body paragraphs, want %d:\n%s", len(kept), want.BodyParagraphs, strings.Join(kept, "\n\n"))
	}
	once := 0
	for _, p := range kept {
		if strings.Contains(p, want.ParagraphKeptOnce) {
			once++
		}
		for _, line := range want.MustRemoveLines {
			if strings.Contains(p, line) {
				t.Errorf("kept paragraph contains %q", line)
			}
		}
		if strings.HasPrefix(strings.ToLower(p), "read also") {
			t.Errorf("kept a Read also line: %q", p)
		}
	}
	if once != 1 {
		t.Errorf("repeated paragraph kept %d times, want 1", once)
	}
	kinds := map[string]int{}
	for _, r := range removed {
		kinds[r.Kind]++
	}
	if kinds[tidings.RemovedDuplicate] != 1 || kinds[tidings.RemovedRelated] != 2 || kinds[tidings.RemovedBoilerplate] == 0 {
		t.Errorf("removed kinds = %v, want 1 duplicate, 2 related-link, some boilerplate", kinds)
	}
}

// TestDupKeyFieldCount checks the one-pass dupKey and fieldCount against
// the plain library expressions they replace.
func TestDupKeyFieldCount(t *testing.T) {
	tests := []string{
		"",
		"one two",
		"  The Quick, brown fox — jumps over the LAZY dog's 12 kennels again and again.  ",
		"ÉTÉ À PARIS: l'équipe Δ-Σ a gagné 3–1 contre l'ÉQUIPE ΑΒΓ hier soir, dit-il, après\tla pause\n\nde midi",
		"bad \xff utf8 \xfe bytes in a paragraph that is long enough to have a key at all here",
		"İstanbul KİEV ǅemal Straße ß ﬁle words words words words words words words",
	}
	for _, p := range tests {
		want := ""
		if wordCount(p) >= dupKeyMinWords {
			want = strings.Join(strings.FieldsFunc(strings.ToLower(p), func(r rune) bool { return !isWordRune(r) }), " ")
		}
		if got := dupKey(p); got != want {
			t.Errorf("dupKey(%q) = %q, want %q", p, got, want)
		}
		if got := dupKey(strings.Join(strings.Fields(p), " ")); got != want {
			t.Errorf("dupKey(fields of %q) = %q, want %q", p, got, want)
		}
		if got, want := fieldCount(p, 100), len(strings.Fields(p)); got != want {
			t.Errorf("fieldCount(%q) = %d, want %d", p, got, want)
		}
	}
}
