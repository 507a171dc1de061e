package nlp

func irregularTable() map[string]string { return map[string]string{} }
