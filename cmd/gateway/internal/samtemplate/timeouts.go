package samtemplate

import (
	"time"

	"github.com/awslabs/goformation/v7/cloudformation/global"
)

// DefaultFunctionTimeout is Lambda's timeout of a function that sets none.
const DefaultFunctionTimeout = 3 * time.Second

// FunctionTimeout returns how long Lambda lets function (a logical id) run
// per invocation: its Timeout, else the Globals' Function Timeout, else
// DefaultFunctionTimeout.
func (t *Template) FunctionTimeout(function string) time.Duration {
	if t.Raw == nil {
		return DefaultFunctionTimeout
	}
	if fn, err := t.Raw.GetServerlessFunctionWithName(function); err == nil && fn.Timeout != nil && *fn.Timeout > 0 {
		return time.Duration(*fn.Timeout) * time.Second
	}
	if g, ok := t.Raw.Globals["Function"].(*global.Function); ok && g.Timeout != nil && *g.Timeout > 0 {
		return time.Duration(*g.Timeout) * time.Second
	}
	return DefaultFunctionTimeout
}
