using AuthingClient.Tests.Support;

namespace AuthingClient.Tests.Configuration;

/// <summary>Misconfigurations, each with the setting its error must name. Every case carries the test secret so messages can be checked for it.</summary>
public static class InvalidOptionsCases
{
    private const string Host = "https://example.authing.cn";

    public static readonly Dictionary<string, (Action<AuthenticationClientOptions> Break, string Setting)> All = new()
    {
        ["AppId missing"] = (o => o.AppId = null, "AppId"),
        ["AppId empty"] = (o => o.AppId = string.Empty, "AppId"),
        ["AppId whitespace"] = (o => o.AppId = "   ", "AppId"),
        ["AppHost missing"] = (o => o.AppHost = null, "AppHost"),
        ["AppHost relative"] = (o => o.AppHost = "example.authing.cn/oidc", "AppHost"),
        ["AppHost ftp"] = (o => o.AppHost = "ftp://example.authing.cn", "AppHost"),
        ["AppHost file"] = (o => o.AppHost = "file:///etc/passwd", "AppHost"),
        ["AppHost with user information"] = (o => o.AppHost = "https://user:password@example.authing.cn", "AppHost"),
        ["AppHost plain http on a public host"] = (o => o.AppHost = "http://example.authing.cn", "AppHost"),
        ["AppHost plain http on a private address"] = (o => o.AppHost = "http://10.0.0.8", "AppHost"),
        ["AppSecret missing for client_secret_post"] = (o => o.AppSecret = null, "AppSecret"),
        ["AppSecret empty for client_secret_post"] = (o => o.AppSecret = string.Empty, "AppSecret"),
        ["AppSecret missing for client_secret_basic"] = (o => (o.AppSecret, o.RevocationEndPointAuthMethod) = (null, ClientAuthenticationMethod.ClientSecretBasic), "AppSecret"),
        ["AppSecret with a line break"] = (o => o.AppSecret = TestApp.Secret + "\n", "AppSecret"),
        ["AppSecret with non-ASCII"] = (o => o.AppSecret = TestApp.Secret + "é", "AppSecret"),
        ["client_secret_basic with OAuth"] = (o => (o.Protocol, o.RevocationEndPointAuthMethod) = (AuthingProtocol.OAuth, ClientAuthenticationMethod.ClientSecretBasic), "RevocationEndPointAuthMethod"),
        ["Protocol undefined"] = (o => o.Protocol = (AuthingProtocol)7, "Protocol"),
        ["RevocationEndPointAuthMethod undefined"] = (o => o.RevocationEndPointAuthMethod = (ClientAuthenticationMethod)9, "RevocationEndPointAuthMethod"),
        ["RevocationEndPointAuthMethod negative"] = (o => o.RevocationEndPointAuthMethod = (ClientAuthenticationMethod)(-1), "RevocationEndPointAuthMethod"),
    };

    public static TheoryData<string> Names => [.. All.Keys];

    /// <summary>Valid options for <paramref name="caseName"/>, then broken the way the case says.</summary>
    public static AuthenticationClientOptions Options(string caseName)
    {
        var options = TestApp.Options(Host);
        All[caseName].Break(options);
        return options;
    }
}
