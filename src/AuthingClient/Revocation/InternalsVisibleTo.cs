using System.Runtime.CompilerServices;

// The registry tests read JwtExpiry and the in-memory registry's size directly.
[assembly: InternalsVisibleTo("AuthingClient.Registry.Tests")]
