package lang

import (
	"bufio"
	"encoding/json"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
	"github.com/tidings/tidings/internal/shared"
)

// whatlangDetect is Detect as it was, calling whatlanggo itself.
func whatlangDetect(text string) string {
	text = head(text, sample)
	letters := 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < minLetters {
		return ""
	}
	info := whatlanggo.Detect(text)
	if info.Lang < 0 || info.Confidence < minConfidence {
		return ""
	}
	return info.Lang.Iso6391()
}

// checkSame fails t when detectLang or detectScript answer other than
// whatlanggo on text. A tie for the best language (whatlanggo: either,
// confidence 0) is -1 for detectLang.
func checkSame(t *testing.T, d *detector, name, text string) {
	t.Helper()
	want := whatlanggo.Detect(text)
	if got := detectScript(text); got != scriptID(want.Script) {
		t.Errorf("%s: detectScript = %d, whatlanggo %d (%v)", name, got, scriptID(want.Script), whatlanggo.Scripts[want.Script])
	}
	l, c := d.detectLang(text)
	if l == -1 && (want.Lang == -1 || want.Confidence == 0) {
		return
	}
	if l != want.Lang || c != want.Confidence {
		t.Errorf("%s: detectLang = %v %.2f, whatlanggo %v %.2f (text %.80q)", name, l, c, want.Lang, want.Confidence, text)
	}
}

// scriptID is the script number of a whatlanggo script table: whatlanggo's
// own kana table is the one it does not list in Scripts.
func scriptID(t *unicode.RangeTable) script {
	if t == nil {
		return scriptNone
	}
	for s, st := range scriptTables {
		if st == t {
			return script(s)
		}
	}
	if _, ok := whatlanggo.Scripts[t]; !ok {
		return scriptHiraganaKatakana
	}
	return scriptNone - 1 // a script this package does not know
}

func TestDetectLangMatchesWhatlanggo(t *testing.T) {
	d := newDetector()
	texts := []string{
		"", " ", "a", "ab", "abc", "The", "the the the", "12 34", "..!?",
		"The government announced on Tuesday that it would raise taxes on imported goods.",
		"Le gouvernement a annoncé mardi qu'il augmenterait les taxes sur les produits importés.",
		"Die Regierung kündigte am Dienstag an, die Steuern zu erhöhen.",
		"Правительство объявило во вторник, что повысит налоги на импортные товары.",
		"Уряд оголосив у вівторок, що підвищить податки.",
		"أعلنت الحكومة يوم الثلاثاء أنها سترفع الضرائب على السلع المستوردة",
		"सरकार ने मंगलवार को घोषणा की कि वह आयातित वस्तुओं पर कर बढ़ाएगी",
		"הממשלה הודיעה ביום שלישי כי תעלה את המסים",
		"政府は火曜日、輸入品への税金を引き上げると発表した。",
		"政府周二宣布将提高进口商品的税收。",
		"정부는 화요일 수입품에 대한 세금을 인상하겠다고 발표했다.",
		"Η κυβέρνηση ανακοίνωσε την Τρίτη ότι θα αυξήσει τους φόρους.",
		"ΑΒΓ abc", "ab АБ", "ᎠᎡᎢ", "\xff\xfe invalid \xc3", "ＡＢＣ full width", "ǅ ǈ ǋ title case",
	}
	for i, s := range texts {
		checkSame(t, d, "fixed "+string(rune('a'+i%26)), s)
	}
}

// TestProfileLimits checks what newGroupIndex assumes of the profiles:
// at most 256 languages a group, of whole trigrams, short enough for the
// rank weights to fit posting.w.
func TestProfileLimits(t *testing.T) {
	for g, ps := range profileLists {
		if len(ps) < 2 || len(ps) > 256 {
			t.Errorf("group %d: %d languages", g, len(ps))
		}
		for _, p := range ps {
			if n := utf8.RuneCountInString(p.trigrams); n%3 != 0 || n/3 > 1<<15 {
				t.Errorf("group %d, %v: %d runes", g, p.lang, n)
			}
		}
	}
}

// TestDetectLangRandom compares on random texts: words made of each
// language's own trigrams, mixed scripts, digits and punctuation.
func TestDetectLangRandom(t *testing.T) {
	d := newDetector()
	rng := rand.New(rand.NewPCG(1, 2))
	var tris []string
	for _, g := range profileLists {
		for _, p := range g {
			rs := []rune(p.trigrams)
			for i := 0; i+3 <= len(rs); i += 3 {
				tris = append(tris, string(rs[i:i+3]))
			}
		}
	}
	extra := []rune("0123456789 .,;:!?-'\"()\n\tｱｲあいう漢字한글ΑΒΓабвאבגअआ")
	for n := 0; n < 3000; n++ {
		var b strings.Builder
		var own []string // mostly one language, like real text
		g := profileLists[rng.IntN(int(numGroups))]
		p := []rune(g[rng.IntN(len(g))].trigrams)
		for i := 0; i+3 <= len(p); i += 3 {
			own = append(own, string(p[i:i+3]))
		}
		for k := rng.IntN(200); k >= 0; k-- {
			switch x := rng.IntN(10); {
			case x < 6:
				b.WriteString(own[rng.IntN(len(own))])
			case x < 8:
				b.WriteString(tris[rng.IntN(len(tris))])
			default:
				b.WriteRune(extra[rng.IntN(len(extra))])
			}
		}
		checkSame(t, d, "random", b.String())
	}
}

// corpusTexts returns the texts of the corpora beside the checkout and the
// demo corpus: every article of the JSON-lines files and every other file
// whole (the Zyte pages as raw HTML, the NER and quote sets, the seed
// example).
func corpusTexts(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	add := func(path string) {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("reading %s: %v", path, err)
		}
		if !strings.HasSuffix(path, ".jsonl") {
			out[path] = string(raw)
			return
		}
		sc := bufio.NewScanner(strings.NewReader(string(raw)))
		sc.Buffer(nil, 1<<24)
		for i := 0; sc.Scan(); i++ {
			var rec map[string]any
			if json.Unmarshal(sc.Bytes(), &rec) != nil {
				continue
			}
			title, _ := rec["title"].(string)
			for _, f := range []string{"text", "body", "sentence", "sent"} {
				if s, ok := rec[f].(string); ok && s != "" {
					out[path+":"+f+":"+string(rune('0'+i%10))+strings.Repeat("'", i/10)] = title + "\n" + s
				}
			}
		}
	}
	if root := shared.Root(); root != "" {
		add(filepath.Join(root, "demo", "voa.jsonl"))
	}
	if dir := shared.Path(); dir != "" {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			dir = real
		}
		err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
			if err != nil || !e.Type().IsRegular() {
				return err
			}
			if info, err := e.Info(); err == nil && info.Size() < 4<<20 && !strings.Contains(path, "treebank") {
				add(path)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(out) == 0 {
		t.Skip("no corpus found: skipping")
	}
	return out
}

// TestDetectCorpora checks that Detect gives every document of the corpora
// the language whatlanggo gave it, and that detectLang matches whatlanggo
// on the documents' prefixes of several lengths.
func TestDetectCorpora(t *testing.T) {
	d := newDetector()
	texts := corpusTexts(t)
	langs := map[string]int{}
	for name, text := range texts {
		want := whatlangDetect(text)
		if got := Detect(text); got != want {
			t.Errorf("%s: Detect = %q, whatlanggo %q", name, got, want)
		}
		langs[want]++
		for _, n := range []int{30, 300, sample} {
			checkSame(t, d, name, head(text, n))
		}
		if !utf8.ValidString(text) || testing.Short() {
			continue
		}
		for off := sample; off+sample < len(text) && off < 3*sample; off += sample {
			w := text[off:]
			for len(w) > 0 && !utf8.RuneStart(w[0]) {
				w = w[1:]
			}
			checkSame(t, d, name, head(w, sample))
		}
	}
	t.Logf("%d documents: %v", len(texts), langs)
}

// FuzzDetectLang compares detectLang with whatlanggo on arbitrary input.
func FuzzDetectLang(f *testing.F) {
	for _, s := range []string{"", "The talks resume next week.", "Переговоры возобновятся", "ＡＢＣ 漢字 かな", "\xff\xfe"} {
		f.Add(s)
	}
	d := newDetector()
	f.Fuzz(func(t *testing.T, s string) { checkSame(t, d, "fuzz", s) })
}

// BenchmarkDetectDemo measures Detect on the demo corpus's articles, title
// and text as the pipeline passes them.
func BenchmarkDetectDemo(b *testing.B) { benchDemo(b, Detect) }

// BenchmarkWhatlanggoDemo is BenchmarkDetectDemo with whatlanggo itself,
// for comparison.
func BenchmarkWhatlanggoDemo(b *testing.B) { benchDemo(b, whatlangDetect) }

// benchDemo runs detect over the demo corpus's articles.
func benchDemo[T any](b *testing.B, detect func(string) T) {
	var texts []string
	for _, st := range shared.DemoStories(b) {
		texts = append(texts, st.Title+"\n"+st.Text)
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		detect(texts[i%len(texts)])
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/article")
}
