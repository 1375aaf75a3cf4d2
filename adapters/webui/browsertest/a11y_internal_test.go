package browsertest

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
)

func TestTheEmbeddedAxeIsTheVendoredRelease(t *testing.T) {
	sum := sha256.Sum256([]byte(axeSource))
	if got := hex.EncodeToString(sum[:]); got != axeSHA256 {
		t.Errorf("axecore/axe.min.js has sha256 %s, want %s (axe-core %s as npm ships it; see axecore/SOURCE.md)",
			got, axeSHA256, AxeVersion)
	}
	if !strings.HasPrefix(axeSource, "/*! axe v"+AxeVersion+"\n") {
		t.Errorf("axecore/axe.min.js does not start with the banner of axe v%s", AxeVersion)
	}
}
