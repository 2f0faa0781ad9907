namespace AuthingClient.Tests.Support;

/// <summary>Arrange-act helpers shared by the contract tests: answer, revoke once, hand back what the server saw or what the client threw.</summary>
public static class RevocationCalls
{
    /// <summary>The server answers 200; revokes <paramref name="token"/> once and returns the one request that arrived.</summary>
    public static async Task<RecordedRequest> RevokeAndRecordAsync(
        this RevocationServerFixture server,
        ClientConstruction construction,
        AuthenticationClientOptions options,
        string token = TestApp.Token,
        TokenTypeHint? hint = null)
    {
        server.AnswerOk();
        using var client = ClientUnderTest.Create(construction, options);
        Assert.True(await client.Client.RevokeTokenAsync(token, hint));
        return server.SingleRequest();
    }

    /// <summary>Revokes with the default application against whatever the server was told to answer.</summary>
    public static async Task<bool> RevokeAsync(this RevocationServerFixture server, ClientConstruction construction = ClientConstruction.Standalone, string token = TestApp.Token)
    {
        using var client = ClientUnderTest.Create(construction, TestApp.Options(server.Url));
        return await client.Client.RevokeTokenAsync(token);
    }

    /// <summary>Revokes with the default application and returns the failure the client reported.</summary>
    public static Task<AuthingRevocationException> RevokeExpectingFailureAsync(this RevocationServerFixture server, ClientConstruction construction = ClientConstruction.Standalone, string token = TestApp.Token) =>
        Assert.ThrowsAsync<AuthingRevocationException>(() => server.RevokeAsync(construction, token));

    /// <summary>The Basic header RFC 6749 §2.3.1 requires, from values the test form-encoded by hand.</summary>
    public static string BasicHeader(string formEncodedId, string formEncodedSecret) =>
        "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(formEncodedId + ":" + formEncodedSecret));
}
