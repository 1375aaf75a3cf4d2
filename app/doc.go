// Package app holds Bookshop's use cases. It declares, as interfaces, every
// port it consumes (repositories, object storage, clock, id generation);
// adapters implement them. It depends only on the domain and the standard
// library.
package app
