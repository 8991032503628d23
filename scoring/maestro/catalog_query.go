package maestro

import "strings"

// CatalogFor returns the catalog threats of layer l in catalog order, or the
// cross-layer threats when l is 0. It returns nil for a layer above L7.
func CatalogFor(l Layer) []CatalogThreat {
	var out []CatalogThreat
	for _, t := range catalog {
		if t.Layer == l {
			out = append(out, t)
		}
	}
	return out
}

// SearchCatalog returns, in catalog order, the catalog threats that match
// every whitespace-separated word of query, ignoring case. A word matches
// when it occurs anywhere in the threat's id, name or description, the code
// or name of the layer it belongs to ("Cross-Layer" for a cross-layer
// threat), or its ASI code. A query with no words matches every threat.
func SearchCatalog(query string) []CatalogThreat {
	words := strings.Fields(strings.ToLower(query))
	var out []CatalogThreat
	for _, t := range catalog {
		text := searchText(t)
		match := true
		for _, w := range words {
			if !strings.Contains(text, w) {
				match = false
				break
			}
		}
		if match {
			out = append(out, t)
		}
	}
	return out
}

// searchText is the lower-cased text that a search word may occur in. The
// fields are joined by a newline, which no word contains, so a word never
// matches across two fields.
func searchText(t CatalogThreat) string {
	layer := crossLayerName
	if t.Layer != 0 {
		layer = t.Layer.String()
	}
	return strings.ToLower(strings.Join([]string{t.ID, t.Name, t.Description, layer, t.ASI.Code()}, "\n"))
}
