package cfnspec

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// Problem is one thing in a template that the specification refuses.
type Problem struct {
	Line    int
	Path    string // such as Resources.Queue.Properties.VisibilityTimeout
	Message string
}

func (p Problem) String() string { return fmt.Sprintf("line %d: %s: %s", p.Line, p.Path, p.Message) }

// Validate checks a template (YAML or JSON) against s and returns what it
// refuses, in template order; the error is for a template that does not
// parse.
func (s *Spec) Validate(template []byte) ([]Problem, error) {
	root, err := parseTemplate(template)
	if err != nil {
		return nil, err
	}
	if root.kind != yaml.MappingNode {
		return nil, fmt.Errorf("line %d: a template is a mapping", root.line)
	}
	v := &validator{spec: s, names: map[string]string{}}
	v.top(root)
	return v.problems, nil
}

// pseudoParameters are the parameters every template has
// (docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html).
var pseudoParameters = []string{
	"AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition", "AWS::Region",
	"AWS::StackId", "AWS::StackName", "AWS::URLSuffix",
}

var (
	topLevelKeys  = []string{"AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Rules", "Mappings", "Conditions", "Transform", "Globals", "Resources", "Outputs"}
	parameterKeys = []string{"Type", "Default", "Description", "AllowedValues", "AllowedPattern", "MinLength", "MaxLength", "MinValue", "MaxValue", "NoEcho", "ConstraintDescription"}
	resourceKeys  = []string{"Type", "Properties", "DependsOn", "Condition", "DeletionPolicy", "UpdateReplacePolicy", "Metadata", "CreationPolicy", "UpdatePolicy"}
	outputKeys    = []string{"Description", "Value", "Export", "Condition"}
	// parameterTypes are the plain parameter types; AWS-specific ones
	// (AWS::EC2::KeyPair::KeyName, AWS::SSM::Parameter::Value<…>, List<…>)
	// are matched by awsParameterType.
	parameterTypes   = []string{"String", "Number", "List<Number>", "CommaDelimitedList"}
	awsParameterType = regexp.MustCompile(`^(List<)?AWS::[A-Za-z0-9]+::[A-Za-z0-9:<>]+>?$`)
	// globalsSections are the SAM Globals sections and the resource types
	// whose properties they hold.
	globalsSections = map[string]string{
		"Function": "AWS::Serverless::Function", "Api": "AWS::Serverless::Api", "HttpApi": "AWS::Serverless::HttpApi",
		"SimpleTable": "AWS::Serverless::SimpleTable", "StateMachine": "AWS::Serverless::StateMachine",
		"LayerVersion": "AWS::Serverless::LayerVersion",
	}
)

type validator struct {
	spec *Spec
	// names are what Ref may name: parameters, resources (with their
	// types), SAM's generated resources and pseudo parameters ("" type).
	names    map[string]string
	params   map[string]bool
	globals  *node
	problems []Problem
}

func (v *validator) add(n *node, path, format string, args ...any) {
	line := 0
	if n != nil {
		line = n.line
	}
	v.problems = append(v.problems, Problem{Line: line, Path: path, Message: fmt.Sprintf(format, args...)})
}

func (v *validator) top(root *node) {
	v.keysIn(root, "", topLevelKeys)
	resources := root.get("Resources")
	if resources == nil || resources.kind != yaml.MappingNode || len(resources.keys) == 0 {
		v.add(root, "Resources", "a template needs at least one resource")
		return
	}
	transform := root.get("Transform")
	sam := transform.scalar() == "AWS::Serverless-2016-10-31" || slices.ContainsFunc(transform.seq(), func(n *node) bool {
		return n.scalar() == "AWS::Serverless-2016-10-31"
	})

	v.params = map[string]bool{}
	for _, p := range pseudoParameters {
		v.names[p] = ""
	}
	if params := root.get("Parameters"); params != nil {
		for _, name := range params.keys {
			v.params[name] = true
			v.names[name] = ""
			v.parameter(params.m[name], "Parameters."+name)
		}
	}
	for _, id := range resources.keys {
		if _, dup := v.names[id]; dup {
			v.add(resources.m[id], "Resources."+id, "logical id also names a parameter")
		}
		v.names[id] = resources.m[id].get("Type").scalar()
	}
	if sam {
		for id, typ := range samImplicitResources(resources) {
			if _, ok := v.names[id]; !ok {
				v.names[id] = typ
			}
		}
	}

	if g := root.get("Globals"); g != nil {
		if !sam {
			v.add(g, "Globals", "Globals needs Transform: AWS::Serverless-2016-10-31")
		}
		v.globals = g
		for _, section := range g.keys {
			typ, ok := globalsSections[section]
			if !ok {
				v.add(g.m[section], "Globals."+section, "not a SAM Globals section (%s)", strings.Join(sortedKeys(globalsSections), ", "))
				continue
			}
			rt := v.spec.ResourceTypes[typ]
			v.objectWithDefaults(typ, rt.Properties, g.m[section], "Globals."+section, nil)
		}
	}
	for _, id := range resources.keys {
		v.resource(id, resources.m[id], sam)
	}
	if outputs := root.get("Outputs"); outputs != nil {
		for _, name := range outputs.keys {
			o := outputs.m[name]
			path := "Outputs." + name
			v.keysIn(o, path, outputKeys)
			if o.get("Value") == nil {
				v.add(o, path, "an output needs a Value")
			}
		}
	}
	// References anywhere but in Metadata.
	for _, k := range root.keys {
		if k != "Metadata" {
			v.references(root.m[k], k)
		}
	}
}

func (v *validator) parameter(p *node, path string) {
	v.keysIn(p, path, parameterKeys)
	typ := p.get("Type")
	if typ == nil {
		v.add(p, path, "a parameter needs a Type")
		return
	}
	if t := typ.scalar(); !slices.Contains(parameterTypes, t) && !awsParameterType.MatchString(t) {
		v.add(typ, path+".Type", "unknown parameter type %q", t)
	}
}

func (v *validator) resource(id string, r *node, sam bool) {
	path := "Resources." + id
	if r.kind != yaml.MappingNode {
		v.add(r, path, "a resource is a mapping")
		return
	}
	v.keysIn(r, path, resourceKeys)
	typ := r.get("Type").scalar()
	if typ == "" {
		v.add(r, path, "a resource needs a Type")
		return
	}
	if strings.HasPrefix(typ, "Custom::") {
		typ = "AWS::CloudFormation::CustomResource"
	}
	rt, ok := v.spec.ResourceTypes[typ]
	if !ok {
		v.add(r.get("Type"), path+".Type", "unknown resource type %s", typ)
		return
	}
	if strings.HasPrefix(typ, "AWS::Serverless::") && !sam {
		v.add(r.get("Type"), path+".Type", "%s needs Transform: AWS::Serverless-2016-10-31", typ)
	}
	if deps := r.get("DependsOn"); deps != nil {
		for _, d := range append([]*node{deps}, deps.seq()...) {
			if name := d.scalar(); name != "" {
				if t, ok := v.names[name]; !ok || t == "" {
					v.add(d, path+".DependsOn", "no resource %s", name)
				}
			}
		}
	}
	props := r.get("Properties")
	if rt.AdditionalProperties {
		return
	}
	if props == nil {
		props = &node{line: r.line, kind: yaml.MappingNode, m: map[string]*node{}}
	}
	// Required properties may come from SAM's Globals.
	var fromGlobals *node
	for section, t := range globalsSections {
		if t == typ {
			fromGlobals = v.globals.get(section)
		}
	}
	v.objectWithDefaults(typ, rt.Properties, props, path+".Properties", fromGlobals)
}

// keysIn reports keys of n that are not in allowed.
func (v *validator) keysIn(n *node, path string, allowed []string) {
	if n == nil || n.kind != yaml.MappingNode {
		v.add(n, path, "want a mapping")
		return
	}
	for _, k := range n.keys {
		if !slices.Contains(allowed, k) {
			v.add(n.m[k], join(path, k), "unknown key %s%s", k, suggest(k, allowed))
		}
	}
}

// objectWithDefaults checks a mapping against a property list: names
// exact, values of the specified shape and type, required ones present in n
// or in defaults (SAM Globals). Globals sections require nothing.
func (v *validator) objectWithDefaults(owner string, props map[string]*Property, n *node, path string, defaults *node) {
	if _, ok := n.intrinsicName(); ok {
		return
	}
	if n.kind != yaml.MappingNode {
		v.add(n, path, "want a mapping of properties, got %s", describe(n))
		return
	}
	names := sortedKeys(props)
	for _, k := range n.keys {
		p, ok := props[k]
		if !ok {
			v.add(n.m[k], join(path, k), "unknown property %s of %s%s", k, owner, suggest(k, names))
			continue
		}
		// A SAM event source's Properties are of the type its Type names.
		if k == "Properties" && len(p.Types) > 1 && n.get("Type") != nil {
			if alt, ok := eventPropertyType(n.get("Type").scalar(), p.Types); ok {
				v.structure(owner, alt, n.m[k], join(path, k))
				continue
			}
			v.add(n.get("Type"), join(path, "Type"), "unknown event source type %q", n.get("Type").scalar())
			continue
		}
		v.value(owner, p, n.m[k], join(path, k))
	}
	if path != "" && strings.HasPrefix(path, "Globals.") {
		return
	}
	for _, name := range names {
		if props[name].Required && n.get(name) == nil && defaults.get(name) == nil {
			v.add(n, path, "required property %s of %s is missing", name, owner)
		}
	}
}

// structure checks n against the property type typeName of owner.
func (v *validator) structure(owner, typeName string, n *node, path string) {
	full, pt := v.spec.propertyType(owner, typeName)
	if pt == nil {
		v.add(n, path, "the specification has no property type %s", full)
		return
	}
	if pt.Properties == nil {
		v.value(full, &pt.Property, n, path)
		return
	}
	v.objectWithDefaults(full, pt.Properties, n, path, nil)
}

// value checks one property value.
func (v *validator) value(owner string, p *Property, n *node, path string) {
	if _, ok := n.intrinsicName(); ok {
		return // its references are checked by references; its type is known at deploy time
	}
	if p.isUnion() {
		v.union(owner, p, n, path)
		return
	}
	switch p.Type {
	case "List":
		if n.kind != yaml.SequenceNode {
			v.add(n, path, "want a list, got %s", describe(n))
			return
		}
		for i, item := range n.items {
			v.item(owner, p.ItemType, p.PrimitiveItemType, item, fmt.Sprintf("%s[%d]", path, i))
		}
	case "Map":
		if n.kind != yaml.MappingNode {
			v.add(n, path, "want a map, got %s", describe(n))
			return
		}
		for _, k := range n.keys {
			v.item(owner, p.ItemType, p.PrimitiveItemType, n.m[k], join(path, k))
		}
	case "":
		if msg := primitive(p.PrimitiveType, n); msg != "" {
			v.add(n, path, "%s", msg)
		}
	default:
		v.structure(owner, p.Type, n, path)
	}
}

func (v *validator) item(owner, itemType, primitiveItemType string, n *node, path string) {
	if _, ok := n.intrinsicName(); ok {
		return
	}
	if primitiveItemType != "" {
		if msg := primitive(primitiveItemType, n); msg != "" {
			v.add(n, path, "%s", msg)
		}
		return
	}
	v.structure(owner, itemType, n, path)
}

func (p *Property) isUnion() bool {
	return len(p.PrimitiveTypes)+len(p.Types)+len(p.PrimitiveItemTypes)+len(p.ItemTypes)+
		len(p.InclusiveItemTypes)+len(p.InclusivePrimitiveItemTypes) > 0
}

// union checks a SAM property that accepts several shapes: n must match
// one of them.
func (v *validator) union(owner string, p *Property, n *node, path string) {
	switch n.kind {
	case yaml.ScalarNode:
		v.oneOf(owner, p.PrimitiveTypes, nil, n, path)
	case yaml.MappingNode:
		v.oneOf(owner, nil, p.Types, n, path)
	case yaml.SequenceNode:
		prims := slices.Concat(p.PrimitiveItemTypes, p.InclusivePrimitiveItemTypes)
		types := slices.Concat(p.ItemTypes, p.InclusiveItemTypes)
		if p.PrimitiveItemType != "" {
			prims = append(prims, p.PrimitiveItemType)
		}
		if p.ItemType != "" {
			types = append(types, p.ItemType)
		}
		if len(prims)+len(types) == 0 {
			v.add(n, path, "a list is not allowed here")
			return
		}
		for i, item := range n.items {
			if _, ok := item.intrinsicName(); ok {
				continue
			}
			if item.kind == yaml.ScalarNode {
				v.oneOf(owner, prims, nil, item, fmt.Sprintf("%s[%d]", path, i))
			} else {
				v.oneOf(owner, nil, types, item, fmt.Sprintf("%s[%d]", path, i))
			}
		}
	}
}

// oneOf checks that n is one of the primitives or property types; when none
// fits it reports the problems of the closest property type.
func (v *validator) oneOf(owner string, prims, types []string, n *node, path string) {
	if n.kind == yaml.ScalarNode {
		for _, prim := range prims {
			if primitive(prim, n) == "" {
				return
			}
		}
		v.add(n, path, "want one of %v here, got %s", slices.Concat(prims, types), describe(n))
		return
	}
	if len(types) == 0 {
		v.add(n, path, "want one of %v here, got %s", prims, describe(n))
		return
	}
	var best []Problem
	for i, typ := range types {
		trial := &validator{spec: v.spec, names: v.names, params: v.params, globals: v.globals}
		trial.structure(owner, typ, n, path)
		if len(trial.problems) == 0 {
			return
		}
		if i == 0 || len(trial.problems) < len(best) {
			best = trial.problems
		}
	}
	v.problems = append(v.problems, best...)
}

var (
	integerText = regexp.MustCompile(`^-?[0-9]+$`)
	numberText  = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$`)
)

// primitive returns what is wrong with n as a value of a primitive type, or
// "". CloudFormation passes every scalar as a string, so a string that
// reads as a number is a number and any scalar is a string.
func primitive(typ string, n *node) string {
	if typ == "Json" {
		if n.kind == yaml.MappingNode || n.kind == yaml.SequenceNode {
			return ""
		}
		return "want a JSON object, got " + describe(n)
	}
	if n.kind != yaml.ScalarNode || n.tag == "!!null" {
		return fmt.Sprintf("want %s, got %s", typ, describe(n))
	}
	ok := true
	switch typ {
	case "String", "Timestamp":
	case "Integer", "Long":
		ok = integerText.MatchString(n.value)
	case "Double":
		ok = numberText.MatchString(n.value)
	case "Boolean":
		ok = n.value == "true" || n.value == "false"
	default:
		return "unknown primitive type " + typ
	}
	if !ok {
		return fmt.Sprintf("want %s, got %q", typ, n.value)
	}
	return ""
}

// references checks every Ref, Fn::GetAtt and Fn::Sub under n.
func (v *validator) references(n *node, path string) {
	if n == nil {
		return
	}
	if fn, ok := n.intrinsicName(); ok {
		arg := n.m[fn]
		switch fn {
		case "Ref":
			v.ref(arg.scalar(), arg, path)
			return
		case "Fn::GetAtt":
			v.getAtt(arg, path)
			return
		case "Fn::Sub":
			v.sub(arg, path)
			return
		}
	}
	for _, k := range n.keys {
		v.references(n.m[k], join(path, k))
	}
	for i, item := range n.items {
		v.references(item, fmt.Sprintf("%s[%d]", path, i))
	}
}

func (v *validator) ref(name string, n *node, path string) {
	if name == "" {
		v.add(n, path, "Ref needs a name")
		return
	}
	if _, ok := v.names[name]; !ok {
		v.add(n, path, "Ref to %s: no such parameter or resource%s", name, suggest(name, sortedKeys(v.names)))
	}
}

func (v *validator) getAtt(arg *node, path string) {
	if arg.kind != yaml.SequenceNode || len(arg.items) != 2 {
		v.add(arg, path, "Fn::GetAtt takes [resource, attribute]")
		return
	}
	if _, ok := arg.items[1].intrinsicName(); ok {
		v.references(arg.items[1], path)
		v.attribute(arg.items[0].scalar(), "", arg, path)
		return
	}
	v.attribute(arg.items[0].scalar(), arg.items[1].scalar(), arg, path)
}

// attribute checks resource.attribute; an empty attribute checks the
// resource only.
func (v *validator) attribute(resource, attribute string, n *node, path string) {
	typ, ok := v.names[resource]
	if !ok {
		v.add(n, path, "Fn::GetAtt of %s: no such resource%s", resource, suggest(resource, sortedKeys(v.names)))
		return
	}
	if typ == "" {
		v.add(n, path, "Fn::GetAtt of %s: a parameter, not a resource", resource)
		return
	}
	if attribute == "" {
		return
	}
	if strings.HasPrefix(typ, "Custom::") || typ == "AWS::CloudFormation::CustomResource" {
		return
	}
	if cfn, ok := samResourceTypes[typ]; ok {
		typ = cfn
	}
	if typ == "AWS::CloudFormation::Stack" && strings.HasPrefix(attribute, "Outputs.") {
		return
	}
	rt, ok := v.spec.ResourceTypes[typ]
	if !ok {
		return // reported with the resource
	}
	if _, ok := rt.Attributes[attribute]; !ok {
		v.add(n, path, "Fn::GetAtt %s.%s: %s has no attribute %s%s", resource, attribute, typ, attribute, suggest(attribute, sortedKeys(rt.Attributes)))
	}
}

// subVariable is a ${Name} or ${Resource.Attribute} of Fn::Sub; ${!Literal}
// is not one.
var subVariable = regexp.MustCompile(`\$\{([^!}][^}]*)\}`)

func (v *validator) sub(arg *node, path string) {
	text, vars := arg, (*node)(nil)
	if arg.kind == yaml.SequenceNode {
		if len(arg.items) != 2 {
			v.add(arg, path, "Fn::Sub takes a string or [string, variables]")
			return
		}
		text, vars = arg.items[0], arg.items[1]
		v.references(vars, path)
	}
	if text.kind != yaml.ScalarNode {
		v.add(text, path, "Fn::Sub needs a string")
		return
	}
	for _, m := range subVariable.FindAllStringSubmatch(text.value, -1) {
		name := strings.TrimSpace(m[1])
		if vars.get(name) != nil {
			continue
		}
		if resource, attribute, ok := strings.Cut(name, "."); ok && !strings.HasPrefix(name, "AWS::") {
			v.attribute(resource, attribute, text, path)
			continue
		}
		v.ref(name, text, path)
	}
}

// seq returns a sequence's items, or nil.
func (n *node) seq() []*node {
	if n == nil || n.kind != yaml.SequenceNode {
		return nil
	}
	return n.items
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func describe(n *node) string {
	switch n.kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	if n.tag == "!!null" {
		return "null"
	}
	return fmt.Sprintf("%q", n.value)
}

// suggest names the allowed name that differs from name only in case, as
// goformation would have matched it.
func suggest(name string, allowed []string) string {
	for _, a := range allowed {
		if strings.EqualFold(a, name) {
			return fmt.Sprintf(" (names are case-sensitive: %s)", a)
		}
	}
	return ""
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
