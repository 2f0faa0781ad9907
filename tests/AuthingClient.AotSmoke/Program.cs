// Revokes a token three times against a loopback endpoint this program serves itself, the ways users
// build the client: options in code (no DI), AddAuthingAuthenticationClient + IHttpClientFactory, and
// the same bound from configuration (the binding generator, wire names included); then checks that a
// malformed setting fails naming it. Prints "true" for each and exits 0; anything else exits 1.
using AuthingClient;
using AuthingClient.AotSmoke;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

const string AppId = "aot-smoke-app";
const string AppSecret = "aot-smoke-secret";

using var endpoint = LoopbackRevocationEndpoint.Start();
var ok = true;

using (var client = new AuthenticationClient(new AuthenticationClientOptions
{
    AppId = AppId,
    AppSecret = AppSecret,
    AppHost = endpoint.BaseAddress,
}))
{
    ok &= await RevokeAsync(client, "aot-token-without-di");
}

var services = new ServiceCollection();
services.AddAuthingAuthenticationClient(options =>
{
    options.AppId = AppId;
    options.AppSecret = AppSecret;
    options.AppHost = endpoint.BaseAddress;
});
await using (var provider = services.BuildServiceProvider())
{
    ok &= await RevokeAsync(provider.GetRequiredService<AuthenticationClient>(), "aot-token-through-di");
}

ok &= await RevokeFromConfigurationAsync(endpoint.BaseAddress);
ok &= MalformedSettingIsNamed();

return ok ? 0 : 1;

async Task<bool> RevokeFromConfigurationAsync(string appHost)
{
    var configuration = Configuration(appHost, timeout: "00:00:20");
    var bound = new ServiceCollection();
    bound.AddAuthingAuthenticationClient(configuration.GetSection(AuthenticationClientOptions.SectionName));
    await using var provider = bound.BuildServiceProvider();
    var options = provider.GetRequiredService<IOptions<AuthenticationClientOptions>>().Value;
    var asConfigured = options is { RevocationEndPointAuthMethod: ClientAuthenticationMethod.ClientSecretPost, Protocol: AuthingProtocol.Oidc, Retry.MaxAttempts: 2 }
        && options.Timeout == TimeSpan.FromSeconds(20);
    if (!asConfigured)
    {
        Console.WriteLine($"false (configuration bound as {options})");
        return false;
    }

    return await RevokeAsync(provider.GetRequiredService<AuthenticationClient>(), "aot-token-from-configuration");
}

bool MalformedSettingIsNamed()
{
    var bound = new ServiceCollection();
    bound.AddAuthingAuthenticationClient(Configuration("http://127.0.0.1:1", timeout: "soon").GetSection(AuthenticationClientOptions.SectionName));
    using var provider = bound.BuildServiceProvider();
    try
    {
        _ = provider.GetRequiredService<IOptions<AuthenticationClientOptions>>().Value;
        Console.WriteLine("false (a malformed Timeout was accepted)");
        return false;
    }
    catch (FormatException ex) when (ex.Message == "Authing:Timeout must be a time span such as 00:00:30.")
    {
        Console.WriteLine("true");
        return true;
    }
}

static IConfiguration Configuration(string appHost, string timeout) => new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Authing:AppId"] = AppId,
        ["Authing:AppSecret"] = AppSecret,
        ["Authing:AppHost"] = appHost,
        ["Authing:Protocol"] = "oidc",
        ["Authing:RevocationEndPointAuthMethod"] = "client_secret_post",
        ["Authing:Timeout"] = timeout,
        ["Authing:Retry:MaxAttempts"] = "2",
    })
    .Build();

async Task<bool> RevokeAsync(AuthenticationClient client, string token)
{
    var revoked = await client.RevokeTokenAsync(token, TokenTypeHint.AccessToken);
    // The client says true for any 2xx; the endpoint answers 2xx only to the request it expects.
    var received = endpoint.Received($"token={token}");
    Console.WriteLine(revoked && received ? "true" : $"false (revoked={revoked}, received={received})");
    return revoked && received;
}
