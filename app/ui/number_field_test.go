//go:build !wasm

package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// typist types into one number field of a page as a person does: each
// call is one input event (done: the change event of leaving the field).
// It returns what the field then shows and the message under it.
type typist func(text string, done bool) (shown, msg string)

// scoreTypist types into the CVSS score field, By score.
func scoreTypist(t *testing.T, ctx app.Context, p *Page) typist {
	c := cvssOf(p, nil)
	c.setMode(ctx, true)
	c = cvssOf(p, c)
	return func(text string, done bool) (string, string) {
		c.typeScore(ctx, text, done)
		c = cvssOf(p, c)
		return c.scoreShown(), c.score.msg
	}
}

// factorTypist types into the number field of factor i of the card edition.
func factorTypist(t *testing.T, ctx app.Context, p *Page, i int) typist {
	ed := p.eval.Edition
	panel := &FactorsPanel{Editor: p, Edition: ed.ID}
	s := &factorSlider{Panel: panel, Edition: ed.ID, Index: i, ID: ed.Factors[i].ID, Name: ed.Factors[i].Name}
	redraw := func() {
		panel.Factors = p.card.AIVSS.Factors
		s.Value, s.Invalid = p.card.AIVSS.Factors[i], p.invalidFields[s.spec().id] != ""
		s.OnUpdate(ctx)
	}
	redraw()
	return func(text string, done bool) (string, string) {
		s.typed(ctx, text, done)
		redraw()
		return s.shown(), s.msg
	}
}

// scaleTypist types into the ThM or MF number field of the card edition.
func scaleTypist(t *testing.T, ctx app.Context, p *Page, which string) typist {
	s := &scaleInput{Editor: p, Edition: p.card.AIVSS.Edition, Which: which}
	redraw := func() {
		s.Value = s.current(p.card.AIVSS)
		s.Invalid = p.invalidFields[which] != ""
		s.OnUpdate(ctx)
	}
	redraw()
	return func(text string, done bool) (string, string) {
		s.typed(ctx, text, done)
		redraw()
		return s.shown(), s.msg
	}
}

// key is one keystroke's text; a trailing "⏎" leaves the field.
func typeKeys(in typist, keys []string) (shown, msg string) {
	for _, k := range keys {
		text, done := strings.CutSuffix(k, "⏎")
		shown, msg = in(text, done)
	}
	return shown, msg
}

// Each keystroke whose text the edition takes is applied; one whose text
// it does not take puts the card back to its value when the edit began,
// so that neither the link nor the draft keeps a value typed on the way,
// and the field and the result say why. The messages are those of
// decimal.ParseTyped and card's rules (the CVSS score is 0.0 to 10.0 with
// one decimal; the card edition's factors are 0 to 1, its ThM 0 to 2).
func TestANumberFieldTakesWhatTheEditionTakesAndOtherwisePutsTheCardBack(t *testing.T) {
	const (
		cardEdition = "v1&e=card&c=7.5&f=0.6,0.5,0,0.7,0.4,0.5,0.2,0.1,0.6,0.5&thm=1&mf=0.85"
		// Factor_Sum 4.1, AARS (10 − 7.5) × 0.41 × 1 = 1.025, AIVSS
		// (7.5 + 1.025) × 0.85 = 7.24625, shown 7.2 (High, 7.0 to 8.9).
		cardScore = "AIVSS 7.2 High"
	)
	tests := []struct {
		name  string
		open  string // the card's link
		field string // "score", "factor0", "thm", "mf"
		keys  []string
		shown string // what the field shows
		msg   string // the message under it
		link  string // in the card's link, and its draft, afterwards
		score string // #score afterwards
	}{
		{
			name: "11 typed after 9.3", open: "", field: "score",
			keys:  []string{"9", "9.", "9.3⏎", "1", "11"},
			shown: "11",
			msg:   "Not accepted: the CVSS score is 11.0; a CVSS v4.0 score is 0.0 to 10.0 with one decimal. The card keeps 9.3.",
			link:  "&c=9.3&",
			score: "not scored: the CVSS score is 11.0; a CVSS v4.0 score is 0.0 to 10.0 with one decimal; the card keeps 9.3",
		},
		{
			name: "10 after 11", open: "", field: "score",
			keys:  []string{"9.3⏎", "1", "11", "10"},
			shown: "10", link: "&c=10.0&", score: "incomplete: missing 10 of 10 factors",
		},
		{
			name: "a leading point, taken and shown in the card's form", open: "", field: "score",
			keys: []string{".5⏎"}, shown: "0.5", link: "&c=0.5&", score: "incomplete: missing 10 of 10 factors",
		},
		{
			name: "a decimal comma in the score", open: "", field: "score",
			keys: []string{"7,5⏎"}, shown: "7.5", link: "&c=7.5&", score: "incomplete: missing 10 of 10 factors",
		},
		{
			name: "two decimals in the score", open: cardEdition, field: "score",
			keys:  []string{"7.55"},
			shown: "7.55",
			msg:   "Not accepted: the CVSS score is 7.55; a CVSS v4.0 score is 0.0 to 10.0 with one decimal. The card keeps 7.5.",
			link:  "&c=7.5&",
			score: "not scored: the CVSS score is 7.55; a CVSS v4.0 score is 0.0 to 10.0 with one decimal; the card keeps 7.5",
		},
		{
			name: "three decimals in the score", open: cardEdition, field: "score",
			keys:  []string{"7.555"},
			shown: "7.555",
			msg:   "Not accepted: at most one decimal, like 7.5. The card keeps 7.5.",
			link:  "&c=7.5&",
			score: "not scored: the CVSS score: at most one decimal, like 7.5; the card keeps 7.5",
		},
		{
			name: "a decimal comma in a factor", open: cardEdition, field: "factor0",
			keys:  []string{"0", "0,", "0,9⏎"},
			shown: "0.90", link: "&f=0.9,0.5,",
			score: "AIVSS 7.3 High", // Factor_Sum 4.4, AARS 1.1, (7.5 + 1.1) × 0.85 = 7.31
		},
		{
			name: "three decimals in a factor", open: cardEdition, field: "factor0",
			keys:  []string{"0.2", "0.25", "0.255"},
			shown: "0.255",
			msg:   "Not accepted: at most two decimals, like 0.25. The card keeps 0.60.",
			link:  "&f=0.6,0.5,",
			score: "not scored: Autonomy of Action: at most two decimals, like 0.25; the card keeps 0.60",
		},
		{
			name: "a factor above 1", open: cardEdition, field: "factor0",
			keys:  []string{"1", "1.", "1.5"},
			shown: "1.5",
			msg:   "Not accepted: Autonomy of Action is 1.5; the AgentReady threat-model cards edition takes 0 to 1. The card keeps 0.60.",
			link:  "&f=0.6,0.5,",
			score: "not scored: Autonomy of Action is 1.5; the AgentReady threat-model cards edition takes 0 to 1; the card keeps 0.60",
		},
		{
			name: "a negative factor", open: cardEdition, field: "factor0",
			keys:  []string{"-", "-0.5"},
			shown: "-0.5",
			msg:   "Not accepted: a negative number; the value is 0 or more. The card keeps 0.60.",
			link:  "&f=0.6,0.5,",
			score: "not scored: Autonomy of Action: a negative number; the value is 0 or more; the card keeps 0.60",
		},
		{
			name: "a factor emptied", open: cardEdition, field: "factor0",
			keys: []string{"⏎"}, shown: "", link: "&f=,0.5,", score: "incomplete: missing Autonomy of Action",
		},
		{
			name: "ThM 2.5 in the card edition", open: cardEdition, field: "thm",
			keys:  []string{"2", "2.", "2.5"},
			shown: "2.5",
			msg:   "Not accepted: the threat multiplier (ThM) is 2.5; the AgentReady threat-model cards edition takes 0 to 2. The card keeps 1.00.",
			link:  "&thm=1&",
			score: "not scored: the threat multiplier (ThM) is 2.5; the AgentReady threat-model cards edition takes 0 to 2; the card keeps 1.00",
		},
		{
			name: "MF with a leading point", open: cardEdition, field: "mf",
			keys: []string{".", ".8", ".85⏎"}, shown: "0.85", link: "&mf=0.85", score: cardScore,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := testContext(t)
			p := newPage()
			navigate(t, ctx, p, "https://example.org/#"+tt.open)
			var in typist
			switch tt.field {
			case "score":
				in = scoreTypist(t, ctx, p)
			case "factor0":
				in = factorTypist(t, ctx, p, 0)
			default:
				in = scaleTypist(t, ctx, p, tt.field)
			}
			shown, msg := typeKeys(in, tt.keys)
			if shown != tt.shown || msg != tt.msg {
				t.Errorf("the field shows %q with the message\n %q\nwant %q with\n %q", shown, msg, tt.shown, tt.msg)
			}
			if !strings.Contains(p.fragment+"&", tt.link) {
				t.Errorf("link %s, want it to hold %s", p.fragment, tt.link)
			}
			if d, ok := p.drafts(ctx).Load(); !ok || d.Fragment != p.fragment {
				t.Errorf("the draft holds %q, not the card's link %s", d.Fragment, p.fragment)
			}
			v := render(t, p)
			if got := v.text("score"); got != tt.score {
				t.Errorf("#score\n got %s\nwant %s", got, tt.score)
			}
			if tt.msg != "" && len(listTexts(v, "formula")) > 0 && v.has("shares") {
				t.Error("the result shows the shares of a score while a field holds text the card did not take")
			}
		})
	}
}
