package site

import "encoding/json"

// manifestJSON is the web app manifest. go-app writes one too, but with the
// scope fixed at "/" and no id; this one is scoped to the site's prefix, so
// two apps on one GitHub Pages origin stay two apps.
func manifestJSON(prefix string) ([]byte, error) {
	type icon struct {
		Src     string `json:"src"`
		Sizes   string `json:"sizes"`
		Type    string `json:"type"`
		Purpose string `json:"purpose,omitempty"`
	}
	r := prefixResolver{prefix: prefix}
	m := struct {
		ID              string `json:"id"`
		Name            string `json:"name"`
		ShortName       string `json:"short_name"`
		Description     string `json:"description"`
		Lang            string `json:"lang"`
		Scope           string `json:"scope"`
		StartURL        string `json:"start_url"`
		Display         string `json:"display"`
		BackgroundColor string `json:"background_color"`
		ThemeColor      string `json:"theme_color"`
		Icons           []icon `json:"icons"`
	}{
		ID:              prefix,
		Name:            appName,
		ShortName:       appShortName,
		Description:     appDescription,
		Lang:            "en",
		Scope:           prefix,
		StartURL:        prefix,
		Display:         "standalone",
		BackgroundColor: backgroundCol,
		ThemeColor:      themeColor,
		Icons: []icon{
			{Src: r.Resolve(pathIcon192), Sizes: "192x192", Type: "image/png", Purpose: "any"},
			{Src: r.Resolve(pathIcon512), Sizes: "512x512", Type: "image/png", Purpose: "any"},
			{Src: r.Resolve(pathIconMaskable), Sizes: "512x512", Type: "image/png", Purpose: "maskable"},
			{Src: r.Resolve(pathIconSVG), Sizes: "any", Type: "image/svg+xml", Purpose: "any"},
		},
	}
	return json.MarshalIndent(m, "", "  ")
}
