using AuthingClient.Tests.Support;

namespace AuthingClient.Tests.Contract;

/// <summary>
/// What goes on the wire for every protocol × revocation auth method, through every way of building
/// the client: method, path, content type, form fields and client authentication.
/// </summary>
public sealed class RevocationRequestContractTests(RevocationServerFixture server) : ServerContractTests(server)
{
    private const string FormUrlEncoded = "application/x-www-form-urlencoded";
    [Theory]
    [MemberData(nameof(ContractMatrix.AuthMatrix), MemberType = typeof(ContractMatrix))]
    public async Task RevokeTokenAsync_AnyProtocolAndAuthMethod_PostsToTheProtocolsRevocationPath(ClientConstruction construction, AuthingProtocol protocol, ClientAuthenticationMethod method)
    {
        var request = await RevokeAsync(construction, protocol, method);

        Assert.Equal(("POST", TestApp.PathOf(protocol)), (request.Method, request.Path));
    }

    [Theory]
    [MemberData(nameof(ContractMatrix.AuthMatrix), MemberType = typeof(ContractMatrix))]
    public async Task RevokeTokenAsync_AnyProtocolAndAuthMethod_SendsNothingInTheQueryString(ClientConstruction construction, AuthingProtocol protocol, ClientAuthenticationMethod method)
    {
        var request = await RevokeAsync(construction, protocol, method);

        Assert.Equal(string.Empty, request.RawQuery);
    }

    [Theory]
    [MemberData(nameof(ContractMatrix.AuthMatrix), MemberType = typeof(ContractMatrix))]
    public async Task RevokeTokenAsync_AnyProtocolAndAuthMethod_SendsExactlyTheFormContentTypeWithoutParameters(ClientConstruction construction, AuthingProtocol protocol, ClientAuthenticationMethod method)
    {
        var request = await RevokeAsync(construction, protocol, method);

        Assert.Equal([FormUrlEncoded], request.Header("Content-Type"));
    }

    [Theory]
    [MemberData(nameof(ContractMatrix.AuthMatrix), MemberType = typeof(ContractMatrix))]
    public async Task RevokeTokenAsync_AnyProtocolAndAuthMethod_SendsExactlyTheFormFieldsOfThatAuthMethod(ClientConstruction construction, AuthingProtocol protocol, ClientAuthenticationMethod method)
    {
        var request = await RevokeAsync(construction, protocol, method);

        var expected = new Dictionary<string, string> { ["token"] = TestApp.Token, ["client_id"] = TestApp.AppId };
        if (method == ClientAuthenticationMethod.ClientSecretPost)
        {
            expected["client_secret"] = TestApp.Secret;
        }

        WireAssert.SameFields(expected, request.Form);
    }

    [Theory]
    [MemberData(nameof(ContractMatrix.AuthMatrix), MemberType = typeof(ContractMatrix))]
    public async Task RevokeTokenAsync_AnyProtocolAndAuthMethod_SendsABasicHeaderOnlyForClientSecretBasic(ClientConstruction construction, AuthingProtocol protocol, ClientAuthenticationMethod method)
    {
        var request = await RevokeAsync(construction, protocol, method);

        string[] expected = method == ClientAuthenticationMethod.ClientSecretBasic
            ? [RevocationCalls.BasicHeader(TestApp.AppId, TestApp.Secret)]
            : [];
        Assert.Equal(expected, request.Header("Authorization"));
    }

    [Theory]
    [MemberData(nameof(ContractMatrix.ClientSecretBasicMatrix), MemberType = typeof(ContractMatrix))]
    public async Task RevokeTokenAsync_ClientSecretBasic_SendsNoSecretInTheBody(ClientConstruction construction, AuthingProtocol protocol, ClientAuthenticationMethod method)
    {
        var request = await RevokeAsync(construction, protocol, method);

        Assert.DoesNotContain(TestApp.Secret, request.RawBody, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ContractMatrix.NoneMatrix), MemberType = typeof(ContractMatrix))]
    public async Task RevokeTokenAsync_None_SendsTheSecretNowhere(ClientConstruction construction, AuthingProtocol protocol, ClientAuthenticationMethod method)
    {
        var request = await RevokeAsync(construction, protocol, method);

        var wire = request.EverythingButTheBody + "\n" + request.RawBody;
        Assert.DoesNotContain(TestApp.Secret, wire, StringComparison.Ordinal);
        Assert.Empty(request.Header("Authorization"));
    }

    [Theory]
    [MemberData(nameof(ContractMatrix.NoneMatrix), MemberType = typeof(ContractMatrix))]
    public async Task RevokeTokenAsync_NoneWithoutAnySecretConfigured_SendsOnlyClientIdAndToken(ClientConstruction construction, AuthingProtocol protocol, ClientAuthenticationMethod method)
    {
        var request = await Server.RevokeAndRecordAsync(construction, TestApp.Options(Server.Url, protocol, method, secret: null));

        WireAssert.SameFields(new Dictionary<string, string> { ["token"] = TestApp.Token, ["client_id"] = TestApp.AppId }, request.Form);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    public async Task RevokeTokenAsync_AppHostWithOrWithoutTrailingSlash_PostsToTheExactRevocationPath(string suffix)
    {
        var request = await Server.RevokeAndRecordAsync(ClientConstruction.Standalone, TestApp.Options(Server.Url + suffix));

        Assert.Equal("/oidc/token/revocation", request.Path);
    }

    private Task<RecordedRequest> RevokeAsync(ClientConstruction construction, AuthingProtocol protocol, ClientAuthenticationMethod method) =>
        Server.RevokeAndRecordAsync(construction, TestApp.Options(Server.Url, protocol, method));
}
