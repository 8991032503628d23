package maestro

// CatalogThreat is a standard threat of the MAESTRO framework that a user
// can pick instead of writing one.
type CatalogThreat struct {
	// ID is stable forever once released: links carry it.
	ID          string
	Layer       Layer // the layer it belongs to; 0 for a cross-layer threat
	Name        string
	Description string // one line, in this project's own words
	// Layers suggests, for a cross-layer threat, the layers it usually spans.
	Layers []Layer
	ASI    ASI // the Agentic Top 10 entry it most often maps to, or 0
}

// catalog is filled in catalog_data.go.
var catalog []CatalogThreat

// Catalog returns every catalog threat, layer by layer (L1 first) and the
// cross-layer threats last. The caller must not modify it.
func Catalog() []CatalogThreat { return catalog }

// LookupThreat returns the catalog threat with the given id.
func LookupThreat(id string) (CatalogThreat, bool) {
	for _, t := range catalog {
		if t.ID == id {
			return t, true
		}
	}
	return CatalogThreat{}, false
}
