using System.Runtime.CompilerServices;

// The JwtBearer check's tests compare its key with RevocationKey. (AuthingClient.Tests, whose
// registry tests read JwtExpiry, RevocationKey and the in-memory registry's size, is granted in the
// project file with the rest of the library's internals.)
[assembly: InternalsVisibleTo("AuthingClient.AspNetCore.Tests")]

// Packages shipped with this one, at the same version: they share the registry key and the
// in-memory set rather than copying them.
[assembly: InternalsVisibleTo("AuthingClient.Redis")]
[assembly: InternalsVisibleTo("AuthingClient.AspNetCore")]
