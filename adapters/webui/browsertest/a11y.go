package browsertest

import (
	_ "embed"
	"fmt"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

// AxeVersion is the version of the vendored axe-core (axecore/SOURCE.md).
const AxeVersion = "4.14.1"

// axeSHA256 is the hash of axecore/axe.min.js as npm ships it.
const axeSHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"

//go:embed axecore/axe.min.js
var axeSource string

// axeTimeout bounds one axe run, which takes about a second on a busy
// two-core machine.
const axeTimeout = time.Minute

// Violation is one rule of axe-core that the page breaks.
type Violation struct {
	Rule    string          `json:"id"`     // e.g. "image-alt"
	Impact  string          `json:"impact"` // "minor", "moderate", "serious" or "critical"
	Help    string          `json:"help"`
	HelpURL string          `json:"helpUrl"`
	Nodes   []ViolationNode `json:"nodes"`
}

// ViolationNode is one element that breaks a rule.
type ViolationNode struct {
	Target  string `json:"target"` // a CSS selector of the element
	HTML    string `json:"html"`
	Summary string `json:"failureSummary"`
}

// String returns the rule, its impact and help, and the elements.
func (v Violation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s — %s", v.Rule, v.Impact, v.Help, v.HelpURL)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n      %s  %s", n.Target, n.HTML)
	}
	return b.String()
}

// axeRun runs axe on the document and keeps the fields of Violation, with
// each node's target as one selector (parts inside shadow roots or frames
// joined by " >>> ").
const axeRun = `axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v => ({
	id: v.id, impact: v.impact || "", help: v.help, helpUrl: v.helpUrl,
	nodes: v.nodes.map(n => ({
		target: n.target.map(t => Array.isArray(t) ? t.join(" >>> ") : t).join(" >>> "),
		html: n.html, failureSummary: n.failureSummary || "",
	})),
})))`

// A11yViolations runs axe-core on the current page and returns every
// violation, whatever its impact. axe is evaluated through the DevTools
// protocol, which the page's Content-Security-Policy does not restrict, once
// per document.
func (b *Browser) A11yViolations() []Violation {
	b.tb.Helper()
	loaded := Eval[bool](b, `typeof axe === "object" && axe.version === "`+AxeVersion+`"`)
	if !loaded {
		step(b, "inject axe-core "+AxeVersion, chromedp.Evaluate[chromedp.Void](axeSource))
	}
	return stepWithin(b, "run axe-core", max(b.cfg.timeout, axeTimeout),
		chromedp.Evaluate[[]Violation](axeRun, chromedp.EvalAwaitPromise))
}

// CheckA11y runs axe-core on the current page and fails the test (without
// stopping it) when a violation has a serious or critical impact, listing
// rule, help and elements, with a screenshot. name says which page or state
// was checked, e.g. "catalog" or "cart, empty". Minor and moderate
// violations are logged.
func (b *Browser) CheckA11y(name string) {
	b.tb.Helper()
	var bad, minor []string
	for _, v := range b.A11yViolations() {
		if v.Impact == "serious" || v.Impact == "critical" {
			bad = append(bad, "  - "+v.String())
		} else {
			minor = append(minor, "  - "+v.String())
		}
	}
	if len(minor) > 0 {
		b.tb.Logf("browsertest: accessibility of %s: %d minor or moderate violation(s):\n%s",
			name, len(minor), strings.Join(minor, "\n"))
	}
	if len(bad) == 0 {
		return
	}
	msg := fmt.Sprintf("accessibility of %s: %d serious or critical violation(s) (axe-core %s):\n%s",
		name, len(bad), AxeVersion, strings.Join(bad, "\n"))
	if path, err := b.saveScreenshot("a11y-"+name, true); err == nil {
		b.shotted = true
		msg += "\n  screenshot: " + path
	}
	b.tb.Errorf("browsertest: %s", msg)
}
