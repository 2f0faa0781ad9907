using Microsoft.EntityFrameworkCore;

namespace AuthingClient.Interop.Tests.Server;

/// <summary>OpenIddict's applications, authorizations, scopes and tokens, kept in memory for one test run.</summary>
public sealed class InteropDbContext(DbContextOptions<InteropDbContext> options) : DbContext(options);
