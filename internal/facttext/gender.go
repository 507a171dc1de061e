package facttext

import "strings"

// Roles whose holder's gender is plain from the word: an entity with one of
// them is not whom a pronoun of the other gender stands for.
var (
	femaleRoles = map[string]bool{"queen": true, "princess": true, "duchess": true, "empress": true,
		"countess": true, "baroness": true, "lady": true, "dame": true, "first lady": true,
		"queen mother": true, "sister": true, "mother": true, "actress": true, "congresswoman": true,
		"chairwoman": true, "spokeswoman": true, "businesswoman": true}
	maleRoles = map[string]bool{"king": true, "prince": true, "duke": true, "emperor": true,
		"count": true, "baron": true, "lord": true, "sir": true, "pope": true, "father": true,
		"brother": true, "actor": true, "congressman": true, "chairman": true, "spokesman": true,
		"businessman": true, "crown prince": true}
)

// PronounFits reports whether "he" or "she" (pronoun, lower case) may stand
// for a person whose role is role: false only when the role names the other
// gender ("he" for the Queen). Other pronouns and roles always fit.
func PronounFits(pronoun, role string) bool {
	r := strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(role, "Former "), "former "))
	head := r
	if i := strings.LastIndexByte(r, ' '); i >= 0 {
		head = r[i+1:]
	}
	switch pronoun {
	case "he":
		return !femaleRoles[r] && !femaleRoles[head]
	case "she":
		return !maleRoles[r] && !maleRoles[head]
	}
	return true
}
