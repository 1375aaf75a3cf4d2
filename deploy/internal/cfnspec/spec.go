// Package cfnspec checks a CloudFormation or AWS SAM template against AWS's
// published CloudFormation resource specification (the JSON document AWS
// publishes per region and that the npm package @aws-cdk/cfnspec ships,
// including the AWS::Serverless::* types of the SAM transform).
//
// Validate reports, with the template's line numbers: resource types the
// specification does not know, property names it does not list (compared
// case-sensitively: CloudFormation refuses "memorySize" where goformation
// would accept it), values of the wrong shape or primitive type, missing
// required properties, and Ref, Fn::GetAtt and Fn::Sub references to
// parameters, resources or attributes that do not exist. References to the
// resources the SAM transform generates are allowed as listed in
// samImplicitResources (sam.go).
package cfnspec

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
)

// Spec is a CloudFormation resource specification.
type Spec struct {
	ResourceSpecificationVersion string
	ResourceTypes                map[string]*ResourceType
	PropertyTypes                map[string]*PropertyType
}

// ResourceType is the specification of a resource type such as
// AWS::S3::Bucket.
type ResourceType struct {
	Properties map[string]*Property
	Attributes map[string]*Property
	// AdditionalProperties allows any property name
	// (AWS::CloudFormation::CustomResource).
	AdditionalProperties bool
}

// PropertyType is the specification of a structured property, such as
// AWS::S3::Bucket.CorsRule. A few property types are not structures but a
// list or a primitive; they carry their Property description inline.
type PropertyType struct {
	Properties map[string]*Property
	Property
}

// Property describes one property's value. A CloudFormation property has one
// of PrimitiveType, Type (List, Map or a property type name, with ItemType or
// PrimitiveItemType for lists and maps). SAM properties may accept several
// shapes (PrimitiveTypes, Types, PrimitiveItemTypes, InclusiveItemTypes…).
type Property struct {
	Required          bool
	PrimitiveType     string
	Type              string
	ItemType          string
	PrimitiveItemType string

	PrimitiveTypes              []string
	Types                       []string
	PrimitiveItemTypes          []string
	ItemTypes                   []string
	InclusiveItemTypes          []string
	InclusivePrimitiveItemTypes []string
}

// Load reads a specification from a JSON file, gzip-compressed when its name
// ends in .gz, and merges the patches over it in order (see Merge).
func Load(path string, patches ...string) (*Spec, error) {
	spec, err := readSpec(path)
	if err != nil {
		return nil, err
	}
	for _, p := range patches {
		patch, err := readSpec(p)
		if err != nil {
			return nil, err
		}
		spec.Merge(patch)
	}
	return spec, nil
}

func readSpec(path string) (*Spec, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		defer gz.Close()
		r = gz
	}
	var spec Spec
	if err := json.NewDecoder(r).Decode(&spec); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &spec, nil
}

// Merge adds patch's resource and property types to s; for a type s already
// has, each property and attribute of patch replaces the one of the same name.
// Patches record what the service accepts but the specification does not list
// yet (see deploy/testdata/README.md).
func (s *Spec) Merge(patch *Spec) {
	if s.ResourceTypes == nil {
		s.ResourceTypes = map[string]*ResourceType{}
	}
	if s.PropertyTypes == nil {
		s.PropertyTypes = map[string]*PropertyType{}
	}
	for name, rt := range patch.ResourceTypes {
		old, ok := s.ResourceTypes[name]
		if !ok {
			s.ResourceTypes[name] = rt
			continue
		}
		old.Properties = mergeProps(old.Properties, rt.Properties)
		old.Attributes = mergeProps(old.Attributes, rt.Attributes)
	}
	for name, pt := range patch.PropertyTypes {
		old, ok := s.PropertyTypes[name]
		if !ok {
			s.PropertyTypes[name] = pt
			continue
		}
		old.Properties = mergeProps(old.Properties, pt.Properties)
	}
}

func mergeProps(dst, src map[string]*Property) map[string]*Property {
	if dst == nil {
		dst = map[string]*Property{}
	}
	for k, v := range src {
		dst[k] = v
	}
	return dst
}

// propertyType returns the property type name used by a property of
// resource type resource (AWS::S3::Bucket + CorsRule →
// AWS::S3::Bucket.CorsRule; Tag is global).
func (s *Spec) propertyType(owner, name string) (string, *PropertyType) {
	if i := strings.Index(owner, "."); i >= 0 {
		owner = owner[:i]
	}
	if pt, ok := s.PropertyTypes[owner+"."+name]; ok {
		return owner + "." + name, pt
	}
	if pt, ok := s.PropertyTypes[name]; ok {
		return name, pt
	}
	return owner + "." + name, nil
}
