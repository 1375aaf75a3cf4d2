// Package porttest holds one contract suite per port declared in package
// app. Every adapter of a port runs the same suite from its own tests, so the
// memory, DynamoDB and S3 adapters are held to exactly the same behaviour.
// Suites never look at the adapter behind the port, and they test ports
// only: a use case over the ports is tested in package app.
//
// # Layout
//
// Each suite has a file named after its port (book_repository.go, …) that
// holds the exported suite function, its table of cases, one function per
// case, and the helpers only that suite uses. helpers.go holds what several
// suites share: the case runner (runCases), ids, times, books and must.
//
// A suite runs each case as a subtest named after the case, with a fresh
// fixture from the adapter's factory, so a failure reads like
// TestBookRepositoryContract/dynamodb/get_missing_is_not_found and the case
// is one function to read.
//
// # Adding a case
//
//  1. Write a function test<Suite><What>(t *testing.T, f F) in the suite's
//     file (testBookGetMissing, testOrderPlace, …), where F is the suite's
//     fixture type (app.BookRepository for BookRepository, OrderStores for
//     OrderRepository, …). It gets an empty fixture of its own and exercises
//     the port only: no use case, no type switch on the adapter.
//  2. Add a row {name, function} to the suite's case table. The name is a
//     sentence stating the contract ("update missing is not found"); it
//     becomes the subtest's name, so do not rename existing ones lightly:
//     CI logs and the README cite them.
//  3. Cases run in parallel. Mark a case serial only when it loads the
//     store on purpose (many goroutines racing): serial cases run one by
//     one before the parallel ones start.
package porttest
