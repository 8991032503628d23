package ui

import (
	_ "embed"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/cardjson"
	"github.com/threatcard/threatcard/scoring/link"
)

// The reference cards of the share, import and recent-cards tests, from the
// project's testdata, copied into testdata/ here and embedded, so that the
// same tests run natively and in the browser (which has no file system):
//   - card-gpt-image-2.txt: the published text of the GPT Image 2 card
//     (testdata/), and card-gpt-image-2-partial.txt, the same pasted in part
//     (scoring/cardtext/testdata/);
//   - gpt-image-2.json and gpt-image-2.link: that card's JSON export and link
//     as scoring/link pins them (scoring/link/testdata/links/);
//   - ticket-triage-bot.json: the JSON export scoring/export pins, written by
//     hand, of a complete card with threats (threatcard/1), and
//     ticket-triage-bot-2.json, the same card as the share bar downloads it
//     now (threatcard/2: the format's name, and "aivss": null for each
//     threat, which is no finding).
var (
	//go:embed testdata/card-gpt-image-2.txt
	gptImage2Text string
	//go:embed testdata/card-gpt-image-2-partial.txt
	gptImage2PartialText string
	//go:embed testdata/gpt-image-2.json
	gptImage2JSON string
	//go:embed testdata/ticket-triage-bot.json
	triageBotJSON string
	//go:embed testdata/ticket-triage-bot-2.json
	triageBot2JSON string
)

const (
	// gptImage2Link is the link Encode writes for testdata/gpt-image-2.link:
	// format 2 writes a card without findings as format 1 does, under its
	// own version.
	gptImage2Link = "v2&e=card&f=0.2,0.2,0.1,0.3,0.1,0.3,0.1,0.1,0.8,0.7&d=hFtNbtQwFFYcfhZcwrvMSNRI3IAFQiNRFUF7gGjqmVqaSQYnUzosuQLnYMeCo3APlmyq971nx0k86q7dOIn95r3vz8WrD5-u2UrQb9UvlfwXkiydrvWu_UbMWRCZjbU8rvfAwGm3Dt7ta-92J3Z0B2EmRQfHnpmXr2FUIyWFVFRULEIO6mIvBgpn7a4RkacnnEaB9bX1TafXkMp0kIUudvbe7gipDS7BIu1HcbwusWGcv2eq2W6GYeFtMAw5jm3Kovipbugbvtsu_cSpMCXJ7VT9wpPG-liyMyb3gx2xvml3hGGP_jxpz3oRlm22wB9sCs_AyXLW7ukNY2-bTYc3ndis-t7VmLNfj9afXLM1pVL_iyd7CVJomc093LV9y3GnQ08M3t7K10qyFZd4MB8IqtGfrdduM0SfhqhgbN2TyWumvW8-LXH0KS4IIXzaFqEgo3kceZUpS_WvoBLNKGHCDjtdXYL3iWWN6KJrthWWr96tgmV8xXuAFar5a8_KYKhyuWnZJgvgFhrHGzhZncWFDOykNQJAJ8obXH25XVO9v3WE2i_r3ruHypTP1F8696iLppwRYYJRPD5XHkavOEoP7rOD94-oOH3O9AeIyrv5_PG1dr3eIKD8NJAMyCGO8jjJszQnJlrL5-pPkR-7uVRtSlgz1Lj1QTkx8MARhxi5gQlokQBgem5TGkILBlqBzfGnBC6Z8oX6QSdzVrvTC8Y_rPStvlwtERh7OFB59FNBYW_Xd3Xjuj0fXkAq8X4KHZ7kzVo_aKGmfKl-02uck5z5tmjeqJAnCQIyZ5DOcJiRPOtjgyBuWAwX4HSdNgcpcvYJ_Fz3No8BAAD__w"
	// halfFilledLink is the link Encode writes for
	// scoring/link/testdata/links/v08-incomplete.link (format 2, as above).
	halfFilledLink = "v2&e=v0.8&c=7.1&f=1,,,,0.5,,,,,&thm=0.5&d=YhT0SMxJ003LzMkBVYJFiWklgAAAAP__"
)

func shareCard(t *testing.T, fragment string) *card.Card {
	t.Helper()
	c, err := link.Decode(fragment)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func shareCardFromJSON(t *testing.T, doc string) *card.Card {
	t.Helper()
	c, err := cardjson.Unmarshal([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// mountShare loads c into a test engine, as go-app would in the browser.
func mountShare(t *testing.T, c app.Composer) app.TestEngine {
	t.Helper()
	e := app.NewTestEngine()
	if err := e.Load(c); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	return e
}

func noop(app.Context, app.Event) {}

type textAt struct {
	path []int
	text string
}

// texts checks the text nodes of tree at the given paths. (app.Match
// compares an element without its children, so texts are checked apart.)
func texts(t *testing.T, tree app.UI, want []textAt) {
	t.Helper()
	for _, w := range want {
		if err := app.Match(app.Text(w.text), tree, w.path...); err != nil {
			t.Errorf("%v: %v", w.path, err)
		}
	}
}
