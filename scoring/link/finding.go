package link

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/corerisk"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// A finding's part (s=) of a format 2 link: see the package documentation.

// numFindingFields is the number of ';'-separated fields of a finding's
// part: place, id, category, CVSS, factors, ThM, MF.
const numFindingFields = 7

// place is where a threat is in a card: its section (a layer's number, or
// crossSection) and its position in that section, from 1.
type place struct{ section, n int }

// String is the place as a finding's part writes it: "3.1", "8.2".
func (p place) String() string { return strconv.Itoa(p.section) + "." + strconv.Itoa(p.n) }

// before reports whether p comes before q in card order.
func (p place) before(q place) bool {
	return p.section < q.section || p.section == q.section && p.n < q.n
}

// words names the threat at p as a card's messages do: "threat 2 of L3
// Agent Frameworks", "cross-layer threat 1".
func (p place) words() string {
	loc := card.Location{Section: card.SectionLayer, Layer: maestro.Layer(p.section), Threat: p.n}
	if p.section == crossSection {
		loc = card.Location{Section: card.SectionCrossLayer, Threat: p.n}
	}
	return loc.Name()
}

// finding is a finding's part: the threat's place and its assessment.
type finding struct {
	place place
	a     maestro.Assessment
}

// errorf is an *Error of the finding at f's place.
func (f *finding) errorf(format string, args ...any) *Error {
	return &Error{Part: "s", Pos: -1, Msg: "finding s=" + f.place.String() + " (" + f.place.words() + "): " + fmt.Sprintf(format, args...)}
}

// writeFinding writes the part of the finding a at p.
func writeFinding(sb *strings.Builder, p place, a *maestro.Assessment) {
	sb.WriteString("&s=")
	sb.WriteString(p.String())
	sb.WriteByte(';')
	writeID(sb, a.ID)
	sb.WriteByte(';')
	if a.Category != 0 {
		sb.WriteString(strconv.Itoa(int(a.Category)))
	}
	sb.WriteByte(';')
	sb.WriteString(cvssText(a.CVSSVector, a.CVSSScore))
	sb.WriteByte(';')
	sb.WriteString(factorsText(&a.Factors))
	sb.WriteByte(';')
	if a.ThM.Set {
		sb.WriteString(a.ThM.Value.Format(0))
	}
	sb.WriteByte(';')
	if a.MF.Set {
		sb.WriteString(a.MF.Value.Format(0))
	}
}

// unreserved reports whether an id keeps the byte c as it is: the URL
// standard's unreserved characters.
func unreserved(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

const upperHex = "0123456789ABCDEF"

// writeID writes a finding id percent-encoded: the unreserved bytes as
// they are, every other byte as '%' and two upper-case hex digits.
func writeID(sb *strings.Builder, id string) {
	for i := range len(id) {
		c := id[i]
		if unreserved(c) {
			sb.WriteByte(c)
			continue
		}
		sb.WriteByte('%')
		sb.WriteByte(upperHex[c>>4])
		sb.WriteByte(upperHex[c&15])
	}
}

// readID undoes writeID, taking only what writeID writes; it returns what
// is wrong otherwise.
func readID(s string) (string, string) {
	if s == "" {
		return "", "it has no id; a finding always has one"
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case unreserved(c):
			b = append(b, c)
		case c == '%':
			hi, lo := -1, -1
			if i+2 < len(s) {
				hi, lo = strings.IndexByte(upperHex, s[i+1]), strings.IndexByte(upperHex, s[i+2])
			}
			if hi < 0 || lo < 0 {
				return "", fmt.Sprintf("its id has %q, which is no percent-escape as a link writes one: '%%' and two hexadecimal digits, A–F upper-case", clip(s[i:min(i+3, len(s))]))
			}
			d := byte(hi<<4 | lo)
			if unreserved(d) {
				return "", fmt.Sprintf("its id escapes %q as %s; a link writes ASCII letters, digits, '-', '.', '_' and '~' as they are", string(d), s[i:i+3])
			}
			b = append(b, d)
			i += 2
		default:
			r, _ := utf8.DecodeRuneInString(s[i:])
			return "", fmt.Sprintf("its id has %q as it is; a link percent-escapes every character but ASCII letters, digits, '-', '.', '_' and '~'", string(r))
		}
	}
	if !utf8.Valid(b) {
		return "", "its id is not valid UTF-8 once unescaped"
	}
	return string(b), ""
}

// parsePlace reads a place as writeFinding writes it, and nothing else.
func parsePlace(s string) (place, bool) {
	sec, n, ok := strings.Cut(s, ".")
	if !ok || len(sec) != 1 || sec[0] < '1' || sec[0] > '0'+crossSection {
		return place{}, false
	}
	k, err := strconv.Atoi(n)
	if err != nil || strconv.Itoa(k) != n || k < 1 || k > card.MaxThreats {
		return place{}, false
	}
	return place{int(sec[0] - '0'), k}, true
}

// parseFinding reads the value of a finding's part, the index-th of the
// link. With partial, v is what a cut left of it: its fields, but for the
// last, which the cut may have shortened, must be right, and the last must
// hold only characters a field may have; the finding is then what the
// fields before the last give.
func parseFinding(ed *aivss.Edition, v string, index int, partial bool) (finding, *Error) {
	var f finding
	fields := strings.SplitN(v, ";", numFindingFields+1)
	if partial {
		if len(fields) > numFindingFields || strings.IndexFunc(fields[len(fields)-1], notFieldRune) >= 0 {
			return f, errorf("s", -1, "not what a cut leaves of a finding's part")
		}
		fields = fields[:len(fields)-1]
	} else if len(fields) != numFindingFields {
		n := strconv.Itoa(len(fields)) + " of the"
		if len(fields) > numFindingFields {
			n = "more than the"
		}
		return f, errorf("s", -1, "finding %d of the link (s=%s) has %s %d fields of a finding's part, separated by ';': place;id;category;CVSS;factors;ThM;MF",
			index, clip(v), n, numFindingFields)
	}
	for i, s := range fields {
		if err := f.field(ed, i, s, index); err != nil {
			return f, err
		}
	}
	return f, nil
}

// notFieldRune reports whether a finding's part never holds r.
func notFieldRune(r rune) bool {
	return r >= utf8.RuneSelf || !unreserved(byte(r)) && !strings.ContainsRune("%:/,", r)
}

// field reads the i-th field of a finding's part into f.
func (f *finding) field(ed *aivss.Edition, i int, s string, index int) *Error {
	if i == 0 {
		p, ok := parsePlace(s)
		if !ok {
			return errorf("s", -1, "finding %d of the link: its place %q is not a section (1 to 7 a layer, 8 Cross-Layer), a point and the threat's position there (1 to %d), as in 3.1",
				index, clip(s), card.MaxThreats)
		}
		f.place = p
		return nil
	}
	if i == 1 {
		id, problem := readID(s)
		if problem != "" {
			return f.errorf("%s", problem)
		}
		f.a.ID = id
		return nil
	}
	if i == 2 {
		if s == "" {
			return nil
		}
		k, err := strconv.Atoi(s)
		if err != nil || strconv.Itoa(k) != s || !corerisk.Risk(k).Valid() {
			return f.errorf("its category %q is not one of 1 to %d (the OWASP core risks) or empty", clip(s), corerisk.NumRisks)
		}
		f.a.Category = corerisk.Risk(k)
		return nil
	}
	if s == "" {
		return nil // none, or the card's
	}
	u, uerr := unescape("s", s)
	if uerr != nil {
		return f.errorf("%s", uerr.Msg)
	}
	var err *Error
	switch i {
	case 3:
		if u == "" {
			return f.errorf("its CVSS field is empty once unescaped")
		}
		f.a.CVSSVector, f.a.CVSSScore, err = parseCVSS(u)
	case 4:
		f.a.Factors, err = parseFactors(ed, u)
		if err != nil && strings.HasPrefix(err.Msg, "has ") {
			err.Msg = "its factors field " + err.Msg
		}
	case 5:
		f.a.ThM, err = optionalNumber("ThM", u)
	case 6:
		f.a.MF, err = optionalNumber("MF", u)
	}
	if err != nil {
		return f.errorf("%s", err.Msg)
	}
	return nil
}

// optionalNumber is parseNumber for a value that is set.
func optionalNumber(name, v string) (decimal.Optional, *Error) {
	d, err := parseNumber(name, v)
	if err != nil {
		return decimal.Optional{}, err
	}
	return decimal.Some(d), nil
}

// cutInFindings reports whether a format 2 link, split into fields, was
// cut short inside or right after its findings' parts, and so lost its
// text: its last field is the beginning of a finding's part ("s", "s=…"),
// which no whole link ends in, since a finding's threat is in the text; or
// it is the beginning of the text part's name ("" or "d") after a
// finding's part. It returns the last field in the first case, and the
// error that says what was lost.
func cutInFindings(fields []string) (string, *Error) {
	if len(fields) < 2 {
		return "", nil
	}
	last := fields[len(fields)-1]
	switch {
	case last == "s" || strings.HasPrefix(last, "s="):
		return last, &Error{Part: "s", Pos: -1, Err: io.ErrUnexpectedEOF,
			Msg: "the link is cut short inside a finding's part: that finding and the text are lost, and any findings after it"}
	case last == "d" && len(fields) > 2 && strings.HasPrefix(fields[len(fields)-2], "s="):
		return "", &Error{Part: "d", Pos: -1, Err: io.ErrUnexpectedEOF,
			Msg: "the link is cut short before its text, which is lost"}
	case last == "" && len(fields) > 2 && strings.HasPrefix(fields[len(fields)-2], "s="):
		return "", &Error{Part: "d", Pos: -1, Err: io.ErrUnexpectedEOF,
			Msg: "the link is cut short after a finding's part: the text is lost, and any findings after it"}
	}
	return "", nil
}

// truncatedInFindings returns the error for a link cut short as
// cutInFindings found, whose fields before the last are whole: a
// *TruncatedError with the card of its scoring parts and whole findings,
// or the *Error of one of those parts. It returns nil when the link's
// last field is not what a cut leaves: the link is then read whole.
func (fm *format) truncatedInFindings(whole []string, last string, cut *Error) error {
	r, err := fm.read(whole)
	if err != nil {
		return err
	}
	if _, ok := r.values["d"]; ok {
		return nil // a text part before a finding's part: wrong, not cut
	}
	if v, ok := strings.CutPrefix(last, "s="); ok {
		ed, _ := aivss.Lookup(r.card.AIVSS.Edition)
		f, perr := parseFinding(ed, v, len(r.findings)+1, true)
		if perr != nil {
			return nil
		}
		for _, prev := range r.findings {
			if f.place.section != 0 && !prev.place.before(f.place) || f.a.ID != "" && f.a.ID == prev.a.ID {
				return nil
			}
		}
	}
	return r.truncated(r.findings, cut)
}

// attachFindings gives each finding's assessment to the threat of c it
// names.
func attachFindings(c *card.Card, fs []finding) *Error {
	for i := range fs {
		f := &fs[i]
		ts, where := c.MAESTRO.CrossLayer, "cross-layer threats"
		if f.place.section != crossSection {
			l := maestro.Layer(f.place.section)
			ts, where = c.MAESTRO.Layer(l).Threats, "threats under "+l.String()
		}
		if f.place.n > len(ts) {
			if !hasText(c) {
				return f.errorf("the link has no text (d=), which holds the threat of every finding")
			}
			return f.errorf("the text has no such threat; it has %d %s", len(ts), where)
		}
		ts[f.place.n-1].AIVSS = f.a
	}
	return nil
}
