// A user's program, written against the published packages only: the stand-in from
// AuthingClient.Testing plays Authing; the client is built through dependency injection.
using AuthingClient;
using AuthingClient.Testing;
using Microsoft.Extensions.DependencyInjection;

using var authing = AuthingStandIn.Start();

var services = new ServiceCollection();
services.AddAuthingAuthenticationClient(options =>
{
    var standIn = authing.CreateClientOptions();
    options.AppId = standIn.AppId;
    options.AppSecret = standIn.AppSecret;
    options.AppHost = standIn.AppHost;
});
await using var provider = services.BuildServiceProvider();
var client = provider.GetRequiredService<AuthenticationClient>();

var revoked = await client.RevokeTokenAsync("sample-refresh-token", TokenTypeHint.RefreshToken);
var recorded = authing.IsRevoked("sample-refresh-token");
Console.WriteLine($"revoked={revoked} recorded={recorded}");
return revoked && recorded ? 0 : 1;
