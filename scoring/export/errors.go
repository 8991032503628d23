package export

// LinkError reports a link that Markdown will not write into a ticket.
type LinkError struct {
	Link string // the link as given
	Msg  string // what is wrong with it
}

func (e *LinkError) Error() string { return "link " + quoteClip(e.Link) + ": " + e.Msg }
