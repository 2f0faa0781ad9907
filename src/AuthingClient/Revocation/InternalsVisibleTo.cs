using System.Runtime.CompilerServices;

// The registry tests read JwtExpiry, RevocationKey and the in-memory registry's size directly.
[assembly: InternalsVisibleTo("AuthingClient.Registry.Tests")]

// Packages shipped with this one, at the same version: they share the registry key and the
// in-memory set rather than copying them.
[assembly: InternalsVisibleTo("AuthingClient.Redis")]
[assembly: InternalsVisibleTo("AuthingClient.AspNetCore")]
