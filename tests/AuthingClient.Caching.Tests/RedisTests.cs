using AuthingClient.TestSupport;

namespace AuthingClient.Caching.Tests;

/// <summary>The tests sharing one <see cref="RedisServer"/>.</summary>
/// <remarks>xunit finds collection definitions only in the test assembly itself, so this one cannot live beside the fixture.</remarks>
[CollectionDefinition(Name)]
public sealed class RedisTests : ICollectionFixture<RedisServer>
{
    public const string Name = "Redis";
}
