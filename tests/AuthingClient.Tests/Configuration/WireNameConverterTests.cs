using System.ComponentModel;
using System.Globalization;

namespace AuthingClient.Tests.Configuration;

/// <summary>The enums convert from and to their OAuth names, for configuration binders and command lines.</summary>
public sealed class WireNameConverterTests
{
    [Theory]
    [InlineData(typeof(ClientAuthenticationMethod), "client_secret_basic", ClientAuthenticationMethod.ClientSecretBasic)]
    [InlineData(typeof(ClientAuthenticationMethod), "ClientSecretPost", ClientAuthenticationMethod.ClientSecretPost)]
    [InlineData(typeof(ClientAuthenticationMethod), "NONE", ClientAuthenticationMethod.None)]
    [InlineData(typeof(TokenTypeHint), "refresh_token", TokenTypeHint.RefreshToken)]
    [InlineData(typeof(TokenTypeHint), "AccessToken", TokenTypeHint.AccessToken)]
    public void ConvertFromInvariantString_OAuthOrDotNetName_ReturnsTheValue(Type enumType, string text, object expected)
    {
        Assert.Equal(expected, TypeDescriptor.GetConverter(enumType).ConvertFromInvariantString(text));
    }

    [Theory]
    [InlineData(ClientAuthenticationMethod.ClientSecretPost, "client_secret_post")]
    [InlineData(ClientAuthenticationMethod.ClientSecretBasic, "client_secret_basic")]
    [InlineData(ClientAuthenticationMethod.None, "none")]
    [InlineData(TokenTypeHint.AccessToken, "access_token")]
    [InlineData(TokenTypeHint.RefreshToken, "refresh_token")]
    public void ConvertToInvariantString_Value_ReturnsTheOAuthName(object value, string expected)
    {
        Assert.Equal(expected, TypeDescriptor.GetConverter(value.GetType()).ConvertToInvariantString(value));
    }

    [Fact]
    public void ConvertFromInvariantString_UnknownName_ThrowsFormatExceptionListingTheAcceptedNames()
    {
        var converter = TypeDescriptor.GetConverter(typeof(ClientAuthenticationMethod));

        var exception = Assert.Throws<FormatException>(() => converter.ConvertFrom(null, CultureInfo.InvariantCulture, "private_key_jwt"));

        Assert.Contains("client_secret_basic", exception.Message, StringComparison.Ordinal);
    }
}
