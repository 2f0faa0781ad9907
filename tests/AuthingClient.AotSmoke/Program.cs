// Revokes a token twice against a loopback endpoint this program serves itself, the two ways users
// build the client: options in code (no DI), and AddAuthingAuthenticationClient + IHttpClientFactory.
// Prints "true" for each and exits 0; anything else exits 1.
using AuthingClient;
using AuthingClient.AotSmoke;
using Microsoft.Extensions.DependencyInjection;

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

return ok ? 0 : 1;

async Task<bool> RevokeAsync(AuthenticationClient client, string token)
{
    var revoked = await client.RevokeTokenAsync(token, TokenTypeHint.AccessToken);
    // The client says true for any 2xx; the endpoint answers 2xx only to the request it expects.
    var received = endpoint.Received($"token={token}");
    Console.WriteLine(revoked && received ? "true" : $"false (revoked={revoked}, received={received})");
    return revoked && received;
}
