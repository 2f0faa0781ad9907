using System.Text;
using AuthingClient.Testing.Revocation;

namespace AuthingClient.Testing.Tests.Revocation;

/// <summary>
/// The one form decoder, which the stand-in reads requests with and the other test projects check
/// the wire with: exact where the text is well formed, a refusal where it is not.
/// </summary>
public sealed class FormDecodingTests
{
    [Theory]
    [InlineData("abc", "abc")]
    [InlineData("a+b", "a b")]
    [InlineData("%2B%2F%3D%26%25", "+/=&%")]
    [InlineData("%c3%bc", "\u00FC")]
    [InlineData("~-._*", "~-._*")]
    [InlineData("", "")]
    public void TryDecode_WellFormedText_IsDecodedExactly(string encoded, string expected)
    {
        Assert.True(FormDecoding.TryDecode(Encoding.ASCII.GetBytes(encoded), out var decoded));
        Assert.Equal(expected, decoded);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("%2")]
    [InlineData("%G1")]
    [InlineData("%C3%28")]
    [InlineData("%C3")]
    public void TryDecode_MalformedEscapeOrUtf8_IsRefused(string encoded)
    {
        Assert.False(FormDecoding.TryDecode(Encoding.ASCII.GetBytes(encoded), out _));
    }

    [Theory]
    [InlineData("\u00FC")]
    [InlineData("token-\u20AC")]
    public void TryDecode_UnencodedNonAsciiText_IsRefused(string text)
    {
        // Valid UTF-8 on the wire, but no form encoder leaves a non-ASCII byte unescaped.
        Assert.False(FormDecoding.TryDecode(Encoding.UTF8.GetBytes(text), out _));
        Assert.False(FormDecoding.TryDecode(text, out _));
    }

    [Fact]
    public void TryDecodeFields_KeepsWireOrderAndRepeats_SkipsEmptyPairs_ReadsANameAloneAsAnEmptyValue()
    {
        Assert.True(FormDecoding.TryDecodeFields("b=2&&a=1&b=3&flag&"u8, out var fields));

        Assert.Equal(
            [KeyValuePair.Create("b", "2"), KeyValuePair.Create("a", "1"), KeyValuePair.Create("b", "3"), KeyValuePair.Create("flag", string.Empty)],
            fields);
    }

    [Theory]
    [InlineData("token=a%2&client_id=x")]
    [InlineData("token=ok&client_id=%FF")]
    [InlineData("t\u00F6ken=ok")]
    public void TryDecodeFields_AnyMalformedNameOrValue_RefusesTheBody(string body)
    {
        Assert.False(FormDecoding.TryDecodeFields(Encoding.UTF8.GetBytes(body), out _));
    }
}
