using AuthingClient.Configuration;

namespace AuthingClient.Tests.Configuration;

/// <summary>The enums read from and write to their OAuth names, for configuration and command lines.</summary>
public sealed class WireNameTableTests
{
    [Theory]
    [InlineData("client_secret_basic", ClientAuthenticationMethod.ClientSecretBasic)]
    [InlineData("ClientSecretPost", ClientAuthenticationMethod.ClientSecretPost)]
    [InlineData("NONE", ClientAuthenticationMethod.None)]
    public void AuthMethod_TryParse_OAuthOrDotNetName_ReturnsTheValue(string text, ClientAuthenticationMethod expected)
    {
        Assert.Equal((true, expected), (WireNames.AuthMethod.TryParse(text, out var parsed), parsed));
    }

    [Theory]
    [InlineData("refresh_token", TokenTypeHint.RefreshToken)]
    [InlineData("AccessToken", TokenTypeHint.AccessToken)]
    public void Hint_TryParse_OAuthOrDotNetName_ReturnsTheValue(string text, TokenTypeHint expected)
    {
        Assert.Equal((true, expected), (WireNames.Hint.TryParse(text, out var parsed), parsed));
    }

    [Theory]
    [InlineData(ClientAuthenticationMethod.ClientSecretPost, "client_secret_post")]
    [InlineData(ClientAuthenticationMethod.ClientSecretBasic, "client_secret_basic")]
    [InlineData(ClientAuthenticationMethod.None, "none")]
    public void AuthMethod_ToWireName_ReturnsTheOAuthName(ClientAuthenticationMethod value, string expected)
    {
        Assert.Equal(expected, WireNames.AuthMethod.ToWireName(value));
    }

    [Theory]
    [InlineData(TokenTypeHint.AccessToken, "access_token")]
    [InlineData(TokenTypeHint.RefreshToken, "refresh_token")]
    public void Hint_ToWireName_ReturnsTheOAuthName(TokenTypeHint value, string expected)
    {
        Assert.Equal(expected, WireNames.Hint.ToWireName(value));
    }

    [Theory]
    [InlineData("private_key_jwt")]
    [InlineData("2")]
    [InlineData("")]
    public void AuthMethod_TryParse_UnknownNameOrNumber_Fails(string text)
    {
        Assert.False(WireNames.AuthMethod.TryParse(text, out _));
    }

    [Fact]
    public void AuthMethod_Expected_ListsTheAcceptedNames()
    {
        Assert.Equal("client_secret_post, client_secret_basic or none", WireNames.AuthMethod.Expected);
    }
}
