package nlpeval
import ("testing";"context";"fmt";"sort";"github.com/tidings/tidings/nlp")
func TestDebugConf(t *testing.T){
 docs,_ := readDocs(context.Background(), "../../../shared/data/treebank/gum@dev", 0)
 p,_ := nlp.Load()
 conf := map[string]int{}
 for _, d := range docs { for _, s := range d {
   var w []string; for _, x := range s.Words { w = append(w, x.Form) }
   xp, _ := p.TagWords(w)
   for i, x := range s.Words { if xp[i] != x.XPOS { conf[x.XPOS+"->"+xp[i]+" "+x.Form]++ } }
 }}
 type kv struct{k string; v int}; var l []kv; for k,v := range conf { l = append(l, kv{k,v}) }
 sort.Slice(l, func(i,j int) bool { return l[i].v > l[j].v })
 for _, x := range l[:40] { fmt.Println(x.v, x.k) }
}
