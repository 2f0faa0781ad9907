using System.Text;
using AuthingClient.Reliability.Tests.Support;
using CsCheck;

namespace AuthingClient.Reliability.Tests;

/// <summary>
/// Whatever valid token is revoked, the server decodes exactly that token: checked on 1,000
/// random tokens drawn from the whole Unicode range and the characters form encoding reserves.
/// </summary>
public sealed class TokenRoundTripPropertyTests : IDisposable
{
    private const string ReservedAscii = " !\"#$%&'()*+,/:;<=>?@[\\]^`{|}~-._";
    private readonly FaultServer _server = new();

    /// <summary>Any scalar value a token may hold: printable, not a control character, not a lone surrogate.</summary>
    private static readonly Gen<string> AnyUnicodeScalar = Gen.Int[0x20, 0x10FFFF]
        .Where(c => c is not (>= 0x7F and <= 0x9F) and not (>= 0xD800 and <= 0xDFFF))
        .Select(char.ConvertFromUtf32);

    private static readonly Gen<string> ReservedCharacter = Gen.OneOf(ReservedAscii.Select(c => c.ToString()).ToArray());

    private static readonly Gen<string> Tokens = Gen.Frequency((2, AnyUnicodeScalar), (1, ReservedCharacter))
        .Array[1, 64]
        .Select(parts => string.Concat(parts))
        .Where(token => !string.IsNullOrWhiteSpace(token));

    [Fact]
    public async Task RevokeTokenAsync_AnyValidToken_ServerDecodesExactlyThatToken()
    {
        var endpoint = new RecordingEndpoint(_server.Server);
        var options = TestClients.Options(_server.Url);
        options.Retry.MaxAttempts = 1;
        using var client = TestClients.Create(options);
        var checkedTokens = 0;

        await Tokens.SampleAsync(
            async token =>
            {
                Assert.True(await client.RevokeTokenAsync(token));
                Assert.Equal(token, endpoint.LastToken);
                Interlocked.Increment(ref checkedTokens);
            },
            iter: 1_000,
            threads: 1,
            print: Describe);

        Assert.Equal(1_000, checkedTokens);
    }

    public void Dispose() => _server.Dispose();

    // Failures print code points, so a shrunk counter-example is readable whatever it contains.
    private static string Describe(string token) =>
        string.Join(' ', token.EnumerateRunes().Select(r => $"U+{r.Value:X4}")) + $" ({Encoding.UTF8.GetByteCount(token)} UTF-8 bytes)";
}
