using AuthingClient.Transport;

namespace AuthingClient.Tests.Transport;

/// <summary>Server text is cleaned of the token and the secret before it reaches an exception.</summary>
public sealed class SecretRedactorTests
{
    private const string Token = "tok-3a4b5c";
    private const string Secret = "sec-9f8e7d";

    [Theory]
    [InlineData("token tok-3a4b5c is revoked", "token *** is revoked")]
    [InlineData("client sec-9f8e7d", "client ***")]
    [InlineData("tok-3a4b5c/sec-9f8e7d/tok-3a4b5c", "***/***/***")]
    [InlineData("nothing to hide", "nothing to hide")]
    public void Redact_TextEchoingTokenOrSecret_MasksEveryOccurrence(string text, string expected)
    {
        Assert.Equal(expected, new SecretRedactor(Token, Secret).Redact(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Redact_NoText_ReturnsItUnchanged(string? text)
    {
        Assert.Equal(text, new SecretRedactor(Token, Secret).Redact(text));
    }

    [Fact]
    public void Redact_LongText_IsCut()
    {
        var redacted = new SecretRedactor(Token, Secret).Redact(new string('d', 10_000))!;

        Assert.InRange(redacted.Length, 1, 600);
    }

    [Fact]
    public void Redact_SecretStraddlingTheCut_LeavesNoFragmentOfIt()
    {
        // Cutting before masking would keep the secret's first characters; masking first cannot.
        var text = new string('.', 508) + Secret + new string('.', 100);

        var redacted = new SecretRedactor(Token, Secret).Redact(text)!;

        Assert.DoesNotContain(Secret[..4], redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_NoSecretConfigured_MasksTheTokenOnly()
    {
        Assert.Equal("*** and sec-9f8e7d", new SecretRedactor(Token, secret: null).Redact("tok-3a4b5c and sec-9f8e7d"));
    }
}
