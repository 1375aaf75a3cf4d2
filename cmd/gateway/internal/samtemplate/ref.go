package samtemplate

import (
	"regexp"
	"strings"

	"github.com/awslabs/goformation/v7/intrinsics"
)

// refResolver resolves Ref (see the package comment).
type refResolver struct{}

func (refResolver) resolve(name string, input, template any) any {
	target, ok := input.(string)
	if !ok {
		return nil
	}
	if strings.HasPrefix(target, "AWS::") {
		return intrinsics.Ref(name, input, template)
	}
	root, _ := template.(map[string]any)
	params, _ := root["Parameters"].(map[string]any)
	if p, ok := params[target].(map[string]any); ok {
		def, ok := p["Default"]
		if !ok {
			return nil
		}
		if p["Type"] == "CommaDelimitedList" {
			if s, ok := def.(string); ok {
				var list []any
				for item := range strings.SplitSeq(s, ",") {
					list = append(list, strings.TrimSpace(item))
				}
				return list
			}
		}
		return def
	}
	if resources, _ := root["Resources"].(map[string]any); resources[target] != nil {
		return target
	}
	return nil
}

// subVariable matches ${Name}, ${Name.Attribute} and the escape ${!Literal}.
var subVariable = regexp.MustCompile(`\$\{(!?)([^}]*)\}`)

// sub resolves Fn::Sub with resolve for ${Name}: a parameter's default, a
// resource's logical id, a pseudo parameter. ${Resource.Attribute} becomes
// "" (attributes exist only once deployed); ${!Literal} becomes ${Literal}.
func (r refResolver) sub(_ string, input, template any) any {
	src, vars := "", map[string]any{}
	switch v := input.(type) {
	case string:
		src = v
	case []any:
		if len(v) != 2 {
			return nil
		}
		src, _ = v[0].(string)
		vars, _ = v[1].(map[string]any)
	default:
		return nil
	}
	return subVariable.ReplaceAllStringFunc(src, func(m string) string {
		parts := subVariable.FindStringSubmatch(m)
		if parts[1] == "!" {
			return "${" + parts[2] + "}"
		}
		name := parts[2]
		if v, ok := vars[name].(string); ok {
			return v
		}
		if strings.Contains(name, ".") {
			return ""
		}
		s, _ := r.resolve("Ref", name, template).(string)
		return s
	})
}

// getAtt resolves Fn::GetAtt to "<LogicalId>.<Attribute>": attributes exist
// only once deployed, but the logical id names the resource locally.
func getAtt(_ string, input, _ any) any {
	switch v := input.(type) {
	case string:
		return v
	case []any:
		parts := make([]string, 0, len(v))
		for _, p := range v {
			s, ok := p.(string)
			if !ok {
				return nil
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, ".")
	}
	return nil
}
