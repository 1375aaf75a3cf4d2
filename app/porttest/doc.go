// Package porttest holds one contract suite per port declared in package
// app. Every adapter of a port runs the same suite from its own tests, so the
// memory, DynamoDB and S3 adapters are held to exactly the same behaviour.
// Suites never look at the adapter behind the port.
package porttest
