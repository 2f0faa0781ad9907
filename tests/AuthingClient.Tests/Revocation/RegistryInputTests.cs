using AuthingClient.Revocation;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AuthingClient.Tests.Revocation;

/// <summary>
/// The registry key every registry stores under, and the options the in-memory registry refuses. What every
/// registry accepts is <see cref="AuthingClient.TestSupport.RevokedTokenRegistryContract"/>; what the
/// distributed one stores is in AuthingClient.Caching.Tests.
/// </summary>
public sealed class RegistryInputTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Of_OpaqueToken_IsTheTaggedSha256TruncatedTo128BitsInUpperCaseHex()
    {
        // sha256("tok\0abc"): the kind's tag, then the token's UTF-8 bytes; the first 16 bytes in hex,
        // the top two bits cleared (they name the kind: 0, a token).
        var digest = System.Security.Cryptography.SHA256.HashData("tok\0abc"u8)[..16];
        digest[0] &= 0x3F;
        var expected = Convert.ToHexString(digest);

        Assert.Equal(expected, RevocationKey.Of("abc").ToString());
    }

    [Theory]
    [InlineData("MaxTokenLifetime", 0, 5)]
    [InlineData("MaxTokenLifetime", 400 * 24 * 60, 5)]
    [InlineData("ClockSkew", 60, -1)]
    [InlineData("ClockSkew", 60, 2 * 24 * 60)]
    public void Constructor_OptionsOutOfRange_FailsNamingTheSetting(string setting, int lifetimeMinutes, int skewMinutes)
    {
        var options = new RevokedTokenRegistryOptions
        {
            MaxTokenLifetime = TimeSpan.FromMinutes(lifetimeMinutes),
            ClockSkew = TimeSpan.FromMinutes(skewMinutes),
        };

        var exception = Assert.Throws<OptionsValidationException>(() => new InMemoryRevokedTokenRegistry(options, _time));

        Assert.Contains(setting, exception.Message, StringComparison.Ordinal);
    }
}
