package ui

import (
	"net/url"
	"strings"
	"unicode"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/link"
)

// ShareLink returns the link that carries c: the page's address (scheme,
// host and path of page) with c's fragment. The query is left out: the card
// lives in the fragment alone, and a query would only make the link longer
// (and keep it out of the offline cache). When page is not an http or https
// address (a page opened from a file, or no page at all in native tests),
// the link is "#" and the fragment, which a ticket can still carry.
func ShareLink(page *url.URL, c *card.Card) (string, error) {
	fragment, err := link.Encode(c)
	if err != nil {
		return "", err
	}
	return linkAt(page, fragment), nil
}

// linkAt is ShareLink for a card whose fragment the caller has already:
// the page keeps its card's, so that drawing the printed report after
// each edit does not compress the card once more.
func linkAt(page *url.URL, fragment string) string {
	if page == nil || (page.Scheme != "http" && page.Scheme != "https") || page.Host == "" {
		return "#" + fragment
	}
	u := url.URL{Scheme: page.Scheme, Host: page.Host, Path: page.Path, RawPath: page.RawPath, Fragment: fragment}
	if u.Path == "" {
		u.Path = "/"
	}
	return u.String()
}

// maxFileNameRunes bounds the part of a download's file name taken from the
// card's title.
const maxFileNameRunes = 60

// DownloadName returns the file name for a download of the card titled
// title: the title in lower case, with each run of characters other than
// letters and digits made one '-', cut to 60 characters, then ext (".json").
// A title with no letter or digit gives "threatcard". The result holds no
// path separator, dot-name or control character, whatever the title.
func DownloadName(title, ext string) string {
	var b strings.Builder
	n, dash := 0, false
	for _, r := range title {
		if n == maxFileNameRunes {
			break
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				if n+2 > maxFileNameRunes {
					break // no room for the dash and a letter after it
				}
				b.WriteByte('-')
				n++
			}
			b.WriteRune(unicode.ToLower(r))
			n++
			dash = false
			continue
		}
		dash = true
	}
	name := b.String()
	if name == "" {
		name = "threatcard"
	}
	return name + ext
}
