package jsonvalue

import (
	"strconv"
	"unicode/utf8"
)

// Join appends an object key to a path: "a.b" for a plain key (ASCII
// letters, digits, '_' and '-'), a["odd key"] for any other, the key
// quoted and cut after 60 characters. Join("", "a") is "a".
func Join(path, key string) string {
	plain := key != ""
	for i := 0; i < len(key); i++ {
		c := key[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			plain = false
			break
		}
	}
	switch {
	case !plain:
		return path + "[" + quoteClip(key) + "]"
	case path == "":
		return key
	}
	return path + "." + key
}

// Index appends an array index to a path: "layers[2]".
func Index(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

// quoteClip quotes s for a message, cut after 60 characters.
func quoteClip(s string) string {
	const max = 60
	if utf8.RuneCountInString(s) > max {
		n := 0
		for i := range s {
			if n == max {
				s = s[:i] + "…"
				break
			}
			n++
		}
	}
	return strconv.Quote(s)
}
